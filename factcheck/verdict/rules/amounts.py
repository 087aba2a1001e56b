"""Amounts of money, each compared only where its own date is the evidence's date."""

from __future__ import annotations

from factcheck.model import ConflictKind
from factcheck.verdict.rules import KindPolicy, Rule, SetAside
from factcheck.verdict.values import money

RULE = Rule(
    "amounts",
    10,
    lambda f, ev, matcher, so_far: money(f, ev),
    {ConflictKind.AMOUNT: KindPolicy(SetAside.VALUES)},
)

# (statement, the claim's English phrasing, the conflict expected or None)
EXAMPLES = [
    ("Musk gave OpenAI $50 million.", "Musk donated $44M to OpenAI.", ConflictKind.AMOUNT),
    ("マスク氏はOpenAIに4400万ドルを寄付した。", "Musk donated $44M to OpenAI.", None),
    ("In 2016 Musk gave $20M.", "In 2016 Musk gave $15M.", ConflictKind.AMOUNT),
    ("Musk gave about $44 million.", "Musk donated $44M to OpenAI.", None),
]
