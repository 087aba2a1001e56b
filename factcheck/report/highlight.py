"""Which values to highlight: the statement's value that differs, and the source's in the
passage (located by the core when the conflict was found), or the values they share."""

from __future__ import annotations

from factcheck.marks import agreeing
from factcheck.model import Finding, Verdict

SAID = "bold red underline"  # a value of the statement that the source contradicts
SOURCE = "bold green underline"  # the source's value, in the passage and the reason


def highlights(f: Finding) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """(spans in the statement, spans in the cited passage), each with its style."""
    passage = f.citation.passage if f.citation else ""
    c = f.conflict
    if f.verdict is Verdict.CONTRADICTED and c is not None:
        said = [(*c.statement_span, SAID)] if c.statement_span else []
        source = [(*c.source_span, SOURCE)] if c.source_span else []
        return said, source
    if f.verdict is Verdict.SUPPORTED and passage:
        st, ps = agreeing(f.statement, passage)
        return [(a, b, SOURCE) for a, b in st], [(a, b, SOURCE) for a, b in ps]
    return [], []


def reason_marks(f: Finding) -> list[tuple[int, int, str]]:
    """The two values inside the reason sentence, found by their wording (never parsed)."""
    c = f.conflict
    reason = f.reason or ""
    if c is None or not reason:
        return []
    out = []
    head = reason.find("the source says")
    said, source = "bold red", "bold green"  # in the sentence: coloured, not underlined
    for value, style, lo in ((c.statement_value, said, 0), (c.source_value, source, max(head, 0))):
        if value:
            at = reason.find(value, lo)
            if at >= 0:
                out.append((at, at + len(value), style))
    return out
