"""The comparison rules: a statement against one piece of evidence -> agreement or conflict.

Each rule looks at one kind of thing that matters (money, dates, counts, names, roles,
negation, opposite words) and says whether the statement agrees with the evidence, conflicts
with it (with a reason naming both values), or does not speak to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factcheck.normalize.dates import DateValue
from factcheck.normalize.names import EntityMatcher, Mention
from factcheck.normalize.numbers import Quantity, format_usd
from factcheck.normalize.polarity import en_negated, implicit_negation, ja_negated, opposed
from factcheck.normalize.words import en_tokens, ja_tokens

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.match import PassageProfile, Profile

CONTEXT_KINDS = frozenset({"person", "org", "place", "role", "product"})
# Kinds of name that can stand in for each other when one is swapped for another.
_CLASS = {"person": "person", "org": "org", "place": "place", "role": "role", "product": "product"}
# Roles one person holds to the exclusion of the others: one can be swapped for another.
EXCLUSIVE_ROLES = frozenset(
    {"ceo", "cto", "cfo", "coo", "chief_scientist", "co_chair", "chairman", "president"}
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a claim or a source passage states, in comparable form."""

    entities: frozenset[str]
    money: tuple[Quantity, ...]
    dates: tuple[DateValue, ...]
    counts: tuple[Quantity, ...]
    percents: tuple[Quantity, ...]
    negated: bool
    text_en: str
    text_ja: str
    subject: str | None = None
    object: str | None = None
    older: str | None = None
    copy: bool = (
        False  # a source passage the statement nearly copies: negations must match in number
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """``conflict`` names the kind of difference. ``agreed`` and ``unmatched`` name the
    statement's values and names (as "kind:offset" keys) this evidence confirms or does not
    speak to."""

    conflict: str | None = None
    reason: str | None = None
    agreed: frozenset[str] = frozenset()
    unmatched: frozenset[str] = frozenset()
    value_conflict: bool = False
    conflict_keys: frozenset[str] = frozenset()


def evidence_of_claim(p: Profile) -> Evidence:
    older = None
    for a in p.claim.values.get("ages") or []:
        if isinstance(a, dict) and a.get("older"):
            older = str(a["older"])
    return Evidence(p.entities, p.money, p.dates, p.counts, p.percents, p.negated,
                    p.en_text, p.ja_text, p.claim.subject, p.claim.obj, older)  # fmt: skip


def evidence_of_passage(pp: PassageProfile) -> Evidence:
    f = pp.features
    return Evidence(f.entities, f.money, f.dates, f.counts, f.percents, f.negations > 0,
                    "", f.text, copy=True)  # fmt: skip


def _keys(kind: str, items: object) -> frozenset[str]:
    return frozenset(f"{kind}:{x.start}" for x in items)  # type: ignore[attr-defined]


def _fmt_money(q: Quantity, lang: bool) -> str:
    return format_usd(q)


def _fmt_date(d: DateValue) -> str:
    return d.iso()


def _date_relation(a: tuple[DateValue, ...], b: tuple[DateValue, ...]) -> str:
    if not a and not b:
        return "none"
    if not a or not b:
        return "one"
    return "match" if any(x.agrees(y) for x in a for y in b) else "mismatch"


def _money(f: Features, ev: Evidence) -> Outcome:
    if not f.money or not ev.money:
        return Outcome(unmatched=_keys("money", f.money))
    rel = _date_relation(f.dates, ev.dates)
    matched = [q for q in f.money if any(q.overlaps(c) for c in ev.money)]
    unmatched = [q for q in f.money if q not in matched]
    if not unmatched:
        return Outcome(agreed=_keys("money", matched))
    if rel in ("none", "match") and not (matched and len(ev.money) == 1):
        said = unmatched[0]
        years = ""
        if rel == "match" and f.dates:
            years = f" for {f.dates[0].iso()}"
        src = " or ".join(_fmt_money(c, False) for c in ev.money)
        raw = next((c.text for c in ev.money if c.text and not c.text.isdigit()), "")
        src_note = f" ({raw})" if raw else ""
        return Outcome(
            "amount",
            f"amount differs: the statement says {_fmt_money(said, False)}{years}; "
            f"the source says {src}{src_note}",
            _keys("money", matched),
            value_conflict=True,
            conflict_keys=_keys("money", unmatched),
        )
    return Outcome(agreed=_keys("money", matched), unmatched=_keys("money", unmatched))


def _dates(f: Features, ev: Evidence, money_agreed: bool) -> Outcome:
    rel = _date_relation(f.dates, ev.dates)
    if rel == "match":
        agreed = [d for d in f.dates if any(d.agrees(e) for e in ev.dates)]
        return Outcome(
            agreed=_keys("date", agreed), unmatched=_keys("date", f.dates) - _keys("date", agreed)
        )
    if rel == "mismatch":
        years_s = {d.year for d in f.dates}
        years_e = {d.year for d in ev.dates}
        if not money_agreed and f.money and ev.money:
            return Outcome(
                unmatched=_keys("date", f.dates)
            )  # amounts at other dates: another event
        if years_s & years_e and not money_agreed:
            # same year, different month: a different event unless the rest matches
            pass
        said = ", ".join(_fmt_date(d) for d in f.dates)
        src = ", ".join(_fmt_date(d) for d in ev.dates)
        return Outcome("date", f"date differs: the statement says {said}; the source says {src}",
                       value_conflict=True, conflict_keys=_keys("date", f.dates))  # fmt: skip
    return Outcome(unmatched=_keys("date", f.dates))


def _quantities(f_q: tuple[Quantity, ...], e_q: tuple[Quantity, ...], what: str) -> Outcome:
    agreed: list[Quantity] = []
    unmatched: list[Quantity] = []
    for q in f_q:
        same_unit = [c for c in e_q if c.unit == q.unit]
        if not same_unit:
            if not (q.unit == "people" and q.hi <= 2):  # "the two men", "both of them"
                unmatched.append(q)
            continue
        if any(q.overlaps(c) for c in same_unit):
            agreed.append(q)
            continue
        unit = f" {q.unit}" if q.unit and q.unit != "%" else q.unit
        src = " or ".join(f"{c.lo:g}" if c.exact else f"{c.lo:g}–{c.hi:g}" for c in same_unit)
        said = f"{q.lo:g}" if q.exact else q.text
        return Outcome(what, f"{what} differs: the statement says {said}{unit}; the source says {src}{unit}",
                       _keys(what, agreed), value_conflict=True,
                       conflict_keys=_keys(what, [q]))  # fmt: skip
    return Outcome(agreed=_keys(what, agreed), unmatched=_keys(what, unmatched))


_JA_PASSIVE = re.compile(r"(?:され|られ)(?:た|る|ていた|ている|ました)")
_EN_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght)(?:\s+\w+)?"
    r"\s+by\s+(?:the\s+)?$"
)
_MUTUAL = re.compile(
    r"\bwith\b|\btogether\b|\beach other\b|と(?:共|一緒|組|手を)|と互い", re.IGNORECASE
)
_JOINED = re.compile(r"^\W*(?:and|&|or|with|と|や|、)\W*$")


_ATTRIBUTION = re.compile(
    r"(?:close to|according to|allies of|friends of|aides to)\s+$|に近い$", re.IGNORECASE
)


def _roles(f: Features, pair: set[str]) -> tuple[str | None, str | None]:
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
        subj = obj = None
        for m in mentions:
            after = text[m.end : m.end + 3].lstrip("氏さん社")
            if subj is None and after[:1] in ("は", "が"):
                subj = m.entity
            elif obj is None and after[:1] in ("を", "に", "へ") and after[:2] != "によ":
                obj = m.entity
        if _JA_PASSIVE.search(text) and subj and obj:
            return obj, subj  # "AはBに買収された": B acted on A
        return subj, obj
    first = mentions[0]
    later = next((m for m in mentions[1:] if m.entity != first.entity), None)
    if later is None:
        return None, None
    between = text[first.end : later.start]
    if _JOINED.match(between) or _MUTUAL.search(between):
        return None, None  # "Musk and Altman ...", "shared offices with": both act
    if _EN_PASSIVE.search(text[first.end : later.start]):
        return later.entity, first.entity
    return first.entity, later.entity


def _reversal(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """Who did what to whom: the statement's actor and target, read the same way from the
    evidence's own phrasing, swapped."""
    if not ev.subject or not ev.object or ev.subject == ev.object or _OLDER.search(f.text):
        return Outcome()
    if matcher.kind.get(ev.subject) != matcher.kind.get(ev.object):
        return Outcome()
    ev_text = ev.text_ja if f.japanese else ev.text_en
    if not ev_text:
        return Outcome()
    from factcheck.features import extract

    pair = {ev.subject, ev.object}
    ev_subj, ev_obj = _roles(extract(ev_text, matcher, None), pair)
    subj, obj = _roles(f, pair)
    if (ev_subj, ev_obj) != (ev.subject, ev.object):
        return Outcome()  # the claim's own phrasing is not plainly "subject acts on object"
    if subj and obj and subj == ev_obj and obj == ev_subj:
        lang = "ja" if f.japanese else "en"
        return Outcome(
            "roles",
            f"roles reversed: the statement has {matcher.display(subj, lang)} acting on "
            f"{matcher.display(obj, lang)}; the source says {matcher.display(ev.subject, lang)} "
            f"did it to {matcher.display(ev.object, lang)}",
        )
    return Outcome()


_OLDER = re.compile(r"\b(older|younger)\b.*?\bthan\b|(年上|年下)")


def _age_direction(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    if not ev.older:
        return Outcome()
    m = _OLDER.search(f.text)
    if not m:
        return Outcome()
    word = (m.group(1) or m.group(2) or "").lower()
    older_word = word in ("older", "年上")
    if f.japanese:
        base = next(
            (
                x
                for x in f.mentions
                if f.text[x.end : x.end + 4].lstrip("氏さん").startswith("より")
            ),
            None,
        )
        others = [x for x in f.mentions if base is None or x.entity != base.entity]
        subject = others[0].entity if others else None
    else:
        after_than = [x for x in f.mentions if x.start >= m.end()]
        base = after_than[0] if after_than else None
        before = [x for x in f.mentions if x.end <= m.start()]
        subject = before[0].entity if before else None
    if subject is None:
        return Outcome()
    stated_older = subject if older_word else (base.entity if base else None)
    if stated_older and stated_older != ev.older:
        lang = "ja" if f.japanese else "en"
        return Outcome("age", f"age comparison reversed: the statement makes "
                       f"{matcher.display(stated_older, lang)} the older; the source says "
                       f"{matcher.display(ev.older, lang)} is older")  # fmt: skip
    return Outcome()


def _context(text: str, start: int, end: int, japanese: bool) -> set[str]:
    window = text[max(0, start - 30) : start] + " " + text[end : end + 30]
    return ja_tokens(window) if japanese else en_tokens(window)


def _substitution(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """One name in the statement where the evidence has another of the same kind
    ("Apple" for "Google", "Nepal" for "India", "CFO" for "CTO")."""
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
    kinds = {matcher.kind.get(m.entity) for m in extra if matcher.kind.get(m.entity) != "role"}
    if len(kinds) > 1:
        return unmatched  # new names of several kinds: another matter, not a swapped name
    for m in extra:
        kind = matcher.kind.get(m.entity)
        if kind == "role" and m.entity not in EXCLUSIVE_ROLES:
            continue
        same = {x.entity for x in extra if matcher.kind.get(x.entity) == kind}
        cls = _CLASS.get(kind or "", kind)
        missing = [e for e in ev.entities
                   if e not in f.entities and _CLASS.get(matcher.kind.get(e) or "") == cls]  # fmt: skip
        if not missing or (len(same) != 1 and len(same) != len(missing)):
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
            return Outcome(
                "name",
                f"{kind} differs: the statement says {matcher.display(m.entity, lang)}; "
                f"the source says {matcher.display(chosen, lang)}",
            )
    return unmatched


_JA_FOCUS = re.compile(r"のは[、\s]*$")
_AGENTS = frozenset({"person", "org"})


def actor_swap(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """Someone else doing what the evidence says its subject did ("Microsoft acquired X",
    "家賃を払っているのはマイクロソフトだ"): the statement's actor is a person or organisation
    the evidence does not involve, and the evidence's actor is absent from the statement."""
    if not ev.subject or ev.subject in f.entities or matcher.kind.get(ev.subject) not in _AGENTS:
        return Outcome()
    agents = [m for m in f.mentions if matcher.kind.get(m.entity) in _AGENTS]
    actor = None
    for m in agents:
        if m.entity in ev.entities:
            continue
        after = f.text[m.end : m.end + 3].lstrip("氏さん社")
        if f.japanese and (after[:1] in ("が", "は") or _JA_FOCUS.search(f.text[: m.start])):
            actor = m
            break
        if not f.japanese and m is agents[0] and not f.text[m.end :].startswith("'s"):
            actor = m
            break
    if actor is None:
        return Outcome()
    lang = "ja" if f.japanese else "en"
    return Outcome(
        "actor",
        f"actor differs: the statement says {matcher.display(actor.entity, lang)}; "
        f"the source says {matcher.display(ev.subject, lang)}",
    )


def _said_of(f: Features, ev: Evidence, m: Mention, matcher: EntityMatcher) -> bool:
    """Do the words right around the statement's name occur in the evidence's phrasing?"""
    ev_text = (ev.text_ja if f.japanese else ev.text_en) or ev.text_ja
    tokens = ja_tokens if f.japanese else en_tokens
    names: set[str] = set()
    for x in (*f.mentions, *matcher.find(ev_text)):
        if matcher.kind.get(x.entity) != "role":  # "co-founder" is a word of the statement
            names |= tokens(x.text)
    near = _context(f.text, m.start, m.end, f.japanese) - names
    return bool(near & (tokens(ev_text) - names))


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


def _polarity(f: Features, ev: Evidence) -> Outcome:
    """Negation and opposite words: the statement contradicts when exactly one of them flips
    the evidence ("did not succeed" agrees with "failed"; "did not agree" contradicts
    "agreed"). Both sides are read by the same rules."""
    japanese = f.japanese
    ev_text = ev.text_ja if japanese else ev.text_en
    if not ev_text:
        return Outcome()
    count = ja_negated if japanese else en_negated
    if ev.copy and count(f.text) != count(ev_text):
        return Outcome("negation", "negation: the statement adds or drops a negation of the source")
    words = opposed(f.text, ev_text, japanese)
    stmt_text, ev_rest = f.text, ev_text
    if words:  # the opposite words themselves may be negative ("no longer"): count them once
        stmt_text, ev_rest = f.text.replace(words[0], " "), ev_text.replace(words[1], " ")
    ev_neg = count(ev_rest) > 0 or implicit_negation(ev_rest, japanese)
    stmt_neg = count(stmt_text) > 0 or (ev_neg and implicit_negation(stmt_text, japanese))
    if (stmt_neg != ev_neg) != (words is not None):
        if words is not None:
            return Outcome("meaning", f"meaning differs: the statement says “{words[0].strip()}”; "
                           f"the source says “{words[1].strip()}”")  # fmt: skip
        if stmt_neg:
            return Outcome("negation", "negation: the statement denies what the source states")
        return Outcome("negation", "negation: the source states it did not happen")
    return Outcome()


_COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|bigger|larger|smaller|greater|richer|earlier|later|"
    r"older|younger)\b[^.;]*?\bthan\b(?!\s*(?:\$|\d|once|ever|before|usual|(?:(?:he|she|they|we|it)\s+)?(?:had\s+)?(?:expected|hoped|wanted)))"
    r"|より(?:も)?(?:多|少|高|低|大き|小さ|早|遅|年上|年下|前|後)",
    re.IGNORECASE,
)
_COMPARES = re.compile(
    r"\b(?:more|less|fewer|most|least|largest|biggest|smallest|greatest|older|younger|"
    r"higher|lower|better|worse|only)\b|より|最も|最大|唯一|年上|年下",
    re.IGNORECASE,
)


def _comparison(f: Features, ev: Evidence) -> Outcome:
    """A comparison ("more money than Google") the evidence does not make is not confirmed."""
    m = _COMPARATIVE.search(f.text)
    if m is None:
        return Outcome()
    if _COMPARES.search(ev.text_en) or _COMPARES.search(ev.text_ja):
        return Outcome(agreed=frozenset({f"comparison:{m.start()}"}))
    return Outcome(unmatched=frozenset({f"comparison:{m.start()}"}))


def compare(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    """Compare a statement with one piece of evidence: the first conflict found (values
    first, then names, roles and meaning), or agreement. Every outcome carries the values
    that did agree, so that sibling claims can be told apart."""
    money = _money(f, ev)
    if money.conflict:
        return money
    dates = _dates(f, ev, money_agreed=bool(money.agreed))
    if dates.conflict:
        return replace(dates, agreed=dates.agreed | money.agreed)
    counts = _quantities(f.counts, ev.counts, "count")
    pct = _quantities(f.percents, ev.percents, "percentage")
    agreed = money.agreed | dates.agreed | counts.agreed | pct.agreed
    for value in (counts, pct):
        if value.conflict:
            return replace(value, agreed=agreed)
    for rule in (_age_direction, _reversal, _substitution):
        out = rule(f, ev, matcher)
        if out.conflict:
            return replace(out, agreed=agreed)
    pol = _polarity(f, ev)
    if pol.conflict:
        return replace(pol, agreed=agreed)
    sub = _substitution(f, ev, matcher)
    cmp = _comparison(f, ev)
    return Outcome(
        agreed=agreed | cmp.agreed,
        unmatched=money.unmatched | dates.unmatched | counts.unmatched | pct.unmatched
        | sub.unmatched | cmp.unmatched,
    )  # fmt: skip
