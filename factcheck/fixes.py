"""Suggested fixes: a contradicted amount, date, count or name replaced by the record's value.

A fix rewrites only the differing value (the conflict's span in the statement), written in
the statement's own style ("$50M" becomes "$44M", 「5000万ドル」 becomes 「4400万ドル」, "30
years" becomes "14 years"), and is offered only when the statement so rewritten is judged
supported by the same claim: everything else in it must already agree with the record.
``factcheck --fix`` applies them to the files checked, ``--diff`` prints them as a diff.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.model import ConflictKind, Finding, Verdict

Judge = Callable[[str], list[Finding]]  # a statement in, its findings out

FIXABLE = frozenset({ConflictKind.AMOUNT, ConflictKind.DATE, ConflictKind.COUNT,
                     ConflictKind.PERCENTAGE, ConflictKind.NUMBER, ConflictKind.NAME})  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``text[start:end]`` of an input (character offsets) with ``replacement``."""

    input: str
    start: int
    end: int
    replacement: str


def _quantity(kind: ConflictKind, text: str) -> float | None:
    from factcheck.normalize.numbers import extract_counts, extract_money, extract_percents

    found = {ConflictKind.AMOUNT: extract_money, ConflictKind.PERCENTAGE: extract_percents}.get(
        kind, extract_counts
    )(text)
    if len(found) == 1 and found[0].exact:
        return found[0].lo
    numbers = _NUMBER.findall(text)
    return float(numbers[0].replace(",", "")) if len(numbers) == 1 else None


def _number_text(value: float, like: str) -> str:
    """``value`` written as the number ``like`` is (thousands separators, decimals)."""
    decimals = len(like.rsplit(".", 1)[1]) if "." in like else 0
    if decimals == 0 and abs(value - round(value)) > 1e-9:
        decimals = min(3, len(f"{value:.3f}".rstrip("0").rsplit(".", 1)[1]))
    return f"{value:,.{decimals}f}" if "," in like else f"{value:.{decimals}f}"


def _scaled(kind: ConflictKind, written: str, source: str) -> str | None:
    """The value ``written`` in the statement with its one number changed so that it says
    what ``source`` says (same unit words, same scale: "$50M" and 4400万ドル give "$44M")."""
    import unicodedata

    plain = unicodedata.normalize("NFKC", written)
    numbers = list(_NUMBER.finditer(plain))
    if len(numbers) != 1 or len(plain) != len(written):
        return None
    said, meant = _quantity(kind, written), _quantity(kind, source)
    if not said or meant is None:
        return None
    token = numbers[0]
    value = float(token.group().replace(",", "")) * meant / said
    if value <= 0:
        return None
    return written[: token.start()] + _number_text(value, token.group()) + written[token.end() :]


def _candidates(f: Finding) -> list[str]:
    c = f.conflict
    assert c is not None and c.statement_span is not None
    written = f.statement[c.statement_span[0] : c.statement_span[1]]
    source = c.source_value or ""
    out: list[str] = []
    if c.kind is not ConflictKind.NAME:
        scaled = _scaled(c.kind, written, source)
        if scaled:
            out.append(scaled)
        numbers = _NUMBER.findall(source)
        if len(_NUMBER.findall(written)) == 1 and len(numbers) == 1:  # a year, a plain number
            out.append(_NUMBER.sub(numbers[0], written))
    if source:
        out.append(source)
    return [x for x in dict.fromkeys(out) if x and x != written]


def _same_script(a: str, b: str) -> bool:
    from factcheck.normalize.words import is_japanese

    return is_japanese(a) == is_japanese(b)


def suggest(f: Finding, judge: Judge) -> Fix | None:
    """The fix of a contradicted finding, or None when no replacement of its conflicting
    value makes the statement supported by the same claim."""
    c = f.conflict
    if f.verdict is not Verdict.CONTRADICTED or c is None or c.kind not in FIXABLE:
        return None
    if c.statement_span is None:
        return None
    a, b = c.statement_span
    if not 0 <= a < b <= len(f.statement):
        return None
    for replacement in _candidates(f):
        if not _same_script(replacement, f.statement[a:b] or f.statement):
            continue
        rewritten = f.statement[:a] + replacement + f.statement[b:]
        found = judge(rewritten)
        if (len(found) == 1 and found[0].verdict is Verdict.SUPPORTED
                and found[0].claim_id == f.claim_id):  # fmt: skip
            return Fix(f.input, f.span.start + a, f.span.start + b, replacement)
    return None


def apply(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with the fixes made (non-overlapping; later ones first, so offsets hold)."""
    out = text
    last = len(text) + 1
    for fix in sorted(fixes, key=lambda x: x.start, reverse=True):
        if fix.end > last:
            continue  # overlaps the fix after it
        out = out[: fix.start] + fix.replacement + out[fix.end :]
        last = fix.start
    return out


def encoded(path: str, old_text: str, new_text: str) -> bytes | None:
    """The new bytes of a file that held ``old_text`` in UTF-8 (its BOM kept); None when the
    file is not that (UTF-16 or UTF-32, or changed since it was read)."""
    with open(path, "rb") as fh:
        raw = fh.read()
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        if raw[len(bom) :].decode("utf-8") != old_text:
            return None
    except UnicodeDecodeError:
        return None
    return bom + new_text.encode("utf-8")


def unified_diff(path: str, old_text: str, new_text: str) -> str:
    import difflib

    lines = difflib.unified_diff(old_text.splitlines(keepends=True),
                                 new_text.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")  # fmt: skip
    return "".join(x if x.endswith("\n") else x + "\n\\ No newline at end of file\n" for x in lines)
