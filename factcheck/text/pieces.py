"""A Markdown document read a piece at a time (markdown-it, CommonMark with tables and
strikethrough), and the prose each piece reveals: everything else is blanked to spaces,
line breaks kept. ``text/markdown.py`` puts the pieces together, obeys the ``factcheck:``
switches and splits the prose into statements.

A piece is about ``PIECE_CHARS`` characters, ending after a blank line, parsed as it parses
within the whole document (the link reference definitions of the whole document known to
each), so what is held is the text and one piece's tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it import MarkdownIt
    from markdown_it.token import Token

NEWLINE = re.compile(r"\r\n|\r|\n")
# the "](target "title")" or "][ref]" after a link label
_LINK_TAIL = re.compile(r"\](?:\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|\[(?:[^\]\\]|\\.)*\])?")
_RAW_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]}」。、]")
_NOT_BREAK = re.compile(r"[^\r\n]+")
# Where a piece of the document may end: after a blank line, before a line that starts in the
# first column. No block but a fence or an HTML block goes on past such a place (checked
# after parsing), so each piece parses as it would within the whole document.
_PIECE_END = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)(?=[^ \t\r\n])")
PIECE_CHARS = 16 * 1024  # a large document is parsed about this much at a time


def blank(text: str) -> str:
    """``text`` with every character but line breaks replaced by a space."""
    return _NOT_BREAK.sub(lambda m: " " * len(m.group()), text)


@dataclass(slots=True)
class Scan:
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
            self.out[a:b] = blank(self.text[a + self.base : b + self.base])

    def find(self, needle: str, pos: int, end: int) -> int:
        return self.text.find(needle, pos, end) if needle else -1


def _walk(scan: Scan, children: Sequence[Token], pos: int, end: int) -> int:
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
def parser(blocks_only: bool = False) -> MarkdownIt:
    """The parser; ``blocks_only`` without its inline rules (enough for link definitions)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.disable("text_join")  # keep escapes and entities apart so they can be found verbatim
    return md.disable("inline") if blocks_only else md


@dataclass(frozen=True, slots=True)
class Piece:
    """``text[start:end]`` parsed: its tokens, and the offsets of its lines from ``start``."""

    start: int
    end: int
    tokens: list[Token]
    starts: list[int]


def _parse(md: MarkdownIt, text: str, start: int, end: int, env: dict[str, Any],
           check: bool) -> Piece | None:  # fmt: skip
    """``text[start:end]`` parsed; with ``check``, None when a fence or an HTML block (a
    comment, say) runs on to its end: the rest of the document might belong to it."""
    src = text[start:end]
    starts = [0, *(m.end() for m in NEWLINE.finditer(src))]
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
    return Piece(start, end, tokens, starts)


def pieces(text: str, begin: int, md: MarkdownIt, refs: dict[str, Any],
            ends: list[int] | None = None) -> Iterator[Piece]:  # fmt: skip
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


def scan_piece(text: str, piece: Piece, cursor: int) -> tuple[Scan, int]:
    """Reveal the prose of a piece; returns its scan and the new cursor."""
    src_len = piece.end - piece.start
    scan = Scan(text, piece.start, list(blank(text[piece.start : piece.end])))
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


_RAW_HTML = ("<script", "<pre", "<style", "<textarea")  # HTML blocks that end at their end tag


def left_open(text: str, piece: Piece) -> tuple[int, str] | None:
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
