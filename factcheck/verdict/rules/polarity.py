"""Negation and opposite words, read the same way on both sides."""

from __future__ import annotations

from factcheck.model import ConflictKind
from factcheck.verdict.meaning import polarity
from factcheck.verdict.rules import KindPolicy, Rule, SetAside

NEGATION = ConflictKind.NEGATION
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
    # a claim's negation negates what follows it, not the rest of the claim
    (
        "The city poured money into the stadium.",
        "Despite pouring money into the stadium, the city failed to finish the roof.",
        None,
    ),
    (
        "The city finished the roof.",
        "Despite pouring money into the stadium, the city failed to finish the roof.",
        NEGATION,
    ),
    (
        "The club declared the season over.",
        "The club said it would not renew the lease, and declared the season over.",
        None,
    ),
]
