"""Dates: a statement's date that the evidence's dates do not allow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.model import ConflictKind
from factcheck.verdict.rules import KindPolicy, Rule, SetAside
from factcheck.verdict.values import dates

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.normalize.names import EntityMatcher
    from factcheck.verdict.base import Evidence, Outcome


def _check(f: Features, ev: Evidence, matcher: EntityMatcher, so_far: Outcome) -> Outcome:
    # an amount that agrees ties the statement to this event: another date then differs
    money_agreed = any(k.startswith("money:") for k in so_far.agreed)
    return dates(f, ev, money_agreed=money_agreed)


RULE = Rule("dates", 20, _check, {ConflictKind.DATE: KindPolicy(SetAside.VALUES)})

EXAMPLES = [
    ("OpenAI was founded in 2017.", "OpenAI was founded in December 2015.", ConflictKind.DATE),
    ("OpenAIは2015年12月に設立された。", "OpenAI was founded in December 2015.", None),
    ("OpenAI was founded in 2015.", "OpenAI was founded in December 2015.", None),
]
