"""Negation and opposite words, read the same way on both sides."""

from __future__ import annotations

from factcheck.model import ConflictKind
from factcheck.verdict.meaning import polarity
from factcheck.verdict.rules import KindPolicy, Rule, SetAside

MIN_NEGATION = 56.0  # a bare negation contradicts only a claim this close (else unknown)

RULE = Rule(
    "polarity",
    80,
    lambda f, ev, matcher, so_far: polarity(f, ev),
    {
        ConflictKind.NEGATION: KindPolicy(SetAside.KNOWN_NAMES, MIN_NEGATION),
        ConflictKind.MEANING: KindPolicy(SetAside.KNOWN_NAMES),
    },
)

EXAMPLES = [
    ("Musk did not donate to OpenAI.", "Musk donated $44M to OpenAI.", ConflictKind.NEGATION),
    ("The bid succeeded.", "The bid failed.", ConflictKind.MEANING),
    ("マスク氏はOpenAIに寄付しなかった。", "Musk donated $44M to OpenAI.", ConflictKind.NEGATION),
    ("The bid did not succeed.", "The bid failed.", None),
]
