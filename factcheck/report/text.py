"""The terminal report (rich): verdict, reason, evidence and a summary.

``render(findings, ctx)`` is a plain function returning the text; rich is imported only while
rendering. The values that differ are highlighted in the statement (red) and in the cited
passage (green: what the source says); a Japanese passage is shown beside the claim's English
phrasing. Every piece of input goes through :func:`clean` first: no control character from a
statement, a file name or a source ever reaches the terminal.
"""

from __future__ import annotations

import io
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from factcheck.model import Finding, Verdict
from factcheck.report import Context, summary
from factcheck.report.positions import locate

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

_STYLE = {
    Verdict.SUPPORTED: ("✓", "supported", "bold green"),
    Verdict.CONTRADICTED: ("✗", "contradicted", "bold red"),
    Verdict.UNKNOWN: ("?", "unknown", "bold yellow"),
}
SAID = "bold red underline"  # a value of the statement that the source contradicts
SOURCE = "bold green underline"  # the source's value, in the passage and the reason
DEFAULT_WIDTH = 100
MIN_WIDTH = 20
SIDE_BY_SIDE = 72  # narrower than this, the English phrasing goes under the passage

# C0 and C1 controls except tab and newline (ESC 0x1b included), zero-width and bidi
# marks, embeddings, overrides and isolates, line/paragraph separators, BOM.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def clean(text: str) -> str:
    """Text safe to show in a terminal: control, invisible and bidi characters made visible
    as ``\\x1b`` / ``\\u202e`` escapes; newlines and tabs stay."""
    return _CONTROL.sub(_visible, text.replace("\r\n", "\n"))


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# --------------------------------------------------------------------------- terminal

_TRAILING = re.compile(r"[ ]+(?=(?:\x1b\[[0-9;]*m)*$)", re.MULTILINE)  # rich's right padding


def _isatty(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def use_color(no_color: bool = False, stream: TextIO | None = None) -> bool:
    """Colour or not: --no-color, then NO_COLOR, then FORCE_COLOR, then TERM=dumb, then
    whether ``stream`` (standard output) is a terminal."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return _isatty(sys.stdout if stream is None else stream)


def terminal_width(stream: TextIO | None = None) -> int:
    """COLUMNS when set, else the terminal's width when ``stream`` is one, else 100."""
    cols = os.environ.get("COLUMNS", "").strip()
    if cols.isdigit() and int(cols) > 0:
        return max(MIN_WIDTH, int(cols))
    stream = sys.stdout if stream is None else stream
    if _isatty(stream):
        try:
            return max(MIN_WIDTH, os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH)
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            pass
    return DEFAULT_WIDTH


def strip_padding(text: str) -> str:
    """Rendered text without the spaces rich pads each line with."""
    return _TRAILING.sub("", text)


def make_console(file: TextIO, color: bool, width: int) -> Console:
    """A rich Console writing exactly what we decided: no colour means no escape codes."""
    from rich.console import Console

    return Console(
        file=file, width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, emoji=False, markup=False,
        legacy_windows=False, force_interactive=False, force_jupyter=False,
    )  # fmt: skip


def styled(text: str, spans: list[tuple[int, int, str]], base: str = "") -> Text:
    """``text`` cleaned piece by piece, each (start, end, style) span styled."""
    from rich.text import Text

    out = Text(style=base)
    at = 0
    for start, end, style in sorted(spans):
        if start < at or start >= end:
            continue  # overlapping highlight: the first one wins
        out.append(clean(text[at:start]))
        out.append(clean(text[start:end]), style=style)
        at = end
    out.append(clean(text[at:]))
    return out


# --------------------------------------------------------------------------- wrapping

# Japanese line breaking (kinsoku): no line starts with a closing bracket, a comma or full stop,
# a small kana or a prolonged sound mark; none ends with an opening bracket.
_NO_START = frozenset("、。，．・：；？！ー‐–—…‥々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
                      "）」』】〕〉》］｝”’,.:;!?)]}%")  # fmt: skip
_NO_END = frozenset("（「『【〔〈《［｛“‘([{$")


def _joined(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` belong to one Latin word (not to be split)?"""
    return a.isascii() and b.isascii() and not a.isspace() and not b.isspace()


def breaks(plain: str, width: int) -> list[int]:
    """Offsets at which to cut one line of ``plain`` into lines of at most ``width`` cells:
    at spaces between Latin words, anywhere between Japanese characters except before
    closing punctuation or after opening brackets; a word longer than a line is folded."""
    from rich.cells import get_character_cell_size as cells_of

    width = max(width, 2)
    cuts: list[int] = []
    start, n = 0, len(plain)
    while start < n:
        cells, j = 0, start
        while j < n and cells + cells_of(plain[j]) <= width:
            cells += cells_of(plain[j])
            j += 1
        if j >= n:
            break
        k = max(j, start + 1)
        if _joined(plain[k - 1], plain[k]):
            k = next((b for b in range(k - 1, start, -1) if not _joined(plain[b - 1], plain[b])), k)  # fmt: skip
        for _ in range(4):
            if k - 1 > start and (plain[k] in _NO_START or plain[k - 1] in _NO_END):
                k -= 1
        cuts.append(k)
        start = k
        while start < n and plain[start] == " ":
            start += 1
    return cuts


class Wrapped:
    """Text wrapped by :func:`breaks` (CJK-aware, two cells per wide character)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        text = self.text.copy()
        text.expand_tabs(4)  # measured as spaces, not as zero cells
        for para in text.split("\n", allow_blank=True):
            for i, piece in enumerate(para.divide(breaks(para.plain, options.max_width))):
                lead = len(piece.plain) - len(piece.plain.lstrip(" ")) if i else 0
                line = piece[lead:]
                line.rstrip()
                line.end = "\n"
                yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        longest = max((len(line) for line in self.text.plain.split("\n")), default=0)
        widest = min(options.max_width, self.text.cell_len, max(longest * 2, 1))
        return Measurement(min(widest, 10), widest)


# --------------------------------------------------------------------------- highlights


@dataclass(frozen=True, slots=True)
class _Value:
    """A value found in a text: its kind, where it is, and what it means."""

    kind: str
    start: int
    end: int
    meaning: object


_REASON = re.compile(
    r"^(?P<what>[\w ]+?)(?: differs)?: the statement (?:says|makes) (?P<said>.+?); "
    r"the source says (?P<src>.+?)\.?$"
)
_KIND_OF = {"amount": "money", "date": "date", "count": "count", "age": "count",
            "duration": "count", "percent": "percent"}  # fmt: skip
_QUOTES = "“”\"'「」"


def _nfkc(text: str) -> tuple[str, list[int]]:
    """NFKC text and, for each of its characters, the offset of its origin in ``text``."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        out.append(norm)
        origin.extend([i] * len(norm))
    origin.append(len(text))
    return "".join(out), origin


def values(text: str) -> list[_Value]:
    """Amounts, counts, percentages and dates in ``text`` (offsets into ``text``)."""
    try:
        from factcheck.normalize.dates import extract_dates
        from factcheck.normalize.numbers import extract_counts, extract_money, extract_percents

        norm, origin = _nfkc(text)
        found: list[tuple[str, int, int, object]] = []
        found += [(q.kind, q.start, q.end, q) for q in extract_money(norm)]
        found += [(q.kind, q.start, q.end, q) for q in extract_percents(norm)]
        found += [(q.kind, q.start, q.end, q) for q in extract_counts(norm)]
        found += [("date", d.start, d.start + len(d.text), d) for d in extract_dates(norm)]
    except Exception:  # the normalisers are not ours to trust with the display: no highlight
        return []
    out: list[_Value] = []
    for kind, start, end, meaning in found:  # money first: its digits are not a date
        if end <= start:
            continue
        a, b = origin[start], origin[end - 1] + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and not any(v.start < b and a < v.end for v in out):
            out.append(_Value(kind, a, b, meaning))
    return out


def _same(a: _Value, b: _Value) -> bool:
    if a.kind != b.kind:
        return False
    x, y = a.meaning, b.meaning
    try:
        if a.kind == "date":
            return bool(x.agrees(y))  # type: ignore[attr-defined]
        same_unit = getattr(x, "unit", "") == getattr(y, "unit", "") or a.kind == "money"
        return same_unit and bool(x.overlaps(y))  # type: ignore[attr-defined]
    except Exception:
        return False


def _literal(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` (case-insensitively; digits on digit boundaries)."""
    needle = needle.strip().strip(_QUOTES).strip()
    if not needle:
        return []
    body = re.escape(needle)
    if needle[0].isdigit():
        body = r"(?<![\d.,])" + body
    if needle[-1].isdigit():
        body += r"(?![\d.,]\d|\d)"
    return [(m.start(), m.end()) for m in re.finditer(body, text, re.IGNORECASE)]


def _locate_value(text: str, said: str, kind: str | None) -> list[tuple[int, int]]:
    """Where in ``text`` is the value that the reason renders as ``said``: by meaning (so
    "$50M" finds 5000万ドル), else by its wording, else nowhere."""
    wanted = [v for v in values(said) if kind is None or v.kind == kind]
    if wanted:
        hits = [(v.start, v.end) for v in values(text) if any(_same(v, w) for w in wanted)]
        if hits:
            return hits
    for part in re.split(r" or |, ", said):
        hits = _literal(text, part)
        if hits:
            return hits
    return []


def highlights(f: Finding) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """(spans in the statement, spans in the cited passage), each with its style."""
    passage = f.citation.passage if f.citation else ""
    m = _REASON.match(f.reason or "")
    if f.verdict is Verdict.CONTRADICTED and m:
        kind = _KIND_OF.get(m.group("what").split()[0])
        src = m.group("src")
        raw = re.search(r"\s*\(([^()]+)\)$", src)  # "$44M (4400万ドル)": the source's wording
        said = re.sub(r" for \S+$", "", m.group("said"))  # "$50M for 2019"
        in_statement = _locate_value(f.statement, said, kind)
        in_passage = _literal(passage, raw.group(1)) if raw else []
        if not in_passage:
            in_passage = _locate_value(passage, src[: raw.start()] if raw else src, kind)
        return [(a, b, SAID) for a, b in in_statement], [(a, b, SOURCE) for a, b in in_passage]
    if f.verdict is Verdict.SUPPORTED and passage:
        mine, theirs = values(f.statement), values(passage)
        st = [(v.start, v.end, SOURCE) for v in mine if any(_same(v, w) for w in theirs)]
        ps = [(w.start, w.end, SOURCE) for w in theirs if any(_same(v, w) for v in mine)]
        return st, ps
    return [], []


def _reason_text(f: Finding, style: str) -> Text:
    reason = f.reason or ""
    m = _REASON.match(reason)
    if not m or f.verdict is not Verdict.CONTRADICTED:
        return styled(reason, [], style)
    spans = [(m.start("said"), m.end("said"), "bold red"), (m.start("src"), m.end("src"), "bold green")]  # fmt: skip
    return styled(reason, spans, style)


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


def _summary(findings: list[Finding], ctx: Context) -> list[RenderableType]:
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = [Rule(style="dim", characters="─")]
    names = list(dict.fromkeys(f.input for f in findings))
    if len(names) > 1:
        table = Table(box=None, pad_edge=False, header_style="dim", padding=(0, 2))
        table.add_column("file", overflow="fold")
        for verdict in Verdict:
            mark, word, style = _STYLE[verdict]
            table.add_column(f"{mark} {word}", justify="right", style=style.replace("bold ", ""))
        for name in names:
            counts = summary([f for f in findings if f.input == name])
            table.add_row(clean(name), *(str(counts[v.value]) for v in Verdict))
        out.append(table)
    counts = summary(findings)
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


def render(findings: list[Finding], ctx: Context) -> str:
    out = io.StringIO()
    console = make_console(out, ctx.color, ctx.width)
    for f in findings:
        if ctx.only_problems and f.verdict is Verdict.SUPPORTED:
            continue
        console.print(_finding(f, ctx))
        console.print()
    for part in _summary(findings, ctx):
        console.print(part)
    return strip_padding(out.getvalue())
