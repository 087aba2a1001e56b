"""Where a finding's values are in the statement and in the cited passage.

A conflict says what each side says (``Conflict.statement_value``, ``source_value``);
``locate_conflict`` finds those values in the two texts, by meaning where they are values
("$50M" finds 5000万ドル) and by wording otherwise, so that reports can mark them without
reading the reason. ``agreeing`` finds the values a supported statement shares with its
passage. Offsets are into the texts as given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from factcheck.model import Conflict, ConflictKind


@dataclass(frozen=True, slots=True)
class _Value:
    """A value found in a text: its kind, where it is, and what it means."""

    kind: str
    start: int
    end: int
    meaning: object


# the kind of value each kind of conflict is about, as the normalisers name it
_KIND_OF = {ConflictKind.AMOUNT: "money", ConflictKind.DATE: "date", ConflictKind.COUNT: "count",
            ConflictKind.PERCENTAGE: "percent"}  # fmt: skip
_QUOTES = "“”\"'「」"


def _nfkc(text: str) -> tuple[str, list[int]]:
    """NFKC text and, for each of its characters, the offset of its origin in ``text``."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        out.append(norm)
        origin.extend([i] * len(norm))
    origin.append(len(text))
    return "".join(out), origin


def values(text: str) -> list[_Value]:
    """Amounts, counts, percentages and dates in ``text`` (offsets into ``text``)."""
    try:
        from factcheck.normalize.dates import extract_dates
        from factcheck.normalize.numbers import extract_counts, extract_money, extract_percents

        norm, origin = _nfkc(text)
        found: list[tuple[str, int, int, object]] = []
        found += [(q.kind, q.start, q.end, q) for q in extract_money(norm)]
        found += [(q.kind, q.start, q.end, q) for q in extract_percents(norm)]
        found += [(q.kind, q.start, q.end, q) for q in extract_counts(norm)]
        found += [("date", d.start, d.start + len(d.text), d) for d in extract_dates(norm)]
    except Exception:  # the normalisers are not ours to trust with the display: no highlight
        return []
    out: list[_Value] = []
    for kind, start, end, meaning in found:  # money first: its digits are not a date
        if end <= start:
            continue
        a, b = origin[start], origin[end - 1] + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and not any(v.start < b and a < v.end for v in out):
            out.append(_Value(kind, a, b, meaning))
    return out


def _same(a: _Value, b: _Value) -> bool:
    if a.kind != b.kind:
        return False
    x, y = a.meaning, b.meaning
    try:
        if a.kind == "date":
            return bool(x.agrees(y))  # type: ignore[attr-defined]
        same_unit = getattr(x, "unit", "") == getattr(y, "unit", "") or a.kind == "money"
        return same_unit and bool(x.overlaps(y))  # type: ignore[attr-defined]
    except Exception:
        return False


def _literal(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` (case-insensitively; digits on digit boundaries)."""
    needle = needle.strip().strip(_QUOTES).strip()
    if not needle:
        return []
    body = re.escape(needle)
    if needle[0].isdigit():
        body = r"(?<![\d.,])" + body
    if needle[-1].isdigit():
        body += r"(?![\d.,]\d|\d)"
    return [(m.start(), m.end()) for m in re.finditer(body, text, re.IGNORECASE)]


def _locate_value(text: str, said: str, kind: str | None) -> list[tuple[int, int]]:
    """Where in ``text`` is the value that the reason renders as ``said``: by meaning (so
    "$50M" finds 5000万ドル), else by its wording, else nowhere."""
    wanted = [v for v in values(said) if kind is None or v.kind == kind]
    if wanted:
        hits = [(v.start, v.end) for v in values(text) if any(_same(v, w) for w in wanted)]
        if hits:
            return hits
    for part in re.split(r" or |, ", said):
        hits = _literal(text, part)
        if hits:
            return hits
    return []


def _first(spots: list[tuple[int, int]]) -> tuple[int, int] | None:
    return spots[0] if spots else None


def locate_conflict(c: Conflict, statement: str, passage: str) -> Conflict:
    """The conflict with the spans of its two values in the statement and the passage."""
    kind = _KIND_OF.get(c.kind)
    said = _first(_locate_value(statement, c.statement_value, kind)) if c.statement_value else None
    source = None
    if c.source_value and passage:
        source = _first(_locate_value(passage, c.source_value, kind))
    return replace(c, statement_span=said, source_span=source)


def agreeing(statement: str, passage: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The values a statement shares with its passage: (in the statement, in the passage)."""
    mine, theirs = values(statement), values(passage)
    st = [(v.start, v.end) for v in mine if any(_same(v, w) for w in theirs)]
    ps = [(w.start, w.end) for w in theirs if any(_same(v, w) for v in mine)]
    return st, ps
