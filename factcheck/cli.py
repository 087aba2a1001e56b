"""The command line: parse options, call the checker, render, exit. Wiring only."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

from factcheck.errors import FactcheckError

HELP = """Check English or Japanese text against the bundled record of sourced claims.

Each statement is reported supported, contradicted or unknown, citing the source passage.

\b
Examples:
  factcheck "Musk donated $44M to OpenAI."
  factcheck "マスク氏はOpenAIに4400万ドルを寄付した。"
  cat story.md | factcheck
  factcheck --file draft.md --format json
  factcheck -f draft.md --fail-on unknown        # in CI: fail on anything unsupported

Exit status: 0 nothing contradicted, 1 a statement reached the failing verdict, 2 the check
could not run.
"""


class Format(StrEnum):
    text = "text"
    json = "json"


class FailOn(StrEnum):
    contradicted = "contradicted"
    unknown = "unknown"
    never = "never"


app = typer.Typer(add_completion=True, rich_markup_mode=None, pretty_exceptions_enable=False)


def _fail(message: str, code: int = 2) -> None:
    sys.stderr.write(f"factcheck: {message}\n")
    raise typer.Exit(code)


def _use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


@app.command(help=HELP)
def check(
    text: Annotated[list[str] | None, typer.Argument(help="Text to check; '-' or nothing reads standard input.", show_default=False)] = None,
    file: Annotated[list[str] | None, typer.Option("--file", "-f", help="A Markdown or text file (or a folder of them) to check; repeatable.", show_default=False)] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    claims: Annotated[str | None, typer.Option("--claims", help="Another claims database (a claims.yaml with its sources/ beside it).", show_default=False)] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Which verdict makes the exit status 1.")] = FailOn.contradicted,
    explain: Annotated[bool, typer.Option("--explain", help="Show the candidates considered, their scores and the deciding rule.")] = False,
    only_problems: Annotated[bool, typer.Option("--only-problems", "-q", help="Show only contradicted and unknown statements.")] = False,
    scores: Annotated[bool, typer.Option("--scores", help="Show match scores.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text without colour.")] = False,
) -> None:  # fmt: skip
    from factcheck.inputs import Document, expand_paths, read_file, read_stdin
    from factcheck.model import Verdict
    from factcheck.pipeline import check_text
    from factcheck.record import load_record
    from factcheck.report import Context, renderer

    docs: list[Document] = []
    words = [t for t in (text or []) if t != "-"]
    if words:
        docs.append(Document("<text>", " ".join(words)))
    for path in expand_paths(list(file or [])):
        docs.append(read_file(path))
    if (not words and not file) or "-" in (text or []):
        if sys.stdin is None or (sys.stdin.isatty() and not (text and "-" in text)):
            _fail("nothing to check: give text, --file PATH, or pipe text on standard input")
        docs.append(read_stdin(sys.stdin))
    record = load_record(claims)
    findings = []
    for doc in docs:
        if doc.markdown:
            from factcheck.text.markdown import prose_regions

            findings.extend(check_text(doc.text, record, doc.name, prose_regions(doc.text)))
        else:
            findings.extend(check_text(doc.text, record, doc.name))
    if not findings:
        sys.stderr.write("factcheck: nothing to check (no statements in the input)\n")
    ctx = Context(
        texts={d.name: d.text for d in docs}, color=_use_color(no_color),
        width=int(os.environ.get("COLUMNS", "0") or 0) or 100,
        explain=explain, only_problems=only_problems, show_scores=scores, fail_on=fail_on.value,
    )  # fmt: skip
    sys.stdout.write(renderer(fmt.value)(findings, ctx))
    sys.stdout.flush()
    failing = {"contradicted": {Verdict.CONTRADICTED},
               "unknown": {Verdict.CONTRADICTED, Verdict.UNKNOWN}, "never": set()}[fail_on.value]  # fmt: skip
    raise typer.Exit(1 if any(f.verdict in failing for f in findings) else 0)


def main() -> None:
    """Entry point of the ``factcheck`` command."""
    try:
        app(prog_name="factcheck")
    except FactcheckError as exc:
        sys.stderr.write(f"factcheck: {exc}\n")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
