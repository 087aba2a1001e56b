import pytest

from factcheck.normalize.numbers import extract_counts, extract_money
from factcheck.normalize.numerals import nfkc, parse_ja_number

M44 = 44_000_000


@pytest.mark.parametrize(
    "text",
    ["$44M", "$44 million", "44 million dollars", "US$44,000,000", "$0.044 billion",
     "forty-four million dollars", "4400万ドル", "4,400万ドル", "44百万ドル", "四千四百万ドル",
     "４４００万ドル", "USD 44 million"],
)  # fmt: skip
def test_forty_four_million_in_every_form(text: str) -> None:
    (q,) = extract_money(nfkc(text))
    assert (q.lo, q.hi) == (M44, M44)


def test_billions_and_mixed_japanese() -> None:
    assert extract_money("10億ドル")[0].lo == 1e9
    assert extract_money("1億5000万ドル")[0].lo == 150e6
    assert extract_money("$1.5B")[0].lo == 1.5e9


@pytest.mark.parametrize(
    ("text", "agrees"),
    [("about $44M", True), ("more than $40M", True), ("less than $40M", False),
     ("over $50M", False), ("nearly $45 million", True), ("4000万ドル以上", True),
     ("5000万ドル未満", True), ("5000万ドル以上", False)],
)  # fmt: skip
def test_bounds_and_approximations(text: str, agrees: bool) -> None:
    (q,) = extract_money(nfkc(text))
    (exact,) = extract_money("$44M")
    assert q.overlaps(exact) is agrees


def test_vague_japanese_and_english_ranges() -> None:
    (q,) = extract_money("数千万ドル")
    assert q.lo == 10e6 and q.hi > 90e6
    (few,) = extract_money("a few hundred thousand dollars")
    assert few.hi < 1e6 and not few.overlaps(q)
    assert parse_ja_number("四千四百万") == (M44, M44)


def test_counts_and_ages() -> None:
    assert [(c.lo, c.unit) for c in extract_counts("a five-member board")] == [(5, "people")]
    assert [(c.lo, c.unit) for c in extract_counts("5人の理事会")] == [(5, "people")]
    assert [(c.lo, c.unit) for c in extract_counts("14 years older")] == [(14, "years")]
    assert [(c.lo, c.unit) for c in extract_counts("14歳年上")] == [(14, "years")]
    assert [(c.lo, c.unit) for c in extract_counts("a decade older")] == [(10, "years")]


def test_vague_counts_of_people() -> None:
    def read(text: str) -> list[tuple[float, float, str]]:
        return [(c.lo, c.hi, c.unit) for c in extract_counts(text)]

    assert read("dozens of people") == [(24, 99, "people")]
    assert read("Hundreds of OpenAI employees left.") == [(200, 999, "people")]
    assert read("thousands of Google researchers") == [(2000, 9999, "people")]
    assert read("hundreds of the employees") == []  # only names stand between
    assert read("数百人の従業員") == [(100, 999.9, "people")]


@pytest.mark.parametrize("text", ["She pledged $100 million.", "She pledged US $100 million."])
def test_an_amount_starts_and_ends_at_its_own_characters(text: str) -> None:
    """The span of an amount is what it says, without the space before "$": the words around
    it (blanked for the alignment, underlined in reports) start right after it."""
    (q,) = extract_money(text)
    assert text[q.start : q.end] == q.text
    assert q.text.endswith("$100 million") and not q.text[0].isspace()


def test_tens_of_millions_do_not_meet_hundreds_of_millions() -> None:
    (tens,) = extract_money("They raised tens of millions of dollars.")
    (hundreds,) = extract_money("They raised hundreds of millions of dollars.")
    (upper,) = extract_money("They raised $95 million.")
    assert not tens.overlaps(hundreds) and not hundreds.overlaps(tens)
    assert tens.overlaps(upper)


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("The fund paid half of the cost.", 50.0, 50.0),
        ("The fund paid about a third of the cost.", 30.0, 36.67),
        ("基金は費用の約半分を負担した。", 45.0, 55.0),
        ("基金は費用の4分の1を負担した。", 25.0, 25.0),
    ],
)
def test_a_share_said_as_a_fraction_is_a_percentage(text: str, lo: float, hi: float) -> None:
    from factcheck.normalize.numbers import extract_percents

    (q,) = extract_percents(text)
    assert (round(q.lo, 2), round(q.hi, 2)) == (lo, hi)


def test_a_majority_is_no_half() -> None:
    """過半数 (a majority) is not 半数 (half)."""
    from factcheck.normalize.numbers import extract_percents

    assert extract_percents("株式の過半数を求めた。") == []


def test_a_share_the_record_does_not_give_is_not_supported() -> None:
    from tests.helpers import assert_judged

    assert_judged("Musk provided about half of OpenAI's early funding.", "unknown", "percentage")
    assert_judged("マスク氏はOpenAIの初期資金の約半分を提供した。", "unknown", "percentage")


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("The bridge is two decades old.", 20.0, 20.0),
        ("The bridge is nearly two decades old.", 17.0, 20.0),
        ("The bridge stood for more than a decade.", 10.0, float("inf")),
        ("The bridge stood for several decades.", 20.0, float("inf")),
    ],
)
def test_decades_are_counted_in_years(text: str, lo: float, hi: float) -> None:
    from factcheck.normalize.numbers import extract_counts

    (q,) = [c for c in extract_counts(text) if c.unit == "years"]
    assert (round(q.lo, 2), q.hi) == (lo, hi)
