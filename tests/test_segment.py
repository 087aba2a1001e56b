from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.text.segment import cut_points, split_statements


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


PIECES = st.sampled_from(["a", "B", "mr", "Mr.", "U.S.", " ", ".", "。", "!", "?", "「", "」",
                          "(", ")", "\n", "\n\n", "\r\n", "  ", "- ", "1. ", "word", "文", "$1.5B",
                          "\u2028", "\r", "\t"])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.integers(1, 40))
@example("B\n.  a", 1)  # a full stop opening a line is read the same whole or cut there
def test_cut_points_keep_every_statement_whole(text: str, size: int) -> None:
    """Checked piece by piece, a text cut at its cut points gives the statements of the
    whole text, offsets moved by each piece's start."""
    cuts = cut_points(text, size)
    assert cuts == sorted(set(cuts)) and all(0 < c < len(text) for c in cuts)
    starts, ends = [0, *cuts], [*cuts, len(text)]
    pieced = [(s.text, s.span.start + a, s.span.end + a)
              for a, b in zip(starts, ends, strict=True) for s in split_statements(text[a:b])]  # fmt: skip
    assert pieced == [(s.text, s.span.start, s.span.end) for s in split_statements(text)]


def test_cut_points_fall_between_blocks_only() -> None:
    text = "One ends here.\nand this one goes\non in lower case.\n\nTwo.\n"
    assert cut_points(text, 1) == [15, 51, 52]  # not inside the wrapped sentence
    assert cut_points("a line\nwrapped line\n", 1) == []
    assert cut_points("x" * 50, 10) == []  # no line to cut at
