"""Small helpers shared by the tests."""

from __future__ import annotations

import sys
from functools import cache

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
