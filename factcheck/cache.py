"""A cache of the prepared record (parsed, validated and indexed), keyed on its content.

The key is a hash of the claims files, every file under their sources/ folders, the
package's own code and the Python version: a changed record or a new factcheck never
reads a stale entry. Entries are written atomically; the folder is safe to delete.
Entries are signed with a per-user key kept outside the cache folder (~/.config/factcheck),
so a shared or tampered cache folder never runs code: an entry that fails the check is
rebuilt. Set FACTCHECK_CACHE_DIR to move the cache, or FACTCHECK_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
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


def _secret() -> bytes | None:
    """A per-user key, kept outside the cache folder, that signs every entry: a cache folder
    shared with others (a CI cache, a mounted volume) cannot be made to run code."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    path = Path(base) / "factcheck" / "cache.key"
    try:
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None  # someone else's key, or readable by others: do not trust it
        return path.read_bytes()
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
        return path.read_bytes()
    except OSError:
        return None


def _load(path: Path, secret: bytes) -> object | None:
    """The entry at ``path`` if it is ours and its signature holds; None otherwise."""
    try:
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    signature, payload = data[:32], data[32:]
    if not hmac.compare_digest(signature, hmac.new(secret, payload, hashlib.sha256).digest()):
        return None
    try:
        value: object = pickle.loads(payload)  # signed with this user's key: ours
        return value
    except Exception:  # a damaged entry is rebuilt, never fatal
        return None


def cached(key: str, build: Callable[[], T], kind: type | None = None) -> T:
    """The value stored under ``key``, or ``build()`` stored there (best effort).

    Entries are pickles signed with HMAC-SHA256 under a per-user key; an entry that is not
    signed by that key, not owned by the user, writable by others or not of ``kind`` is
    ignored and rebuilt.
    """
    secret = None if os.environ.get("FACTCHECK_NO_CACHE") else _secret()
    if secret is None:
        return build()
    path = cache_dir() / f"index-{key}.pickle"
    value = _load(path, secret)
    if value is not None and (kind is None or isinstance(value, kind)):
        return value  # type: ignore[return-value]
    built = build()
    try:
        payload = pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(hmac.new(secret, payload, hashlib.sha256).digest() + payload)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        pass  # a read-only home or a full disk only costs the next run its speed
    return built
