"""Record views: what the record commands (``factcheck claims``, ``factcheck sources``) write,
beside the check's own formats. Plain functions of the record: the JSON shapes for
``--json`` (:func:`claim_dict`, :func:`show_dict`, :func:`source_rows`) and the text views,
laid out by rich and returned as strings (:func:`claims_list`, :func:`claim_view`,
:func:`sources_view`); the commands (``cli/commands/browse.py``) choose and write them.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from factcheck.report.terminal import Wrapped, clean, make_console, strip_padding, styled

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

    from factcheck.model import Claim, Source
    from factcheck.record import Record


def _drawn(color: bool, width: int, draw: Callable[[Console], None]) -> str:
    """What ``draw`` prints on a console of that colour and width, as text."""
    buffer = io.StringIO()
    draw(make_console(buffer, color, width))
    return strip_padding(buffer.getvalue())


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular or plural: "1 claim", "3 entities"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


# --------------------------------------------------------------------------- JSON


def claim_dict(rec: Record, c: Claim) -> dict[str, object]:
    """One claim as ``claims --json`` lists it."""
    src = rec.sources[c.source]
    return {
        "id": c.id, "text": {"en": c.text_en, "ja": c.text_ja}, "subject": c.subject,
        "object": c.obj, "entities": list(c.entities), "negated": c.negated, "values": c.values,
        "source": c.source, "path": src.path, "line": c.passage.line if c.passage else None,
        "quote": c.quote, **_status_dict(c),
        "examples": {"supported": list(c.supported_examples),
                     "contradicted": list(c.contradicted_examples)},
    }  # fmt: skip


def show_dict(rec: Record, c: Claim, around: int) -> dict[str, object]:
    """One claim in full (``claims --show ID --json``): its entities and source lines too."""
    out = claim_dict(rec, c)
    out["about"] = [
        {"id": e.id, "kind": e.kind, "name": {"en": e.name_en, "ja": e.name_ja},
         "aliases": list(e.aliases)}
        for e in (rec.entities[x] for x in dict.fromkeys(c.entities) if x in rec.entities)
    ]  # fmt: skip
    if c.passage:
        src = rec.sources[c.source]
        lines = src.text.splitlines()
        first = max(1, c.passage.line - around)
        out["context"] = {"first_line": first,
                          "lines": lines[first - 1 : c.passage.line + around]}  # fmt: skip
    return out


def _status_dict(c: Claim) -> dict[str, object]:
    """The claim's status and what goes with it, for --json (only what is set)."""
    out: dict[str, object] = {"status": c.status}
    if c.speaker:
        out["speaker"] = c.speaker
    if c.note:
        out["note"] = c.note
    if c.derived:
        out["derived"] = dict(c.derived)
    if c.qualifiers:
        out["qualifiers"] = dict(c.qualifiers)
    if c.also:
        out["also"] = [{"source": p.source, "line": p.line, "quote": p.text} for p in c.also]
    return out


_META = ("title", "title_en", "publisher", "date", "language", "machine_translated",
         "original_language", "url", "editor", "notes")  # fmt: skip


def source_rows(rec: Record) -> list[dict[str, object]]:
    """Each source with its metadata and how many claims cite it (``sources --json``)."""
    rows: list[dict[str, object]] = []
    for src in rec.sources.values():
        count = sum(1 for c in rec.claims if c.source == src.id)
        rows.append({"id": src.id, "path": src.path, "claims": count,
                     **{k: str(v) for k, v in src.meta.items() if k not in ("id", "file")}})  # fmt: skip
    return rows


# --------------------------------------------------------------------------- text


def claims_list(rec: Record, chosen: list[Claim], color: bool, width: int) -> str:
    """The chosen claims, one line each, and how many of the record's they are."""
    from rich.table import Table

    def draw(console: Console) -> None:
        table = Table(box=None, pad_edge=False, header_style="dim", padding=(0, 2))
        table.add_column("id", style="cyan", no_wrap=True)
        table.add_column("line", justify="right", style="dim")
        table.add_column("claim", overflow="fold")
        for c in chosen:
            table.add_row(clean(c.id), str(c.passage.line if c.passage else ""), clean(c.text_en))
        if chosen:
            console.print(table)
        console.print(f"{len(chosen)} of {len(rec.claims)} claims", style="bold")
        if chosen:
            console.print("factcheck claims --show ID shows one in full", style="dim")

    return _drawn(color, width, draw)


def claim_view(rec: Record, c: Claim, around: int, color: bool, width: int) -> str:
    """One claim in full, with ``around`` lines of its source about the passage."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    def draw(console: Console) -> None:
        console.print(Text(clean(c.id), style="bold cyan"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True, min_width=8)
        grid.add_column(overflow="fold")
        for label, text in _show_rows(rec, c):
            grid.add_row(label, text)
        console.print(Padding(grid, (0, 0, 0, 2)))
        if c.passage:
            console.print()
            console.print(_in_context(rec.sources[c.source], c, around))

    return _drawn(color, width, draw)


def sources_view(rec: Record, rows: list[dict[str, object]], color: bool, width: int) -> str:
    """The sources (:func:`source_rows`) with their metadata."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    def draw(console: Console) -> None:
        for row in rows:
            head = Text(clean(str(row["id"])), style="bold cyan")
            head.append(
                f"  {clean(str(row['path']))}  ({count(int(str(row['claims'])), 'claim')})",
                style="dim",
            )
            console.print(head)
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="dim", no_wrap=True, min_width=10)
            grid.add_column(overflow="fold")
            keys = [k for k in _META if k in row] + [k for k in row if k not in (*_META, "id", "path", "claims")]  # fmt: skip
            for key in keys:
                if row[key] not in ("None", ""):
                    grid.add_row(clean(key), clean(str(row[key])))
            console.print(Padding(grid, (0, 0, 0, 2)))
            console.print()
        plural = "source" if len(rows) == 1 else "sources"
        console.print(f"{len(rows)} {plural}, {len(rec.claims)} claims", style="bold")

    return _drawn(color, width, draw)


def _money(v: Any, currency: str) -> str:
    return f"${v:,}" if currency == "USD" else f"{v:,} {currency}"


def _value_text(kind: str, v: Any) -> str:
    """One value of a claim in words: "$44,000,000", "14 years", "2015", "49%"."""
    if not isinstance(v, dict):
        return f"{v}%" if kind == "percents" else str(v)
    unit = v.get("unit", "")
    if kind == "amounts":
        cur = str(v.get("currency", ""))
        if "value" in v:
            return _money(v["value"], cur)
        return f"{_money(v.get('min'), cur)} to {_money(v.get('max'), cur)}"
    amount = f"{v['value']}" if "value" in v else f"{v.get('min')} to {v.get('max')}"
    text = f"{'about ' if v.get('approx') else ''}{amount} {unit}".strip()
    if v.get("older") and v.get("younger"):
        text += f" ({v['older']} older than {v['younger']})"
    return text


def _values_line(c: Claim) -> str:
    parts = []
    for kind, items in c.values.items():
        if items:
            parts.append(f"{kind}: " + ", ".join(_value_text(kind, v) for v in items))
    return "; ".join(parts)


def _entities(rec: Record, c: Claim) -> list[RenderableType]:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    rows: list[RenderableType] = []
    for eid in dict.fromkeys((c.subject, c.obj, *c.entities)):
        if not eid or eid not in rec.entities:
            continue
        e = rec.entities[eid]
        name = Text(clean(e.name_en), style="bold")
        if e.name_ja != e.name_en:
            name.append(" · " + clean(e.name_ja), style="bold")
        role = "subject" if eid == c.subject else "object" if eid == c.obj else ""
        name.append(f"  ({', '.join(x for x in (clean(e.id), clean(e.kind), role) if x)})", style="dim")  # fmt: skip
        others = [a for a in e.aliases if a not in (e.name_en, e.name_ja)]
        if not others:
            rows.append(name)
            continue
        also = Table.grid(padding=(0, 1))
        also.add_column(style="dim", no_wrap=True)
        also.add_column(overflow="fold", style="dim")
        also.add_row("  also", clean(", ".join(others)))
        rows.append(Group(name, also))
    return rows


def _show_rows(rec: Record, c: Claim) -> list[tuple[str, RenderableType]]:
    from rich.text import Text

    rows: list[tuple[str, RenderableType]] = [
        ("en", Text(clean(c.text_en))),
        ("ja", Text(clean(c.text_ja))),
    ]
    if c.negated:
        rows.append(("", Text("(a negated claim: it states that something did not happen)", style="dim")))  # fmt: skip
    if c.values:
        rows.append(("values", Text(clean(_values_line(c)))))
    rows += [(k, Text(clean(v))) for k, v in _status_lines(c)]
    rows += [("about" if i == 0 else "", t) for i, t in enumerate(_entities(rec, c))]
    examples = [("✓ ", "green", ex) for ex in c.supported_examples]
    examples += [("✗ ", "red", ex) for ex in c.contradicted_examples]
    for i, (mark, style, ex) in enumerate(examples):
        row = Text(mark, style=style)
        row.append(clean(ex))
        rows.append(("examples" if i == 0 else "", row))
    rows.append(("source", _source_line(rec.sources[c.source], c)))
    return rows


def _status_lines(c: Claim) -> list[tuple[str, str]]:
    """The rows --show adds for a claim that is not plainly stated, derives values or cites
    further passages."""
    rows = []
    if c.status == "attributed":
        rows.append(("status", f"attributed: {c.speaker} says so"))
    elif c.status == "source_error":
        rows.append(("status", f"source error: {c.note} (supports and contradicts nothing)"))
    rows += [("derived", f"{value}: {how}") for value, how in c.derived.items()]
    rows += [("qualified", f"{value}: {q}") for value, q in c.qualifiers.items()]
    rows += [("also", f"line {p.line}: 「{p.text}」") for p in c.also]
    return rows


def _source_line(src: Source, c: Claim) -> Text:
    from rich.text import Text

    line = Text()
    line.append(f"{clean(src.path)}:{c.passage.line if c.passage else '?'}", style="cyan")
    title = src.meta.get("title_en") or src.meta.get("title")
    if title:
        line.append("\n" + clean(str(title)))
    rest = [str(src.meta[k]) for k in ("publisher", "date") if src.meta.get(k)]
    if src.meta.get("machine_translated"):
        rest.append(f"machine-translated from {src.meta.get('original_language') or '?'}")
    if rest:
        line.append("\n" + clean(", ".join(rest)), style="dim")
    return line


def _in_context(src: Source, c: Claim, around: int) -> Table:
    """The source lines around the passage, numbered, the quote highlighted."""
    from rich.table import Table

    p = c.passage
    assert p is not None
    starts = [*(src.line_starts or (0,)), len(src.text) + 1]
    last = src.line_of(p.start + max(0, len(p.text) - 1))
    first, final = max(1, p.line - around), min(len(starts) - 1, last + around)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="dim", no_wrap=True, min_width=5)
    grid.add_column(style="dim", width=1)
    grid.add_column(overflow="fold")
    for n in range(first, final + 1):
        a, b = starts[n - 1], starts[n]
        body = src.text[a:b].rstrip("\r\n")
        lo, hi = max(0, p.start - a), min(len(body), p.start + len(p.text) - a)
        spans = [(lo, hi, "bold yellow underline")] if lo < hi else []
        grid.add_row(
            str(n), "│", Wrapped(styled(body, spans, "" if p.line <= n <= last else "dim"))
        )
    return grid
