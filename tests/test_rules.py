"""Each comparison rule on its own, on small in-memory records: its own examples, and the
verdict that weighs what the rules found."""

from __future__ import annotations

import pytest

from factcheck.decide import judge
from factcheck.evidence import evidence_of_claim
from factcheck.index.store import build_index
from factcheck.model import ConflictKind, Verdict
from factcheck.verdict import compare
from factcheck.verdict.base import Outcome
from factcheck.verdict.rules import RULES, SetAside, kinds_set_aside_as, policy
from tests.records import claim, tiny_record

EXAMPLES = [
    (rule, statement, phrasing, expected)
    for rule in RULES
    for statement, phrasing, expected in __import__(
        f"factcheck.verdict.rules.{rule.name}", fromlist=["EXAMPLES"]
    ).EXAMPLES
]


@pytest.mark.parametrize(
    ("rule", "statement", "phrasing", "expected"),
    EXAMPLES,
    ids=[f"{r.name}:{s[:30]}" for r, s, _, _ in EXAMPLES],
)
def test_rule_example(rule, statement: str, phrasing: str, expected: ConflictKind | None) -> None:  # type: ignore[no-untyped-def]
    index = build_index(tiny_record(claim("c.one", phrasing)))
    ev = evidence_of_claim(index.profiles[0])
    out = rule.check(index.features(statement), ev, index.matcher, Outcome())
    assert out.conflict == expected, out.reason
    if expected is not None:
        assert expected in rule.kinds and out.reason


def test_every_rule_module_has_examples_or_says_where_it_is_tested() -> None:
    assert [r.order for r in RULES] == sorted(r.order for r in RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    covered = {r.name for r, *_ in EXAMPLES}
    assert covered >= {"amounts", "dates", "counts", "percentages", "names", "polarity"}


def test_policies_come_from_the_rules() -> None:
    assert policy(ConflictKind.NEGATION).min_score > policy(ConflictKind.MEANING).min_score
    assert kinds_set_aside_as(SetAside.VALUES) == {
        ConflictKind.AMOUNT, ConflictKind.DATE, ConflictKind.COUNT, ConflictKind.PERCENTAGE
    }  # fmt: skip
    assert policy(ConflictKind.NUMBER).set_aside is SetAside.NEVER  # found outside the rules


def test_ages_rule_reads_who_is_older() -> None:
    index = build_index(tiny_record(claim(
        "c.age", "Musk is 14 years older than Altman.", "マスク氏はアルトマン氏より14歳年上だ。",
        subject="musk", entities=["musk", "altman"], values={"ages": [{"value": 14, "older": "musk"}]},
    )))  # fmt: skip
    ev = evidence_of_claim(index.profiles[0])
    for text in ("Altman is older than Musk.", "アルトマン氏はマスク氏より年上だ。"):
        out = compare(index.features(text), ev, index.matcher)
        assert out.conflict is ConflictKind.AGE, (text, out.reason)
    assert compare(index.features("Musk is older than Altman."), ev, index.matcher).found is None


def test_roles_rule_reads_who_did_what_to_whom() -> None:
    index = build_index(tiny_record(claim(
        "c.mentor", "Altman looked up to Musk as a mentor.", "アルトマン氏はマスク氏を師と仰いだ。",
        subject="altman", object="musk", entities=["altman", "musk"],
    )))  # fmt: skip
    ev = evidence_of_claim(index.profiles[0])
    out = compare(index.features("Musk looked up to Altman as a mentor."), ev, index.matcher)
    assert out.conflict is ConflictKind.ROLES, out.reason


def test_the_verdict_weighs_the_rules_on_a_tiny_record() -> None:
    record = tiny_record(
        claim("c.gift", "Musk donated $44M to OpenAI.", "マスク氏はOpenAIに4400万ドルを寄付した。",
              subject="musk", object="openai", entities=["musk", "openai"],
              values={"amounts": [{"value": 44_000_000, "currency": "USD"}]}),
        claim("c.ashram", "Altman stayed at an ashram in India.", "アルトマン氏はインドのアシュラムに滞在した。",
              subject="altman", entities=["altman", "india"]),
    )  # fmt: skip
    index = build_index(record)
    cases = {
        "Musk donated $44 million to OpenAI.": (Verdict.SUPPORTED, None),
        "Musk donated $50 million to OpenAI.": (Verdict.CONTRADICTED, ConflictKind.AMOUNT),
        "Musk did not donate to OpenAI.": (Verdict.CONTRADICTED, ConflictKind.NEGATION),
        "Altman stayed at an ashram in Nepal.": (Verdict.CONTRADICTED, ConflictKind.NAME),
        "Musk donated $44M to OpenAI in Paris.": (Verdict.UNKNOWN, None),
        "Altman bought a ranch in Texas.": (Verdict.UNKNOWN, None),
    }
    for text, (verdict, kind) in cases.items():
        j = judge(index, index.features(text))
        assert (j.verdict, j.conflict.kind if j.conflict else None) == (verdict, kind), (
            text,
            j.reason,
        )


def test_a_near_miss_is_supported_only_when_the_claim_states_all_of_it() -> None:
    from factcheck.decide import _entailed
    from factcheck.index.search import Candidate

    index = build_index(tiny_record(claim(
        "c.feud", "Differences in business philosophy drew Musk and Altman into a bitter feud.",
        "ビジネス哲学の違いから、マスク氏とアルトマン氏は激しい確執に陥った。",
        entities=["musk", "altman"],
    )))  # fmt: skip
    near = Candidate(index.profiles[0], 47.0)  # below the topic score that decides alone
    ev = evidence_of_claim(near.profile)
    for text, whole in (
        ("Business philosophy differences drew Altman and Musk into a bitter feud.", True),
        ("ビジネス哲学の違いから、マスク氏とアルトマン氏は激しい確執に陥った。", True),
        (
            "Business philosophy differences drew Altman and Musk into a bitter feud in Paris.",
            False,
        ),
        ("Business philosophy differences drew Altman and Musk apart.", False),
        ("Business philosophy differences drew Altman and Musk into a bitter feud in 2019.", False),
        ("Business philosophy differences never drew Altman and Musk into a bitter feud.", False),
    ):
        f = index.features(text)
        assert _entailed(index, f, near, compare(f, ev, index.matcher)) is whole, text
