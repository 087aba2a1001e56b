"""Polarity: negation and opposite meanings, English and Japanese.

A statement contradicts a claim when it negates what the claim states (or states what the
claim negates), or when it uses the opposite of a word the claim relies on
("agreed" / "refused", "largest" / "minor", "months" / "years").
"""

from __future__ import annotations

import re

from factcheck.normalize.opposites import EN, JA

_EN_NEG = re.compile(
    r"\b(?:not|never|no longer|no|none|nothing|nobody|neither|nor|without|cannot|hardly|"
    r"barely|refrained from|failed to|avoided|avoids|avoiding|"
    # refusing and denying, as verbs ("the dispute" is a noun and negates nothing)
    r"refused|refuses|refusing|refuse to|rejected|rejects|rejecting|declined to|declines to|"
    r"denied|denies|deny|denying|turned down|rebuffed|spurned|dismissed|dismisses|opposed|"
    r"opposes|opposing|disputed|disputes|disputing|rebutted|refuted|refutes|contested|"
    r"contests|withdrew|retracted)\b|n't\b",
    re.IGNORECASE,
)
_EN_NEG_EXCEPT = re.compile(
    r"\bnot only\b|\bno doubt\b|\bnot just\b|\bno less than\b|\bnothing but\b|\bno sooner\b|"
    r"\b(?:not|never|no longer)\s+(?:\w+\s+)?(?:deny|denied|oppose|reject|refuse|dispute|contest|"
    r"rebut|refute|dismiss|decline)\w*|n't\s+(?:\w+\s+)?(?:deny|oppose|reject|refuse|dispute|"
    r"contest|rebut|refute|dismiss|decline)\w*|"  # a negated denial is no denial
    r"\bwhether or not\b|\bif not\b|\bwithout (?:reservation|hesitation|doubt|question)\b|\bnot-for-profit\b|\bno-one\b(?=-)",
    re.IGNORECASE,
)
_JA_NEG = re.compile(
    r"(?:ない|なかっ|なく|ぬ(?![ぐけき])|ず(?:に|、|。|じまい)|せず|ません|ませんでし|"
    r"一切|決して|全く.{0,8}な|無かっ|無い|無し|なし(?:に|で)?|拒否|拒絶|拒ん|拒み|拒む|拒ま|反対|反発|反論|反駁|退け|断っ|断り|否定|却下|一蹴|避け|撤回)"
)
_JA_NEG_EXCEPT = re.compile(
    r"(?:否定|反対|拒否|拒絶|反論|却下)(?:は|も)?(?:し|され|でき)(?:てい|ては)?(?:ない|なかっ|ず|ません)|"
    r"少な|危な|間違いな|違いな|ではないか|じゃないか|のではない|だけでなく|だけではなく|のみならず|"
    r"ばかりでなく|かもしれない|に過ぎない|にすぎない|ならない|いけない|"
    r"欠かせな|絶え間な|もはや|まもなく|間もなく|ほどなく|ないだろうか|"
    r"しかない|ほかない|他ない|たまらない|足りない|問わず|にかかわらず|にもかかわらず|"
    r"思わず|相変わらず|少なくとも|とんでもな|つまらな|さりげな|はかな|おさな|幼な|"
    r"きたな|汚な|なくてはならな|なければならな|関わらず|拘らず|ならず|ないよう"
)

_JA_REFUSALS = frozenset(
    {"拒否", "拒絶", "反対", "反発", "反論", "反駁", "退け", "否定", "却下", "一蹴", "避け", "撤回"}
)
_JA_MODIFIER = re.compile(r"(?:する|した|している|していた|され|した)?[\u4e00-\u9fff\u30a0-\u30ff]")
_NEGATED_NOUNS = (
    "方針",
    "こと",
    "予定",
    "計画",
    "意向",
    "考え",
    "姿勢",
    "立場",
    "決定",
    "決断",
    "方向",
    "約束",
)
_NOUN_START = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z0-9]")
_EN_PAIRS: list[tuple[re.Pattern[str], ...]] = [
    tuple(re.compile(r"\b(?:" + "|".join(re.escape(w.strip()) for w in side) + ")", re.IGNORECASE)
          for side in pair)
    for pair in EN
]  # fmt: skip


def en_negated(text: str) -> int:
    """Number of negations in an English text (idioms like "not only" do not count)."""
    cleaned = _EN_NEG_EXCEPT.sub(" ", text)
    return len(_EN_NEG.findall(cleaned))


def ja_negated(text: str) -> int:
    """Negations that end a predicate; "ない" before a noun ("納得のいかない価格") modifies the
    noun and does not negate the statement."""
    cleaned = _JA_NEG_EXCEPT.sub("＿", text)
    count = 0
    for m in _JA_NEG.finditer(cleaned):
        nxt = cleaned[m.end() : m.end() + 1]
        rest = cleaned[m.end() : m.end() + 3]
        if (
            m.group(0) in ("ない", "無い")
            and nxt
            and _NOUN_START.match(nxt)
            and not rest.startswith(_NEGATED_NOUNS)
        ):
            continue  # "ない" modifying a noun ("いかない価格"), not ending the predicate
        if m.group(0) in _JA_REFUSALS and _JA_MODIFIER.match(cleaned, m.end()):
            continue  # "テスラに反対する人々": the refusal describes the people, not the speaker
        count += 1
    return count


# Words that say "no longer" or "not at all" without a negation word. They count as a
# negation only against evidence that is itself negative ("no longer funds" ~ "stopped").
_EN_IMPLICIT = re.compile(
    r"\b(?:stopped|ceased|halted|gave up|given up|discontinued|ended(?! up)|abandoned|"
    r"left out|leaves out|"
    r"leave out|omit\w*|makes no mention|made no mention|silent on|absent|lacks?|lacked)\b",
    re.IGNORECASE,
)
_JA_IMPLICIT = re.compile(r"やめ|止め|打ち切|断念|中止|停止|触れていな|言及していな|省|皆無")


def implicit_negation(text: str, japanese: bool) -> bool:
    return bool((_JA_IMPLICIT if japanese else _EN_IMPLICIT).search(text))


def _sides(text: str, japanese: bool) -> set[tuple[int, int]]:
    """Which side of which pair of opposites a text uses."""
    present = set()
    if japanese:
        text = text.replace("非営利", "ＮＰＯ")  # so that 営利 (for-profit) is not found inside it
        for i, (left, right) in enumerate(JA):
            if any(w in text for w in left):
                present.add((i, 0))
            if any(w in text for w in right):
                present.add((i, 1))
        return present
    for i, (left_rx, right_rx) in enumerate(_EN_PAIRS):
        if left_rx.search(text):
            present.add((i, 0))
        if right_rx.search(text):
            present.add((i, 1))
    return present


def opposed(statement: str, claim: str, japanese: bool) -> tuple[str, str] | None:
    """The opposite words (the statement's, the claim's) that set them against each other.

    A pair counts when the claim uses one side, the statement the other side and not the
    claim's side, and the claim does not itself use both sides.
    """
    if japanese:
        statement, claim = statement.replace("非営利", "ＮＰＯ"), claim.replace("非営利", "ＮＰＯ")
    s_sides = _sides(statement, japanese)
    c_sides = _sides(claim, japanese)
    for i, side in sorted(c_sides):
        other = 1 - side
        if (i, other) in s_sides and (i, side) not in s_sides and (i, other) not in c_sides:
            if japanese:
                return (next(w for w in JA[i][other] if w in statement),
                        next(w for w in JA[i][side] if w in claim))  # fmt: skip
            ms = _EN_PAIRS[i][other].search(statement)
            mc = _EN_PAIRS[i][side].search(claim)
            return (ms.group(0), mc.group(0)) if ms and mc else None
    return None
