"""What the candidate claims state, as the verdict reads it: evidence for the comparison
rules (``evidence_of_claim``), and for the alignment that decides "supported" (``said_by``,
``opposites``, ``aligned_but_names``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.features import Features, blanked
from factcheck.normalize.names import EntityMatcher, Mention
from factcheck.normalize.polarity import opposed
from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import canonical, opens_with
from factcheck.verdict.alignment import Said, said, unaligned
from factcheck.verdict.base import Evidence, Outcome
from factcheck.verdict.names import AGENTS, EXCLUSIVE_ROLES

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


def aligned_but_names(f: Features, c: Candidate) -> bool:
    """Does the claim account for everything the statement says apart from its names (which
    the alignment leaves to the name rules)?"""
    return not unaligned(f, blanked(f), said_by(c.profile)).decisive()


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


_WORD = LazyPattern(r"[A-Za-z][A-Za-z'-]*")
_LIGHT_VERBS = frozenset(
    [
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "also",
        "then",
        "later",
        "first",
        "once",
        "never",
        "did",
        "does",
        "soon",
        "eventually",
        "even",
        "still",
        "again",
        "already",
    ]
)
# verbs of saying tell who speaks, which the speaker rule reads (verdict/rules/speaker.py)
_SAYING = frozenset(
    [
        "say",
        "says",
        "said",
        "write",
        "writes",
        "wrote",
        "tell",
        "tells",
        "told",
        "claim",
        "claims",
        "claimed",
        "allege",
        "alleges",
        "alleged",
        "argue",
        "argues",
        "argued",
        "insist",
        "insists",
        "insisted",
        "state",
        "states",
        "stated",
    ]
)
_GROUP = LazyPattern(r"\s*(?:,|and|&|with)?\s*", re.IGNORECASE)
# the people who act for an organisation or a person: "OpenAI's executives rejected ..." and
# 「OpenAIの幹部は…拒否した」 are the organisation acting (language knowledge, not facts)
_EN_BODY = LazyPattern(
    r"['’]s\s+(?:top\s+|senior\s+)?(?:executives|leaders|leadership|board|directors|founders|"
    r"staff|employees|engineers|researchers|lawyers|attorneys|team|management|managers|"
    r"officials|spokesperson|spokesman|spokeswoman|representatives)\b",
    re.IGNORECASE,
)
_JA_BODY = LazyPattern(
    r"(?:氏|さん|社)?の(?:幹部|経営陣|取締役会|理事会|役員|従業員|社員|研究者|弁護士|弁護団|チーム|"
    r"創業者|首脳|広報|代表者|担当者)(?:ら|たち)?"
)


def acting_end(text: str, end: int, japanese: bool) -> int:
    """Where the acting party named up to ``end`` ends: after "'s executives" or 「の幹部」
    when its people act for it, else ``end``."""
    m = (_JA_BODY if japanese else _EN_BODY).match(text, end)
    return m.end() if m else end


_HE = LazyPattern(r"\s+\w+\s+(?:that\s+)?(?:he|she|it|they)(?:\s+(?:had|has|have|would|will))?\s+$")


def _agents_before(matcher: EntityMatcher, text: str, at: int) -> set[str]:
    """The agents of the words at ``at``: the nearest person or organisation named before it,
    with those listed beside it ("Musk and Altman co-founded")."""
    ms = [m for m in matcher.find(text)
          if m.end <= at and matcher.kind.get(m.entity) in AGENTS]  # fmt: skip
    if not ms:
        return set()
    end = acting_end(text, ms[-1].end, japanese=False)
    # (right before it: two words at most, no comma; "he even boldly proposed" has none;
    # or a pronoun that stands for it: "Musk announced he had cut off")
    if "," in text[end:at] or (len(text[end:at].split()) > 2 and not _HE.match(text, end, at)):
        return set()
    if text.startswith(("'s", "’s"), end):  # "OpenAI's largest funder": not its act
        return set()
    group = [ms[-1]]
    for m in reversed(ms[:-1]):
        if not _GROUP.fullmatch(text[m.end : group[-1].start]):
            break
        group.append(m)
    return {m.entity for m in group}


def misbound(matcher: EntityMatcher, f: Features, allies: list[Profile]) -> tuple[str, ...]:
    """The statement's main verb when the cited claims say it only of another party the
    statement names: "Altman sued Musk" is not told by "After Musk sued, Altman wrote ..."
    (English: the verb right after the name that opens the statement; Japanese: the verbal
    noun that ends it, 「…に成功した」)."""
    if f.japanese:
        return _misbound_ja(matcher, f, allies)
    agents = [m for m in f.mentions if matcher.kind.get(m.entity) in AGENTS]
    if not agents or not opens_with(f.text, agents[0].start):
        return ()
    subject = _agents_before(matcher, f.text, agents[0].end)
    verb = next((w for w in _WORD.finditer(f.text, acting_end(f.text, agents[0].end, False))
                 if w.group(0).lower() not in _LIGHT_VERBS and not w.group(0).endswith("ly")), None)  # fmt: skip
    if verb is None or verb.group(0)[:1].isupper() or verb.group(0).lower() in _SAYING:
        return ()
    stem = canonical(verb.group(0))
    seen = False
    for p in allies:
        for w in _WORD.finditer(p.en_text):
            if canonical(w.group(0)) != stem:
                continue
            theirs = _agents_before(matcher, p.en_text, w.start())
            if not theirs or theirs & subject or not theirs <= f.entities:
                return ()  # said of the same one (or of no one the statement swaps in)
            seen = True
    return (verb.group(0),) if seen else ()


_JA_VERBAL = LazyPattern(r"([\u4e00-\u9fff]{2,})(?=し|する|され|させ)")
_JA_TOPIC = LazyPattern(r"(?:氏|さん|社)?(?:は|が)")


def _ja_actor(matcher: EntityMatcher, text: str, at: int) -> str | None:
    """The person or organisation marked as acting (は/が) nearest before ``at`` in its
    sentence: 「グーグルはディープマインドの買収に成功した」 -> google."""
    start = text.rfind("。", 0, at) + 1
    for m in reversed(matcher.find(text[start:at])):
        if matcher.kind.get(m.entity) not in AGENTS:
            continue
        if _JA_TOPIC.match(text, acting_end(text, start + m.end, japanese=True)):
            return m.entity
    return None


def _misbound_ja(matcher: EntityMatcher, f: Features, allies: list[Profile]) -> tuple[str, ...]:
    agents = [m for m in f.mentions if matcher.kind.get(m.entity) in AGENTS]
    if not agents or any(ch in f.text[: agents[0].start] for ch in "、,") or agents[0].start > 4:
        return ()
    if not _JA_TOPIC.match(f.text, acting_end(f.text, agents[0].end, japanese=True)):
        return ()
    verbs = list(_JA_VERBAL.finditer(f.text))
    if not verbs or f.text.startswith(("され", "させ"), verbs[-1].end()):
        return ()  # no verbal noun, or a passive: who acts is not the name that opens it
    verb = verbs[-1].group(1)
    if _ja_actor(matcher, f.text, verbs[-1].start()) != agents[0].entity:
        return ()  # the verb of a clause inside it (「グーグルが…計画していると知った」)
    seen = False
    for p in allies:
        for text in (p.ja_text, *p.ja_forms[1:2]):
            at = text.find(verb)
            while at >= 0:
                theirs = _ja_actor(matcher, text, at)
                if theirs is None or theirs == agents[0].entity:
                    return ()  # said of the same one (the particle names the actor, so
                    # unlike word order in English it is trusted for a party not named)
                seen = True
                at = text.find(verb, at + 1)
    return (verb,) if seen else ()


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
    for _, o in others:
        left -= o.agreed
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
