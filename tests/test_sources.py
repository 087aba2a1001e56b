"""A record of several sources: two invented articles (tests/fixtures/two_sources) that
disagree on an amount and a founding date, each with its own publication date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.index.store import build_index
from factcheck.pipeline import check_text
from factcheck.record import load_record
from factcheck.report import Context
from factcheck.report.json_ import render as render_json
from factcheck.report.text import render as render_text
from tests.helpers import bundled_index

FIXTURE = Path(__file__).parent / "fixtures" / "two_sources"


@pytest.fixture(scope="module")
def index():  # type: ignore[no-untyped-def]
    return build_index(load_record(FIXTURE / "claims.yaml"))


@pytest.mark.parametrize(
    ("text", "agreeing", "other"),
    [
        ("Acme raised $40 million.", "wire-a", "wire-b"),  # the amount
        ("Acme Robotics raised $45 million from investors.", "wire-b", "wire-a"),  # a copy
        ("Roe founded Acme in 2015.", "wire-a", "wire-b"),  # the date
        ("Jane Roe founded Acme Robotics in 2016.", "wire-b", "wire-a"),
    ],
)  # fmt: skip
def test_a_value_the_sources_disagree_on_is_unknown_citing_both(
    index, text, agreeing, other
) -> None:  # type: ignore[no-untyped-def]
    (f,) = check_text(text, index)
    assert f.verdict.value == "unknown"
    assert f.reason and f.reason.startswith("the sources disagree")
    assert [c.source for c in f.disagreement] == [agreeing, other]
    assert f.citation == f.disagreement[0]
    passages = {c.source: c.passage for c in f.disagreement}
    assert "$40 million" in passages["wire-a"] or "2015" in passages["wire-a"]


def test_the_disagreement_is_in_the_json_and_the_text_report(index) -> None:  # type: ignore[no-untyped-def]
    text = "Acme raised $40 million."
    findings = check_text(text, index)
    ctx = Context(texts={"<text>": text}, width=100, color=False)
    doc = json.loads(render_json(findings, ctx))
    (result,) = doc["results"]
    assert [d["path"] for d in result["disagreement"]] == [
        "sources/wire-a.txt",
        "sources/wire-b.txt",
    ]
    assert [d["line"] for d in result["disagreement"]] == [1, 1]
    shown = render_text(findings, ctx)
    assert "sources/wire-a.txt:1" in shown and "sources/wire-b.txt:1" in shown
    assert "$45 million" in shown and "differs" in shown


def test_a_value_both_sources_contradict_is_contradicted(index) -> None:  # type: ignore[no-untyped-def]
    (f,) = check_text("Acme raised $90 million.", index)
    assert f.verdict.value == "contradicted" and not f.disagreement


def test_a_finding_where_the_sources_agree_has_no_disagreement(index) -> None:  # type: ignore[no-untyped-def]
    (f,) = check_text("Acme opened a lab in Osaka in February 2024.", index)
    assert f.verdict.value == "supported" and f.disagreement == ()
    (f,) = check_text("Acme raised $40 million.", bundled_index())  # the bundled record: 1 source
    assert f.disagreement == ()


def test_relative_dates_resolve_against_each_sources_own_date(index) -> None:  # type: ignore[no-untyped-def]
    dates = {p.claim.id: [d.iso() for d in p.dates] for p in index.profiles}
    assert dates["a.acme.osaka_lab"] == ["2024-02"]  # "last month" of 2024-03-06
    assert dates["b.acme.kyoto_lab"] == ["2024-04"]  # "last month" of 2024-05-20
    (f,) = check_text("Acme opened a lab in Kyoto in April 2024.", index)
    assert f.verdict.value == "supported" and f.claim_id == "b.acme.kyoto_lab"
    (f,) = check_text("Acme opened a lab in Kyoto in February 2024.", index)
    assert f.verdict.value == "contradicted" and "2024-04" in (f.reason or "")


def test_each_source_checks_against_itself_with_its_own_dates(index) -> None:  # type: ignore[no-untyped-def]
    # the lab sentence of each source says "last month" of its own date; the values the
    # two sources disagree on are unknown, citing both
    for name in ("wire-a", "wire-b"):
        text = (FIXTURE / "sources" / f"{name}.txt").read_text(encoding="utf-8")
        verdicts = [f.verdict.value for f in check_text(text, index)]
        assert verdicts == ["unknown", "unknown", "supported"], name


def test_the_upstream_of_a_rewrite_is_kept_with_its_source(index) -> None:  # type: ignore[no-untyped-def]
    assert index.record.sources["wire-b"].meta["upstream"]["publisher"] == "Wire A"
    bundled = next(iter(load_record().sources.values()))
    assert "Wall Street Journal" in bundled.meta["upstream"]["publisher"]
