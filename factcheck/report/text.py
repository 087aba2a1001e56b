"""The terminal report (rich): verdict, reason, evidence and a summary."""

from __future__ import annotations

import io
import re

from factcheck.model import Finding, Verdict
from factcheck.report import Context, summary
from factcheck.report.positions import locate

_STYLE = {
    Verdict.SUPPORTED: ("✓", "supported", "green"),
    Verdict.CONTRADICTED: ("✗", "contradicted", "bold red"),
    Verdict.UNKNOWN: ("?", "unknown", "yellow"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text safe to show in a terminal: control and bidi characters made visible."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100
                        else f"\\u{ord(m.group(0)):04x}", text)  # fmt: skip


def render(findings: list[Finding], ctx: Context) -> str:
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out, width=ctx.width, force_terminal=ctx.color, no_color=not ctx.color,
        color_system="standard" if ctx.color else None, highlight=False, emoji=False,
        legacy_windows=False,
    )  # fmt: skip
    several = len({f.input for f in findings}) > 1
    for f in findings:
        if ctx.only_problems and f.verdict is Verdict.SUPPORTED:
            continue
        mark, word, style = _STYLE[f.verdict]
        line, col, _, _ = locate(ctx.texts.get(f.input, ""), f.span)
        head = Text()
        head.append(f"{mark} {word:<12}", style=style)
        head.append(f" {clean(f.input)}:{line}:{col}", style="dim")
        if ctx.show_scores or ctx.explain:
            head.append(f"  score {f.score:.1f}", style="dim")
        console.print(head)
        console.print(Text("  " + clean(f.statement)))
        if (f.reason and f.verdict is not Verdict.SUPPORTED) or (ctx.explain and f.reason):
            console.print(
                Text(
                    "  " + clean(f.reason or ""),
                    style=style if f.verdict is Verdict.CONTRADICTED else "italic",
                )
            )
        if f.claim_id:
            claim = Text("  claim ", style="dim")
            claim.append(f.claim_id, style="cyan")
            claim.append(": " + clean(f.claim_text or ""))
            console.print(claim)
        if f.citation:
            cite = Text(f"  source {f.citation.path}:{f.citation.line}  ", style="dim")
            cite.append("「" + clean(f.citation.passage) + "」")
            console.print(cite)
        if ctx.explain and f.considered:
            for cid, sc in f.considered:
                console.print(Text(f"    considered {cid} ({sc:.1f})", style="dim"))
        console.print()
    counts = summary(findings)
    tail = Text()
    tail.append(f"{counts['statements']} statements: ")
    tail.append(f"{counts['supported']} supported", style="green")
    tail.append(", ")
    tail.append(f"{counts['contradicted']} contradicted", style="bold red")
    tail.append(", ")
    tail.append(f"{counts['unknown']} unknown", style="yellow")
    if several:
        per: dict[str, list[int]] = {}
        for f in findings:
            row = per.setdefault(f.input, [0, 0, 0])
            row[[Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.UNKNOWN].index(f.verdict)] += 1
        for name, (s, c, u) in per.items():
            console.print(
                Text(f"  {clean(name)}: {s} supported, {c} contradicted, {u} unknown", style="dim")
            )
    console.print(tail)
    return out.getvalue()
