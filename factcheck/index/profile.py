"""A claim prepared for comparison: its words in both languages (for finding it and for
coverage), its names and its values, read against the date of its own source (relative
dates such as "last month" resolve against the source that says them)."""

from __future__ import annotations

import pickle
import unicodedata
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from factcheck.features import extract, ja_terms
from factcheck.normalize.dates import BEFORE, DateValue, parse_iso
from factcheck.normalize.numbers import INF, Quantity, extract_money
from factcheck.normalize.words import en_tokens, is_japanese, ja_tokens
from factcheck.verdict.base import Evidence
from factcheck.verdict.names import Roles, claim_roles

if TYPE_CHECKING:
    from factcheck.model import Claim
    from factcheck.normalize.names import EntityMatcher
    from factcheck.record import Record


class Facts(NamedTuple):
    """What a claim states, for the comparison rules: kept apart from the words it is found
    and scored by, so that a profile read from the cache unpickles it only when a statement
    is compared with the claim (a few of the claims each statement is scored against)."""

    claim: Claim
    money: tuple[Quantity, ...]
    dates: tuple[DateValue, ...]
    counts: tuple[Quantity, ...]
    percents: tuple[Quantity, ...]
    negated: bool
    en_text: str
    ja_text: str
    # who acts on whom in each phrasing, for the roles rule (verdict/names.claim_roles)
    roles_en: tuple[str | None, str | None] = (None, None)
    roles_ja: tuple[str | None, str | None] = (None, None)


class Words(NamedTuple):
    """A claim's words in one language: all of them, for finding it (``vocab``: both
    phrasings, terms, examples); what it states (``said``: no contradicting examples), for
    coverage; its own phrasing (``core``); its phrasings as rapidfuzz reads them
    (``forms``)."""

    vocab: frozenset[str]
    said: frozenset[str]
    core: frozenset[str]
    forms: tuple[str, ...]


Lazy = TypeVar("Lazy", "Words", "Facts")


def _pickled(value: Words | Facts | bytes) -> bytes:
    if isinstance(value, bytes):
        return value
    fields = tuple(value)
    if isinstance(value, Words) and value.said == value.vocab:
        fields = (value.vocab, None, value.core, value.forms)  # (the same words, once)
    return pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL)


class Profile:
    """A claim prepared for comparison: its names, its words in each language
    (:class:`Words`) and what it states (:class:`Facts`). A profile read from the cache
    unpickles its words in a language when a statement in that language is scored against
    it, and its facts when one is compared with it: a statement needs one language, and
    the facts of a few of the claims it is scored against."""

    __slots__ = ("_en", "_evidence", "_facts", "_ja", "claim_id", "entities", "scored")

    def __init__(self, claim_id: str, entities: frozenset[str], en: Words | bytes,
                 ja: Words | bytes, facts: Facts | bytes) -> None:  # fmt: skip
        self.claim_id, self.entities = claim_id, entities
        self._en, self._ja, self._facts = en, ja, facts  # (bytes: pickled, as cached)
        self._evidence: Evidence | None = None  # made when first compared (never pickled)
        # what the topic score reads of the claim alone, kept by factcheck.scoring (never pickled)
        self.scored: dict[bool, Any] | None = None

    @staticmethod
    def _loaded(value: Lazy | bytes, kind: type[Lazy]) -> Lazy:
        if not isinstance(value, bytes):
            return value
        fields: tuple[Any, ...] = pickle.loads(value)  # the cache's, signed with the user's key
        if kind is Words and fields[1] is None:  # what it states is all its words
            fields = (fields[0], fields[0], fields[2], fields[3])
        return kind(*fields)

    @property
    def en(self) -> Words:
        self._en = words = self._loaded(self._en, Words)
        return words

    @property
    def ja(self) -> Words:
        self._ja = words = self._loaded(self._ja, Words)
        return words

    @property
    def en_vocab(self) -> frozenset[str]:
        return self.en.vocab

    @property
    def ja_vocab(self) -> frozenset[str]:
        return self.ja.vocab

    @property
    def en_said(self) -> frozenset[str]:
        return self.en.said

    @property
    def ja_said(self) -> frozenset[str]:
        return self.ja.said

    @property
    def en_core(self) -> frozenset[str]:
        return self.en.core

    @property
    def ja_core(self) -> frozenset[str]:
        return self.ja.core

    @property
    def en_forms(self) -> tuple[str, ...]:
        return self.en.forms

    @property
    def ja_forms(self) -> tuple[str, ...]:
        return self.ja.forms

    @property
    def facts(self) -> Facts:
        self._facts = facts = self._loaded(self._facts, Facts)
        return facts

    @property
    def claim(self) -> Claim:
        return self.facts.claim

    @property
    def evidence(self) -> Evidence:
        """What the claim states, in comparable form, for the comparison rules: made once,
        when a statement is first compared with the claim."""
        if self._evidence is None:
            facts, claim = self.facts, self.facts.claim
            older = None
            for a in claim.values.get("ages") or []:
                if isinstance(a, dict) and a.get("older"):
                    older = str(a["older"])
            forms = self.ja.forms
            self._evidence = Evidence(
                self.entities, facts.money, facts.dates, facts.counts, facts.percents,
                facts.negated, facts.en_text, facts.ja_text, claim.subject, claim.obj, older,
                passage=forms[1] if len(forms) > 1 else "",
                speaker=claim.speaker if claim.status == "attributed" else None,
                roles_en=facts.roles_en, roles_ja=facts.roles_ja,
            )  # fmt: skip
        return self._evidence

    @property
    def money(self) -> tuple[Quantity, ...]:
        return self.facts.money

    @property
    def dates(self) -> tuple[DateValue, ...]:
        return self.facts.dates

    @property
    def counts(self) -> tuple[Quantity, ...]:
        return self.facts.counts

    @property
    def percents(self) -> tuple[Quantity, ...]:
        return self.facts.percents

    @property
    def roles_en(self) -> tuple[str | None, str | None]:
        return self.facts.roles_en

    @property
    def roles_ja(self) -> tuple[str | None, str | None]:
        return self.facts.roles_ja

    @property
    def negated(self) -> bool:
        return self.facts.negated

    @property
    def en_text(self) -> str:
        return self.facts.en_text

    @property
    def ja_text(self) -> str:
        return self.facts.ja_text

    def packed(self) -> Profile:
        """The same profile with its words and facts pickled, as the cache keeps them: what a
        large record holds while it is prepared (its words read again when first needed)."""
        parts = (_pickled(self._en), _pickled(self._ja), _pickled(self._facts))
        return Profile(self.claim_id, self.entities, *parts)

    def __reduce__(self) -> tuple[type[Profile], tuple[object, ...]]:
        parts = (_pickled(self._en), _pickled(self._ja), _pickled(self._facts))
        return Profile, (self.claim_id, self.entities, *parts)


def _structured_values(
    claim: Claim,
) -> tuple[list[Quantity], list[DateValue], list[Quantity], list[Quantity]]:
    v = claim.values
    money = []
    for a in v.get("amounts") or []:
        if "value" in a:
            money.append(
                Quantity("money", float(a["value"]), float(a["value"]), str(a["value"]), unit="USD")
            )
        else:
            money.append(Quantity("money", float(a["min"]), float(a["max"]), "", unit="USD"))
    dates = [_bounded(parse_iso(d), claim.qualifiers.get(str(d))) for d in v.get("dates") or []]
    counts = []
    for c in [*(v.get("counts") or []), *(v.get("ages") or []), *(v.get("durations") or [])]:
        if not isinstance(c, dict):
            continue
        lo, hi = c.get("value", c.get("min")), c.get("value", c.get("max"))
        if isinstance(lo, int | float) and isinstance(hi, int | float):
            unit = _count_unit(str(c.get("unit", "")))
            low, high = _approx(float(lo), float(hi), c.get("approx"))
            counts.append(Quantity("count", low, high, str(c.get("value", "")), unit=unit))
    percents = [
        Quantity("percent", float(p), float(p), str(p), unit="%")
        for p in v.get("percents") or []
        if isinstance(p, int | float)
    ]
    return money, dates, counts, percents


def _bounded(d: DateValue, qualifier: str | None) -> DateValue:
    """A recorded date qualified "before" is a bound: that date or earlier."""
    return replace(d, part=BEFORE) if qualifier == BEFORE else d


def _approx(lo: float, hi: float, approx: object) -> tuple[float, float]:
    """A recorded count with its ``approx`` ("more than ten years": from ten up)."""
    if approx in ("more_than", "at_least"):
        return lo, INF
    if approx in ("less_than", "at_most"):
        return 0.0, hi
    if approx == "about":
        return lo * 0.9, hi * 1.1
    return lo, hi


def _count_unit(unit: str) -> str:
    """The unit of a recorded count in the normaliser's terms ("board members" -> "people")."""
    words = unit.lower().split()
    if "old" in words or "age" in words:
        return "age"
    if any(w.startswith("year") for w in words):
        return "years"
    if any(w.startswith("month") for w in words):
        return "months"
    if any(
        w.startswith(("member", "people", "person", "employee", "researcher", "staff"))
        for w in words
    ):
        return "people"
    return unit


def _merge_q(a: list[Quantity], b: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    out = list(a)
    for q in b:
        if q.hi == INF or q.lo == 0:
            continue
        if not any(q.overlaps(x) and q.unit == x.unit for x in out):
            out.append(q)
    return tuple(out)


def reference_date(record: Record) -> date | None:
    """The publication date relative dates are resolved against (the first source's)."""
    for src in record.sources.values():
        raw = src.meta.get("date")
        if raw:
            return date.fromisoformat(str(raw))
    return None


def source_date(record: Record, source: str) -> date | None:
    """The publication date of one source (its relative dates are resolved against it),
    else the record's."""
    src = record.sources.get(source)
    raw = src.meta.get("date") if src is not None else None
    return date.fromisoformat(str(raw)) if raw else reference_date(record)


def profile(c: Claim, matcher: EntityMatcher, ref: date | None) -> Profile:
    """A claim prepared for comparison: its words in both languages, names and values."""
    nfkc = unicodedata.normalize
    ja_examples = [e for e in c.supported_examples if is_japanese(e)]
    en_examples = [e for e in c.supported_examples if not is_japanese(e)]
    en_others = [e for e in c.contradicted_examples if not is_japanese(e)]
    ja_others = [e for e in c.contradicted_examples if is_japanese(e)]
    fe = extract(c.text_en, matcher, ref, c.source)
    fj = extract(c.text_ja, matcher, ref, c.source)
    money, dates, counts, percents = _structured_values(c)
    # say each amount the way the source says it ("4400万ドル"), for the reasons given
    quoted = extract_money(nfkc("NFKC", c.quote))
    money = [next((replace(q, text=s.text) for s in quoted if s.overlaps(q)), q) for q in money]
    for extra in (*fe.dates, *fj.dates):
        if not any(extra.agrees(d) for d in dates):
            dates.append(extra)
    ents = set(c.entities) | fe.entities | fj.entities | ({c.subject, c.obj} - {None})
    en_text, ja_text = nfkc("NFKC", c.text_en), nfkc("NFKC", c.text_ja)
    roles: list[Roles] = [(None, None), (None, None)]
    if c.subject and c.obj:  # (read without the source's scope, as a statement is)
        roles = [claim_roles(extract(t, matcher, None), c.subject, c.obj, matcher.kind)
                 if t else (None, None) for t in (en_text, ja_text)]  # fmt: skip
    facts = Facts(
        claim=c,
        money=_merge_q(money, (*fe.money, *fj.money)),
        dates=tuple(dates),
        counts=_merge_q(counts, (*fe.counts, *fj.counts)),
        percents=_merge_q(percents, (*fe.percents, *fj.percents)),
        negated=c.negated,
        en_text=en_text,
        ja_text=ja_text,
        roles_en=roles[0],
        roles_ja=roles[1],
    )
    en_vocab = frozenset(en_tokens(" ".join([c.text_en, *c.terms_en, *en_examples, *en_others])))
    ja_vocab = frozenset(
        ja_terms(" ".join([c.text_ja, c.quote, *c.terms_ja, *ja_examples, *ja_others]))
    )
    return Profile(
        claim_id=c.id,
        entities=frozenset(e for e in ents if e),
        en=Words(
            en_vocab,
            frozenset(en_tokens(" ".join([c.text_en, *c.terms_en, *en_examples]))),
            frozenset(en_tokens(c.text_en)),
            tuple(nfkc("NFKC", t).lower() for t in [c.text_en, *en_examples]),
        ),
        ja=Words(
            ja_vocab,
            frozenset(ja_tokens(" ".join([c.text_ja, c.quote, *c.terms_ja, *ja_examples]))),
            frozenset(ja_terms(c.text_ja)),
            tuple(nfkc("NFKC", t) for t in [c.text_ja, c.quote, *ja_examples]),
        ),
        facts=facts,
    )
