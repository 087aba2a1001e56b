"""Candidate search: which claims and source passages a statement is about.

Each claim is profiled once (its words in both languages, names, values). A statement is
scored against the claims that share at least one word or name with it (an inverted index),
by IDF-weighted word coverage, name overlap and rapidfuzz similarity.
"""

from __future__ import annotations

import heapq
import math
import unicodedata
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import overload

from rapidfuzz import fuzz, process

from factcheck.features import Features, extract, normalized
from factcheck.model import Claim, Passage
from factcheck.normalize.dates import DateValue, parse_iso
from factcheck.normalize.names import EntityMatcher, related_entities
from factcheck.normalize.numbers import INF, Quantity, extract_money
from factcheck.normalize.words import en_tokens, is_japanese, ja_tokens
from factcheck.record import Record
from factcheck.scoring import _Query


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


@dataclass(slots=True)
class PassageProfile:
    passage: Passage
    norm: str  # the text as statements are read (NFKC), for near copies
    about: tuple[str, str] | None = None  # the claim (id, English text) it is the passage of
    features: Features | None = None  # read when a statement nearly copies it (Index)


@dataclass(frozen=True, slots=True)
class Candidate:
    profile: Profile
    score: float
    coverage: float = 1.0  # share of what the statement says (names aside) the claim's words cover


class Postings:
    """The inverted index: for each key ("en:word", "ja:bigram", "e:entity") the claims
    that have it, in record order. One array of claim numbers and one offset per key: read
    from the cache in one piece, not as thousands of small lists."""

    def __init__(self, lists: dict[str, list[int]]) -> None:
        self._slot: dict[str, int] = {}
        flat = array("i")
        bounds = array("q", [0])
        for k, (key, ids) in enumerate(lists.items()):
            self._slot[key] = k
            flat.extend(ids)
            bounds.append(len(flat))
        self._flat, self._bounds = flat, bounds
        self._view = memoryview(flat)

    def get(self, key: str, default: Sequence[int] = ()) -> Sequence[int]:
        k = self._slot.get(key)
        if k is None:
            return default
        return self._view[self._bounds[k] : self._bounds[k + 1]]

    def __len__(self) -> int:
        return len(self._slot)

    def __getstate__(self) -> tuple[dict[str, int], bytes, bytes]:
        return self._slot, self._flat.tobytes(), self._bounds.tobytes()

    def __setstate__(self, state: tuple[dict[str, int], bytes, bytes]) -> None:
        self._slot = state[0]
        self._flat, self._bounds = array("i"), array("q")
        self._flat.frombytes(state[1])
        self._bounds.frombytes(state[2])
        self._view = memoryview(self._flat)


@dataclass(slots=True)
class Index:
    record: Record
    matcher: EntityMatcher
    reference: date | None
    profiles: Sequence[Profile] = field(default_factory=list)
    passages: list[PassageProfile] = field(default_factory=list)
    idf_en: dict[str, float] = field(default_factory=dict)
    idf_ja: dict[str, float] = field(default_factory=dict)
    postings: Postings = field(default_factory=lambda: Postings({}))
    by_length: tuple[list[int], list[int]] | None = None  # passages' lengths, sorted; their numbers

    def features(self, text: str, source: str | None = None) -> Features:
        """What ``text`` says; read as a part of ``source`` (its publication date for relative
        dates, its own aliases) when given."""
        if source is None:
            return extract(text, self.matcher, self.reference)
        return extract(text, self.matcher, source_date(self.record, source), source)

    def passage_features(self, pp: PassageProfile) -> Features:
        """What a source passage says, read the first time a statement nearly copies it."""
        if pp.features is None:
            pp.features = self.features(pp.passage.text, pp.passage.source)
        return pp.features

    def split(self) -> tuple[Index, list[Profile]]:
        """The index without its claims (the head, read at once from the cache) and the
        claims' profiles (read one by one, when a statement needs them)."""
        profiles = list(self.profiles)
        head = replace(self, profiles=[], record=replace(self.record, claims=[]))
        return head, profiles

    def join(self, profiles: Sequence[Profile]) -> Index:
        """The head given back its profiles; the record's claims are read through them."""
        self.profiles = profiles
        self.record.claims = _Claims(profiles)
        return self


class _Claims(Sequence[Claim]):
    """The record's claims, read through the (lazily loaded) profiles."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self._profiles = profiles

    def __len__(self) -> int:
        return len(self._profiles)

    @overload
    def __getitem__(self, i: int) -> Claim: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Claim]: ...
    def __getitem__(self, i: int | slice) -> Claim | Sequence[Claim]:
        if isinstance(i, slice):
            return [p.claim for p in self._profiles[i]]
        return self._profiles[i].claim


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


def _reference_date(record: Record) -> date | None:
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
    return date.fromisoformat(str(raw)) if raw else _reference_date(record)


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
    return Profile(
        claim=c,
        en_vocab=frozenset(en_tokens(" ".join([c.text_en, *c.terms_en, *en_examples, *en_others]))),
        ja_vocab=frozenset(
            ja_tokens(" ".join([c.text_ja, c.quote, *c.terms_ja, *ja_examples, *ja_others]))
        ),
        en_said=frozenset(en_tokens(" ".join([c.text_en, *c.terms_en, *en_examples]))),
        ja_said=frozenset(ja_tokens(" ".join([c.text_ja, c.quote, *c.terms_ja, *ja_examples]))),
        en_core=frozenset(en_tokens(c.text_en)),
        ja_core=frozenset(ja_tokens(c.text_ja)),
        entities=frozenset(e for e in ents if e),
        money=_merge_q(money, (*fe.money, *fj.money)),
        dates=tuple(dates),
        counts=_merge_q(counts, (*fe.counts, *fj.counts)),
        percents=_merge_q(percents, (*fe.percents, *fj.percents)),
        negated=c.negated,
        en_text=nfkc("NFKC", c.text_en),
        ja_text=nfkc("NFKC", c.text_ja),
        en_forms=tuple(nfkc("NFKC", t).lower() for t in [c.text_en, *en_examples]),
        ja_forms=tuple(nfkc("NFKC", t) for t in [c.text_ja, c.quote, *ja_examples]),
    )


def build_index(record: Record) -> Index:
    """Profile every claim and passage; document frequencies and the inverted index."""
    ref = _reference_date(record)
    matcher = EntityMatcher(record.entities.values(), related_entities(record.claims))
    index = Index(record, matcher, ref)
    df_en: dict[str, int] = defaultdict(int)
    df_ja: dict[str, int] = defaultdict(int)
    postings: dict[str, list[int]] = {}
    profiles: list[Profile] = []
    for i, c in enumerate(record.claims):
        prof = profile(c, matcher, source_date(record, c.source))
        profiles.append(prof)
        for t in prof.en_vocab:
            df_en[t] += 1
        for t in prof.ja_vocab:
            df_ja[t] += 1
        for key in {*("en:" + t for t in prof.en_vocab), *("ja:" + t for t in prof.ja_vocab),
                    *("e:" + e for e in prof.entities)}:  # fmt: skip
            postings.setdefault(key, []).append(i)
    index.profiles = profiles
    index.postings = Postings(postings)
    n = max(1, len(record.claims))
    index.idf_en = {t: math.log(1 + n / d) for t, d in df_en.items()}
    index.idf_ja = {t: math.log(1 + n / d) for t, d in df_ja.items()}
    for p, about in zip(record.passages, _passage_claims(record), strict=True):
        index.passages.append(PassageProfile(p, normalized(p.text), about))
    return index


def _passage_claims(record: Record) -> list[tuple[str, str] | None]:
    """For each passage, the first claim (in record order) whose quoted passage starts within
    it or which it starts within: the claim a near copy of that passage is about."""
    by_source: dict[str, list[tuple[int, int]]] = defaultdict(list)  # (start, passage index)
    for k, p in enumerate(record.passages):
        by_source[p.source].append((p.start, k))
    for rows in by_source.values():
        rows.sort()  # passages of one source do not overlap
    found: list[tuple[str, str] | None] = [None] * len(record.passages)
    for c in record.claims:
        q = c.passage
        rows = by_source.get(q.source, []) if q else []
        if q is None or not rows:
            continue
        first = bisect_left(rows, (q.start, -1))
        hits = [k for start, k in rows[first:] if start < q.start + len(q.text) + 1]
        if first > 0:  # the passage that begins before the quote may hold its start
            start, k = rows[first - 1]
            if q.start < start + len(record.passages[k].text):
                hits.append(k)
        for k in hits:
            if found[k] is None:
                found[k] = (c.id, c.text_en)
    return found


SHORTLIST = 24  # claims scored in full per statement, out of those sharing a word or name
COMMON = 200  # a word or name in more claims than this (and 1% of them) is a common one


def _weights(index: Index, f: Features, wanted: int | None) -> dict[int, float]:
    """For every claim sharing a word or a name with the statement, the weight (IDF) of what
    they share.

    In a large record a common word (in hundreds of claims) is not walked claim by claim:
    it only adds its weight to the claims found through the statement's rarer words and
    names. When those are fewer than ``wanted``, the common words are walked from the least
    common up, each in full until ``wanted`` claims are found, the more common ones then
    only adding their weight to those (a claim left out shares none of the words walked in
    full: it is found by nothing but commoner words). ``wanted=None`` walks every word. A
    record where no word is that common (the bundled one) is always walked in full."""
    prefix = "ja:" if f.japanese else "en:"
    idf = index.idf_ja if f.japanese else index.idf_en
    n = len(index.profiles)
    terms: list[tuple[str, Sequence[int], float]] = [
        (prefix + t, index.postings.get(prefix + t, ()), idf.get(t, 0.0)) for t in f.tokens
    ]
    for e in f.entities:
        hits = index.postings.get("e:" + e, ())
        terms.append(("e:" + e, hits, math.log(1 + n / max(1, len(hits)))))
    limit = max(COMMON, n // 100)
    common = [term for term in terms if len(term[1]) > limit]
    weight: dict[int, float] = defaultdict(float)
    for _, hits, w in terms if not common else [t for t in terms if len(t[1]) <= limit]:
        for i in hits:
            weight[i] += w
    common.sort(key=lambda term: len(term[1]))  # the least common first
    for _, hits, w in common:
        if wanted is None or len(weight) < wanted:  # too few found through rarer words
            for i in hits:
                weight[i] += w
        elif 16 * len(weight) < len(hits):  # a few claims: look each up in the sorted list
            for i in weight:
                k = bisect_left(hits, i)
                if k < len(hits) and hits[k] == i:
                    weight[i] += w
        else:
            for i in hits:
                if i in weight:
                    weight[i] += w
    return weight


def candidates(
    index: Index, f: Features, limit: int = 6, shortlist: int | None = SHORTLIST
) -> list[Candidate]:
    """The best-matching claims, strongest first.

    The inverted index adds up, for every claim sharing a word or a name with the statement,
    the weight (IDF) of what they share; only the ``shortlist`` heaviest are scored in full
    with rapidfuzz, so the cost per statement does not grow with the size of the record.
    ``shortlist=None`` scores every claim that shares anything (the reference behaviour).
    """
    weight = _weights(index, f, shortlist)
    pool: list[int] = list(weight)
    if shortlist is not None and len(pool) > shortlist:
        pool = heapq.nlargest(shortlist, pool, key=weight.__getitem__)  # stable, as sorted()
    scored = []
    query = _Query(index, f)
    profs = [index.profiles[i] for i in pool]
    for prof, fz in zip(profs, query.similarity(profs), strict=True):
        cov = query.coverage(prof)
        scored.append(Candidate(prof, query.score(prof, fz), 1.0 if cov is None else cov))
    scored.sort(key=lambda c: (-c.score, c.profile.claim.id))
    return scored[:limit]


def closest_passage(index: Index, f: Features) -> tuple[PassageProfile, float] | None:
    """The source passage a statement nearly copies (rapidfuzz ratio), if any: the first of
    the best among those of a similar length."""
    n = len(f.text)
    if index.by_length is None:
        order = sorted(range(len(index.passages)), key=lambda k: len(index.passages[k].norm))
        index.by_length = ([len(index.passages[k].norm) for k in order], order)
    lengths, order = index.by_length

    def similar(length: int) -> bool:  # within 40% of the longer
        return abs(length - n) <= 0.4 * max(length, n)

    # those are one run of the sorted lengths (about 0.6 n to n / 0.6): found by bisection
    # a character wide of each end, then trimmed with the exact test
    lo, hi = bisect_left(lengths, int(0.6 * n) - 1), bisect_left(lengths, int(n / 0.6) + 2)
    while lo < hi and not similar(lengths[lo]):
        lo += 1
    while hi > lo and not similar(lengths[hi - 1]):
        hi -= 1
    near = [index.passages[k] for k in sorted(order[lo:hi])]
    if not near:
        return None
    found = process.extractOne(f.text, [pp.norm for pp in near], scorer=fuzz.ratio,
                               processor=None)  # fmt: skip
    return (near[found[2]], found[1]) if found else None
