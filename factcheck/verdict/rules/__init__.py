"""The comparison rules, one module each, run in order by ``verdict.compare``.

A rule compares a statement with one piece of evidence and returns an ``Outcome``: a
``Conflict`` of one of its kinds, or the statement's values it confirms (``agreed``) and
those it does not speak to (``unmatched``). Each module declares one ``RULE``: its name,
its place in the order, the kinds of conflict it finds and, for each kind, when the
verdict sets such a conflict aside (``SetAside``) and the least topic score at which it
may decide. A rule also carries its own ``EXAMPLES`` (tests/test_rules.py runs them).

Adding a rule: write a module here with ``RULE`` and ``EXAMPLES``, and add it to
``RULES`` below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from factcheck.model import ConflictKind
from factcheck.verdict.base import Outcome

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.normalize.names import EntityMatcher
    from factcheck.verdict.base import Evidence


class SetAside(StrEnum):
    """When a conflict proves nothing about the statement (decide._set_aside)."""

    VALUES = "values"  # the claim does not say what the statement says, or is about another
    KNOWN_NAMES = "known_names"  # the statement names someone no candidate involves
    CLEAN_SWAP = "clean_swap"  # unless the rest matches: one name swapped for another
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class KindPolicy:
    set_aside: SetAside = SetAside.NEVER
    min_score: float = 0.0  # the least topic score of the claim at which it decides


Check = Callable[["Features", "Evidence", "EntityMatcher", "Outcome"], "Outcome"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    order: int
    check: Check  # (statement, evidence, names, what the earlier rules found) -> outcome
    kinds: dict[ConflictKind, KindPolicy] = field(default_factory=dict)


def _load() -> tuple[Rule, ...]:
    from factcheck.verdict.rules import (
        ages,
        amounts,
        comparison,
        counts,
        dates,
        names,
        percentages,
        polarity,
        roles,
        sides,
        speaker,
    )

    mods = (amounts, dates, counts, percentages, ages, roles, names, sides, polarity, comparison,
            speaker)  # fmt: skip
    return tuple(sorted((m.RULE for m in mods), key=lambda r: r.order))


RULES: tuple[Rule, ...] = _load()
_POLICY = {kind: policy for rule in RULES for kind, policy in rule.kinds.items()}


def policy(kind: ConflictKind) -> KindPolicy:
    """How the verdict treats a conflict of this kind (conflicts found outside the rules,
    such as a number in a near copy, are never set aside)."""
    return _POLICY.get(kind, KindPolicy())


def kinds_set_aside_as(set_aside: SetAside) -> frozenset[ConflictKind]:
    return frozenset(k for k, p in _POLICY.items() if p.set_aside is set_aside)


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
