"""A comparison ("more money than Google") the evidence does not make is not confirmed:
this rule finds no conflict, it leaves the comparison unmatched."""

from __future__ import annotations

from factcheck.verdict.meaning import comparison
from factcheck.verdict.rules import Rule

RULE = Rule("comparison", 90, lambda f, ev, matcher, so_far: comparison(f, ev))

EXAMPLES: list[tuple[str, str, None]] = []
