"""Supported means entailed: a statement that adds what the record does not state is
unknown, and the reason names what was added. Headings and fragments assert nothing.

The phrasings are this project's own illustrations, in English and Japanese.
"""

from __future__ import annotations

import pytest

from factcheck.verdict.alignment import Gap, is_fragment, said, unaligned
from tests.helpers import assert_judged, bundled_index

S, U = "supported", "unknown"

CASES = [
    # the bare fact and faithful paraphrases stay supported
    ("Musk donated $44M to OpenAI.", S, None),
    ("The billionaire Musk donated a total of $44 million to OpenAI.", S, None),
    ("マスク氏は最終的にOpenAIへ計4400万ドルを寄付した。", S, None),
    # descriptors the source supports name their person (Tesla is Musk's own company; Hoffman
    # co-founded LinkedIn, written "Collab")
    ("The Tesla chief gave OpenAI $44 million.", S, None),
    ("OpenAI came to rely on the LinkedIn co-founder as an investor.", S, None),
    # a descriptor the source supports names its entity (the article: OpenAI released ChatGPT)
    ("Musk donated $44 million to the ChatGPT maker.", S, None),
    ("マスク氏はChatGPTの開発元に4400万ドルを寄付した。", S, None),
    # a detail the record does not give: a length, a place, a qualifier
    ("The complaint ran to 46 pages.", U, "46"),
    ("Musk donated $44M to OpenAI in Paris.", U, "Paris"),
    ("Musk donated $44M to OpenAI in secret.", U, "secret"),
    ("マスク氏はパリでOpenAIに4400万ドルを寄付した。", U, "パリ"),
    ("マスク氏は初めてOpenAIに計4400万ドルを寄付した。", U, "初"),
    # the time of day is a qualifier of its own
    ("Altman called Musk a hero in a memo sent late at night.", U, "late at night"),
    ("アルトマン氏は深夜に送ったメモでマスク氏を「ヒーロー」と呼んだ。", U, "深夜"),
    # a claim cited for its amount alone says nothing of the rest: a support needs the
    # claim to cover as much of the statement as a contradiction does
    ("Musk tried to buy OpenAI for $1 billion.", U, "buy"),
    # "take over" is no light verb: the $1 billion the record has is an announcement
    ("Musk wanted to take over OpenAI for $1 billion.", U, "take"),
    # "pushed to" proposes, as "urged" and "advocated" do (normalize/concepts.py)
    ("Musk pushed to fold OpenAI into Tesla.", S, None),
    # a synonym the lexicon of opposites holds on the same side is accounted for
    ("Musk called the researcher a jackass.", S, None),
    # a statement of two words, one of them unaccounted for, is half unknown: not supported
    ("Altman joined the critics.", U, "critics"),
    # emphasis and a year counted from another assert nothing of their own
    ("In 2017 alone, Musk gave OpenAI $20 million.", S, None),
    # a superlative said of someone in passing is still something the record must state
    ("Musk, the world's wealthiest man, gave OpenAI $44 million.", U, "wealthiest"),
    ("世界一の富豪であるマスク氏はOpenAIに計4400万ドルを寄付した。", U, "富豪"),
    # a weekday or frequency the evidence does not give, also inside a longer word
    ("Musk showed up at the OpenAI office every Friday.", U, "Friday"),
    ("マスク氏は毎週金曜日にOpenAIのオフィスに現れた。", U, "金曜"),
    # a quoted word is what the statement says was said: never a loose paraphrase
    ('In the memo, Altman called Musk a "genius".', U, "genius"),
    ("アルトマン氏はメモでマスク氏を「天才」と呼んだ。", U, "天才"),
    # a comparison is confirmed only by evidence that compares: "the largest funder" says
    # nothing of the year he gave more in; "more than anyone" is what a superlative says
    ("Musk gave OpenAI more in 2017 than in 2016.", U, "comparison"),
    ("マスク氏は2016年よりも2017年に多くの資金をOpenAIへ出した。", U, "comparison"),
    ("In 2016 Musk gave OpenAI more money than anyone else.", S, None),
    ("Musk described Grok as less woke than ChatGPT.", S, None),  # the claim's own "less"
    # a value said of no one named is no one's value
    ("マスク着用のために5000万ドルを寄付した。", U, None),
    ("Someone donated $50M to a charity.", U, None),
    # a title the cited claim does not involve
    ("ウルトラマンはOpenAIのCEOだ。", U, "CEO"),
    # headings and fragments
    ("Early years", U, "heading"),
    ("Funding", U, "heading"),
    ("Money and control", U, "heading"),
    ("資金", U, "heading"),
    ("かつての盟友", U, "heading"),
]


@pytest.mark.parametrize(("text", "verdict", "word"), CASES)
def test_alignment_case(text: str, verdict: str, word: str | None) -> None:
    assert_judged(text, verdict, word)


def _features(text: str):  # type: ignore[no-untyped-def]
    return bundled_index().features(text)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Early years", True),
        ("Funding", True),
        ("The road to xAI", True),
        ("Musk sues OpenAI", False),  # no full stop, but a verb
        ("Musk donated $44M to OpenAI.", False),
        ("Altman was CEO.", False),
        ("資金と支配", True),
        ("マスク氏が提訴した", False),
        ('私はまだ昔のマスクが恋しい。"', False),  # a quotation closed after the full stop
    ],
)
def test_is_fragment(text: str, fragment: bool) -> None:
    assert is_fragment(_features(text)) is fragment


def test_one_weak_word_of_two_is_decisive() -> None:
    assert Gap(weak=("critics",), share=0.5).decisive() == ("critics",)
    assert Gap(weak=("critics", "loudly"), share=0.5).decisive() == ()


def test_gap_is_decisive_on_strong_units_and_on_many_weak_ones() -> None:
    assert Gap(strong=("Paris",)).decisive(0.5) == ("Paris",)
    assert Gap(weak=("cargo",), share=0.25).decisive(0.5) == ()
    assert Gap(weak=("cargo", "spacecraft"), share=0.6).decisive(0.5) == ("cargo", "spacecraft")
    assert Gap(strong=("first",), weak=("cargo",), share=0.1).decisive(0.5) == ("first", "cargo")


def test_english_words_align_with_a_japanese_passage_through_the_lexicon() -> None:
    """ "donated" is accounted for by 寄付 in the passage, "Paris" by nothing."""
    ev = said(("",), ("マスク氏は4400万ドルを寄付した。",), frozenset())
    f = _features("Musk donated $44M to OpenAI in Paris.")
    from factcheck.features import blanked

    gap = unaligned(f, blanked(f), ev)
    assert gap.strong == ("Paris",)
    assert gap.weak == ()


def test_japanese_words_align_with_an_english_phrasing_through_the_lexicon() -> None:
    """寄付 is accounted for by "donated" in the claim's English phrasing."""
    from factcheck.features import blanked
    from factcheck.normalize.words import en_tokens

    text = "Musk donated $44M to OpenAI."
    ev = said((text,), ("",), frozenset(en_tokens(text)))
    f = _features("マスク氏はOpenAIに4400万ドルを寄付した。")
    assert unaligned(f, blanked(f), ev) == Gap()


def test_japanese_terms_name_a_concept_whatever_its_words() -> None:
    """Japanese paraphrases of one concept (提訴, 訴訟, 訴え) share a term for the topic score,
    as English stems share their synonym; one-character forms (会 in 会社) make none."""
    from factcheck.features import ja_terms
    from factcheck.normalize.words import ja_tokens

    sued, suit = ja_terms("マスク氏は提訴した。"), ja_terms("マスク氏の訴訟")
    shared = (sued & suit) - ja_tokens("マスク氏は提訴した。")
    assert shared and all(t.startswith("~") for t in shared)
    assert not {t for t in ja_terms("会社") if t.startswith("~")}


def test_a_one_kanji_verb_is_what_a_statement_with_no_other_content_says() -> None:
    """「去った」 is the whole of what 「…はOpenAIを去った」 says about its names: it must be
    accounted for, so a claim in which someone else leads the company does not make it a
    name swapped in a statement it otherwise covers; 「退いた」 is accounted for by 退任 (one
    concept); beside a pair of kanji (「寄付した」) the pair alone is read."""
    from factcheck.features import blanked
    from tests.helpers import one

    ev = said(("",), ("最終的にアルトマン氏がCEOに就任し、OpenAIを率いた。",), frozenset())
    f = _features("ブロックマン氏はOpenAIを去った。")
    assert unaligned(f, blanked(f), ev).weak == ("去っ",)
    ev = said(("",), ("マスク氏は共同会長を退任した。",), frozenset())
    f = _features("マスク氏は共同会長を退いた。")
    assert unaligned(f, blanked(f), ev) == Gap()
    f = _features("マスク氏はOpenAIに手を貸した。")
    assert unaligned(
        f, blanked(f), said(("",), ("マスク氏はOpenAIに資金を提供した。",), frozenset())
    ).weak == ("貸し",)
    found = one("マスク氏はOpenAIを去った。")
    assert found.verdict.value != "contradicted", found.reason


def test_a_dinner_is_no_meeting() -> None:
    """The lexicon's concepts are kept to words that say the same thing: a meeting may be
    a dinner, but the record's meeting does not state one."""
    from factcheck.verdict.alignment import accounts_for

    ev = said(("the mayor met the council for a long meeting.",), ("",),
              frozenset({"mayor", "meet", "council", "long", "meeting"}))  # fmt: skip
    assert accounts_for("meeting", ev, japanese=False)
    assert not accounts_for("dinner", ev, japanese=False)
    ja = said(("",), ("市長は議会と長時間の会議を開いた。",), frozenset())
    assert accounts_for("会談", ja, japanese=True)
    assert not accounts_for("夕食", ja, japanese=True)
