"""Another value in an exclusive slot, and an opposite of what the passage says.

A statement that says everything a claim says but puts another name where the claim has
one of the same kind (an employer, a place) is contradicted; so is a Japanese statement
that uses the opposite of a word its claim's passage uses. The phrasings are this
project's own illustrations.
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_judged, one

C, S, U = "contradicted", "supported", "unknown"

CASES = [
    ("Musk recruited Sutskever from Apple.", C, "Google"),
    ("Musk recruited Sutskever, who was then working at Microsoft.", C, "Google"),
    ("マスク氏はアップルで働いていたサツケバー氏の採用に尽力した。", C, "グーグル"),
    # ... also beside a place, which says where, not which ("Tesla in San Francisco")
    ("OpenAI shared an office with Tesla in San Francisco.", C, "Neuralink"),
    # ... also when someone says it: the speaker's name is no name in the claim's slot
    ("Altman says Musk helped recruit Sutskever from Facebook.", C, "Google"),
    # ... also in a near miss, with a compound verb of kanji and kana (「引き抜いた」)
    ("マスク氏はアップルからサツケバー氏を引き抜いた。", C, "グーグル"),
    ("Musk recruited Sutskever from Google.", S, None),
    ("Altman stayed at an ashram in Nepal.", C, "India"),
    ("アルトマン氏はネパールのアシュラムで過ごした。", C, "インド"),
    ("Altman stayed at an ashram in India.", S, None),
    # the passage says 非営利 (nonprofit); the claim's own phrasing does not
    ("OpenAIは2015年に営利企業として設立された。", C, "非営利"),
    # opposites kept as data (normalize/opposites.py), in both languages
    ("At the time, Altman had just bought more shares in Loopt.", C, "sold"),
    ("その頃アルトマン氏は、Looptの株式を買い増したばかりだった。", C, "売却"),
    ("At the time, Altman had just sold his Loopt shares.", S, None),
    # who did what to whom, in a cleft sentence
    (
        "It was Musk who contacted Altman about an open letter on AI to the US government.",
        C,
        "roles",
    ),
    (
        "米国政府へのAIに関する公開書簡についてアルトマン氏に連絡したのはマスク氏だった。",
        C,
        "roles",
    ),
    ("It was Altman who contacted Musk about an open letter on AI to the US government.", S, None),
    # a verb the claims say only of another party the statement names ("After Musk sued,
    # Altman wrote ...")
    ("Altman sued Musk.", U, "sued"),
    # ... also where the claim says it through a pronoun ("Musk announced he had cut off")
    ("The ChatGPT maker cut off Musk's access to its data.", U, "cut"),
    # a near miss the claim covers in full, names and all, is contradicted by an opposite word
    ("オープンAIの幹部たちは、会社を乗っ取ろうというマスク氏の提案を受け入れた。", C, "拒否"),
    # a move the other way round (verdict/rules/sides.py)
    ("マスク氏はテスラをOpenAIに統合することを提案した。", C, "direction"),
    ("Musk proposed merging Tesla into OpenAI.", C, "direction"),
    # a value of a claim that leaves out a name the statement gives before it, where a closer
    # claim involves that name, is another event's: xAI's founding is not OpenAI's
    ("Musk founded xAI in July 2023.", U, None),
    ("マスク氏は2023年7月にxAIを設立した。", U, None),
    ("Musk and Altman founded OpenAI in July 2023.", C, "2015"),
    # a statement with a value is one fact: a claim on the topic that shares no value with it
    # does not tell its names ("$20M on Dota 2 in 2017": the 2017 gift, and the Dota project)
    ("Musk spent $20 million on Dota 2 in 2017.", U, "Dota 2"),
    # an amount confirmed by a claim that shares no word with the statement is another fact's
    ("Musk spent $44 million on OpenAI's office rent.", U, "money"),
    ("マスク氏はOpenAIのオフィスの家賃に4400万ドルを費やした。", U, None),
    ("マスク氏は2017年にDota 2に2000万ドルを費やした。", U, "Dota 2"),
    # the people who act for an organisation are the organisation acting
    ("Google's executives rejected Musk's offer to take over OpenAI.", U, "rejected"),
    ("グーグルの幹部はマスク氏の買収提案を拒否した。", C, "OpenAI"),
    # Japanese: the particle names who did it (「グーグルは…買収に成功した」), so the verbal
    # noun that ends the statement must be said of the name that opens it
    ("マスク氏はディープマインドの買収に成功した。", U, "成功"),
    ("グーグルがディープマインドを買収する計画を知り、マスク氏は衝撃を受けた。", S, None),
    # British and American spellings are one word ("centred", "centered")
    ("Altman wanted a nine-person board centred on himself and Musk to run the nonprofit.", C, "5"),
    (
        "Altman wanted a five-person board centred on himself and Musk to run the nonprofit.",
        S,
        None,
    ),
    ("Musk later proposed merging OpenAI into Tesla.", S, None),
    # someone the claim mentions, put at the head of what its subject alone did
    ("Altman named the new AI lab OpenAI.", C, "actor"),
    ("Altman co-founded OpenAI with Musk in 2015.", S, None),  # (both did)
    ("When short sellers went after Tesla stock, Altman stood by Musk.", S, None),
    # a list of names the verb acts on is judged name by name: one wrong name contradicts
    ("Musk emailed Altman, Brockman and Hassabis in late 2018.", C, "Hassabis"),
    ("Musk emailed Altman, Brockman and Sutskever in late 2018.", S, None),
    ("Altman recruited Greg Brockman and Ilya Sutskever.", U, "Sutskever"),
    # ... but an appositive that describes a name is no list ("Nosek, a co-founder of PayPal")
    ("Musk joined forces with Luke Nosek, a co-founder of PayPal, on a bid for DeepMind.", S, None),
    # "B rather than A" where A is the claim's actor, even when the claim names B too
    ("Altman rather than Musk helped recruit Sutskever from Google.", C, "Elon Musk"),
    ("サツケバー氏の採用に尽力したのはマスク氏ではなくアルトマン氏だった。", C, "イーロン・マスク"),
    # an age gap in a relative clause is the age claim's slot, whatever the rest says
    ("Musk, who is 12 years older than Altman, first met him at SpaceX's headquarters.", C, "14"),
    # a date of the claim's event, said with more than the claim says ("as a nonprofit")
    ("Musk and Altman co-founded OpenAI in 2016 as a nonprofit research lab.", C, "2015"),
    # ... but a claim that leaves out someone named before the date is another event
    ("Musk and Altman met in 2016 to talk about AI.", U, None),
    # a date that belongs to another amount is no date of the claim's event
    ("Musk gave $15 million in 2016 and $20 million the following year.", S, None),
    # an amount over a span of years belongs to none of them: not the 2016 gift's slot
    ("Musk gave OpenAI $44 million between 2016 and 2020.", U, None),
    ("マスク氏は2016年から2020年にかけてOpenAIに4400万ドルを寄付した。", U, None),
    # a wrong yearly amount beside the right total: the amount is bound to the year the
    # yearly claim gives, so it is in that claim's slot however much else the statement says
    (
        "Musk gave OpenAI $44 million in all, of which $15 million came in 2016 and "
        "$35 million in 2017.",
        C,
        "$35M",
    ),
    ("マスク氏はOpenAIに総額4400万ドルを寄付し、2017年分は2500万ドルだった。", C, "2000万ドル"),
    # a title asserted of someone must be held by one claim together with that person: a
    # claim on one person's funding does not make another their funder
    ("Altman was Musk's biggest donor.", U, "donor"),
    ("OpenAI's largest early backer was Microsoft.", U, "Microsoft"),
    ("Musk was OpenAI's largest backer in 2016.", S, None),
    ("アルトマン氏はマスク氏の資金提供者だった。", U, "資金提供者"),
    ("Musk was OpenAI's largest funder.", S, None),
    # a title one holder has at a time, dated, is the cited claim's own: not a date from one
    # claim and the title from another
    ("Altman became OpenAI's chief executive in March 2019.", U, None),
    ("2019年3月、アルトマン氏はOpenAIの最高経営責任者に就いた。", U, "最高経営責任者"),
    ("Altman eventually became chief executive and kept leading OpenAI.", S, None),
    # ... while a title beside a name describes it and is not what the statement asserts
    ("Musk, an early investor in OpenAI, gave the nonprofit $44 million.", S, None),
    # a passive names its actor after "by", however many words the verb takes first
    ("Musk was recruited to OpenAI by Sutskever.", C, "roles"),
    ("Sutskever was recruited to OpenAI by Musk.", S, None),
    # a passive that only reports what is thought (「…と推測されている」) leaves the roles as
    # the words give them
    (
        "アルトマン氏はこの会談で、汎用AI企業を立ち上げる計画をマスク氏に明かしたと推測されている。",
        C,
        "roles",
    ),
    ("マスク氏は会談で、AI企業の計画をアルトマン氏に明かしたと見られている。", S, None),
    # someone doing what the claim says another did, too far off to contradict it, is not
    # supported by it: the record does not say it of them
    ("Altman bought DeepMind.", U, "Altman"),
    # ... also someone the claim names in another part: "Google's purchase" is Google's
    ("Musk bought DeepMind.", U, "bought"),
    ("Musk regretted Google's purchase of DeepMind.", S, None),
    # ... but a claim quoting the same passage may say it of them (one account, two claims)
    ("Musk strongly supported the researchers' plan to defeat top Dota 2 players.", S, None),
    (
        "Hoffman strongly supported the researchers' plan to defeat top Dota 2 players.",
        U,
        "Hoffman",
    ),
    # ... and the focus of a Japanese cleft is who did it (「…したのはXだった」)
    ("OpenAIを名付けたのはアルトマン氏だった。", U, "アルトマン"),
    ("OpenAIを名付けたのはマスク氏だった。", S, None),
    ("Musk championed the researchers' plan to defeat top Dota 2 players.", S, None),
    # 可能性 and 確率 are one concept ("chance")
    ("マスク氏は、OpenAIがグーグルに勝てる可能性はゼロだと書いた。", S, None),
    # two Japanese names each where the other stands in the claim's phrasing (the topic and
    # whose): not what the claim says, though not always its contrary
    ("マスク氏はスペースXの本社でアルトマン氏の野心に魅了された。", U, "roles"),
    ("アルトマン氏はスペースXの本社でマスク氏の野心に魅了された。", S, None),
    # what a statement reports is read apart from its attribution: "angry" is all it
    # reports, not one word of four beside "told staff in a memo"
    ("Altman told staff in a memo that he was angry at Musk.", U, "angry"),
    ("Altman told staff in a memo that he still missed the old Musk.", S, None),
    # ... in Japanese too: the speaker, where it was said and the verb of saying aside
    # (a verb's kanji the claim uses in another form is accounted for: 思う, 思っ)
    ("アルトマン氏はスタッフへのメモで、マスク氏に怒っていると書いた。", U, "怒っ"),
    ("アルトマン氏は、今起きていることをとても悲しく思うと書いた。", S, None),
    # the verb after the opening name is a word that says something ("was an early
    # investor": not "an"; "Musk and Altman are": not "and"), and "Brockman and other OpenAI
    # members proposed" says it of Brockman too
    ("Musk was an early investor in DeepMind.", S, None),
    ("Musk and Altman are still in touch.", S, None),
    ("Brockman then proposed making OpenAI a for-profit company.", S, None),
    # an opposite word in a near miss the claim covers but for that word (it is the word
    # the claim cannot say); a passive in a clause before the names is not theirs
    ("空売りが始まると、アルトマン氏はマスク氏を批判した。", C, "批判"),
    ("テスラ株が空売りされたとき、アルトマン氏はマスク氏を批判した。", C, "批判"),
    # a relative clause between commas is a statement about the subject of its own
    (
        "Musk, who gave OpenAI some $55 million, says the company strayed from its mission.",
        C,
        "$44M",
    ),
    # two events in an order: the one said to have happened is judged on its own
    (
        "Musk left OpenAI's board in 2019 after a disagreement over the company's direction.",
        C,
        "2018",
    ),
    # a later clause judged alone keeps its subject (not "co-founded Loopt" of anyone)
    ("アルトマン氏は19歳でスタンフォードを中退し、Looptを共同創業した。", U, None),
    # 人々 says no more than "people"; 重視 and 集中 are one concept ("focus")
    (
        "アルトマン氏に近い人々は、マスク氏はAIの安全性よりOpenAIに勝つことを重視していたと言う。",
        S,
        None,
    ),
    (
        "アルトマン氏に近い人々は、マスク氏はOpenAIに勝つことよりAIの安全性を重視していたと言う。",
        C,
        "comparison",
    ),
    # 本部 and 本社 are one concept ("headquarters"); the record's own paraphrase of the
    # ashram (僧院) is a term of its claim
    ("アルトマン氏はマスク氏をOpenAIの本部に招いた。", S, None),
    ("アルトマン氏はインドの僧院で過ごした。", S, None),
    # a comparison with its sides swapped (verdict/rules/sides.py)
    ("マスク氏はOpenAIを打ち負かすことよりもAIの安全性を重視していた。", C, "comparison"),
]


@pytest.mark.parametrize(("text", "verdict", "word"), CASES)
def test_slot_case(text: str, verdict: str, word: str | None) -> None:
    assert_judged(text, verdict, word)


def test_a_new_name_beside_the_claims_names_is_not_a_swap() -> None:
    """A second organisation added to a donation is something the record does not state,
    not another value in the claim's slot."""
    f = one("Musk donated $44M to OpenAI and Apple.")
    assert f.verdict.value == "unknown", f.reason
