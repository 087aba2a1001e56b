"""A cache of the prepared record (parsed, validated and indexed), keyed on its content.

The key is a hash of the claims files, every file under their sources/ folders, the
package's own code and the Python version: a changed record or a new factcheck never
reads a stale entry. Entries are written atomically; the folder is safe to delete, and only
the most recently used entries are kept in it.

An entry is a small head (names, word statistics, the inverted index, the passages) read at
once, and one item per claim, read from the memory-mapped file only when a statement needs
that claim: start-up does not grow with the size of the record.
Entries are signed with a per-user key kept outside the cache folder (~/.config/factcheck),
so a shared or tampered cache folder never runs code: an entry that fails the check is
rebuilt. Set FACTCHECK_CACHE_DIR to move the cache, or FACTCHECK_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import mmap
import os
import pickle
import struct
import sys
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar, overload

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
            fh.write(os.urandom(32))
        return path.read_bytes()
    except OSError:
        return None


_MAGIC = b"factcheck-index-2\n"
_HEADER = struct.Struct("<QQ")  # length of the head, number of items
KEEP = 16  # entries kept in the folder, most recently used first


def _tag(secret: bytes, key: str, *parts: bytes) -> bytes:
    mac = hmac.new(secret, key.encode(), hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.digest()


class Items(Sequence[T]):
    """The entry's items, read from the mapped file and unpickled one at a time, when first
    asked for: a run that needs 24 of 50,000 claims reads 24. Each item carries its own
    signature, checked before it is unpickled; a damaged item makes the whole list be
    rebuilt (``rebuild``), never unpickled."""

    def __init__(self, data: mmap.mmap, offsets: array[int], key: str, secret: bytes,
                 rebuild: Callable[[], Sequence[T]]) -> None:  # fmt: skip
        self._data, self._offsets, self._key, self._secret = data, offsets, key, secret
        self._rebuild = rebuild
        self._memo: dict[int, T] = {}
        self._fresh: Sequence[T] | None = None

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[T]: ...
    def __getitem__(self, i: int | slice) -> T | Sequence[T]:
        if isinstance(i, slice):
            return [self[k] for k in range(len(self))[i]]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        hit = self._memo.get(i)
        if hit is not None:
            return hit
        if self._fresh is not None:
            return self._fresh[i]
        blob = self._data[self._offsets[i] : self._offsets[i + 1]]
        signature, payload = blob[:32], blob[32:]
        value: T
        try:
            if not hmac.compare_digest(
                signature, _tag(self._secret, self._key, b"%d:" % i, payload)
            ):
                raise ValueError("bad signature")
            value = pickle.loads(payload)  # signed with this user's key: ours
        except Exception:  # a damaged entry is rebuilt, never trusted
            self._fresh = self._rebuild()
            return self._fresh[i]
        self._memo[i] = value
        return value


def _load(path: Path, key: str, secret: bytes) -> tuple[object, mmap.mmap, array[int]] | None:
    """The entry's head, its mapped file and item offsets, if the entry is ours and its
    signature holds; None otherwise."""
    try:
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_uid != os.getuid() or st.st_mode & 0o022:
                return None
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    try:
        at = len(_MAGIC)
        if data[:at] != _MAGIC:
            return None
        signature = data[at : at + 32]
        head_len, n = _HEADER.unpack_from(data, at + 32)
        start = at + 32 + _HEADER.size
        offsets = array("Q")
        offsets.frombytes(data[start : start + 8 * (n + 1)])
        head = data[start + 8 * (n + 1) : start + 8 * (n + 1) + head_len]
        header = data[at + 32 : start + 8 * (n + 1)]
        if not hmac.compare_digest(signature, _tag(secret, key, header, head)):
            return None
        if len(offsets) != n + 1 or (n and offsets[-1] > len(data)):
            return None
        value: object = pickle.loads(head)  # signed with this user's key: ours
        return value, data, offsets
    except Exception:  # a damaged entry is rebuilt, never fatal
        return None


def _store(path: Path, key: str, secret: bytes, head: object, items: Sequence[object]) -> None:
    """Write the entry atomically: magic, signature, sizes, item offsets, head, items."""
    head_bytes = pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL)
    blobs = []
    for i, item in enumerate(items):
        payload = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        blobs.append(_tag(secret, key, b"%d:" % i, payload) + payload)
    n = len(blobs)
    offsets = array("Q", [0] * (n + 1))
    pos = len(_MAGIC) + 32 + _HEADER.size + 8 * (n + 1) + len(head_bytes)
    for i, blob in enumerate(blobs):
        offsets[i] = pos
        pos += len(blob)
    offsets[n] = pos
    header = _HEADER.pack(len(head_bytes), n) + offsets.tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when an entry is written

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + _tag(secret, key, header, head_bytes) + header + head_bytes)
            fh.writelines(blobs)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prune(folder: Path, keep: int = KEEP) -> None:
    """Remove all but the ``keep`` most recently used entries, and temporary files left an
    hour ago or more by a write that never finished."""
    import time

    try:
        entries = sorted(folder.glob("index-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-keep]:
            old.unlink(missing_ok=True)
        for stray in folder.glob(".index-*.tmp"):
            if stray.stat().st_mtime < time.time() - 3600:
                stray.unlink(missing_ok=True)
    except OSError:
        pass


H = TypeVar("H")


def cached(key: str, build: Callable[[], tuple[H, Sequence[T]]],
           kind: type | None = None) -> tuple[H, Sequence[T]]:  # fmt: skip
    """The head and items stored under ``key``, or ``build()``'s, stored there (best effort).

    The head is read at once; the items only when asked for (:class:`Items`). Entries are
    signed with HMAC-SHA256 under a per-user key; an entry not signed by that key, not owned
    by the user, writable by others or whose head is not of ``kind`` is ignored and rebuilt.
    """
    secret = None if os.environ.get("FACTCHECK_NO_CACHE") else _secret()
    if secret is None:
        return build()
    path = cache_dir() / f"index-{key}.pickle"
    found = _load(path, key, secret)
    if found is not None and (kind is None or isinstance(found[0], kind)):
        head, data, offsets = found
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: kept when the folder is pruned
        items: Items[T] = Items(data, offsets, key, secret, lambda: build()[1])
        return head, items  # type: ignore[return-value]
    built = build()
    try:
        _store(path, key, secret, built[0], built[1])
        _prune(path.parent)
    except (OSError, pickle.PicklingError):
        pass  # a read-only home or a full disk only costs the next run its speed
    return built
