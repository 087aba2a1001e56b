"""The comparison rules: a statement against one piece of evidence -> agreement or conflict.

Each rule looks at one kind of thing that matters (money, dates, counts, names, roles,
negation, opposite words) and says whether the statement agrees with the evidence, conflicts
with it (with a reason naming both values), or does not speak to it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck.normalize.names import EntityMatcher
from factcheck.verdict import meaning, names, values
from factcheck.verdict.base import Evidence, Outcome, evidence_of_claim, evidence_of_passage
from factcheck.verdict.names import actor_swap

if TYPE_CHECKING:
    from factcheck.features import Features

__all__ = [
    "Evidence",
    "Outcome",
    "actor_swap",
    "compare",
    "evidence_of_claim",
    "evidence_of_passage",
]


def compare(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """Compare a statement with one piece of evidence: the first conflict found (values
    first, then names, roles and meaning), or agreement. Every outcome carries the values
    that did agree, so that sibling claims can be told apart."""
    money = values.money(f, ev)
    if money.conflict:
        return money
    dates = values.dates(f, ev, money_agreed=bool(money.agreed))
    if dates.conflict:
        return replace(dates, agreed=dates.agreed | money.agreed)
    counts = values.quantities(f.counts, ev.counts, "count")
    pct = values.quantities(f.percents, ev.percents, "percentage")
    agreed = money.agreed | dates.agreed | counts.agreed | pct.agreed
    vague = money.vague
    for value in (counts, pct):
        if value.conflict:
            return replace(value, agreed=agreed, vague=vague)
    sub = names.substitution(f, ev, matcher)
    for out in (names.age_direction(f, ev, matcher), names.reversal(f, ev, matcher), sub):
        if out.conflict:
            return replace(out, agreed=agreed, vague=vague)
    pol = meaning.polarity(f, ev)
    if pol.conflict:
        return replace(pol, agreed=agreed, vague=vague)
    cmp = meaning.comparison(f, ev)
    return Outcome(
        vague=vague,
        soft=money.soft,
        soft_keys=money.soft_keys,
        agreed=agreed | cmp.agreed,
        unmatched=money.unmatched | dates.unmatched | counts.unmatched | pct.unmatched
        | sub.unmatched | cmp.unmatched,
    )  # fmt: skip
