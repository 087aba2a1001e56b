"""Small helpers shared by the tests."""

from __future__ import annotations

from functools import cache

from factcheck.model import Finding
from factcheck.pipeline import check_text
from factcheck.record import Record, load_record
from factcheck.report.positions import locate
from factcheck.text.markdown import prose_mask


@cache
def bundled() -> Record:
    return load_record()


def verdicts(text: str) -> list[tuple[int, int, str | None, str]]:
    """(line, column, claim_id, verdict) for each statement of ``text``."""
    out = []
    for f in check_text(text, bundled()):
        line, col, _, _ = locate(text, f.span)
        out.append((line, col, f.claim_id, f.verdict.value))
    return out


def one(text: str) -> Finding:
    found = check_text(text, bundled())
    assert len(found) == 1, [f.statement for f in found]
    return found[0]


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
