"""The JSON document of contract/output-v1 (version 1; revision 1.1 adds ``conflict``)."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterable
from json.encoder import encode_basestring

from factcheck.model import Citation, Finding
from factcheck.report import Context, Tally, Write
from factcheck.report.positions import locate


def _citation(c: Citation) -> dict[str, object]:
    return {"source": c.source, "path": c.path, "line": c.line, "passage": c.passage}


def finding_dict(f: Finding, ctx: Context) -> dict[str, object]:
    found = _finding_dict(f, ctx)
    if f.disagreement:  # only when sources disagree: other outputs stay as they were
        found["disagreement"] = [_citation(c) for c in f.disagreement]
    return found


def _finding_dict(f: Finding, ctx: Context) -> dict[str, object]:
    line, col, end_line, end_col = locate(ctx.texts.get(f.input, ""), f.span)
    return {
        "input": f.input,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "statement": f.statement,
        "verdict": f.verdict.value,
        "score": f.score,
        "claim": {"id": f.claim_id, "text": f.claim_text} if f.claim_id else None,
        "reason": f.reason,
        "citation": (
            {
                "source": f.citation.source,
                "path": f.citation.path,
                "line": f.citation.line,
                "passage": f.citation.passage,
            }  # fmt: skip
            if f.citation
            else None
        ),
        "conflict": conflict_dict(f),
    }


def conflict_dict(f: Finding) -> dict[str, object] | None:
    """What differs, for a contradicted statement (output 1.1): its kind, each side's value
    and where each is, in characters, in the statement and in the cited passage."""
    c = f.conflict
    if c is None:
        return None
    return {
        "kind": c.kind.value,
        "statement_value": c.statement_value,
        "source_value": c.source_value,
        "statement_span": list(c.statement_span) if c.statement_span else None,
        "source_span": list(c.source_span) if c.source_span else None,
    }


def _scalar(value: object) -> str:
    """One value as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    if isinstance(value, str):
        return encode_basestring(value)  # the C function json.dumps itself uses
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


def _pretty(value: object, pad: str) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` with every line after the first
    indented by ``pad``, byte for byte, with each value written directly: the indenting
    encoder is pure Python and cost most of a long run."""
    inner = pad + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = ",\n".join(
            f"{inner}{_scalar(str(k))}: {_pretty(v, inner)}" for k, v in value.items()
        )
        return "{\n" + items + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _pretty(v, inner) for v in value) + "\n" + pad + "]"
    return _scalar(value)


def stream(findings: Iterable[Finding], ctx: Context, write: Write) -> Tally:
    """The document of :func:`render`, written result by result (byte for byte the same)."""
    tally = Tally()
    write('{\n  "version": 1,\n  "results": [')
    first = True
    for f in findings:
        tally.add(f)
        item = finding_dict(f, ctx)
        if ctx.explain:
            item["considered"] = [{"claim": c, "score": s} for c, s in f.considered]
        write(("\n    " if first else ",\n    ") + _pretty(item, "    "))
        first = False
    write("]" if first else "\n  ]")
    counts = json.dumps(tally.summary(), ensure_ascii=False, indent=2)
    write(',\n  "summary": ' + counts.replace("\n", "\n  ") + "\n}\n")
    return tally


def render(findings: list[Finding], ctx: Context) -> str:
    out = io.StringIO()
    stream(findings, ctx, out.write)
    return out.getvalue()
