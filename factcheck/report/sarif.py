"""SARIF 2.1.0 for code scanning: one result per contradicted or unknown statement.

Rules are the curated claims that results cite; ``factcheck.unknown`` stands for unknown
statements and ``factcheck.contradicted`` for conflicts with a source passage no claim quotes.
Regions are 1-based, counted in Unicode code points (``columnKind``), end column exclusive.
Inputs that are not files (``<text>``, ``<stdin>``) get results without a location.
"""

from __future__ import annotations

import hashlib
import json
from urllib.parse import quote

from factcheck.model import Finding, Span, Verdict
from factcheck.report import Context, fix_for
from factcheck.report.positions import locate
from factcheck.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/factcheck/factcheck"
UNKNOWN_RULE = "factcheck.unknown"
PASSAGE_RULE = "factcheck.contradicted"
PSEUDO_INPUTS = ("<text>", "<stdin>")
_LEVEL = {Verdict.CONTRADICTED: "error", Verdict.UNKNOWN: "note"}
_FIXED_RULES = {
    UNKNOWN_RULE: ("The record does not address this statement.",
                   "No curated claim or source passage speaks to the statement; check it by "
                   "hand or add a claim to the record."),
    PASSAGE_RULE: ("The statement conflicts with a source passage.",
                   "The statement nearly copies a source passage but differs in a value or name."),
}  # fmt: skip


def rule_id(f: Finding) -> str:
    if f.claim_id:
        return f.claim_id
    return UNKNOWN_RULE if f.verdict is Verdict.UNKNOWN else PASSAGE_RULE


def fingerprint(f: Finding) -> str:
    """Stable across edits that move the statement: claim id + normalised statement."""
    norm = " ".join(f.statement.casefold().split())
    return hashlib.sha256(f"{rule_id(f)}\0{norm}".encode()).hexdigest()[:32]


def _rule(f: Finding) -> dict[str, object]:
    rid = rule_id(f)
    if rid in _FIXED_RULES:
        short, help_text = _FIXED_RULES[rid]
    else:
        short = f.claim_text or rid
        c = f.citation
        help_text = f"「{c.passage}」 ({c.path}:{c.line})" if c else short
    return {
        "id": rid,
        "name": rid,
        "shortDescription": {"text": short},
        "help": {"text": help_text},
        "properties": {"tags": ["factcheck"]},
    }


def _uri(name: str) -> str:
    """The file name's bytes, percent-encoded: one that is not UTF-8 (kept by Python as lone
    surrogates) is named by the bytes it has on disk."""
    return quote(name.replace("\\", "/").encode("utf-8", "surrogateescape"),
                 safe="/:@!$&'()*+,;=-._~")  # fmt: skip


def _location(f: Finding, ctx: Context) -> dict[str, object]:
    line, col, end_line, end_col = locate(ctx.texts.get(f.input, ""), f.span)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(f.input)},
            "region": {
                "startLine": line,
                "startColumn": col,
                "endLine": end_line,
                "endColumn": end_col,
            },  # fmt: skip
        }
    }


def _result(f: Finding, ctx: Context, index: int, seen: dict[tuple[str, str], int]) -> dict[str, object]:  # fmt: skip
    key = (f.input, fingerprint(f))
    seen[key] = seen.get(key, 0) + 1
    result: dict[str, object] = {
        "ruleId": rule_id(f),
        "ruleIndex": index,
        "level": _LEVEL[f.verdict],
        "message": {"text": f.reason or "The record does not address this statement."},
        "partialFingerprints": {"factcheck/v1": f"{key[1]}:{seen[key]}"},
        "properties": {"verdict": f.verdict.value, "score": f.score, "statement": f.statement},
    }
    if f.conflict is not None:  # the kind of difference, to filter on
        result["properties"]["conflictKind"] = f.conflict.kind.value  # type: ignore[index]
    if f.input not in PSEUDO_INPUTS:
        result["locations"] = [_location(f, ctx)]
        fix = fix_for(f, ctx)
        if fix is not None:
            result["fixes"] = [_fix(f, ctx, *fix)]
    return result


def _fix(f: Finding, ctx: Context, start: int, end: int, text: str) -> dict[str, object]:
    """A SARIF fix: the differing value replaced by the record's."""
    line, col, end_line, end_col = locate(ctx.texts.get(f.input, ""), Span(start, end))
    uri = _uri(f.input)
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}
    return {
        "description": {"text": f"Replace with the record's value: {text}"},
        "artifactChanges": [{"artifactLocation": {"uri": uri},
                             "replacements": [{"deletedRegion": region,
                                               "insertedContent": {"text": text}}]}],
    }  # fmt: skip


def render(findings: list[Finding], ctx: Context) -> str:
    problems = [f for f in findings if f.verdict in _LEVEL]
    rules: dict[str, dict[str, object]] = {}
    for f in problems:
        rules.setdefault(rule_id(f), _rule(f))
    order = sorted(rules)
    seen: dict[tuple[str, str], int] = {}
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rules[r] for r in order],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, ctx, order.index(rule_id(f)), seen) for f in problems],
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
