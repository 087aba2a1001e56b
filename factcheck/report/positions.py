"""Character offsets -> 1-based line and column, once, at the edge."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from factcheck.model import Span

_LINE_END = re.compile(r"\r\n?|\n")
_OFFSETS = "I" if array("I").itemsize >= 4 else "q"  # 4 bytes an offset below 2**32


@lru_cache(maxsize=64)
def line_starts(text: str) -> Sequence[int]:
    """Offsets at which the lines of ``text`` start (lines end at LF, CRLF or CR), built once
    per text: a compact array (4 bytes a line), not a Python int per line."""
    starts = array(_OFFSETS if len(text) < 2**32 else "q", [0])
    starts.extend(m.end() for m in _LINE_END.finditer(text))
    return starts


def locate(text: str, span: Span) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column), 1-based; the end column is exclusive."""
    starts = line_starts(text)
    line = bisect_right(starts, span.start)
    end_line = bisect_right(starts, max(span.start, span.end - 1))
    column = span.start - starts[line - 1] + 1
    end_column = span.end - starts[end_line - 1] + 1
    return line, column, end_line, end_column
