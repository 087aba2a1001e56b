"""A compound statement is judged whole and in parts (text.clauses): the parts are
where one wrong detail beside a right one is found. The phrasings are invented."""

from __future__ import annotations

import pytest

from factcheck.normalize.numbers import extract_money, format_usd
from factcheck.text.clauses import clauses

SPLIT = [
    # a participle clause after a comma is a statement of its own
    ("The mayor opened the bridge in May, calling it the city's finest work.", False,
     ["The mayor opened the bridge in May", "calling it the city's finest work."]),
    ("The firm sold its stake last year, leaving the founders in control.", False,
     ["The firm sold its stake last year", "leaving the founders in control."]),
    # a relative clause between commas after a short subject: the subject does both
    ("The mayor, who opened the bridge in May, says the city needs a second one.", False,
     ["The mayor opened the bridge in May.", "The mayor says the city needs a second one."]),
    # a later Japanese clause with no subject of its own shares the first one's topic
    ("市長は五月に新しい橋の計画を発表し、翌月その予算案を議会に提出した。", True,
     ["市長は五月に新しい橋の計画を発表し", "市長は翌月その予算案を議会に提出した"]),
    # Japanese: a clause that ends in the continuative form (し、) before a full clause
    ("市長は五月に新しい橋を開通させる計画を発表し、議会は翌月その橋の建設に必要な予算案を全会一致で承認した。", True,
     ["市長は五月に新しい橋を開通させる計画を発表し", "議会は翌月その橋の建設に必要な予算案を全会一致で承認した"]),
]  # fmt: skip
WHOLE = [
    # a preposition ending in -ing opens no clause
    ("The firm sold three plants, including the one in Ohio.", False),
    ("The council approved the plan, according to the minutes of the meeting.", False),
    # a short continuative phrase is no clause of its own
    ("市長は、議会の承認を得て予算案を発表した。", True),
]


@pytest.mark.parametrize(("text", "japanese", "parts"), SPLIT)
def test_a_compound_statement_splits_into_its_clauses(
    text: str, japanese: bool, parts: list[str]
) -> None:
    assert clauses(text, japanese) == parts


@pytest.mark.parametrize(("text", "japanese"), WHOLE)
def test_a_simple_statement_stays_whole(text: str, japanese: bool) -> None:
    assert clauses(text, japanese) == [text]


@pytest.mark.parametrize(
    ("text", "shown"),
    [("数億ドル", "$100M–$1B"), ("tens of millions of dollars", "$10M–$99M")],
)
def test_a_range_is_shown_in_round_figures(text: str, shown: str) -> None:
    (q,) = extract_money(text)
    assert format_usd(q) == shown


def test_a_pronoun_opening_a_statement_stands_for_the_person_named_before() -> None:
    """ "He" is judged as the person the statement before names first; the finding quotes the
    statement as written."""
    from factcheck.pipeline import check_text
    from tests.helpers import bundled_index

    musk = check_text("Elon Musk runs several companies. He donated $44 million to OpenAI.",
                      bundled_index())[1]  # fmt: skip
    assert musk.statement == "He donated $44 million to OpenAI."
    assert musk.verdict.value == "supported", musk.reason
    altman = check_text("Sam Altman runs OpenAI. He donated $44 million to OpenAI.",
                        bundled_index())[1]  # fmt: skip
    assert altman.statement == "He donated $44 million to OpenAI."
    assert altman.verdict.value != "supported", altman.reason


def test_the_company_and_a_later_he_stand_for_what_was_named_before() -> None:
    from factcheck.pipeline import check_text
    from tests.helpers import bundled_index

    text = ("Elon Musk co-founded OpenAI. In 2017 he gave $20 million to OpenAI. "
            "The company later shared offices with SpaceX.")  # fmt: skip
    _, gift, offices = check_text(text, bundled_index())
    assert gift.verdict.value == "supported", gift.reason
    assert offices.statement == "The company later shared offices with SpaceX."
    assert offices.verdict.value == "contradicted", offices.reason  # (Neuralink, not SpaceX)


def test_the_company_and_he_in_one_statement_both_stand_for_what_was_named() -> None:
    """ "The company said he …": both are read, not the company alone."""
    from factcheck.pipeline import _resolved
    from factcheck.text.segment import iter_statements
    from tests.helpers import bundled_index

    text = "Elon Musk co-founded OpenAI. The company says he gave it $44 million."
    _, said = _resolved(bundled_index(), iter_statements(text))
    assert said.judged == "OpenAI says Elon Musk gave it $44 million."


def test_a_japanese_pronoun_stands_for_the_person_named_before() -> None:
    from factcheck.pipeline import check_text
    from tests.helpers import bundled_index

    musk = check_text(
        "イーロン・マスク氏は起業家だ。彼は2016年に1500万ドルを寄付した。", bundled_index()
    )
    altman = check_text(
        "サム・アルトマン氏は起業家だ。彼は2016年に1500万ドルを寄付した。", bundled_index()
    )
    assert musk[1].verdict.value == "supported", musk[1].reason
    assert altman[1].verdict.value == "contradicted", altman[1].reason
    assert altman[1].statement == "彼は2016年に1500万ドルを寄付した。"
