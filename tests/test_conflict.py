"""Conflicts are data: a contradicted finding carries the kind of difference, each side's
value and where each is, from the rule through the verdict to every report."""

from __future__ import annotations

import json

import pytest

from factcheck.model import ConflictKind, Verdict
from factcheck.report import Context
from factcheck.report.json_ import finding_dict
from factcheck.report.sarif import render as sarif
from tests.helpers import one


@pytest.mark.parametrize(
    ("text", "kind", "said", "source"),
    [
        ("Musk donated $50M to OpenAI.", ConflictKind.AMOUNT, "$50M", "4400万ドル"),
        (
            "マスク氏はOpenAIに5000万ドルを寄付した。",
            ConflictKind.AMOUNT,
            "5000万ドル",
            "4400万ドル",
        ),
        ("Musk and Altman co-founded OpenAI in 2017.", ConflictKind.DATE, "2017", "2015年"),
        ("Musk recruited Sutskever from Apple.", ConflictKind.NAME, "Apple", None),
        ("Musk did not donate any money to OpenAI.", ConflictKind.NEGATION, None, None),
    ],
)
def test_a_contradiction_carries_its_kind_values_and_spans(
    text: str, kind: ConflictKind, said: str | None, source: str | None
) -> None:
    f = one(text)
    assert f.verdict is Verdict.CONTRADICTED, f.reason
    c = f.conflict
    assert c is not None and c.kind is kind and c.reason == f.reason
    if said is None:
        assert c.statement_span is None
    else:
        assert c.statement_span is not None
        assert f.statement[slice(*c.statement_span)] == said
    if source is not None:
        assert f.citation is not None and c.source_span is not None
        assert f.citation.passage[slice(*c.source_span)] == source


def test_json_gives_the_conflict_and_null_for_other_verdicts() -> None:
    bad, good = one("Musk donated $50M to OpenAI."), one("Musk donated $44M to OpenAI.")
    ctx = Context(texts={})
    row = json.loads(json.dumps(finding_dict(bad, ctx), ensure_ascii=False))
    assert row["conflict"]["kind"] == "amount"
    assert row["conflict"]["statement_value"] == "$50M"
    a, b = row["conflict"]["statement_span"]
    assert row["statement"][a:b] == "$50M"
    assert finding_dict(good, ctx)["conflict"] is None


def test_sarif_results_carry_the_kind() -> None:
    f = one("Musk donated $50M to OpenAI.")
    doc = json.loads(sarif([f], Context(texts={})))
    assert doc["runs"][0]["results"][0]["properties"]["conflictKind"] == "amount"
