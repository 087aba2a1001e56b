"""One name where the evidence has another of the same kind ("Apple" for "Google")."""

from __future__ import annotations

from factcheck.model import ConflictKind
from factcheck.verdict.names import substitution
from factcheck.verdict.rules import KindPolicy, Rule, SetAside

RULE = Rule(
    "names",
    70,
    lambda f, ev, matcher, so_far: substitution(f, ev, matcher),
    {ConflictKind.NAME: KindPolicy(SetAside.CLEAN_SWAP)},
)

EXAMPLES = [
    (
        "Altman stayed at an ashram in Nepal.",
        "Altman stayed at an ashram in India.",
        ConflictKind.NAME,
    ),
    ("Altman stayed at an ashram in India.", "Altman stayed at an ashram in India.", None),
]
