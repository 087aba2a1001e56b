"""Supported means entailed: what a statement asserts that its evidence does not state.

A statement is supported only when every content unit it asserts (the event, its qualifiers,
the words that say what happened to whom) is accounted for by the evidence: the cited
claim's phrasings, its terms and source passage, or the shared paraphrase lexicon
(``normalize/paraphrase.py``). Names and values are compared by the other rules; this one
looks at the words around them. ``unaligned`` returns the units left over, in the
statement's own words, so that an unknown verdict can name what the record does not state.

A heading or a fragment with no predicate states nothing: ``is_fragment`` tells them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factcheck.normalize.paraphrase import (
    LIGHT_JA,
    QUALIFIERS,
    concept_in,
    concepts_of_ja,
    concepts_of_stem,
    light_stems,
)
from factcheck.normalize.polarity import same_side
from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import canonical, ja_tokens

if TYPE_CHECKING:
    from factcheck.features import Features


@dataclass(frozen=True, slots=True)
class Said:
    """What a piece of evidence says, in the forms the alignment compares: English stems,
    Japanese bigrams, and the texts themselves (for lexicon forms and qualifiers)."""

    en_stems: frozenset[str]
    ja_bigrams: frozenset[str]
    en_texts: tuple[str, ...]  # lower-cased
    ja_texts: tuple[str, ...]


def said(en_texts: tuple[str, ...], ja_texts: tuple[str, ...], en_stems: frozenset[str],
         ja_bigrams: frozenset[str] | None = None) -> Said:  # fmt: skip
    if ja_bigrams is None:
        ja_bigrams = frozenset(ja_tokens(" ".join(ja_texts)))
    return Said(en_stems, ja_bigrams, tuple(t.lower() for t in en_texts), ja_texts)


_EN_WORD = LazyPattern(r"[a-z][a-z0-9'-]*")
_JA_RUN = LazyPattern(r"[\u4e00-\u9fff\u30a0-\u30ff々ー]{2,}")
# a verb of one kanji with its ending (「去った」, 「売った」, not 「手に」): read where nothing
# else in the statement says what happened
_JA_LONE_VERB = LazyPattern(
    r"(?<![\u4e00-\u9fff\u30a0-\u30ff々ー])[\u4e00-\u9fff]"
    r"(?:(?![をにがはのでともへやか])[ぁ-ゖ][\u4e00-\u9fff])*(?![をにがはのでともへやか])[ぁ-ゖ]"
)
_KATAKANA = LazyPattern(r"[\u30a1-\u30faー・]{2,}")


@cache
def _en_qualifier(k: int) -> re.Pattern[str]:
    """The English words of qualifier row ``k``, as one pattern (compiled once)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in QUALIFIERS[k][0]) + r")\b")


def _qualifier_rows(text: str, japanese: bool) -> list[tuple[int, str]]:
    """The qualifiers a text uses: (row in QUALIFIERS, the words as written)."""
    rows = []
    for k, (_, ja) in enumerate(QUALIFIERS):
        if japanese:
            hit = next((form for form in ja if form in text), None)
            if hit:
                rows.append((k, hit))
            continue
        m = _en_qualifier(k).search(text)
        if m:
            rows.append((k, m.group(0)))
    return rows


def _has_qualifier(k: int, ev: Said) -> bool:
    ja = QUALIFIERS[k][1]
    pattern = _en_qualifier(k)
    return any(pattern.search(t) for t in ev.en_texts) or any(
        form in t for form in ja for t in ev.ja_texts
    )


UNALIGNED_TOLERANCE = 0.5  # share of a statement's content words left unaccounted for


@dataclass(frozen=True, slots=True)
class Gap:
    """What the evidence does not account for. ``strong`` units assert a fact of their own
    whatever the phrasing (a qualifier such as "first" or "only", a number, a proper name the
    record does not know); ``weak`` ones are content words the evidence does not use, which
    may be a paraphrase the lexicon lacks. ``share`` is the part of the statement's content
    words left weak."""

    strong: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    share: float = 0.0

    def decisive(self, tolerance: float = UNALIGNED_TOLERANCE) -> tuple[str, ...]:
        """The units that make the statement unsupported: every strong one, and the weak
        ones when they are more than ``tolerance`` of what it says."""
        if self.strong:
            return self.strong + tuple(w for w in self.weak if w not in self.strong)
        short = 0 < len(self.weak) * 2 <= 2 and self.share >= tolerance  # one word of two
        return self.weak if self.share > tolerance or short else ()


def unaligned(f: Features, blanked: str, ev: Said) -> Gap:
    """The statement's content units (its own words, in order) that the evidence does not
    account for. ``blanked`` is the statement with its names and values blanked out."""
    return _unaligned_ja(f, blanked, ev) if f.japanese else _unaligned_en(f, blanked, ev)


def charged(gap: Gap, opposites: list[str]) -> Gap:
    """The gap with its weak words that are ``opposites`` (a word whose opposite a claim on
    the topic uses: 「悪役」 where a claim says 「ヒーロー」) made decisive: such a word carries
    what the statement asserts and is never tolerated as a paraphrase."""
    marked = [p.strip().lower() for p in opposites]
    hot = tuple(w for w in gap.weak if any(p in w.lower() or w.lower() in p for p in marked))
    if not hot:
        return gap
    return Gap(gap.strong + hot, tuple(w for w in gap.weak if w not in hot), gap.share)


_NUMBER = LazyPattern(r"(?<![\w.])\d+(?:[.,]\d+)*")
_PROPER = LazyPattern(r"(?<=[a-z,;] )[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


def _strays(blanked: str, ev: Said) -> list[str]:
    """Numbers left after the values were read (a count with no known unit, "46 pages"),
    which the evidence does not give."""
    texts = " ".join((*ev.en_texts, *ev.ja_texts))
    return [m.group(0) for m in _NUMBER.finditer(blanked) if m.group(0) not in texts]


_QUOTED = LazyPattern(r"「([^」]{1,40})」|『([^』]{1,40})』|\"([^\"]{1,60})\"|“([^”]{1,60})”")


def _quoted(text: str) -> str:
    """The words the statement puts in quotation marks, joined: a quoted word ("a 'villain'",
    「悪役」) is the statement's own claim about what was said, never a loose paraphrase."""
    return " ".join(g for m in _QUOTED.finditer(text) for g in m.groups() if g)


def _unaligned_en(f: Features, blanked: str, ev: Said) -> Gap:
    weak: list[str] = []
    seen: set[str] = set()
    light = light_stems()
    low = blanked.lower()
    for m in _EN_WORD.finditer(low):
        stem = canonical(m.group(0))
        if stem not in f.gist or stem in seen:
            continue
        seen.add(stem)
        if stem in light or accounts_for(m.group(0), ev, japanese=False):
            continue
        weak.append(f.text[m.start() : m.end()])
    strong = [w for k, w in _qualifier_rows(low, japanese=False) if not _has_qualifier(k, ev)]
    # a capitalised word inside the sentence that is no name the record knows: a place, a
    # court, a company ("in Paris", "from Apple")
    strong += [m.group(0) for m in _PROPER.finditer(blanked)
               if m.group(0).lower() not in " ".join(ev.en_texts)]  # fmt: skip
    strong += _strays(blanked, ev)
    quoted = _quoted(f.text)
    strong += [w for w in weak if quoted and re.search(rf"\b{re.escape(w)}\b", quoted)]
    # each unit once, in the statement's own spelling ("Friday", not "friday" and "Friday")
    spelled = {w.lower(): w for w in weak}
    strong = list({w.lower(): spelled.get(w.lower(), w) for w in strong}.values())
    in_strong = {word for u in strong for word in u.lower().split()}  # ("late at night")
    weak = [w for w in weak if w.lower() not in in_strong]
    share = len(weak) / max(1, len(seen))
    return Gap(tuple(strong), tuple(weak), share)


def accounts_for(word: str, ev: Said, japanese: bool) -> bool:
    """Does the evidence say this one word: its stem (English) or most of its bigrams
    (Japanese), a concept of the lexicon, or a synonym the lexicon of opposites holds
    ("jackass" for "idiot")?"""
    if not japanese:
        stem = canonical(word.lower())
        return (stem in ev.en_stems
                or any(concept_in(k, ev.en_stems, ev.ja_texts) for k in concepts_of_stem(stem))
                or same_side(word.lower(), ev.en_texts, japanese=False))  # fmt: skip
    grams = {word[i : i + 2] for i in range(len(word) - 1)}
    covered = {g for g in grams if g in ev.ja_bigrams}
    for k, form in concepts_of_ja(word):
        if concept_in(k, ev.en_stems, ev.ja_texts):
            covered |= {g for g in grams if g in form or form in g}
    return len(covered) * 2 >= len(grams) > 0 or same_side(word, ev.ja_texts, japanese=True)


def _kanji(run: str) -> list[str]:
    return [ch for ch in run if "\u4e00" <= ch <= "\u9fff"]


def _unaligned_ja(f: Features, blanked: str, ev: Said) -> Gap:
    weak: list[str] = []
    total = 0
    runs = list(_JA_RUN.finditer(blanked)) if f.gist else list(_JA_LONE_VERB.finditer(blanked))
    for m in runs:
        run = m.group(0)
        if run in LIGHT_JA:
            continue
        grams = [run[i : i + 2] for i in range(len(run) - 1)]
        grams = [g for g in grams if g in f.gist or not f.gist]
        if not grams:
            continue
        total += 1
        covered = {g for g in grams if g in ev.ja_bigrams}
        for k, form in concepts_of_ja(run):
            if concept_in(k, ev.en_stems, ev.ja_texts):
                covered |= {g for g in grams if g in form or form in g}
        for light in LIGHT_JA:
            if light in run:
                covered |= {g for g in grams if g in light}
        if not f.gist and all(any(k in t for t in ev.ja_texts) for k in _kanji(run)):
            continue  # a verb's kanji the evidence uses, in another form (思う, 思っ)
        if len(covered) * 2 < len(grams) and not same_side(run, ev.ja_texts, japanese=True):
            weak.append(run)
    # a katakana word the evidence does not use, where no name was read: a place, a company
    # or a product the record does not know (「パリで」)
    quoted = _quoted(f.text)
    strong = [w for w in weak if _KATAKANA.fullmatch(w) or (quoted and w in quoted)]
    weak = [w for w in weak if w not in strong]
    # a qualifier the evidence does not give is strong, and so is the run that holds it
    # (「毎週月曜日」)
    for k, w in _qualifier_rows(blanked, japanese=True):
        if _has_qualifier(k, ev):
            continue
        holders = [u for u in weak if w in u]
        weak = [u for u in weak if u not in holders]
        if not any(w in u for u in strong):
            strong += holders or [w]
    strong += _strays(blanked, ev)
    return Gap(tuple(dict.fromkeys(strong)), tuple(weak), len(weak) / max(1, total))


_EN_VERB = LazyPattern(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|can|could|"
    r"may|might|shall|should|must|[a-z]{2,}ed|[a-z]+n't|"
    r"gave|give|took|wrote|told|made|left|kept|sold|began|led|met|won|lost|built|paid|sent|"
    r"said|became|went|ran|got|put|set|cut|let|hit|quit|says|sues|calls|wants|owns|runs|"
    r"leads|holds|makes|takes|gives|claims|denies|plans|seeks|remains|becomes)\b",
    re.IGNORECASE,
)
_JA_PREDICATE = LazyPattern(
    r"(?:[ぁ-ゖ]\s*[」』）)\"']*\s*[。！？!?]?|[。！？])\s*[」』）)\"']*\s*$"
)


def is_fragment(f: Features) -> bool:
    """A heading or fragment: no predicate, nothing asserted ("Early years", 「資金」).

    English: fewer than three words, or no verb form at all. Japanese: short and ending in a
    noun with no sentence end."""
    text = f.text.strip()
    if f.japanese:
        return len(text) < 16 and not _JA_PREDICATE.search(text)
    words = text.split()
    if len(words) < 3:
        return True
    return not _EN_VERB.search(text) and not text.rstrip().endswith((".", "!", "?"))
