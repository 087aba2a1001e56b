"""Character offsets -> 1-based line and column, once, at the edge."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from factcheck.model import Span


@lru_cache(maxsize=64)
def line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" or (ch == "\r" and (i + 1 >= n or text[i + 1] != "\n")):
            starts.append(i + 1)
        i += 1
    return tuple(starts)


def locate(text: str, span: Span) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column), 1-based; the end column is exclusive."""
    starts = line_starts(text)
    line = bisect_right(starts, span.start)
    end_line = bisect_right(starts, max(span.start, span.end - 1))
    column = span.start - starts[line - 1] + 1
    end_column = span.end - starts[end_line - 1] + 1
    return line, column, end_line, end_column
