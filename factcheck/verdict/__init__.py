"""The comparison rules: a statement against one piece of evidence -> agreement or conflict.

Each rule looks at one kind of thing that matters (money, dates, counts, names, roles,
negation, opposite words) and says whether the statement agrees with the evidence, conflicts
with it (with a reason naming both values), or does not speak to it.
"""

from __future__ import annotations

from factcheck.verdict.base import Evidence, Outcome, evidence_of_passage
from factcheck.verdict.names import actor_swap
from factcheck.verdict.rules import compare

__all__ = [
    "Evidence",
    "Outcome",
    "actor_swap",
    "compare",
    "evidence_of_passage",
]
