"""Terminal plumbing for the text report: safe text, colour and width, CJK-aware wrapping."""

from __future__ import annotations

import io
import os
import re
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions
    from rich.measure import Measurement
    from rich.text import Text

DEFAULT_WIDTH = 100
MIN_WIDTH = 20
SIDE_BY_SIDE = 72  # narrower than this, the English phrasing goes under the passage

# C0 and C1 controls except tab and newline (ESC 0x1b included), zero-width and bidi
# marks, embeddings, overrides and isolates, line/paragraph separators, BOM.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def clean(text: str) -> str:
    """Text safe to show in a terminal: control, invisible and bidi characters made visible
    as ``\\x1b`` / ``\\u202e`` escapes; newlines and tabs stay."""
    return _CONTROL.sub(_visible, text.replace("\r\n", "\n"))


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# --------------------------------------------------------------------------- terminal

_TRAILING = re.compile(r"[ ]+(?=(?:\x1b\[[0-9;]*m)*$)", re.MULTILINE)  # rich's right padding


def _isatty(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def use_color(no_color: bool = False, stream: TextIO | None = None) -> bool:
    """Colour or not: --no-color, then NO_COLOR, then FORCE_COLOR, then TERM=dumb, then
    whether ``stream`` (standard output) is a terminal."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return _isatty(sys.stdout if stream is None else stream)


def terminal_width(stream: TextIO | None = None) -> int:
    """COLUMNS when set, else the terminal's width when ``stream`` is one, else 100."""
    cols = os.environ.get("COLUMNS", "").strip()
    if cols.isdigit() and int(cols) > 0:
        return max(MIN_WIDTH, int(cols))
    stream = sys.stdout if stream is None else stream
    if _isatty(stream):
        try:
            return max(MIN_WIDTH, os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH)
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            pass
    return DEFAULT_WIDTH


def strip_padding(text: str) -> str:
    """Rendered text without the spaces rich pads each line with."""
    return _TRAILING.sub("", text)


def make_console(file: TextIO, color: bool, width: int) -> Console:
    """A rich Console writing exactly what we decided: no colour means no escape codes."""
    from rich.console import Console

    return Console(
        file=file, width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, emoji=False, markup=False,
        legacy_windows=False, force_interactive=False, force_jupyter=False,
    )  # fmt: skip


def styled(text: str, spans: list[tuple[int, int, str]], base: str = "") -> Text:
    """``text`` cleaned piece by piece, each (start, end, style) span styled."""
    from rich.text import Text

    out = Text(style=base)
    at = 0
    for start, end, style in sorted(spans):
        if start < at or start >= end:
            continue  # overlapping highlight: the first one wins
        out.append(clean(text[at:start]))
        out.append(clean(text[start:end]), style=style)
        at = end
    out.append(clean(text[at:]))
    return out


# --------------------------------------------------------------------------- wrapping

# Japanese line breaking (kinsoku): no line starts with a closing bracket, a comma or full stop,
# a small kana or a prolonged sound mark; none ends with an opening bracket.
_NO_START = frozenset("、。，．・：；？！ー‐–—…‥々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
                      "）」』】〕〉》］｝”’,.:;!?)]}%")  # fmt: skip
_NO_END = frozenset("（「『【〔〈《［｛“‘([{$")


def _joined(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` belong to one Latin word (not to be split)?"""
    return a.isascii() and b.isascii() and not a.isspace() and not b.isspace()


def breaks(plain: str, width: int) -> list[int]:
    """Offsets at which to cut one line of ``plain`` into lines of at most ``width`` cells:
    at spaces between Latin words, anywhere between Japanese characters except before
    closing punctuation or after opening brackets; a word longer than a line is folded."""
    from rich.cells import get_character_cell_size as cells_of

    width = max(width, 2)
    cuts: list[int] = []
    start, n = 0, len(plain)
    while start < n:
        cells, j = 0, start
        while j < n and cells + cells_of(plain[j]) <= width:
            cells += cells_of(plain[j])
            j += 1
        if j >= n:
            break
        k = max(j, start + 1)
        if _joined(plain[k - 1], plain[k]):
            k = next((b for b in range(k - 1, start, -1) if not _joined(plain[b - 1], plain[b])), k)  # fmt: skip
        for _ in range(4):
            if k - 1 > start and (plain[k] in _NO_START or plain[k - 1] in _NO_END):
                k -= 1
        cuts.append(k)
        start = k
        while start < n and plain[start] == " ":
            start += 1
    return cuts


class Wrapped:
    """Text wrapped by :func:`breaks` (CJK-aware, two cells per wide character)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        text = self.text.copy()
        text.expand_tabs(4)  # measured as spaces, not as zero cells
        for para in text.split("\n", allow_blank=True):
            for i, piece in enumerate(para.divide(breaks(para.plain, options.max_width))):
                lead = len(piece.plain) - len(piece.plain.lstrip(" ")) if i else 0
                line = piece[lead:]
                line.rstrip()
                line.end = "\n"
                yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        longest = max((len(line) for line in self.text.plain.split("\n")), default=0)
        widest = min(options.max_width, self.text.cell_len, max(longest * 2, 1))
        return Measurement(min(widest, 10), widest)
