"""Fuzzing the parsers: whatever they are given, they return or refuse cleanly, never crash.

- the segmenter, the number and date normalisers take any Unicode text;
- the Markdown mask keeps the length and the line breaks of any text, and only ever puts
  spaces where the text had something else;
- decoding takes any bytes (a str, or an InputError);
- the record loader takes any YAML-ish text or bytes (a Record, or a RecordError).

Bounded for the suite (a few seconds in all); FACTCHECK_FUZZ_EXAMPLES raises the number of
examples per test for a longer run (docs/fuzzing.md).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError, RecordError
from factcheck.inputs import decode
from factcheck.normalize.dates import extract_dates
from factcheck.normalize.numbers import extract_counts, extract_money, extract_percents
from factcheck.normalize.numerals import nfkc
from factcheck.record import load_record
from factcheck.text.markdown import ignored_claims
from factcheck.text.segment import split_statements
from tests.helpers import assert_mask_keeps_positions

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=EXAMPLES or 50, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
SLOW_FUZZ = settings(max_examples=EXAMPLES or 25, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])  # fmt: skip

# Any Unicode (surrogates excluded: they are not text), and text built from the characters
# the parsers look at, which random Unicode rarely hits.
SPECIAL = list("0123456789.,$¥€%万億千百兆円ドル年月日約以上未満〜-–~()[]{}<>`*_#!|\\\"'「」。、")
SPECIAL += ["million", "billion", "thousand", "March", "Sept.", "2016", "令和", "平成元年",
            "last", "early", "late", "US$", "USD", "\n", "\r\n", "\r", " ", "\t", "```", "    ",
            "<!--", "-->", "factcheck: off", "factcheck: ignore x.y", "---\n", "+++\n",
            "](", "http://a.b/c", "&amp;", "\x1b[1m", "\u202e", "\u0301", "😀", "\ufeff"]  # fmt: skip
texts = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=400),
    st.lists(st.sampled_from(SPECIAL), max_size=80).map("".join),
)


@FUZZ
@given(texts)
def test_segmenter_and_normalisers_never_raise(text: str) -> None:
    for s in split_statements(text):
        assert text[s.span.start : s.span.end] == s.text
    for found in (extract_money(text), extract_counts(text), extract_percents(text),
                  extract_money(nfkc(text)), extract_dates(text), extract_dates(nfkc(text))):  # fmt: skip
        assert isinstance(found, list)


@FUZZ
@given(texts)
def test_the_markdown_mask_keeps_length_and_line_breaks(text: str) -> None:
    mask = assert_mask_keeps_positions(text)
    assert isinstance(ignored_claims(text), dict)
    for s in split_statements(mask):
        assert mask[s.span.start : s.span.end] == s.text


@FUZZ
@given(st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_or_one_input_error(data: bytes) -> None:
    try:
        text = decode(data, "f.txt")
    except InputError as exc:
        message = str(exc)
        assert message.startswith("f.txt: ") and "\n" not in message
    else:
        assert "\x00" not in text and not text.startswith("\ufeff")


YAML_BITS = ["claims:", "entities:", "version: 1", "- ", "  ", "    ", "\n", ": ", "id: a.b",
             "id: x", "kind: person", "name: {en: A, ja: あ}", "aliases: [A, B]", "source: s",
             "quote: q", "text: {en: t, ja: て}", "values:", "dates: [2016-02-30]",
             "amounts: [{value: x}]", "&a ", "*a", "*b", "&b [*a, *a]", "!!python/object:os.system",
             "!!binary", "!x", "{", "}", "[", "]", ",", "'", '"', "? ", "|", ">", "#", "---",
             "...", "%YAML 1.1", "\t", "<<: *a", "~", "null", "1e999", "0x1F", "\ufeff", "\x00",
             "\x85", "é", "😀"]  # fmt: skip
yaml_texts = st.one_of(
    st.lists(st.sampled_from(YAML_BITS), max_size=60).map("".join),
    st.text(max_size=200),
)


def _load(claims: bytes, meta: bytes | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "claims.yaml").write_bytes(claims)
        if meta is not None:
            (root / "sources").mkdir()
            (root / "sources" / "s.yaml").write_bytes(meta)
            (root / "sources" / "s.txt").write_text("q\n", encoding="utf-8")
        try:
            load_record(root / "claims.yaml")
        except RecordError as exc:
            assert exc.problems
            assert all("\n" not in p for p in exc.problems)


@SLOW_FUZZ
@given(yaml_texts, st.none() | yaml_texts)
def test_the_record_loader_raises_nothing_but_record_error(claims: str, meta: str | None) -> None:
    _load(claims.encode("utf-8", "surrogatepass"), None if meta is None else meta.encode())


@SLOW_FUZZ
@given(st.binary(max_size=200))
def test_the_record_loader_takes_any_bytes(data: bytes) -> None:
    _load(data, None)
