"""Errors that end a run with exit status 2 and a one-line message."""

from __future__ import annotations


class FactcheckError(Exception):
    """A problem the user can fix: bad input, bad usage, a broken record."""


class InputError(FactcheckError):
    """Input that cannot be read or decoded."""


class RecordError(FactcheckError):
    """A claims database that cannot be used; ``problems`` lists every located problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        first = problems[0] if problems else "invalid claims database"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(first + more)
