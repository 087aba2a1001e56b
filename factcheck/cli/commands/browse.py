"""Browsing the record: list and show claims, list sources (drawn by ``report/records.py``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.cli.commands import ClaimsOpt, JsonOpt, NoColorOpt, _json, _load, _screen, app

if TYPE_CHECKING:
    from factcheck.model import Claim
    from factcheck.record import Record


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
    from factcheck.report.records import claim_dict, claims_list

    if as_json:
        _json([claim_dict(rec, c) for c in chosen])
        return
    sys.stdout.write(claims_list(rec, chosen, *_screen(no_color)))


# --------------------------------------------------------------------------- one claim


def _show(rec: Record, claim_id: str, as_json: bool, no_color: bool, around: int) -> None:
    c = rec.claim(claim_id)
    if c is None:
        from difflib import get_close_matches

        near = get_close_matches(claim_id, [x.id for x in rec.claims], n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(near)}?" if near else " (factcheck claims lists them)"
        sys.stderr.write(f"factcheck: no claim with id {claim_id!r}{hint}\n")
        raise typer.Exit(2)
    from factcheck.report.records import claim_view, show_dict

    if as_json:
        _json(show_dict(rec, c, around))
        return
    sys.stdout.write(claim_view(rec, c, around, *_screen(no_color)))


# --------------------------------------------------------------------------- sources


@app.command()
def sources(claims: ClaimsOpt = None, as_json: JsonOpt = False, no_color: NoColorOpt = False) -> None:  # fmt: skip
    """List the sources with their metadata."""
    from factcheck.report.records import source_rows, sources_view

    rec = _load(claims)
    rows = source_rows(rec)
    if as_json:
        _json(rows)
        return
    sys.stdout.write(sources_view(rec, rows, *_screen(no_color)))
