"""Polarity: negation and opposite meanings, English and Japanese.

A statement contradicts a claim when it negates what the claim states (or states what the
claim negates), or when it uses the opposite of a word the claim relies on
("agreed" / "refused", "largest" / "minor", "months" / "years").
"""

from __future__ import annotations

import re

_EN_NEG = re.compile(
    r"\b(?:not|never|no longer|no|none|nothing|nobody|neither|nor|without|cannot|hardly|"
    r"barely|refrained from|failed to)\b|n't\b",
    re.IGNORECASE,
)
_EN_NEG_EXCEPT = re.compile(
    r"\bnot only\b|\bno doubt\b|\bnot just\b|\bno less than\b|\bnothing but\b|\bno sooner\b|"
    r"\bwhether or not\b|\bif not\b",
    re.IGNORECASE,
)
_JA_NEG = re.compile(
    r"(?:ない|なかっ|なく|ぬ(?![ぐけき])|ず(?:に|、|。|じまい)|せず|ません|ませんでし|"
    r"一切|決して|全く.{0,8}な|無かっ|無い|無し|なし(?:に|で)?)"
)
_JA_NEG_EXCEPT = re.compile(
    r"少な|危な|間違いな|違いな|ではないか|じゃないか|のではない|だけでなく|だけではなく|のみならず|"
    r"ばかりでなく|かもしれない|に過ぎない|にすぎない|ならない|いけない|わけではない|"
    r"欠かせな|絶え間な|もはや|まもなく|間もなく|ほどなく|なくなっ|ないだろうか|"
    r"しかない|ほかない|他ない|たまらない|足りない|問わず|にかかわらず|にもかかわらず|"
    r"思わず|相変わらず|少なくとも|とんでもな|つまらな|さりげな|はかな|おさな|幼な|"
    r"きたな|汚な|なくてはならな|なければならな|関わらず|拘らず|ならず"
)

# Opposites: each pair lists two groups of word stems (English) or substrings (Japanese).
OPPOSITES: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (
        (
            "agree",
            "accept",
            "endors",
            "approv",
            "welcom",
            "embrac",
            "worth discuss",
            "worth a convers",
        ),
        (
            "refus",
            "reject",
            "dismiss",
            "declin",
            "rebuff",
            "spurn",
            "turn down",
            "turned down",
            "out of hand",
            "oppos",
            "veto",
        ),
    ),
    (
        (
            "prais",
            "applaud",
            "hail",
            "laud",
            "champion",
            "celebrat",
            "no danger",
            "harmless",
            "safe",
        ),
        (
            "concern",
            "worr",
            "fear",
            "warn",
            "danger",
            "criticiz",
            "criticis",
            "condemn",
            "alarm",
            "threat",
            "risk",
        ),
    ),
    (
        ("largest", "biggest", "major", "main", "top", "leading", "primary", "key", "chief"),
        ("minor", "smallest", "small", "marginal", "negligible", "insignificant", "peripheral"),
    ),
    (
        (
            "enormous",
            "huge",
            "massive",
            "vast",
            "immense",
            "large amount",
            "lots of",
            "great deal",
            "tremendous",
            "heavy",
        ),
        (
            "modest",
            "little",
            "small amount",
            "minimal",
            "tiny",
            "limited",
            "few",
            "meager",
            "light",
        ),
    ),
    (
        ("continu", "kept", "keep", "still", "remain", "maintain", "sustain", "ongoing"),
        (
            "stop",
            "ceas",
            "quit",
            "halt",
            "end ",
            "ended",
            "gave up",
            "give up",
            "abandon",
            "cut off",
            "cut ties",
            "broke off",
            "severed",
            "no longer",
        ),
    ),
    (
        ("gave", "grant", "provid", "offer", "allow", "open", "shared", "share"),
        (
            "denied",
            "deny",
            "withheld",
            "withhold",
            "block",
            "cut off",
            "revok",
            "barred",
            "forbade",
        ),
    ),
    (
        (
            "defend",
            "back",
            "support",
            "stood by",
            "stand by",
            "champion",
            "side with",
            "sided with",
        ),
        ("attack", "bet against", "betting against", "short", "criticiz", "turned on", "against"),
    ),
    (
        ("succeed", "success", "won ", "win ", "beat", "prevail"),
        ("fail", "lost", "lose", "unsuccessful", "fell through", "collapsed"),
    ),
    (("older", "elder", "senior"), ("younger", "junior")),
    (("months", "weeks", "days", "soon", "shortly", "quickly"), ("years", "decade", "decades")),
    (
        ("opposed", "against the", "resist", "objected"),
        ("supported the", "backed the", "favored", "favoured", "embraced", "agreed to"),
    ),
    (("jealous", "envious"), ("proud", "happy for", "pleased for")),
    (
        ("sad", "sadden", "disappoint", "upset", "dismay", "hurt"),
        ("happy", "glad", "pleased", "delighted", "thrilled", "indifferent", "unbothered"),
    ),
    (("real", "deep", "genuine", "sincere"), ("fake", "superficial", "feigned", "pretend")),
    (("hero", "mentor", "idol"), ("villain", "nemesis", "enemy")),
]
OPPOSITES_JA: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (
        ("同意", "賛成", "承諾", "受け入れ", "価値がある", "了承", "応じ"),
        ("拒否", "拒絶", "反対", "却下", "断っ", "断り", "一蹴", "退け", "はねつけ"),
    ),
    (
        ("称賛", "賞賛", "絶賛", "歓迎", "評価し", "危険はない", "安全"),
        ("懸念", "心配", "恐れ", "危惧", "警告", "批判", "危険", "脅威", "リスク"),
    ),
    (
        ("最大", "最も多", "主要", "中心的", "重要な"),
        ("最小", "わずか", "小口", "僅か", "脇役", "少額"),
    ),
    (
        ("膨大", "大量", "巨大", "莫大", "多大"),
        ("わずか", "少し", "少量", "僅か", "控えめ", "小さな"),
    ),
    (
        ("続け", "続い", "継続", "維持", "今でも", "今も", "引き続き"),
        ("やめ", "止め", "打ち切", "断念", "中止", "停止", "絶っ", "途絶", "なくなっ"),
    ),
    (
        ("与え", "提供", "許可", "認め", "開放", "共有"),
        ("遮断", "拒", "禁じ", "剥奪", "取り上げ", "閉ざ"),
    ),
    (("擁護", "支持", "味方", "支援"), ("批判", "攻撃", "空売りを支持", "反対", "敵対")),
    (("成功", "勝っ", "勝利"), ("失敗", "敗れ", "負け", "頓挫")),
    (("年上",), ("年下",)),
    (("数カ月", "数か月", "数ヶ月", "数週間", "すぐ", "直後"), ("数年", "何年も", "数十年")),
    (("悲し", "失望", "落胆", "残念"), ("喜ん", "うれし", "嬉し", "満足", "歓迎")),
    (("嫉妬",), ("誇り", "喜ん")),
]


def en_negated(text: str) -> int:
    """Number of negations in an English text (idioms like "not only" do not count)."""
    cleaned = _EN_NEG_EXCEPT.sub(" ", text)
    return len(_EN_NEG.findall(cleaned))


def ja_negated(text: str) -> int:
    cleaned = _JA_NEG_EXCEPT.sub("＿", text)
    return len(_JA_NEG.findall(cleaned))


def _groups_present(
    low: str, pairs: list[tuple[tuple[str, ...], tuple[str, ...]]]
) -> set[tuple[int, int]]:
    present = set()
    for i, (left, right) in enumerate(pairs):
        if any(w in low for w in left):
            present.add((i, 0))
        if any(w in low for w in right):
            present.add((i, 1))
    return present


def opposed(statement: str, claim: str, japanese: bool) -> str | None:
    """The opposite word the statement uses against the claim, if any.

    A pair counts when the claim uses one side, the statement the other side and not the
    claim's side.
    """
    pairs = OPPOSITES_JA if japanese else OPPOSITES
    s_low = " " + statement.lower() + " "
    c_low = " " + claim.lower() + " "
    s_groups = _groups_present(s_low, pairs)
    c_groups = _groups_present(c_low, pairs)
    for i, side in sorted(c_groups):
        other = 1 - side
        if (i, other) in s_groups and (i, side) not in s_groups and (i, other) not in c_groups:
            word = next(w for w in pairs[i][other] if w in s_low)
            return word.strip()
    return None
