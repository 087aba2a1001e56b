"""Concepts said in both languages (data only, no imports): read by the alignment through
``normalize/paraphrase.py`` and by the topic score through ``features.ja_terms``."""

from __future__ import annotations

# fmt: off

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
     ("リリース", "発表", "公開", "発売", "投入", "披露", "登場", "世に出")),
    (("announc", "declar", "unveil"), ("発表", "表明", "公表", "宣言")),
    (("meet", "meeting", "met", "gathering"), ("会合", "会議", "会談", "面会", "会っ", "会")),
    (("danger", "threat", "risk", "concern", "worri", "worry", "fear"),
     ("危険", "脅威", "リスク", "懸念", "心配", "恐")),
    (("humanity", "human", "mankind"), ("人類", "人間")),
    (("mission", "goal", "purpos", "aim", "intent"), ("使命", "目的", "目標", "意図", "理念")),
    (("control", "power", "command", "lead", "run"), ("支配", "主導", "管理", "経営", "権限", "指揮", "率い")),
    (("merg", "combin", "fold"), ("合併", "統合")),
    (("rival", "competitor", "compet", "competit"), ("競争", "ライバル", "対抗", "競合")),
    (("propos", "suggest", "float", "pitch", "offer", "idea", "plan", "push", "advocat"),
     ("提案", "提唱", "申し出", "アイデア", "構想", "計画")),
    (("reject", "refus", "declin", "dismiss", "rebuff", "turn"), ("拒否", "拒絶", "断", "却下")),
    (("agree", "accept", "endors", "approv"), ("同意", "賛成", "承認", "受け入")),
    (("deni", "deny"), ("否定", "否認")),
    (("accus", "charg", "alleg", "blame"), ("非難", "告発", "主張", "訴え")),
    (("mentor", "teacher", "idol", "hero", "role model"), ("師", "メンター", "師匠", "手本")),
    (("friend", "friendship", "relationship", "tie", "bond", "partnership"),
     ("友人", "友情", "関係", "親交", "盟友")),
    (("feud", "rift", "clash", "conflict", "disput", "fight", "spat"), ("確執", "対立", "争い", "紛争", "決裂", "衝突")),
    (("office", "headquart", "build"), ("オフィス", "本社", "本部", "事務所", "ビル")),
    (("rent", "leas"), ("賃料", "家賃", "賃貸", "リース", "借")),
    (("compute", "comput", "chip", "gpu"), ("計算", "コンピュー", "チップ", "GPU")),
    (("model", "system"), ("モデル", "システム")),
    (("open-sourc", "open sourc", "open"), ("オープン", "公開")),
    (("paper", "study"), ("論文", "研究")),
    (("safeti", "safety", "safe"), ("安全",)),
    (("technolog", "tech"), ("技術", "テクノロジー")),
    (("chance", "odds", "probabil", "likelihood", "prospect"),
     ("確率", "可能性", "見込み", "勝算", "チャンス")),
    (("focus", "prioriti", "emphasi", "care more", "cared more", "concentrat"),
     ("重視", "集中", "優先", "重き", "こだわ")),
    (("billion",), ("億",)),
    (("million",), ("万",)),
    (("age", "old", "young"), ("歳", "年齢", "年上", "年下")),
    (("year",), ("年",)),
    (("public", "publicly", "open"), ("公", "公開", "公の場", "人前")),
    (("car", "vehicl", "electric"), ("自動車", "電気自動車", "EV", "車")),
    (("rocket", "space", "launch"), ("ロケット", "宇宙", "打ち上げ")),
)

# fmt: on
