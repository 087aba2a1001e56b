"""Output formats: golden files per format, SARIF shape, GitHub escaping, reviewdog columns.

The golden inputs and a tiny claims record live in tests/golden/ (its factcheck.toml points
at the record); regenerate the expected outputs with ``pytest --update-golden``. Match scores
and the version are replaced by placeholders: they change with tuning and releases.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import __version__
from factcheck.model import Citation, Finding, Span, Verdict
from factcheck.report import Context, renderer
from factcheck.report.github import escape_data, escape_property
from factcheck.report.sarif import fingerprint
from tests.helpers import run_factcheck

GOLDEN = Path(__file__).parent / "golden"
INPUTS = ["inputs/history.md", "inputs/notes.txt"]  # sorted
SUFFIX = {"text": "txt", "json": "json", "github": "github", "sarif": "sarif", "rdjsonl": "rdjsonl"}


def run_in(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(folder)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = run_factcheck(*args, env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def golden_args(fmt: str) -> list[str]:
    files = [a for path in INPUTS for a in ("-f", path)]
    return [*files, "--format", fmt, "--no-color"]


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_golden_output(fmt: str, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    code, out, err = run_in(GOLDEN, monkeypatch, *golden_args(fmt))
    assert code == 1, err  # the inputs hold contradicted statements
    out = out.replace(f'"{__version__}"', '"<version>"')
    out = re.sub(r'"score": [0-9.]+', '"score": "<score>"', out)  # scores drift with tuning
    expected = GOLDEN / "expected" / f"report.{SUFFIX[fmt]}"
    if update_golden:
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(out, encoding="utf-8", newline="\n")
    assert expected.is_file(), f"missing {expected}: run pytest --update-golden"
    assert out == expected.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- SARIF


def _is_int(value: object, least: int = 1) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def check_sarif(doc: dict[str, object]) -> None:
    """What GitHub code scanning reads of a SARIF 2.1.0 file: keys, types and references."""
    assert isinstance(doc["$schema"], str) and doc["$schema"].startswith("https://")
    assert doc["version"] == "2.1.0"
    runs = doc["runs"]
    assert isinstance(runs, list) and len(runs) == 1
    run = runs[0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and isinstance(driver["version"], str)
    assert re.match(r"^https?://", driver["informationUri"])
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert isinstance(rule["id"], str) and rule["id"]
        assert (
            isinstance(rule["shortDescription"]["text"], str) and rule["shortDescription"]["text"]
        )
        assert isinstance(rule["help"]["text"], str) and rule["help"]["text"]
    assert run.get("columnKind", "utf16CodeUnits") in ("utf16CodeUnits", "unicodeCodePoints")
    for result in run["results"]:
        assert result["ruleId"] in ids
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("none", "note", "warning", "error")
        assert isinstance(result["message"]["text"], str) and result["message"]["text"]
        prints = result["partialFingerprints"]
        assert prints and all(isinstance(k, str) and isinstance(v, str) for k, v in prints.items())
        (loc,) = result["locations"]
        phys = loc["physicalLocation"]
        uri = phys["artifactLocation"]["uri"]
        assert isinstance(uri, str) and "\\" not in uri and " " not in uri
        region = phys["region"]
        assert all(_is_int(region[k]) for k in ("startLine", "startColumn", "endLine", "endColumn"))
        assert region["endLine"] >= region["startLine"]
        if region["endLine"] == region["startLine"]:
            assert region["endColumn"] > region["startColumn"]


def test_sarif_has_what_code_scanning_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_in(GOLDEN, monkeypatch, *golden_args("sarif"))
    assert code == 1
    doc = json.loads(out)
    check_sarif(doc)
    results = doc["runs"][0]["results"]
    levels = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"]): r["level"]
              for r in results}  # fmt: skip
    assert levels[("inputs/history.md", 6)] == "error"
    assert levels[("inputs/notes.txt", 3)] == "note"
    assert "supported" not in {r["properties"]["verdict"] for r in results}
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert (
        rules["musk.age_gap"]["shortDescription"]["text"] == "Musk is 14 years older than Altman."
    )
    assert "sources/note.txt:3" in rules["musk.age_gap"]["help"]["text"]
    assert "factcheck.unknown" in rules


def _finding(statement: str, start: int, claim: str | None = "a.b") -> Finding:
    verdict = Verdict.CONTRADICTED if claim else Verdict.UNKNOWN
    cite = Citation("s", "sources/s.txt", 3, "The passage.") if claim else None
    span = Span(start, start + len(statement))
    return Finding("docs/x, y: z.md", statement, span, verdict, 90.0, claim, "Claim.", "why", cite)


def test_sarif_fingerprints_ignore_position_and_count_repeats() -> None:
    moved = _finding("Musk  is 30 years older.", 40)
    assert fingerprint(_finding("Musk is 30 years older.", 0)) == fingerprint(moved)
    assert fingerprint(_finding("Musk is 31 years older.", 0)) != fingerprint(moved)
    text = "Musk is 30 years older.\nMusk is 30 years older.\n"
    twice = [_finding("Musk is 30 years older.", 0), _finding("Musk is 30 years older.", 24)]
    doc = json.loads(renderer("sarif")(twice, Context(texts={"docs/x, y: z.md": text})))
    prints = [r["partialFingerprints"]["factcheck/v1"] for r in doc["runs"][0]["results"]]
    assert prints[0].endswith(":1") and prints[1].endswith(":2")
    assert prints[0][:-2] == prints[1][:-2]
    check_sarif(doc)


# --------------------------------------------------------------------------- GitHub


def test_github_escaping() -> None:
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    text = "Musk is 30 years older.\n"
    out = renderer("github")(
        [_finding("Musk is 30 years older.", 0)], Context(texts={"docs/x, y: z.md": text})
    )
    line = next(x for x in out.splitlines() if x.startswith("::error "))
    assert "file=docs/x%2C y%3A z.md,line=1,col=1,endLine=1,endColumn=23," in line
    assert (
        "title=factcheck%3A Contradicted (a.b)::why%0AClaim a.b: Claim.%0ASource sources/s.txt:3: The passage."
        in line
    )
    assert out.splitlines()[0].startswith("::group::") and "::endgroup::" in out


def test_github_pseudo_input_has_no_file_and_unknown_is_a_notice() -> None:
    f = Finding("<text>", "Dojo trains models.", Span(0, 19), Verdict.UNKNOWN, 0.0)
    out = renderer("github")([f], Context(texts={"<text>": "Dojo trains models."}))
    notice = next(x for x in out.splitlines() if x.startswith("::notice"))
    assert "file=" not in notice and "title=factcheck%3A Unknown" in notice


def test_github_step_summary_is_appended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.chdir(GOLDEN)
    result = run_factcheck(*golden_args("github"), env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n### factcheck")
    assert (
        "| ❌ contradicted | `inputs/history.md:6` | Musk is 30 years older than Altman." in written
    )
    assert "::" not in written


# --------------------------------------------------------------------------- reviewdog


def test_rdjsonl_counts_columns_in_utf8_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_in(GOLDEN, monkeypatch, *golden_args("rdjsonl"))
    assert code == 1
    diags = [json.loads(line) for line in out.splitlines()]
    for d in diags:
        assert set(d) - {"suggestions"} == {"message", "location", "severity", "source", "code"}
        assert d["severity"] in ("ERROR", "INFO") and d["source"] == {"name": "factcheck"}
    ja = next(
        d
        for d in diags
        if d["code"]["value"] == "openai.cofounded" and d["location"]["path"].endswith(".md")
    )
    statement = "マスク氏とアルトマン氏は2018年にOpenAIを共同で設立した。"
    rng = ja["location"]["range"]
    assert rng["start"]["column"] == 3  # after "> "
    assert rng["end"]["column"] == 3 + len(statement.encode("utf-8"))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_the_json_writer_writes_what_json_dumps_writes(value: object) -> None:
    from factcheck.report.json_ import _pretty

    assert _pretty(value, "") == json.dumps(value, ensure_ascii=False, indent=2)
    assert "    " + _pretty(value, "    ") == "\n".join(
        "    " + line for line in json.dumps(value, ensure_ascii=False, indent=2).split("\n")
    )
