"""Polarity: negation and opposite meanings, English and Japanese.

A statement contradicts a claim when it negates what the claim states (or states what the
claim negates), or when it uses the opposite of a word the claim relies on
("agreed" / "refused", "largest" / "minor", "months" / "years").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from factcheck.normalize.regex import LazyPattern

_EN_NEG = LazyPattern(
    r"\b(?:not|never|no longer|no|none|nothing|nobody|neither|nor|without|cannot|hardly|"
    r"barely|refrained from|failed to|avoided|avoids|avoiding|"
    # refusing and denying, as verbs ("the dispute" is a noun and negates nothing)
    r"refused|refuses|refusing|refuse to|rejected|rejects|rejecting|declined to|declines to|"
    r"denied|denies|deny|denying|turned down|rebuffed|spurned|dismissed|dismisses|opposed|"
    r"opposes|opposing|disputed|disputes|disputing|rebutted|refuted|refutes|contested|"
    r"contests|withdrew|retracted)\b|n't\b",
    re.IGNORECASE,
)
_EN_NEG_EXCEPT = LazyPattern(
    r"\bnot only\b|\bno doubt\b|\bnot just\b|\bno less than\b|\bnothing but\b|\bno sooner\b|"
    r"\b(?:not|never|no longer)\s+(?:\w+\s+)?(?:deny|denied|oppose|reject|refuse|dispute|contest|"
    r"rebut|refute|dismiss|decline)\w*|n't\s+(?:\w+\s+)?(?:deny|oppose|reject|refuse|dispute|"
    r"contest|rebut|refute|dismiss|decline)\w*|"  # a negated denial is no denial
    r"\bwhether or not\b|\bif not\b|\bso as not to\b|\bin order not to\b|\bso (?:that )?(?:it|they|he|she) (?:would|could) not\b|\bwithout (?:reservation|hesitation|doubt|question)\b|\bnot-for-profit\b|\bno-one\b(?=-)",
    re.IGNORECASE,
)
_JA_NEG = LazyPattern(
    r"(?:ない|なかっ|なく|ぬ(?![ぐけき])|ず(?:に|、|。|じまい)|せず|ません|ませんでし|"
    r"一切|決して|全く.{0,8}な|無かっ|無い|無し|なし(?:に|で)?|拒否|拒絶|拒ん|拒み|拒む|拒ま|反対|反発|反論|反駁|退け|断っ|断り|否定|却下|一蹴|避け|撤回)"
)
_JA_NEG_EXCEPT = LazyPattern(
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
_JA_MODIFIER = LazyPattern(
    r"(?:する|した|している|していた|され|した)?[\u4e00-\u9fff\u30a0-\u30ff]"
)
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


def _noun_start(ch: str) -> bool:
    """A kanji, a katakana, or an ASCII letter or digit. Compared directly: as a character
    class the ranges would cost a millisecond to compile (the compiler visits each code point)."""
    return (
        "\u4e00" <= ch <= "\u9fff" or "\u30a0" <= ch <= "\u30ff" or (ch.isascii() and ch.isalnum())
    )


@cache
def _en_table() -> dict[str, list[tuple[str, bool, int, int]]]:
    """English phrases by their first three letters: a phrase matches at the start of a word
    (a trailing space in the lexicon means it must also end a word: "war " is not "warn").
    Built on first use, not at import (a thousand phrases: half a millisecond); the lexicon
    too is imported then: a statement settled by its values never reads it."""
    from factcheck.normalize.opposites import EN

    table: dict[str, list[tuple[str, bool, int, int]]] = {}
    for i, pair in enumerate(EN):
        for side, words in enumerate(pair):
            for w in words:
                p = w.strip().lower()
                table.setdefault(p[:3], []).append((p, w.endswith(" "), i, side))
    return table


def en_negated(text: str) -> int:
    """Number of negations in an English text (idioms like "not only" do not count)."""
    return len(en_negated_texts(text))


@lru_cache(maxsize=8192)
def en_negated_texts(text: str) -> tuple[str, ...]:
    """What follows each negation of an English text (what it negates, and more)."""
    cleaned = _EN_NEG_EXCEPT.sub(" ", text)
    return tuple(cleaned[m.end() : m.end() + 80] for m in _EN_NEG.finditer(cleaned))


@lru_cache(maxsize=8192)
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
            and _noun_start(nxt)
            and not rest.startswith(_NEGATED_NOUNS)
        ):
            continue  # "ない" modifying a noun ("いかない価格"), not ending the predicate
        if m.group(0) in _JA_REFUSALS and _JA_MODIFIER.match(cleaned, m.end()):
            continue  # "テスラに反対する人々": the refusal describes the people, not the speaker
        count += 1
    return count


# Words that say "no longer" or "not at all" without a negation word. They count as a
# negation only against evidence that is itself negative ("no longer funds" ~ "stopped").
_EN_IMPLICIT = LazyPattern(
    r"\b(?:stopped|ceased|halted|gave up|given up|discontinued|ended(?! up)|abandoned|"
    r"left out|leaves out|"
    r"leave out|omit\w*|makes no mention|made no mention|silent on|absent|lacks?|lacked)\b",
    re.IGNORECASE,
)
_JA_IMPLICIT = LazyPattern(r"やめ|止め|打ち切|断念|中止|停止|触れていな|言及していな|省|皆無")


def implicit_negation(text: str, japanese: bool) -> bool:
    return bool((_JA_IMPLICIT if japanese else _EN_IMPLICIT).search(text))


def _en_hits(text: str) -> dict[tuple[int, int], str]:
    """(pair, side) -> the first phrase of that side found in an English text."""
    low = text.lower()
    table = _en_table()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    n = len(low)
    for i in range(n):
        if not low[i].isalnum() or (i and low[i - 1].isalnum()):
            continue
        for phrase, whole, pair, side in table.get(low[i : i + 3], ()):
            end = i + len(phrase)
            if low.startswith(phrase, i) and not (whole and end < n and low[end].isalnum()):
                spans.setdefault((pair, side), (i, end))
    # a phrase inside the other side's longer phrase is part of it: "lost his enthusiasm"
    # is not "enthusiasm"
    for (pair, side), (a, b) in list(spans.items()):
        other = spans.get((pair, 1 - side))
        if other and other[0] <= a and b <= other[1] and (other[1] - other[0]) > (b - a):
            del spans[(pair, side)]
    return {key: text[a:b] for key, (a, b) in spans.items()}


@lru_cache(maxsize=8192)
def _sides(text: str, japanese: bool) -> dict[tuple[int, int], str]:
    """Which side of which pair of opposites a text uses, with the words that say so."""
    if not japanese:
        return _en_hits(text)
    from factcheck.normalize.opposites import JA

    npo = "非営利" in text
    text = text.replace("非営利", "ＮＰＯ")  # so that 営利 (for-profit) is not found inside it
    present: dict[tuple[int, int], str] = {}
    for i, pair in enumerate(JA):
        for side, words in enumerate(pair):
            word = next((w for w in words if w in text), None)
            if word is not None:
                present[(i, side)] = "非営利" if npo and word == "ＮＰＯ" else word
    return present


def same_side(word: str, texts: tuple[str, ...], japanese: bool) -> bool:
    """Does one of ``texts`` use a word on the same side of a pair of opposites as ``word``
    ("jackass" where the evidence says "idiot")? The lexicon's sides are sets of words
    that say the same thing."""
    mine = _sides(word, japanese).keys()
    return bool(mine) and any(mine & _sides(t, japanese).keys() for t in texts)


def polar_words(text: str, japanese: bool) -> tuple[str, ...]:
    """The words of a text that have an opposite (one side of a pair of opposites)."""
    return tuple(dict.fromkeys(w.strip() for w in _sides(text, japanese).values()))


def opposed(statement: str, claim: str, japanese: bool) -> tuple[str, str] | None:
    """The opposite words (the statement's, the claim's) that set them against each other.

    A pair counts when the claim uses one side, the statement the other side and not the
    claim's side, and the claim does not itself use both sides. An ordering ("before" /
    "after") counts only against the same anchor (the words after it share one).
    """
    s_sides = _sides(statement, japanese)
    c_sides = _sides(claim, japanese)
    for i, side in sorted(c_sides):
        other = 1 - side
        if (i, other) in s_sides and (i, side) not in s_sides and (i, other) not in c_sides:
            return s_sides[(i, other)], c_sides[(i, side)]
    return _reordered(statement, claim, japanese)


@lru_cache(maxsize=8192)
def _anchored(text: str, words: tuple[str, ...],
              japanese: bool) -> tuple[str, frozenset[str]] | None:  # fmt: skip
    """The first of ``words`` in ``text`` and the words of what follows it in its clause (its
    anchor: English words of four letters or more, Japanese kanji and katakana pairs); kept
    for the claims' texts, read against every statement compared with them."""
    low = text if japanese else text.lower()
    for w in words:
        at = (
            low.find(w)
            if japanese
            else next((m.start() for m in re.finditer(rf"\b{re.escape(w)}\b", low)), -1)
        )
        if at >= 0:
            after = re.split(
                r"[,、。;.]", low[at + len(w) : at + len(w) + (12 if japanese else 40)]
            )[0]
            if japanese:  # the anchor stands before it: 「会議の前に」, 「ローンチの後」
                before = re.split(r"[,、。;.]", low[max(0, at - 12) : at])[-1]
                runs = re.findall(r"[\u4e00-\u9fff\u30a0-\u30ffー]{2,}", before + " " + after)
                return w, frozenset(r[i : i + 2] for r in runs for i in range(len(r) - 1))
            return w, frozenset(t[:5] for t in re.findall(r"[a-z]{4,}", after)) - _THIN
    return None


_THIN = frozenset({"that", "this", "with"})


def _reordered(statement: str, claim: str, japanese: bool) -> tuple[str, str] | None:
    from factcheck.normalize.opposites import ORDERINGS_EN, ORDERINGS_JA

    for pair in ORDERINGS_JA if japanese else ORDERINGS_EN:
        for side in (0, 1):
            said = _anchored(statement, pair[side], japanese)
            source = _anchored(claim, pair[1 - side], japanese)
            if said is None or source is None or _anchored(claim, pair[side], japanese):
                continue
            if _anchored(statement, pair[1 - side], japanese) is None and said[1] & source[1]:
                return said[0], source[0]
    return None
