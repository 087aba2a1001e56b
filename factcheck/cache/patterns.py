"""The code of the checker's regular expressions, kept between runs (``normalize/regex.py``).

Compiling the patterns a run needs costs a short run (one statement: about a hundred
patterns) 15-25 ms, more than anything else it does after its imports. The code ``re``
makes of each pattern is kept here, one file per Python version and ``re`` code format, in
the cache folder, signed as the index entries are (a file not signed by the user's key is
ignored and written again). A run hands what it finds to ``normalize/regex.py`` and writes
back what it compiled that was not there. Best effort throughout: no folder, no key, a
damaged or foreign file only costs the run its speed.
"""

from __future__ import annotations

import contextlib
import hmac
import marshal
import os
import sys
from pathlib import Path

from factcheck.cache import _secret, _tag, cache_dir, disabled
from factcheck.normalize.regex import CODE_FORMAT, Code, new_codes, use_codes

_LIMIT = 4096  # patterns kept in the file: past it, only those of the last run


def _where() -> tuple[Path, str, bytes] | None:
    folder = None if disabled() else cache_dir()
    secret = None if folder is None else _secret()
    if folder is None or secret is None:
        return None
    if CODE_FORMAT is None:
        return None
    magic = CODE_FORMAT
    version = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{magic}"
    return folder / f"patterns-{version}.marshal", f"patterns:{sys.version}:{magic}", secret


def load() -> None:
    """Hand the kept code to ``normalize/regex.py``, if the file is ours and intact."""
    where = _where()
    if where is None:
        return
    path, key, secret = where
    try:
        data = path.read_bytes()
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            return
        if not hmac.compare_digest(data[:32], _tag(secret, key, data[32:])):
            return
        codes = marshal.loads(data[32:])  # signed with this user's key: ours
    except (OSError, ValueError, EOFError, TypeError):
        return
    if isinstance(codes, dict):
        use_codes(codes)


def save() -> None:
    """Write back the code kept so far and what this run compiled besides, if anything."""
    fresh = new_codes()
    where = _where() if fresh else None
    if where is None:
        return
    path, key, secret = where
    codes: dict[tuple[str, int], Code] = {}
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        data = path.read_bytes()
        if hmac.compare_digest(data[:32], _tag(secret, key, data[32:])):
            old = marshal.loads(data[32:])
            codes = old if isinstance(old, dict) and len(old) + len(fresh) <= _LIMIT else {}
    codes.update(fresh)
    try:
        import tempfile

        payload = marshal.dumps(codes)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_tag(secret, key, payload) + payload)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except (OSError, ValueError):
        pass
