"""Browsing the record: list and show claims, list sources."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from factcheck.commands import (
    ClaimsOpt,
    JsonOpt,
    NoColorOpt,
    _console,
    _count,
    _flush,
    _json,
    _load,
    app,
)

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from factcheck.model import Claim, Source
    from factcheck.record import Record


def _claim_dict(rec: Record, c: Claim) -> dict[str, object]:
    src = rec.sources[c.source]
    return {
        "id": c.id, "text": {"en": c.text_en, "ja": c.text_ja}, "subject": c.subject,
        "object": c.obj, "entities": list(c.entities), "negated": c.negated, "values": c.values,
        "source": c.source, "path": src.path, "line": c.passage.line if c.passage else None,
        "quote": c.quote, **_status_dict(c),
        "examples": {"supported": list(c.supported_examples),
                     "contradicted": list(c.contradicted_examples)},
    }  # fmt: skip


# --------------------------------------------------------------------------- claims


def _about(rec: Record, person: str) -> set[str]:
    """Entity ids that ``person`` names: an id, or any alias in English or Japanese."""
    from factcheck.normalize.names import EntityMatcher

    found = {m.entity for m in EntityMatcher(rec.entities.values()).find(person, context=False)}
    wanted = person.strip().casefold()
    for e in rec.entities.values():
        if wanted in {e.id, e.name_en.casefold(), e.name_ja.casefold()}:
            found.add(e.id)
    return found


def _select(rec: Record, word: str | None, person: str | None, year: int | None) -> list[Claim]:
    chosen = list(rec.claims)
    if person:
        found = _about(rec, person)
        if not found:
            sys.stderr.write(f"factcheck: no person or organisation called {person!r}\n")
            raise typer.Exit(2)
        chosen = [c for c in chosen if found & {*c.entities, c.subject, c.obj}]
    if year:
        chosen = [c for c in chosen
                  if any(str(d).startswith(str(year)) for d in c.values.get("dates") or [])]  # fmt: skip
    if word:
        w = word.casefold()
        chosen = [c for c in chosen if w in (c.id + c.text_en + c.text_ja + c.quote).casefold()]
    return chosen


@app.command("claims")
def list_claims(
    word: Annotated[str | None, typer.Argument(metavar="[WORD]", help="Only claims containing this word; a claim's exact id shows that claim.", show_default=False)] = None,
    person: Annotated[str | None, typer.Option("--about", metavar="NAME", help="Only claims about this person or organisation (any alias, English or Japanese).", show_default=False)] = None,
    year: Annotated[int | None, typer.Option("--year", metavar="YEAR", help="Only claims dated in this year.", show_default=False)] = None,
    show: Annotated[str | None, typer.Option("--show", metavar="ID", help="Show one claim in full, with its passage in context.", show_default=False)] = None,
    context: Annotated[int, typer.Option("--context", metavar="LINES", help="Lines of the source shown around the passage with --show.")] = 1,
    claims: ClaimsOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
) -> None:  # fmt: skip
    """List the claims (filter by word, person or year), or show one with --show ID."""
    rec = _load(claims)
    if show or (word and rec.claim(word) and not (person or year)):
        _show(rec, show or word or "", as_json, no_color, max(0, context))
        return
    chosen = _select(rec, word, person, year)
    if as_json:
        _json([_claim_dict(rec, c) for c in chosen])
        return
    from rich.table import Table

    from factcheck.report.terminal import clean

    console = _console(no_color)
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
    _flush(console)


# --------------------------------------------------------------------------- one claim


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

    from factcheck.report.terminal import clean

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

    from factcheck.report.terminal import clean

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


def _source_line(src: Source, c: Claim) -> Text:
    from rich.text import Text

    from factcheck.report.terminal import clean

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

    from factcheck.report.terminal import Wrapped, styled

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


def _show(rec: Record, claim_id: str, as_json: bool, no_color: bool, around: int) -> None:
    c = rec.claim(claim_id)
    if c is None:
        from difflib import get_close_matches

        near = get_close_matches(claim_id, [x.id for x in rec.claims], n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(near)}?" if near else " (factcheck claims lists them)"
        sys.stderr.write(f"factcheck: no claim with id {claim_id!r}{hint}\n")
        raise typer.Exit(2)
    if as_json:
        _json(_show_dict(rec, c, around))
        return
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from factcheck.report.terminal import clean

    console = _console(no_color)
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
    _flush(console)


def _show_dict(rec: Record, c: Claim, around: int) -> dict[str, object]:
    out = _claim_dict(rec, c)
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


# --------------------------------------------------------------------------- sources

_META = ("title", "title_en", "publisher", "date", "language", "machine_translated",
         "original_language", "url", "editor", "notes")  # fmt: skip


@app.command()
def sources(claims: ClaimsOpt = None, as_json: JsonOpt = False, no_color: NoColorOpt = False) -> None:  # fmt: skip
    """List the sources with their metadata."""
    rec = _load(claims)
    rows = []
    for src in rec.sources.values():
        count = sum(1 for c in rec.claims if c.source == src.id)
        rows.append({"id": src.id, "path": src.path, "claims": count,
                     **{k: str(v) for k, v in src.meta.items() if k not in ("id", "file")}})  # fmt: skip
    if as_json:
        _json(rows)
        return
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from factcheck.report.terminal import clean

    console = _console(no_color)
    for row in rows:
        head = Text(clean(str(row["id"])), style="bold cyan")
        head.append(
            f"  {clean(str(row['path']))}  ({_count(int(str(row['claims'])), 'claim')})",
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
    _flush(console)


# --------------------------------------------------------------------------- curating


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
