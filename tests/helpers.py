"""Small helpers shared by the tests."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from click.testing import CliRunner

from factcheck.cli.entry import run
from factcheck.index.store import Index, build_index
from factcheck.model import Finding
from factcheck.pipeline import check_text
from factcheck.record import Record, load_record
from factcheck.report.positions import locate
from factcheck.text.markdown import prose_mask


@cache
def bundled() -> Record:
    return load_record()


@cache
def bundled_index() -> Index:
    """The bundled record, prepared for checking (once for the whole test run)."""
    return build_index(bundled())


def verdicts(text: str) -> list[tuple[int, int, str | None, str]]:
    """(line, column, claim_id, verdict) for each statement of ``text``."""
    out = []
    for f in check_text(text, bundled_index()):
        line, col, _, _ = locate(text, f.span)
        out.append((line, col, f.claim_id, f.verdict.value))
    return out


def one(text: str) -> Finding:
    found = check_text(text, bundled_index())
    assert len(found) == 1, [f.statement for f in found]
    return found[0]


def assert_judged(text: str, verdict: str, word: str | None = None) -> Finding:
    """``text`` is one statement judged ``verdict`` against the bundled record, citing a
    passage unless unknown, with ``word`` (any case) in its reason when given."""
    f = one(text)
    assert f.verdict.value == verdict, f.reason
    if verdict == "unknown":
        assert f.citation is None
    else:
        assert f.citation is not None and f.citation.passage
    if word:
        assert f.reason and word.lower() in f.reason.lower(), f.reason
    return f


def assert_mask_keeps_positions(text: str) -> str:
    """The Markdown mask has the text's length, its line breaks, and only original
    characters or spaces; returns it."""
    mask = prose_mask(text)
    assert len(mask) == len(text)
    for original, masked in zip(text, mask, strict=True):
        if original in "\r\n":
            assert masked == original
        else:
            assert masked in (original, " ")
    return mask


@dataclass(frozen=True)
class Ran:
    """What a run of the command line left: its exit status and what it wrote."""

    exit_code: int
    stdout: str
    stderr: str


def run_factcheck(
    *args: str, input: str | bytes | None = None, env: Mapping[str, str | None] | None = None
) -> Ran:
    """The factcheck command line ``args`` run in this process as a user runs it (either
    parser, the check or a record command, every exception turned into an exit status:
    ``cli.entry.run``), inside click's test isolation: ``input`` on standard input, ``env``
    set (None: unset)."""
    with CliRunner().isolation(input=input, env=env) as streams:
        try:
            code = run(list(args))
        except SystemExit as exc:  # shell completion exits by itself
            code = int(exc.code or 0)
        sys.stdout.flush()
        sys.stderr.flush()
    out, err = (s.getvalue().decode("utf-8", "replace").replace("\r\n", "\n") for s in streams[:2])
    return Ran(code, out, err)  # the streams read as click's Result reads them


def command(*args: str) -> list[str]:
    """The factcheck command, run as a subprocess (with the ``cli_env`` fixture)."""
    return [sys.executable, "-m", "factcheck", *args]


def assert_one_line_error(code: int, err: str, *needles: str) -> None:
    """Exit status 2 and one line on standard error, no traceback, naming ``needles``."""
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("factcheck: "), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, (needle, err)
