"""Numerals in English and Japanese, as numbers: digits with separators, English number
words ("forty-four", "a hundred"), Japanese numerals mixed with digits ("4400万",
"四千四百万", "1億5000万") and "数" ("several") as a range. The tables and parsers that
``normalize/numbers.py`` reads money, counts and percentages with; it imports nothing of
factcheck.
"""

from __future__ import annotations

import math
import re
import unicodedata

INF = math.inf
HUGE = 1e300  # a larger number than any record holds: what 310 digits and more are read as


def finite(value: float) -> float:
    """``value``, at most HUGE: a number too large for a float is read as a huge one (INF
    would mean "and more"), so it still differs from every amount of the record."""
    return min(value, HUGE)


EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
EN_SCALES = {
    "hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mm": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "t": 1e12,
    "dozen": 12, "decade": 10,
}  # fmt: skip
_JA_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9, "両": 2}  # fmt: skip
_JA_SMALL = {"十": 10, "百": 100, "千": 1000}
_JA_LARGE = {"万": 1e4, "億": 1e8, "兆": 1e12}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def parse_en_number(raw: str) -> float | None:
    """Digits with separators or English number words ("forty-four", "a hundred")."""
    s = raw.strip().lower().replace(",", "")
    try:
        return finite(float(s))
    except ValueError:
        pass
    total, current = 0.0, 0.0
    found = False
    for word in re.split(r"[\s-]+", s):
        if word in EN_UNITS:
            current += EN_UNITS[word]
            found = True
        elif word in _EN_ORDINALS:
            current += _EN_ORDINALS[word]
            found = True
        elif word == "hundred":
            current = (current or 1) * 100
            found = True
        elif word in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * EN_SCALES[word]
            current = 0
            found = True
        elif word == "and":
            continue
        else:
            return None
    return total + current if found else None


def parse_ja_number(raw: str) -> tuple[float, float] | None:
    """Japanese numerals, mixed with digits: "4400万", "4,400万", "四千四百万", "1億5000万", "44百万".

    "数" ("several") gives a range: "数千万" is 10M to 99M.
    """
    s = nfkc(raw).replace(",", "").replace("，", "")
    if not s:
        return None
    vague = "数" in s
    lo = _ja_value(s.replace("数", "1"))
    hi = _ja_value(s.replace("数", "9"))
    if lo is None or hi is None:
        return None
    if vague:
        # "数千万" = several times ten million: from 2x to 9.99x the scale (some use 1x).
        scale = lo
        return (scale, hi * 1.111)
    return (lo, lo)


def _ja_value(s: str) -> float | None:
    total = 0.0
    section = 0.0  # below 万
    number = ""  # pending digits
    digit_seen = False
    for ch in s:
        if ch.isdigit() or ch == ".":
            number += ch
            digit_seen = True
        elif ch in _JA_DIGITS:
            number += str(_JA_DIGITS[ch])
            digit_seen = True
        elif ch in _JA_SMALL:
            n = float(number) if number else 1.0
            section += n * _JA_SMALL[ch]
            number = ""
            digit_seen = True
        elif ch in _JA_LARGE:
            n = float(number) if number else 0.0
            chunk = section + n
            if chunk == 0:
                chunk = 1.0
            total += chunk * _JA_LARGE[ch]
            section, number = 0.0, ""
            digit_seen = True
        else:
            return None
    try:
        tail = float(number) if number else 0.0
    except ValueError:
        return None
    return finite(total + section + tail) if digit_seen else None
