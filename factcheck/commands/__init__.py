"""Record commands: validate the record, list and show claims, list sources, curate.

Routed from the entry point when the first argument names one of ``COMMANDS``; kept apart
so that checking text never imports them. Text for people (rich, coloured only on a
terminal), ``--json`` for scripts. The commands themselves are in ``browse.py`` (claims,
sources) and ``curator.py`` (validate, coverage, draft-claims); this module holds the app,
the options and the helpers they share.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.errors import RecordError

if TYPE_CHECKING:
    from rich.console import Console

    from factcheck.record import Record

HELP = """Browse and validate the claims database.

\b
Examples:
  factcheck claims                          # every claim, one line each
  factcheck claims donated --about Musk     # a word, about a person (any alias: マスク too)
  factcheck claims --year 2015
  factcheck claims --show musk.donations.total   # one claim with its passage in context
  factcheck claims musk.donations.total          # the same
  factcheck sources                         # the sources and their metadata
  factcheck validate --claims my/claims.yaml
  factcheck coverage                        # sentences no claim cites (exit 1 if any)
  factcheck draft-claims new-article.txt    # claims to start from, as YAML
"""

VALIDATE_HELP = """Validate a claims database: exit 0 when clean, 1 with every problem listed.

\b
The schema (claims.yaml; sources/*.yaml beside it describe each source):
  entities: id, kind (person org product place role), name {en, ja},
            aliases;
            ambiguous: aliases that are common words, read only in context
            (a title after them, or a related name in the same sentence);
            scoped: {SOURCE: [aliases]}, garbled forms read only in that
            source
  claims:   id, source, quote (verbatim), text {en, ja}, subject, object,
            entities, negated,
            values {amounts dates counts ages percents durations},
            terms {en, ja}, examples {supported, contradicted};
            status: stated (default) | attributed (needs speaker) |
                    source_error (needs note; supports and contradicts
                    nothing);
            derived: {VALUE: how it was worked out}, for values not in
            the passage;
            dates may be {date: 2018, qualifier: late};
            also: [{source, quote}], further passages stating the same fact
  unchecked: [{source, line, reason}], sentences deliberately without a claim

Besides the schema, validate checks that every value of a claim is in its passage
(unless derived) and warns about a subject or object not named on its passage's line,
near-duplicate claims, and aliases that are common words or occur inside longer words
of the sources. Curators also use:

\b
  factcheck coverage [SOURCE]    # checkable sentences no claim cites (exit 1)
  factcheck draft-claims SOURCE  # a YAML skeleton of claims for a new source
"""

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None, help=HELP)  # fmt: skip
COMMANDS = ("claims", "sources", "validate", "coverage", "draft-claims")

ClaimsOpt = Annotated[
    str | None,
    typer.Option("--claims", metavar="PATH", help="Another claims database.", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON for scripts.")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="Plain text without colour.")]


def _load(path: str | None) -> Record:
    from factcheck.record import load_record

    try:
        return load_record(path)
    except RecordError as exc:
        for problem in exc.problems:
            sys.stderr.write(f"factcheck: {problem}\n")
        raise typer.Exit(2) from None


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _console(no_color: bool) -> Console:
    """A console writing to a buffer; :func:`_flush` sends it to standard output."""
    import io

    from factcheck.report.terminal import make_console, terminal_width, use_color

    color = use_color(no_color, sys.stdout)
    return make_console(io.StringIO(), color, terminal_width(sys.stdout))


def _flush(console: Console) -> None:
    from factcheck.report.terminal import strip_padding

    sys.stdout.write(strip_padding(console.file.getvalue()))  # type: ignore[attr-defined]


def _json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def run(argv: list[str]) -> None:
    app(args=argv, prog_name="factcheck")


# the commands register themselves on ``app``
from factcheck.commands import browse, curator  # noqa: E402, F401
