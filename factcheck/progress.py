"""Progress on standard error for long runs: a rich bar, only when standard error is a terminal.

The checking code never prints; the CLI opens :func:`progress_for` around the run and passes
each document's :meth:`Tracker.start` callback to ``pipeline.check_text(progress=...)``, which
calls it once per statement. Pipes, files and CI logs get nothing at all.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol, TextIO

from factcheck.normalize.regex import LazyPattern

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

MIN_STATEMENTS = 500  # more statements than this (estimated) is a long run ...
MIN_FILES = 3  # ... and so is more files than this
_ENDS = LazyPattern(r"[。！？]+|[.!?]+(?=[\s\"'”’)\]」』]|$)|\n[ \t]*\n")


class Named(Protocol):
    """A document: what the progress needs of ``factcheck.inputs.Document``."""

    @property
    def name(self) -> str: ...

    @property
    def text(self) -> str: ...


def estimate_statements(text: str) -> int:
    """About how many statements ``text`` holds: sentence ends and blank lines (fast)."""
    return max(1, len(_ENDS.findall(text))) if text.strip() else 0


def is_long(docs: Sequence[Named], estimates: Sequence[int] | None = None) -> bool:
    if estimates is None:
        estimates = [estimate_statements(d.text) for d in docs]
    return len(docs) > MIN_FILES or sum(estimates) > MIN_STATEMENTS


def _isatty(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class Tracker:
    """The statements checked so far against an estimate corrected after each document."""

    def __init__(self, progress: Progress, task: TaskID, estimates: list[int]) -> None:
        self._progress = progress
        self._task = task
        self._estimates = estimates
        self._started = 0
        self.done = 0

    def _advance(self, n: int) -> None:
        self.done += n
        self._progress.advance(self._task, n)

    def start(self, name: str) -> Callable[[int], None]:
        """Call at the start of each document (in order); returns its per-statement callback."""
        ahead = sum(self._estimates[self._started :])
        self._started += 1
        label = _label(name, self._started, len(self._estimates))
        self._progress.update(self._task, total=self.done + ahead, description=label)
        return self._advance


def _label(name: str, number: int, files: int) -> str:
    from factcheck.report.text import clean

    label = clean(name) if len(name) <= 40 else "…" + clean(name[-39:])
    return label + (f" ({number}/{files} files)" if files > 1 else "")


@contextmanager
def progress_for(docs: Sequence[Named], no_color: bool = False, stream: TextIO | None = None,
                 estimates: Sequence[int] | None = None) -> Iterator[Tracker | None]:  # fmt: skip
    """A :class:`Tracker` showing a bar on ``stream`` (standard error) for a long run when
    that is a terminal; None otherwise (nothing is created, nothing is written).
    ``estimates``: the statements each document is thought to hold, when its text is not
    read yet (a run on a cluster reads files as it sends them)."""
    stream = sys.stderr if stream is None else stream
    if not _isatty(stream):
        yield None
        return
    if estimates is None:
        estimates = [estimate_statements(d.text) for d in docs]
    if not is_long(docs, estimates):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from factcheck.report.text import terminal_width, use_color

    color = use_color(no_color, stream)
    console = Console(file=stream, force_terminal=True, no_color=not color,
                      color_system="standard" if color else None, width=terminal_width(stream),
                      highlight=False, emoji=False, markup=False)  # fmt: skip
    bar = Progress(
        SpinnerColumn(), TextColumn("checking {task.description}"), BarColumn(),
        MofNCompleteColumn(), TextColumn("statements"), TimeElapsedColumn(),
        console=console, transient=True, redirect_stdout=False, redirect_stderr=False,
    )  # fmt: skip
    with bar:
        task = bar.add_task(_label(docs[0].name, 1, len(docs)), total=sum(estimates))
        yield Tracker(bar, task, list(estimates))
