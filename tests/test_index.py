"""The inverted index's shortlist changes cost, never verdicts."""

from __future__ import annotations

import pytest

from factcheck import match
from factcheck.pipeline import index_for, judge_statement
from tests.helpers import bundled


def test_verdicts_are_the_same_with_and_without_the_shortlist(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rec = bundled()
    index = index_for(rec)
    sample = [t for c in rec.claims for t in (*c.supported_examples, *c.contradicted_examples)]
    sample += [c.text_en for c in rec.claims] + [c.quote for c in rec.claims][:50]
    with_index = [(j.verdict, j.claim_id) for j in (judge_statement(index, t) for t in sample)]
    monkeypatch.setattr(match.candidates, "__defaults__", (6, None))  # score every claim
    without = [(j.verdict, j.claim_id) for j in (judge_statement(index, t) for t in sample)]
    assert len(sample) > 600
    assert with_index == without


def test_the_shortlist_really_shortens(monkeypatch: pytest.MonkeyPatch) -> None:
    index = index_for(bundled())
    f = index.features("Musk gave OpenAI money.")
    scored: list[int] = []
    original = match.score
    monkeypatch.setattr(match, "score", lambda i, ff, p: scored.append(1) or original(i, ff, p))
    match.candidates(index, f)
    assert 0 < len(scored) <= match.SHORTLIST
