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
    "become", "becam", "go", "get", "got", "make", "take", "come", "begin",
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
)

# The same in Japanese: descriptors and framing words ("the billionaire", "according to
# reports", "the two").
LIGHT_JA: tuple[str, ...] = (
    "報道", "記事", "海外メディア", "メディア", "同氏", "同社", "両者", "二人", "彼ら", "関係者",
    "その後", "当時", "現在", "同年", "億万長者", "富豪", "起業家", "実業家", "企業", "会社",
    "開発元", "メーカー", "人工知能", "チャットボット", "テック", "大手", "最高経営責任者",
    "によると", "ニュース", "騰訊科技", "明らか", "指摘", "述べ", "語っ", "主張",
)

# Concepts said in both languages. An English word is accounted for when the claim's
# Japanese text or its source passage says the concept in Japanese, and a Japanese word
# when the claim says it in English (or in other Japanese words). Each row: English word
# starts (matched against stems), Japanese forms (matched as substrings).
CONCEPTS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("donat", "gave", "give", "gift", "contribut", "fund", "financ", "bankroll"),
     ("寄付", "寄贈", "資金提供", "出資", "拠出", "資金援助", "支援", "提供")),
    (("found", "co-found", "cofound", "establish", "set up", "creat", "launch", "start"),
     ("設立", "創設", "創立", "創業", "立ち上げ", "発足", "共同創業", "共同設立")),
    (("lawsuit", "su", "sue", "complaint", "litig", "court", "filing", "legal"),
     ("訴訟", "提訴", "訴え", "起訴", "告訴", "裁判", "訴状")),
    (("email", "mail", "messag", "letter", "wrote", "writ"),
     ("メール", "電子メール", "書簡", "手紙", "書い", "書き", "送")),
    (("board", "director", "trustee"), ("取締役", "理事", "役員")),
    (("ceo", "chief executive", "executive"), ("CEO", "最高経営責任者", "経営者", "トップ")),
    (("invest", "stake", "backer", "stock", "share", "equiti"),
     ("投資", "出資", "株式", "株", "持ち株", "持分")),
    (("nonprofit", "non-profit", "charit"), ("非営利",)),
    (("profit", "for-profit", "commerci", "money-mak"), ("営利", "利益", "収益", "商業")),
    (("research", "scientist", "engin"), ("研究", "科学者", "エンジニア", "技術者")),
    (("employe", "staff", "worker", "team", "personnel", "talent"),
     ("従業員", "社員", "職員", "スタッフ", "人材", "チーム")),
    (("recruit", "hire", "hir", "lure", "poach", "attract", "woo"),
     ("採用", "引き抜", "勧誘", "スカウト", "雇", "招")),
    (("leav", "left", "quit", "depart", "resign", "exit", "step"),
     ("辞任", "退任", "離れ", "去", "辞め", "離脱", "退社", "退")),
    (("sell", "sold", "sale"), ("売却", "売", "手放")),
    (("buy", "bought", "acquir", "acquisit", "purchas", "takeover"), ("買収", "購入", "取得", "買")),
    (("releas", "launch", "unveil", "introduc", "debut", "roll"),
     ("リリース", "発表", "公開", "発売", "投入", "披露", "登場")),
    (("announc", "declar", "unveil"), ("発表", "表明", "公表", "宣言")),
    (("meet", "meeting", "met", "dinner", "gathering"), ("会合", "会議", "会談", "面会", "会っ", "夕食", "会")),
    (("danger", "threat", "risk", "concern", "worri", "worry", "fear"),
     ("危険", "脅威", "リスク", "懸念", "心配", "恐")),
    (("humanity", "human", "mankind"), ("人類", "人間")),
    (("mission", "goal", "purpos", "aim", "intent"), ("使命", "目的", "目標", "意図", "理念")),
    (("control", "power", "command", "lead", "run"), ("支配", "主導", "管理", "経営", "権限", "指揮", "率い")),
    (("merg", "combin", "fold"), ("合併", "統合")),
    (("rival", "competitor", "compet", "competit"), ("競争", "ライバル", "対抗", "競合")),
    (("propos", "suggest", "float", "pitch", "offer", "idea", "plan"),
     ("提案", "提唱", "申し出", "アイデア", "構想", "計画")),
    (("reject", "refus", "declin", "dismiss", "rebuff", "turn"), ("拒否", "拒絶", "断", "却下")),
    (("agree", "accept", "endors", "approv"), ("同意", "賛成", "承認", "受け入")),
    (("deni", "deny"), ("否定", "否認")),
    (("accus", "charg", "alleg", "blame"), ("非難", "告発", "主張", "訴え")),
    (("mentor", "teacher", "idol", "hero", "role model"), ("師", "メンター", "師匠", "手本")),
    (("friend", "friendship", "relationship", "tie", "bond", "partnership"),
     ("友人", "友情", "関係", "親交", "盟友")),
    (("feud", "rift", "clash", "conflict", "disput", "fight", "spat"), ("確執", "対立", "争い", "紛争", "決裂", "衝突")),
    (("office", "headquart", "build"), ("オフィス", "本社", "事務所", "ビル")),
    (("rent", "leas"), ("賃料", "家賃", "賃貸", "リース", "借")),
    (("compute", "comput", "chip", "gpu"), ("計算", "コンピュー", "チップ", "GPU")),
    (("model", "system"), ("モデル", "システム")),
    (("open-sourc", "open sourc", "open"), ("オープン", "公開")),
    (("paper", "study"), ("論文", "研究")),
    (("safeti", "safety", "safe"), ("安全",)),
    (("technolog", "tech"), ("技術", "テクノロジー")),
    (("billion",), ("億",)),
    (("million",), ("万",)),
    (("age", "old", "young"), ("歳", "年齢", "年上", "年下")),
    (("year",), ("年",)),
    (("public", "publicly", "open"), ("公", "公開", "公の場", "人前")),
    (("car", "vehicl", "electric"), ("自動車", "電気自動車", "EV", "車")),
    (("rocket", "space", "launch"), ("ロケット", "宇宙", "打ち上げ")),
)

# Qualifiers that change what is asserted: "first", "only", "largest", "more than", before
# and after. A statement that uses one must find it (in either language) in the evidence.
QUALIFIERS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("first",), ("初", "最初", "第一")),
    (("only", "sole", "solely"), ("唯一", "だけ", "のみ", "単独")),
    (("largest", "biggest", "most", "greatest", "top"), ("最大", "最も", "一番", "トップ")),
    (("last", "final", "latest"), ("最後", "最終", "最新")),
    (("successful", "succeed"), ("成功",)),
    (("secret", "secretly", "privately", "private"), ("秘密", "非公開", "内密", "ひそか", "私的")),
    # how often and on which day: a frequency or weekday the evidence does not give
    (("every day", "daily", "every week", "weekly", "every month", "monthly", "every year",
      "annually", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "weekend"),
     ("毎日", "毎週", "毎月", "毎年", "月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜", "週末")),
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
