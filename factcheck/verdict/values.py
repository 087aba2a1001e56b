"""Values: amounts of money, dates, counts, ages and percentages."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from factcheck.model import Conflict, ConflictKind
from factcheck.normalize.dates import BEFORE, YEARLESS, DateValue
from factcheck.normalize.numbers import INF, Quantity, format_usd
from factcheck.normalize.numerals import EN_UNITS
from factcheck.normalize.regex import LazyPattern
from factcheck.verdict.base import Evidence, Outcome, conflict

if TYPE_CHECKING:
    from factcheck.features import Features


def _keys(kind: str, items: object) -> frozenset[str]:
    return frozenset(f"{kind}:{x.start}" for x in items)  # type: ignore[attr-defined]


def countable(q: Quantity) -> bool:
    """A count the record could confirm: not "the two men" or "both of them"."""
    return not (q.unit == "people" and q.hi <= 2)


def value_keys(f: Features) -> frozenset[str]:
    """The keys of every amount, date and count a statement gives (as outcomes name them)."""
    return (
        _keys("money", f.money)
        | _keys("date", f.dates)
        | _keys("count", [q for q in f.counts if countable(q)])
    )


def _fmt_money(q: Quantity, lang: bool) -> str:
    return format_usd(q)


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")  # fmt: skip


def _fmt_date(d: DateValue) -> str:
    if d.year == YEARLESS and d.month:  # "March 16": no year was said
        return f"{_MONTH_NAMES[d.month - 1]} {d.day}" if d.day else _MONTH_NAMES[d.month - 1]
    return d.iso()


def _date_relation(a: tuple[DateValue, ...], b: tuple[DateValue, ...]) -> str:
    if not a and not b:
        return "none"
    if not a or not b:
        return "one"
    return "match" if any(x.agrees(y) for x in a for y in b) else "mismatch"


_JOINS = LazyPattern(r"\b(?:and|but|while|whereas)\b|[とや]")


def _gap(q: Quantity, d: DateValue, text: str) -> tuple[int, int]:
    """The distance between an amount and a date, and a penalty for what stands between
    them (a clause break, a conjunction)."""
    end = d.start + len(d.text)
    a, b = (end, q.start) if end <= q.start else (q.end, d.start)
    between = text[a:b]
    penalty = 1000 if any(ch in between for ch in "、,;。") else 0
    penalty += 500 if _JOINS.search(between) else 0  # "$15M in 2016 and $20M in 2017"
    return max(0, b - a), penalty


def _date_of(q: Quantity, found: tuple[DateValue, ...], text: str = "",
             amounts: tuple[Quantity, ...] = ()) -> DateValue | None:  # fmt: skip
    """The date an amount belongs to: the nearest one in the statement, preferring one in
    the same clause ("$15M in 2016", "2016年が1500万ドル、2017年が2000万ドル"). A date in
    another clause that another amount has in its own is not this one's: "$44M, $15M in
    2016 and $20M in 2017" leaves the $44M undated."""

    def own(r: Quantity, d: DateValue) -> bool:
        return _gap(r, d, text)[1] == 0

    mine = [d for d in found
            if own(q, d) or not any(own(r, d) for r in amounts if r is not q)]  # fmt: skip
    if not mine:
        return None
    when = min(mine, key=lambda d: sum(_gap(q, d, text)))
    # an amount over a span of years ("between 2016 and 2020", 「2016年から2020年」) belongs to
    # no one of them
    if any(m.start() <= when.start < m.end() for m in _SPAN.finditer(text)):
        return None
    return when


_SPAN = LazyPattern(
    r"\b(?:between|from)\s+(?:\w+\s+){0,2}\d{4}\s+(?:and|to|through|until)\s+(?:\w+\s+){0,2}\d{4}"
    r"|\b\d{4}\s*[-–—]\s*\d{2,4}\b|\d{4}年(?:\d{1,2}月)?(?:から|～|〜|－)\d{4}年",
    re.IGNORECASE,
)


def money(f: Features, ev: Evidence) -> Outcome:
    """Amounts: each compared only where its own date (if any) is the evidence's date."""
    if not f.money or not ev.money:
        return Outcome(unmatched=_keys("money", f.money))

    def in_context(q: Quantity) -> bool:
        when = _date_of(q, f.dates, f.text, f.money)
        return (when is None and not ev.dates) or bool(
            when and any(when.agrees(e) for e in ev.dates)
        )

    # a bound ("less than $40M") agrees only with an amount of the same date: it says
    # nothing about a yearly gift when it speaks of a total
    matched = [
        q for q in f.money
        if any(q.overlaps(c) for c in ev.money)
        and (in_context(q) or (q.exact and _date_of(q, f.dates, f.text, f.money) is None))
    ]  # fmt: skip
    comparable = []
    for q in f.money:
        if q in matched:
            continue
        if in_context(q) and not any(q.overlaps(c) for c in ev.money):
            comparable.append((q, _date_of(q, f.dates, f.text, f.money)))
    unmatched = [q for q in f.money if q not in matched]
    if comparable and not (matched and len(ev.money) == 1):
        said, when = comparable[0]
        return Outcome(
            _differs(said, when, ev),
            _keys("money", matched),
            value_conflict=True,
            conflict_keys=_keys("money", [q for q, _ in comparable]),
            bound=when is not None,
        )
    vague = bool(matched) and not any(c.exact and q.overlaps(c) for q in matched for c in ev.money)
    soft = [q for q in unmatched if not f.dates and len(ev.money) == 1 and ev.money[0].exact]
    return Outcome(
        agreed=_keys("money", matched), unmatched=_keys("money", unmatched), vague=vague,
        soft=_differs(soft[0], None, ev) if soft else None, soft_keys=_keys("money", soft),
    )  # fmt: skip


def _differs(said: Quantity, when: DateValue | None, ev: Evidence) -> Conflict:
    years = f" for {when.iso()}" if when else ""
    src = " or ".join(_fmt_money(c, False) for c in ev.money)
    raw = next((c.text for c in ev.money if c.text and not c.text.isdigit()), "")
    src_note = f" ({raw})" if raw else ""
    stated = _fmt_money(said, False)
    return Conflict(ConflictKind.AMOUNT,
                    f"amount differs: the statement says {stated}{years}; "
                    f"the source says {src}{src_note}",
                    stated, raw or src)  # fmt: skip


def _confirms(source: DateValue, said: DateValue) -> bool:
    """The source confirms a date when they agree and the source is at least as precise:
    "2017" does not confirm "June 2017"."""
    if not said.agrees(source) or source.part == BEFORE:  # (a bound confirms no date)
        return False
    return (said.month is None or source.month is not None) and (
        said.day is None or source.day is not None
    )


def _others_date(d: DateValue, f: Features, ev: Evidence) -> bool:
    """Is the date in the same clause as an amount of the statement that the evidence does
    not give?"""
    return any(_gap(q, d, f.text)[1] == 0 and not any(q.overlaps(c) for c in ev.money)
               for q in f.money)  # fmt: skip


def dates(f: Features, ev: Evidence, money_agreed: bool) -> Outcome:
    rel = _date_relation(f.dates, ev.dates)
    if rel == "match":
        agreed = [d for d in f.dates if any(_confirms(e, d) for e in ev.dates)]
        return Outcome(
            agreed=_keys("date", agreed), unmatched=_keys("date", f.dates) - _keys("date", agreed)
        )
    if rel == "mismatch":
        if not money_agreed and f.money and ev.money:
            return Outcome(
                unmatched=_keys("date", f.dates)
            )  # amounts at other dates: another event
        if ev.money and all(_others_date(d, f, ev) for d in f.dates):
            # each date belongs to another amount than the evidence's ("$15M in 2016 and
            # $20M the following year" against the 2017 gift): no date of this event
            return Outcome(unmatched=_keys("date", f.dates))
        said = ", ".join(_fmt_date(d) for d in f.dates)
        src = ", ".join(_fmt_date(d) for d in ev.dates)
        return conflict(ConflictKind.DATE, f"date differs: the statement says {said}; the source says {src}",
                        said, src,
                        value_conflict=True, conflict_keys=_keys("date", f.dates),
                        bound=True)  # fmt: skip
    return Outcome(unmatched=_keys("date", f.dates))


def _open(q: Quantity) -> bool:
    return q.hi == INF or (q.lo == 0 and q.hi > 0)


def _same_way(q: Quantity, c: Quantity) -> bool:
    """Is ``q`` the bound ``c`` says, or does it reach the bound's own value ("a decade"
    against "more than ten years")?"""
    edge = c.lo if c.hi == INF else c.hi
    return (q.hi == INF and c.hi == INF) or (q.lo == 0 and c.lo == 0) or q.lo <= edge <= q.hi


def quantities(f_q: tuple[Quantity, ...], e_q: tuple[Quantity, ...], what: str) -> Outcome:
    agreed: list[Quantity] = []
    unmatched: list[Quantity] = []
    for q in f_q:
        same_unit = [c for c in e_q if c.unit == q.unit]
        if not same_unit:
            if countable(q):
                unmatched.append(q)
            continue
        meets = [c for c in same_unit if q.overlaps(c)]
        if meets:
            # a bound ("more than ten years") confirms a bound the same way round, never a
            # number inside it ("12 years" is not stated by "more than ten")
            if all(_open(c) and not _same_way(q, c) for c in meets):
                unmatched.append(q)
            else:
                agreed.append(q)
            continue
        unit = f" {q.unit}" if q.unit and q.unit != "%" else q.unit
        src = " or ".join(f"{c.lo:g}" if c.exact else f"{c.lo:g}–{c.hi:g}" for c in same_unit)
        said = f"{q.lo:g}" if q.exact else q.text
        return conflict(ConflictKind(what),
                        f"{what} differs: the statement says {said}{unit}; the source says {src}{unit}",
                        f"{said}{unit}", f"{src}{unit}", agreed=_keys(what, agreed), value_conflict=True,
                        conflict_keys=_keys(what, [q]))  # fmt: skip
    return Outcome(agreed=_keys(what, agreed), unmatched=_keys(what, unmatched))


_DIGITS = LazyPattern(r"\d+(?:[.,]\d+)*")
# numbers in words ("two", "ten"; not "one", which is as often a pronoun), read as digits
_NUMBER_WORDS = LazyPattern(
    r"\b(?:" + "|".join(w for w in EN_UNITS if w not in ("zero", "one")) + r")\b", re.IGNORECASE
)


def _numbers(text: str) -> Counter[str]:
    words = [str(EN_UNITS[w.lower()]) for w in _NUMBER_WORDS.findall(text)]
    return Counter(_DIGITS.findall(text) + words)


def numbers_differ(statement: str, passage: str) -> Conflict | None:
    """In a near copy of a passage every number must be the same, whatever it counts (in
    digits or in words: "two years ago" is not "ten years ago")."""
    mine, theirs = _numbers(statement), _numbers(passage)
    extra, missing = list((mine - theirs).elements()), list((theirs - mine).elements())
    if not extra and not missing:
        return None
    said = extra[0] if extra else None
    source = missing[0] if missing else None
    if extra and missing:
        why = f"number differs: the statement says {said}; the source says {source}"
    elif extra:
        why = f"number differs: the statement adds {said}, which the source does not give"
    else:
        why = f"number differs: the statement leaves out {source}, which the source gives"
    return Conflict(ConflictKind.NUMBER, why, said, source)
