"""Split text into statements (English and Japanese), keeping character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.model import Span, Statement
from factcheck.normalize.months import MONTHS
from factcheck.normalize.regex import LazyPattern

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "prof",
        "gen",
        "rep",
        "sen",
        "gov",
        "inc",
        "corp",
        "ltd",
        "co",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "fig",
        "approx",
        "est",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
    ]
) | frozenset(m for m in MONTHS if len(m) <= 4)  # "Feb.", "Sept."
_JA_END = "。！？!?"
_CLOSERS = "」』”’\"')）]】"
_OPEN_TO_CLOSE = {"「": "」", "『": "』", "“": "”", "（": "）", "(": ")"}
_LIST_MARKER = LazyPattern(r"[ \t]*(?:[-*+•・]|\d{1,3}[.)]|[①-⑳]|#{1,6})[ \t]+|[ \t]*[①-⑳]")
# a label stops at the next bracket and a target at the next parenthesis: no backtracking
# from every "[" to the end of a long line (linear time on "[[[[..." or "[x](" repeated)
_URL = LazyPattern(r"!?\[[^\[\]]*\]\([^()]*\)|https?://\S+")
_LETTER = LazyPattern(r"[^\W\d_]")
_LINE_BREAK = LazyPattern("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")  # as str.splitlines
_NOT_SPACE = LazyPattern(r"\S")  # as str.isspace, for every character
MAX_STATEMENT_CHARS = 2000
_LOOK_BACK = 40  # characters before a full stop that _is_boundary reads (its word)
_CUT_WINDOW = 200  # a long statement is cut at the last space within this many characters
# A sentence end inside brackets or quotes is not one when they close on the same line
# within this many characters of where they open: an unbalanced "(" hides no sentence end
# further on, and a quoted sentence longer than this is split like any other.
BRACKET_SPAN = 200


def _is_boundary(text: str, i: int) -> bool:
    """Is the terminator at ``text[i]`` the end of a sentence?"""
    ch = text[i]
    if ch in "。！？":
        return True
    j = i + 1
    while j < len(text) and text[j] in _CLOSERS:
        j += 1
    if j < len(text) and not text[j].isspace():
        # "$1.5B", "U.S.-based", "3.14", or Japanese text right after "!" / "?"
        return ch in "!?" and not text[j].isascii()
    if ch != ".":
        return True
    word = re.search(r"([\w.]+)\Z", text[max(0, i - _LOOK_BACK) : i])  # a window: linear overall
    token = word.group(1).lower() if word else ""
    if token in ABBREVIATIONS or token.rstrip(".") in ABBREVIATIONS:
        nxt = text[j : j + 80].lstrip()[:1]
        # an abbreviation ends a sentence only at the end of the line
        return nxt in {"", "\n"}
    return not (len(token) == 1 and token.isalpha() and token.upper() == word.group(1))  # type: ignore[union-attr]


class _NextFinder:
    """``text.find(needle, i)`` for increasing ``i``, each needle searched once per match:
    linear over a long line instead of a search to the line's end at every full stop."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, int] = {}  # needle -> next position at or after the last query

    def find(self, needle: str, i: int) -> int:
        at = self.found.get(needle, -2)
        if at == -1 or at >= i:  # -1: none after an earlier query, so none after i either
            return at
        at = self.text.find(needle, i)
        self.found[needle] = at
        return at


def _closes_soon(text: str, finder: _NextFinder, i: int, opened: tuple[str, int]) -> bool:
    """Does the bracket or quote opened at ``opened`` (its character and position) close
    after ``text[i]``, on this line and within BRACKET_SPAN characters of where it opened?
    Brackets of its kind opened in between are matched first: in "Musk (an early backer
    ... OpenAI (in 2019)." the ")" closes "(in", not "(an"."""
    char, at = opened
    close = _OPEN_TO_CLOSE[char]
    end = at + BRACKET_SPAN + 1
    line_end = finder.find("\n", i)
    if 0 <= line_end < end:
        end = line_end
    found = finder.find(close, i + 1)  # the next one anywhere: most often too far, or none
    if not 0 <= found < end:
        return False
    depth, pos = 1, i + 1
    while found >= 0:
        depth += text.count(char, pos, found) - 1  # brackets opened before this close
        if depth <= 0:
            return True
        pos = found + 1
        found = text.find(close, pos, end)
    return False


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    stack: list[tuple[str, int]] = []  # open brackets and quotes: the character, where
    finder = _NextFinder(text)
    begin = start
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPEN_TO_CLOSE:
            stack.append((ch, i))
        elif stack and ch == _OPEN_TO_CLOSE[stack[-1][0]]:
            stack.pop()
        elif (ch in _JA_END or ch == ".") and _is_boundary(text, i):
            while stack and not _closes_soon(text, finder, i, stack[-1]):
                stack.pop()  # unbalanced, or closed too far away: it hides no sentence end
            if stack:
                i += 1
                continue
            j = i + 1
            while j < end and text[j] in _CLOSERS:
                j += 1
            yield begin, j
            begin = j
            i = j
            continue
        i += 1
    yield begin, end


def _ends_sentence(text: str, block: tuple[int, int]) -> bool:
    """Does the block end with a sentence terminator (trailing spaces aside)? No copying."""
    a, b = block
    while b > a and text[b - 1].isspace():
        b -= 1
    return b > a and text[b - 1] in _JA_END + "."


def _line_blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Group lines into blocks: a line continues the previous one only when that one does not
    end a sentence and this one starts in lower case (a wrapped English sentence).

    Lines end where ``str.splitlines`` ends them; they are found in place, one at a time, so
    a large text is never copied nor split into a list of lines."""
    block: tuple[int, int] | None = None
    pos = start
    while pos < end:
        brk = _LINE_BREAK.search(text, pos, end)
        lstart, lend, pos = (pos, end, end) if brk is None else (pos, brk.start(), brk.end())
        if lend < pos and text[lend] not in "\r\n":
            lend = pos  # a line break other than CR or LF is kept at the end of the line
        first = _NOT_SPACE.search(text, lstart, lend)
        if first is None:  # a blank line
            continue
        indent = first.start() - lstart
        if (
            block is not None
            and text[first.start()].islower()
            and not _ends_sentence(text, block)
            and block[1] + 2 >= lstart - indent - 1
        ):
            block = (block[0], lend)
        else:
            if block is not None:
                yield block
            block = (lstart, lend)
    if block is not None:
        yield block


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    a, b = _trim_spaces(text, a, b)
    m = _LIST_MARKER.match(text, a, b)
    if m and m.end() < b:
        a = m.end()
        while a < b and text[a].isspace():
            a += 1
    return a, b


def _split_long(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut a statement longer than MAX_STATEMENT_CHARS into pieces of at most that many
    characters, at a space when there is one near the limit; pieces are trimmed."""
    pieces: list[tuple[int, int]] = []
    while b - a > MAX_STATEMENT_CHARS:
        cut = a + MAX_STATEMENT_CHARS
        for k in range(cut, cut - _CUT_WINDOW, -1):
            if text[k - 1].isspace() or text[k].isspace():
                cut = k
                break
        pieces.append(_trim_spaces(text, a, cut))
        a = cut
    pieces.append(_trim_spaces(text, a, b))
    return [(s, e) for s, e in pieces if s < e]


def _trim_spaces(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def split_statements(text: str, start: int = 0, end: int | None = None) -> list[Statement]:
    """Statements of ``text[start:end]`` in order, with offsets into ``text``.

    Pieces with no letters (image links, rules, bare numbers) are not statements.
    """
    return list(iter_statements(text, start, end))


def iter_statements(text: str, start: int = 0, end: int | None = None) -> Iterator[Statement]:
    """:func:`split_statements`, one at a time (a large input is never split all at once)."""
    stop = len(text) if end is None else end
    for bstart, bend in _line_blocks(text, start, stop):
        yield from _block_statements(text, bstart, bend)


def _block_statements(text: str, bstart: int, bend: int, base: int = 0) -> Iterator[Statement]:
    """The statements of one block of lines, offsets moved by ``base``."""
    for raw_a, raw_b in _sentence_spans(text, bstart, bend):
        a, b = _trim(text, raw_a, raw_b)
        if a >= b:
            continue
        piece = text[a:b]
        if not _LETTER.search(_URL.sub("", piece)):
            continue
        for s, e in _split_long(text, a, b):
            yield Statement(text[s:e], Span(base + s, base + e))


class StatementStream:
    """The statements of a text that arrives in parts (a Markdown mask made piece by piece):
    exactly those of :func:`iter_statements` over the whole text, without the whole text.

    Only the unsettled end is held: the last block of lines, which the next part may
    continue, and the few characters before it that a full stop looks back at. The blocks
    before it are split once a part ends with a line feed: what a statement looks ahead at
    (an abbreviation's next word, a quote's closing mark on the same line) then lies within
    what is held, since a later block or that line feed comes first.
    """

    def __init__(self) -> None:
        self.text = ""  # the end of the text: _LOOK_BACK characters, then what is not split
        self.start = 0  # where, in ``self.text``, what is not split starts
        self.base = 0  # the offset of ``self.text`` in the whole text
        self.settled = 0  # len(self.text) after the last split (splits stay linear)

    def feed(self, part: str) -> list[Statement]:
        """The statements that ``part``, the next part of the text, settles."""
        self.text += part
        if not self.text.endswith("\n") or len(self.text) < 2 * self.settled:
            return []
        blocks = list(_line_blocks(self.text, self.start, len(self.text)))
        return self._split(blocks[:-1], blocks[-1][0] if blocks else len(self.text))

    def close(self) -> list[Statement]:
        """The statements of the rest, once the last part is fed."""
        blocks = list(_line_blocks(self.text, self.start, len(self.text)))
        return self._split(blocks, len(self.text))

    def _split(self, blocks: list[tuple[int, int]], keep: int) -> list[Statement]:
        """The statements of ``blocks``; what is not split from then on starts at ``keep``."""
        found = [s for block in blocks for s in _block_statements(self.text, *block, self.base)]
        cut = max(0, keep - _LOOK_BACK)
        self.text, self.start, self.base = self.text[cut:], keep - cut, self.base + cut
        self.settled = len(self.text)
        return found


def cut_points(text: str, size: int) -> list[int]:
    """Offsets at which ``text`` may be cut into pieces of about ``size`` characters or more
    whose statements, offsets moved by each piece's start, are exactly those of the whole
    text (so that the pieces can be checked apart, in any order).

    A cut is made at the start of a line that begins a new block of lines in the whole text
    (see :func:`_line_blocks`): the text before it ends a sentence, or the next line that is
    not blank does not start in lower case. Statements never cross blocks, and what a full
    stop at the end of a block looks at beyond it cannot change the statements."""
    cuts: list[int] = []
    at = size
    while at < len(text):
        newline = text.find("\n", at - 1)
        if newline < 0:
            break
        cut = newline + 1
        first = _NOT_SPACE.search(text, cut)
        if first is None:
            break  # only blank lines follow
        before = cut - 1
        while before >= 0 and text[before].isspace():
            before -= 1
        if not text[first.start()].islower() or before < 0 or text[before] in _JA_END + ".":
            cuts.append(cut)
            at = cut + size
        else:
            at = first.start() + 1
    return cuts
