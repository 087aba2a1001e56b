"""Every machine-readable format validated against its schema: json against the output
contract's schema that ships in the package, SARIF against the official 2.1.0 schema,
rdjsonl against reviewdog's Diagnostic schema (both kept in tests/fixtures/schemas), and the
github format against the grammar of workflow commands."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker

from tests.helpers import run_factcheck

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures" / "schemas"
GOLDEN = TESTS / "golden"
DRAFT = TESTS / "golden_text" / "draft.md"

# (folder to run in, arguments, standard input): the golden record's inputs (all three
# verdicts, Markdown and text), the bundled record on a Markdown draft in both languages,
# standard input with and without a name, --explain
RUNS = {
    "golden": (GOLDEN, ["-f", "inputs/history.md", "-f", "inputs/notes.txt"], None),
    "bundled draft": (TESTS, ["-f", str(DRAFT)], None),
    "stdin": (TESTS, [], "Musk donated $50M to OpenAI in total.\nTesla was founded in 2003.\n"),
    "named stdin": (TESTS, ["--stdin-filename", "docs/draft.md"], DRAFT.read_text("utf-8")),
    "explain": (TESTS, ["--explain", "マスクはOpenAIに5000万ドルを寄付した。"], None),
}


def output(run: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> str:
    folder, args, stdin = RUNS[run]
    monkeypatch.chdir(folder)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = run_factcheck(*args, "--format", fmt, input=stdin)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@cache
def contract_schema() -> dict[str, Any]:
    text = resources.files("factcheck").joinpath("contract/output-v1.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return schema


def contract() -> Draft202012Validator:
    return Draft202012Validator(contract_schema(), format_checker=FormatChecker())


def fixture(name: str) -> Draft4Validator:
    schema = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=FormatChecker())


def errors(validator: Draft4Validator | Draft202012Validator, doc: object) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)
    ]


@pytest.mark.parametrize("run", sorted(RUNS))
def test_json_output_follows_the_shipped_contract(
    run: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = json.loads(output(run, "json", monkeypatch))
    assert doc["results"], "a run with results"
    assert errors(contract(), doc) == []
    if run == "golden":  # revision 1.1's conflict objects are among what is validated
        assert any(r.get("conflict") for r in doc["results"])


@pytest.mark.parametrize("run", sorted(RUNS))
def test_sarif_output_follows_the_official_schema(
    run: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = json.loads(output(run, "sarif", monkeypatch))
    assert doc["runs"][0]["results"], "a run with problems"
    assert errors(fixture("sarif-schema-2.1.0.json"), doc) == []
    if run in ("golden", "bundled draft", "named stdin"):  # suggested fixes validated too
        assert any("fixes" in r for r in doc["runs"][0]["results"])


@pytest.mark.parametrize("run", sorted(RUNS))
def test_rdjsonl_output_follows_reviewdogs_schema(
    run: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = output(run, "rdjsonl", monkeypatch).splitlines()
    assert lines
    validator = fixture("reviewdog-Diagnostic.json")
    if run in ("golden", "bundled draft", "named stdin"):  # suggested fixes validated too
        assert any('"suggestions"' in line for line in lines)
    for line in lines:
        diagnostic = json.loads(line)
        assert errors(validator, diagnostic) == []
        start = diagnostic["location"]["range"]["start"]
        assert start["line"] >= 1 and start["column"] >= 1  # what reviewdog requires of a range


_PROPERTY = r"[a-zA-Z]+=[^,:\r\n]*"  # values percent-encode ',', ':', CR and LF
_WORKFLOW = re.compile(
    rf"::(?:error|notice)(?: {_PROPERTY}(?:,{_PROPERTY})*)?::[^\r\n]*"
    r"|::group::[^\r\n]*|::endgroup::"
    r"|factcheck: \d+ statements, \d+ supported, \d+ contradicted, \d+ unknown"
)


@pytest.mark.parametrize("run", sorted(RUNS))
def test_github_output_is_workflow_commands(run: str, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = output(run, "github", monkeypatch).splitlines()
    assert any(line.startswith(("::error", "::notice")) for line in lines)
    for line in lines:
        assert _WORKFLOW.fullmatch(line), line


# --------------------------------------------------------------------------- the schema itself


def test_the_contract_page_ships_and_its_example_is_valid() -> None:
    page = resources.files("factcheck").joinpath("contract/output-v1.md").read_text()
    examples = re.findall(r"```json\n(.*?)```", page, re.DOTALL)
    assert examples
    assert errors(contract(), json.loads(examples[0])) == []
    conflict = json.loads("{" + examples[1].strip() + "}")["conflict"]
    assert errors(contract(), {**json.loads(examples[0]), "results": [
        {**json.loads(examples[0])["results"][0], "conflict": conflict}]}) == []  # fmt: skip


def _document(**changes: object) -> dict[str, object]:
    result: dict[str, object] = {
        "input": "draft.md", "line": 1, "column": 1, "end_line": 1, "end_column": 10,
        "statement": "Musk gave $50M.", "verdict": "contradicted", "score": 91.4,
        "claim": {"id": "musk.donations.total", "text": "Musk donated $44M."},
        "reason": "amount differs", "citation": {"source": "s", "path": "sources/s.txt",
                                                  "line": 3, "passage": "…"},
    }  # fmt: skip
    result.update(changes)
    return {"version": 1, "results": [result],
            "summary": {"statements": 1, "supported": 0, "contradicted": 1, "unknown": 0}}  # fmt: skip


CONFLICT = {"kind": "amount", "statement_value": "$50M", "source_value": "$44M",
            "statement_span": [10, 14], "source_span": None}  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "valid"),
    [
        ({}, True),
        ({"conflict": CONFLICT}, True),  # 1.1
        ({"conflict": {**CONFLICT, "statement_value": None, "source_span": [0, 3]}}, True),
        ({"conflict": None}, True),
        ({"future_field": {"anything": 1}}, True),  # fields may be added
        ({"verdict": "false"}, False),
        ({"line": 0}, False),
        ({"score": 101}, False),
        ({"claim": {"id": "x"}}, False),
        ({"verdict": "unknown", "citation": None, "claim": None, "reason": None}, True),
        ({"verdict": "unknown"}, False),  # an unknown statement cites nothing
        ({"reason": None}, False),  # a contradiction says why
        ({"conflict": {**CONFLICT, "kind": 3}}, False),
        ({"conflict": {**CONFLICT, "statement_span": [1, 2, 3]}}, False),
        ({"conflict": {k: v for k, v in CONFLICT.items() if k != "source_value"}}, False),
    ],
)
def test_the_schema_accepts_the_contract_and_nothing_else(changes: dict[str, object], valid: bool) -> None:  # fmt: skip
    found = errors(contract(), _document(**changes))
    assert (found == []) is valid, found


def test_a_document_without_its_summary_is_refused() -> None:
    doc = _document()
    del doc["summary"]
    assert errors(contract(), doc) != []
