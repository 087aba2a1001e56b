"""Percentages."""

from __future__ import annotations

from factcheck.model import ConflictKind
from factcheck.verdict.rules import KindPolicy, Rule, SetAside
from factcheck.verdict.values import quantities

RULE = Rule(
    "percentages",
    40,
    lambda f, ev, matcher, so_far: quantities(f.percents, ev.percents, "percentage"),
    {ConflictKind.PERCENTAGE: KindPolicy(SetAside.VALUES)},
)

EXAMPLES = [
    ("Musk wanted a 60% stake.", "Musk wanted a 51% stake.", ConflictKind.PERCENTAGE),
    ("Musk wanted a 51% stake.", "Musk wanted a 51% stake.", None),
]
