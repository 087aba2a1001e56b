"""Who acts in a statement or a claim's phrasing: the agent of a verb (the name before it,
an organisation's people acting for it, a possessive before an event noun, a pronoun that
stands for a name; in Japanese the name marked by は/が), and the statement's main verb when
the cited claims say it only of someone else (``misbound``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import canonical, en_tokens, opens_with
from factcheck.verdict.alignment import Said, accounts_for
from factcheck.verdict.names import AGENTS

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.index.profile import Profile
    from factcheck.normalize.names import EntityMatcher


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
_GROUP = LazyPattern(r"\s*(?:,|and|&|with)?\s*(?:(?:other|fellow|several|some)\s+)?", re.IGNORECASE)
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


_AGENT_NOUN = LazyPattern(r"(?:er|or|ist|ee|ant|ent)s?$", re.IGNORECASE)  # funder, investor


_PLAN_TO = LazyPattern(r"\s+[a-z]+\s+to\s+")  # "Google's plan to acquire"
_OWNED = LazyPattern(r"['’]s(?:\s+[a-z]+\s+to)?\s+$")


def _agents_before(matcher: EntityMatcher, text: str, at: int) -> set[str]:
    """The agents of the words at ``at``: the nearest person or organisation named before it,
    with those listed beside it ("Musk and Altman co-founded")."""
    ms = [m for m in matcher.find(text)
          if m.end <= at and matcher.kind.get(m.entity) in AGENTS]  # fmt: skip
    if not ms:
        return set()
    end = acting_end(text, ms[-1].end, japanese=False)
    if text.startswith(("'s", "’s"), end):  # "OpenAI's largest funder": not its act,
        word = _WORD.match(text, at)  # but "Google's acquisition" and "plan to acquire" are
        between = text[end + 2 : at]
        if not (_PLAN_TO.fullmatch(between) or (not between.strip() and word is not None
                and not _AGENT_NOUN.search(word.group(0)))):  # fmt: skip
            return set()
    # (right before it: two words at most, no comma; "he even boldly proposed" has none;
    # or a pronoun that stands for it: "Musk announced he had cut off")
    elif "," in text[end:at] or (len(text[end:at].split()) > 2 and not _HE.match(text, end, at)):
        return set()
    group = [ms[-1]]
    for m in reversed(ms[:-1]):
        if not _GROUP.fullmatch(text[m.end : group[-1].start]):
            break
        group.append(m)
    return {m.entity for m in group}


def _lead_verb(matcher: EntityMatcher, f: Features) -> tuple[set[str], re.Match[str]] | None:
    """The agents that open an English statement and the verb right after them."""
    agents = [m for m in f.mentions if matcher.kind.get(m.entity) in AGENTS]
    if not agents or not opens_with(f.text, agents[0].start):
        return None
    end = acting_end(f.text, agents[0].end, False)
    if f.text.startswith(("'s", "’s", "'", "’"), end):
        return None  # "Musk's lawsuit says": the subject is what is his (not his people)
    subject = _agents_before(matcher, f.text, agents[0].end)
    verb = next(
        (
            w
            for w in _WORD.finditer(f.text, end)
            if w.group(0).lower() not in _LIGHT_VERBS
            and not w.group(0).endswith("ly")
            and en_tokens(w.group(0))
        ),
        None,
    )  # fmt: skip  (not "an", "and")
    if verb is None or verb.group(0)[:1].isupper() or verb.group(0).lower() in _SAYING:
        return None
    return subject, verb


def says_of(matcher: EntityMatcher, f: Features, actor: str, p: Profile, told: Said) -> bool:
    """Does the claim (``told``: what it says) say the statement's main verb with ``actor``
    as its subject (English: the verb after the name that opens the statement; Japanese: the
    verbal noun that ends it), in its own words or the lexicon's?"""
    if p.claim.subject != actor:
        return False
    if f.japanese:
        verbal = _last_verbal(f.text)
        word = verbal.group(1) if verbal else None
    else:
        found = _lead_verb(matcher, f)
        word = found[1].group(0) if found else None
    return word is not None and accounts_for(word, told, f.japanese)


def misbound(matcher: EntityMatcher, f: Features, allies: list[Profile]) -> tuple[str, ...]:
    """The statement's main verb when the cited claims say it only of another party the
    statement names: "Altman sued Musk" is not told by "After Musk sued, Altman wrote ..."
    (English: the verb right after the name that opens the statement; Japanese: the verbal
    noun that ends it, 「…に成功した」)."""
    if f.japanese:
        return _misbound_ja(matcher, f, allies)
    found = _lead_verb(matcher, f)
    if found is None:
        return ()
    subject, verb = found
    stem = canonical(verb.group(0))
    seen = False
    for p in allies:
        for w in _WORD.finditer(p.en_text):
            if canonical(w.group(0)) != stem:
                continue
            theirs = _agents_before(matcher, p.en_text, w.start())
            owned = _OWNED.search(p.en_text, 0, w.start())  # "Google's purchase"
            if not theirs or theirs & subject or not (theirs <= f.entities or owned):
                return ()  # said of the same one (or of no one the statement swaps in)
            seen = True
    return (verb.group(0),) if seen else ()


_JA_VERBAL = LazyPattern(r"([\u4e00-\u9fff]{2,})(?=し|する|され|させ)")
_JA_TOPIC = LazyPattern(r"(?:氏|さん|社)?(?:は|が)")


def _last_verbal(text: str) -> re.Match[str] | None:
    """The verbal noun that ends a Japanese statement (「…の買収に成功した」: 成功)."""
    verbs = list(_JA_VERBAL.finditer(text))
    return verbs[-1] if verbs else None


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
    verbal = _last_verbal(f.text)
    if verbal is None or f.text.startswith(("され", "させ"), verbal.end()):
        return ()  # no verbal noun, or a passive: who acts is not the name that opens it
    verb = verbal.group(1)
    if _ja_actor(matcher, f.text, verbal.start()) != agents[0].entity:
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
