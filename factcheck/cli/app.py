"""The full command line (typer): every option, --help, completion, usage errors. Parsing
only: the check command hands back the ``Options`` it read, and the entry point
(``cli/entry.py``) runs them with the check itself (``cli/run.py``), as it runs those its
quick path reads. The choices of --format and --fail-on are the names in their registries
(``report.FORMATS``, ``guide.FAIL_ON``): a new format is offered here once it is registered
there."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core

from factcheck.cli.options import COMMANDS, Options
from factcheck.guide import FAIL_ON
from factcheck.report import FORMATS

HELP = """Check English or Japanese text against the bundled record of sourced claims.

Each statement is reported supported, contradicted or unknown, citing the source passage.

\b
Check a sentence (English or Japanese):
  factcheck "Musk donated $44M to OpenAI."
  factcheck "マスク氏はOpenAIに4400万ドルを寄付した。"
  factcheck --explain "Musk and Altman co-founded OpenAI in 2019."

\b
Check standard input or files (Markdown or text; folders too):
  cat story.md | factcheck --stdin-filename story.md   # read as Markdown
  factcheck -f draft.md              # verdicts, reasons, passages
  factcheck -f draft.md -q           # only contradicted and unknown ones
  factcheck -f draft.md --format json -o report.json
  FORCE_COLOR=1 factcheck -f draft.md | less -R

\b
In CI (the exit status is 1 on a failing verdict):
  factcheck -f draft.md --fail-on unknown
  factcheck --files docs --format github
  factcheck --files docs --format sarif -o factcheck.sarif
  factcheck --files docs --extend-exclude 'drafts/old/'
  factcheck --files docs --diff-base origin/main   # only changed lines
  factcheck -f draft.md --diff       # the record's values, as a diff (--fix)
  factcheck --show-config            # the settings and where they came from

\b
Browse the record (factcheck claims --help):
  factcheck claims --about Altman --year 2015
  factcheck claims --show musk.donations.total
  factcheck sources
  factcheck validate --claims my/claims.yaml

Folders are searched for .md, .markdown and .txt files, skipping hidden ones,
node_modules, build, dist, virtual environments, and what .gitignore or .ignore
ignore. Settings may also come from factcheck.toml or [tool.factcheck] in
pyproject.toml (the nearest one above the current folder; --config PATH to
choose one); command-line options win.

Colour: on a terminal only; NO_COLOR or --no-color turn it off, FORCE_COLOR on.
Shell completion: factcheck --install-completion.

Exit status: 0 nothing contradicted, 1 a statement reached the failing verdict,
2 the check could not run.
"""


class _CheckCommand(typer.core.TyperCommand):
    """The check command's help, with a Commands section for the record commands."""

    def format_epilog(self, ctx: Any, formatter: Any) -> None:  # click's (typer vendors it)
        with formatter.section("Commands"):
            formatter.write_dl(list(COMMANDS))
        super().format_epilog(ctx, formatter)


if TYPE_CHECKING:  # a name of the registry; typer reads the enums below
    Format = str
    FailOn = str
else:
    Format = StrEnum("Format", [(name, name) for name in FORMATS])
    FailOn = StrEnum("FailOn", [(name, name) for name in FAIL_ON])


app = typer.Typer(add_completion=True, rich_markup_mode=None, pretty_exceptions_enable=False)


@app.command(help=HELP, cls=_CheckCommand)
def check(
    text: Annotated[list[str] | None, typer.Argument(metavar="[TEXT]...", help="Text to check (paths with --files); '-' or nothing reads standard input.", show_default=False)] = None,
    file: Annotated[list[str] | None, typer.Option("--file", "-f", metavar="PATH", help="A Markdown or text file, or a folder of them; repeatable.", show_default=False)] = None,
    args_are_files: Annotated[bool, typer.Option("--files", help="The arguments are files or folders, not text (pre-commit, xargs).")] = False,
    fmt: Annotated[Format | None, typer.Option("--format", help="Output format. [default: text]", show_default=False)] = None,
    output_file: Annotated[str | None, typer.Option("--output-file", "-o", metavar="PATH", help="Write the report to this file; the counts still go to the terminal.", show_default=False)] = None,
    stdin_filename: Annotated[str | None, typer.Option("--stdin-filename", metavar="PATH", help="The name of standard input: decides Markdown or text, the excludes, and the path in the report.", show_default=False)] = None,
    claims: Annotated[str | None, typer.Option("--claims", metavar="PATH", help="Another claims database (a claims.yaml with its sources/ beside it).", show_default=False)] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Which verdict makes the exit status 1. [default: contradicted]", show_default=False)] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="PATTERN", help="Skip what this gitignore-style pattern matches, instead of the default list; repeatable.", show_default=False)] = None,
    extend_exclude: Annotated[list[str] | None, typer.Option("--extend-exclude", metavar="PATTERN", help="Also skip what this pattern matches; repeatable.", show_default=False)] = None,
    force_exclude: Annotated[bool, typer.Option("--force-exclude", help="Apply the excludes to files named explicitly too.")] = False,
    no_respect_gitignore: Annotated[bool, typer.Option("--no-respect-gitignore", help="Check files that .gitignore or .ignore ignore.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Replace contradicted values in the files with the record's, then check them.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print those replacements as a diff instead (exit 1 when there are any).")] = False,
    diff_base: Annotated[str | None, typer.Option("--diff-base", metavar="REF", help="Report only statements on lines changed since this git revision.", show_default=False)] = None,
    config: Annotated[str | None, typer.Option("--config", metavar="PATH", help="Read settings from this factcheck.toml or pyproject.toml.", show_default=False)] = None,
    show_config: Annotated[bool, typer.Option("--show-config", help="Print the settings in force and where each came from, then exit.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show the candidates considered, their scores and the deciding rule.")] = False,
    only_problems: Annotated[bool, typer.Option("--only-problems", "-q", help="Show only contradicted and unknown statements.")] = False,
    scores: Annotated[bool, typer.Option("--scores", help="Show match scores.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text without colour.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
    scheduler: Annotated[str | None, typer.Option("--scheduler", metavar="ADDRESS", help="Check on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' for one started here (needs factcheck[dask]).", show_default=False)] = None,
) -> Options:  # fmt: skip
    """The options read, for the entry point to run (called with standalone_mode=False,
    click hands back what this returns)."""
    return Options(
        text=list(text or []), file=list(file or []), args_are_files=args_are_files,
        fmt=str(fmt) if fmt else None, claims=claims,
        fail_on=str(fail_on) if fail_on else None, config=config, show_config=show_config,
        explain=explain, only_problems=only_problems, scores=scores, no_color=no_color,
        version=version, stdin_filename=stdin_filename, output_file=output_file,
        exclude=list(exclude or []), extend_exclude=list(extend_exclude or []),
        force_exclude=force_exclude, no_respect_gitignore=no_respect_gitignore,
        diff_base=diff_base, fix=fix, diff=diff, scheduler=scheduler,
    )  # fmt: skip
