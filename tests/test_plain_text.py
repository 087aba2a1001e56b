"""The text report writes plain findings without rich: the same characters rich lays out."""

from __future__ import annotations

import pytest

from factcheck.pipeline import check_text
from factcheck.report import Context, Tally
from factcheck.report import text as report
from tests.helpers import bundled_index


@pytest.fixture(scope="module")
def findings() -> tuple[dict[str, str], list]:  # type: ignore[type-arg]
    index = bundled_index()
    rec = index.record
    docs = {"article.txt": next(iter(rec.sources.values())).text}
    examples = [e for c in rec.claims for e in (*c.supported_examples, *c.contradicted_examples)]
    docs["examples.txt"] = "\n\n".join(examples)
    docs["a very long file name " * 6] = "Musk donated $44M to OpenAI in 2015. Altman is 25."
    docs["controls.txt"] = "Musk donated \x1b[31m$44M to OpenAI.\u202e Tabs\there."
    return docs, [f for name, t in docs.items() for f in check_text(t, index, name)]


@pytest.mark.parametrize("width", [20, 40, 60, 83, 84, 100, 132])
def test_plain_findings_are_what_rich_lays_out(findings, width: int) -> None:  # type: ignore[no-untyped-def]
    docs, found = findings
    ctx = Context(texts=docs, width=width)
    plain = 0
    for f in found:
        fast = report._plain(f, ctx)
        if fast is not None:
            plain += 1
            assert fast == report._printed(ctx, report._finding(f, ctx), ""), f.statement
    if width in (84, 100):  # the default width: most findings take the plain way
        assert plain > len(found) // 2


def test_colour_scores_and_candidates_are_left_to_rich(findings) -> None:  # type: ignore[no-untyped-def]
    docs, found = findings
    for options in ({"color": True}, {"explain": True}, {"show_scores": True}):
        ctx = Context(texts=docs, **options)  # type: ignore[arg-type]
        assert all(report._plain(f, ctx) is None for f in found)


def test_a_whole_report_reads_the_same_either_way(findings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    docs, found = findings
    ctx = Context(texts=docs, width=100)
    fast = report.render(found, ctx)
    monkeypatch.setattr(report, "_plain", lambda f, ctx: None)
    assert fast == report.render(found, ctx)


@pytest.mark.parametrize("width", [20, 40, 60, 64, 65, 83, 100, 132])
@pytest.mark.parametrize("only_problems", [False, True])
def test_the_plain_summary_is_what_rich_lays_out(findings, width: int, only_problems: bool) -> None:  # type: ignore[no-untyped-def]
    docs, found = findings
    ctx = Context(texts=docs, width=width, only_problems=only_problems)
    one = [f for f in found if f.input == "article.txt"]
    cases = [[], one[:1], one, [f for f in one if f.verdict.value != "supported"]]
    plain = 0
    for chosen in [*cases, found]:  # found: several inputs, left to rich
        tally = Tally()
        for f in chosen:
            tally.add(f)
        fast = report._plain_summary(tally, ctx)
        if fast is not None:
            plain += 1
            assert fast == report._printed(ctx, *report._summary(tally, ctx)), (width, len(chosen))
    assert report._plain_summary(Tally(), Context(texts=docs, width=width, color=True)) is None
    if width >= 100:
        assert plain == len(cases)
