"""English words as the checker reads them (normalize/words.py): British and American
spellings of a word are the same word."""

from __future__ import annotations

import pytest

from factcheck.normalize.words import canonical, en_tokens

PAIRS = [
    ("centred", "centered"),
    ("theatre", "theater"),
    ("criticised", "criticized"),
    ("organising", "organizing"),
    ("analysed", "analyzed"),
    ("favour", "favor"),
    ("labour", "labor"),
    ("defence", "defense"),
    ("programme", "program"),
    ("judgement", "judgment"),
]


@pytest.mark.parametrize(("british", "american"), PAIRS)
def test_british_and_american_spellings_are_one_word(british: str, american: str) -> None:
    assert canonical(british) == canonical(american)


@pytest.mark.parametrize(("a", "b"), [("four", "for"), ("hour", "her"), ("tour", "tor")])
def test_short_words_ending_in_our_are_not_respelled(a: str, b: str) -> None:
    assert canonical(a) != canonical(b)


def test_a_sentence_in_either_spelling_has_the_same_words() -> None:
    assert en_tokens("The council criticised the centre's programme.") == en_tokens(
        "The council criticized the center's program."
    )
