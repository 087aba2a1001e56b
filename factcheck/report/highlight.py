"""Which values to highlight: the statement's value that differs, and the source's in the passage."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.model import Finding, Verdict

if TYPE_CHECKING:
    pass

SAID = "bold red underline"  # a value of the statement that the source contradicts
SOURCE = "bold green underline"  # the source's value, in the passage and the reason


@dataclass(frozen=True, slots=True)
class _Value:
    """A value found in a text: its kind, where it is, and what it means."""

    kind: str
    start: int
    end: int
    meaning: object


REASON = re.compile(
    r"^(?P<what>[\w ]+?)(?: differs)?: the statement (?:says|makes) (?P<said>.+?); "
    r"the source says (?P<src>.+?)\.?$"
)
_KIND_OF = {"amount": "money", "date": "date", "count": "count", "age": "count",
            "duration": "count", "percent": "percent"}  # fmt: skip
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


def highlights(f: Finding) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """(spans in the statement, spans in the cited passage), each with its style."""
    passage = f.citation.passage if f.citation else ""
    m = REASON.match(f.reason or "")
    if f.verdict is Verdict.CONTRADICTED and m:
        kind = _KIND_OF.get(m.group("what").split()[0])
        src = m.group("src")
        raw = re.search(r"\s*\(([^()]+)\)$", src)  # "$44M (4400万ドル)": the source's wording
        said = re.sub(r" for \S+$", "", m.group("said"))  # "$50M for 2019"
        in_statement = _locate_value(f.statement, said, kind)
        in_passage = _literal(passage, raw.group(1)) if raw else []
        if not in_passage:
            in_passage = _locate_value(passage, src[: raw.start()] if raw else src, kind)
        return [(a, b, SAID) for a, b in in_statement], [(a, b, SOURCE) for a, b in in_passage]
    if f.verdict is Verdict.SUPPORTED and passage:
        mine, theirs = values(f.statement), values(passage)
        st = [(v.start, v.end, SOURCE) for v in mine if any(_same(v, w) for w in theirs)]
        ps = [(w.start, w.end, SOURCE) for w in theirs if any(_same(v, w) for v in mine)]
        return st, ps
    return [], []
