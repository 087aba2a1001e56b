"""Who is older: the comparison the record makes, the other way round."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.model import ConflictKind
from factcheck.verdict.base import Outcome, conflict
from factcheck.verdict.names import OLDER
from factcheck.verdict.rules import KindPolicy, Rule

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.normalize.names import EntityMatcher
    from factcheck.verdict.base import Evidence


def age_direction(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    if not ev.older:
        return Outcome()
    m = OLDER.search(f.text)
    if not m:
        return Outcome()
    word = (m.group(1) or m.group(2) or "").lower()
    older_word = word in ("older", "年上")
    if f.japanese:
        base = next(
            (
                x
                for x in f.mentions
                if f.text[x.end : x.end + 4].lstrip("氏さん").startswith("より")
            ),
            None,
        )
        others = [x for x in f.mentions if base is None or x.entity != base.entity]
        subject = others[0].entity if others else None
    else:
        after_than = [x for x in f.mentions if x.start >= m.end()]
        base = after_than[0] if after_than else None
        before = [x for x in f.mentions if x.end <= m.start()]
        subject = before[0].entity if before else None
    if subject is None:
        return Outcome()
    stated_older = subject if older_word else (base.entity if base else None)
    if stated_older and stated_older != ev.older:
        lang = "ja" if f.japanese else "en"
        return conflict(ConflictKind.AGE, f"age comparison reversed: the statement makes "
                        f"{matcher.display(stated_older, lang)} the older; the source says "
                        f"{matcher.display(ev.older, lang)} is older",
                        matcher.display(stated_older, lang), matcher.display(ev.older, lang))  # fmt: skip
    return Outcome()


RULE = Rule(
    "ages",
    50,
    lambda f, ev, matcher, so_far: age_direction(f, ev, matcher),
    {ConflictKind.AGE: KindPolicy()},
)

EXAMPLES: list[
    tuple[str, str, ConflictKind | None]
] = []  # needs a claim's "older" value: tests/test_rules.py
