"""Browsing the record: factcheck claims (filters, --show, a positional id), sources, --json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import commands

ROOT = Path(__file__).parent.parent
SMALL = str(ROOT / "tests" / "golden" / "record" / "claims.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(commands.app, list(args), env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def ids(*args: str) -> list[str]:
    code, out, err = run("claims", "--json", "--claims", SMALL, *args)
    assert code == 0, err
    return [c["id"] for c in json.loads(out)]


def test_claims_filters_by_any_alias_year_and_word() -> None:
    every = ids()
    assert every == ["openai.cofounded", "musk.age_gap", "article.published"]
    assert ids("--about", "Altman") == ids("--about", "アルトマン") == ids("--about", "sam altman")
    assert ids("--about", "Altman") == ["openai.cofounded", "musk.age_gap"]
    assert ids("--about", "Tencent Tech") == ids("--about", "騰訊科技") == ["article.published"]
    assert ids("--year", "2015") == ["openai.cofounded"]
    assert ids("older") == ["musk.age_gap"]
    assert ids("--about", "Musk", "--year", "2024") == []
    code, _, err = run("claims", "--claims", SMALL, "--about", "Nobody Atall")
    assert code == 2 and "no person or organisation" in err


def test_claims_lists_for_people_and_says_how_many() -> None:
    code, out, _ = run("claims", "--claims", SMALL, "--about", "マスク")
    assert code == 0 and "\x1b" not in out
    assert "musk.age_gap" in out and "2 of 3 claims" in out and "--show ID" in out


def test_show_gives_values_names_aliases_examples_and_context() -> None:
    code, out, _ = run("claims", "--claims", SMALL, "--show", "musk.age_gap")
    assert code == 0 and "\x1b" not in out
    for part in ("マスク氏はアルトマン氏より14歳年上だ。", "ages: 14", "Elon Musk · イーロン・マスク",
                 "also Musk, マスク", "sources/note.txt:3", "A short test note"):  # fmt: skip
        assert part in out, part
    assert "    2 │ Musk and Altman co-founded" in out and "    4 │ Tencent Tech" in out
    same = run("claims", "musk.age_gap", "--claims", SMALL)  # a positional exact id shows it too
    assert same == (code, out, "")
    code, out, _ = run("claims", "--claims", SMALL, "--show", "musk.age_gap", "--context", "0")
    assert "    3 │ Musk is 14" in out and "    2 │" not in out


def test_show_bundled_claim_with_examples_and_highlighted_quote() -> None:
    code, out, _ = run("claims", "--show", "musk.donations.total")
    assert code == 0
    assert "$44,000,000" in out and "✓ " in out and "✗ " in out and "   34 │ " in out
    assert "起訴状には、マスク氏が最終的に4400万ドルを寄付したことが記されている。" in out.replace("\n", "")  # fmt: skip


def test_show_json_and_unknown_ids() -> None:
    code, out, _ = run("claims", "--claims", SMALL, "--show", "musk.age_gap", "--json")
    doc = json.loads(out)
    assert doc["id"] == "musk.age_gap" and doc["line"] == 3 and doc["values"] == {"ages": [14]}
    (altman,) = [e for e in doc["about"] if e["id"] == "altman"]
    assert altman["name"] == {"en": "Sam Altman", "ja": "サム・アルトマン"}
    assert {"Altman", "アルトマン"} <= set(altman["aliases"])
    assert doc["context"] == {"first_line": 2, "lines": [
        "Musk and Altman co-founded OpenAI in 2015.", "Musk is 14 years older than Altman.",
        "Tencent Tech published the report on March 6, 2024."]}  # fmt: skip
    code, _, err = run("claims", "--claims", SMALL, "--show", "musk.age_gaps")
    assert code == 2 and "did you mean musk.age_gap?" in err


def test_sources_text_and_json() -> None:
    code, out, _ = run("sources", "--claims", SMALL)
    assert code == 0 and "note-2024" in out and "(3 claims)" in out and "A short test note" in out
    code, out, _ = run("sources", "--claims", SMALL, "--json")
    (src,) = json.loads(out)
    assert src["id"] == "note-2024" and src["claims"] == 3 and src["path"] == "sources/note.txt"


def test_validate_still_validates() -> None:
    code, out, _ = run("validate", "--claims", SMALL)
    assert code == 0 and "3 claims" in out and "no problems" in out


@pytest.mark.parametrize("args", [["claims", "--about", "Musk"], ["claims", "--show", "musk.donations.total"], ["sources"]])  # fmt: skip
def test_record_commands_print_no_escape_codes_into_pipes(args: list[str]) -> None:
    env = {"PATH": str(Path(sys.executable).parent), "TERM": "xterm", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout and "\x1b" not in proc.stdout
