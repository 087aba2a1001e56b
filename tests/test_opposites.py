"""The lexicon of opposites and orderings (normalize/opposites.py), read through ``opposed``.

Each pair is language knowledge, tested here on invented sentences in both languages; the
end-to-end cases against the record are in test_slots.py and the rules' own examples.
"""

from __future__ import annotations

import pytest

from factcheck.normalize.polarity import opposed, same_side

PAIRS = [
    # (statement, claim, japanese, the statement's word, the claim's word)
    ("The merger eased tensions between the two firms.",
     "The merger escalated tensions between the two firms.", False, "eased", "escalat"),
    ("合併は両社の対立を和らげた。", "合併は両社の対立をエスカレートさせた。", True, "和らげ", "エスカレート"),
    ("The pact was signed to reinforce the incumbent's lead.",
     "The pact was signed to counter the incumbent's lead.", False, "reinforc", "counter"),
    ("両社は最大手を補強するために提携した。", "両社は最大手に対抗するために提携した。", True, "補強", "対抗"),
    # giving access back is the opposite of cutting it off
    ("The city restored the club's access to the field.",
     "The city cut off the club's access to the field.", False, "restor", "cut off"),
    ("市はクラブのグラウンドへのアクセスを回復させた。", "市はクラブのグラウンドへのアクセスを遮断した。",
     True, "回復", "遮断"),
    ("The mayor supported short sellers of the utility.",
     "The mayor defended the utility's founder.", False, "supported short", "defend"),
    ("The critic called the film the worst of the decade.",
     "The critic called the film the greatest of the decade.", False, "worst", "greatest"),
    ("批評家はその映画を十年で最悪の作品と呼んだ。", "批評家はその映画を十年で最大の傑作と呼んだ。", True, "最悪", "最大"),
    ("The mayor said she was happy to see the protests.",
     "The mayor said she was tired of seeing the protests.", False, "happy to", "tired of"),
    ("市長は抗議を見るのが楽しいと述べた。", "市長は抗議を見るのにうんざりしていると述べた。", True, "楽しい", "うんざり"),
    ("The coach said he was doubtful the team would stay.",
     "The coach said he remained hopeful the team would stay.", False, "doubt", "hopeful"),
    ("監督はチームが残ることに悲観的だと述べた。", "監督はチームが残ることに希望を持っていると述べた。", True, "悲観", "希望"),
    ("The analyst called selling the shares smart.",
     "The analyst called selling the shares a mistake.", False, "smart", "mistake"),
    ("アナリストは株の売却を賢明だと評した。", "アナリストは株の売却を間違いだと評した。", True, "賢明", "間違い"),
    ("She said she missed the new band.", "She said she missed the old band.", False, "the new", "the old"),
    ("彼女は今のバンドが恋しいと言った。", "彼女は昔のバンドが恋しいと言った。", True, "今の", "昔の"),
    ("The mayor spoke before the vote.", "The mayor spoke after the vote.", False, "before", "after"),
    ("市長は投票の前に発言した。", "市長は投票の後に発言した。", True, "前に", "後に"),
    # the anchor of a Japanese ordering stands before it (「投票の後、」)
    ("市長は投票の前に、記者に発言した。", "市長は投票の後、記者に発言した。", True, "前に", "の後"),
    ("市長は景気の急速な回復を予想した。", "市長は景気の緩やかな回復を予想した。", True, "急速", "緩やか"),
    ("She published the report before the hearing.",
     "She waited until the hearing to publish the report.", False, "before", "until"),
    ("委員会は発表の前に声明を出した。", "委員会は発表まで待って声明を出した。", True, "前に", "まで待"),
    ("The startup has completed a new round of funding.",
     "The startup has begun preparing a new round of funding.", False, "complet", "prepar"),
    ("その新興企業は新たな資金調達を完了した。", "その新興企業は新たな資金調達の準備を始めた。", True, "完了", "準備"),
    ("The two held a brief public meeting.", "The two held a lengthy private meeting.", False,
     "brief", "lengthy"),
    ("両氏は公開の場で会談した。", "両氏は非公開で会談した。", True, "公開の", "非公開"),
    ("両社の関係は昨年改善した。", "両社の関係は昨年大きな打撃を受けた。", True, "改善", "打撃"),
    ("その合意は対立を終わらせた。", "その合意は対立をエスカレートさせた。", True, "終わらせ", "エスカレート"),
    ("その会社は新工場の計画を断念した。", "その会社は新工場の準備を始めた。", True, "断念", "準備"),
    ("彼は新技術が人類にとって最大の恩恵だと書いた。", "彼は新技術が人類にとって最大の脅威だと書いた。", True,
     "恩恵", "脅威"),
    ("The mayor's plan pleased the council.", "The mayor's plan angered the council.", False,
     "pleas", "anger"),
    ("その方針は社員を喜ばせた。", "その方針は社員を怒らせた。", True, "喜ばせ", "怒らせ"),
    ("She called the new law a blessing.", "She called the new law a menace.", False,
     "blessing", "menace"),
    # a rank below the top holds the superlative inside it
    ("The bank was the region's second-largest lender.", "The bank was the region's largest lender.",
     False, "second-largest", "largest"),
    ("その銀行は地域で2番目の貸し手だった。", "その銀行は地域で最大の貸し手だった。", True, "2番目", "最大"),
    ("The lab favoured conservative designs.", "The lab favoured innovative designs.", False,
     "conservative", "innovat"),
    ("研究所は保守的な設計を好んだ。", "研究所は革新的な設計を好んだ。", True, "保守的", "革新的"),
    ("The club has stopped planning a new stadium.", "The club has begun planning a new stadium.",
     False, "stopped", "has begun"),
    ("クラブは新スタジアムの計画を中止した。", "クラブは新スタジアムの計画を始めた。", True, "中止", "始め"),
    ("The curator lost interest in modern art.", "The curator was interested in modern art.",
     False, "lost interest", "interested in"),
    ("館長は現代美術への興味を失った。", "館長は現代美術に興味を持っていた。", True, "興味を失", "興味を持"),
    ("The agency withheld the survey.", "The agency published the survey.", False, "withheld",
     "published"),
    ("当局は調査結果の発表を見送った。", "当局は調査結果を発表した。", True, "見送", "発表した"),
    ("The mayor said the tax was right.", "The mayor said the tax was wrong.", False, "was right",
     "was wrong"),
    ("市長はその税は正しいと述べた。", "市長はその税は間違いだと述べた。", True, "正しい", "間違い"),
    ("チームは決勝で強豪に敗れた。", "チームは決勝で強豪を打ち負かした。", True, "敗れ", "打ち負か"),
    ("両首脳は短い会談を行った。", "両首脳は長時間の会談を行った。", True, "短い", "長時間"),
    ("The fund sold its stake in the mill.", "The fund invested in the mill.", False,
     "sold its stake", "invest"),
    ("The inspector rarely visited the plant.", "The inspector regularly visited the plant.",
     False, "rarely", "regularly"),
    ("She proposed signing the deal immediately.", "She proposed waiting until the audit to sign the deal.",
     False, "immediately", "wait"),
    ("The report called the chemical harmless.", "The report called the chemical a threat.",
     False, "harmless", "a threat"),
    ("The rules are perfectly clear, the clerk wrote.", "The rules are confusing, the clerk wrote.",
     False, "perfectly clear", "confusing"),
    ("The project has been stalling for weeks.", "The project has been progressing for weeks.",
     False, "stall", "progressing"),
    ("計画は数週間停滞している。", "計画は数週間前進している。", True, "停滞", "前進"),
    ("The minister was dismissive of the risks.", "The minister was worried about the risks.",
     False, "dismissive of", "worri"),
    ("The mayor distanced himself from the builder.", "The mayor stood by the builder.", False,
     "distanced himself", "stood by"),
    ("The shops became less profitable.", "The shops gradually became profitable.", False,
     "less", "gradually became"),
    ("市長はそのリスクを軽視した。", "市長はそのリスクを懸念した。", True, "軽視", "懸念"),
    ("市長は建設業者から距離を置いた。", "市長は建設業者を擁護した。", True, "距離を置", "擁護"),
    # how something was said or sent: one channel excludes the others
    ("The mayor invited the council by phone.", "The mayor emailed the council an invitation.",
     False, "by phone", "email"),
    ("The founder announced the merger in a tweet.",
     "The founder announced the merger in a blog post.", False, "tweet", "blog post"),
    ("市長は電話で議会を招いた。", "市長は電子メールで議会を招いた。", True, "電話", "電子メール"),
    ("創業者はブログで合併を発表した。", "創業者はツイートで合併を発表した。", True, "ブログ", "ツイート"),
]  # fmt: skip


@pytest.mark.parametrize(("statement", "claim", "japanese", "said", "source"), PAIRS)
def test_an_opposite_is_found(
    statement: str, claim: str, japanese: bool, said: str, source: str
) -> None:
    found = opposed(statement, claim, japanese)
    assert found is not None
    assert found[0].strip().lower().startswith(said.lower())
    assert found[1].strip().lower().startswith(source.lower())


SAME = [
    ("The mayor spoke before the vote.", "Before the vote, the mayor gave a speech.", False),
    ("市長は投票の前に発言した。", "投票より前に市長が演説した。", True),
    # "after" another event is no ordering against "before" this one
    ("The lab weighed the data before the ban.", "Shortly after the launch, the ban came.", False),
    # a claim that itself uses both sides settles nothing
    ("She spoke before the launch.", "She waited until the launch before she spoke.", False),
]


@pytest.mark.parametrize(("statement", "claim", "japanese"), SAME)
def test_the_same_side_is_no_opposite(statement: str, claim: str, japanese: bool) -> None:
    assert opposed(statement, claim, japanese) is None


@pytest.mark.parametrize(
    ("word", "texts", "japanese", "same"),
    [
        ("jackass", ("He called the clerk an idiot.",), False, True),
        ("genius", ("He called the clerk an idiot.",), False, False),
        ("rarely", ("The inspector seldom came.",), False, True),
        ("称賛", ("その製品は絶賛された。",), True, True),
        ("軽視", ("その製品は絶賛された。",), True, False),  # (a pair of its own: no synonym)
        ("懸念", ("その製品は絶賛された。",), True, False),
    ],
)
def test_a_side_of_a_pair_is_a_set_of_synonyms(
    word: str, texts: tuple[str, ...], japanese: bool, same: bool
) -> None:
    assert same_side(word, texts, japanese) is same
