"""A stray bracket or quote is no reason to judge the wrong sentence (issue 14).

An unbalanced "(" once swallowed every sentence end to the next ")" on its line: three
statements became one, judged unknown, where one of them is contradicted. A bracket or a
quote now hides a sentence end only when it closes on the same line within BRACKET_SPAN
characters of where it opened.

Properties (hypothesis): checking any text (brackets, quotes, long numbers) never raises,
and a statement's verdict does not change when an unrelated unbalanced bracket is added to
an earlier sentence more than BRACKET_SPAN characters away.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from factcheck.pipeline import check_text
from factcheck.report import FORMATS, Context, renderer
from factcheck.text.segment import BRACKET_SPAN, split_statements
from tests.helpers import bundled_index, command
from tests.test_properties import PIECES, SETTINGS

ISSUE = ("Musk (an early backer gave money to OpenAI. Musk donated $50M to OpenAI in total. "
         "Altman became CEO of OpenAI (in 2019).")  # fmt: skip


def texts(t: str) -> list[str]:
    return [s.text for s in split_statements(t)]


def test_an_unbalanced_bracket_does_not_swallow_the_next_sentences() -> None:
    assert texts(ISSUE) == [
        "Musk (an early backer gave money to OpenAI.",
        "Musk donated $50M to OpenAI in total.",
        "Altman became CEO of OpenAI (in 2019).",
    ]


def test_the_issue_command_finds_the_contradiction(cli_env: dict[str, str]) -> None:
    proc = subprocess.run(command("--format", "json", ISSUE), env=cli_env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    verdicts = [r["verdict"] for r in json.loads(proc.stdout)["results"]]
    assert len(verdicts) == 3 and verdicts[1] == "contradicted"


def test_balanced_brackets_and_quotes_still_hold_their_sentences() -> None:
    assert texts("He said (this is it. really) and left. Next one.") == [
        "He said (this is it. really) and left.",
        "Next one.",
    ]
    assert texts("「彼は来た。そして去った。」と言った。次。") == [
        "「彼は来た。そして去った。」と言った。",
        "次。",
    ]
    nested = "A (b. (c) d) e. F."
    assert texts(nested) == ["A (b. (c) d) e.", "F."]


def test_a_quote_closed_too_far_away_hides_no_sentence_end() -> None:
    inner = "Musk gave money. " * (BRACKET_SPAN // 17 + 2)
    found = texts(f"He wrote “{inner.strip()}” at last. Then he left.")
    assert len(found) > 3 and found[-1] == "Then he left."


def test_a_long_line_with_a_stray_bracket_is_split_at_its_sentences() -> None:
    """The same cause once cut a 50 MB line into 2,000-character pieces."""
    line = "(" + "Musk donated $44M to OpenAI. " * 2000 + ")"
    found = split_statements(line)
    assert len(found) == 2000
    assert all(s.text.endswith("to OpenAI.") or s.text.endswith(".)") for s in found)


# --------------------------------------------------------------------------- properties

NUMBERS = [
    "9" * 320,
    "$" + "9" * 400,
    "$1e400",
    "1e400 dollars",
    "4400万ドル",
    "0.5%",
    "1" * 40 + "%",
]
ANY_TEXT = st.lists(st.sampled_from(PIECES + NUMBERS), max_size=50).map("".join)


@SETTINGS
@given(ANY_TEXT)
def test_checking_any_text_never_raises(text: str) -> None:
    findings = check_text(text, bundled_index())
    for f in findings:
        assert f.verdict.value in ("supported", "contradicted", "unknown")
    ctx = Context(texts={"<text>": text, "draft.md": text})
    for fmt in FORMATS:  # and every report of it is made, whole
        for name in ("<text>", "draft.md"):
            out = renderer(fmt)([replace(f, input=name) for f in findings], ctx)
            if fmt in ("json", "sarif"):
                json.loads(out)
            elif fmt == "rdjsonl":
                assert len([json.loads(line) for line in out.splitlines()]) <= len(findings)


STATEMENTS = [
    "Musk donated $50M to OpenAI in total.",
    "Musk donated $44M to OpenAI in total.",
    "マスクはOpenAIに合計4400万ドルを寄付した。",
    "Altman became CEO of OpenAI in 2019.",
    "Musk left the OpenAI board in 2018.",
    "The weather was pleasant that day.",
]
WORDS = ["the", "board", "met", "again", "later", "and", "talked", "for", "hours", "about",
         "funding", "plans", "2019", "$3M", "「会議」", "(quietly)", "“briefly”"]  # fmt: skip
FILLER = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(
        lambda w: " ".join(w).capitalize() + "."
    ),
    min_size=1,
    max_size=12,
).map(" ".join)
OPENERS = ["(", "（", "「", "『", "“"]


@SETTINGS
@given(st.sampled_from(STATEMENTS), FILLER, st.sampled_from(OPENERS), st.integers(0, 30))
def test_a_stray_bracket_far_before_a_statement_leaves_its_verdict(
    statement: str, filler: str, opener: str, at: int
) -> None:
    first = "The board met in Palo Alto to talk about money."
    pad = "It was a long meeting. " * (BRACKET_SPAN // 23 + 1)  # more than BRACKET_SPAN apart
    before = f"{first} {filler} {pad}{statement}"
    cut = min(at, len(first) - 1)
    after = f"{first[:cut]}{opener}{first[cut:]} {filler} {pad}{statement}"
    plain, stray = check_text(before, bundled_index()), check_text(after, bundled_index())
    assert plain[-1].statement == stray[-1].statement == statement
    assert (plain[-1].verdict, plain[-1].claim_id) == (stray[-1].verdict, stray[-1].claim_id)
