"""Record commands: validate the record, list and show claims, list sources.

Routed from ``factcheck.cli.main`` when the first argument is ``claims``, ``sources`` or
``validate``; kept apart so that checking text never imports them.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from factcheck.errors import RecordError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Browse and validate the claims database.")  # fmt: skip
COMMANDS = ("claims", "sources", "validate")

ClaimsOpt = Annotated[
    str | None, typer.Option("--claims", help="Another claims database.", show_default=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON for scripts.")]


def _load(path: str | None):  # type: ignore[no-untyped-def]
    from factcheck.record import load_record

    try:
        return load_record(path)
    except RecordError as exc:
        for problem in exc.problems:
            sys.stderr.write(f"{problem}\n")
        raise typer.Exit(2) from None


@app.command()
def validate(claims: ClaimsOpt = None) -> None:
    """Validate a claims database: exit 0 when clean, 1 with every problem listed."""
    from factcheck.record import load_record

    try:
        rec = load_record(claims)
    except RecordError as exc:
        for problem in exc.problems:
            sys.stdout.write(f"{problem}\n")
        sys.stdout.write(f"{len(exc.problems)} problems\n")
        raise typer.Exit(1) from None
    sys.stdout.write(f"{rec.path}: {len(rec.claims)} claims, {len(rec.entities)} entities, "
                     f"{len(rec.sources)} sources: no problems\n")  # fmt: skip


def _claim_dict(rec, c) -> dict[str, object]:  # type: ignore[no-untyped-def]
    src = rec.sources[c.source]
    return {
        "id": c.id, "text": {"en": c.text_en, "ja": c.text_ja}, "subject": c.subject,
        "object": c.obj, "entities": list(c.entities), "negated": c.negated, "values": c.values,
        "source": c.source, "path": src.path, "line": c.passage.line if c.passage else None,
        "quote": c.quote,
        "examples": {"supported": list(c.supported_examples),
                     "contradicted": list(c.contradicted_examples)},
    }  # fmt: skip


@app.command("claims")
def list_claims(
    word: Annotated[str | None, typer.Argument(help="Show only claims containing this word.")] = None,
    person: Annotated[str | None, typer.Option("--about", help="Only claims about this person or organisation (any alias).")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Only claims dated in this year.")] = None,
    show: Annotated[str | None, typer.Option("--show", help="Show one claim in full, with its passage in context.")] = None,
    claims: ClaimsOpt = None,
    as_json: JsonOpt = False,
) -> None:  # fmt: skip
    """List the claims (filter by word, person or year), or show one with --show ID."""
    rec = _load(claims)
    if show:
        _show(rec, show, as_json)
        return
    chosen = list(rec.claims)
    if person:
        from factcheck.normalize.names import EntityMatcher

        found = {m.entity for m in EntityMatcher(rec.entities.values()).find(person)}
        found |= {e for e in rec.entities if e == person.lower()}
        if not found:
            sys.stderr.write(f"factcheck: no person or organisation called {person!r}\n")
            raise typer.Exit(2)
        chosen = [c for c in chosen if found & {*c.entities, c.subject, c.obj}]
    if year:
        chosen = [
            c
            for c in chosen
            if any(str(d).startswith(str(year)) for d in c.values.get("dates") or [])
        ]
    if word:
        w = word.casefold()
        chosen = [c for c in chosen if w in (c.id + c.text_en + c.text_ja + c.quote).casefold()]
    if as_json:
        sys.stdout.write(
            json.dumps([_claim_dict(rec, c) for c in chosen], ensure_ascii=False, indent=2) + "\n"
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, box=None, pad_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("line", justify="right", style="dim")
    table.add_column("claim")
    for c in chosen:
        table.add_row(c.id, str(c.passage.line if c.passage else ""), c.text_en)
    console = Console(highlight=False)
    console.print(table)
    console.print(f"{len(chosen)} of {len(rec.claims)} claims")


def _show(rec, claim_id: str, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    c = rec.claim(claim_id)
    if c is None:
        sys.stderr.write(f"factcheck: no claim with id {claim_id!r}\n")
        raise typer.Exit(2)
    if as_json:
        sys.stdout.write(json.dumps(_claim_dict(rec, c), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    console.print(Text(c.id, style="bold cyan"))
    console.print(Text("  en: " + c.text_en))
    console.print(Text("  ja: " + c.text_ja))
    names = [rec.entities[e].name_en for e in c.entities if e in rec.entities]
    console.print(Text("  about: " + ", ".join(names), style="dim"))
    if c.values:
        console.print(Text("  values: " + json.dumps(c.values, ensure_ascii=False), style="dim"))
    for label, items in (
        ("supported", c.supported_examples),
        ("contradicted", c.contradicted_examples),
    ):
        for ex in items:
            console.print(
                Text(f"  e.g. {label}: {ex}", style="green" if label == "supported" else "red")
            )
    src = rec.sources[c.source]
    if c.passage:
        lines = src.text.splitlines()
        console.print(Text(f"  {src.path}:{c.passage.line}", style="dim"))
        for n in range(max(1, c.passage.line - 1), min(len(lines), c.passage.line + 1) + 1):
            body = lines[n - 1]
            row = Text(f"  {n:>4} │ ", style="dim")
            if n == c.passage.line and c.quote in body:
                at = body.index(c.quote)
                row.append(body[:at])
                row.append(c.quote, style="bold yellow")
                row.append(body[at + len(c.quote) :])
            else:
                row.append(body, style="dim")
            console.print(row)


@app.command()
def sources(claims: ClaimsOpt = None, as_json: JsonOpt = False) -> None:
    """List the sources with their metadata."""
    rec = _load(claims)
    rows = []
    for src in rec.sources.values():
        count = sum(1 for c in rec.claims if c.source == src.id)
        rows.append({"id": src.id, "path": src.path, "claims": count,
                     **{k: str(v) for k, v in src.meta.items() if k not in ("id", "file")}})  # fmt: skip
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for row in rows:
        sys.stdout.write(f"{row['id']}  ({row['claims']} claims)  {row['path']}\n")
        for key in ("title", "publisher", "date", "language", "url"):
            if key in row:
                sys.stdout.write(f"  {key}: {row[key]}\n")


def run(argv: list[str]) -> None:
    app(args=argv, prog_name="factcheck")
