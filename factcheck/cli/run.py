"""The check command itself, without the option parser: documents in, report out, an exit
status back. Run by the entry point (``cli/entry.py``) on the ``Options`` either parser
reads: its quick path for the common invocations, which never imports typer, or the full
command line (typer, ``cli/app.py``). What the run keeps, shows and fails on is decided by
``factcheck/guide.py``."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path

    from factcheck.cli.options import Options
    from factcheck.config import Settings
    from factcheck.index.store import Index
    from factcheck.inputs import Document
    from factcheck.model import Finding
    from factcheck.progress import Tracker
    from factcheck.report import Context

D = TypeVar("D")


def _use_color(no_color: bool) -> bool:
    """--no-color, NO_COLOR, FORCE_COLOR, TERM=dumb, then whether stdout is a terminal."""
    from factcheck.report.terminal import use_color

    return use_color(no_color, sys.stdout)


def _warn(message: str) -> None:
    from factcheck.inputs import warn

    warn(message)


def _documents(opts: Options, settings: Settings,
               read: Callable[[str], D]) -> tuple[list[Document | D], list[str]]:  # fmt: skip
    """The documents to check (files as ``read`` gives them: read_file reads them), and the
    names of those read from files."""
    from factcheck.errors import InputError
    from factcheck.inputs import read_stdin, text_document
    from factcheck.selection import Selection

    args = opts.text
    selection = Selection.from_settings(settings, opts.extend_exclude)
    docs: list[Document | D] = []
    paths = [*opts.file, *(a for a in args if a != "-")] if opts.args_are_files else opts.file
    words = [] if opts.args_are_files else [a for a in args if a != "-"]
    if words:
        docs.append(text_document(words))  # refuses bytes that are not UTF-8
    files = selection.files(paths, _warn)
    docs.extend(read(path) for path in files)
    if (not words and not paths) or "-" in args:
        if sys.stdin is None or (sys.stdin.isatty() and "-" not in args):
            raise InputError(
                "nothing to check: give text, --file PATH, or pipe text on standard input"
            )
        name = opts.stdin_filename or "<stdin>"
        doc = read_stdin(sys.stdin, name)  # read even when excluded: the writer is not cut off
        if opts.stdin_filename is None or selection.named(name):
            docs.append(doc)
    return docs, files


def _lines_in(texts: dict[str, str]) -> Callable[[Finding], tuple[int, int]]:
    """A finding's first and last line (1-based) in its input, as the reports give them."""
    from factcheck.report.positions import locate

    def lines(f: Finding) -> tuple[int, int]:
        first, _, last, _ = locate(texts[f.input], f.span)
        return first, last

    return lines


def _check_documents(docs: list[Document], record: Index, tracker: Tracker | None = None) -> Iterator[Finding]:  # fmt: skip
    """The findings of every document, one at a time, as they are judged."""
    for doc in docs:
        step = tracker.start(doc.name) if tracker else None  # progress on stderr, long runs
        from factcheck.pipeline import document_findings

        yield from document_findings(doc.name, doc.text, doc.markdown, record, step, on_stop=_warn)


def _fixed_documents(docs: list[Document], files: list[str], record: Index) -> dict[str, tuple[str, str, int]]:  # fmt: skip
    """Per file with suggested fixes: its text, the text with them made, how many."""
    from factcheck.fixes import apply as apply_fixes
    from factcheck.fixes import suggest
    from factcheck.pipeline import check_text

    def judge(statement: str) -> list[Finding]:
        return check_text(statement, record)

    out: dict[str, tuple[str, str, int]] = {}
    for doc in docs:
        if doc.name not in files:
            continue
        from factcheck.pipeline import document_findings

        found = (
            suggest(f, judge) for f in document_findings(doc.name, doc.text, doc.markdown, record)
        )
        fixes = [fx for fx in found if fx is not None]
        if fixes:
            out[doc.name] = (doc.text, apply_fixes(doc.text, fixes), len(fixes))
    return out


def _with_fixes(findings: Iterable[Finding], record: Index, ctx: Context) -> Iterator[Finding]:
    """Pass the findings on, noting in ``ctx`` the suggested fix of each contradicted one
    (for the formats that carry fixes)."""
    from factcheck.fixes import suggest
    from factcheck.model import Verdict
    from factcheck.pipeline import check_text
    from factcheck.report import FIXES

    def judge(statement: str) -> list[Finding]:
        return check_text(statement, record)

    fixes: dict[tuple[str, int, int], tuple[int, int, str]] = {}
    ctx.extra[FIXES] = fixes
    for f in findings:
        if f.verdict is Verdict.CONTRADICTED and f.input not in ("<text>", "<stdin>"):
            fix = suggest(f, judge)
            if fix is not None:
                fixes[(f.input, f.span.start, f.span.end)] = (fix.start, fix.end, fix.replacement)
        yield f


def _fix(docs: list[Document], files: list[str], record: Index, diff: bool) -> tuple[list[Document], int]:  # fmt: skip
    """``--diff``: the fixes as a unified diff (status 1 when there are any); ``--fix``: the
    files rewritten, and the documents as they now are (to be checked)."""
    from dataclasses import replace

    from factcheck.fixes import encoded, unified_diff

    fixed = _fixed_documents(docs, files, record)
    count = sum(n for _, _, n in fixed.values())
    if diff:
        for name, (old, new, _) in fixed.items():
            sys.stdout.write(unified_diff(name, old, new))
        sys.stderr.write(f"factcheck: {count} fix{'' if count == 1 else 'es'} in {len(fixed)} "
                         f"file{'' if len(fixed) == 1 else 's'}"
                         f"{' (--fix applies them)' if count else ''}\n")  # fmt: skip
        return docs, 1 if count else 0
    written = 0
    for i, doc in enumerate(docs):
        if doc.name not in fixed:
            continue
        old, new, n = fixed[doc.name]
        data = encoded(doc.name, old, new)
        if data is None:
            _warn(f"{doc.name}: not fixed (not UTF-8, or changed while checked)")
            continue
        with open(doc.name, "wb") as fh:
            fh.write(data)
        docs[i] = replace(doc, text=new)
        written += n
    if written:
        sys.stderr.write(f"factcheck: fixed {written} value{'' if written == 1 else 's'}\n")
    return docs, 0


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


def _check_jobs() -> None:
    """FACTCHECK_JOBS, when set, is a number of worker processes (0 or 1: none)."""
    jobs = os.environ.get("FACTCHECK_JOBS", "").strip()
    if jobs and not (jobs.isascii() and jobs.isdigit()):
        from factcheck.errors import FactcheckError

        raise FactcheckError(f"FACTCHECK_JOBS must be a number of worker processes, not {jobs!r}")


def _open_output(path: str) -> TextIO:
    from factcheck.errors import FactcheckError

    try:
        return open(path, "w", encoding="utf-8")  # closed by run_check
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot write the report: {exc.strerror or exc}") from None


def _told(counts: dict[str, int], path: str) -> str:
    """The line a run with ``--output-file`` leaves on the terminal."""
    total = sum(counts.get(v, 0) for v in ("supported", "contradicted", "unknown"))
    return (f"{total} statement{'' if total == 1 else 's'}: {counts.get('supported', 0)} "
            f"supported, {counts.get('contradicted', 0)} contradicted, "
            f"{counts.get('unknown', 0)} unknown; the report is in {path}\n")  # fmt: skip


def _cli_settings(opts: Options) -> dict[str, object | None]:
    """The settings the command line gives (None: not given, the config file decides)."""
    return {"claims": opts.claims, "fail_on": opts.fail_on, "format": opts.fmt,
            "exclude": list(opts.exclude) or None,
            "force_exclude": True if opts.force_exclude else None,
            "respect_gitignore": False if opts.no_respect_gitignore else None}  # fmt: skip


def _changes(base: str | None, files: list[str]) -> dict[str, set[int] | None]:
    """``--diff-base``: the changed lines of each file (None: a file new since ``base``)."""
    if base is None:
        return {}
    from factcheck.changes import changed_lines, check_base

    check_base(base)
    return {name: changed_lines(name, base) for name in files}


def _write_report(docs: list[Document], record: Index, settings: Settings, opts: Options,
                  changed: dict[str, set[int] | None], cluster: Any = None) -> dict[str, int]:  # fmt: skip
    """Check the documents and write the report (standard output or ``-o``); the counts.
    With ``cluster`` (a factcheck.dask.ClusterRun) the findings come from a Dask cluster,
    ``docs`` standing in for the files it reads as it sends them."""
    from contextlib import ExitStack

    from factcheck.guide import only_changed
    from factcheck.progress import progress_for
    from factcheck.report import WITH_FIXES, Context, renderer, streamer, summary
    from factcheck.report.terminal import terminal_width

    with ExitStack() as stack:
        out = (
            stack.enter_context(_open_output(opts.output_file)) if opts.output_file else sys.stdout
        )
        stream = streamer(settings.format)
        if cluster is not None:
            cluster.keep_texts = stream is None  # (the formats written at the end)
        ctx = Context(
            texts={d.name: d.text for d in docs} if cluster is None else cluster.texts,
            color=_use_color(opts.no_color) and out is sys.stdout,
            width=terminal_width(out),  # COLUMNS, else the terminal's, else 100
            explain=opts.explain, only_problems=opts.only_problems, show_scores=opts.scores,
            fail_on=settings.fail_on,
        )  # fmt: skip
        estimates = None if cluster is None else cluster.estimates
        with progress_for(docs, opts.no_color, estimates=estimates) as tracker:  # on a terminal
            found = (_check_documents(docs, record, tracker) if cluster is None
                     else cluster.findings(tracker))  # fmt: skip
            if changed:
                found = only_changed(found, changed, _lines_in(ctx.texts))
            if settings.format in WITH_FIXES:
                found = _with_fixes(found, record, ctx)
            if stream is not None:  # written as judged: memory stays bounded
                counts = stream(found, ctx, out.write).total
            else:
                findings = list(found)
                counts = summary(findings)
                out.write(renderer(settings.format)(findings, ctx))
                if settings.format == "github":
                    _write_step_summary(findings, ctx)
        out.flush()
    return counts


def run_check(opts: Options) -> int:
    """Check what the options name; the report goes to standard output (or ``--output-file``);
    the exit status back. Problems that stop the check raise FactcheckError (exit status 2)."""
    if opts.version:  # before the checking core is imported: --version loads none of it
        from factcheck.version import __version__

        sys.stdout.write(f"factcheck {__version__}\n")
        return 0
    from factcheck.cache import patterns
    from factcheck.config import describe, resolve
    from factcheck.index.store import open_index
    from factcheck.inputs import read_file

    patterns.load()  # the regular expressions' code from an earlier run: not compiled again
    _check_jobs()
    settings = resolve(_cli_settings(opts), opts.config)
    if opts.show_config:
        sys.stdout.write(describe(settings))
        return 0
    if opts.args_are_files and not opts.text and not opts.file:
        sys.stderr.write("factcheck: nothing to check (--files without file names)\n")
        return 0
    extra: list[str | Path] = list(settings.extra_claims)
    if opts.scheduler:  # on a Dask cluster: files read as they are sent, the same report
        from importlib import import_module

        from factcheck.errors import FactcheckError

        if opts.fix or opts.diff:
            raise FactcheckError("--fix and --diff rewrite files here: not with --scheduler")
        dask = import_module("factcheck.dask")  # the optional extra, loaded by name (as the
        # report formats are)
        inputs, files = _documents(opts, settings, dask.probe_path)
        cluster = dask.ClusterRun(opts.scheduler, inputs, settings.claims, extra)
        counts = _write_report(cluster.stand_ins, cluster.checker.index, settings, opts,
                               _changes(opts.diff_base, files), cluster)  # fmt: skip
        return _finish(counts, opts, settings, _blank(cluster.inputs))
    docs, files = _documents(opts, settings, read_file)
    changed = _changes(opts.diff_base, files)
    record = open_index(settings.claims, extra=extra)
    if opts.fix or opts.diff:
        docs, status = _fix(docs, files, record, opts.diff)
        if opts.diff:
            return status
    counts = _write_report(docs, record, settings, opts, changed)
    patterns.save()  # (only when this run compiled a pattern the file did not hold)
    return _finish(counts, opts, settings, _blank(docs))


def _blank(inputs: list[Any]) -> bool:
    """Were inputs given, and all of them empty or blank (documents read, or file paths a
    cluster reads itself, judged by their size)?"""
    import os

    from factcheck.inputs import Document

    def blank(i: Any) -> bool:
        if isinstance(i, Document):
            return not i.text.strip(" \t\r\n\ufeff")
        return os.path.getsize(i) == 0

    return bool(inputs) and all(blank(i) for i in inputs)


def _finish(counts: dict[str, int], opts: Options, settings: Settings, blank: bool) -> int:
    """After the report: the counts' line for ``-o``, a word when nothing was checked, and
    the exit status. ``blank``: every input given was empty or blank (bad input)."""
    from factcheck.guide import exit_status
    from factcheck.model import Verdict

    if opts.output_file:
        sys.stdout.write(_told(counts, opts.output_file))
        sys.stdout.flush()
    if not any(counts.get(v.value, 0) for v in Verdict):
        where = f"on lines changed since {opts.diff_base}" if opts.diff_base else "in the input"
        sys.stderr.write(f"factcheck: nothing to check (no statements {where})\n")
        # an empty or blank input is bad input, the check had nothing to run on; nothing
        # selected, nothing changed, or only code and markup: nothing failed
        return 2 if blank and not opts.diff_base else 0
    return exit_status(counts, settings.fail_on)
