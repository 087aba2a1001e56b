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
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck.guide import shown
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
    breaks,
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


# --------------------------------------------------------------------------- plain lines
#
# Without colour, the layout of most findings is a few lines of text: they are written
# directly, the same characters rich lays out (tests/test_plain_text.py compares the two),
# at a fraction of the cost. Anything else (colour, scores, candidates, multi-line text, a
# line too long for the width) is laid out by rich.

_LABEL = 7  # the width of the details' label column (rich: min_width=7), then 2 spaces


@lru_cache(maxsize=4096)  # the same passages and phrasings are cited again and again
def _lines(plain: str, width: int) -> tuple[str, ...]:
    """``plain`` (one line) cut as :class:`Wrapped` cuts it, each line without its trailing
    spaces."""
    from rich.cells import cell_len

    if cell_len(plain) <= width:  # it fits: no cut
        return (plain.rstrip(),)
    out, at = [], 0
    for i, cut in enumerate([*breaks(plain, width), len(plain)]):
        piece = plain[at:cut]
        out.append((piece.lstrip(" ") if i else piece).rstrip())
        at = cut
    return tuple(out)


def _plain(f: Finding, ctx: Context) -> str | None:
    """The finding as rich lays it out (``_printed(ctx, _finding(f, ctx), "")``), when it is
    plain lines; None otherwise."""
    from rich.cells import cell_len

    if ctx.color or ctx.explain or ctx.show_scores or len(f.disagreement) > 1:
        return None
    shown = [f.statement, f.reason or "", f.input, f.claim_text or ""]
    if f.citation:
        shown += [f.citation.passage, f.citation.path, f.claim_id or ""]
    if any("\n" in t or "\t" in t or "\r" in t for t in shown):
        return None
    width = ctx.width
    mark, word, _ = _STYLE[f.verdict]
    line, col, _, _ = locate(ctx.texts.get(f.input, ""), f.span)
    head = f"{mark} {word:<12}  {clean(f.input)}:{line}:{col}"
    if cell_len(head) > width:
        return None
    out = [head.rstrip(), *("  " + x if x else "" for x in _lines(clean(f.statement), width - 2))]
    room = width - 2 - _LABEL - 2  # the details' text column
    rows: list[tuple[str, list[str]]] = []
    natural = 0  # the widest row, as rich measures it
    beside: tuple[str, str] | None = None  # the passage and its English phrasing, side by side
    if f.reason and f.verdict is not Verdict.SUPPORTED:
        reason = clean(f.reason)
        natural = max(natural, cell_len(reason))
        rows.append(("why", list(_lines(reason, room))))
    if f.citation:
        where = f"{clean(f.citation.path)}:{f.citation.line}"
        if f.claim_id:
            where += f"   claim {clean(f.claim_id)}"
        if cell_len(where) > room:
            return None
        natural = max(natural, cell_len(where))
        rows.append(("source", [where]))
        passage = "「" + clean(f.citation.passage) + "」"
        english = f.claim_text or ""
        if not english or not _japanese(f.citation.passage):
            natural = max(natural, cell_len(passage))
            rows.append(("", list(_lines(passage, room))))
        elif ctx.width - 12 < SIDE_BY_SIDE:
            gloss = "in English: " + clean(english)
            natural = max(natural, cell_len(passage), cell_len(gloss))
            rows.append(("", [*_lines(passage, room), *_lines(gloss, room)]))
        else:
            beside = (passage, "in English: " + clean(english))
            # the table's measure: each column as wide as its text and its padding, the rule
            wide = [min(room - 1, cell_len(t) + 1) for t in beside]
            natural = max(natural, wide[0] + wide[1] + 1)
    elif f.claim_id:
        claim = clean(f.claim_id) + ": " + clean(f.claim_text or "")
        if cell_len(claim) > room:
            return None
        natural = max(natural, cell_len(claim))
        rows.append(("claim", [claim]))
    if beside is not None:  # in a column as wide as the widest row (other rows fit in it)
        rows.append(("", _beside(*beside, min(room, natural))))
    if not rows:
        return None
    out += _grid(rows)
    return "\n".join(out) + "\n\n"  # and the blank line after each finding


def _grid(rows: list[tuple[str, list[str]]]) -> list[str]:
    """The details: each row's label in its column, its lines beside it, indented."""
    out = []
    for label, texts in rows:
        for k, text in enumerate(texts):
            lead = label if k == 0 else ""
            out.append(f"  {lead:<{_LABEL}}  {text}".rstrip() if text or lead else "")
    return out


def _beside(left: str, right: str, width: int) -> list[str]:
    """Two texts side by side in ``width`` cells (rich's table of two equal columns, a rule
    between them): the left one padded to its column."""
    from rich.cells import cell_len

    first = -(-(width - 1) // 2)  # the columns share the width less the rule
    a, b = _lines(left, first - 1), _lines(right, width - 1 - first - 1)
    out = []
    for k in range(max(len(a), len(b))):
        x = a[k] if k < len(a) else ""
        y = b[k] if k < len(b) else ""
        out.append((x + " " * (first - 1 - cell_len(x)) + " │ " + y).rstrip())
    return out


def stream(findings: Iterable[Finding], ctx: Context, write: Write) -> Tally:
    """The report of :func:`render`, written statement by statement, then the summary."""
    tally = Tally()
    for f in findings:
        tally.add(f)
        if not shown(f, ctx.only_problems):
            continue
        plain = _plain(f, ctx)
        write(plain if plain is not None else _printed(ctx, _finding(f, ctx), ""))
    summary = _plain_summary(tally, ctx)
    write(summary if summary is not None else _printed(ctx, *_summary(tally, ctx)))
    return tally


def _plain_summary(tally: Tally, ctx: Context) -> str | None:
    """The summary as rich lays it out (``_printed(ctx, *_summary(tally, ctx))``) when it is a
    rule and one line (no colour, one input, a line that fits); None otherwise."""
    if ctx.color or len(tally.per_input) > 1:
        return None
    from rich.cells import cell_len

    counts = tally.summary()
    noun = "statement" if counts["statements"] == 1 else "statements"
    line = f"{counts['statements']} {noun}: " + ", ".join(
        f"{_STYLE[v][0]} {counts[v.value]} {_STYLE[v][1]}" for v in Verdict
    )
    if ctx.only_problems and counts["supported"]:
        line += f"  ({counts['supported']} supported not shown)"
    if cell_len(line) > ctx.width:
        return None
    return "─" * ctx.width + "\n" + line.rstrip() + "\n"


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
