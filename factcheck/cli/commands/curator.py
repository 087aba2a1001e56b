"""Curating the record: validate it, find what no claim cites, draft claims for a new
source."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from factcheck.cli.commands import (
    VALIDATE_HELP,
    ClaimsOpt,
    JsonOpt,
    _json,
    _load,
    app,
)
from factcheck.errors import RecordError

if TYPE_CHECKING:
    from factcheck.model import Source
    from factcheck.record import Record


@app.command(help=VALIDATE_HELP)
def validate(claims: ClaimsOpt = None) -> None:
    from factcheck.record import bundled_record_path, load_record

    where = Path(claims) if claims is not None else bundled_record_path()
    if not (where / "claims.yaml" if where.is_dir() else where).is_file():
        sys.stderr.write(f"factcheck: {claims}: claims database not found\n")
        raise typer.Exit(2)  # nothing to validate: the check could not run
    try:
        rec = load_record(claims)
    except RecordError as exc:
        for problem in exc.problems:
            sys.stdout.write(f"{problem}\n")
        sys.stdout.write(f"{len(exc.problems)} problem{'' if len(exc.problems) == 1 else 's'}\n")
        raise typer.Exit(1) from None
    _review(rec)
    from factcheck.report.records import count as _count

    sys.stdout.write(f"{rec.path}: {_count(len(rec.claims), 'claim')}, "
                     f"{_count(len(rec.entities), 'entity', 'entities')}, "
                     f"{_count(len(rec.sources), 'source')}: no problems\n")  # fmt: skip


def _review(rec: Record) -> None:
    """The checks beyond the schema: problems (exit 1) and warnings, after the schema's."""
    from factcheck.record.curate import review

    problems, warnings = review(rec)
    for warning in warnings:
        sys.stdout.write(f"warning: {warning}\n")
    if problems:
        for problem in problems:
            sys.stdout.write(f"{problem}\n")
        sys.stdout.write(f"{len(problems)} problem{'' if len(problems) == 1 else 's'}\n")
        raise typer.Exit(1)


def _source_of(rec: Record, wanted: str) -> Source:
    """A source of the record by id or path; exit 2 naming the known ones otherwise."""
    from pathlib import Path

    for src in rec.sources.values():
        if (
            wanted in (src.id, src.path)
            or Path(wanted).resolve() == (rec.root / src.path).resolve()
        ):
            return src
    known = ", ".join(sorted(rec.sources)) or "none"
    sys.stderr.write(f"factcheck: no source {wanted!r} in the record (sources: {known})\n")
    raise typer.Exit(2)


@app.command()
def coverage(
    source: Annotated[str | None, typer.Argument(help="A source id or path (default: every source).", show_default=False)] = None,
    claims: ClaimsOpt = None,
    as_json: JsonOpt = False,
) -> None:  # fmt: skip
    """Sentences with checkable content (names, numbers, dates, a statement of their own)
    that no claim cites, per source: exit 0 when every one is cited or listed under
    unchecked with a reason, 1 when any remain (a CI gate for the record itself)."""
    from factcheck.record.curate import coverage as cover
    from factcheck.record.curate import matcher_of

    rec = _load(claims)
    chosen = [_source_of(rec, source)] if source else list(rec.sources.values())
    matcher = matcher_of(rec)
    reports = [cover(rec, src, matcher) for src in chosen]
    left = sum(len(r.uncited) for r in reports)
    if as_json:
        _json([{"source": r.source.id, "path": r.source.path, "checkable": r.checkable,
                "cited": r.cited,
                "uncited": [{"line": s.line, "sentence": s.text, "names": list(s.names),
                             "values": list(s.values)} for s in r.uncited],
                "unchecked": [{"line": s.line, "sentence": s.text, "reason": why}
                              for s, why in r.excused]}
               for r in reports])  # fmt: skip
        raise typer.Exit(1 if left else 0)
    out = sys.stdout.write
    for r in reports:
        for s in r.uncited:
            what = ", ".join([*s.names, *s.values]) or "a statement"
            out(f"{r.source.path}:{s.line}: no claim cites: {s.text}  [{what}]\n")
        for s, why in r.excused:
            out(f"{r.source.path}:{s.line}: unchecked ({why}): {s.text}\n")
        out(f"{r.source.id}: {r.cited} of {r.checkable} checkable sentences cited, "
            f"{len(r.excused)} deliberately unchecked, {len(r.uncited)} uncited\n")  # fmt: skip
    raise typer.Exit(1 if left else 0)


@app.command("draft-claims")
def draft_claims(
    source: Annotated[str, typer.Argument(help="A source of the record (id or path), or a text file with its metadata .yaml beside it.", show_default=False)],
    include_cited: Annotated[bool, typer.Option("--all", help="Also the sentences claims already cite.")] = False,
    claims: ClaimsOpt = None,
) -> None:  # fmt: skip
    """A YAML skeleton of candidate claims for a source, one per checkable sentence not yet
    cited: quote, line, names and values filled in, phrasings and examples left to write.
    Printed, never written into the record."""
    import yaml

    from factcheck.record.curate import draft

    rec = _load(claims)
    src = _draft_source(rec, source)
    skeleton = draft(rec, src, include_cited)
    header = (f"# Candidate claims for {src.path} ({len(skeleton)}): write text.en and text.ja,\n"
              "# check the names and values, add examples, then move them into the record.\n")  # fmt: skip
    body = yaml.safe_dump({"claims": skeleton}, allow_unicode=True, sort_keys=False, width=100)
    sys.stdout.write(header + body)


def _draft_source(rec: Record, wanted: str) -> Source:
    """The record's source, or a new text file read as one (its metadata from the .yaml
    beside it when there is one: id and date)."""
    from pathlib import Path

    from factcheck.model import Source as SourceType

    path = Path(wanted)
    if not path.is_file():
        return _source_of(rec, wanted)
    for src in rec.sources.values():
        if path.resolve() == (rec.root / src.path).resolve():
            return src
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"factcheck: cannot read {wanted}: {exc}\n")
        raise typer.Exit(2) from None
    meta: dict[str, Any] = {"id": path.stem}
    beside = path.with_suffix(".yaml")
    if beside.is_file():
        import yaml

        loaded = yaml.safe_load(beside.read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            meta.update(loaded)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return SourceType(str(meta["id"]), str(path), text, meta, tuple(starts))
