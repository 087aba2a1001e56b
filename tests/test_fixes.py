"""Suggested fixes: --fix rewrites only the contradicted values (the file otherwise byte for
byte the same), --diff shows them, and a value is replaced only when the statement then
agrees with the same claim."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.fixes import Fix, _number_text, _scaled, apply, suggest
from factcheck.model import ConflictKind
from factcheck.pipeline import check_text
from tests.helpers import bundled_index

DRAFT = (
    "---\n"
    "title: Musk donated $50M to OpenAI in total.\n"
    "---\n"
    "\n"
    "Musk donated $50M to OpenAI in total. Musk is 30 years older than Altman.\r\n"
    "\n"
    "マスクはOpenAIに5000万ドルを寄付した。\n"
    "\n"
    "```\n"
    "Musk and Altman co-founded OpenAI in 2019.\n"
    "```\n"
    "\n"
    "Musk and Altman co-founded OpenAI in 2019.\n"
    "\n"
    "<!-- factcheck: ignore -->\n"
    "Google released ChatGPT in November 2022.\n"
    "\n"
    "Google released ChatGPT in November 2022. Musk never donated money to OpenAI."
)
FIXED = (
    DRAFT.replace("$50M to OpenAI in total. Musk is 30", "$44M to OpenAI in total. Musk is 14")
    .replace("5000万", "4400万")
    .replace("OpenAI in 2019.\n\n<!--", "OpenAI in 2015.\n\n<!--")
)
FIXED = FIXED[: FIXED.rindex("Google")] + "OpenAI" + FIXED[FIXED.rindex("Google") + 6 :]


def factcheck_cmd(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_fix_changes_only_the_wrong_values(bom: bytes, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(bom + DRAFT.encode("utf-8"))
    proc = factcheck_cmd("--files", "draft.md", "--fix", "--format", "json", cwd=tmp_path)
    assert proc.stderr.splitlines()[0] == "factcheck: fixed 5 values", proc.stderr
    assert draft.read_bytes() == bom + FIXED.encode("utf-8")
    # the report is of the file as it now is: only the negation is left contradicted
    assert proc.returncode == 1
    assert '"statement": "Musk never donated money to OpenAI."' in proc.stdout
    assert proc.stdout.count('"verdict": "contradicted"') == 1
    again = factcheck_cmd("--files", "draft.md", "--fix", cwd=tmp_path)
    assert "fixed" not in again.stderr and draft.read_bytes() == bom + FIXED.encode("utf-8")


def test_diff_shows_the_fixes_and_changes_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(DRAFT.encode("utf-8"))
    proc = factcheck_cmd("--files", "draft.md", "--diff", cwd=tmp_path)
    assert proc.returncode == 1
    assert draft.read_bytes() == DRAFT.encode("utf-8")
    assert proc.stdout.startswith("--- a/draft.md\n+++ b/draft.md\n")
    assert (
        "-マスクはOpenAIに5000万ドルを寄付した。\n+マスクはOpenAIに4400万ドルを寄付した。\n"
        in proc.stdout
    )
    assert proc.stderr == "factcheck: 5 fixes in 1 file (--fix applies them)\n"
    (tmp_path / "ok.md").write_text("Musk donated $44M to OpenAI.\n", encoding="utf-8")
    clean = factcheck_cmd("--files", "ok.md", "--diff", cwd=tmp_path)
    assert (clean.returncode, clean.stdout) == (0, "")
    assert clean.stderr == "factcheck: 0 fixes in 0 files\n"


def test_text_on_the_command_line_is_never_rewritten(tmp_path: Path) -> None:
    proc = factcheck_cmd("--fix", "Musk donated $50M to OpenAI in total.", cwd=tmp_path)
    assert proc.returncode == 1 and "fixed" not in proc.stderr


def test_a_file_in_utf16_is_left_alone(tmp_path: Path) -> None:
    draft = tmp_path / "wide.txt"
    data = "Musk donated $50M to OpenAI in total.\n".encode("utf-16")
    draft.write_bytes(data)
    proc = factcheck_cmd("--files", "wide.txt", "--fix", cwd=tmp_path)
    assert draft.read_bytes() == data and proc.returncode == 1
    assert "factcheck: warning: wide.txt: not fixed (not UTF-8" in proc.stderr


@pytest.mark.parametrize(
    ("statement", "replacement"),
    [
        ("Musk donated $50M to OpenAI in total.", "$44M"),
        ("Musk donated 50 million dollars to OpenAI in total.", "44 million dollars"),
        ("Musk donated $50,000,000 to OpenAI in total.", "$44,000,000"),
        ("マスクはOpenAIに5000万ドルを寄付した。", "4400万ドル"),
        ("Musk is 30 years older than Altman.", "14 years"),
    ],
)
def test_the_value_is_written_as_the_statement_writes_it(statement: str, replacement: str) -> None:
    (finding,) = check_text(statement, bundled_index())
    fix = suggest(finding, lambda s: check_text(s, bundled_index()))
    assert fix is not None and fix.replacement == replacement


@pytest.mark.parametrize(
    "statement",
    ["Musk never donated money to OpenAI.",  # a negation: no value to replace
     "Tesla was founded in 2003."],  # unknown, not contradicted
)  # fmt: skip
def test_no_fix_without_a_value_that_makes_it_agree(statement: str) -> None:
    for finding in check_text(statement, bundled_index()):
        assert suggest(finding, lambda s: check_text(s, bundled_index())) is None


def test_a_replacement_that_would_not_agree_is_not_offered() -> None:
    (finding,) = check_text("Musk donated $50M to OpenAI in total.", bundled_index())
    assert suggest(finding, lambda s: []) is None  # the judge finds nothing supported


def test_number_writing_and_scaling() -> None:
    assert _number_text(44.0, "50") == "44"
    assert _number_text(1.5, "2") == "1.5"
    assert _number_text(44000000.0, "50,000,000") == "44,000,000"
    assert _number_text(2.25, "3.10") == "2.25"
    assert _scaled(ConflictKind.AMOUNT, "$2B", "$1.5 billion") == "$1.5B"
    assert _scaled(ConflictKind.AMOUNT, "$50M and $2M", "$44M") is None  # two numbers


def test_fixes_are_made_from_the_end_and_never_overlap() -> None:
    text = "a 50 b 30 c"
    fixes = [Fix("x", 2, 4, "44"), Fix("x", 7, 9, "14"), Fix("x", 3, 8, "zz")]
    assert apply(text, fixes) == "a 44 b 14 c"
