"""Counts with a unit: people, years, members ("a five-member board", "14歳")."""

from __future__ import annotations

from factcheck.model import ConflictKind
from factcheck.verdict.rules import KindPolicy, Rule, SetAside
from factcheck.verdict.values import quantities

RULE = Rule(
    "counts",
    30,
    lambda f, ev, matcher, so_far: quantities(f.counts, ev.counts, "count"),
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
