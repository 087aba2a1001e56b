"""The terminal report (rich): verdict, reason, evidence and a summary.

``render(findings, ctx)`` is a plain function returning the text; rich is imported only while
rendering. The values that differ are highlighted in the statement (red) and in the cited
passage (green: what the source says); a Japanese passage is shown beside the claim's English
phrasing. Every piece of input goes through :func:`clean` first: no control character from a
statement, a file name or a source ever reaches the terminal.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from factcheck.model import Finding, Verdict
from factcheck.report import Context, Tally, Write
from factcheck.report.positions import locate

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text
from factcheck.report.highlight import highlights, reason_marks
from factcheck.report.terminal import (
    SIDE_BY_SIDE,
    Wrapped,
    clean,
    make_console,
    strip_padding,
    styled,
    terminal_width,
    use_color,
)

__all__ = ["clean", "render", "terminal_width", "use_color"]

_STYLE = {
    Verdict.SUPPORTED: ("✓", "supported", "bold green"),
    Verdict.CONTRADICTED: ("✗", "contradicted", "bold red"),
    Verdict.UNKNOWN: ("?", "unknown", "bold yellow"),
}


def _reason_text(f: Finding, style: str) -> Text:
    reason = f.reason or ""
    if f.verdict is not Verdict.CONTRADICTED:
        return styled(reason, [], style)
    return styled(reason, reason_marks(f), style)


# --------------------------------------------------------------------------- layout


def _japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def _header(f: Finding, ctx: Context) -> Text:
    from rich.text import Text

    mark, word, style = _STYLE[f.verdict]
    line, col, _, _ = locate(ctx.texts.get(f.input, ""), f.span)
    head = Text()
    head.append(f"{mark} {word:<12}", style=style)
    head.append("  ")
    head.append(f"{clean(f.input)}:{line}:{col}", style="dim")
    if ctx.show_scores or ctx.explain:
        head.append(f"  score {f.score:.1f}", style="dim")
    return head


def _evidence(f: Finding, passage_spans: list[tuple[int, int, str]], width: int) -> RenderableType:
    """The cited passage; beside it (or under it) the claim's English phrasing when the
    passage is not English."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    assert f.citation is not None
    quoted = [(a + 1, b + 1, s) for a, b, s in passage_spans]
    passage = Wrapped(styled("「" + f.citation.passage + "」", quoted))
    english = f.claim_text or ""
    if not english or not _japanese(f.citation.passage):
        return passage
    gloss = Text()
    gloss.append("in English: ", style="dim")
    gloss.append(clean(english), style="italic")
    if width < SIDE_BY_SIDE:
        return _stack(passage, Wrapped(gloss))
    pair = Table(box=box.MINIMAL, show_header=False, show_edge=False, pad_edge=False,
                 expand=True, border_style="dim", padding=(0, 1))  # fmt: skip
    pair.add_column(ratio=1)
    pair.add_column(ratio=1)
    pair.add_row(passage, Wrapped(gloss))
    return pair


def _stack(*rows: RenderableType) -> RenderableType:
    from rich.console import Group

    return Group(*rows)


def _details(f: Finding, ctx: Context, passage_spans: list[tuple[int, int, str]]) -> Table:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="dim", min_width=7)
    grid.add_column(ratio=1, overflow="fold")
    style = {Verdict.CONTRADICTED: "red", Verdict.UNKNOWN: "yellow italic"}.get(f.verdict, "italic")
    if f.reason and (f.verdict is not Verdict.SUPPORTED or ctx.explain):
        grid.add_row("why", Wrapped(_reason_text(f, style)))
    if f.citation:
        where = Text()
        where.append(f"{clean(f.citation.path)}:{f.citation.line}", style="dim")
        if f.claim_id:
            where.append("   claim ", style="dim")
            where.append(clean(f.claim_id), style="cyan")
        grid.add_row("source", where)
        grid.add_row("", _evidence(f, passage_spans, ctx.width - 12))
    elif f.claim_id:
        claim = Text(clean(f.claim_id), style="cyan")
        claim.append(": " + clean(f.claim_text or ""))
        grid.add_row("claim", claim)
    for other in f.disagreement[1:]:  # the other sources' passages, when sources disagree
        where = Text(f"{clean(other.path)}:{other.line}", style="dim")
        where.append("\n「" + clean(other.passage) + "」")
        grid.add_row("differs", where)
    if ctx.explain and f.considered:
        grid.add_row("checked", _considered(f))
    return grid


def _considered(f: Finding) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 2))
    table.add_column(style="cyan", overflow="fold")
    table.add_column(justify="right")
    table.add_column(style="dim")
    for cid, score in f.considered:
        mark = Text("◂ cited", style="bold") if cid == f.claim_id else Text("")
        table.add_row(clean(cid), f"{score:.1f}", mark)
    return table


def _finding(f: Finding, ctx: Context) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding

    statement_spans, passage_spans = highlights(f)
    statement = styled(f.statement, statement_spans, "bold" if ctx.color else "")
    return Group(
        _header(f, ctx),
        Padding(Wrapped(statement), (0, 0, 0, 2)),
        Padding(_details(f, ctx, passage_spans), (0, 0, 0, 2)),
    )


def _summary(tally: Tally, ctx: Context) -> list[RenderableType]:
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = [Rule(style="dim", characters="─")]
    if len(tally.per_input) > 1:
        table = Table(box=None, pad_edge=False, header_style="dim", padding=(0, 2))
        table.add_column("file", overflow="fold")
        for verdict in Verdict:
            mark, word, style = _STYLE[verdict]
            table.add_column(f"{mark} {word}", justify="right", style=style.replace("bold ", ""))
        for name, row in tally.per_input.items():
            table.add_row(clean(name), *(str(row[v.value]) for v in Verdict))
        out.append(table)
    counts = tally.summary()
    noun = "statement" if counts["statements"] == 1 else "statements"
    tail = Text(f"{counts['statements']} {noun}: ", style="bold")
    for i, verdict in enumerate(Verdict):
        mark, word, style = _STYLE[verdict]
        tail.append(", " if i else "")
        tail.append(
            f"{mark} {counts[verdict.value]} {word}", style=style if counts[verdict.value] else ""
        )
    if ctx.only_problems and counts["supported"]:
        tail.append(f"  ({counts['supported']} supported not shown)", style="dim")
    out.append(tail)
    return out


def stream(findings: Iterable[Finding], ctx: Context, write: Write) -> Tally:
    """The report of :func:`render`, written statement by statement, then the summary."""
    tally = Tally()
    for f in findings:
        tally.add(f)
        if ctx.only_problems and f.verdict is Verdict.SUPPORTED:
            continue
        write(_printed(ctx, _finding(f, ctx), ""))
    write(_printed(ctx, *_summary(tally, ctx)))
    return tally


def _printed(ctx: Context, *parts: RenderableType) -> str:
    out = io.StringIO()
    console = make_console(out, ctx.color, ctx.width)
    for part in parts:
        console.print(part)
    return strip_padding(out.getvalue())


def render(findings: list[Finding], ctx: Context) -> str:
    out = io.StringIO()
    stream(findings, ctx, out.write)
    return out.getvalue()
