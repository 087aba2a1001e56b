"""Every claim's own example phrasings: the supported ones are supported, the contradicted
ones contradicted, by that claim (or, for a contradiction, a sibling from the same source
sentence). A source-error claim's examples, whichever kind, are all unknown, with its note as
the reason.

Examples the rules cannot judge yet are listed in known_gaps.yaml and marked strict xfail:
the day one starts passing, the test fails until it is taken off the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.pipeline import judge_statement
from tests.helpers import bundled, bundled_index

GAPS = yaml.safe_load((Path(__file__).parent / "known_gaps.yaml").read_text(encoding="utf-8"))
KNOWN = {item["text"]: item["why"] for item in GAPS}


def _cases() -> list[object]:
    cases = []
    for claim in bundled().claims:
        for label, texts in (("supported", claim.supported_examples),
                             ("contradicted", claim.contradicted_examples)):  # fmt: skip
            for text in texts:
                marks = (
                    [pytest.mark.xfail(strict=True, reason=KNOWN[text])] if text in KNOWN else []
                )
                cases.append(
                    pytest.param(
                        claim.id, label, text, marks=marks, id=f"{claim.id}-{label}-{len(cases)}"
                    )
                )
    return cases


@pytest.mark.parametrize(("claim_id", "label", "text"), _cases())
def test_claim_example(claim_id: str, label: str, text: str) -> None:
    rec = bundled()
    judged = judge_statement(bundled_index(), text)
    claim = rec.claim(claim_id)
    assert claim is not None
    if claim.status == "source_error":  # a source error supports and contradicts nothing
        assert judged.verdict.value == "unknown", judged.reason
        assert claim.note and judged.reason and claim.note in judged.reason
        return
    assert judged.verdict.value == label, judged.reason
    assert judged.citation is not None
    claim = rec.claim(claim_id)
    assert claim is not None and claim.passage is not None
    if label == "supported":  # support rests on the claim's own passage (siblings share it)
        assert judged.citation.line == claim.passage.line or judged.claim_id == claim_id
    if label == "contradicted":  # the reason names what differs
        assert judged.reason and ":" in judged.reason


def test_every_claim_has_examples_of_both_kinds_in_both_languages() -> None:
    for claim in bundled().claims:
        for texts in (claim.supported_examples, claim.contradicted_examples):
            assert texts, claim.id


def test_known_gaps_are_real_examples() -> None:
    texts = {t for c in bundled().claims for t in (*c.supported_examples, *c.contradicted_examples)}
    assert set(KNOWN) <= texts
