"""Markdown scoping: which parts of a document are prose to check.

:func:`prose_mask` returns the document with everything that is not prose replaced by spaces
(line breaks kept), so every character offset into the mask is an offset into the original.
Masked: YAML/TOML front matter, fenced and indented code, HTML blocks and inline HTML
(comments included), inline code, link and image targets, autolinks and raw URLs, and the
markup of headings, lists, block quotes, tables and emphasis. Kept: the text of paragraphs,
headings, list items, block quotes, table cells, link labels and image alt text.

Switches, written as HTML comments (inside code they are just code):

- ``<!-- factcheck: off -->`` ... ``<!-- factcheck: on -->`` masks everything between them
  (to the end of the document when there is no ``on``);
- ``<!-- factcheck: ignore -->`` masks the line it ends;
- ``<!-- factcheck: ignore some.claim.id other.id -->`` keeps the line but drops findings on
  it that cite one of those claim ids (see :func:`ignored_claims`).

An ``ignore`` comment alone on its line applies to the next non-blank line instead.

Where checking stops before the end of a document (an unclosed code fence or HTML comment,
which CommonMark runs to the end, or ``off`` never switched back ``on``),
:meth:`Prose.stopped_at` says at which line and why, for the command line to warn.

A large document is parsed a piece at a time (``text/pieces.py``: about ``PIECE_CHARS``
characters, ending after a blank line), each piece as it parses within the whole document,
so what is held is the text, the mask and one piece's tokens; :class:`Prose` does without
the whole mask too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from factcheck.model import Span, Statement
from factcheck.text.pieces import NEWLINE, Piece, Scan, blank, left_open, parser, pieces, scan_piece
from factcheck.text.segment import StatementStream

_FRONT = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)(?:---|\+\+\+|\.\.\.)[ \t]*(?=\r|\n|\Z)",
    re.DOTALL,
)
_DIRECTIVE = re.compile(
    r"<!--[ \t]*factcheck[ \t]*:[ \t]*(off|on|ignore)\b([^>]*?)[ \t]*-->", re.IGNORECASE
)
_NOT_SPACE = re.compile(r"\S")  # as str.isspace, for every character
_APPEND_CHARS = 1024 * 1024  # a whole mask is grown by about this much at a time


def _line_end(text: str, pos: int) -> int:
    """The end of the line at ``pos``, before its line break."""
    m = NEWLINE.search(text, pos)
    return m.start() if m else len(text)


class _Switches:
    """The ``factcheck:`` comments, obeyed piece by piece, in the order of the document."""

    def __init__(self, text: str, ignored: dict[int, set[str]] | None = None) -> None:
        self.text = text
        self.matches = _DIRECTIVE.finditer(text)
        self.following = next(self.matches, None)
        self.off_at: int | None = None
        self.lines = 0  # lines before the piece being read
        self.hide_lines: list[tuple[int, int]] = []  # lines to blank in the pieces to come
        self.ignored: dict[int, set[str]] = {} if ignored is None else ignored
        self.left_open: tuple[int, str] | None = None  # see _left_open

    def stopped(self) -> tuple[int, str] | None:
        """Where checking stops before the end of the document, and why (once it is read):
        an unclosed fence or comment, or ``factcheck: off`` never turned back on."""
        found = [self.left_open] if self.left_open else []
        if self.off_at is not None:
            found.append((self.off_at, "'factcheck: off' is never turned back on"))
        return min(found) if found else None

    def apply(self, scan: Scan, piece: Piece) -> None:
        """Obey the comments of ``piece`` (comments in code or a code span are not obeyed)."""
        while self.following is not None and self.following.start() < piece.end:
            m, self.following = self.following, next(self.matches, None)
            if not any(a <= m.start() and m.end() <= b for a, b in scan.html):
                continue  # shown in code or a code span: not a directive
            word, ids = m.group(1).lower(), m.group(2).split()
            if word == "off" and self.off_at is None:
                self.off_at = m.start()
            elif word == "on" and self.off_at is not None:
                scan.hide(self.off_at, m.end())
                self.off_at = None
            elif word == "ignore":
                n = bisect_right(piece.starts, m.start() - piece.start) - 1
                line, a, b = self._target_line(m, self.lines + n, piece.start + piece.starts[n])
                if ids:
                    self.ignored.setdefault(line, set()).update(ids)
                else:
                    self.hide_lines.append((a, b))
        for a, b in self.hide_lines:
            if a < piece.end:
                scan.out[a - piece.start : b - piece.start] = " " * (b - a)
        self.hide_lines = [(a, b) for a, b in self.hide_lines if a >= piece.end]
        if self.off_at is not None:
            scan.hide(self.off_at, piece.end)
        self.lines += len(piece.starts) - 1

    def _target_line(self, m: re.Match[str], line: int, a: int) -> tuple[int, int, int]:
        """The line a directive on ``line`` (which starts at ``a``) applies to, with the
        line's bounds (its line break aside): its own, or the next non-blank one when the
        directive is alone on its line."""
        text = self.text
        b = _line_end(text, a)
        if text[a:b].strip() != m.group(0):
            return line, a, b
        nxt = _NOT_SPACE.search(text, b)
        if nxt is None:
            return line, a, b
        for brk in NEWLINE.finditer(text, b, nxt.start()):
            line, a = line + 1, brk.end()
        return line, a, _line_end(text, a)


def _mask_parts(text: str, switches: _Switches) -> Iterator[str]:
    """The mask of ``text`` in consecutive parts: the front matter's, then each piece's.
    The document is parsed piece by piece, so what is held is one piece and its tokens."""
    begin = 0  # front matter is not prose, nor parsed: the pieces start after it
    front = _FRONT.match(text)
    if front:
        brk = NEWLINE.match(text, front.end())
        begin = brk.end() if brk else len(text)
    refs: dict[str, Any] = {}
    ends: list[int] = []
    if "]:" in text:  # link reference definitions, which links before them may use
        for _ in pieces(text, begin, parser(blocks_only=True), refs, ends):
            pass
    switches.lines = sum(1 for _ in NEWLINE.finditer(text, 0, begin))
    yield blank(text[:begin])
    cursor = 0
    for piece in pieces(text, begin, parser(), refs, ends or None):
        scan, cursor = scan_piece(text, piece, cursor)
        switches.apply(scan, piece)
        if piece.end == len(text):
            switches.left_open = left_open(text, piece)
        yield "".join(scan.out)


@dataclass(frozen=True, slots=True)
class _Result:
    mask: str
    ignored: dict[int, frozenset[str]]


@lru_cache(maxsize=1)  # prose_mask and ignored_claims of the same document
def _analyse(text: str) -> _Result:
    switches = _Switches(text)
    mask = ""
    group: list[str] = []
    size = 0
    for part in _mask_parts(text, switches):
        group.append(part)
        size += len(part)
        if size >= _APPEND_CHARS:
            mask += "".join(group)  # CPython grows the mask in place: never copied whole
            group, size = [], 0
    mask += "".join(group)
    return _Result(mask, {k: frozenset(v) for k, v in switches.ignored.items()})


class Prose:
    """The prose of a Markdown document, read piece by piece, for a document too large to
    hold twice: :meth:`statements` yields the statements of :func:`prose_mask` (as
    :func:`~factcheck.text.segment.iter_statements` splits them) without making the mask
    whole, and :attr:`ignored` fills as they are read (see :func:`ignored_claims`): by the
    time a statement is yielded, it holds every ignore comment of the statement's lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ignored: dict[int, set[str]] = {}
        self.stopped: tuple[int, str] | None = None  # once read: see stopped_at

    def statements(self) -> Iterator[Statement]:
        switches = _Switches(self.text, self.ignored)
        stream = StatementStream()
        for part in _mask_parts(self.text, switches):
            yield from stream.feed(part)
        self.stopped = switches.stopped()
        yield from stream.close()

    def stopped_at(self) -> tuple[int, str] | None:
        """Once the statements are read: the 1-based line where checking stopped before the
        end of the document (everything after it taken for code, as CommonMark reads it,
        or switched off), and why; None when it did not."""
        if self.stopped is None:
            return None
        at, why = self.stopped
        return sum(1 for _ in NEWLINE.finditer(self.text, 0, at)) + 1, why


def prose_mask(text: str) -> str:
    """``text`` with everything that is not prose replaced by spaces: the same length, line
    breaks kept, so offsets into the mask are offsets into ``text``."""
    return _analyse(text).mask


def ignored_claims(text: str) -> dict[int, set[str]]:
    """Claim ids to drop per line, from ``<!-- factcheck: ignore id ... -->`` comments.

    Keys are 0-based line numbers of ``text`` (lines end at ``\\n``, ``\\r\\n`` or ``\\r``, as
    in the reported positions, so key ``n`` is reported line ``n + 1``).
    """
    return {line: set(ids) for line, ids in _analyse(text).ignored.items()}


def prose_regions(text: str) -> list[Span]:
    """Spans of the runs of lines that hold prose (blank lines in the mask separate them)."""
    mask = prose_mask(text)
    regions: list[Span] = []
    for m in re.finditer(r"\S(?:.*\S)?(?:(?:\r\n|\r|\n)[ \t]*\S(?:.*\S)?)*", mask):
        regions.append(Span(m.start(), m.end()))
    return regions
