"""Two events in an order: "Musk left OpenAI after ChatGPT was released", 「マスク氏はChatGPTの
公開前にOpenAIを去った」.

A statement that joins two events with an ordering word ("before", "after", "prior to",
前に, 後に, 以降) asserts which came first. Each event is found on its own: the main clause
must be supported by the record, the other event (a clause it supports, or a noun phrase:
"ChatGPT's release") too. The claims near each that involve its names and give a date may
be it: where every one of them puts the two events in one order, the dates decide: the
order holds (the statement is supported, citing the main event's claim) or is reversed
(contradicted). Where it cannot date both, the statement is judged as a whole, as any other
(a claim may state the order itself: "shortly after ChatGPT's release").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck.index.search import candidates
from factcheck.model import POLAR, Conflict, ConflictKind, Verdict
from factcheck.normalize.dates import YEARLESS, DateValue
from factcheck.normalize.regex import LazyPattern
from factcheck.verdict.alignment import is_fragment

if TYPE_CHECKING:
    from collections.abc import Callable

    from factcheck.decide import Judgement
    from factcheck.features import Features
    from factcheck.index.profile import Profile
    from factcheck.index.store import Index

EVENT_SCORE = 70.0  # a noun phrase ("ChatGPT's release") names a claim's event this close ...
EVENT_COVERAGE = 0.5  # ... covering this much of what it says
NEAR = 20.0  # claims this close to an event's claim may be it: all must agree on the order

_EN = LazyPattern(
    r"(?<!\bthe )(?<!\bthe\s)\b(?P<w>before|after|prior to|ahead of|following)\s+(?!all\b|that\b)",
    re.IGNORECASE,
)
_EN_OPENING = LazyPattern(
    r"^\s*(?:(?:shortly|soon|long|just|right|years|months|weeks|days)\s+)?"
    r"(?P<w>before|after|prior to|ahead of|following)\s+(?P<anchor>[^,]{3,}?),\s*(?P<main>.+)$",
    re.IGNORECASE,
)
_EN_LEAD = LazyPattern(
    r"\s*,?\s*(?:(?:shortly|soon|long|just|right|only|even)\s+)?$", re.IGNORECASE
)
# (not a time ago or later: 「10年以上前、」, 「数か月後に」)
_JA = LazyPattern(
    r"(?<![0-9０-９年月日週間上どか])"
    r"(?P<w>より前に|以前に|前に|前、|に先立ち|に先立って|の後に|の後、|の後で|後に|後、|後で|以降)"
)
_EARLIER = {"before", "prior to", "ahead of", "より前に", "以前に", "前に", "前、", "に先立ち",
            "に先立って"}  # fmt: skip
_JA_TOPIC = LazyPattern(r"^(?P<topic>.{1,20}?(?:氏|さん|社)?は)")


def _split(f: Features) -> tuple[str, str, str] | None:
    """(the main clause, the other event, the ordering word) of a statement that orders two
    events, if it does."""
    text = f.text.strip()
    if f.japanese:
        m = _JA.search(text)
        if m is None:
            return None
        before, after = text[: m.start()], text[m.end() :].lstrip("、 ")
        topic = _JA_TOPIC.match(before)
        if topic is not None:  # 「マスク氏はChatGPTの公開前にOpenAIを去った」
            return topic.group(0) + after, before[topic.end() :], m.group("w")
        return after, before.removesuffix("た").removesuffix("し"), m.group("w")
    opening = _EN_OPENING.match(text)
    if opening is not None:
        return opening.group("main"), opening.group("anchor"), opening.group("w").lower()
    m = _EN.search(text)
    if m is None or m.start() == 0:
        return None
    main = _EN_LEAD.sub("", text[: m.start()])
    anchor, *rest = re.split(r"[,;]", text[m.end() :], maxsplit=1)
    if rest and rest[0].strip(" ,;."):  # "Musk left after the release, citing ...": more
        return None  # than two events
    return main, anchor.strip(" ."), m.group("w").lower()


def _when(p: Profile) -> DateValue | None:
    """The date of a claim's event: its one date (dates that agree are one)."""
    dates = [d for d in p.dates if d.year != YEARLESS and d.part != "before"]
    if not dates or not all(d.agrees(dates[0]) for d in dates):
        return None
    return max(dates, key=lambda d: (d.month is not None, d.day is not None))


def _compare(a: DateValue, b: DateValue) -> int | None:
    """-1 when ``a`` is before ``b``, 1 when after, None when the dates do not tell."""
    if a.year != b.year:
        return -1 if a.year < b.year else 1
    if a.month and b.month and a.month != b.month:
        return -1 if a.month < b.month else 1
    return None


def _dated(index: Index, text: str) -> list[tuple[Profile, DateValue]]:
    """The claims that may be the event ``text`` names, with their dates: those near its
    closest claim that involve every name it gives and give a date."""
    f = index.features(text)
    cands = candidates(index, f)
    if not cands or cands[0].score < EVENT_SCORE:
        return []
    pool = [c for c in cands if c.score >= cands[0].score - NEAR
            and c.coverage >= EVENT_COVERAGE and f.entities <= c.profile.entities]  # fmt: skip
    return [(c.profile, d) for c in pool if (d := _when(c.profile)) is not None]


def ordered(index: Index, f: Features, whole: Judgement,
            judge: Callable[[Index, Features], Judgement]) -> Judgement | None:  # fmt: skip
    """The verdict on a statement that orders two events, where the order decides it (None:
    no order, or nothing to change); ``judge`` judges each event on its own."""
    parts = _split(f)
    if parts is None:
        return None
    main_text, anchor_text, word = parts
    # (a contradiction stands, unless it is only this ordering word read against a claim
    # that orders other events: the dates decide that)
    said_word = whole.conflict.statement_value if whole.conflict else None
    if whole.verdict is Verdict.CONTRADICTED and (said_word or "").lower() != word:
        return None
    main = judge(index, index.features(main_text))
    # what it says happened is contradicted, whatever came before it (but a negation or an
    # opposite read in it alone does not undo the whole statement's support)
    polar = main.conflict is not None and main.conflict.kind in POLAR
    if (main.verdict is Verdict.CONTRADICTED and whole.verdict is Verdict.UNKNOWN) or (
        main.verdict is Verdict.CONTRADICTED and whole.verdict is Verdict.SUPPORTED and not polar
    ):
        return main
    anchor_f = index.features(anchor_text)
    anchor_j = None if is_fragment(anchor_f) else judge(index, anchor_f)
    first = _dated(index, main_text) if main.verdict is Verdict.SUPPORTED else []
    other = []
    if anchor_j is None or anchor_j.verdict is Verdict.SUPPORTED:
        other = _dated(index, anchor_text)
    if not first or not other or {p.claim_id for p, _ in first} & {p.claim_id for p, _ in other}:
        return None
    # every reading of each event on one side of every reading of the other
    orders = {_compare(a, b) for _, a in first for _, b in other}
    said = orders.pop() if len(orders) == 1 else None
    a, b = first[0][1], other[0][1]
    if said is not None:
        wanted = -1 if word in _EARLIER else 1
        when = f"its event {a.iso()}, the other {b.iso()}"
        if said == wanted:
            return replace(main, reason=f"the record states this ({when})")
        found = Conflict(ConflictKind.ORDER, f"order reversed: the statement says “{word}”; the "
                         f"record dates {when}", word, None)  # fmt: skip
        return replace(main, verdict=Verdict.CONTRADICTED, reason=found.reason, conflict=found)
    return None
