"""Errors that end a run with exit status 2 and a one-line message."""

from __future__ import annotations

import re

# Characters that must not reach a terminal raw in an error message: C0 and C1 controls
# (ESC starts colour, title and hyperlink sequences; CR and LF would break the one line),
# DEL, bidi overrides and isolates, zero-width characters, line and paragraph separators,
# and the lone surrogates that stand for undecodable bytes in file names. (Left to the re
# module's cache, compiled by the first error: a run without one never pays for it.)
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` safe to print on one terminal line: unsafe characters as visible escapes."""
    return re.sub(_UNSAFE, _escape, text)


class FactcheckError(Exception):
    """A problem the user can fix: bad input, bad usage, a broken record.

    Its message is one printable line, whatever file names or text it quotes."""

    def __str__(self) -> str:
        return one_line(super().__str__())


class InputError(FactcheckError):
    """Input that cannot be read or decoded."""


class OutputError(FactcheckError):
    """Standard output that refuses the report (closed, a full disk)."""


class RecordError(FactcheckError):
    """A claims database that cannot be used; ``problems`` lists every located problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = [one_line(p) for p in problems]
        first = self.problems[0] if problems else "invalid claims database"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(first + more)

    def __reduce__(self) -> tuple[type[RecordError], tuple[list[str]]]:
        return RecordError, (self.problems,)  # sent whole from another process
