"""What a piece of text says that can be compared: values, names, words, negation."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from factcheck.normalize.concepts import CONCEPTS
from factcheck.normalize.dates import DateValue, extract_dates
from factcheck.normalize.names import EntityMatcher, Mention
from factcheck.normalize.numbers import Quantity, extract_counts, extract_money, extract_percents
from factcheck.normalize.polarity import en_negated, ja_negated
from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import en_tokens, is_japanese, ja_tokens


@dataclass(frozen=True, slots=True)
class Features:
    text: str  # NFKC-normalised
    japanese: bool
    tokens: frozenset[str]
    content: frozenset[str]  # tokens outside the names: what the statement says about them
    gist: frozenset[str]  # the content words that carry meaning (for coverage checks)
    mentions: tuple[Mention, ...]
    entities: frozenset[str]
    money: tuple[Quantity, ...]
    dates: tuple[DateValue, ...]
    counts: tuple[Quantity, ...]
    percents: tuple[Quantity, ...]
    negations: int


_JA_LONE_VERB = LazyPattern(
    r"(?<![\u4e00-\u9fff々])[\u4e00-\u9fff](?![をにがはのでともへやか])[ぁ-ゖ]"
)
_JA_CONTENT = LazyPattern(r"[\u4e00-\u9fff\u30a0-\u30ff々ー]{2}|[a-z][a-z0-9.+-]*")  # Japanese only


def blank(text: str, mentions: tuple[Mention, ...], values: tuple[object, ...] = ()) -> str:
    """The text with its names (and their honorifics, 氏 さん 社) and the given values
    (amounts, counts, dates) replaced by spaces: same length, nothing left to read there."""
    chars = list(text)
    spans = [(m.start, m.end) for m in mentions]
    spans += [(v.start, v.start + len(v.text)) for v in values]  # type: ignore[attr-defined]
    for a, b in spans:
        for i in range(a, min(b, len(chars))):
            chars[i] = " "
    for m in mentions:  # honorifics go with the name
        k = m.end
        while k < len(chars) and text[k] in "氏さん社":
            chars[k] = " "
            k += 1
    return "".join(chars)


# The Japanese forms of each shared concept (normalize/paraphrase.py) of two characters or
# more: a one-character form (会, 送) is part of too many unrelated words to stand for one.
_JA_CONCEPTS = tuple(
    (f"~{k}", tuple(form for form in ja if len(form) >= 2)) for k, (_, ja) in enumerate(CONCEPTS)
)


def ja_terms(text: str) -> set[str]:
    """The bigrams of ``ja_tokens`` and, for each shared concept the text says in any of its
    Japanese forms, one term for the concept ("~2" for 提訴, 訴訟 and 訴え alike), so that
    a paraphrase in other words is found and scored as the same topic, as English stems are
    through their synonyms."""
    out = ja_tokens(text)
    norm = unicodedata.normalize("NFKC", text)
    out.update(term for term, forms in _JA_CONCEPTS if any(f in norm for f in forms))
    return out


def _gist(blanked: str, japanese: bool) -> frozenset[str]:
    """The words that carry what is said about the names: no numbers (values are compared as
    such), and in Japanese only kanji and katakana pairs."""
    if not japanese:
        return frozenset(en_tokens(blanked))
    # Japanese: bigrams of kanji and katakana only ("資金", "合計"); those with kana endings
    # or particles ("に贈", "金は") say how, not what
    return frozenset(t for t in ja_tokens(blanked) if _JA_CONTENT.fullmatch(t))


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def normalized(text: str) -> str:
    """The text as it is read: NFKC, typographic apostrophes as plain ones (same length)."""
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)


def extract(text: str, matcher: EntityMatcher, reference: date | None,
            scope: str | None = None) -> Features:  # fmt: skip
    """What ``text`` says; ``scope``: the source it is read as part of (its own aliases)."""
    norm = normalized(text)  # "didn’t" read as "didn't"
    japanese = is_japanese(norm)
    mentions = tuple(matcher.find(norm, scope))
    blanked = blank(norm, mentions)
    money = extract_money(norm)
    percents = extract_percents(norm)
    found = extract_dates(norm, reference)
    # "six years ago", "6年前": a date (against the source's), not a count of years
    relative = [d for d in found if d.text.endswith(("ago", "前"))]
    ago = [(d.start, d.start + len(d.text)) for d in relative]
    counts = [c for c in extract_counts(norm) if not any(m.start <= c.start < m.end for m in money)
              and not any(a <= c.start < b for a, b in ago)]  # fmt: skip
    dates = [
        d for d in found
        if not any(q.start <= d.start < q.end for q in (*money, *counts, *percents))
    ]  # fmt: skip
    if relative:  # its words ("six years ago") are a value, not what the statement is about
        words, blanked = blank(norm, (), tuple(relative)), blank(blanked, (), tuple(relative))
    else:
        words = norm
    return Features(
        text=norm,
        japanese=japanese,
        tokens=frozenset(ja_terms(words) if japanese else en_tokens(words)),
        content=frozenset(ja_terms(blanked) if japanese else en_tokens(blanked)),
        gist=_gist(blank(norm, mentions, (*money, *counts, *percents, *dates)), japanese),
        mentions=mentions,
        entities=frozenset(m.entity for m in mentions),
        money=tuple(money),
        dates=tuple(dates),
        counts=tuple(counts),
        percents=tuple(percents),
        negations=ja_negated(norm) if japanese else en_negated(norm),
    )


def blanked(f: Features) -> str:
    """The statement with its names and values blanked out: the words said about them."""
    return blank(f.text, f.mentions, (*f.money, *f.counts, *f.percents, *f.dates))
