"""Dates in English and Japanese: years, months, days, eras and relative dates.

Relative dates ("last November", "昨年11月", "last week") are resolved against a reference
date: the publication date of the record's source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.normalize.months import MONTHS
from factcheck.normalize.regex import LazyPattern

_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_MONTH_RX = (
    r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_PART = r"(?P<part>early|mid|late|the end of|the start of|the beginning of|end of|start of)[- ]?"
_EN_DATE = LazyPattern(
    rf"\b(?:{_PART}\s*)?(?:{_MONTH_RX}\s+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?:of\s+)?"
    rf"(?P<year>(?:19|20)\d\d)\b|(?P<year2>(?:19|20)\d\d)-(?P<mon2>0[1-9]|1[0-2])(?:-(?P<day2>\d\d))?\b"
    rf"|(?P<year3>(?:19|20)\d\d)\b(?!\s*(?:%|percent|people|years?\s+old)))",
    re.IGNORECASE,
)
_EN_DAY_FIRST = LazyPattern(  # "5 March 2016", "5th of March, 2016"
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RX},?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_EN_MONTH_ONLY = LazyPattern(
    rf"\b(?:in|by|since|during|until|of|last|this|next)\s+{_MONTH_RX}\b(?!\s+\d)", re.IGNORECASE
)
_EN_RELATIVE = LazyPattern(
    rf"\b(?P<rel>last|this|next)\s+(?:(?P<unit>week|month|year)|{_MONTH_RX})\b|\b(?P<ago>(?P<n>an?|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<aunit>week|month|year)s?\s+ago)\b",
    re.IGNORECASE,
)
_JA_DATE = LazyPattern(
    r"(?:(?P<era>令和|平成|昭和)(?P<eyear>元|\d{1,2})年|(?P<year>(?:19|20)\d\d)年)(?:(?P<part>初め|初頭|前半|半ば|後半|末)|"
    r"(?P<mon>1[0-2]|0?[1-9])月(?:(?P<day>[0-3]?\d)日)?)?"
)
_JA_RELATIVE = LazyPattern(
    r"(?P<rel>昨年|去年|今年|来年|先月|今月|先週|今週|一昨年)(?:(?P<mon>1[0-2]|0?[1-9])月)?"
)
# an amount of time given as a bound or an approximation ("more than ten years ago",
# 「約10年前」) dates nothing: the event is before, or around, that year
_ROUGHLY_EN = LazyPattern(
    r"\b(?:more than|over|at least|nearly|almost|about|around|roughly|some|upwards of|"
    r"well over|close to)\s+$",
    re.IGNORECASE,
)
_FOLLOWING = LazyPattern(
    r"\bthe\s+(?:following|next)\s+year\b|\ba\s+year\s+later\b|\bthe\s+year\s+after\b|翌年",
    re.IGNORECASE,
)
_ROUGHLY_JA = LazyPattern(r"(?:約|およそ|ほぼ|少なくとも)$")
_JA_AGO = LazyPattern(r"(?P<n>\d{1,2}|[一二三四五六七八九十])(?P<unit>年|か月|ヶ月|カ月|週間)前")
_AGO_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "一": 1, "二": 2, "三": 3, "四": 4,
                "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}  # fmt: skip
_JA_MONTH_ONLY = LazyPattern(r"(?<![\d年])(?P<mon>1[0-2]|[1-9])月(?!間)")
# a day of a month with no year ("3月16日", "March 16", "16 March"): compared by month and day
# whatever the year (YEARLESS)
_JA_DAY = LazyPattern(r"(?<![\d年])(?P<mon>1[0-2]|0?[1-9])月(?P<day>[0-3]?\d)日")
_EN_DAY = LazyPattern(
    rf"\b{_MONTH_RX}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?(?:19|20)\d\d|[\d:.,]\d)"
    rf"|\b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>january|february|march|april|june|july|"
    rf"august|september|october|november|december)\b(?!\s*(?:,\s*)?(?:19|20)\d\d)",
    re.IGNORECASE,
)
YEARLESS = 0  # the year of a date said without one
BEFORE = "before"  # the part of a date that is a bound: that date or earlier


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date at year, month or day precision; ``part`` is early/mid/late when said."""

    year: int
    month: int | None = None
    day: int | None = None
    part: str | None = None
    text: str = ""
    start: int = 0

    def iso(self) -> str:
        if self.year == YEARLESS:
            return f"--{self.month or 0:02d}-{self.day or 0:02d}"
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out

    def agrees(self, other: DateValue) -> bool:
        """Same date at the coarser of the two precisions (and compatible parts of a year);
        against a bound (``part="before"``: "more than ten years ago"), any date up to it."""
        if BEFORE in (self.part, other.part) and YEARLESS not in (self.year, other.year):
            bound, said = (self, other) if self.part == BEFORE else (other, self)
            if said.year != bound.year:
                return said.year < bound.year
            return not (said.month and bound.month and said.month > bound.month)
        if self.year != other.year and YEARLESS not in (self.year, other.year):
            return False
        if self.month and other.month:
            if self.month != other.month:
                return False
            return not (self.day and other.day and self.day != other.day)
        part = self.part or other.part
        month = self.month or other.month
        if part and month:
            ranges = {"early": (1, 4), "mid": (4, 9), "late": (8, 12)}
            lo, hi = ranges.get(part, (1, 12))
            return lo <= month <= hi
        return True


def parse_iso(value: str | int) -> DateValue:
    parts = [int(p) for p in str(value).split("-")]
    return DateValue(
        parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None
    )


def _part(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    if w in ("early", "the start of", "the beginning of", "start of", "初め", "初頭", "前半"):
        return "early"
    if w in ("mid", "半ば"):
        return "mid"
    return "late"


def extract_dates(text: str, reference: date | None = None) -> list[DateValue]:
    """Dates in ``text`` (NFKC-normalised), relative ones resolved against ``reference``."""
    out: list[DateValue] = []
    taken: list[tuple[int, int]] = []

    def add(d: DateValue, a: int, b: int) -> None:
        if not any(x < b and a < y for x, y in taken):
            out.append(d)
            taken.append((a, b))

    for m in _JA_DATE.finditer(text):
        if m.group("era"):
            ey = m.group("eyear")
            year = _ERAS[m.group("era")] + (1 if ey == "元" else int(ey))
        else:
            year = int(m.group("year"))
        mon = int(m.group("mon")) if m.group("mon") else None
        day = int(m.group("day")) if m.group("day") else None
        add(
            DateValue(year, mon, day, _part(m.group("part")), m.group(0), m.start()),
            m.start(),
            m.end(),
        )
    for m in _EN_DAY_FIRST.finditer(text):
        day, mon = int(m.group("day")), MONTHS[m.group("mon").lower().rstrip(".")]
        if 1 <= day <= 31:
            add(DateValue(int(m.group("year")), mon, day, None, m.group(0), m.start()),
                m.start(), m.end())  # fmt: skip
    for m in _EN_DATE.finditer(text):
        if m.group("year"):
            mon = MONTHS[m.group("mon").lower().rstrip(".")]
            day = int(m.group("day")) if m.group("day") else None
            d = DateValue(
                int(m.group("year")), mon, day, _part(m.group("part")), m.group(0), m.start()
            )
        elif m.group("year2"):
            day = int(m.group("day2")) if m.group("day2") else None
            d = DateValue(
                int(m.group("year2")), int(m.group("mon2")), day, None, m.group(0), m.start()
            )
        else:
            d = DateValue(
                int(m.group("year3")), None, None, _part(m.group("part")), m.group(0), m.start()
            )
        add(d, m.start(), m.end())
    # a year counted from the one said before it ("in 2016 and … the following year", 「翌年」)
    for m in _FOLLOWING.finditer(text):
        earlier = [d for d in out if d.start < m.start() and d.year != YEARLESS]
        if earlier:
            prev = max(earlier, key=lambda d: d.start)
            add(
                DateValue(prev.year + 1, None, None, None, m.group(0), m.start()),
                m.start(),
                m.end(),
            )
    if reference is not None:
        for d, a, b in _relative(text, reference):
            add(d, a, b)
    for m in _JA_DAY.finditer(text):
        mon, day = int(m.group("mon")), int(m.group("day"))
        if 1 <= day <= 31:
            add(DateValue(YEARLESS, mon, day, None, m.group(0), m.start()), m.start(), m.end())
    for m in _EN_DAY.finditer(text):
        mon = MONTHS[(m.group("mon") or m.group("mon2")).lower().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        if 1 <= day <= 31:
            add(DateValue(YEARLESS, mon, day, None, m.group(0), m.start()), m.start(), m.end())
    # a month with no year ("in November", 「11月に」): compared by month whatever the year
    for m in (*_EN_MONTH_ONLY.finditer(text), *_JA_MONTH_ONLY.finditer(text)):
        said = m.group("mon")
        if m.group(0)[:4].lower() in ("last", "this", "next") or said == "may":
            continue  # (relative ones are read above; "may" is a verb)
        mon = int(said) if said.isdigit() else MONTHS[said.lower().rstrip(".")]
        a = m.start("mon")  # (the month and what follows it, not "in")
        add(DateValue(YEARLESS, mon, None, None, text[a : m.end()], a), a, m.end())
    out.sort(key=lambda d: d.start)
    return out


def _relative(text: str, ref: date) -> list[tuple[DateValue, int, int]]:
    found: list[tuple[DateValue, int, int]] = []
    for m in _EN_RELATIVE.finditer(text):
        s = m.group(0)
        rel = (m.group("rel") or "").lower()
        if m.group("mon"):
            mon = MONTHS[m.group("mon").lower().rstrip(".")]
            year = ref.year - 1 if rel == "last" and mon >= ref.month else ref.year
            year = ref.year + 1 if rel == "next" and mon <= ref.month else year
            found.append((DateValue(year, mon, None, None, s, m.start()), m.start(), m.end()))
            continue
        if m.group("ago"):  # "two years ago"
            if _ROUGHLY_EN.search(text, 0, m.start()):
                continue  # "more than ten years ago": a bound, not a date
            back, unit = _number(m.group("n").lower()), m.group("aunit").lower()
        else:  # "last year", "this month", "next week"
            back, unit = {"last": 1, "this": 0, "next": -1}[rel], m.group("unit").lower()
        found.append((_ago(ref, back, unit, s, m.start()), m.start(), m.end()))
    for m in _JA_AGO.finditer(text):  # "6年前", "3か月前"
        if _ROUGHLY_JA.search(text, 0, m.start()):
            continue  # 「約10年前」: no date of its own
        unit = {"年": "year", "週間": "week"}.get(m.group("unit"), "month")
        found.append(
            (_ago(ref, _number(m.group("n")), unit, m.group(0), m.start()), m.start(), m.end())
        )
    for m in _JA_RELATIVE.finditer(text):
        rel, jmon = m.group("rel"), m.group("mon")
        s = m.group(0)
        if rel in ("昨年", "去年", "今年", "来年", "一昨年"):
            year = ref.year + {"昨年": -1, "去年": -1, "今年": 0, "来年": 1, "一昨年": -2}[rel]
            found.append(
                (
                    DateValue(year, int(jmon) if jmon else None, None, None, s, m.start()),
                    m.start(),
                    m.end(),
                )
            )
        else:  # 先月, 今月, 先週, 今週
            unit = "month" if rel in ("先月", "今月") else "week"
            found.append((_ago(ref, int(rel[0] == "先"), unit, s, m.start()), m.start(), m.end()))
    return found


def _number(word: str) -> int:
    """How many units back: digits, or "a", "two", "三"."""
    return int(word) if word.isdigit() else _AGO_NUMBERS[word]


def _ago(ref: date, back: int, unit: str, text: str, start: int) -> DateValue:
    """``back`` years, months or weeks before ``ref`` (after it, when negative), at that
    precision."""
    if unit == "year":
        return DateValue(ref.year - back, None, None, None, text, start)
    if unit == "month":
        y, mo = divmod(ref.year * 12 + ref.month - 1 - back, 12)
        return DateValue(y, mo + 1, None, None, text, start)
    d = ref - timedelta(weeks=back)
    monday = d - timedelta(days=d.weekday())
    sunday = monday + timedelta(days=6)
    if monday.month != sunday.month and monday.year == sunday.year:
        # a week across two months ("last week" of Wednesday 2024-03-06: 26 February to
        # 3 March) is known only to its year: either month may be the one meant
        return DateValue(d.year, None, None, None, text, start)
    return DateValue(d.year, d.month, None, None, text, start)
