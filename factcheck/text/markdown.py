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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck.model import Span

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


def _blank(text: str) -> str:
    """``text`` with every character but line breaks replaced by a space."""
    return "".join(c if c in "\r\n" else " " for c in text)


@dataclass(slots=True)
class _Scan:
    text: str
    out: list[str]
    hidden: int = 0  # > 0 inside an autolink: advance but reveal nothing
    html: list[tuple[int, int]] = field(default_factory=list)

    def reveal(self, start: int, end: int) -> None:
        if not self.hidden:
            self.out[start:end] = self.text[start:end]

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


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.disable("text_join")  # keep escapes and entities apart so they can be found verbatim
    return md


def _scan_blocks(text: str, starts: list[int]) -> _Scan:
    """Parse and reveal the prose; front matter is blanked before parsing (lines kept)."""
    front = _FRONT.match(text)
    source = _blank(text[: front.end()]) + text[front.end() :] if front else text
    scan = _Scan(text, list(_blank(text)))
    cursor = 0
    for tok in _parser().parse(source):
        if tok.map is None:
            continue
        first, last = tok.map
        begin = starts[first] if first < len(starts) else len(text)
        stop = starts[last] if last < len(starts) else len(text)
        if tok.type == "html_block":
            scan.html.append((begin, stop))
        elif tok.type == "inline":
            cursor = _walk(scan, tok.children or [], max(cursor, begin), stop)
    return scan


def _line_of(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset) - 1


def _target_line(text: str, starts: list[int], m: re.Match[str]) -> int:
    """The line a directive applies to: its own, or the next non-blank one when alone."""
    line = _line_of(starts, m.start())
    bounds = _line_bounds(text, starts, line)
    if text[bounds[0] : bounds[1]].strip() != m.group(0):
        return line
    for nxt in range(line + 1, len(starts)):
        a, b = _line_bounds(text, starts, nxt)
        if text[a:b].strip():
            return nxt
    return line


def _line_bounds(text: str, starts: list[int], line: int) -> tuple[int, int]:
    """[start, end) of a line without its line break."""
    a = starts[line]
    b = starts[line + 1] if line + 1 < len(starts) else len(text)
    while b > a and text[b - 1] in "\r\n":
        b -= 1
    return a, b


@dataclass(frozen=True, slots=True)
class _Result:
    mask: str
    ignored: dict[int, frozenset[str]]


@lru_cache(maxsize=2)  # prose_mask and ignored_claims of the same document
def _analyse(text: str) -> _Result:
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    scan = _scan_blocks(text, starts)
    out = scan.out
    for m in _RAW_URL.finditer("".join(out)):
        out[m.start() : m.end()] = _blank(m.group(0))
    ignored: dict[int, set[str]] = {}
    off_at: int | None = None
    for m in _DIRECTIVE.finditer(text):
        if not any(a <= m.start() and m.end() <= b for a, b in scan.html):
            continue  # shown in code or a code span: not a directive
        word, ids = m.group(1).lower(), m.group(2).split()
        if word == "off" and off_at is None:
            off_at = m.start()
        elif word == "on" and off_at is not None:
            out[off_at : m.end()] = _blank(text[off_at : m.end()])
            off_at = None
        elif word == "ignore":
            line = _target_line(text, starts, m)
            if ids:
                ignored.setdefault(line, set()).update(ids)
            else:
                a, b = _line_bounds(text, starts, line)
                out[a:b] = " " * (b - a)
    if off_at is not None:
        out[off_at:] = _blank(text[off_at:])
    return _Result("".join(out), {k: frozenset(v) for k, v in ignored.items()})


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
