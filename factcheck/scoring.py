"""The topic score of a statement and a claim (0 to 100): IDF-weighted coverage of the
statement's words by the claim's, of the claim's own words by the statement's, shared names
and rapidfuzz similarity. The statement's side is prepared once for all its candidates."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import compress, repeat
from typing import TYPE_CHECKING, Any, Protocol

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from factcheck.features import Features

__all__ = ["content_coverage", "score"]


class Profile(Protocol):
    """What the score reads of a claim's profile (``index.profile.Profile``)."""

    @property
    def en_vocab(self) -> frozenset[str]: ...
    @property
    def ja_vocab(self) -> frozenset[str]: ...
    @property
    def en_said(self) -> frozenset[str]: ...
    @property
    def ja_said(self) -> frozenset[str]: ...
    @property
    def en_core(self) -> frozenset[str]: ...
    @property
    def ja_core(self) -> frozenset[str]: ...
    @property
    def entities(self) -> frozenset[str]: ...
    @property
    def en_forms(self) -> tuple[str, ...]: ...
    @property
    def ja_forms(self) -> tuple[str, ...]: ...

    @property
    def en(self) -> Words: ...
    @property
    def ja(self) -> Words: ...

    scored: dict[bool, Any] | None  # (for :func:`_own`)


class Words(Protocol):
    """A claim's words in one language (``index.profile.Words``)."""

    @property
    def vocab(self) -> frozenset[str]: ...
    @property
    def said(self) -> frozenset[str]: ...


class Index(Protocol):
    """What the score reads of the index (``index.store.Index``): claims and word weights."""

    @property
    def profiles(self) -> Sequence[Profile]: ...
    @property
    def idf_en(self) -> dict[str, float]: ...
    @property
    def idf_ja(self) -> dict[str, float]: ...


def _coverage(
    tokens: frozenset[str], vocab: frozenset[str], idf: dict[str, float], default: float
) -> float:
    # (iterators rather than generators: the same additions in the same order, in C)
    total = sum(map(idf.get, tokens, repeat(default)))
    if total == 0:
        return 0.0
    return sum(map(idf.get, filter(vocab.__contains__, tokens), repeat(default))) / total


class _Weighted:
    """A statement's words with their weights (IDF), looked up once per statement rather
    than once per claim it is scored against; the sums are taken in the same order as
    :func:`_coverage` takes them, so every share is the same number."""

    __slots__ = ("total", "weights", "words")

    def __init__(self, tokens: frozenset[str], idf: dict[str, float], default: float) -> None:
        self.words = list(tokens)
        self.weights = list(map(idf.get, self.words, repeat(default)))
        self.total = sum(self.weights)

    def share(self, vocab: frozenset[str]) -> float:
        """``_coverage(tokens, vocab, idf, default)``."""
        if self.total == 0:
            return 0.0
        return sum(compress(self.weights, map(vocab.__contains__, self.words))) / self.total


def _own(prof: Profile, japanese: bool, idf: dict[str, float], default: float) -> _Weighted:
    """The claim's own words in one language with their weights, looked up once per claim
    (kept on its profile, for the word weights of the index it was first scored in)."""
    kept = prof.scored
    if kept is None:
        prof.scored = kept = {}
    held = kept.get(japanese)
    if held is None or held[0] is not idf or held[1] != default:
        core = prof.ja_core if japanese else prof.en_core
        held = kept[japanese] = (idf, default, _Weighted(core, idf, default))
    own: _Weighted = held[2]
    return own


class _Query:
    """One statement's side of the topic score, prepared once for all its candidates."""

    __slots__ = ("content", "default", "f", "gist", "idf", "low")

    def __init__(self, index: Index, f: Features) -> None:
        self.f = f
        self.default = math.log(1 + len(index.profiles))
        self.idf = index.idf_ja if f.japanese else index.idf_en
        self.low = f.text if f.japanese else f.text.lower()
        self.content = _Weighted(f.content, self.idf, self.default) if f.content else None
        self.gist = _Weighted(f.gist, self.idf, self.default) if f.gist else None

    def similarity(self, profs: Sequence[Profile]) -> list[float]:
        """The rapidfuzz similarity (0 to 1) of the statement to each claim's closest
        phrasing, every phrasing of every claim scored in one call."""
        japanese = self.f.japanese
        forms: list[str] = []
        owner: list[int] = []
        for k, prof in enumerate(profs):
            mine = prof.ja_forms if japanese else prof.en_forms
            forms += mine
            owner += [k] * len(mine)
        scorer = fuzz.partial_ratio if japanese else fuzz.token_set_ratio
        best = [0.0] * len(profs)
        for _, value, j in process.extract(self.low, forms, scorer=scorer, processor=None,
                                           limit=None):  # fmt: skip
            best[owner[j]] = max(best[owner[j]], value)
        return [b / 100 for b in best]

    def rated(self, profs: Sequence[Profile]) -> list[tuple[float, float]]:
        """Each claim's :meth:`score` (with its :meth:`similarity`) and :meth:`coverage`
        (1.0 for a statement that is all names), its words in the statement's language read
        once."""
        japanese, gist = self.f.japanese, self.gist
        out = []
        for prof, fz in zip(profs, self.similarity(profs), strict=True):
            words = prof.ja if japanese else prof.en
            cov = 1.0 if gist is None else gist.share(words.said)
            out.append((self._score(prof, words.vocab, fz), cov))
        return out

    def score(self, prof: Profile, fz: float | None = None) -> float:
        """:func:`score` of the statement and ``prof`` (``fz``: its :meth:`similarity`)."""
        japanese = self.f.japanese
        if fz is None:
            scorer = fuzz.partial_ratio if japanese else fuzz.token_set_ratio
            forms = prof.ja_forms if japanese else prof.en_forms
            fz = max((scorer(self.low, t) for t in forms), default=0.0) / 100
        return self._score(prof, prof.ja_vocab if japanese else prof.en_vocab, fz)

    def _score(self, prof: Profile, vocab: frozenset[str], fz: float) -> float:
        f = self.f
        # what the statement says about its names; a statement that is all names ("Brockman,
        # Stripe's CTO") is judged by the names alone
        ent = len(f.entities & prof.entities) / len(f.entities) if f.entities else 0.5
        cov = ent if self.content is None else self.content.share(vocab)
        ccov = _own(prof, f.japanese, self.idf, self.default).share(f.tokens)
        return 100 * (0.45 * cov + 0.15 * ccov + 0.2 * ent + 0.2 * fz)

    def coverage(self, prof: Profile) -> float | None:
        """:func:`content_coverage` of the statement by ``prof`` (what it says)."""
        if self.gist is None:
            return None
        return self.gist.share(prof.ja_said if self.f.japanese else prof.en_said)


def score(index: Index, f: Features, prof: Profile) -> float:
    """Topic match of a statement and a claim, 0 to 100."""
    return _Query(index, f).score(prof)


def content_coverage(
    index: Index, f: Features, prof: Profile, said_only: bool = True
) -> float | None:
    """How much of what the statement says about its names the claim's words cover (IDF
    weighted); None for a statement that is all names."""
    words = f.gist if said_only else f.content
    if not words:
        return None
    if f.japanese:
        vocab = prof.ja_said if said_only else prof.ja_vocab
        return _coverage(words, vocab, index.idf_ja, math.log(1 + len(index.profiles)))
    vocab = prof.en_said if said_only else prof.en_vocab
    return _coverage(words, vocab, index.idf_en, math.log(1 + len(index.profiles)))
