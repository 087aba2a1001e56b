"""Output formats: one module each, plain functions ``render(findings, context) -> str``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from factcheck.model import Finding, Verdict


@dataclass(frozen=True, slots=True)
class Context:
    """What a formatter needs besides the findings: the inputs' texts (for positions)."""

    texts: dict[str, str]
    color: bool = False
    width: int = 100
    explain: bool = False
    only_problems: bool = False
    show_scores: bool = False
    fail_on: str = "contradicted"
    extra: dict[str, object] = field(default_factory=dict)


FORMATS = {
    "text": "factcheck.report.text",
    "json": "factcheck.report.json_",
    "github": "factcheck.report.github",
    "sarif": "factcheck.report.sarif",
    "rdjsonl": "factcheck.report.rdjsonl",
}


def renderer(name: str) -> Callable[[list[Finding], Context], str]:
    """The render function of a format; KeyError for an unknown name."""
    module = import_module(FORMATS[name])
    fn: Callable[[list[Finding], Context], str] = module.render
    return fn


def summary(findings: list[Finding]) -> dict[str, int]:
    counts = {v.value: 0 for v in Verdict}
    for f in findings:
        counts[f.verdict.value] += 1
    return {"statements": len(findings), **counts}
