"""The shared paraphrase lexicon: words that assert nothing of their own, and concepts said
in English and Japanese.

A statement is supported only when everything it asserts is accounted for by the cited
claim (``verdict/alignment.py``). These tables say which of its words need no accounting
(a descriptor such as "the billionaire", a framing word such as "meanwhile") and which words
of the two languages say the same thing, so that an English statement can be aligned with a
Japanese passage and a Japanese statement with an English phrasing. Each claim adds its own
paraphrases in its ``terms``; this module holds what is true of every claim. Language
knowledge only: the facts live in the record.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.normalize.concepts import CONCEPTS

# fmt: off

# Words that describe someone already named, or frame a statement, without asserting a
# fact of their own: "the billionaire", "the ChatGPT maker", "meanwhile", "publicly said".
LIGHT_EN: tuple[str, ...] = (
    "billionaire", "mogul", "tycoon", "magnate", "entrepreneur", "businessman",
    "maker", "developer", "owner", "operator", "outfit", "giant", "group", "firm",
    "company", "startup", "start-up", "lab", "laboratory", "organization", "organisation",
    "chief", "boss", "head", "leader", "tech", "technology", "artificial",
    "intelligence", "ai", "generative", "chatbot", "platform", "social", "network",
    "media", "news", "report", "article", "outlet", "press", "story", "account",
    "meanwhile", "however", "indeed", "notably", "ultimately", "eventually", "subsequently",
    "later", "now", "then", "today", "currently", "also", "too", "fellow",
    "famous", "well-known", "prominent", "high-profile", "renowned", "known",
    "mr", "ms", "dr", "sir", "person", "people", "man", "men", "woman", "pair", "duo", "two",
    "both", "together", "jointly", "one", "another", "thing", "things", "way", "time",
    "year", "month", "week", "day", "date", "world", "world's", "s", "based",
    "american", "u.s.", "us", "san", "francisco-based", "silicon", "valley",
    "become", "becam", "go", "get", "got", "make", "come", "begin",
    "according", "allege", "alleg", "document", "documents", "papers",
    "state", "stat", "say", "tell", "note", "argue", "argu",
    # verbs and adverbs that carry a paraphrase, not a fact of their own ("tried to poach",
    # "added up to", "moving forward", "picked up the tab for"); opposite events are read
    # by the polarity rules, not here
    "try", "tried", "want", "wanted", "turn", "put", "keep", "kept", "add", "added", "deal",
    "dealt", "pick", "picked", "move", "moving", "forward", "ahead", "back", "decide",
    "decided", "drop", "dropped", "pull", "pulled", "bring", "expect", "expected", "within",
    "wide", "widely", "fierce", "fiercely", "former", "ally", "allies", "continue", "continued",
    "firmly", "strongly", "deeply", "greatly", "highly", "heavily", "sharply", "openly",
    "directly", "regularly", "repeatedly", "frequently", "often", "already", "once", "soon",
    "shortly", "around", "away", "off", "along", "across", "toward", "towards", "amid",
    "major", "big", "large", "key", "main", "new", "old", "long", "whole", "entire", "own",
    "seat", "role", "post", "position", "job", "tab", "money", "cash", "sum", "amount",
    "use", "used", "using", "run", "ran", "help", "helped", "need", "needed", "seem", "seemed",
    # emphasis ("in 2016 alone", "even", "just"), and years counted from another ("the
    # following year": a date, compared as such)
    "alone", "even", "just", "actually", "really", "indeed",
    "following", "next", "previous", "preceding", "subsequent",
)

# The same in Japanese: descriptors and framing words ("the billionaire", "according to
# reports", "the two").
LIGHT_JA: tuple[str, ...] = (
    "報道", "記事", "海外メディア", "メディア", "同氏", "同社", "両者", "二人", "彼ら", "関係者",
    "その後", "当時", "現在", "同年", "億万長者", "富豪", "起業家", "実業家", "企業", "会社",
    "開発元", "メーカー", "人工知能", "チャットボット", "テック", "大手", "最高経営責任者",
    "によると", "ニュース", "騰訊科技", "明らか", "指摘", "述べ", "語っ", "主張",
    "人々", "人たち", "人物", "たち",
    # verbs of one kanji that carry a paraphrase, as "decide", "begin", "continue" do
    "決め", "決ま", "始め", "始ま", "続け", "続い", "試み", "行っ", "行わ",
)


# Qualifiers that change what is asserted: "first", "only", "largest", "more than", before
# and after. A statement that uses one must find it (in either language) in the evidence.
QUALIFIERS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("first",), ("初", "最初", "第一")),
    (("only", "sole", "solely"), ("唯一", "だけ", "のみ", "単独")),
    (("largest", "biggest", "most", "greatest", "top"), ("最大", "最も", "一番", "トップ")),
    (("last", "final", "latest"), ("最後", "最終", "最新")),
    (("richest", "wealthiest"), ("最も裕福", "富豪", "長者")),
    (("youngest", "oldest"), ("最年少", "最年長")),
    (("most powerful", "most influential", "most famous", "best-known", "most valuable"),
     ("最も影響力", "最も有名", "最も価値")),
    (("successful", "succeed"), ("成功",)),
    (("secret", "secretly", "privately", "private"), ("秘密", "非公開", "内密", "ひそか", "私的")),
    # how often and on which day: a frequency or weekday the evidence does not give
    (("every day", "daily", "every week", "weekly", "every month", "monthly", "every year",
      "annually", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "weekend"),
     ("毎日", "毎週", "毎月", "毎年", "月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜", "週末")),
    # the time of day
    (("late at night", "at night", "overnight", "midnight", "in the morning", "at dawn",
      "in the evening", "at noon", "before dawn"),
     ("深夜", "夜遅く", "夜中", "真夜中", "早朝", "未明", "夕方", "正午", "夜明け")),
)

# fmt: on


@lru_cache(maxsize=1)
def light_stems() -> frozenset[str]:
    """The canonical stems of LIGHT_EN (computed once, on first use)."""
    from factcheck.normalize.words import canonical

    return frozenset(canonical(w) for w in LIGHT_EN) | frozenset(LIGHT_EN)


@lru_cache(maxsize=4096)
def concepts_of_stem(stem: str) -> tuple[int, ...]:
    """The concepts (row numbers of CONCEPTS) an English stem says."""
    from factcheck.normalize.words import canonical

    hits = []
    for k, (en, _) in enumerate(CONCEPTS):
        if any(
            stem == w or (len(w) >= 4 and stem.startswith(w)) or stem == canonical(w) for w in en
        ):
            hits.append(k)
    return tuple(hits)


@lru_cache(maxsize=4096)
def concepts_of_ja(run: str) -> tuple[tuple[int, str], ...]:
    """The concepts a Japanese run of kanji and katakana says: (row, the form found)."""
    return tuple((k, form) for k, (_, ja) in enumerate(CONCEPTS) for form in ja if form in run)


def concept_in(k: int, en_stems: frozenset[str], ja_texts: tuple[str, ...]) -> bool:
    """Does evidence (its English stems, its Japanese texts) say concept ``k``?"""
    from factcheck.normalize.words import canonical

    en, ja = CONCEPTS[k]
    if any(canonical(w) in en_stems or w in en_stems for w in en):
        return True
    return any(form in text for form in ja for text in ja_texts)
