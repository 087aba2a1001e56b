"""What the candidate claims state, as the verdict reads it: evidence for the comparison
rules (``evidence_of_claim``), and for the alignment that decides "supported" (``said_by``,
``opposites``, ``aligned_but_names``)."""

from __future__ import annotations

from factcheck.features import Features, blanked
from factcheck.index.profile import Profile
from factcheck.index.search import Candidate
from factcheck.normalize.polarity import opposed
from factcheck.verdict.alignment import Said, said, unaligned
from factcheck.verdict.base import Evidence


def evidence_of_claim(p: Profile) -> Evidence:
    """What a claim states, in comparable form (its profile's values and phrasings)."""
    older = None
    for a in p.claim.values.get("ages") or []:
        if isinstance(a, dict) and a.get("older"):
            older = str(a["older"])
    quote = p.ja_forms[1] if len(p.ja_forms) > 1 else ""
    return Evidence(p.entities, p.money, p.dates, p.counts, p.percents, p.negated,
                    p.en_text, p.ja_text, p.claim.subject, p.claim.obj, older,
                    passage=quote)  # fmt: skip


def said_by(*profiles: Profile) -> Said:
    """What claims state, for the alignment: their phrasings, terms, supported examples and
    source passages."""
    en: list[str] = []
    ja: list[str] = []
    for p in profiles:
        en += [*p.en_forms, *p.claim.terms_en]
        ja += [*p.ja_forms, *p.claim.terms_ja]
    return said(tuple(en), tuple(ja), frozenset().union(*(p.en_said for p in profiles)),
                frozenset().union(*(p.ja_said for p in profiles)))  # fmt: skip


def opposites(f: Features, cands: list[Candidate]) -> list[str]:
    """The statement's words whose opposite one of these claims (its phrasing in the
    statement's language, or its passage) uses."""
    out = []
    for c in cands:
        p = c.profile
        for text in (p.ja_text, *p.ja_forms[1:2]) if f.japanese else (p.en_text,):
            words = opposed(f.text, text, f.japanese)
            if words is not None:
                out.append(words[0])
    return out


def aligned_but_names(f: Features, c: Candidate) -> bool:
    """Does the claim account for everything the statement says apart from its names (which
    the alignment leaves to the name rules)?"""
    return not unaligned(f, blanked(f), said_by(c.profile)).decisive()
