"""The prepared record: :class:`Index` holds the record and everything a statement is
searched and judged with (claim profiles, word weights, the inverted index, passages).
It is built once per record (:func:`build_index`), kept in the cache as a head and one item
per claim (:meth:`Index.split`), opened from there (:func:`open_index`) and handed on to
whatever checks text: nothing finds it through a registry."""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, overload

from factcheck.features import Features, extract, normalized
from factcheck.index.postings import Postings
from factcheck.index.profile import Profile, profile, reference_date, source_date
from factcheck.normalize.names import EntityMatcher, related_entities
from factcheck.record import Record

if TYPE_CHECKING:
    from factcheck.model import Claim, Passage


@dataclass(slots=True)
class PassageProfile:
    passage: Passage
    norm: str  # the text as statements are read (NFKC), for near copies
    about: tuple[str, str] | None = None  # the claim (id, English text) it is the passage of
    features: Features | None = None  # read when a statement nearly copies it (Index)


@dataclass(slots=True)
class Index:
    """The record prepared for checking. ``record.claims`` and ``profiles`` are the same
    claims: a list when built here, read one by one from the cache when opened from it."""

    record: Record
    matcher: EntityMatcher
    reference: date | None  # the date relative dates of a statement resolve against
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
        """A new index: this head with its profiles, and a record whose claims are read
        through them."""
        record = replace(self.record, claims=ClaimsView(profiles))
        return replace(self, record=record, profiles=profiles)


class ClaimsView(Sequence["Claim"]):
    """A record's claims, read through the (lazily loaded) profiles."""

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


def build_index(record: Record) -> Index:
    """Profile every claim and passage; document frequencies and the inverted index."""
    matcher = EntityMatcher(record.entities.values(), related_entities(record.claims))
    index = Index(record, matcher, reference_date(record))
    df_en: dict[str, int] = defaultdict(int)
    df_ja: dict[str, int] = defaultdict(int)
    postings: dict[str, array[int]] = {}
    profiles: list[Profile] = []
    for i, c in enumerate(record.claims):
        prof = profile(c, matcher, source_date(record, c.source))
        profiles.append(prof.packed())  # (its words unpickled again when first read)
        for t in prof.en_vocab:
            df_en[t] += 1
        for t in prof.ja_vocab:
            df_ja[t] += 1
        for key in {*("en:" + t for t in prof.en_vocab), *("ja:" + t for t in prof.ja_vocab),
                    *("e:" + e for e in prof.entities)}:  # fmt: skip
            if (ids := postings.get(key)) is None:
                postings[key] = ids = array("i")
            ids.append(i)
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


def open_index(path: str | Path | None = None, extra: list[str | Path] | None = None) -> Index:
    """The record of ``path`` (the bundled one by default) and ``extra`` claims files,
    prepared for checking: from the cache when its content is unchanged."""
    from factcheck.cache import cached, content_key, record_files
    from factcheck.record import bundled_record_path, load_record

    claims = Path(path) if path is not None else bundled_record_path()
    if claims.is_dir():
        claims = claims / "claims.yaml"
    if not claims.is_file():
        return build_index(load_record(claims, extra))  # load_record raises the located error
    key = content_key(record_files(claims, [Path(p) for p in extra or []]))
    head, profiles = cached(key, lambda: build_index(load_record(claims, extra)).split(), Index)
    return head.join(profiles)
