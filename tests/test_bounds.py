"""Values the record gives as bounds (README, "Claims that need more than the plain form"):
a date qualified ``before`` and a count with ``approx``. The phrasings are invented, on a
small record."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.decide import judge
from factcheck.errors import RecordError
from factcheck.index.store import build_index
from factcheck.model import Verdict
from factcheck.normalize.dates import BEFORE, DateValue, extract_dates
from tests.records import claim, tiny_record

RECORD = tiny_record(
    claim("altman.visit", "More than ten years ago, Altman visited Google's offices for the first time.",
          "10年以上前、アルトマン氏は初めてグーグルのオフィスを訪れた。",
          entities=["altman", "google"], subject="altman", object="google",
          values={"durations": [{"value": 10, "unit": "years", "approx": "more_than"}],
                  "dates": [{"date": "2014-03", "qualifier": "before"}]},
          derived={"2014-03": "ten years before the note's date, or earlier"}),
)  # fmt: skip
INDEX = build_index(RECORD)

CASES = [
    ("More than ten years ago, Altman first visited Google's offices.", Verdict.SUPPORTED),
    ("Over a decade ago Altman visited Google's offices for the first time.", Verdict.SUPPORTED),
    ("10年以上前、アルトマン氏は初めてグーグルのオフィスを訪れた。", Verdict.SUPPORTED),
    # a later date than the bound contradicts it, in either language
    ("Altman first visited Google's offices in 2019.", Verdict.CONTRADICTED),
    ("Two years ago, Altman visited Google's offices for the first time.", Verdict.CONTRADICTED),
    ("アルトマン氏が初めてグーグルのオフィスを訪れたのは2年前だ。", Verdict.CONTRADICTED),
    # an earlier one is consistent with it, but the record does not give it
    ("Altman first visited Google's offices in 2008.", Verdict.UNKNOWN),
]


@pytest.mark.parametrize(("statement", "verdict"), CASES)
def test_a_bound_contradicts_later_dates_and_confirms_none(
    statement: str, verdict: Verdict
) -> None:
    j = judge(INDEX, INDEX.features(statement))
    assert j.verdict is verdict, j.reason


def test_a_bound_agrees_with_dates_up_to_it() -> None:
    bound = DateValue(2014, 3, part=BEFORE)
    assert bound.agrees(DateValue(2008)) and DateValue(2014).agrees(bound)
    assert DateValue(2014, 2).agrees(bound)
    assert not bound.agrees(DateValue(2014, 5)) and not DateValue(2019).agrees(bound)


@pytest.mark.parametrize("text", ["more than ten years ago", "about two years ago", "約10年前"])
def test_a_rough_time_ago_is_no_date(text: str) -> None:
    from datetime import date

    assert extract_dates(text, date(2024, 3, 6)) == []


def test_an_unknown_approx_is_a_problem(tmp_path: Path) -> None:
    record = tiny_record(
        claim("altman.visit", "Altman visited Google.", entities=["altman", "google"],
              values={"counts": [{"value": 10, "unit": "visits", "approx": "about"}]}),
    )  # fmt: skip
    assert record.claims[0].values["counts"][0]["approx"] == "about"
    with pytest.raises(RecordError, match="approx 'roughly' is not one of"):
        tiny_record(
            claim("altman.visit", "Altman visited Google.", entities=["altman", "google"],
                  values={"counts": [{"value": 10, "unit": "visits", "approx": "roughly"}]}),
        )  # fmt: skip


def test_a_number_inside_a_bound_is_not_stated_by_it() -> None:
    """ "more than ten years" reaches ten and beyond: it states "over a decade" and "a
    decade", never "12 years" (which the record may state elsewhere, or not at all)."""
    from factcheck.normalize.numbers import INF, Quantity, extract_counts
    from factcheck.verdict.values import quantities

    bound = Quantity("count", 10.0, INF, "10", unit="years")  # {value: 10, approx: more_than}
    for text, agreed in (("over a decade", True), ("a decade", True), ("12 years", False)):
        (q,) = extract_counts(text)
        out = quantities((q,), (bound,), "count")
        assert bool(out.agreed) is agreed and out.found is None, text
