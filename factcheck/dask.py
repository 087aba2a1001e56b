"""factcheck on a Dask cluster (the optional extra: ``pip install "factcheck[dask]"``).

The work is cut into tasks: one per document, a large plain-text document in pieces of
about ``PIECE_CHARS`` characters cut where a new block of lines starts (statements never
cross such a cut: ``segment.cut_points``). A task carries its text and a
:class:`~factcheck.checker.Checker` (the record's paths and content key, a few hundred
bytes); each worker process prepares the record once, from its own cache. Findings come
back in input order, the same as a local run's, a bounded number of tasks ahead.

A worker that dies is replaced and its tasks run again elsewhere (Dask's scheduler does
this, up to ``distributed.scheduler.allowed-failures`` times per task); an input that
cannot be read or decoded stops the run with the same one-line error as a local run.

- ``factcheck --scheduler ADDRESS`` (or ``--scheduler local``): :class:`ClusterRun`.
- Within a Dask program: :func:`check_files` (a client, paths in, findings out in order)
  and :func:`check_bag` (a bag of texts in, a bag of findings out).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.checker import Checker
from factcheck.errors import FactcheckError
from factcheck.inputs import MARKDOWN_SUFFIXES, Document, read_file, warn
from factcheck.model import Finding, Span
from factcheck.text.segment import cut_points

if TYPE_CHECKING:
    from dask.bag import Bag
    from distributed import Client, Future

    from factcheck.progress import Tracker

PIECE_CHARS = 200_000  # a task's share of a large document: about 2,000 statements
BYTES_PER_STATEMENT = 100  # for the progress bar's first estimate of a file not yet read
TASKS_PER_THREAD = 4  # tasks under way per worker thread: no worker waits, memory bounded
INSTALL = 'the Dask extra is not installed: pip install "factcheck[dask]"'
# a local cluster's scheduler has no dashboard, but serves its HTTP routes (health, metrics)
# anyway, by default on port 8787: on a free port of the loopback instead, so that another
# cluster on the machine holding 8787 brings no warning (and no port open to the network)
LOCAL_HTTP = {"dashboard_address": "127.0.0.1:0"}


def _distributed() -> Any:
    """The distributed package, or the one-line error that says how to install it."""
    try:
        import distributed
    except ImportError:
        raise FactcheckError(INSTALL) from None
    return distributed


@dataclass(frozen=True, slots=True)
class Piece:
    """One task's text: a whole document, or a piece of one starting at ``offset``."""

    name: str
    text: str
    offset: int = 0  # characters before the piece in its document
    markdown: bool = False
    first: bool = True  # the document's first piece


def pieces(doc: Document, size: int = PIECE_CHARS) -> list[Piece]:
    """``doc`` as tasks: whole (Markdown always: a fence or a comment may span any cut), or
    plain text cut into pieces of about ``size`` characters on statement boundaries."""
    if doc.markdown or len(doc.text) <= size:
        return [Piece(doc.name, doc.text, 0, doc.markdown)]
    starts = [0, *cut_points(doc.text, size)]
    ends = [*starts[1:], len(doc.text)]
    return [Piece(doc.name, doc.text[a:b], a, False, a == 0) for a, b in zip(starts, ends, strict=True)]  # fmt: skip


def check_piece(checker: Checker, piece: Piece) -> tuple[list[Finding], list[str]]:
    """A task, on a worker: the piece's findings, positions in its whole document, and its
    warnings (written where factcheck runs, not in the worker's log)."""
    # A worker process is one of the cluster's cores (and Dask's worker processes are
    # daemons, which may not start processes): the check stays in this process.
    os.environ["FACTCHECK_JOBS"] = "1"
    warnings: list[str] = []
    found = checker.check(piece.text, piece.name, piece.markdown, warnings.append)
    if piece.offset:
        at = piece.offset
        found = [replace(f, span=Span(f.span.start + at, f.span.end + at)) for f in found]
    return found, warnings


def _results(client: Client, checker: Checker,
             work: Iterable[Piece]) -> Iterator[tuple[Piece, list[Finding]]]:  # fmt: skip
    """Each piece with its findings, in the order given, its warnings written (one line
    each on standard error); a bounded number of tasks under way (the next ones are read
    and sent as results come back)."""
    scheduler: Any = client  # (partly typed)
    threads = sum(scheduler.nthreads().values()) or 1
    window = max(4, TASKS_PER_THREAD * threads)
    pending: deque[tuple[Piece, Future[tuple[list[Finding], list[str]]]]] = deque()
    try:
        for piece in work:
            pending.append((piece, client.submit(check_piece, checker, piece, pure=False)))
            if len(pending) >= window:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:
        if pending:  # stopped early, or failed: the rest is not wanted
            scheduler.cancel([future for _, future in pending])


def _result(piece: Piece, future: Future[tuple[list[Finding], list[str]]]) -> tuple[Piece, list[Finding]]:  # fmt: skip
    distributed = _distributed()
    try:
        found, warnings = future.result()
    except distributed.KilledWorker:
        raise FactcheckError(
            f"{piece.name}: the workers checking it died too often (the task is given up)"
        ) from None
    for message in warnings:
        warn(message)
    return piece, found


@contextmanager
def connect(scheduler: str) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler`` (an address such as tcp://host:8786), or
    of a cluster started here for ``local`` (one single-threaded worker process per core,
    or FACTCHECK_JOBS)."""
    distributed = _distributed()
    if scheduler == "local":
        jobs = os.environ.get("FACTCHECK_JOBS", "").strip()
        workers = int(jobs) if jobs.isdigit() and int(jobs) > 0 else len(os.sched_getaffinity(0))
        with (
            distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                     dashboard_address=None, scheduler_kwargs=LOCAL_HTTP) as cluster,
            distributed.Client(cluster) as client,
        ):  # fmt: skip
            yield client
        return
    try:
        client = distributed.Client(scheduler)  # distributed.comm.timeouts.connect
    except (OSError, ValueError) as exc:
        raise FactcheckError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    with client:
        yield client


class ClusterRun:
    """The check command's inputs checked on a cluster (``factcheck --scheduler``).

    ``inputs`` are documents already read (text arguments, standard input) and file paths,
    in the command's order, each read once already (:func:`probe_path`: a file that cannot
    be read or decoded fails before any output, as in a local run). Each file is read again
    when its tasks are sent, and its text kept in :attr:`texts` (the report's positions)
    until its findings are written, or to the end with ``keep_texts`` (for the formats
    written at the end)."""

    def __init__(self, scheduler: str, inputs: Sequence[Document | str], claims: str | None,
                 extra: Iterable[str | Path], keep_texts: bool = False) -> None:  # fmt: skip
        _distributed()  # not installed: say so before anything else
        self.scheduler = scheduler
        self.inputs = list(inputs)
        self.checker = Checker.open(claims, extra)
        self.keep_texts = keep_texts
        self.texts: dict[str, str] = {}
        self._readers: dict[str, int] = {}  # documents read and not yet written, per name

    @property
    def stand_ins(self) -> list[Document]:
        """The documents by name only (their texts are read as they are sent)."""
        return [Document(i.name if isinstance(i, Document) else i, "") for i in self.inputs]

    @property
    def estimates(self) -> list[int]:
        """About how many statements each document holds, for the progress bar (files are not
        read yet: estimated from their size)."""
        from factcheck.progress import estimate_statements

        return [estimate_statements(i.text) if isinstance(i, Document)
                else max(1, _size(i) // BYTES_PER_STATEMENT) for i in self.inputs]  # fmt: skip

    def _read(self) -> Iterator[Piece]:
        for item in self.inputs:
            doc = item if isinstance(item, Document) else read_file(item)
            self.texts[doc.name] = doc.text
            self._readers[doc.name] = self._readers.get(doc.name, 0) + 1
            yield from pieces(doc)

    def _written(self, name: str) -> None:
        """A document's findings are all written: its text is no longer needed."""
        self._readers[name] -= 1
        if not self._readers[name] and not self.keep_texts:
            del self._readers[name], self.texts[name]

    def findings(self, tracker: Tracker | None = None) -> Iterator[Finding]:
        """Every finding, in input order, as the cluster returns them."""
        with connect(self.scheduler) as client:
            step = None
            last: str | None = None
            for piece, found in _results(client, self.checker, self._read()):
                if piece.first:
                    if last is not None:
                        self._written(last)
                    last = piece.name
                    step = tracker.start(piece.name) if tracker else None
                if step is not None:
                    step(len(found))
                yield from found
            if last is not None:
                self._written(last)


def probe_path(path: str) -> str:
    """A file's path, once it is known to be readable and decodable: read and let go, to be
    read again when its tasks are sent. So a file that cannot be read fails before anything
    is written, as in a local run, and the text of one file at a time is held here."""
    read_file(path)
    return path


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def check_files(paths: Iterable[str | Path], client: Client | None = None,
                claims: str | Path | None = None,
                extra: Iterable[str | Path] = ()) -> Iterator[Finding]:  # fmt: skip
    """The findings of files, folders (their .md, .markdown and .txt files, .gitignore
    respected) and globs, checked on ``client``'s cluster (the current client by default)
    against ``claims`` (the bundled record by default), in input order: those of
    ``factcheck --files PATHS``.

    Every file is read before anything is sent: one that cannot be read or decoded raises
    :class:`~factcheck.errors.InputError` at once."""
    from factcheck.selection import Selection

    names = [probe_path(name) for name in Selection().files([str(p) for p in paths], warn)]
    checker = Checker.open(claims, extra)
    client = client if client is not None else _distributed().get_client()
    work = (piece for name in names for piece in pieces(read_file(name)))
    for _, found in _results(client, checker, work):
        yield from found


def _check_partition(items: Iterable[object], checker: Checker) -> list[Finding]:
    """A bag's partition, on a worker: texts, or (name, text) pairs, to their findings."""
    os.environ["FACTCHECK_JOBS"] = "1"  # as in check_piece
    out: list[Finding] = []
    for item in items:
        if isinstance(item, str):
            out.extend(checker.check(item))
        else:
            pair: tuple[str, str] = item  # type: ignore[assignment]
            name, text = pair
            markdown = Path(name).suffix.lower() in MARKDOWN_SUFFIXES
            out.extend(checker.check(text, name, markdown))
    return out


def check_bag(bag: Bag, claims: str | Path | None = None, extra: Iterable[str | Path] = ()) -> Bag:
    """A bag of the findings of ``bag``'s texts (strings, named ``<text>``) or (name, text)
    pairs (a name ending in .md or .markdown is read as Markdown), partition by partition
    and in order within each, checked against ``claims`` (the bundled record by default).
    Lazy, as bags are: ``.compute()`` or ``.to_textfiles()`` runs it."""
    lazy: Any = bag  # (partly typed)
    result: Bag = lazy.map_partitions(_check_partition, Checker.open(claims, extra))
    return result
