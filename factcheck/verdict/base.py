"""What a claim or passage states, in comparable form, and what a comparison found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.model import Conflict, ConflictKind

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.normalize.dates import DateValue
    from factcheck.normalize.numbers import Quantity


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a claim or a source passage states, in comparable form."""

    entities: frozenset[str]
    money: tuple[Quantity, ...]
    dates: tuple[DateValue, ...]
    counts: tuple[Quantity, ...]
    percents: tuple[Quantity, ...]
    negated: bool
    text_en: str
    text_ja: str
    subject: str | None = None
    object: str | None = None
    older: str | None = None
    copy: bool = (
        False  # a source passage the statement nearly copies: negations must match in number
    )
    passage: str = ""  # the claim's source passage (NFKC), read for opposite words
    speaker: str | None = None  # who says it, for a claim the record holds as attributed
    # who acts on whom in the claim's own English and Japanese phrasings (read once)
    roles_en: tuple[str | None, str | None] = (None, None)
    roles_ja: tuple[str | None, str | None] = (None, None)


@dataclass(frozen=True, slots=True)
class Outcome:
    """``found`` is the difference, if any (``conflict`` its kind, ``reason`` its sentence).
    ``agreed`` and ``unmatched`` name the statement's values and names (as "kind:offset"
    keys) this evidence confirms or does not speak to."""

    found: Conflict | None = None
    agreed: frozenset[str] = frozenset()
    unmatched: frozenset[str] = frozenset()
    value_conflict: bool = False
    conflict_keys: frozenset[str] = frozenset()
    vague: bool = False  # the amounts agreed only with a range ("tens of millions")
    # the value in conflict fills a slot the evidence has: the event's date, a year's
    # amount, an age gap (verdict decides on it even where the statement says more)
    bound: bool = False
    # an undated amount against the claim's one dated amount: a conflict unless another
    # claim confirms the amount ("$100M" against the $1B of an email dated by its blog post)
    soft: Conflict | None = None
    soft_keys: frozenset[str] = frozenset()

    @property
    def conflict(self) -> ConflictKind | None:
        return self.found.kind if self.found else None

    @property
    def reason(self) -> str | None:
        return self.found.reason if self.found else None


def conflict(kind: ConflictKind, reason: str, said: str | None = None,
             source: str | None = None, **rest: object) -> Outcome:  # fmt: skip
    """An outcome with a difference of ``kind`` (``rest``: the other Outcome fields)."""
    return Outcome(Conflict(kind, reason, said, source), **rest)  # type: ignore[arg-type]


def evidence_of_passage(f: Features) -> Evidence:
    """What a source passage says (its features), as evidence."""
    return Evidence(f.entities, f.money, f.dates, f.counts, f.percents, f.negations > 0,
                    "", f.text, copy=True)  # fmt: skip
