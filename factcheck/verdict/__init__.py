"""The comparison rules: a statement against one piece of evidence -> agreement or conflict.

Each rule looks at one kind of thing that matters (money, dates, counts, names, roles,
negation, opposite words) and says whether the statement agrees with the evidence, conflicts
with it (with a reason naming both values), or does not speak to it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck.normalize.names import EntityMatcher
from factcheck.verdict.base import Evidence, Outcome, evidence_of_passage
from factcheck.verdict.names import actor_swap
from factcheck.verdict.rules import RULES

if TYPE_CHECKING:
    from factcheck.features import Features

__all__ = [
    "Evidence",
    "Outcome",
    "actor_swap",
    "compare",
    "evidence_of_passage",
]


def compare(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """Compare a statement with one piece of evidence: the rules in order
    (``verdict/rules/``), the first conflict found, or agreement. Every outcome carries the
    values that did agree, so that sibling claims can be told apart."""
    so_far = Outcome()
    for rule in RULES:
        out = rule.check(f, ev, matcher, so_far)
        if out.found is not None:
            return replace(out, agreed=out.agreed | so_far.agreed, vague=out.vague or so_far.vague)
        so_far = Outcome(
            agreed=so_far.agreed | out.agreed,
            unmatched=so_far.unmatched | out.unmatched,
            vague=so_far.vague or out.vague,
            soft=so_far.soft or out.soft,
            soft_keys=so_far.soft_keys | out.soft_keys,
        )
    return so_far
