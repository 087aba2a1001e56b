"""Regular expressions compiled on first use, not at import.

Compiling is paid by every run, and it is not cheap: Python's compiler visits every code point
of a character class (``[\\u3400-\\u9fff]`` alone costs about a millisecond), and the modules
of the checking core hold dozens of patterns. A run that checks one English statement never
needs most of the Japanese ones, nor the ones for an error message: those are never compiled.

What compiling makes (the matcher's code) can be handed over from an earlier run
(``use_codes``, the cache's ``cache/patterns.py`` keeps them signed, per Python version):
a pattern whose code is known is built from it directly, without parsing it again, which
is the same pattern (``re`` builds it from the same code) at a fraction of the cost.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from importlib import import_module
from typing import Any

try:  # the steps of re.compile (CPython's), to build a pattern from its code
    _sre: Any = import_module("_sre")
    _compiler: Any = import_module("re._compiler")
    _parser: Any = import_module("re._parser")
    CODE_FORMAT: str | None = f"{_sre.MAGIC}-{_sre.CODESIZE}"  # what a kept code is valid for
except (ImportError, AttributeError):  # pragma: no cover - another Python: compiled as re does
    _sre, CODE_FORMAT = None, None

Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_KNOWN: dict[tuple[str, int], Code] = {}  # handed over from an earlier run
_MADE: dict[tuple[str, int], Code] = {}  # compiled by this run, not known before


def use_codes(codes: dict[tuple[str, int], Code]) -> None:
    """Patterns' code from an earlier run of this Python (``cache/patterns.py``)."""
    _KNOWN.update(codes)


def new_codes() -> dict[tuple[str, int], Code]:
    """The code of the patterns this run compiled that were not handed over."""
    return dict(_MADE)


def _code(source: str, flags: int) -> Code:
    """What ``re._compiler.compile`` hands ``_sre.compile`` (CPython 3.11-3.13)."""
    parsed = _parser.parse(source, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # (plain ints: marshalled)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(groupindex),
            tuple(indexgroup))  # fmt: skip


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from its code when an earlier run handed it over."""
    if _sre is not None and not flags & re.DEBUG:
        key = (source, int(flags))
        code = _KNOWN.get(key)
        try:
            if code is None:
                code = _code(source, flags)
                _MADE[key] = code
            pattern: re.Pattern[str] = _sre.compile(source, *code)
            return pattern
        except Exception:  # code this Python does not take: compiled as re does
            _KNOWN.pop(key, None)
            _MADE.pop(key, None)
    return re.compile(source, flags)


class LazyPattern:
    """A ``re.Pattern`` compiled the first time one of its methods is called."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile_pattern(self._source, self._flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)
