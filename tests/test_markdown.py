"""Markdown scoping: the prose mask keeps positions, masks what is not prose, obeys switches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.text.markdown import ignored_claims, prose_mask, prose_regions
from tests.helpers import assert_mask_keeps_positions, run_factcheck

RECORD = str(Path(__file__).parent / "golden" / "record")
FALSE = "Musk is 30 years older than Altman."  # contradicted by the test record


def kept(text: str) -> list[str]:
    """The words of the mask (what will be checked)."""
    return prose_mask(text).split()


def run(tmp_path: Path, name: str, content: str | bytes, *args: str) -> tuple[int, str]:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    result = run_factcheck("--claims", RECORD, "--config", _empty_config(tmp_path),
                           "-f", str(path), *args)  # fmt: skip
    return result.exit_code, result.stdout


def _empty_config(tmp_path: Path) -> str:
    config = tmp_path / "factcheck.toml"
    config.write_text("", encoding="utf-8")
    return str(config)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab #>*-_|`[]()!<>:/.\\\t\r\n1-\u3042\u6f22~=+")),
        max_size=120,
    )
)
def test_mask_has_the_same_length_and_only_original_characters(text: str) -> None:
    assert_mask_keeps_positions(text)


def test_what_is_masked_and_what_is_kept() -> None:
    doc = (
        "---\ntitle: Front matter\n---\n"
        "# Heading words\n\n"
        'Para with `inline code` and [link text](https://x.test/path "title words").\n'
        "![alt words](pic.png) <https://auto.test> bare https://bare.test/a_b. <b>tag</b>\n\n"
        "```\nfenced code\n```\n\n"
        "    indented code\n\n"
        "<div>\nhtml block\n</div>\n\n"
        "<!-- comment words -->\n\n"
        "- list item\n> quoted words\n\n"
        "| cell one | cell two |\n| --- | --- |\n| three | four |\n"
    )
    words = kept(doc)
    for word in ("Heading", "Para", "link", "text", "alt", "words", "list", "item", "quoted",
                 "cell", "one", "two", "three", "four", "tag", "bare"):  # fmt: skip
        assert word in words, word
    for gone in ("Front", "matter", "inline", "code", "title", "https://x.test/path", "pic.png",
                 "https://auto.test", "https://bare.test/a_b", "fenced", "indented", "html",
                 "block", "comment", "#", "-", ">", "|", "<b>", "---", "`"):  # fmt: skip
        assert gone not in words, gone
    assert "." in prose_mask(doc)[doc.index("https://bare.test/a_b.") :]  # the full stop stays


def test_mask_positions_with_crlf_tabs_and_wide_characters(tmp_path: Path) -> None:
    doc = (
        "---\r\ntitle: x\r\n---\r\n"
        "# 見出し\r\n\r\n"
        "マスク氏は`code`です。" + FALSE + "\r\n"
        "-\t" + FALSE + "\r\n"
        "\r\n| 名前 | " + FALSE + " |\r\n| --- | --- |\r\n"
    )
    mask = prose_mask(doc)
    assert len(mask) == len(doc)
    assert [i for i, c in enumerate(mask) if c in "\r\n"] == [
        i for i, c in enumerate(doc) if c in "\r\n"
    ]
    code, out = run(tmp_path, "wide.md", doc.encode("utf-8"), "--format", "json")
    assert code == 1
    found = [(r["line"], r["column"], r["end_column"], r["statement"])
             for r in json.loads(out)["results"] if r["verdict"] == "contradicted"]  # fmt: skip
    width = len(FALSE)
    start = len("マスク氏は`code`です。") + 1
    assert found == [
        (6, start, start + width, FALSE),
        (7, 3, 3 + width, FALSE),  # after "-" and a tab
        (9, 3, 8 + width, "名前 | " + FALSE),  # a table row is one statement
    ]


def test_statement_is_quoted_from_the_original(tmp_path: Path) -> None:
    doc = "Musk is **30** years older than [Altman](https://x.test).\n"
    code, out = run(tmp_path, "bold.md", doc, "--format", "json")
    (result,) = json.loads(out)["results"]
    assert code == 1 and result["verdict"] == "contradicted"
    assert result["statement"] == "Musk is **30** years older than [Altman](https://x.test)."


def test_off_on_and_ignore_switches() -> None:
    doc = (
        "Kept one.\n"
        "<!-- factcheck: off -->\nHidden one.\n\nHidden two.\n<!-- factcheck: on -->\n"
        "Kept two.\n"
        "Hidden three. <!-- factcheck: ignore -->\n"
        "<!-- factcheck: ignore -->\n\nHidden four.\n"
        "Kept three.\n"
        "`<!-- factcheck: off -->` is only code. Kept four.\n"
        "```\n<!-- factcheck: off -->\n```\n"
        "Kept five.\n"
        "<!-- factcheck: off -->\nHidden to the end.\n"
    )
    words = kept(doc)
    assert [w for w in words if w.startswith(("Kept", "Hidden"))] == ["Kept"] * 5
    assert "four." in words and "five." in words


def test_ignored_claims_by_line() -> None:
    doc = ("First line.\n"
           "Second. <!-- factcheck: ignore musk.age_gap openai.cofounded -->\n"
           "<!-- factcheck: ignore article.published -->\n"
           "\n"
           "Fifth.\r\n"
           "`<!-- factcheck: ignore in.code -->`\n")  # fmt: skip
    assert ignored_claims(doc) == {
        1: {"musk.age_gap", "openai.cofounded"},
        4: {"article.published"},
    }
    assert "Second." in kept(doc) and "Fifth." in kept(doc)


def test_ignore_by_claim_id_drops_only_that_claim(tmp_path: Path) -> None:
    doc = f"{FALSE} <!-- factcheck: ignore musk.age_gap -->\n\n{FALSE} <!-- factcheck: ignore other.claim -->\n"
    code, out = run(tmp_path, "ids.md", doc, "--format", "json")
    results = json.loads(out)["results"]
    assert [(r["line"], r["verdict"]) for r in results] == [(3, "contradicted")]
    assert code == 1


def test_prose_regions_cover_the_prose() -> None:
    doc = "```\ncode\n```\n\nOne line.\nTwo line.\n\nThree.\n"
    regions = prose_regions(doc)
    assert [doc[r.start : r.end] for r in regions] == ["One line.\nTwo line.", "Three."]


def test_acceptance_only_the_paragraph_sentence_is_flagged(tmp_path: Path) -> None:
    doc = (
        f"---\ntitle: {FALSE}\n---\n\n"
        f"```\n{FALSE}\n```\n\n"
        f"<!-- factcheck: off -->\n{FALSE}\n<!-- factcheck: on -->\n\n"
        f"{FALSE} <!-- factcheck: ignore -->\n\n"
        f"Musk and Altman co-founded OpenAI in 2015. {FALSE}\n"
    )
    line = doc.splitlines().index(f"Musk and Altman co-founded OpenAI in 2015. {FALSE}") + 1
    code, out = run(tmp_path, "draft.md", doc, "--format", "github")
    errors = [x for x in out.splitlines() if x.startswith("::error")]
    assert code == 1
    assert len(errors) == 1 and f",line={line},col=44," in errors[0]
    code, out = run(tmp_path, "draft.md", doc, "--format", "sarif")
    results = [r for r in json.loads(out)["runs"][0]["results"] if r["level"] == "error"]
    assert code == 1
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results] == [line]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_plain_text_is_not_masked(tmp_path: Path, suffix: str) -> None:
    doc = f"`{FALSE}`\n"
    code, _ = run(tmp_path, "note" + suffix, doc, "--format", "json")
    assert code == (1 if suffix == ".txt" else 0)
