"""The command line: parse options, call the checker, render, exit. Wiring only."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from factcheck.config import Settings
    from factcheck.inputs import Document
    from factcheck.model import Finding
    from factcheck.progress import Tracker
    from factcheck.record import Record
    from factcheck.report import Context

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


def _use_color(no_color: bool) -> bool:
    """--no-color, NO_COLOR, FORCE_COLOR, TERM=dumb, then whether stdout is a terminal."""
    from factcheck.report.terminal import use_color

    return use_color(no_color, sys.stdout)


def exit_status(counts: dict[str, int], fail_on: str) -> int:
    """The one place that decides the exit status: 1 when a statement reached the failing
    verdict (``counts`` per verdict, as in the JSON summary)."""
    failing = {"contradicted": ("contradicted",), "unknown": ("contradicted", "unknown"),
               "never": ()}[fail_on]  # fmt: skip
    return 1 if any(counts.get(v, 0) for v in failing) else 0


def _expand(paths: list[str], settings: Settings) -> list[str]:
    """Files as given; folders become their documents, filtered by include and exclude."""
    from pathlib import Path

    from factcheck.errors import InputError
    from factcheck.inputs import expand_paths

    out: list[str] = []
    for p in paths:
        if not Path(p).is_dir():
            out.append(p)
            continue
        found = [f for f in expand_paths([p]) if settings.selects(os.path.relpath(f, p))]
        if not found:
            raise InputError(f"{p}: no files left after the config's include and exclude")
        out.extend(found)
    return out


def _documents(args: list[str], files: list[str], args_are_files: bool, settings: Settings) -> list[Document]:  # fmt: skip
    from factcheck.inputs import read_file, read_stdin, text_document

    docs: list[Document] = []
    paths = [*files, *(a for a in args if a != "-")] if args_are_files else files
    words = [] if args_are_files else [a for a in args if a != "-"]
    if words:
        docs.append(text_document(words))  # refuses bytes that are not UTF-8
    docs.extend(read_file(path) for path in _expand(paths, settings))
    if (not words and not paths) or "-" in args:
        if sys.stdin is None or (sys.stdin.isatty() and "-" not in args):
            _fail("nothing to check: give text, --file PATH, or pipe text on standard input")
        docs.append(read_stdin(sys.stdin))
    return docs


def _drop_ignored(findings: Iterable[Finding], text: str, ignored: dict[int, set[str]]) -> Iterator[Finding]:  # fmt: skip
    """Drop findings citing a claim that an ignore comment names on one of their lines."""
    from factcheck.report.positions import locate

    for f in findings:
        if ignored and f.claim_id:
            line, _, end_line, _ = locate(text, f.span)
            if any(f.claim_id in ignored.get(n, ()) for n in range(line - 1, end_line)):
                continue
        yield f


def _check_documents(docs: list[Document], record: Record, tracker: Tracker | None = None) -> Iterator[Finding]:  # fmt: skip
    """The findings of every document, one at a time, as they are judged."""
    from factcheck.pipeline import iter_findings

    for doc in docs:
        step = tracker.start(doc.name) if tracker else None  # progress on stderr, long runs
        if not doc.markdown:
            yield from iter_findings(doc.text, record, doc.name, progress=step)
            continue
        from factcheck.text.markdown import ignored_claims, prose_mask

        found = iter_findings(doc.text, record, doc.name, analysis_text=prose_mask(doc.text),
                              progress=step)  # fmt: skip
        yield from _drop_ignored(found, doc.text, ignored_claims(doc.text))


def _write_step_summary(findings: list[Finding], ctx: Context) -> None:
    """Append the Markdown summary to $GITHUB_STEP_SUMMARY (GitHub Actions), when set."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    from factcheck.report.github import step_summary

    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(step_summary(findings, ctx))
    except OSError as exc:
        sys.stderr.write(
            f"factcheck: cannot write the step summary {path}: {exc.strerror or exc}\n"
        )


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
    from factcheck.config import describe, resolve
    from factcheck.model import Verdict
    from factcheck.pipeline import open_record
    from factcheck.progress import progress_for
    from factcheck.report import Context, renderer, streamer, summary
    from factcheck.report.terminal import terminal_width

    try:
        settings = resolve({"claims": claims, "fail_on": fail_on.value if fail_on else None,
                            "format": fmt.value if fmt else None}, config)  # fmt: skip
        if show_config:
            sys.stdout.write(describe(settings))
            raise typer.Exit(0)
        if args_are_files and not text and not file:
            sys.stderr.write("factcheck: nothing to check (--files without file names)\n")
            raise typer.Exit(0)
        docs = _documents(list(text or []), list(file or []), args_are_files, settings)
        extra: list[str | Path] = list(settings.extra_claims)
        record = open_record(settings.claims, extra=extra)
        ctx = Context(
            texts={d.name: d.text for d in docs}, color=_use_color(no_color),
            width=terminal_width(sys.stdout),  # COLUMNS, else the terminal's, else 100
            explain=explain, only_problems=only_problems, show_scores=scores,
            fail_on=settings.fail_on,
        )  # fmt: skip
        stream = streamer(settings.format)
        with progress_for(docs, no_color) as tracker:  # only when stderr is a terminal
            if stream is not None:  # written as judged: memory stays bounded
                counts = stream(
                    _check_documents(docs, record, tracker), ctx, sys.stdout.write
                ).total
            else:
                findings = list(_check_documents(docs, record, tracker))
                counts = summary(findings)
                sys.stdout.write(renderer(settings.format)(findings, ctx))
                if settings.format == "github":
                    _write_step_summary(findings, ctx)
    except FactcheckError as exc:  # also when the app is run without main(), as in tests
        _fail(str(exc))
    sys.stdout.flush()
    if not any(counts.get(v.value, 0) for v in Verdict):
        sys.stderr.write("factcheck: nothing to check (no statements in the input)\n")
    raise typer.Exit(exit_status(counts, settings.fail_on))


def main() -> None:
    """Entry point of the ``factcheck`` command."""
    import io

    for stream in (sys.stdout, sys.stderr):  # an unencodable character (PYTHONIOENCODING=ascii,
        if isinstance(stream, io.TextIOWrapper):  # an undecodable file name) is escaped, not
            stream.reconfigure(errors="backslashreplace")  # a traceback
    try:
        if len(sys.argv) > 1 and sys.argv[1] in ("claims", "sources", "validate"):
            from factcheck.commands import app as commands

            code = commands(args=sys.argv[1:], prog_name="factcheck", standalone_mode=False)
        else:
            code = app(prog_name="factcheck", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
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
    except Exception as exc:  # bad usage from the option parser: one line, exit 2
        if type(exc).__name__ == "Abort":  # Ctrl-C, as the option parser reports it
            sys.exit(130)
        if not (hasattr(exc, "format_message") and hasattr(exc, "exit_code")):
            raise
        sys.stderr.write(f"factcheck: {exc.format_message()} (see factcheck --help)\n")
        sys.exit(2)
