"""Which findings a run keeps, shows and fails on: the one stage between checking and output,
as flake8's style guide is.

- kept: a Markdown document's ``<!-- factcheck: ignore CLAIM.ID -->`` switches drop the
  findings citing those claims on their lines (:func:`drop_ignored`, for every way of
  checking: the command line, the Python API, a cluster), and ``--diff-base`` keeps the
  findings on changed lines (:func:`only_changed`);
- shown: ``--only-problems`` leaves supported statements out of the text report (counted,
  not shown: :func:`shown`);
- failing: ``--fail-on`` names the verdicts that make the exit status 1 (:data:`FAIL_ON`,
  the registry its choices come from; :func:`exit_status`, the one place it is decided).

Checking itself never filters; the formats only write what they are handed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.model import Verdict

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from factcheck.model import Finding

# --fail-on: the verdicts that fail the run, by the setting's name (its choices, in order)
FAIL_ON: dict[str, frozenset[Verdict]] = {
    "contradicted": frozenset({Verdict.CONTRADICTED}),
    "unknown": frozenset({Verdict.CONTRADICTED, Verdict.UNKNOWN}),
    "never": frozenset(),
}


def exit_status(counts: dict[str, int], fail_on: str) -> int:
    """The one place that decides the exit status: 1 when a statement reached the failing
    verdict (``counts`` per verdict, as in the JSON summary)."""
    return 1 if any(counts.get(v.value, 0) for v in FAIL_ON[fail_on]) else 0


def shown(f: Finding, only_problems: bool) -> bool:
    """Is the finding written in the text report (``--only-problems`` leaves out the
    supported ones, which its summary still counts)?"""
    return not (only_problems and f.verdict is Verdict.SUPPORTED)


def drop_ignored(findings: Iterable[Finding], text: str, ignored: dict[int, set[str]]) -> Iterator[Finding]:  # fmt: skip
    """Drop findings citing a claim that an ignore comment names on one of their lines
    (``ignored``: claim ids by 0-based line, filled as the document is read)."""
    for f in findings:
        if ignored and f.claim_id:
            line = text.count("\n", 0, f.span.start) + 1
            end_line = line + text.count("\n", f.span.start, max(f.span.start, f.span.end - 1))
            if any(f.claim_id in ignored.get(n, ()) for n in range(line - 1, end_line)):
                continue
        yield f


def only_changed(findings: Iterable[Finding], changed: dict[str, set[int] | None],
                 lines: Callable[[Finding], tuple[int, int]]) -> Iterator[Finding]:  # fmt: skip
    """``--diff-base``: the findings whose statement touches a changed line (``changed``:
    1-based line numbers by input; every finding of a file new since the base, None, and of
    inputs that are not files). ``lines`` gives a finding's first and last line: lines and
    columns are the edge's to work out."""
    for f in findings:
        touched = changed.get(f.input)
        if touched is not None:
            first, last = lines(f)
            if touched.isdisjoint(range(first, last + 1)):
                continue
        yield f
