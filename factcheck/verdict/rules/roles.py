"""Who did what to whom: the claim's subject and object swapped."""

from __future__ import annotations

from factcheck.model import ConflictKind
from factcheck.verdict.names import reversal
from factcheck.verdict.rules import KindPolicy, Rule, SetAside

RULE = Rule(
    "roles",
    60,
    lambda f, ev, matcher, so_far: reversal(f, ev, matcher),
    {ConflictKind.ROLES: KindPolicy(SetAside.KNOWN_NAMES)},
)

EXAMPLES: list[
    tuple[str, str, ConflictKind | None]
] = []  # needs subject and object: tests/test_rules.py
