"""A claim prepared for comparison: its words in both languages (for finding it and for
coverage), its names and its values, read against the date of its own source (relative
dates such as "last month" resolve against the source that says them)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from factcheck.features import extract, ja_terms
from factcheck.normalize.dates import DateValue, parse_iso
from factcheck.normalize.numbers import INF, Quantity, extract_money
from factcheck.normalize.words import en_tokens, is_japanese, ja_tokens
from factcheck.verdict.names import Roles, claim_roles

if TYPE_CHECKING:
    from factcheck.model import Claim
    from factcheck.normalize.names import EntityMatcher
    from factcheck.record import Record


@dataclass(slots=True)
class Profile:
    """A claim prepared for comparison."""

    claim: Claim
    en_vocab: frozenset[str]  # every word of the claim, its terms and examples: for finding it
    ja_vocab: frozenset[str]
    en_said: frozenset[str]  # the words of what it states (no contradicting examples): for coverage
    ja_said: frozenset[str]
    en_core: frozenset[str]
    ja_core: frozenset[str]
    entities: frozenset[str]
    money: tuple[Quantity, ...]
    dates: tuple[DateValue, ...]
    counts: tuple[Quantity, ...]
    percents: tuple[Quantity, ...]
    negated: bool
    en_text: str
    ja_text: str
    en_forms: tuple[str, ...] = ()
    ja_forms: tuple[str, ...] = ()
    # who acts on whom in each phrasing, for the roles rule (verdict/names.claim_roles)
    roles_en: tuple[str | None, str | None] = (None, None)
    roles_ja: tuple[str | None, str | None] = (None, None)


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
    dates = [parse_iso(d) for d in v.get("dates") or []]
    counts = []
    for c in [*(v.get("counts") or []), *(v.get("ages") or []), *(v.get("durations") or [])]:
        if not isinstance(c, dict):
            continue
        lo, hi = c.get("value", c.get("min")), c.get("value", c.get("max"))
        if isinstance(lo, int | float) and isinstance(hi, int | float):
            unit = _count_unit(str(c.get("unit", "")))
            counts.append(
                Quantity("count", float(lo), float(hi), str(c.get("value", "")), unit=unit)
            )
    percents = [
        Quantity("percent", float(p), float(p), str(p), unit="%")
        for p in v.get("percents") or []
        if isinstance(p, int | float)
    ]
    return money, dates, counts, percents


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
    roles_en, roles_ja = roles
    return Profile(
        claim=c,
        en_vocab=frozenset(en_tokens(" ".join([c.text_en, *c.terms_en, *en_examples, *en_others]))),
        ja_vocab=frozenset(
            ja_terms(" ".join([c.text_ja, c.quote, *c.terms_ja, *ja_examples, *ja_others]))
        ),
        en_said=frozenset(en_tokens(" ".join([c.text_en, *c.terms_en, *en_examples]))),
        ja_said=frozenset(ja_tokens(" ".join([c.text_ja, c.quote, *c.terms_ja, *ja_examples]))),
        en_core=frozenset(en_tokens(c.text_en)),
        ja_core=frozenset(ja_terms(c.text_ja)),
        entities=frozenset(e for e in ents if e),
        money=_merge_q(money, (*fe.money, *fj.money)),
        dates=tuple(dates),
        counts=_merge_q(counts, (*fe.counts, *fj.counts)),
        percents=_merge_q(percents, (*fe.percents, *fj.percents)),
        negated=c.negated,
        en_text=en_text,
        ja_text=ja_text,
        en_forms=tuple(nfkc("NFKC", t).lower() for t in [c.text_en, *en_examples]),
        ja_forms=tuple(nfkc("NFKC", t) for t in [c.text_ja, c.quote, *ja_examples]),
        roles_en=roles_en,
        roles_ja=roles_ja,
    )
