"""The hard cases of matching and contradiction, in English and Japanese.

Each case states the verdict and, for a contradiction, a word the reason must name.
The phrasings are this project's own illustrations of each kind of case.
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_judged, one

S, C, U = "supported", "contradicted", "unknown"

CASES = [
    # numbers in every form
    ("Musk donated $44M to OpenAI, $15M in 2016 and $20M in 2017.", S, None),  # the brief's
    ("Musk donated $44M to OpenAI, $15M in 2016 and $25M in 2017.", C, "$25M"),
    ("Musk donated $50M to OpenAI, $15M in 2016 and $20M in 2017.", C, "$44M"),
    ("In 2016, Musk gave OpenAI $20M.", C, "$15M"),
    ("Musk donated $44 million to OpenAI.", S, None),
    ("Musk gave OpenAI US$44,000,000 in all.", S, None),
    ("Musk donated forty-four million dollars to OpenAI.", S, None),
    ("マスク氏はOpenAIに４４００万ドルを寄付した。", S, None),
    ("マスク氏はOpenAIに合計44百万ドルを寄付した。", S, None),
    ("マスク氏はOpenAIに四千四百万ドルを寄付した。", S, None),
    ("Musk donated about $44M to OpenAI.", S, None),
    ("Musk gave OpenAI roughly $50M.", C, "$44M"),  # a qualifier is no topic word
    ("Musk gave OpenAI approximately $44 million.", S, None),
    ("Musk donated more than $40M to OpenAI.", S, None),
    ("Musk donated less than $40M to OpenAI.", C, "amount"),
    ("Musk donated over $50M to OpenAI.", C, "amount"),
    ("Musk's donations to OpenAI totalled $4.4 million.", C, "$44M"),
    ("マスク氏はOpenAIに5000万ドルを寄付した。", C, "$44M"),
    ("Altman proposed a five-member board for the nonprofit.", S, None),
    ("アルトマン氏は非営利団体を運営する5人の理事会を提案した。", S, None),
    ("Altman proposed a seven-member board for the nonprofit.", C, "count"),
    # dates
    ("In February 2018, Musk decided to give up his co-chair seat.", S, None),
    ("In Feb. 2018, Musk stepped down as co-chair of OpenAI.", S, None),
    ("マスク氏は2018年2月に共同会長を退くことを決めた。", S, None),
    ("Musk stepped down as OpenAI co-chair in 2019.", C, "date"),
    # the source dates the suit only "last week" (26 February to 3 March 2024): a day in that
    # week is not stated, nor contradicted
    ("Musk filed his lawsuit against OpenAI on 29 February 2024.", U, None),
    ("Musk filed his lawsuit on March 1, 2024.", U, None),
    ("Musk filed his lawsuit against OpenAI last week.", S, None),
    ("Musk stepped down as OpenAI's co-chair six years ago.", S, None),  # from 2024-03-06
    ("マスク氏は3年前にOpenAIの共同会長を退いた。", C, "2021"),
    # a value conflict set aside (another product's date) does not come back to decide
    ("Musk's xAI released Grok in November 2023.", S, None),
    ("Musk's xAI released Grok in November 2022.", C, "2023-11"),
    # roles in Japanese, with a title after the name in the claim's own phrasing
    ("マスク氏はアルトマン氏を師と仰いでいた。", C, "roles"),
    ("アルトマン氏はマスク氏を師と仰いでいた。", S, None),
    # a count the record does not give ("hundreds of employees") leaves it unknown
    ("Hundreds of OpenAI employees threatened to quit.", U, None),
    # a claim says what its passage says about the people it names (then at Stripe, at Google)
    pytest.param(
        "Brockman left Stripe to join OpenAI.",
        S,
        None,
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "'left' is inferred from 'had been CTO at Stripe', a paraphrase the lexicon does "
                "not hold; a statement of two words with one unaccounted for is unknown"
            ),
        ),
    ),
    ("Brockman left Google to join OpenAI.", C, "Stripe"),
    ("Musk recruited Sutskever from Google.", S, None),
    # the record gives the year only: the month is not contradicted by a claim of 2019
    ("OpenAI was founded in December 2015.", U, None),
    ("OpenAI was founded in December 2016.", C, "2015"),
    ("Musk filed his lawsuit against OpenAI in 2023.", C, "2024"),
    ("Musk unveiled his Grok chatbot last November.", S, None),
    ("マスク氏は昨年11月にGrokを発表した。", S, None),
    ("Musk unveiled his Grok chatbot in September 2023.", C, "date"),
    ("Altman set up OpenAI's for-profit subsidiary in March 2021.", C, "2019"),
    # ages and differences
    ("Musk is 14 years older than Altman.", S, None),
    ("マスク氏はアルトマン氏より14歳年上だ。", S, None),
    ("Altman is 14 years older than Musk.", C, "older"),
    ("Musk is ten years older than Altman.", C, "count"),
    # who did what to whom
    ("Musk regarded Altman as his mentor.", C, "reversed"),
    ("Microsoft was funded by OpenAI.", C, "reversed"),
    ("Altman offered to take over OpenAI in 2018.", C, "Musk"),
    # the wrong person, organisation or role
    ("Sutskever was working at Apple when Musk helped recruit him.", C, "Google"),
    ("Brockman had been CTO of Square.", C, "Stripe"),
    ("Brockman had been the CFO of Stripe.", C, "chief"),
    ("Reid Hoffman co-founded Facebook.", C, "LinkedIn"),
    ("Altman stayed at an ashram in Nepal.", C, "India"),
    ("マスク氏はテスラではなくニューラリンクで自らのAI研究を続けると語った。", C, None),
    # negation
    ("Musk didn't donate to OpenAI.", C, "negation"),
    ("Musk didn’t donate any money to OpenAI.", C, "negation"),  # a typographic apostrophe
    ("Musk no longer funds OpenAI directly.", S, None),
    ("Musk still funds OpenAI directly.", C, None),
    ("OpenAI's executives did not reject Musk's bid to take over the company.", C, "negation"),
    ("Grokの開発にあたり、マスク氏はXのデータベースへのアクセスを認めなかった。", C, "negation"),
    ("マスク氏とアルトマン氏は今もAIについて議論を続けている。", S, None),
    # compound statements
    ("Musk donated $15M in 2016 and $25M in 2017.", C, "2017"),
    ("Musk donated $15M in 2016 and $20M in 2017.", S, None),
    # unknown stays unknown
    ("Tesla was founded in 2003.", U, None),
    ("Altman was fired by the OpenAI board in November 2023.", U, None),
    ("OpenAI released GPT-4 in March 2023.", U, None),
    ("Loopt was bought by Green Dot.", U, None),
    # attributions and hedges keep the verdict of the fact they carry
    ("According to the lawsuit, Musk donated $44M to OpenAI.", S, None),
    ("Reportedly, Musk donated $54M to OpenAI.", C, "amount"),
]


@pytest.mark.parametrize(("text", "verdict", "word"), CASES)
def test_hard_case(text: str, verdict: str, word: str | None) -> None:
    assert_judged(text, verdict, word)


def test_contradiction_reason_names_both_values_and_the_source_wording() -> None:
    f = one("Musk donated $15M in 2016 and $25M in 2017.")
    assert (
        f.reason
        == "amount differs: the statement says $25M for 2017; the source says $20M (2000万ドル)"
    )


def test_each_amount_goes_with_its_own_date_in_both_languages() -> None:
    assert one("Musk gave $20M in 2016 and $15M in 2017.").verdict.value == C
    assert (
        one("マスク氏の寄付額は、2016年が2,000万ドル、2017年が1,500万ドルだった。").verdict.value
        == C
    )
    assert one("マスク氏は2016年に1500万ドル、2017年に2000万ドルを寄付した。").verdict.value == S


def test_an_opposite_word_contradicts_a_sibling_claim() -> None:
    f = one("マスク氏はルーク・ノセック氏と組んだディープマインドの買収入札に成功した。")
    assert f.verdict.value == C and "失敗" in (f.reason or "")


def test_a_number_repeated_in_a_near_copy_is_a_difference() -> None:
    # the source gives "2" and "5" once each; a copy that turns the "2" into a second "5"
    # differs only in how often 5 appears, and must say so rather than fail
    from factcheck.verdict.values import numbers_differ as _numbers_differ

    twice = _numbers_differ("5 then 5 and 2015", "2 then 5 and 2015")
    assert twice is not None and twice.kind == "number"
    assert twice.reason == "number differs: the statement says 5; the source says 2"
    assert (twice.statement_value, twice.source_value) == ("5", "2")
    added = _numbers_differ("5 then 5", "5")
    assert added is not None
    assert added.reason == "number differs: the statement adds 5, which the source does not give"
    assert _numbers_differ("2015 and 5", "5 and 2015") is None


def test_a_possessive_name_is_neither_actor_nor_target() -> None:
    from factcheck.verdict.names import _roles
    from tests.helpers import bundled_index

    index = bundled_index()
    pair = {"musk", "altman"}
    assert _roles(index.features("Musk praised Altman's memo."), pair) == ("musk", None)
    assert _roles(index.features("Musk's lawyers sued Altman."), pair) == (None, None)
    assert _roles(index.features("Musk sued Altman."), pair) == ("musk", "altman")
