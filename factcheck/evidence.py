"""What the candidate claims state, as the verdict reads it: evidence for the comparison
rules (``evidence_of_claim``), and for the alignment that decides "supported" (``said_by``,
``opposites``, ``aligned_but_names``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.features import Features, blanked
from factcheck.model import Conflict, ConflictKind
from factcheck.normalize.names import EntityMatcher, Mention
from factcheck.normalize.polarity import opposed
from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import canonical
from factcheck.verdict.alignment import Said, said, unaligned
from factcheck.verdict.base import Evidence, Outcome
from factcheck.verdict.names import EXCLUSIVE_ROLES
from factcheck.verdict.rules.speaker import attribution_spans
from factcheck.verdict.values import value_keys

if TYPE_CHECKING:
    from factcheck.index.profile import Profile
    from factcheck.index.search import Candidate


def evidence_of_claim(p: Profile) -> Evidence:
    """What a claim states, in comparable form (its profile's values and phrasings, made once
    per profile)."""
    return p.evidence


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


def aligned_but_names(f: Features, c: Candidate, text: str | None = None) -> bool:
    """Does the claim account for everything the statement says apart from its names (which
    the alignment leaves to the name rules)? ``text``: the statement blanked, if not all of
    it is read (what it reports, apart from who says it)."""
    return not unaligned(f, blanked(f) if text is None else text, said_by(c.profile)).decisive()


_NAMED = ("person", "org", "product")


def untold(matcher: EntityMatcher, f: Features, allies: list[Profile],
           witnesses: list[Profile]) -> tuple[str, ...]:  # fmt: skip
    """The titles and names the statement asserts that no single cited claim holds together
    with its subject (its first-named person), in the statement's words.

    "Altman was Musk's funder" is not told by a claim about Altman and another on Musk's
    funding; 「サツケバーも含まれていた」 is not told by a claim that never names him. A title
    beside a name only describes it ("investor Reid Hoffman", "Musk, an early investor,"):
    it is background the record may state elsewhere, except a title one holder has at a time
    (CEO), which must be the claim's. A name may also be told by a ``witness``: another claim
    on the topic that agrees with the statement (the other half of "OpenAI released ChatGPT,
    which hurt the relationship")."""
    subject = next((e for e in named(matcher, f) if matcher.kind.get(e) == "person"), None)
    says = {id(p): _names_said(matcher, p) for p in [*allies, *witnesses]}
    everyone = set().union(*says.values())
    holders = [p for p in allies if subject is None or subject in says[id(p)]]
    held = set().union(*(says[id(p)] for p in holders))
    # a title one holder has at a time is the cited claim's own when the statement dates or
    # counts it: "became CEO in March 2019" is not told by a claim dated March 2019 and
    # another in which he becomes CEO
    # (where the statement gives no value, a close claim that holds its subject may hold it)
    has_values = bool(f.money or f.dates or f.counts or f.percents)
    mine = (holders[:1] if holders[:1] == allies[:1] else []) if has_values else holders
    own = set().union(*(says[id(p)] for p in mine))
    told, told_own = said_by(*holders), said_by(*mine)
    words = [m.text for m in f.mentions
             if matcher.kind.get(m.entity) == "role"
             and (m.entity not in own and not _worded(m.text, told_own)
                  if m.entity in EXCLUSIVE_ROLES
                  else m.entity not in held and not _worded(m.text, told))
             and (m.entity in EXCLUSIVE_ROLES or not _describes(matcher, f, m))]  # fmt: skip
    # a statement that gives a value states one fact: a witness tells its names only when
    # it shares a value with it ("ChatGPT in November 2022" by the launch of that month),
    # not as one more thing about someone ("$20M on Dota 2 in 2017" is not told by the
    # 2017 gift and the Dota project)
    if has_values:
        sharing = [p for p in witnesses if shares_value(f, p)]
        everyone = set().union(*(says[id(p)] for p in [*allies, *sharing]))
    words += [m.text for m in f.mentions
              if matcher.kind.get(m.entity) in _NAMED and m.entity not in everyone]  # fmt: skip
    return tuple(dict.fromkeys(words))


def shares_value(f: Features, p: Profile) -> bool:
    """Does the claim give one of the statement's amounts, dates or counts?"""
    return (
        any(d.agrees(e) for d in f.dates for e in p.dates)
        or any(q.overlaps(c) for q in f.money for c in p.money)
        or any(q.overlaps(c) for q in (*f.counts, *f.percents) for c in (*p.counts, *p.percents))
    )


def _names_said(matcher: EntityMatcher, p: Profile) -> set[str]:
    """The names a claim is filed under and those its phrasings and passage say."""
    return set(p.entities) | {m.entity for text in (p.en_text, *p.ja_forms[:2])
                              for m in matcher.find(text)}  # fmt: skip


def _worded(title: str, told: Said) -> bool:
    """Do the claims say the title in other words ("investor" where they say "investing",
    「投資家」 where they say 「投資」)?"""
    words = [canonical(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", title)]
    if words:
        return all(w in told.en_stems for w in words)
    grams = {title[i : i + 2] for i in range(len(title) - 1)}
    return bool(grams) and len(grams & told.ja_bigrams) * 2 >= len(grams)


_APPOSITION = LazyPattern(r"\s*(?:,\s*(?:(?:a|an|the)\s+)?|、)?", re.IGNORECASE)


def _describes(matcher: EntityMatcher, f: Features, role: Mention) -> bool:
    """Is a title a descriptor of someone named beside it rather than what the statement
    asserts of them ("Altman was Musk's funder", 「マスクの支援者だった」)?"""
    for m in f.mentions:
        kind = matcher.kind.get(m.entity)
        if kind not in ("person", "org") or m.entity == role.entity:
            continue
        if 0 <= m.start - role.end <= 2:  # the title, then the name: "investor Reid Hoffman"
            return True
        if kind == "person" and _APPOSITION.fullmatch(f.text[m.end : role.start]):
            return True  # the name, then the title: 「アルトマンCEO」, "Musk, an investor"
    return False


def named(matcher: EntityMatcher, f: Features) -> list[str]:
    """The people, organisations and products the statement names, in order."""
    return [m.entity for m in f.mentions if matcher.kind.get(m.entity) in _NAMED]


def named_before(matcher: EntityMatcher, f: Features, keys: frozenset[str]) -> set[str]:
    """Those named before the first of these values ("kind:offset" keys)."""
    at = min((int(k.rsplit(":", 1)[1]) for k in keys), default=len(f.text))
    return {m.entity for m in f.mentions if m.start < at and matcher.kind.get(m.entity) in _NAMED}


def foreign_names(matcher: EntityMatcher, f: Features, cands: list[Candidate]) -> bool:
    """Does the statement name a person, organisation or product no candidate involves?"""
    return any(all(e not in c.profile.entities for c in cands) for e in named(matcher, f))


def about_another(matcher: EntityMatcher, f: Features, c: Candidate, keys: frozenset[str],
                  cands: list[Candidate]) -> bool:  # fmt: skip
    """Does the statement name, before the values ``keys``, someone (or something) the claim
    leaves out that a closer candidate involves? Then the claim's value is another event's
    ("Musk founded xAI in July 2023" against OpenAI's founding in 2015)."""
    closer = [d for d in cands if d.score > c.score]
    return any(e not in c.profile.entities and any(e in d.profile.entities for d in closer)
               for e in named_before(matcher, f, keys))  # fmt: skip


def elsewhere(matcher: EntityMatcher, f: Features, best: Candidate, cands: list[Candidate]) -> bool:
    """Is the statement about a person, organisation or product the claim does not involve:
    its first-named one, or one no candidate claim involves at all?"""
    first = named(matcher, f)[:1]
    return bool(first) and (
        first[0] not in best.profile.entities or foreign_names(matcher, f, cands)
    )


def foreign(matcher: EntityMatcher, out: Outcome, cands: list[Candidate]) -> str | None:
    """A name in the statement that none of the candidate claims involves: the statement is
    about something the record does not cover here."""
    names = sorted(
        matcher.display(key.split(":", 1)[1]) for key in out.unmatched
        if key.startswith("entity:")
        and matcher.kind.get(key.split(":", 1)[1]) != "role"
        and not any(key.split(":", 1)[1] in c.profile.entities for c in cands)
    )  # fmt: skip
    return ", ".join(names) or None


def unexplained(matcher: EntityMatcher, best: Outcome, others: list[tuple[Candidate, Outcome]],
                 cands: list[Candidate]) -> str | None:  # fmt: skip
    """What the statement says that no close candidate confirms (a value, or a name the
    candidates never mention), in words; None when everything is accounted for."""
    left = set(best.unmatched)
    for _, o in others:  # (who says it is the cited claim's to confirm, not another's:
        left -= {k for k in o.agreed if not k.startswith("speaker:")}  # one on other words)
    names = set()
    for key in list(left):
        if key.startswith("entity:"):
            eid = key.split(":", 1)[1]
            if any(eid in c.profile.entities for c in cands):
                left.discard(key)
            else:
                names.add(matcher.display(eid))
    if not left:
        return None
    if names:
        return "anything about " + ", ".join(sorted(names)) + " here"
    kinds = sorted({k.split(":")[0] for k in left})
    if kinds == ["speaker"]:  # (verdict/rules/speaker.py)
        return "it as said by the statement's speaker (it has it from someone else)"
    return "the statement's " + ", ".join(kinds)


def reported(f: Features) -> str:
    """The statement blanked, without its attribution ("Altman told staff in a memo")."""
    text = blanked(f)
    for a, b in attribution_spans(f):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def swapped_slot(
    matcher: EntityMatcher, f: Features, best: Candidate, out: Outcome
) -> Conflict | None:
    """A name the record does not involve here, standing where the claim has another of the
    same kind that the statement leaves out ("recruited from Apple" where the claim says
    Google; "an ashram in Nepal" where it says India): the reason, when the claim accounts
    for everything else the statement says and every value agrees."""
    kinds = ("person", "org", "place", "product")
    spans = attribution_spans(f)  # (who says it is the speaker rule's)
    new = {m.entity for m in f.mentions
           if m.entity not in best.profile.entities and matcher.kind.get(m.entity) in kinds
           and not any(a <= m.start < b for a, b in spans)}  # fmt: skip
    if len(new) != 1 or out.vague or not value_keys(f) <= out.agreed:
        return None
    (eid,) = new
    kind = matcher.kind.get(eid)
    # the names the claim itself says (not those it is only filed under)
    said = {m.entity for text in (best.profile.en_text, best.profile.ja_text)
            for m in matcher.find(text)}  # fmt: skip
    instead = [e for e in best.profile.entities
               if matcher.kind.get(e) == kind and e not in f.entities and e in said
               and not matcher.nested(eid, e)]  # fmt: skip
    if len(instead) != 1 or not aligned_but_names(f, best, reported(f)):
        return None
    lang = "ja" if f.japanese else "en"
    said_as = next(m.text for m in f.mentions if m.entity == eid)
    return Conflict(ConflictKind.NAME,
                    f"{kind} differs: the statement says {matcher.display(eid, lang)}; "
                    f"the source says {matcher.display(instead[0], lang)}",
                    said_as, matcher.display(instead[0], lang))  # fmt: skip
