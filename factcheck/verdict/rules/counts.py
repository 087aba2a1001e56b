"""Counts with a unit: people, years, members ("a five-member board", "14歳")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck.model import ConflictKind
from factcheck.verdict.rules import KindPolicy, Rule, SetAside
from factcheck.verdict.values import quantities

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.verdict.base import Evidence, Outcome


def counts(f: Features, ev: Evidence) -> Outcome:
    """A count against the evidence's; an age gap against a claim that states one is in that
    claim's slot ("Musk, who is 12 years older than Altman, ...")."""
    out = quantities(f.counts, ev.counts, "count")
    return replace(out, bound=True) if out.found and ev.older else out


RULE = Rule(
    "counts",
    30,
    lambda f, ev, matcher, so_far: counts(f, ev),
    {ConflictKind.COUNT: KindPolicy(SetAside.VALUES)},
)

EXAMPLES = [
    (
        "Altman proposed a seven-member board.",
        "Altman proposed a five-member board.",
        ConflictKind.COUNT,
    ),
    ("アルトマン氏は5人の理事会を提案した。", "Altman proposed a five-member board.", None),
]
