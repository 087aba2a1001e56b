"""Numbers and money in English and Japanese forms, as value ranges.

"$44M", "$44 million", "US$44,000,000", "forty-four million dollars", "4400万ドル",
"4,400万ドル", "44百万ドル", "四千四百万ドル", "数千万ドル" all become a :class:`Quantity`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.normalize.numerals import (
    EN_SCALES,
    EN_UNITS,
    HUGE,
    INF,
    finite,
    parse_en_number,
    parse_ja_number,
)
from factcheck.normalize.regex import LazyPattern

__all__ = ["INF", "Quantity", "extract_counts", "extract_money", "extract_percents", "format_usd"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value range [lo, hi] of one kind ("money" in USD, "count", "percent", "age")."""

    kind: str
    lo: float
    hi: float
    text: str
    start: int = 0
    end: int = 0
    unit: str = ""

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    def overlaps(self, other: Quantity) -> bool:
        if self.exact and other.exact:
            return math.isclose(self.lo, other.lo, rel_tol=0.005)
        # (a relative hair for float rounding: "tens of millions", up to $99,999,999, does
        # not meet "hundreds of millions", from $100M)
        return self.lo <= other.hi * (1 + 1e-9) and other.lo <= self.hi * (1 + 1e-9)


_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|\d*\.\d+"
_WORD_NUM = (
    r"(?:(?:" + "|".join(sorted((k for k in EN_UNITS if len(k) > 2), key=len, reverse=True))
    + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
)  # fmt: skip
_SCALE = r"(?:hundred|thousand|million|billion|trillion|mn|bn|tn|mm|[kmbt])\b"
_EN_MONEY = LazyPattern(
    rf"(?P<cur>(?:US|U\.S\.)?\s?\$|USD\s?)\s?(?P<num>{_NUM})\s*(?P<scale>{_SCALE})?"
    rf"(?:\s+(?P<scale2>million|billion))?"
    rf"|(?P<num2>{_NUM}|{_WORD_NUM}(?:\s+hundred)?)\s*(?P<scale3>{_SCALE})?"
    rf"(?:\s+(?P<scale4>million|billion))?\s*(?:of\s+)?(?:US\s+|U\.S\.\s+)?(?:dollars|usd)\b",
    re.IGNORECASE,
)
_EN_VAGUE_MONEY = LazyPattern(
    r"\b(?:(?P<few>a few|several|some)\s+)?(?P<tens>tens of|hundreds of|dozens of)?\s*"
    r"(?P<scale>hundred|thousand|million|billion)s?\s+(?:of\s+)?(?P<scale2>thousand|million)?\s*"
    r"(?:of\s+)?dollars\b",
    re.IGNORECASE,
)
_JA_NUMERAL = r"[0-9０-９,，.．〇零一二三四五六七八九十百千万億兆両数]+"
_JA_MONEY = LazyPattern(
    rf"(?P<pre>約|およそ|米)?(?P<num>{_JA_NUMERAL})\s*(?:米)?(?:ドル|USドル|ﾄﾞﾙ)"
)
_EN_PERCENT = LazyPattern(rf"(?P<num>{_NUM})\s*(?:%|percent|per cent)", re.IGNORECASE)
_JA_PERCENT = LazyPattern(rf"(?P<num>{_NUM})\s*(?:%|％|パーセント)")
_EN_COUNT = LazyPattern(
    rf"\b(?P<num>{_NUM}|{_WORD_NUM}|dozens|dozen|a dozen|hundreds|thousands|several|a few)"
    r"(?:[- ]|\s+of\s+(?:(?-i:[A-Z])[\w.&-]*\s+){0,2})"  # "hundreds of OpenAI employees"
    r"(?P<unit>(?:member|person|people|men|women|employees|staff|researchers|years?|months?|weeks?|days?|hours?|minutes?)\b)",
    re.IGNORECASE,
)
_EN_AGE = LazyPattern(
    r"\b(?:at|aged|age)\s+(\d{1,3})\b(?!\s*(?:%|percent|million|billion|years|months))"
    r"|\b(?:was|is|were|being)\s+(\d{1,3})\s+(?:when|at|as|years old)\b"
    r"|\b(\d{1,3})[- ]years?[- ]old\b"
    r"|\bat the age of\s+(\d{1,3})\b",
    re.IGNORECASE,
)
_JA_COUNT = LazyPattern(
    rf"(?P<num>{_JA_NUMERAL})\s*(?P<unit>人|名|歳|年間|年前|か月|カ月|ヶ月|週間|日間|時間|分間|社|回)"
)
_BOUND_BEFORE_EN = LazyPattern(
    r"(?P<w>about|around|roughly|approximately|nearly|almost|some|more than|over|at least|"
    r"upwards of|in excess of|above|less than|under|below|fewer than|at most|up to|only|just|"
    r"exactly|a mere)\s*$",
    re.IGNORECASE,
)
_BOUND_AFTER_JA = LazyPattern(
    r"^(?P<w>以上|超|余り|あまり|強|弱|未満|以下|程度|ほど|前後|近く|足らず|にとどま|のみ|だけ)"
)
_BOUND_BEFORE_JA = LazyPattern(r"(?P<w>約|およそ|ほぼ|わずか|たった|少なくとも|最大)\s*$")


def _bounded(lo: float, hi: float, before: str, after: str) -> tuple[float, float, str]:
    """Widen [lo, hi] by a qualifier around the number ("about", "more than", "以上")."""
    m = _BOUND_BEFORE_EN.search(before[-24:]) or _BOUND_BEFORE_JA.search(before[-8:])
    word = m.group("w").lower() if m else ""
    if not word:
        ma = _BOUND_AFTER_JA.match(after[:6])
        word = ma.group("w") if ma else ""
    if word in ("about", "around", "roughly", "approximately", "some", "約", "およそ", "ほぼ",
                "程度", "ほど", "前後"):  # fmt: skip
        return lo * 0.9, hi * 1.1, "about"
    if word in ("nearly", "almost", "近く", "弱"):
        return lo * 0.85, hi, "nearly"
    if word in (
        "more than",
        "over",
        "upwards of",
        "in excess of",
        "above",
        "超",
        "余り",
        "あまり",
        "強",
    ):
        return lo * 1.000001, INF, "more than"
    if word in ("at least", "以上", "少なくとも"):
        return lo, INF, "at least"
    if word in ("less than", "under", "below", "fewer than", "未満", "足らず"):
        return 0.0, lo * 0.999999, "less than"
    if word in ("at most", "up to", "以下", "最大"):
        return 0.0, hi, "at most"
    return lo, hi, ""


_SCIENTIFIC = LazyPattern(r"\d+(?:\.\d+)?[eE][+-]?\d+")


def _scientific(text: str, start: int, end: int) -> tuple[float, int, int] | None:
    """The number in exponent notation ("1e400", "2.5E+6") that the digits at
    ``text[start:end]`` belong to, as (value, start, end); None when they stand alone."""
    if not (
        text[end : end + 1] in ("e", "E") or text[max(0, start - 1) : start] in ("e", "E", "+", "-")
    ):
        return None  # the common case, decided without a search
    for m in _SCIENTIFIC.finditer(text, max(0, start - 40), end + 40):
        if m.start() < end and start < m.end():
            return finite(float(m.group())), m.start(), m.end()
    return None


def extract_money(text: str) -> list[Quantity]:
    """Money amounts in USD with their offsets in ``text`` (which should be NFKC-normalised)."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _EN_MONEY.finditer(text):
        raw = m.group("num") or m.group("num2")
        value = parse_en_number(raw) if raw else None
        if value is None:
            continue
        start, end = m.span()
        sci = _scientific(text, *m.span("num" if m.group("num") else "num2"))
        if sci is not None:  # "$1e6", "1e400 dollars": the whole number, not $1 or $400
            value, start, end = sci[0], min(start, sci[1]), max(end, sci[2])
        for key in ("scale", "scale2", "scale3", "scale4"):
            sc = (m.group(key) or "").lower()
            if sc:
                value = finite(value * EN_SCALES.get(sc, 1))
        raw = text[start:end]
        start, end = start + len(raw) - len(raw.lstrip()), end - len(raw) + len(raw.rstrip())
        lo, hi, _ = _bounded(value, value, text[:start], text[end:])
        found.append(Quantity("money", lo, hi, text[start:end], start, end, "USD"))
        taken.append((start, end))
    for m in _EN_VAGUE_MONEY.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        scale = EN_SCALES[m.group("scale").lower()]
        if m.group("scale2"):
            scale *= EN_SCALES[m.group("scale2").lower()]
        mult: dict[str, tuple[float, float]] = {
            "tens of": (10, 99),
            "dozens of": (24, 99),
            "hundreds of": (100, 999),
        }
        lo_m, hi_m = mult.get((m.group("tens") or "").lower(), (1, 1))
        if m.group("few"):
            lo_m, hi_m = lo_m * 2, hi_m * 9.99
        elif m.group("tens") is None and m.group(0).lower().startswith(("million", "billion")):
            lo_m, hi_m = 2, 999  # "millions of dollars"
        found.append(Quantity("money", scale * lo_m, scale * hi_m, m.group(0).strip(),
                              m.start(), m.end(), "USD"))  # fmt: skip
        taken.append((m.start(), m.end()))
    for m in _JA_MONEY.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        parsed = parse_ja_number(m.group("num"))
        if parsed is None:
            continue
        lo, hi = parsed
        if m.group("pre") in ("約", "およそ"):
            lo, hi = lo * 0.9, hi * 1.1
        else:
            lo, hi, _ = _bounded(lo, hi, text[: m.start()], text[m.end() :])
        found.append(Quantity("money", lo, hi, m.group(0), m.start(), m.end(), "USD"))
    found.sort(key=lambda q: q.start)
    return found


# a share said as a fraction ("about half of", 「半分」): a percentage, as "50%" is
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "two-thirds": 200 / 3,
              "three-quarters": 75.0, "半分": 50.0, "半数": 50.0, "3分の1": 100 / 3,
              "三分の一": 100 / 3, "4分の1": 25.0, "四分の一": 25.0, "3分の2": 200 / 3,
              "三分の二": 200 / 3}  # fmt: skip
_EN_FRACTION = LazyPattern(
    r"\b(?P<about>(?:about|roughly|nearly|almost|around|some)\s+)?(?:a\s+|one\s+)?"
    r"(?P<frac>half|third|quarter|two[- ]thirds|three[- ]quarters)\s+of\b",
    re.IGNORECASE,
)
_JA_FRACTION = LazyPattern(
    r"(?P<about>約|およそ|ほぼ)?(?P<frac>(?<!過)半分|(?<!過)半数|3分の1|三分の一|4分の1|四分の一|3分の2|三分の二)"
)


def _fractions(text: str) -> list[Quantity]:
    out = []
    for rx in (_EN_FRACTION, _JA_FRACTION):
        for m in rx.finditer(text):
            v = _FRACTIONS[m.group("frac").lower().replace(" ", "-")]
            spread = 0.1 * v if m.group("about") else 0.0
            out.append(
                Quantity("percent", v - spread, v + spread, m.group(0), m.start(), m.end(), "%")
            )
    return out


def extract_percents(text: str) -> list[Quantity]:
    out: list[Quantity] = _fractions(text)
    for rx in (_EN_PERCENT, _JA_PERCENT):
        for m in rx.finditer(text):
            if any(q.start <= m.start() < q.end for q in out):
                continue  # "50%" read by both patterns
            v = finite(float(m.group("num").replace(",", "")))
            sci = _scientific(text, *m.span("num"))
            start = m.start() if sci is None else min(m.start(), sci[1])
            v = v if sci is None else sci[0]
            out.append(Quantity("percent", v, v, text[start : m.end()], start, m.end(), "%"))
    return out


_UNIT_CANON = {
    "member": "people", "members": "people", "person": "people", "people": "people", "men": "people",
    "women": "people", "employees": "people", "staff": "people", "researchers": "people",
    "year": "years", "years": "years", "month": "months", "months": "months",
    "week": "weeks", "weeks": "weeks", "day": "days", "days": "days",
    "hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
    "人": "people", "名": "people", "歳": "years", "年間": "years", "か月": "months",
    "カ月": "months", "ヶ月": "months", "週間": "weeks", "日間": "days", "社": "companies",
    "回": "times", "年前": "years", "時間": "hours", "分間": "minutes",
}  # fmt: skip


_DECADES = LazyPattern(
    r"\b(?:about |over |more than |nearly |almost )?(?P<n>a|one|two|three|four|several)\s+decades?\b",
    re.IGNORECASE,
)


def extract_counts(text: str) -> list[Quantity]:
    """Counts with a unit: "five-member board", "5人", "14 years", "14歳", "dozens of people"."""
    out: list[Quantity] = []
    for m in _EN_COUNT.finditer(text):
        raw = m.group("num").lower()
        if raw in ("dozens",):
            lo, hi = 24.0, 99.0
        elif raw in ("hundreds", "thousands"):
            lo, hi = (200.0, 999.0) if raw == "hundreds" else (2000.0, 9999.0)
        elif raw in ("dozen", "a dozen"):
            lo = hi = 12.0
        elif raw in ("several", "a few"):
            lo, hi = 2.0, 9.0
        else:
            v = parse_en_number(raw)
            if v is None:
                continue
            lo = hi = v
        unit = _UNIT_CANON.get(m.group("unit").lower(), m.group("unit").lower())
        lo, hi, _ = _bounded(lo, hi, text[: m.start()], text[m.end() :])
        out.append(Quantity("count", lo, hi, m.group(0), m.start(), m.end(), unit))
    for m in _DECADES.finditer(text):
        said = m.group(0).lower()
        n = {"two": 2.0, "three": 3.0, "four": 4.0, "several": 2.0}.get(m.group("n").lower(), 1.0)
        if said.startswith(("over", "more")):  # "over a decade": from ten years up
            lo, hi = 10.0 * n, INF
        elif m.group("n").lower() == "several":  # "several decades": 20 years and more
            lo, hi = 20.0, INF
        else:
            lo, hi, _ = _bounded(10.0 * n, 10.0 * n, text[: m.start("n")], text[m.end() :])
        out.append(Quantity("count", lo, hi, m.group(0), m.start(), m.end(), "years"))
    for m in _EN_AGE.finditer(text):
        v = parse_en_number(next(g for g in m.groups() if g))
        if v is not None and 0 < v < 120:
            out = [q for q in out if not (m.start() <= q.start < m.end())]
            out.append(Quantity("count", v, v, m.group(0), m.start(), m.end(), "age"))
    for m in _JA_COUNT.finditer(text):
        parsed = parse_ja_number(m.group("num"))
        if parsed is None:
            continue
        lo, hi = parsed
        if "数" in m.group("num") and lo < 10:
            lo, hi = 2.0, 9.0
        lo, hi, _ = _bounded(lo, hi, text[: m.start()], text[m.end() :])
        unit = _UNIT_CANON.get(m.group("unit"), m.group("unit"))
        if m.group("unit") == "歳" and not text.startswith(
            ("年上", "年下", "差", "違い", "若", "上", "下", "離れ"), m.end()
        ):
            unit = "age"  # "18歳の頃" is an age; "14歳年上" a difference in years
        out.append(Quantity("count", lo, hi, m.group(0), m.start(), m.end(), unit))
    return out


def format_usd(q: Quantity) -> str:
    """A short English rendering: $44M, $1.5B, $300K, "more than $40M"."""

    def one(v: float) -> str:
        if v >= 1e15:  # no word for it: "$2.0e+20" rather than "$200000000000B"
            return f"${v:.1e}"
        for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
            if v >= scale * 0.9995:  # ($999.9M is "$1B", not "$1e+03M")
                n = v / scale
                return f"${n:.3g}{suffix}" if n != int(n) else f"${int(n)}{suffix}"
        return f"${v:,.0f}"

    if q.lo >= HUGE and q.text:
        return q.text  # beyond what a float holds: as written
    if q.exact:
        return one(q.lo)
    if q.hi == INF:
        return f"more than {one(q.lo)}"
    if q.lo == 0:
        return f"less than {one(q.hi)}"
    return f"{one(q.lo)}–{one(q.hi)}"
