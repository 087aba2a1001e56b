"""Markdown scoping: which parts of a document are prose to check.

Front matter, fenced and indented code, HTML blocks and comments, inline code, link targets
and raw URLs are masked out; positions always refer to the original text.
"""

from __future__ import annotations

import re

from factcheck.model import Span

_FRONT = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_FENCE = re.compile(
    r"^([ \t]{0,3})(`{3,}|~{3,}).*?$.*?^\1?[ \t]{0,3}\2[`~]*[ \t]*$", re.DOTALL | re.MULTILINE
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_URL = re.compile(r"<?https?://[^\s>)]+>?")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def mask(text: str) -> str:
    """The text with everything that is not prose replaced by spaces (same length)."""
    chars = list(text)
    for rx in (_FRONT, _FENCE, _COMMENT, _INLINE_CODE, _LINK_TARGET, _URL):
        for m in rx.finditer("".join(chars)):
            _blank(chars, m.start(), m.end())
    out = "".join(chars)
    # indented code blocks: 4+ spaces after a blank line
    lines = out.splitlines(keepends=True)
    pos = 0
    prev_blank = True
    in_code = False
    for line in lines:
        body = line.rstrip("\r\n")
        if body.strip() == "":
            prev_blank = True
            pos += len(line)
            continue
        if (prev_blank or in_code) and body.startswith(("    ", "\t")):
            in_code = True
            _blank(chars, pos, pos + len(body))
        else:
            in_code = False
        prev_blank = False
        pos += len(line)
    text2 = "".join(chars)
    return re.sub(r"[#>*_|]", " ", text2)


def prose_regions(text: str) -> list[Span]:
    return [Span(0, len(text))]
