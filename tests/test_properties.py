"""Properties of the parsers, checked on generated input (hypothesis).

Segmentation (``split_statements``), for any text:

1. every statement slices back out of the text: ``text[span.start:span.end] == statement.text``;
2. statements are in order and do not overlap, are non-empty, hold at most
   ``MAX_STATEMENT_CHARS`` characters and neither start nor end with whitespace;
3. coverage: no letter is lost. Every character outside all statements that is a letter
   (``str.isalpha``) lies inside a Markdown link or image (``[label](target)``) or a bare URL
   (the pieces with no letters outside those are not statements). Everything else left out
   is whitespace, punctuation, digits, symbols or list markers (``-``, ``1.``, ``①``...).

Normalisers: an amount written as "$X million", "X万ドル" or "US$X,XXX,XXX", and a date
written in English or Japanese, parse back to the value they were made from.

The examples per property are few here (the suite stays fast); see docs/fuzzing.md for a
longer run: ``FACTCHECK_FUZZ_EXAMPLES=20000 pytest tests/test_properties.py tests/test_fuzz.py``.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.normalize.dates import extract_dates
from factcheck.normalize.numbers import extract_money
from factcheck.normalize.numerals import nfkc
from factcheck.text.segment import _URL, MAX_STATEMENT_CHARS, split_statements

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "0")) or 60
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip

# Text made of the pieces that matter to the segmenter: sentence ends in both languages,
# quotes and brackets, abbreviations, list markers, links, URLs, every kind of line break.
PIECES = [
    "Musk", "donated", "$44M", "to", "OpenAI", "マスク氏は", "寄付した", "4400万ドル", "Mr.", "U.S.",
    "e.g.", "3.14", "a", "I", ".", "。", "!", "?", "！", "？", "「", "」", "『", "』", "(", ")", "（",
    "）", '"', "“", "”", "'", "- ", "* ", "1. ", "2) ", "① ", "# ", "## ", "[label](http://x.y/z)",
    "![alt](img.png)", "[", "]", "](", "https://example.com/a.b", " ", "  ", "\t", "\n", "\r\n",
    "\r", "\n\n", "\u2028", "\x85", "\x0c", "é", "e\u0301", "😀", "👨\u200d👩", "漢字", "\u202e",
    "\x1b[31m",
]  # fmt: skip
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=300),
)


def _uncovered_letters(text: str, spans: list[tuple[int, int]]) -> list[int]:
    covered = bytearray(len(text))
    for a, b in spans:
        covered[a:b] = b"\x01" * (b - a)
    for m in _URL.finditer(text):
        covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return [i for i, ch in enumerate(text) if ch.isalpha() and not covered[i]]


@SETTINGS
@given(texts)
def test_statements_slice_back_and_cover_every_letter(text: str) -> None:
    found = split_statements(text)
    last = 0
    for s in found:
        assert text[s.span.start : s.span.end] == s.text
        assert last <= s.span.start < s.span.end
        assert len(s.text) <= MAX_STATEMENT_CHARS
        assert not s.text[0].isspace() and not s.text[-1].isspace()
        last = s.span.end
    lost = _uncovered_letters(text, [(s.span.start, s.span.end) for s in found])
    assert not lost, [text[i] for i in lost]


@SETTINGS
@given(texts, st.integers(0, 400), st.integers(0, 400))
def test_a_region_gives_statements_inside_it(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for s in split_statements(text, start, end):
        assert start <= s.span.start < s.span.end <= end
        assert text[s.span.start : s.span.end] == s.text


@SETTINGS
@given(st.integers(2001, 12000), st.sampled_from(["word ", "語", "x", "a. "]))
def test_long_statements_are_cut_into_pieces_of_at_most_2000(n: int, unit: str) -> None:
    text = (unit * (n // len(unit) + 1))[:n]
    found = split_statements(text)
    assert found
    assert all(len(s.text) <= MAX_STATEMENT_CHARS for s in found)
    assert all(text[s.span.start : s.span.end] == s.text for s in found)


# --------------------------------------------------------------------------- numbers


def _money(text: str) -> tuple[float, float]:
    (q,) = extract_money(nfkc(text))
    return q.lo, q.hi


@SETTINGS
@given(st.integers(1, 99_999))
def test_dollars_in_millions_round_trip(hundredths: int) -> None:
    x = hundredths / 100  # 0.01 .. 999.99
    text = f"${x:g} million"
    expected = round(x * 1_000_000)
    assert tuple(round(v) for v in _money(text)) == (expected, expected), text


@SETTINGS
@given(st.integers(1, 9_999))
def test_man_doru_round_trips(x: int) -> None:
    assert _money(f"{x}万ドル") == (x * 10_000, x * 10_000)
    assert _money(f"{x:,}万ドル") == (x * 10_000, x * 10_000)


@SETTINGS
@given(st.integers(1_000, 999_999_999))
def test_us_dollars_with_thousands_separators_round_trip(x: int) -> None:
    assert _money(f"US${x:,}") == (x, x)
    assert _money(f"${x:,}") == (x, x)


# --------------------------------------------------------------------------- dates

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@SETTINGS
@given(dates)
def test_english_dates_round_trip(day: dt.date) -> None:
    month = MONTHS[day.month - 1]
    for text, iso in (
        (f"on {month} {day.day}, {day.year}", day.isoformat()),
        (f"in {month} {day.year}", day.isoformat()[:7]),
        (f"in {day.year}", str(day.year)),
    ):
        assert [d.iso() for d in extract_dates(text)] == [iso], text


@SETTINGS
@given(dates)
def test_japanese_dates_round_trip(day: dt.date) -> None:
    for text, iso in (
        (f"{day.year}年{day.month}月{day.day}日に", day.isoformat()),
        (f"{day.year}年{day.month}月に", day.isoformat()[:7]),
        (nfkc(f"{day.year}年{day.month}月{day.day}日"), day.isoformat()),
    ):
        assert [d.iso() for d in extract_dates(text)] == [iso], text
