"""Which claims and source passages a statement is about.

A statement is scored against the claims that share at least one word or name with it (the
inverted index, ``postings``), by IDF-weighted word coverage, name overlap and rapidfuzz
similarity (``factcheck/scoring.py``); a source passage it nearly copies is found by
rapidfuzz ratio among those of a similar length.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from rapidfuzz import fuzz, process

from factcheck.scoring import _Query

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.index.profile import Profile
    from factcheck.index.store import Index, PassageProfile


@dataclass(frozen=True, slots=True)
class Candidate:
    profile: Profile
    score: float
    coverage: float = 1.0  # share of what the statement says (names aside) the claim's words cover


SHORTLIST = 24  # claims scored in full per statement, out of those sharing a word or name
COMMON = 200  # a word or name in more claims than this (and 1% of them) is a common one


_Term = tuple[Sequence[int], float]  # a posting list and its weight


def _terms(index: Index, f: Features) -> tuple[list[_Term], list[_Term]]:
    """The posting lists of the statement's words and names, each with its weight: those
    walked in full (in the order of the words) and the common ones (the least common first);
    with no common word, every one is walked in full."""
    prefix = "ja:" if f.japanese else "en:"
    idf = index.idf_ja if f.japanese else index.idf_en
    n = len(index.profiles)
    # (in the order of the words, not of a set: the same sums and ties whatever the hash seed)
    terms: list[_Term] = [(index.postings.get(prefix + t, ()), idf.get(t, 0.0))
                          for t in sorted(f.tokens)]  # fmt: skip
    for e in sorted(f.entities):
        hits = index.postings.get("e:" + e, ())
        terms.append((hits, math.log(1 + n / max(1, len(hits)))))
    limit = max(COMMON, n // 100)
    common = [term for term in terms if len(term[0]) > limit]
    if not common:
        return terms, []
    common.sort(key=lambda term: len(term[0]))  # the least common first (stable)
    return [t for t in terms if len(t[0]) <= limit], common


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
    rare, common = _terms(index, f)
    weight: dict[int, float] = defaultdict(float)
    for hits, w in rare:
        for i in hits:
            weight[i] += w
    for hits, w in common:
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


LARGE = 5_000  # from this many claims, the shortlist is drawn in arrays (numpy), if installed


def _shortlist(index: Index, f: Features, shortlist: int | None) -> list[int]:
    """The claims to score in full: the ``shortlist`` heaviest of :func:`_weights` (ties
    by claim number), or all of them."""
    if shortlist is not None and len(index.profiles) >= LARGE:
        try:
            return _shortlist_arrays(index, f, shortlist)
        except ImportError:  # no numpy: the same, claim by claim
            pass
    weight = _weights(index, f, shortlist)
    pool: list[int] = list(weight)
    if shortlist is not None and len(pool) > shortlist:
        pool = heapq.nlargest(shortlist, sorted(pool), key=weight.__getitem__)  # (stable)
    return pool


def _shortlist_arrays(index: Index, f: Features, shortlist: int) -> list[int]:
    """:func:`_shortlist` in arrays, for a large record: the same additions in the same order
    (a claim's weight is the same number), the claims found held as sorted arrays (their
    numbers, weights and the place in the walk where each was first found, for ties)."""
    import numpy as np

    rare, common = _terms(index, f)
    walked = [(np.frombuffer(cast("memoryview", h), np.int32), w) for h, w in rare if len(h)]
    found, weight, first = _merge(np, [], walked, 0)
    at = sum(len(h) for h, _ in walked)  # places in the walk so far
    for hits, w in common:
        ids = np.frombuffer(cast("memoryview", hits), np.int32)
        if len(found) < shortlist:  # too few found through rarer words: walked in full
            found, weight, first = _merge(np, [(found, weight, first)], [(ids, w)], at)
            at += len(ids)
        elif len(found):  # only adds its weight to the claims already found
            k = np.minimum(np.searchsorted(ids, found), len(ids) - 1)
            weight[ids[k] == found] += w
    if len(found) > shortlist:
        order = np.lexsort((found, -weight))[:shortlist]  # the heaviest; ties by number
    else:
        order = np.argsort(first)
    return [int(i) for i in found[order]]


def _merge(np: Any, held: list[tuple[Any, Any, Any]], walked: list[tuple[Any, float]],
           at: int) -> tuple[Any, Any, Any]:  # fmt: skip
    """The claims ``held`` (numbers, weights, first places) with the posting lists
    ``walked`` from place ``at`` on, each claim's weight added up in the order of the walk
    (``bincount`` adds in the order it is given, from 0.0)."""
    parts = []
    for ids, w in walked:
        parts.append((ids, np.full(len(ids), w), np.arange(at, at + len(ids))))
        at += len(ids)
    every = [*held, *parts]
    if not every:
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64)
    ids = np.concatenate([p[0] for p in every]).astype(np.int64)
    found, where, inverse = np.unique(ids, return_index=True, return_inverse=True)
    weight = np.bincount(inverse, weights=np.concatenate([p[1] for p in every]))
    first = np.concatenate([p[2] for p in every])[where]
    return found, weight, first


def candidates(
    index: Index, f: Features, limit: int = 6, shortlist: int | None = SHORTLIST
) -> list[Candidate]:
    """The best-matching claims, strongest first.

    The inverted index adds up, for every claim sharing a word or a name with the statement,
    the weight (IDF) of what they share; only the ``shortlist`` heaviest are scored in full
    with rapidfuzz, so the cost per statement does not grow with the size of the record.
    ``shortlist=None`` scores every claim that shares anything (the reference behaviour).
    """
    pool = _shortlist(index, f, shortlist)
    profs = [index.profiles[i] for i in pool]
    rated = _Query(index, f).rated(profs)
    scored = [Candidate(prof, score, cov) for prof, (score, cov) in zip(profs, rated, strict=True)]
    scored.sort(key=lambda c: (-c.score, c.profile.claim_id))
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
