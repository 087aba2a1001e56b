"""What an entry of the cache is keyed on: a hash of the files the record reads (the claims
files, their sources' metadata and the source files it names, at any depth, read in chunks),
of the package's own code and of the Python version, so that a changed record or a new
factcheck never reads a stale entry. Worked out without parsing the record."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # factcheck/: its code is in every key

_READ = 1024 * 1024  # files are hashed this much at a time: never held whole


def _hash_file(digest: hashlib._Hash, path: Path, shown: str) -> None:
    """Add a file's name (as ``shown``) and bytes, read in chunks; a file larger than a
    record may be, which the record refuses to read, by its size and time alone."""
    from factcheck.record.limits import MAX_RECORD_BYTES

    digest.update(b"\0%d:%s" % (len(shown), os.fsencode(shown)))
    try:
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > MAX_RECORD_BYTES:
                digest.update(b"<large:%d:%d>" % (st.st_size, st.st_mtime_ns))
                return
            while chunk := fh.read(_READ):
                digest.update(chunk)
            digest.update(b"<end:%d>" % st.st_size)
    except OSError:
        digest.update(b"<missing>")


def content_key(files: list[tuple[str, Path]]) -> str:
    """A hash of the record's files (names and bytes: ``(name, path)`` pairs, as
    :func:`record_files` gives them) and of the code that reads them."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        _hash_file(digest, path, path.relative_to(_PACKAGE).as_posix())
    for name, path in files:
        _hash_file(digest, path, name)
    return digest.hexdigest()[:40]


# ``file: name`` alone on its line in a source's metadata, its value plain or quoted
# (patterns compiled, and cached by re, only where a record's key is worked out)
_FILE_LINE = r"(?m)^file[ \t]*:[ \t]*(?P<v>.*?)(?:[ \t]+#.*)?[ \t\r]*$"
_KEY_LIKE = r"(?m)^[\"'{\[?&!*%|>]"  # quoted, complex and flow keys, tags, anchors
_PLAIN = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:(?![ \t]#|:[ \t])[^\t\r\n])*"


def _named_file(meta: Path) -> str | None:
    """The ``file`` a source's metadata names, read without a YAML parser; None unless the
    metadata is plainly written (one top-level ``file:`` line, a value on that line alone,
    no quoted, complex or flow keys): the caller then counts every file it may name."""
    from factcheck.record.limits import MAX_RECORD_BYTES

    try:
        if meta.stat().st_size > MAX_RECORD_BYTES:
            return None
        text = meta.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    lines = list(re.finditer(_FILE_LINE, text))
    if len(lines) != 1 or re.search(_KEY_LIKE, text):
        return None
    m = lines[0]
    for line in text[m.end() :].splitlines()[1:]:
        if line[:1] not in (" ", "\t") and line.strip():
            break  # the next key
        if line.strip() and not line.strip().startswith("#"):
            return None  # the value may go on on the next lines
    value = m.group("v")
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner if inner and not any(q in inner for q in "'\"\\") else None
    return value if re.fullmatch(_PLAIN, value) else None


def _tree(folder: Path) -> list[Path]:
    """Every file under ``folder``, at any depth, in a stable order; unreadable folders
    are passed over (the record cannot read them either)."""
    found: list[Path] = []
    for top, dirs, names in os.walk(folder):
        dirs.sort()
        found.extend(Path(top, n) for n in sorted(names))
    return found


def record_files(claims: Path, extra: list[Path]) -> list[tuple[str, Path]]:
    """The files a record reads, as (name within the record, path) pairs: each claims
    file, the metadata of its sources (``sources/*.yaml``) and the file each of them names,
    at any depth under ``sources/``. Other files there are not read, so they do not count.
    Where a metadata file is not plainly written, every file under that ``sources/``
    folder counts instead."""
    files: list[Path] = []
    for path in (claims, *extra):
        files.append(path)
        folder = path.parent / "sources"
        if not folder.is_dir():
            continue
        metas = sorted(folder.glob("*.yaml"))
        named = [_named_file(m) for m in metas]
        if any(n is None for n in named):
            files.extend(_tree(folder))
            continue
        for meta, name in zip(metas, named, strict=True):
            files.extend((meta, folder / str(name)))
    roots = [p.parent for p in (claims, *extra)]
    return [(_within(f, roots), f) for f in files]


def _within(path: Path, roots: list[Path]) -> str:
    """``path`` named from the first record folder it lies in (its number, then its path
    there): the same record read from another current folder has the same key."""
    for n, root in enumerate(roots):
        if path.is_relative_to(root):
            return f"{n}:{path.relative_to(root).as_posix()}"
    return str(path)
