"""The full command line (typer): every option, --help, completion, usage errors. Wiring
only: the check itself is factcheck.run; the entry point is factcheck.entry."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, NoReturn

import typer

from factcheck.errors import FactcheckError

HELP = """Check English or Japanese text against the bundled record of sourced claims.

Each statement is reported supported, contradicted or unknown, citing the source passage.

\b
Check a sentence (English or Japanese):
  factcheck "Musk donated $44M to OpenAI."
  factcheck "マスク氏はOpenAIに4400万ドルを寄付した。"
  factcheck --explain "Musk and Altman co-founded OpenAI in 2019."   # why: candidates, scores

\b
Check standard input or files (Markdown or text; folders too):
  cat story.md | factcheck                       # or: factcheck - < story.md
  factcheck -f draft.md                          # the report: verdicts, reasons, passages
  factcheck -f draft.md -q                       # only contradicted and unknown statements
  factcheck -f draft.md --format json            # for scripts
  FORCE_COLOR=1 factcheck -f draft.md | less -R  # keep the colour in a pager

\b
In CI (the exit status is 1 on a failing verdict):
  factcheck -f draft.md --fail-on unknown        # fail on anything unsupported
  factcheck --files docs/*.md --format github    # annotations in GitHub Actions
  factcheck --files docs --format sarif > factcheck.sarif
  factcheck --show-config                        # settings in force and where they came from

\b
Browse the record (factcheck claims --help):
  factcheck claims --about Altman --year 2015    # claims about a person, in a year
  factcheck claims --show musk.donations.total   # one claim, its passage in context
  factcheck sources                              # the sources and their metadata
  factcheck validate --claims my/claims.yaml     # check a claims database

\b
Shell completion: factcheck --install-completion (bash, zsh, fish, PowerShell).
Colour: on a terminal only; NO_COLOR or --no-color turn it off, FORCE_COLOR on. Progress is
shown on standard error for long runs when that is a terminal.

Settings may also come from factcheck.toml or [tool.factcheck] in pyproject.toml (the nearest
one above the current folder; --config PATH to choose one). Command-line options win.

Exit status: 0 nothing contradicted, 1 a statement reached the failing verdict, 2 the check
could not run.
"""


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    rdjsonl = "rdjsonl"


class FailOn(StrEnum):
    contradicted = "contradicted"
    unknown = "unknown"
    never = "never"


app = typer.Typer(add_completion=True, rich_markup_mode=None, pretty_exceptions_enable=False)


def _fail(message: str, code: int = 2) -> NoReturn:
    sys.stderr.write(f"factcheck: {message}\n")
    raise typer.Exit(code)


@app.command(help=HELP)
def check(
    text: Annotated[list[str] | None, typer.Argument(help="Text to check (file paths with --files); '-' or nothing reads standard input.", show_default=False)] = None,
    file: Annotated[list[str] | None, typer.Option("--file", "-f", help="A Markdown or text file (or a folder of them) to check; repeatable.", show_default=False)] = None,
    args_are_files: Annotated[bool, typer.Option("--files", help="Treat the arguments as files or folders to check, not text (for pre-commit and xargs).")] = False,
    fmt: Annotated[Format | None, typer.Option("--format", help="Output format. [default: text]", show_default=False)] = None,
    claims: Annotated[str | None, typer.Option("--claims", help="Another claims database (a claims.yaml with its sources/ beside it).", show_default=False)] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Which verdict makes the exit status 1. [default: contradicted]", show_default=False)] = None,
    config: Annotated[str | None, typer.Option("--config", help="Read settings from this factcheck.toml or pyproject.toml instead of the nearest one.", show_default=False)] = None,
    show_config: Annotated[bool, typer.Option("--show-config", help="Print the settings in force and where each came from, then exit.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show the candidates considered, their scores and the deciding rule.")] = False,
    only_problems: Annotated[bool, typer.Option("--only-problems", "-q", help="Show only contradicted and unknown statements.")] = False,
    scores: Annotated[bool, typer.Option("--scores", help="Show match scores.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text without colour.")] = False,
) -> None:  # fmt: skip
    from factcheck.run import Options, run_check

    opts = Options(list(text or []), list(file or []), args_are_files,
                   fmt.value if fmt else None, claims, fail_on.value if fail_on else None,
                   config, show_config, explain, only_problems, scores, no_color)  # fmt: skip
    try:
        code = run_check(opts)
    except FactcheckError as exc:  # also when the app is run without main(), as in tests
        _fail(str(exc))
    raise typer.Exit(code)
