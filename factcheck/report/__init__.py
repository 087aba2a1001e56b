"""Output formats: one module each, plain functions ``render(findings, context) -> str``.

Formats that can write as they go (``json``, ``rdjsonl``, ``text``) also have
``stream(findings, context, write) -> Tally``: the findings are an iterator, each one is
written as soon as it is judged, and only the counts are kept, so memory stays bounded
whatever the size of the input. Their ``render`` is the same code writing to a string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


FIXES = "fixes"  # Context.extra key: suggested fixes by (input, start, end) of the finding


def fix_for(f: Finding, ctx: Context) -> tuple[int, int, str] | None:
    """The suggested fix of a finding, (start, end, replacement) in its input's characters,
    when the command line worked one out (formats that carry fixes: SARIF, rdjsonl)."""
    fixes = ctx.extra.get(FIXES)
    if not isinstance(fixes, dict):
        return None
    found = fixes.get((f.input, f.span.start, f.span.end))
    return found if isinstance(found, tuple) else None


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


Write = Callable[[str], object]
Stream = Callable[[Iterable[Finding], Context, Write], "Tally"]
STREAMS = frozenset({"json", "rdjsonl", "text"})
WITH_FIXES = frozenset({"sarif", "rdjsonl"})  # formats that carry suggested fixes


def streamer(name: str) -> Stream | None:
    """The stream function of a format that writes as it goes; None for the others."""
    if name not in STREAMS:
        return None
    fn: Stream = import_module(FORMATS[name]).stream
    return fn


@dataclass(slots=True)
class Tally:
    """Counts per verdict, overall and per input: all a streamed report keeps."""

    total: dict[str, int] = field(default_factory=lambda: {v.value: 0 for v in Verdict})
    per_input: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, f: Finding) -> None:
        self.total[f.verdict.value] += 1
        row = self.per_input.setdefault(f.input, {v.value: 0 for v in Verdict})
        row[f.verdict.value] += 1

    def summary(self) -> dict[str, int]:
        return {"statements": sum(self.total.values()), **self.total}


def summary(findings: list[Finding]) -> dict[str, int]:
    counts = {v.value: 0 for v in Verdict}
    for f in findings:
        counts[f.verdict.value] += 1
    return {"statements": len(findings), **counts}
