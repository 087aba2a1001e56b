"""The JSON document of contract/output-v1 (version 1)."""

from __future__ import annotations

import json

from factcheck.model import Finding
from factcheck.report import Context, summary
from factcheck.report.positions import locate


def finding_dict(f: Finding, ctx: Context) -> dict[str, object]:
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
    }


def render(findings: list[Finding], ctx: Context) -> str:
    doc = {
        "version": 1,
        "results": [finding_dict(f, ctx) for f in findings],
        "summary": summary(findings),
    }
    if ctx.explain:
        for item, f in zip(doc["results"], findings, strict=True):  # type: ignore[call-overload]
            item["considered"] = [{"claim": c, "score": s} for c, s in f.considered]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
