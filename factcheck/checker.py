"""A check that can be shipped to other processes and machines: a picklable, pure function
of text -> findings against one record.

A :class:`Checker` is named by the record's files and their content key (the record
cache's key: a hash of the record's files and of factcheck's own code). Pickling it sends
those few strings, never the record. Each process that uses it prepares the record once,
from its own cache (``factcheck.cache``), and keeps it for the process's life; a process
whose record files or factcheck differ from those the checker was opened with refuses to
check (the key differs) instead of giving other verdicts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from factcheck.index.store import Index
    from factcheck.model import Finding
    from factcheck.record import Record

# content key -> the record prepared in this process: a checker sent to a worker process
# arrives as a fresh copy with every task, and the record is prepared once for them all
_PREPARED: dict[str, Index] = {}
_LOCK = threading.Lock()  # a worker may run several checks in threads


def _claims_path(claims: str | None) -> Path:
    from factcheck.record import bundled_record_path

    path = Path(claims) if claims is not None else bundled_record_path()
    return path / "claims.yaml" if path.is_dir() else path


def record_key(claims: str | None, extra: Iterable[str] = ()) -> str:
    """The content key of a record as this process sees it (the bundled one for None)."""
    from factcheck.cache import content_key, record_files

    return content_key(record_files(_claims_path(claims), [Path(p) for p in extra]))


@dataclass(frozen=True, slots=True)
class Checker:
    """Checks text against one record; cheap to pickle (see the module's documentation)."""

    claims: str | None  # the claims file (absolute), or None for the bundled record
    extra: tuple[str, ...]  # further claims files (absolute)
    key: str  # the record's content key where the checker was opened

    @classmethod
    def open(cls, claims: str | Path | None = None, extra: Iterable[str | Path] = ()) -> Checker:
        """A checker of ``claims`` (the bundled record by default) and ``extra`` claims files;
        the record is prepared here at once, so a broken record fails now, with its
        located error."""
        from factcheck.index.store import open_index

        path = str(Path(claims).resolve()) if claims is not None else None
        more = tuple(str(Path(p).resolve()) for p in extra)
        index = open_index(path, extra=list(more))
        key = record_key(path, more)
        with _LOCK:
            _PREPARED[key] = index
        return cls(path, more, key)

    @property
    def record(self) -> Record:
        """The record (as prepared in this process)."""
        return self.index.record

    @property
    def index(self) -> Index:
        """The record prepared for checking, once in this process (from this process's
        cache)."""
        with _LOCK:
            found = _PREPARED.get(self.key)
            if found is not None:
                return found
            if self.claims is not None and not _claims_path(self.claims).is_file():
                raise FactcheckError(f"{self.claims}: no such claims file on {_host()}")
            if record_key(self.claims, self.extra) != self.key:
                raise FactcheckError(
                    f"the record or factcheck on {_host()} differs from where the check was "
                    "started (install the same factcheck and record on every machine)"
                )
            from factcheck.index.store import open_index

            found = _PREPARED[self.key] = open_index(self.claims, extra=list(self.extra))
            return found

    def check(self, text: str, input_name: str = "<text>", markdown: bool = False,
              warn: Callable[[str], None] | None = None) -> list[Finding]:  # fmt: skip
        """The findings of ``text`` in input order, as ``factcheck`` reports them for a file
        of that name (``markdown``: its prose only, as for a .md file). ``warn`` is given
        the warnings (where Markdown stops checking; standard error by default)."""
        from factcheck.inputs import Document
        from factcheck.inputs import warn as to_stderr
        from factcheck.pipeline import document_findings

        doc = Document(input_name, text, markdown)
        return list(
            document_findings(
                doc.name, doc.text, doc.markdown, self.index, on_stop=warn or to_stderr
            )
        )


def _host() -> str:
    import socket

    return socket.gethostname()
