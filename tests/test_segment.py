from hypothesis import given
from hypothesis import strategies as st

from factcheck.text.segment import split_statements


def texts(t: str) -> list[str]:
    return [s.text for s in split_statements(t)]


def test_english_abbreviations_and_decimals() -> None:
    t = "Mr. Musk gave $1.5B to the U.S. government in 2017. He left at 3.14 p.m. today. Then?"
    assert texts(t) == [
        "Mr. Musk gave $1.5B to the U.S. government in 2017.",
        "He left at 3.14 p.m. today.",
        "Then?",
    ]


def test_japanese_terminators_and_quotes() -> None:
    t = "マスク氏は「私は両方に同意する。」と答えた。２人は議論した！終わり"
    assert texts(t) == [
        "マスク氏は「私は両方に同意する。」と答えた。",
        "２人は議論した！",
        "終わり",
    ]


def test_offsets_slice_back_and_count_characters() -> None:
    t = "  ① 騰訊科技ニュース。\r\n- Musk 🚀 donated $44M.\n\nAltman replied."
    for s in split_statements(t):
        assert t[s.span.start : s.span.end] == s.text
    assert texts(t) == ["騰訊科技ニュース。", "Musk 🚀 donated $44M.", "Altman replied."]


def test_lines_without_letters_are_not_statements() -> None:
    assert texts("![](https://img.example/x.png)\n---\n12345\nReal text.") == ["Real text."]


def test_wrapped_english_lines_join() -> None:
    assert texts("Musk gave money\nto OpenAI in 2016.\nNew line here.") == [
        "Musk gave money\nto OpenAI in 2016.",
        "New line here.",
    ]


@given(st.text(max_size=300))
def test_spans_always_slice_back(t: str) -> None:
    last = 0
    for s in split_statements(t):
        assert t[s.span.start : s.span.end] == s.text
        assert s.span.start >= last
        assert s.text == s.text.strip()
        last = s.span.end
