from datetime import date

import pytest

from factcheck.normalize.dates import extract_dates, parse_iso

REF = date(2024, 3, 6)


@pytest.mark.parametrize(
    ("text", "iso"),
    [("February 2018", "2018-02"), ("Feb. 2018", "2018-02"), ("2018-02", "2018-02"),
     ("2018年2月", "2018-02"), ("in February of 2018", "2018-02"), ("令和4年11月", "2022-11"),
     ("平成元年", "1989"), ("last November", "2023-11"), ("昨年11月", "2023-11"),
     ("last week", "2024"), ("in 2016", "2016"), ("２０１５年", "2015"),
     ("on 5 March 2016", "2016-03-05"), ("the 5th of March, 2016", "2016-03-05"),
     ("21st Feb. 2018", "2018-02-21"), ("March 5, 2016", "2016-03-05"),
     ("2016年3月5日", "2016-03-05"), ("six years ago", "2018"), ("two years ago", "2022"),
     ("a year ago", "2023"), ("3 months ago", "2023-12"), ("6年前", "2018"), ("3か月前", "2023-12")],
)  # fmt: skip
def test_dates(text: str, iso: str) -> None:
    import unicodedata

    (d,) = extract_dates(unicodedata.normalize("NFKC", text), REF)
    assert d.iso() == iso


def test_parts_of_a_year_agree_with_months() -> None:
    (early,) = extract_dates("early 2018", REF)
    assert early.agrees(parse_iso("2018-02"))
    assert not early.agrees(parse_iso("2018-11"))
    assert not parse_iso("2018").agrees(parse_iso("2017-02"))


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [("騰訊科技が3月16日に配信した。", 3, 16), ("published on March 16.", 3, 16),
     ("on 16 March, Musk said", 3, 16), ("on May 25th the email", 5, 25)],
)  # fmt: skip
def test_a_day_said_without_a_year_is_read_without_one(text: str, month: int, day: int) -> None:
    from factcheck.normalize.dates import YEARLESS, DateValue

    (d,) = extract_dates(text, date(2024, 3, 6))
    assert (d.year, d.month, d.day) == (YEARLESS, month, day)
    assert d.agrees(DateValue(2015, month, day)) and d.agrees(DateValue(2024, month))
    assert not d.agrees(DateValue(2024, month, day + 1))


def test_a_day_without_a_year_contradicts_the_day_the_source_gives() -> None:
    from tests.helpers import one

    for text in (
        "Tencent Tech published the report on March 16.",
        "騰訊科技は3月16日にこの記事を配信した。",
    ):
        f = one(text)
        assert f.verdict.value == "contradicted" and "March 16" in (f.reason or ""), f.reason
    assert one("Tencent Tech published the report on March 6.").verdict.value == "supported"


def test_a_week_across_two_months_is_known_to_its_year_only() -> None:
    # "last week" of Wednesday 2024-03-06 runs from Monday 26 February to Sunday 3 March
    (d,) = extract_dates("last week", REF)
    assert d.agrees(parse_iso("2024-02-29")) and d.agrees(parse_iso("2024-03-01"))
    (d,) = extract_dates("先週", date(2024, 3, 20))  # 11 to 17 March: one month
    assert d.iso() == "2024-03" and not d.agrees(parse_iso("2024-02"))


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("He unveiled it in December.", 12),
        ("She left by March, they said.", 3),
        ("11月に発表した。", 11),
    ],
)
def test_a_month_without_a_year_is_a_yearless_date(text: str, month: int) -> None:
    (d,) = extract_dates(text, date(2024, 3, 6))
    assert (d.year, d.month, d.day) == (0, month, None)
    assert text[d.start : d.start + len(d.text)] == d.text and not d.text.startswith("in ")


@pytest.mark.parametrize("text", ["He may return.", "The deal may close soon."])
def test_the_verb_may_is_no_month(text: str) -> None:
    assert extract_dates(text, date(2024, 3, 6)) == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The club won in 2016 and again the following year.", [2016, 2017]),
        ("The club won in 2016 and lost a year later.", [2016, 2017]),
        ("クラブは2016年に優勝し、翌年も優勝した。", [2016, 2017]),
        ("The club will win the following year.", []),  # no year to count from
    ],
)
def test_a_year_counted_from_the_one_said_before(text: str, years: list[int]) -> None:
    assert [d.year for d in extract_dates(text)] == years


def test_a_wrong_amount_for_the_following_year_is_in_that_years_slot() -> None:
    from tests.helpers import assert_judged

    assert_judged("Musk gave $15 million in 2016 and another $25 million the following year.",
                  "contradicted", "$20M")  # fmt: skip
    assert_judged(
        "マスク氏は2016年に1500万ドル、翌年に2500万ドルを寄付した。", "contradicted", "2017"
    )
