"""A comparison with its sides swapped: "cared more about beating OpenAI than about
safety" against "more about safety than about beating OpenAI", 「AよりもB」 against 「BよりもA」;
and a move the other way round: "merging Tesla into OpenAI" against "OpenAI into Tesla",
「AをBに統合」 against 「BをAに統合」.

Each side is read as the content words next to the pivot ("than", "rather than", "instead
of", より); the statement contradicts when its first side is the evidence's second and its
second the evidence's first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.model import ConflictKind
from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import en_tokens, ja_tokens
from factcheck.verdict.base import Outcome, conflict
from factcheck.verdict.rules import KindPolicy, Rule, SetAside

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.normalize.names import EntityMatcher
    from factcheck.verdict.base import Evidence

_EN_PIVOT = LazyPattern(r"\b(?:rather than|instead of|than)\b", re.IGNORECASE)
_JA_PIVOT = LazyPattern(r"よりも|より")
_REACH_EN = 6  # words read on each side of the pivot
_REACH_JA = 12  # characters read on each side of より


# comparatives that say the same comparison the other way round ("older" / "younger"): a
# statement that swaps both the sides and the word agrees
_EN_DIRECTION = LazyPattern(
    r"\b(?:(?P<up>more|older|higher|larger|bigger|greater|earlier)|"
    r"(?P<down>less|fewer|younger|lower|smaller|later))\b",
    re.IGNORECASE,
)
_JA_DIRECTION = LazyPattern(r"(?P<up>多|年上|高|大き|早|上)|(?P<down>少な|年下|若|低|小さ|遅|下)")


_PREFERENCE = LazyPattern(r"\b(?:rather than|instead of)\b", re.IGNORECASE)


def _direction(text: str, japanese: bool) -> str | None:
    m = (_JA_DIRECTION if japanese else _EN_DIRECTION).search(text)
    if m is None:  # "A rather than B" says what "more A than B" says
        return "up" if not japanese and _PREFERENCE.search(text) else None
    return "up" if m.group("up") else "down"


# a move from one side to the other: "merging OpenAI into Tesla", 「OpenAIをテスラに統合」
_EN_INTO = LazyPattern(r"\binto\b", re.IGNORECASE)
_JA_INTO = LazyPattern(r"を(?=(?P<target>[^、。]{1,15}?)に(?:統合|合併|吸収|編入|組み込|移管))")


def _sides(
    text: str, japanese: bool, into: bool = False
) -> tuple[frozenset[str], frozenset[str]] | None:
    pivots = (_JA_INTO, _EN_INTO) if into else (_JA_PIVOT, _EN_PIVOT)
    m = pivots[0 if japanese else 1].search(text)
    if m is None:
        return None
    if japanese:
        left = re.split(r"[、。,]", text[max(0, m.start() - _REACH_JA) : m.start()])[-1]
        right = re.split(r"[、。,]", text[m.end() : m.end() + _REACH_JA])[0]
        if into:  # (the side moved into ends at its に)
            right = m.group("target")
        a, b = ja_tokens(left), ja_tokens(right)
    else:
        left = re.split(r"[,;]", text[: m.start()])[-1].split()[-_REACH_EN:]
        right = re.split(r"[,;.]", text[m.end() :])[0].split()[:_REACH_EN]
        a, b = en_tokens(" ".join(left)), en_tokens(" ".join(right))
    return (frozenset(a - b), frozenset(b - a)) if a and b else None


def _overlap(x: frozenset[str], y: frozenset[str]) -> bool:
    return len(x & y) * 2 >= min(len(x), len(y)) > 0


def swapped(f: Features, ev: Evidence) -> Outcome:
    for into in (False, True):
        found = _swapped(f, ev, into)
        if found.conflict:
            return found
    return Outcome()


def _swapped(f: Features, ev: Evidence, into: bool) -> Outcome:
    mine = _sides(f.text, f.japanese, into)
    if mine is None:
        return Outcome()
    texts = (ev.text_ja, ev.passage) if f.japanese else (ev.text_en,)
    for text in texts:
        theirs = _sides(text, f.japanese, into) if text else None
        if theirs is None:
            continue
        if not into and _direction(f.text, f.japanese) != _direction(text, f.japanese):
            continue  # "A is younger than B" says what "B is older than A" says
        (a, b), (c, d) = mine, theirs
        shared = a & c  # what both say before the pivot ("Musk cared more about")
        a, c = a - shared, c - shared
        if _overlap(a, d) and _overlap(b, c):
            why = (
                "direction reversed: the statement has the source's two sides the other way "
                "round (what moves into what)"
                if into
                else "comparison reversed: the statement puts the sides of the source's "
                "comparison the other way round"
            )
            return conflict(ConflictKind.COMPARISON, why)
    return Outcome()


def _check(f: Features, ev: Evidence, matcher: EntityMatcher, so_far: Outcome) -> Outcome:
    return swapped(f, ev)


RULE = Rule("sides", 75, _check, {ConflictKind.COMPARISON: KindPolicy(SetAside.KNOWN_NAMES)})

EXAMPLES = [
    (
        "Musk cared more about beating OpenAI than about AI safety.",
        "Musk cared more about AI safety than about beating OpenAI.",
        ConflictKind.COMPARISON,
    ),
    (
        "Musk cared more about AI safety than about beating OpenAI.",
        "Musk cared more about AI safety than about beating OpenAI.",
        None,
    ),
    (
        "マスク氏は安全性よりも勝利を重視した。",
        "Musk valued safety over winning.",  # the Japanese phrasing below is what is read
        None,
    ),
    (
        "Musk chose Tesla rather than SpaceX for the merger plan.",
        "Musk chose SpaceX rather than Tesla for the merger plan.",
        ConflictKind.COMPARISON,
    ),
    # a move the other way round: "merging A into B" against "merging B into A"
    (
        "The council proposed merging the library into the museum.",
        "The council proposed merging the museum into the library.",
        ConflictKind.COMPARISON,
    ),
    (
        "The council proposed merging the museum into the library.",
        "The council proposed merging the museum into the library.",
        None,
    ),
    # "A rather than B" is "more A than B"
    (
        "The board cared about growth rather than profit.",
        "The board cared more about profit than about growth.",
        ConflictKind.COMPARISON,
    ),
    (
        "The board cared about profit rather than growth.",
        "The board cared more about profit than about growth.",
        None,
    ),
]
