"""Record commands: validate the record, list and show claims, list sources, curate.

Routed from the entry point when the first argument names one of them
(``cli/options.COMMANDS``); kept apart so that checking text never imports them. Text for people (rich, coloured only on a
terminal), ``--json`` for scripts, both drawn by ``report/records.py``. The commands
themselves are in ``browse.py`` (claims, sources) and ``curator.py`` (validate, coverage,
draft-claims); this module holds the app, the options and the helpers they share.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.errors import RecordError

if TYPE_CHECKING:
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


def _screen(no_color: bool) -> tuple[bool, int]:
    """Colour or not, and the width, of standard output (for the text views)."""
    from factcheck.report.terminal import terminal_width, use_color

    return use_color(no_color, sys.stdout), terminal_width(sys.stdout)


def _json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# the commands register themselves on ``app``
from factcheck.cli.commands import browse, curator  # noqa: E402, F401
