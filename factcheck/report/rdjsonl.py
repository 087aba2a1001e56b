"""reviewdog's diagnostic format (rdjsonl): one JSON object per contradicted or unknown statement.

reviewdog counts columns in UTF-8 bytes (1-based, end exclusive), so columns here are bytes.
Use with ``reviewdog -f=rdjsonl``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable

from factcheck.model import Finding, Span, Verdict
from factcheck.report import Context, Tally, Write, fix_for
from factcheck.report.github import message
from factcheck.report.positions import line_starts, locate
from factcheck.report.sarif import rule_id

_SEVERITY = {Verdict.CONTRADICTED: "ERROR", Verdict.UNKNOWN: "INFO"}


def _byte_column(text: str, line: int, column: int) -> int:
    """A 1-based character column on a 1-based line as a 1-based UTF-8 byte column."""
    starts = line_starts(text)
    start = starts[line - 1] if line - 1 < len(starts) else len(text)
    return len(text[start : start + column - 1].encode("utf-8")) + 1


def diagnostic(f: Finding, ctx: Context) -> dict[str, object]:
    text = ctx.texts.get(f.input, "")
    line, col, end_line, end_col = locate(text, f.span)
    return {
        "message": message(f),
        "location": {
            "path": f.input.replace("\\", "/"),
            "range": {
                "start": {"line": line, "column": _byte_column(text, line, col)},
                "end": {"line": end_line, "column": _byte_column(text, end_line, end_col)},
            },
        },
        "severity": _SEVERITY[f.verdict],
        "source": {"name": "factcheck"},
        "code": {"value": rule_id(f)},
        **_suggestions(f, ctx, text),
    }


def _suggestions(f: Finding, ctx: Context, text: str) -> dict[str, object]:
    """reviewdog's suggestions: the differing value replaced by the record's, if known."""
    fix = fix_for(f, ctx)
    if fix is None:
        return {}
    start, end, replacement = fix
    line, col, end_line, end_col = locate(text, Span(start, end))
    rng = {"start": {"line": line, "column": _byte_column(text, line, col)},
           "end": {"line": end_line, "column": _byte_column(text, end_line, end_col)}}  # fmt: skip
    return {"suggestions": [{"range": rng, "text": replacement}]}


def stream(findings: Iterable[Finding], ctx: Context, write: Write) -> Tally:
    """One diagnostic line per contradicted or unknown statement, as each is judged."""
    tally = Tally()
    for f in findings:
        tally.add(f)
        if f.verdict in _SEVERITY:
            write(json.dumps(diagnostic(f, ctx), ensure_ascii=False) + "\n")
    return tally


def render(findings: list[Finding], ctx: Context) -> str:
    out = io.StringIO()
    stream(findings, ctx, out.write)
    return out.getvalue()
