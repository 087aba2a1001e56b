"""Domain objects handed along the pipeline: input -> statements -> candidates -> findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNKNOWN = "unknown"


class ConflictKind(StrEnum):
    """What differs between a statement and its evidence."""

    AMOUNT = "amount"
    DATE = "date"
    COUNT = "count"
    PERCENTAGE = "percentage"
    NUMBER = "number"  # any number, in a near copy of a source passage
    NAME = "name"  # one name (person, organisation, place, title) for another
    ACTOR = "actor"  # someone else did what the source says
    ROLES = "roles"  # who did what to whom, reversed
    AGE = "age"  # who is older, reversed
    NEGATION = "negation"
    MEANING = "meaning"  # an opposite word
    COMPARISON = "comparison"  # a comparison with its sides swapped
    ORDER = "order"  # two events the other way round in time


# a negation or an opposite word: read in one part of a statement, it may belong to another
POLAR = frozenset({ConflictKind.NEGATION, ConflictKind.MEANING})


@dataclass(frozen=True, slots=True)
class Conflict:
    """A difference found by a rule: its kind, what the statement and the source say (as
    written for a reader), where each is (character offsets into the statement and into the
    cited passage, once located), and the reason sentence, written once when it is found."""

    kind: ConflictKind
    reason: str
    statement_value: str | None = None
    source_value: str | None = None
    statement_span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into the input as given."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str
    name_en: str
    name_ja: str
    aliases: tuple[str, ...]
    # aliases that are also common words ("マスク", a mask): a name only in context
    ambiguous: tuple[str, ...] = ()
    # (source id, alias): forms only one source uses (a garbled "ウルトラマン"), read only
    # in that source's context
    scoped: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    path: str  # relative to the record's root, e.g. "sources/tencent-2024-03-06.txt"
    text: str
    meta: dict[str, Any] = field(hash=False, compare=False)
    line_starts: tuple[int, ...] = ()

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        from bisect import bisect_right

        return bisect_right(self.line_starts, offset)


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence (or a quoted run of sentences) of a source, with its 1-based line."""

    source: str
    line: int
    text: str
    start: int
    # the note of a source-error claim quoting this sentence: it supports nothing
    error: str | None = None


STATUSES = ("stated", "attributed", "source_error")


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    source: str
    quote: str
    text_en: str
    text_ja: str
    subject: str | None
    obj: str | None  # the entity acted upon ("object" in claims.yaml)
    entities: tuple[str, ...]
    negated: bool
    values: dict[str, Any] = field(hash=False, compare=False)
    terms_en: tuple[str, ...] = ()
    terms_ja: tuple[str, ...] = ()
    supported_examples: tuple[str, ...] = ()
    contradicted_examples: tuple[str, ...] = ()
    passage: Passage | None = None
    # stated (the source says it in its own voice), attributed (it reports what ``speaker``
    # says) or source_error (the source's wording is wrong: ``note`` says how; the claim
    # supports and contradicts nothing)
    status: str = "stated"
    speaker: str | None = None
    note: str | None = None
    # values not written in the passage but worked out from it, each with how ("2024-03-05":
    # "火曜日, the Tuesday before the publication date")
    derived: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # a date's qualifier the date itself cannot hold ("2018": "late")
    qualifiers: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    also: tuple[Passage, ...] = ()  # further passages that state the same fact


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    span: Span
    judged: str | None = None  # what is judged when it differs ("He gave" read as "Musk gave")


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    path: str
    line: int
    passage: str


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one statement: flat and immutable."""

    input: str
    statement: str
    span: Span
    verdict: Verdict
    score: float
    claim_id: str | None = None
    claim_text: str | None = None
    reason: str | None = None
    citation: Citation | None = None
    considered: tuple[tuple[str, float], ...] = ()
    conflict: Conflict | None = None  # what differs, for a contradicted statement
    # when sources disagree on the statement's value: every passage involved, the citation's
    # first
    disagreement: tuple[Citation, ...] = ()
