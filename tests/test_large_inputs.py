"""Large inputs: held once, split and masked piece by piece, positions from a compact table.

A 100 MB input must be checked in bounded memory (see BENCHMARKS.md): the bytes are decoded
chunk by chunk into the text (never the bytes, a joined copy and the text at once), a
Markdown document is parsed and masked a piece at a time (never a list of its characters nor
the tokens of the whole document), and line starts are an array. Every shortcut must give
exactly what the whole-input way gives: each is compared with it here, on small inputs cut
into many small pieces. Memory is measured with tracemalloc (allocations, not time).
"""

from __future__ import annotations

import codecs
import io
import re
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import inputs
from factcheck.errors import InputError
from factcheck.model import Span, Statement
from factcheck.report.positions import line_starts, locate
from factcheck.text import markdown, pieces, segment
from factcheck.text.markdown import Prose, ignored_claims, prose_mask
from factcheck.text.segment import StatementStream, split_statements

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SENTENCES = ("Musk donated $44M to OpenAI. ", "マスク氏はOpenAIに4400万ドルを寄付した。")


def mixed_text(chars: int) -> str:
    """English and Japanese sentences, one paragraph each (two bytes a character in memory)."""
    out: list[str] = []
    size = 0
    while size < chars:
        out.append(SENTENCES[len(out) % 2] + "\n\n")
        size += len(out[-1])
    return "".join(out)


def peak_while(fn: Callable[[], object]) -> int:
    """The peak of memory allocated while ``fn`` runs, beyond what was allocated before."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


needs_in_place = pytest.mark.skipif(
    sys.gettrace() is not None,
    reason="under a tracer (coverage, a debugger) CPython does not grow a string in place",
)


# --------------------------------------------------------------------------- reading


def whole(data: bytes, monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[str, str]:
    """("text", the text) or ("error", the message) of ``data`` decoded in one chunk."""
    monkeypatch.setattr(inputs, "CHUNK_BYTES", len(data) + 1)
    return outcome(lambda: inputs.decode(data, name))


def outcome(fn: Callable[[], str]) -> tuple[str, str]:
    try:
        return "text", fn()
    except InputError as exc:
        return "error", str(exc)


BYTES = [b"a", b"\n", b"\r\n", b"\x00", b"\xff", "あ".encode(), b"\xe3", b"\x81", b"\xed\xa0\x80",
         "😀".encode(), b"\x00\xd8", b"\x00\xdc", b"\x3d\xd8\x00\xde"]  # fmt: skip
BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
        codecs.BOM_UTF32_BE]  # fmt: skip


@SETTINGS
@given(st.sampled_from(BOMS), st.lists(st.sampled_from(BYTES), max_size=30), st.integers(1, 7))
def test_decoding_in_chunks_is_decoding_at_once(bom: bytes, parts: list[bytes], chunk: int) -> None:
    data = bom + b"".join(parts)
    with pytest.MonkeyPatch.context() as mp:
        expected, from_stdin = whole(data, mp, "f.txt"), whole(data, mp, "<stdin>")
        mp.setattr(inputs, "CHUNK_BYTES", chunk)
        assert outcome(lambda: inputs.decode(data, "f.txt")) == expected
        mp.setattr(inputs, "CHUNK_BYTES", chunk + 3)  # the first chunk read holds any BOM
        stream = io.TextIOWrapper(io.BytesIO(data))  # standard input, read in chunks
        assert outcome(lambda: inputs.read_stdin(stream).text) == from_stdin


def test_chunks_split_characters_and_problems_keep_their_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(inputs, "CHUNK_BYTES", 2)
    assert inputs.decode("ああ\n😀x".encode(), "f") == "ああ\n😀x"  # split in every way
    assert inputs.decode(codecs.BOM_UTF16_LE + "😀あ".encode("utf-16-le"), "f") == "😀あ"
    assert inputs.decode(codecs.BOM_UTF32_BE + "😀".encode("utf-32-be"), "f") == "😀"
    with pytest.raises(InputError, match=r"^f: not UTF-8 text \(invalid byte 0xff at byte offset 10, line 3\)$"):  # fmt: skip
        inputs.decode(codecs.BOM_UTF8 + b"ab\ncd\ne\xff", "f")
    with pytest.raises(InputError, match=r"^f: looks like a binary file \(NUL byte at offset 7\)$"):
        inputs.decode(b"a\xffbcdef\x00", "f")  # a NUL byte comes first, wherever it is
    with pytest.raises(InputError, match=r"^f: invalid UTF-16 at byte 8$"):
        inputs.decode(codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le") + b"\x00\xdc", "f")
    with pytest.raises(InputError, match=r"^f: looks like a binary file \(NUL byte at offset 1\)$"):
        inputs.decode(codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "f")  # a character


def test_a_file_too_large_is_refused_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(inputs, "CHUNK_BYTES", 4)
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_bytes(b"abc\xffdefghijkl\x00")  # too large comes before any other problem
    with pytest.raises(InputError, match=r"larger than"):
        inputs.read_file(str(path))
    path.write_bytes(b"abc\xffdefg")
    with pytest.raises(InputError, match=r"byte offset 3, line 1"):
        inputs.read_file(str(path))


@needs_in_place
def test_a_file_is_held_once_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = mixed_text(1_500_000)
    path = tmp_path / "big.md"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    size = sys.getsizeof(text)  # about 3 MB: Japanese makes it two bytes a character
    monkeypatch.setattr(inputs, "CHUNK_BYTES", 64 * 1024)
    read: list[inputs.Document] = []
    peak = peak_while(lambda: read.append(inputs.read_file(str(path))))
    assert read[0].text == text and read[0].markdown
    # the bytes read, joined, then decoded took 2.5 times the text; now the text, and a chunk
    assert peak < 1.3 * size, (peak, size)


# --------------------------------------------------------------------------- positions


def test_line_starts_are_a_compact_table() -> None:
    text = "one\r\ntwo\rthree\n\nfour\u2028still four\r"
    starts = line_starts(text)
    assert list(starts) == [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    assert starts.itemsize <= 4  # type: ignore[attr-defined]  # an array, not a tuple of ints
    assert locate(text, Span(text.index("four"), len(text) - 1)) == (5, 1, 5, 16)
    assert locate(text, Span(text.index("two"), text.index("three") + 2)) == (2, 1, 3, 3)
    many = "line\n" * 100_000
    assert sys.getsizeof(line_starts(many)) < 5 * 100_001  # a tuple took 8 bytes a line


# --------------------------------------------------------------------------- segmentation


def reference_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The blocks of lines as they were found before: the text's lines as str.splitlines
    gives them (a copy of the text), each without a trailing CR or LF."""
    blocks: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lstart, lend = pos, pos + len(body)
        pos += len(line)
        if not body.strip():
            continue
        stripped = body.lstrip()
        if (
            blocks
            and stripped[:1].islower()
            and not segment._ends_sentence(text, blocks[-1])
            and blocks[-1][1] + 2 >= lstart - (len(body) - len(stripped)) - 1
        ):
            blocks[-1] = (blocks[-1][0], lend)
        else:
            blocks.append((lstart, lend))
    return blocks


LINE_PIECES = ["Musk gave", "money", "to OpenAI.", "lower", "Mr.", ".", " ", "\t", "\u3000", "\n",
               "\r\n", "\r", "\v", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "- ", "「", "」",
               "e.g.", "マスク。"]  # fmt: skip
line_texts = st.lists(st.sampled_from(LINE_PIECES), max_size=40).map("".join)


@SETTINGS
@given(line_texts, st.data())
def test_lines_are_found_in_place_as_splitlines_finds_them(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(segment._line_blocks(text, start, end)) == reference_blocks(text, start, end)


@SETTINGS
@given(line_texts, st.lists(st.integers(1, 12), max_size=40))
def test_a_text_split_in_parts_has_the_statements_of_the_whole(text: str, cuts: list[int]) -> None:
    stream = StatementStream()
    found = []
    pos = 0
    for size in [*cuts, len(text)]:
        found += stream.feed(text[pos : pos + size])
        pos += size
    found += stream.close()
    assert found == split_statements(text)


def test_a_part_that_starts_with_a_full_stop_looks_back_at_the_last_word() -> None:
    text = "He met the U.S.\n.\u3000next one here.\n"  # "U.S." before "." makes no sentence end
    stream = StatementStream()
    found = stream.feed(text[:16]) + stream.feed(text[16:]) + stream.close()
    assert found == split_statements(text)


# --------------------------------------------------------------------------- Markdown

MD_LINES = ["", "", " ", "Para text.", "lower case", "Musk gave $5M.", "# Head", "- item",
            "  - nested", "2. two", "    code", "```", "~~~", "  ```", "> quote", "> ```",
            "<!-- factcheck: off -->", "<!-- factcheck: on -->", "<!-- factcheck: ignore -->",
            "Said. <!-- factcheck: ignore a.b -->", "<!--", "-->", "<div>", "</div>",
            "<script>", "</script>", "| a | b |", "|---|---|", '[ref]: https://r.test "T"',
            "see [x][ref] and [ref]", "[x](https://u.test) www.w.test", "<https://a.test>",
            "`code` ``co`de``", "---", "マスク氏は寄付した。", "\\*esc\\*"]  # fmt: skip
md_texts = st.tuples(
    st.lists(st.sampled_from(MD_LINES), max_size=40), st.sampled_from(["\n", "\r\n", "\r"])
).map(lambda t: t[1].join(t[0]))


def analysed(text: str, piece_chars: int) -> tuple[str, dict[int, set[str]]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pieces, "PIECE_CHARS", piece_chars)
        markdown._analyse.cache_clear()
        try:
            return prose_mask(text), ignored_claims(text)
        finally:
            markdown._analyse.cache_clear()


@SETTINGS
@given(md_texts, st.booleans())
def test_markdown_parsed_in_pieces_is_masked_as_a_whole(text: str, front: bool) -> None:
    text = ("---\ntitle: x\n---\n" if front else "") + text
    assert analysed(text, 1) == analysed(text, 10**9)  # every piece as small as it can be


def test_pieces_end_only_where_no_block_goes_on() -> None:
    doc = (
        "Intro with [a link][later].\n\n"
        "```\nfenced\n\nNot prose, still code.\n```\n\n"
        "<!--\ncomment\n\nStill a comment.\n-->\n\n"
        "- item one\n\n- item two\n\n"
        "<!-- factcheck: off -->\n\nHidden.\n\n<!-- factcheck: on -->\n\n"
        "<!-- factcheck: ignore -->\n\n\nHidden too.\n\n"
        "Kept. <!-- factcheck: ignore x.y -->\n\n"
        "[later]: https://x.test\n"
    )
    mask, ignored = analysed(doc, 1)
    assert (mask, ignored) == analysed(doc, 10**9)
    assert mask.split() == ["Intro", "with", "a", "link", ".", "item", "one", "item", "two",
                            "Kept."]  # fmt: skip
    assert ignored == {doc.splitlines().index("Kept. <!-- factcheck: ignore x.y -->"): {"x.y"}}


@SETTINGS
@given(md_texts)
def test_prose_statements_are_those_of_the_mask(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pieces, "PIECE_CHARS", 1)
        prose = Prose(text)
        found = list(prose.statements())
    mask, ignored = analysed(text, 10**9)
    assert found == split_statements(mask)
    assert prose.ignored == ignored


@pytest.mark.parametrize("piece_chars", [1, 10**9])
def test_prose_ignore_comments_are_known_before_their_statements(
    piece_chars: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = (
        "One.\n\n<!-- factcheck: ignore a.b -->\n\n\nTwo. <!-- factcheck: ignore c.d -->\n\n"
        "Three.\n\n<!-- factcheck: ignore e.f -->\nFour.\n"
    )
    monkeypatch.setattr(pieces, "PIECE_CHARS", piece_chars)
    prose = Prose(doc)
    seen = {s.text: dict(prose.ignored) for s in prose.statements()}
    assert list(seen) == ["One.", "Two.", "Three.", "Four."]
    assert seen["Two."][5] == {"a.b", "c.d"}
    assert seen["Four."][10] == {"e.f"}
    assert prose.ignored == ignored_claims(doc)


def consume(items: Iterator[object]) -> None:
    for _ in items:
        pass


def test_the_mask_is_made_without_a_list_of_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    prose_mask("# Warm\n\nThe parser is made once.\n")
    monkeypatch.setattr(pieces, "PIECE_CHARS", 2048)
    doc = mixed_text(100_000)
    size = sys.getsizeof(doc)
    markdown._analyse.cache_clear()
    peak = peak_while(lambda: prose_mask(doc))
    markdown._analyse.cache_clear()
    # a list of the characters took 4 times the text (twice), the tokens of the whole 50 times
    assert peak < 3.5 * size, (peak, size)


def test_prose_is_read_without_the_whole_mask(monkeypatch: pytest.MonkeyPatch) -> None:
    prose_mask("# Warm\n\nThe parser is made once.\n")
    monkeypatch.setattr(pieces, "PIECE_CHARS", 1024)
    doc = mixed_text(200_000)
    size = sys.getsizeof(doc)
    held: list[int] = []
    feed = StatementStream.feed

    def watched(self: StatementStream, part: str) -> list[Statement]:
        found = feed(self, part)
        held.append(len(self.text))
        return found

    monkeypatch.setattr(StatementStream, "feed", watched)
    peak = peak_while(lambda: consume(Prose(doc).statements()))
    assert max(held) < 4096  # a piece, and the start of the next block
    assert peak < 0.6 * size, (peak, size)  # the mask alone would be the text's size
