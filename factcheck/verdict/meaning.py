"""Meaning: negation, opposite words and comparisons."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.model import ConflictKind
from factcheck.normalize.polarity import (
    en_negated,
    en_negated_texts,
    implicit_negation,
    ja_negated,
    opposed,
)
from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import en_tokens
from factcheck.verdict.base import Evidence, Outcome, conflict

if TYPE_CHECKING:
    from factcheck.features import Features


NEGATION = ConflictKind.NEGATION


def _opposite(words: tuple[str, str]) -> Outcome:
    said, source = words[0].strip(), words[1].strip()
    return conflict(ConflictKind.MEANING,
                    f"meaning differs: the statement says “{said}”; the source says “{source}”",
                    said, source)  # fmt: skip


def polarity(f: Features, ev: Evidence) -> Outcome:
    """Negation and opposite words: the statement contradicts when exactly one of them flips
    the evidence ("did not succeed" agrees with "failed"; "did not agree" contradicts
    "agreed"). Both sides are read by the same rules."""
    japanese = f.japanese
    ev_text = ev.text_ja if japanese else ev.text_en
    if not ev_text:
        return Outcome()
    count = ja_negated if japanese else en_negated
    if ev.copy and count(f.text) != count(ev_text):
        return conflict(NEGATION, "negation: the statement adds or drops a negation of the source")
    words = opposed(f.text, ev_text, japanese)
    if (
        words is None
        and japanese
        and _one_clause(ev.passage)
        and not opposed(ev_text, ev.passage, japanese)
    ):
        # the passage says more than the claim's phrasing ("非営利の研究機関"): an opposite of
        # what it says contradicts too, where the passage is one clause (in "A accused, but B
        # denied" each side of the contrast has its own subject)
        words = opposed(f.text, ev.passage, japanese)
        if words is not None:
            return _opposite(words)
    stmt_text, ev_rest = f.text, ev_text
    if words:  # the opposite words themselves may be negative ("no longer"): count them once
        stmt_text, ev_rest = f.text.replace(words[0], " "), ev_text.replace(words[1], " ")
    ev_neg = count(ev_rest) > 0 or implicit_negation(ev_rest, japanese)
    stmt_neg = count(stmt_text) > 0 or (ev_neg and implicit_negation(stmt_text, japanese))
    if (stmt_neg != ev_neg) != (words is not None):
        if words is not None:
            return _opposite(words)
        if stmt_neg:
            return conflict(NEGATION, "negation: the statement denies what the source states")
        if not japanese and not _in_scope(f.text, ev_rest):
            return Outcome()  # it affirms another part of the claim than the one it negates
        return conflict(NEGATION, "negation: the source states it did not happen")
    return Outcome()


def _in_scope(statement: str, claim: str) -> bool:
    """Does the statement say one of the words the claim's negations negate ("failed to
    produce breakthrough results": not "poured resources into AI", the other part of
    "despite pouring resources into AI, OpenAI failed to produce breakthroughs")? A claim
    whose negation negates no word of its own (an implicit one) is in scope throughout."""
    negated: set[str] = set()
    for after in en_negated_texts(claim):
        stems = [s for w in after.split()[:6] for s in sorted(en_tokens(w))]
        negated.update(stems[:_SCOPE])
    return not negated or bool(negated & en_tokens(statement))


_SCOPE = 2  # content words after an English negation that it negates


_CONTRAST = LazyPattern(r"が、|ものの|一方|しかし|だが|けれど|にもかかわらず")


def _one_clause(passage: str) -> bool:
    return bool(passage) and not _CONTRAST.search(passage)


_COMPARATIVE = LazyPattern(
    r"\b(?:more|less|fewer|higher|lower|bigger|larger|smaller|greater|richer|earlier|later|"
    r"older|younger)\b[^.;]*?\bthan\b(?!\s*(?:\$|\d|once|ever|before|usual|(?:(?:he|she|they|we|it)\s+)?(?:had\s+)?(?:expected|hoped|wanted)))"
    r"|より(?:も)?(?:[^。、！？]{0,12}?(?:多|少|高|低|大き|小さ|早|遅)|年上|年下|前|後)",
    re.IGNORECASE,
)
_COMPARES = LazyPattern(
    r"\b(?:more|less|fewer|most|least|largest|biggest|smallest|greatest|older|younger|"
    r"higher|lower|better|worse|only)\b|より|最も|最大|唯一|年上|年下",
    re.IGNORECASE,
)


_AGAINST_ALL = LazyPattern(
    r"\bthan\s+(?:any(?:one|body|thing)?|all|every(?:one|body)?)\b(?:\s+(?:other|else))?"
    r"|(?:誰|どこ|何|他の\w{0,6})よりも?",
    re.IGNORECASE,
)


def comparison(f: Features, ev: Evidence) -> Outcome:
    """A comparison ("more money than Google", "more in 2016 than in 2017") is confirmed only
    by evidence that compares too: one of two sides ("more than"), or, for a comparison with
    everyone else ("more than anyone"), a superlative ("the largest"). "The largest funder"
    says nothing of which year he gave more in."""
    m = _COMPARATIVE.search(f.text)
    if m is None:
        return Outcome()
    texts = (ev.text_en, ev.text_ja, ev.passage)
    against_all = _AGAINST_ALL.search(f.text) is not None
    word = re.match(r"\w+", m.group(0))
    same_word = (
        word is not None
        and word.group(0).isascii()
        and re.search(rf"\b{word.group(0)}\b", ev.text_en, re.IGNORECASE)
    )  # "less woke than ChatGPT" against "a less woke rival to ChatGPT"
    if (
        same_word
        or any(_COMPARATIVE.search(t) for t in texts)
        or (against_all and any(_COMPARES.search(t) for t in texts))
    ):
        return Outcome(agreed=frozenset({f"comparison:{m.start()}"}))
    return Outcome(unmatched=frozenset({f"comparison:{m.start()}"}))
