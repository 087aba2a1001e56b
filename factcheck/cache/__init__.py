"""A cache of the prepared record (parsed, validated and indexed), keyed on its content.

The key is a hash of the files the record reads, the package's own code and the Python
version (``cache/content.py``): a changed record or a new factcheck never reads a stale
entry. This module keeps the entries: where, signed with what, in which layout. Entries are written atomically; the folder is safe to delete, and only
the most recently used entries are kept in it.

An entry is a small head (names, word statistics, the inverted index, the passages) read at
once, and one item per claim, read from the open file only when a statement needs
that claim: start-up does not grow with the size of the record.
Entries are signed with a per-user key kept outside the cache folder (~/.config/factcheck),
so a shared or tampered cache folder never runs code: an entry that fails the check is
rebuilt, and written again. Set FACTCHECK_CACHE_DIR to move the cache, or FACTCHECK_NO_CACHE=1
to turn it off (0, false, no, off or empty leave it on). Without a home folder (no HOME,
no password entry, or HOME="") there is no key, and no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import struct
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar, overload

from factcheck.cache.content import content_key, record_files

__all__ = ["cached", "content_key", "record_files"]

T = TypeVar("T")


def _home() -> Path | None:
    """The user's home folder: $HOME when it is an absolute path, the password database's
    otherwise; None when there is none (HOME="" would put the cache under /)."""
    home = os.environ.get("HOME")
    if home is None:
        try:
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError):  # not on Unix, or a user with no passwd entry
            home = None
    return Path(home) if home and os.path.isabs(home) else None


def _base(variable: str, default: str) -> Path | None:
    """An XDG base folder: the variable when it is an absolute path (the specification
    ignores a relative one), else ``default`` under the home folder, else None."""
    explicit = os.environ.get(variable)
    if explicit and os.path.isabs(explicit):
        return Path(explicit)
    home = _home()
    return home / default if home is not None else None


def cache_dir() -> Path | None:
    """The cache folder; None when there is nowhere to put it (no home folder)."""
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = _base("XDG_CACHE_HOME", ".cache")
    return base / "factcheck" if base is not None else None


def disabled() -> bool:
    """FACTCHECK_NO_CACHE set to anything but an empty value, 0, false, no or off."""
    value = os.environ.get("FACTCHECK_NO_CACHE", "").strip().lower()
    return value not in ("", "0", "false", "no", "off")


KEY_BYTES = 32


def _secret() -> bytes | None:
    """A per-user key, kept outside the cache folder, that signs every entry: a cache folder
    shared with others (a CI cache, a mounted volume) cannot be made to run code.

    The key is written whole or not at all (a temporary file linked into place) and
    trusted only with its full length: a key left empty or short (a full disk) is replaced."""
    base = _base("XDG_CONFIG_HOME", ".config")
    if base is None:
        return None  # no home folder: no key, no cache
    path = base / "factcheck" / "cache.key"
    try:
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None  # someone else's key, or readable by others: do not trust it
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            return key
    except FileNotFoundError:
        pass
    except OSError:
        return None
    return _new_secret(path)


def _new_secret(path: Path) -> bytes | None:
    """Write a new key atomically: the one another process wrote first wins."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache.key-")  # mode 0600
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(KEY_BYTES))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # never over a key another process has just written
        except FileExistsError:
            if len(path.read_bytes()) != KEY_BYTES:
                os.replace(tmp, path)  # a damaged key (empty, cut short) is replaced
        key = path.read_bytes()
        return key if len(key) == KEY_BYTES else None
    except OSError:
        return None
    finally:
        Path(tmp).unlink(missing_ok=True)


_MAGIC = b"factcheck-index-2\n"
_HEADER = struct.Struct("<QQ")  # length of the head, number of items
KEEP = 16  # entries kept in the folder, most recently used first
KEEP_ITEMS = 512  # items kept unpickled at once by a run, the most recently used


def _tag(secret: bytes, key: str, *parts: bytes) -> bytes:
    mac = hmac.new(secret, key.encode(), hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.digest()


class Items(Sequence[T]):
    """The entry's items, unpickled one at a time when first asked for (a run that needs 24
    of 50,000 claims reads 24; ``KEEP_ITEMS`` kept). Each carries its own signature, checked
    before it is unpickled; a damaged item has the whole list rebuilt, never unpickled.
    Items are read from the entry's open file (``fd``, closed with the list), not mapped:
    nothing of the entry stays in memory but what is kept."""

    def __init__(self, fd: int, offsets: array[int], key: str, secret: bytes,
                 rebuild: Callable[[], Sequence[T]]) -> None:  # fmt: skip
        self._fd, self._offsets, self._key, self._secret = fd, offsets, key, secret
        self._rebuild = rebuild
        self._memo: OrderedDict[int, T] = OrderedDict()
        self._fresh: Sequence[T] | None = None

    def __del__(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)

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
        if (hit := self._memo.get(i)) is not None:
            self._memo.move_to_end(i)
            return hit
        if self._fresh is not None:
            return self._fresh[i]
        blob = _pread(self._fd, self._offsets[i], self._offsets[i + 1])
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
        if len(self._memo) > KEEP_ITEMS:
            self._memo.popitem(last=False)
        return value


def _pread(fd: int, start: int, end: int) -> bytes:
    """Bytes ``start:end`` of an open file: one read, no mapping left behind (a page fault
    and an madvise call per item cost a run of 50,000 claims more than the reads)."""
    if hasattr(os, "pread"):
        return os.pread(fd, end - start, start)
    os.lseek(fd, start, os.SEEK_SET)  # (Windows has no pread)
    return os.read(fd, end - start)


def _load(path: Path, key: str, secret: bytes) -> tuple[object, int, array[int]] | None:
    """The entry's head, its open file and item offsets, if the entry is ours and its
    signature holds; None otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            raise PermissionError(path)
        at = len(_MAGIC)
        start = at + 32 + _HEADER.size
        lead = _pread(fd, 0, start)
        if lead[:at] != _MAGIC:
            raise ValueError(path)
        signature = lead[at : at + 32]
        head_len, n = _HEADER.unpack_from(lead, at + 32)
        if start + 8 * (n + 1) + head_len > st.st_size:  # (read nothing a damaged size names)
            raise ValueError(path)
        offsets = array("Q")
        offsets.frombytes(_pread(fd, start, start + 8 * (n + 1)))
        head = _pread(fd, start + 8 * (n + 1), start + 8 * (n + 1) + head_len)
        header = lead[at + 32 :] + offsets.tobytes()
        if not hmac.compare_digest(signature, _tag(secret, key, header, head)):
            raise ValueError(path)
        if len(offsets) != n + 1 or (n and offsets[-1] > st.st_size):
            raise ValueError(path)
        value: object = pickle.loads(head)  # signed with this user's key: ours
        return value, fd, offsets
    except Exception:  # a damaged entry is rebuilt, never fatal
        os.close(fd)
        return None


def _store(path: Path, key: str, secret: bytes, head: object, items: Sequence[object]) -> None:
    """Write the entry atomically: magic, signature, sizes, item offsets, head, items (one
    at a time; the sizes, offsets and signature last, in the room left for them)."""
    head_bytes, n = pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL), len(items)
    offsets, lead = array("Q", [0] * (n + 1)), len(_MAGIC) + 32 + _HEADER.size + 8 * (n + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when an entry is written

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(bytes(lead) + head_bytes)
            pos = lead + len(head_bytes)
            for i, item in enumerate(items):
                payload = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
                fh.write(_tag(secret, key, b"%d:" % i, payload) + payload)
                offsets[i], pos = pos, pos + 32 + len(payload)
            offsets[n] = pos
            header = _HEADER.pack(len(head_bytes), n) + offsets.tobytes()
            fh.seek(0)  # the room left at the start
            fh.write(_MAGIC + _tag(secret, key, header, head_bytes) + header)
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
    folder = None if disabled() else cache_dir()
    secret = None if folder is None else _secret()
    if folder is None or secret is None:
        return build()
    path = folder / f"index-{key}.pickle"
    found = _load(path, key, secret)
    if found is not None and kind is not None and not isinstance(found[0], kind):
        os.close(found[1])
        found = None
    if found is not None:
        head, fd, offsets = found
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: kept when the folder is pruned

        def rebuild() -> Sequence[T]:
            """A damaged item: the entry is built and written again, once."""
            fresh = build()
            _keep(path, key, secret, fresh)
            return fresh[1]

        items: Items[T] = Items(fd, offsets, key, secret, rebuild)
        return head, items  # type: ignore[return-value]
    built = build()
    _keep(path, key, secret, built)
    return built


def _keep(path: Path, key: str, secret: bytes, built: tuple[object, Sequence[object]]) -> None:
    """Store an entry, best effort: a read-only home, a full disk or a value too deep to
    pickle only costs the next run its speed."""
    try:
        _store(path, key, secret, built[0], built[1])
        _prune(path.parent)
    except (OSError, pickle.PicklingError, RecursionError):
        pass
