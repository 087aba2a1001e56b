"""Split text into statements (English and Japanese), keeping character offsets."""

from __future__ import annotations

import re

from factcheck.model import Span, Statement

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
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "fig",
        "approx",
        "est",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
    ]
)
_JA_END = "。！？!?"
_CLOSERS = "」』”’\"')）]】"
_OPEN_TO_CLOSE = {"「": "」", "『": "』", "“": "”", "（": "）", "(": ")"}
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+•・]|\d{1,3}[.)]|[①-⑳]|#{1,6})[ \t]+|[ \t]*[①-⑳]")
_URL = re.compile(r"!?\[[^\]]*\]\([^)]*\)|https?://\S+")
_LETTER = re.compile(r"[^\W\d_]")
MAX_STATEMENT_CHARS = 2000


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
    word = re.search(r"([\w.]+)$", text[max(0, i - 40) : i])  # a window: linear overall
    token = word.group(1).lower() if word else ""
    if token in ABBREVIATIONS or token.rstrip(".") in ABBREVIATIONS:
        nxt = text[j : j + 80].lstrip()[:1]
        # an abbreviation ends a sentence only at the end of the line
        return nxt in {"", "\n"}
    return not (len(token) == 1 and token.isalpha() and token.upper() == word.group(1))  # type: ignore[union-attr]


def _quote_closes_later(text: str, i: int, stack: list[str]) -> bool:
    if not stack:
        return False
    end = text.find("\n", i)
    line_rest = text[i : end if end >= 0 else len(text)]
    return stack[-1] in line_rest


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    begin = start
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPEN_TO_CLOSE:
            stack.append(_OPEN_TO_CLOSE[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif (
            (ch in _JA_END or ch == ".")
            and _is_boundary(text, i)
            and not _quote_closes_later(text, i, stack)
        ):
            j = i + 1
            while j < end and text[j] in _CLOSERS:
                j += 1
            spans.append((begin, j))
            begin = j
            stack.clear()
            i = j
            continue
        i += 1
    spans.append((begin, end))
    return spans


def _line_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Group lines into blocks: a line continues the previous one only when that one does not
    end a sentence and this one starts in lower case (a wrapped English sentence)."""
    blocks: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lstart, lend = pos, pos + len(body)
        pos += len(line)
        if not body.strip():
            continue
        stripped = body.lstrip()
        if (
            blocks
            and stripped[:1].islower()
            and not text[blocks[-1][0] : blocks[-1][1]].rstrip().endswith(tuple(_JA_END + "."))
            and blocks[-1][1] + 2 >= lstart - (len(body) - len(stripped)) - 1
        ):
            blocks[-1] = (blocks[-1][0], lend)
        else:
            blocks.append((lstart, lend))
    return blocks


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    m = _LIST_MARKER.match(text, a, b)
    if m and m.end() < b:
        a = m.end()
        while a < b and text[a].isspace():
            a += 1
    return a, b


def _split_long(a: int, b: int) -> list[tuple[int, int]]:
    return [(s, min(s + MAX_STATEMENT_CHARS, b)) for s in range(a, b, MAX_STATEMENT_CHARS)]


def split_statements(text: str, start: int = 0, end: int | None = None) -> list[Statement]:
    """Statements of ``text[start:end]`` in order, with offsets into ``text``.

    Pieces with no letters (image links, rules, bare numbers) are not statements.
    """
    stop = len(text) if end is None else end
    out: list[Statement] = []
    for bstart, bend in _line_blocks(text, start, stop):
        for raw_a, raw_b in _sentence_spans(text, bstart, bend):
            a, b = _trim(text, raw_a, raw_b)
            if a >= b:
                continue
            piece = text[a:b]
            if not _LETTER.search(_URL.sub("", piece)):
                continue
            for s, e in _split_long(a, b) if b - a > MAX_STATEMENT_CHARS else [(a, b)]:
                out.append(Statement(text[s:e], Span(s, e)))
    return out
