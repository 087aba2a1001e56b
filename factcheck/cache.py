"""A cache of the prepared record (parsed, validated and indexed), keyed on its content.

The key is a hash of the claims files, every file under their sources/ folders, the
package's own code and the Python version: a changed record or a new factcheck never
reads a stale entry. Entries are written atomically; the folder is safe to delete.
Set FACTCHECK_CACHE_DIR to move it, or FACTCHECK_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


def content_key(files: list[Path]) -> str:
    """A hash of the record's files (names and bytes) and of the code that reads them."""
    digest = hashlib.sha256(sys.version.encode())
    code = sorted(_PACKAGE.rglob("*.py"))
    for path in [*code, *files]:
        digest.update(str(path.name).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()[:40]


def record_files(claims: Path, extra: list[Path]) -> list[Path]:
    files = []
    for path in (claims, *extra):
        files.append(path)
        folder = path.parent / "sources"
        if folder.is_dir():
            files.extend(sorted(p for p in folder.iterdir() if p.is_file()))
    return files


def cached(key: str, build: Callable[[], T]) -> T:
    """The value stored under ``key``, or ``build()`` stored there (best effort)."""
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return build()
    path = cache_dir() / f"index-{key}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home or a full disk only costs the next run its speed
    return value
