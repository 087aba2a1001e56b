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

A large document is parsed a piece at a time (about ``PIECE_CHARS`` characters, ending
after a blank line), each piece as it parses within the whole document, so what is held is
the text, the mask and one piece's tokens; :class:`Prose` does without the whole mask too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from factcheck.model import Span, Statement
from factcheck.text.segment import StatementStream

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_NEWLINE = re.compile(r"\r\n|\r|\n")
_FRONT = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)(?:---|\+\+\+|\.\.\.)[ \t]*(?=\r|\n|\Z)",
    re.DOTALL,
)
_DIRECTIVE = re.compile(
    r"<!--[ \t]*factcheck[ \t]*:[ \t]*(off|on|ignore)\b([^>]*?)[ \t]*-->", re.IGNORECASE
)
# the "](target "title")" or "][ref]" after a link label
_LINK_TAIL = re.compile(r"\](?:\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|\[(?:[^\]\\]|\\.)*\])?")
_RAW_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]}」。、]")
_NOT_BREAK = re.compile(r"[^\r\n]+")
_NOT_SPACE = re.compile(r"\S")  # as str.isspace, for every character
# Where a piece of the document may end: after a blank line, before a line that starts in the
# first column. No block but a fence or an HTML block goes on past such a place (checked
# after parsing), so each piece parses as it would within the whole document.
_PIECE_END = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)(?=[^ \t\r\n])")
PIECE_CHARS = 16 * 1024  # a large document is parsed about this much at a time
_APPEND_CHARS = 1024 * 1024  # and its mask grown by about this much at a time


def _blank(text: str) -> str:
    """``text`` with every character but line breaks replaced by a space."""
    return _NOT_BREAK.sub(lambda m: " " * len(m.group()), text)


@dataclass(slots=True)
class _Scan:
    """The mask of one piece of the document, ``text[base:base + len(out)]``, as characters."""

    text: str
    base: int
    out: list[str]
    hidden: int = 0  # > 0 inside an autolink: advance but reveal nothing
    html: list[tuple[int, int]] = field(default_factory=list)

    def reveal(self, start: int, end: int) -> None:
        if not self.hidden:
            self.out[start - self.base : end - self.base] = self.text[start:end]

    def hide(self, start: int, end: int) -> None:
        """Blank ``text[start:end]`` again (line breaks stay)."""
        a, b = max(start, self.base) - self.base, min(end - self.base, len(self.out))
        if a < b:
            self.out[a:b] = _blank(self.text[a + self.base : b + self.base])

    def find(self, needle: str, pos: int, end: int) -> int:
        return self.text.find(needle, pos, end) if needle else -1


def _walk(scan: _Scan, children: Sequence[Token], pos: int, end: int) -> int:
    """Reveal the prose of an inline token's children; returns the new cursor.

    Children carry no positions, so each is found in the source after the previous one.
    """
    text = scan.text
    for c in children:
        kind = c.type
        if kind in ("text", "html_inline", "text_special"):
            needle = c.markup if kind == "text_special" else c.content
            at = scan.find(needle, pos, end)
            if at < 0:
                continue
            pos = at + len(needle)
            if kind == "html_inline":
                scan.html.append((at, pos))
            elif kind == "text":
                scan.reveal(at, pos)
            else:  # an escape reveals the escaped character, an entity stays as written
                scan.reveal(at + 1 if c.info == "escape" else at, pos)
        elif kind == "code_inline":
            at = scan.find(c.markup, pos, end)
            close = scan.find(c.markup, at + len(c.markup), end) if at >= 0 else -1
            pos = close + len(c.markup) if close >= 0 else pos
        elif kind == "link_open" and c.markup == "autolink":
            scan.hidden += 1
        elif kind == "link_close" and c.markup == "autolink":
            scan.hidden -= 1
            close = text.find(">", pos, end)
            pos = close + 1 if close >= 0 else pos
        elif kind in ("link_close", "image"):
            if kind == "image":
                pos = _walk(scan, c.children or [], pos, end)
            m = _LINK_TAIL.search(text, pos, end)
            pos = m.end() if m else pos
        elif c.children:
            pos = _walk(scan, c.children, pos, end)
    return pos


@lru_cache(maxsize=2)
def _parser(blocks_only: bool = False) -> MarkdownIt:
    """The parser; ``blocks_only`` without its inline rules (enough for link definitions)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.disable("text_join")  # keep escapes and entities apart so they can be found verbatim
    return md.disable("inline") if blocks_only else md


@dataclass(frozen=True, slots=True)
class _Piece:
    """``text[start:end]`` parsed: its tokens, and the offsets of its lines from ``start``."""

    start: int
    end: int
    tokens: list[Token]
    starts: list[int]


def _parse(md: MarkdownIt, text: str, start: int, end: int, env: dict[str, Any],
           check: bool) -> _Piece | None:  # fmt: skip
    """``text[start:end]`` parsed; with ``check``, None when a fence or an HTML block (a
    comment, say) runs on to its end: the rest of the document might belong to it."""
    src = text[start:end]
    starts = [0, *(m.end() for m in _NEWLINE.finditer(src))]
    tokens = md.parse(src, env)
    lines = len(starts) - 1 if starts[-1] == len(src) else len(starts)
    if (
        check
        and end < len(text)
        and any(
            t.level == 0 and t.type in ("fence", "html_block") and t.map and t.map[1] >= lines
            for t in tokens
        )
    ):
        return None
    return _Piece(start, end, tokens, starts)


def _pieces(text: str, begin: int, md: MarkdownIt, refs: dict[str, Any],
            ends: list[int] | None = None) -> Iterator[_Piece]:  # fmt: skip
    """``text[begin:]`` parsed piece by piece, so that only one piece's tokens are ever held,
    each piece as it parses within the whole document: it starts where no block but a list
    goes on (a list split there differs in tightness only: the same text is prose), and the
    link reference definitions of the whole document (``refs``) are known to every piece.

    With ``ends`` empty, the end of every piece is appended to it; otherwise the pieces end
    there. Without ``ends`` or with it empty, the definitions found are added to ``refs``.
    """
    known = bool(ends)
    start, n = begin, 0
    while start < len(text):
        size = PIECE_CHARS
        while True:
            if known:
                assert ends is not None
                end = ends[n]
            else:
                m = _PIECE_END.search(text, start + size)
                end = m.end() if m else len(text)
            env: dict[str, Any] = {"references": refs} if known else {}
            piece = _parse(md, text, start, end, env, check=not known)
            if piece is not None:
                break
            size *= 2  # a longer piece, until the fence or the HTML block ends within it
        if not known:
            for label, ref in env.get("references", {}).items():
                refs.setdefault(label, ref)  # the first definition of a label holds
            if ends is not None:
                ends.append(end)
        n += 1
        yield piece
        start = end


def _scan_piece(text: str, piece: _Piece, cursor: int) -> tuple[_Scan, int]:
    """Reveal the prose of a piece; returns its scan and the new cursor."""
    src_len = piece.end - piece.start
    scan = _Scan(text, piece.start, list(_blank(text[piece.start : piece.end])))
    starts = piece.starts
    for tok in piece.tokens:
        if tok.map is None:
            continue
        first, last = tok.map
        begin = piece.start + (starts[first] if first < len(starts) else src_len)
        stop = piece.start + (starts[last] if last < len(starts) else src_len)
        if tok.type == "html_block":
            scan.html.append((begin, stop))
        elif tok.type == "inline":
            cursor = _walk(scan, tok.children or [], max(cursor, begin), stop)
    mask = "".join(scan.out)
    for m in _RAW_URL.finditer(mask):
        scan.hide(piece.start + m.start(), piece.start + m.end())
    return scan, cursor


def _line_end(text: str, pos: int) -> int:
    """The end of the line at ``pos``, before its line break."""
    m = _NEWLINE.search(text, pos)
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

    def apply(self, scan: _Scan, piece: _Piece) -> None:
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
        for brk in _NEWLINE.finditer(text, b, nxt.start()):
            line, a = line + 1, brk.end()
        return line, a, _line_end(text, a)


_RAW_HTML = ("<script", "<pre", "<style", "<textarea")  # HTML blocks that end at their end tag


def _left_open(text: str, piece: _Piece) -> tuple[int, str] | None:
    """In the last piece of a document: a code fence or an HTML comment (or <pre>, <script>,
    <style>, <textarea> block) that is never closed, so that, as CommonMark says, everything
    after it is code, not prose. Where it opens and what it is; None when there is none, or
    nothing after its first line."""
    lines = len(piece.starts)
    for tok in piece.tokens:
        if tok.level or tok.map is None or tok.map[1] < lines - 1 or tok.map[1] - tok.map[0] < 2:
            continue
        first, last = tok.map
        at = piece.start + piece.starts[first]
        if tok.type == "fence":
            end = piece.starts[last] if last < lines else piece.end - piece.start
            closing = text[piece.start + piece.starts[last - 1] : piece.start + end].strip()
            fence = tok.markup
            if set(closing) != {fence[0]} or len(closing) < len(fence):
                return at, f"a code fence ({fence}) is never closed"
        elif tok.type == "html_block":
            head = tok.content.lstrip().lower()
            if head.startswith("<!--") and "-->" not in head:
                return at, "an HTML comment (<!--) is never closed"
            opened = next((t for t in _RAW_HTML if head.startswith(t)), None)
            if opened and f"</{opened[1:]}" not in head:
                return at, f"an HTML {opened}> block is never closed"
    return None


def _mask_parts(text: str, switches: _Switches) -> Iterator[str]:
    """The mask of ``text`` in consecutive parts: the front matter's, then each piece's.
    The document is parsed piece by piece, so what is held is one piece and its tokens."""
    begin = 0  # front matter is not prose, nor parsed: the pieces start after it
    front = _FRONT.match(text)
    if front:
        brk = _NEWLINE.match(text, front.end())
        begin = brk.end() if brk else len(text)
    refs: dict[str, Any] = {}
    ends: list[int] = []
    if "]:" in text:  # link reference definitions, which links before them may use
        for _ in _pieces(text, begin, _parser(blocks_only=True), refs, ends):
            pass
    switches.lines = sum(1 for _ in _NEWLINE.finditer(text, 0, begin))
    yield _blank(text[:begin])
    cursor = 0
    for piece in _pieces(text, begin, _parser(), refs, ends or None):
        scan, cursor = _scan_piece(text, piece, cursor)
        switches.apply(scan, piece)
        if piece.end == len(text):
            switches.left_open = _left_open(text, piece)
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
        return sum(1 for _ in _NEWLINE.finditer(self.text, 0, at)) + 1, why


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
