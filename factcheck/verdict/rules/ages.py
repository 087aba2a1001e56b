"""Who is older: the comparison the record makes, the other way round."""

from __future__ import annotations

from factcheck.model import ConflictKind
from factcheck.verdict.names import age_direction
from factcheck.verdict.rules import KindPolicy, Rule

RULE = Rule(
    "ages",
    50,
    lambda f, ev, matcher, so_far: age_direction(f, ev, matcher),
    {ConflictKind.AGE: KindPolicy()},
)

EXAMPLES: list[
    tuple[str, str, ConflictKind | None]
] = []  # needs a claim's "older" value: tests/test_rules.py
