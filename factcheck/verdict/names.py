"""Names and roles: a swapped name, someone else as the actor, who did what to whom."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from factcheck.model import ConflictKind
from factcheck.normalize.names import EntityMatcher, Mention
from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import en_tokens, ja_tokens, opens_with
from factcheck.verdict.base import Evidence, Outcome, conflict

if TYPE_CHECKING:
    from factcheck.features import Features

CONTEXT_KINDS = frozenset({"person", "org", "place", "role", "product"})
# Kinds of name that can stand in for each other when one is swapped for another.
_CLASS = {"person": "person", "org": "org", "place": "place", "role": "role", "product": "product"}
# Roles one person holds to the exclusion of the others: one can be swapped for another.
EXCLUSIVE_ROLES = frozenset(
    {"ceo", "cto", "cfo", "coo", "chief_scientist", "co_chair", "chairman", "president"}
)


_JA_PASSIVE = LazyPattern(r"(?:され|られ)(?:た|る|ていた|ている|ました)")
# a passive that only reports what is said or thought (「…と推測されている」) is no passive of
# the statement's own verb
_JA_HEARSAY = LazyPattern(
    r"(?:のでは(?:ない)?か|だろう)?と(?:も)?(?:推測|報道|指摘|予想|予測|期待|言わ|いわ|報じ|伝え|見ら|みら|考えら|思わ|さ)"
    r"(?:され|れ|られ)?(?:ている|ていた|た|る)"
)
_EN_PASSIVE = LazyPattern(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght)(?:\s+[\w-]+){0,3}?"
    r"\s+by\s+(?:the\s+)?$"
)
_EN_RECEIVE = LazyPattern(
    r"\b(?:receiv|got|gets|getting|obtain|accept|won|secur|raised?)\w*\b.*\bfrom\s+(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
# a cleft sentence names its actor first: "It was Musk who contacted Altman", "Musk was the
# one who named OpenAI", 「アルトマンに連絡したのはマスクだった」
_EN_CLEFT_BEFORE = LazyPattern(r"\bit\s+(?:was|is)\s+$|^\s*$", re.IGNORECASE)
_EN_CLEFT_BETWEEN = LazyPattern(
    r"^\s*(?:who|that)\b|^\s+(?:was|is)\s+the\s+(?:one|person|man|woman)\s+(?:who|that)\b",
    re.IGNORECASE,
)
_JA_CLEFT = LazyPattern(r"のは[、\s]*$")
_CLAUSE_BREAK = LazyPattern(
    r"[,;:]|\b(?:when|while|after|before|because|since|who|which|whom|whose|although|"
    r"though|if|until|whereas)\b",
    re.IGNORECASE,
)
# "not Tesla but Neuralink", "テスラではなくニューラリンク" (A then B), "Neuralink, not Tesla" (B then A)
_NOT_A_BUT_B = LazyPattern(
    r"^(?:氏|さん|社)?(?:ではなく|じゃなく|でなく)[、,]?\s*$|^\s*,?\s*but\s+(?:rather\s+)?$"
)
_PREP = r"(?:(?:in|into|by|to|at|for|from|with|of|on)\s+)?"
_B_NOT_A = LazyPattern(
    rf"^\s*,?\s*(?:and\s+)?not\s+{_PREP}$|^\s*,?\s*rather than\s+{_PREP}$|^\s*,?\s*instead of\s+$"
)
_MUTUAL = LazyPattern(
    r"\bwith\b|\btogether\b|\beach other\b|と(?:共|一緒|組|手を)|と互い", re.IGNORECASE
)
_JOINED = LazyPattern(r"^\W*(?:and|&|or|with|と|や|、)\W*$")


_POSSESSIVE = LazyPattern(r"['’]s?\b")  # "Altman's", "Brockman’s", "the Collisons'"
_ATTRIBUTION = LazyPattern(
    r"(?:close to|according to|allies of|friends of|aides to)\s+$|に近い$", re.IGNORECASE
)


Roles = tuple[str | None, str | None]  # who acts, who is acted on


def _roles(f: Features, pair: set[str], kind: dict[str, str] | None = None) -> Roles:
    """Which of the ``pair`` of names acts and which is acted on (word order / particles).
    Names that only say who is talking ("people close to Altman say") take no part."""
    mentions = [
        m for m in f.mentions
        if m.entity in pair
        and not _ATTRIBUTION.search(f.text[max(0, m.start - 16) : m.start])
        and not f.text.startswith(("に近い", "氏に近い", "'s allies", "'s friends", "'s camp"), m.end)
    ]  # fmt: skip
    if not mentions:
        return None, None
    text = f.text
    if f.japanese:
        subj = obj = by = None
        titles = {r.start: r.end for r in f.mentions if (kind or {}).get(r.entity) == "role"}
        for m in mentions:
            end = titles.get(m.end, m.end)  # "アルトマンCEOは": the title goes with the name
            after = text[end : end + 3].lstrip("氏さん社")
            if _JA_CLEFT.search(text[: m.start]) and after[:1] in ("だ", "で", "。", ""):
                subj = m.entity  # 「…したのはマスクだった」: the focus is the actor
                continue
            if subj is None and after[:1] in ("は", "が"):
                subj = m.entity
            elif after[:2] == "によ":  # 「Bによって」: who acts, in a passive
                by = by or m.entity
            elif obj is None and after[:1] in ("を", "に", "へ"):
                obj = m.entity
        # (a passive in a clause before the names, 「株が空売りされたとき、」, is not theirs)
        clause = text[text.rfind("、", 0, min(m.start for m in mentions)) + 1 :]
        if _JA_PASSIVE.search(_JA_HEARSAY.sub("", clause)) and subj and (by or obj):
            return by or obj, subj  # "AはBに買収された", 「AはBによって採用された」: B acted on A
        return subj, obj
    first = mentions[0]
    later = next((m for m in mentions[1:] if m.entity != first.entity), None)
    if later is None:
        return None, None
    between = text[first.end : later.start]
    if _EN_CLEFT_BETWEEN.match(between) and _EN_CLEFT_BEFORE.search(text[: first.start]):
        return first.entity, later.entity  # "It was Musk who contacted Altman"
    if _JOINED.match(between) or _MUTUAL.search(between):
        return None, None  # "Musk and Altman ...", "shared offices with": both act
    if _CLAUSE_BREAK.search(between):
        return None, None  # the names stand in different clauses: word order says nothing
    if _POSSESSIVE.match(text, first.end):
        return None, None  # "Musk's company sued Altman": the actor is not Musk himself
    if _EN_PASSIVE.search(between) or _EN_RECEIVE.search(between):
        return later.entity, first.entity  # "A was funded by B", "A received money from B"
    if _POSSESSIVE.match(text, later.end):
        return first.entity, None  # "Musk dismissed Altman's proposal": acted on the proposal
    return first.entity, later.entity


def claim_roles(f: Features, subject: str, obj: str, kind: dict[str, str]) -> Roles:
    """Roles read from a claim's own phrasing, once, when the record is prepared (a claim
    whose phrasing is not plainly "subject acts on object" is not read for reversals)."""
    return _roles(f, {subject, obj}, kind)


def _ja_marks(text: str, pair: set[str], matcher: EntityMatcher) -> dict[str, str]:
    """What the particle after each of the ``pair`` marks it as, where it is first named:
    who the sentence is about (は/が), whose (の) or what is acted on (を/に/へ)."""
    marks: dict[str, str] = {}
    for m in matcher.find(text):
        if m.entity in pair and m.entity not in marks:
            after = text[m.end : m.end + 3].lstrip("氏さん社")[:1]
            marks[m.entity] = {"は": "topic", "が": "topic", "の": "of"}.get(
                after, "object" if after in "をにへ" and after else ""
            )
    return marks


def _ja_marks_swapped(text: str, ev_text: str, pair: set[str], matcher: EntityMatcher) -> bool:
    """Do the two names stand each where the other stands in the claim's phrasing (one the
    topic, the other whose): 「マスク氏はアルトマン氏の野心に魅了された」 against
    「アルトマン氏はマスク氏の野心に魅了された」?"""
    mine, theirs = _ja_marks(text, pair, matcher), _ja_marks(ev_text, pair, matcher)
    if len(mine) != 2 or len(theirs) != 2 or "topic" not in mine.values():
        return False
    a, b = sorted(pair)
    return (
        (mine[a], mine[b]) == (theirs[b], theirs[a]) and mine[a] != mine[b] and all(mine.values())
    )


def reversal(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """Who did what to whom: the statement's actor and target, read the same way from the
    evidence's own phrasing, swapped."""
    if not ev.subject or not ev.object or ev.subject == ev.object or OLDER.search(f.text):
        return Outcome()
    if matcher.kind.get(ev.subject) != matcher.kind.get(ev.object):
        return Outcome()
    ev_text = ev.text_ja if f.japanese else ev.text_en
    if not ev_text:
        return Outcome()
    pair = {ev.subject, ev.object}
    subj, obj = _roles(f, pair, matcher.kind)
    plain = (ev.roles_ja if f.japanese else ev.roles_en) == (ev.subject, ev.object)
    if not (plain and subj and obj and subj == ev.object and obj == ev.subject):
        # (where the claim's phrasing is not plainly "subject acts on object", Japanese
        # names each standing where the other stands in it are not what it says, though
        # not always its contrary: 「AはBの野心に魅了された」 against 「BはAの…」)
        if f.japanese and _ja_marks_swapped(f.text, ev_text, pair, matcher):
            return Outcome(unmatched=frozenset({"roles:swapped"}))
        return Outcome()
    lang = "ja" if f.japanese else "en"
    return conflict(
        ConflictKind.ROLES,
        f"roles reversed: the statement has {matcher.display(subj, lang)} acting on "
        f"{matcher.display(obj, lang)}; the source says {matcher.display(ev.subject, lang)} "
        f"did it to {matcher.display(ev.object, lang)}",
        matcher.display(subj, lang),
        matcher.display(ev.subject, lang),
    )


OLDER = LazyPattern(r"\b(older|younger)\b.*?\bthan\b|(年上|年下)")


def _context(text: str, start: int, end: int, japanese: bool) -> set[str]:
    window = text[max(0, start - 30) : start] + " " + text[end : end + 30]
    return ja_tokens(window) if japanese else en_tokens(window)


def _instead(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """ "B, not A" / "not A but B" / "AではなくB": the statement puts B where the evidence has A."""
    for m in f.mentions:
        for n in f.mentions:
            if m.entity == n.entity:
                continue
            between = f.text[m.end : n.start] if m.end <= n.start else ""
            said, source = (n, m) if _NOT_A_BUT_B.match(between) else (m, n)
            if not (_NOT_A_BUT_B.match(between) or _B_NOT_A.match(between)):
                continue
            # B where the evidence has A, or where A is the evidence's actor or the one it
            # acts on ("Altman rather than Musk held sway" against "Musk held sway over him")
            slot = source.entity in (ev.subject, ev.object) and said.entity not in (
                ev.subject,
                ev.object,
            )
            if source.entity in ev.entities and (said.entity not in ev.entities or slot):
                lang = "ja" if f.japanese else "en"
                kind = matcher.kind.get(said.entity, "name")
                return conflict(ConflictKind.NAME, f"{kind} differs: the statement says "
                                f"{matcher.display(said.entity, lang)}; the source says "
                                f"{matcher.display(source.entity, lang)}",
                                said.text, matcher.display(source.entity, lang))  # fmt: skip
    return Outcome()


def substitution(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """One name in the statement where the evidence has another of the same kind
    ("Apple" for "Google", "Nepal" for "India", "CFO" for "CTO")."""
    instead = _instead(f, ev, matcher)
    if instead.conflict:
        return instead
    extra = [m for m in f.mentions if m.entity not in ev.entities
             and matcher.kind.get(m.entity) in CONTEXT_KINDS]  # fmt: skip
    if not extra:
        return Outcome()
    unmatched = Outcome(
        unmatched=frozenset(
            "entity:" + m.entity for m in extra
            if matcher.kind.get(m.entity) != "role" or m.entity in EXCLUSIVE_ROLES
        )
    )  # fmt: skip
    # (a place beside a swapped name says where, not which: "Tesla in San Francisco")
    kinds = {matcher.kind.get(m.entity) for m in extra
             if matcher.kind.get(m.entity) not in ("role", "place")}  # fmt: skip
    titles = {m.entity for m in extra if m.entity in EXCLUSIVE_ROLES}
    if len(kinds) > 1 or (kinds and titles):
        return unmatched  # new names of several kinds: another matter, not a swapped name
    for m in extra:
        kind = matcher.kind.get(m.entity)
        if kind == "role" and m.entity not in EXCLUSIVE_ROLES:
            continue
        same = {x.entity for x in extra if matcher.kind.get(x.entity) == kind}
        cls = _CLASS.get(kind or "", kind)
        missing = [e for e in ev.entities
                   if e not in f.entities and _CLASS.get(matcher.kind.get(e) or "") == cls
                   and (cls != "role" or e in EXCLUSIVE_ROLES)
                   and not matcher.nested(m.entity, e)]  # fmt: skip
        if not missing or (len(same) != 1 and not (len(same) == len(missing) and _listed(f, same))):
            continue  # one name for another, or a list of them ("Google and Microsoft")
        others_in = all(
            x.entity in ev.entities for x in f.mentions
            if x.entity != m.entity and matcher.kind.get(x.entity) != "role"
        )  # fmt: skip
        chosen = _aligned(f, ev, m, missing, matcher)
        names = {x.entity for x in f.mentions if matcher.kind.get(x.entity) != "role"}
        if chosen is None and others_in and len(names) <= 2 and _said_of(f, ev, m, matcher):
            chosen = missing[0]  # a plain statement about one or two names: one is swapped
        if chosen is not None:
            lang = "ja" if f.japanese else "en"
            return conflict(
                ConflictKind.NAME,
                f"{kind} differs: the statement says {matcher.display(m.entity, lang)}; "
                f"the source says {matcher.display(chosen, lang)}",
                m.text,
                matcher.display(chosen, lang),
            )
    return unmatched


_JA_FOCUS = LazyPattern(r"のは[、\s]*$")
AGENTS = frozenset({"person", "org"})  # who may act


def actor_swap(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """Someone else doing what the evidence says its subject did ("Microsoft acquired X",
    "家賃を払っているのはマイクロソフトだ"): the statement's actor is a person or organisation
    the evidence does not involve, and the evidence's actor is absent from the statement."""
    if not ev.subject or ev.subject in f.entities or matcher.kind.get(ev.subject) not in AGENTS:
        return Outcome()
    agents = [m for m in f.mentions if matcher.kind.get(m.entity) in AGENTS]
    # where the claim's own phrasing plainly has its subject act ("..., which Musk named
    # OpenAI"), someone else it only mentions is no more its actor than a stranger is
    # (in either language: who acts is the same fact in both phrasings)
    plain = (ev.subject, ev.object) in (ev.roles_ja, ev.roles_en)
    actor = None
    for m in agents:
        focus = f.japanese and _JA_FOCUS.search(f.text[: m.start])  # 「…したのはXだ」
        if m.entity in ev.entities and not (plain and m.entity != ev.object and leads(f, m)):
            continue
        after = f.text[m.end : m.end + 3].lstrip("氏さん社")
        if f.japanese and (after[:1] in ("が", "は") or focus):
            actor = m
            break
        if not f.japanese and m is agents[0] and not f.text[m.end :].startswith("'s"):
            actor = m
            break
    if actor is None:
        return Outcome()
    lang = "ja" if f.japanese else "en"
    return conflict(
        ConflictKind.ACTOR,
        f"actor differs: the statement says {matcher.display(actor.entity, lang)}; "
        f"the source says {matcher.display(ev.subject, lang)}",
        actor.text,
        matcher.display(ev.subject, lang),
    )


_PREPOSITION = LazyPattern(
    r"\b(?:before|after|at|in|for|with|from|to|by|of|on|unlike|like|despite|under|since)\s*$",
    re.IGNORECASE,
)


def leads(f: Features, m: Mention) -> bool:
    """Does the name open the statement as its subject ("Altman named ...", 「アルトマン氏が…」),
    not stand in a clause before it ("When investors shorted Tesla, ...")?"""
    before, after = f.text[: m.start], f.text[m.end :].lstrip()
    if f.japanese:  # (or is the focus of a cleft: 「…したのはXだった」)
        return (not any(ch in before for ch in "、,") and len(before) <= 4) or bool(
            _JA_FOCUS.search(before)
        )
    return (
        opens_with(f.text, m.start)
        and not _PREPOSITION.search(before)
        and after[:1].isalpha()  # a verb follows, not a comma ("Before OpenAI, ...")
    )


def _listed(f: Features, names: set[str]) -> bool:
    """Are these names one list in the statement ("Google and Microsoft", "テスラとスペースX")?"""
    spots = sorted((m for m in f.mentions if m.entity in names), key=lambda m: m.start)
    return all(_JOINED.match(f.text[a.end : b.start]) for a, b in pairwise(spots))


def _said_of(f: Features, ev: Evidence, m: Mention, matcher: EntityMatcher) -> bool:
    """Do the words right around the statement's name occur in the evidence's phrasing?"""
    ev_text = (ev.text_ja if f.japanese else ev.text_en) or ev.text_ja
    tokens = ja_tokens if f.japanese else en_tokens
    names: set[str] = set()
    for x in (*f.mentions, *matcher.find(ev_text)):
        if matcher.kind.get(x.entity) != "role":  # "co-founder" is a word of the statement
            names |= tokens(x.text)
    near = _context(f.text, m.start, m.end, f.japanese) - names
    roles_near = {
        x.entity for x in f.mentions
        if matcher.kind.get(x.entity) == "role" and abs(x.start - m.start) <= 40
    }  # fmt: skip
    return bool(near & (tokens(ev_text) - names)) or bool(roles_near & ev.entities)


def _aligned(
    f: Features, ev: Evidence, m: Mention, missing: list[str], matcher: EntityMatcher
) -> str | None:
    """The missing name whose surroundings in the evidence share words with the statement's."""
    ev_text = (ev.text_ja if f.japanese else ev.text_en) or ev.text_ja
    japanese = f.japanese or not ev.text_en
    ctx_s = _context(f.text, m.start, m.end, f.japanese)
    for x in matcher.find(ev_text):
        if x.entity in missing and ctx_s & _context(ev_text, x.start, x.end, japanese):
            return x.entity
    return None
