"""Sources that disagree: the close candidate claims of two sources, one confirming the
statement's value and one contradicting it. The record cannot decide between them, so the
statement is not silently settled by whichever scores higher: it is unknown, and the finding
cites both passages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the module sits beside decide, not below it
    from factcheck.features import Features
    from factcheck.index.search import Candidate
    from factcheck.index.store import Index
    from factcheck.verdict import Outcome

VALUE_CONFLICTS = frozenset({"amount", "date", "count", "percentage"})


@dataclass(frozen=True, slots=True)
class Split:
    agrees: Candidate | None  # the claim whose source confirms the statement's value (None:
    # the passage the statement copies)
    differs: Candidate  # the claim whose source gives another value
    reason: str


def sources_disagree(index: Index, f: Features, usable: list[tuple[Candidate, Outcome]],
                     close: float) -> Split | None:  # fmt: skip
    """Among the candidates within ``close`` of the best, a claim of one source that confirms
    a value of the statement and a claim of another source that contradicts that same value
    (the statement's amount, date, count or percentage)."""
    if not usable:
        return None
    top = usable[0][0].score
    near = [(c, o) for c, o in usable if c.score >= top - close]
    if len({c.profile.claim.source for c, _ in near}) < 2:
        return None  # one source (the common case): nothing to weigh
    for differs, o_diff in near:
        if o_diff.conflict not in VALUE_CONFLICTS or not o_diff.conflict_keys:
            continue
        if not _about_the_same(index, f, differs):
            continue
        for agrees, o_agree in near:
            same_source = agrees.profile.claim.source == differs.profile.claim.source
            if same_source or o_agree.conflict or o_agree.vague:
                continue
            if o_agree.agreed & o_diff.conflict_keys:
                a, d = agrees.profile.claim, differs.profile.claim
                reason = (f"the sources disagree: {a.source} states what the statement says "
                          f"({a.id}); {d.source} does not ({d.id}: {o_diff.reason})")  # fmt: skip
                return Split(agrees, differs, reason)
    return None


def copy_disagrees(index: Index, f: Features, source: str, found: Callable[[], list[Candidate]],
                   strong: float, covers: float,
                   against: Callable[[Candidate], Outcome]) -> Split | None:  # fmt: skip
    """A statement that nearly copies a passage of ``source``: a claim of another source
    among those ``found`` for it, at least ``strong`` and covering ``covers`` of what it
    says, that gives another value (``against`` compares the statement with a claim)."""
    if len(index.record.sources) < 2:
        return None  # one source: nothing to weigh (and no search for a copied sentence)
    for c in found():
        claim = c.profile.claim
        if claim.source == source or c.score < strong or c.coverage < covers:
            continue
        if not _about_the_same(index, f, c):
            continue  # the lab in Kyoto is not the lab in Osaka
        o = against(c)
        if o.conflict in VALUE_CONFLICTS and o.value_conflict:
            reason = (f"the sources disagree: {source} states what the statement says; "
                      f"{claim.source} does not ({claim.id}: {o.reason})")  # fmt: skip
            return Split(None, c, reason)
    return None


def _about_the_same(index: Index, f: Features, c: Candidate) -> bool:
    """Does the claim involve every person, organisation, product and place the statement
    names (the same fact, told with another value)?"""
    kinds = ("person", "org", "product", "place")
    named = {m.entity for m in f.mentions if index.matcher.kind.get(m.entity) in kinds}
    return named <= c.profile.entities
