"""factcheck: check English and Japanese text against a curated record of sourced claims.

The public API is :func:`check` and :class:`Checker` (a picklable check against one record,
for other processes and machines); the command line (the package ``factcheck.cli``) is a
thin layer over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.version import __version__

if TYPE_CHECKING:
    from factcheck.checker import Checker
    from factcheck.index.store import Index
    from factcheck.model import Finding
    from factcheck.record import Record

__all__ = ["Checker", "__version__", "check", "load_record"]


def __getattr__(name: str) -> type[Checker]:
    """``factcheck.Checker``, imported when first asked for (start-up stays lean)."""
    if name == "Checker":
        from factcheck.checker import Checker

        return Checker
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")


def load_record(path: str | None = None) -> Record:
    """Load and validate a claims database (the bundled one when ``path`` is None)."""
    from factcheck.record import load_record as _load

    return _load(path)


def check(text: str, record: Record | Index | None = None, input_name: str = "<text>", *,
          markdown: bool | None = None) -> list[Finding]:  # fmt: skip
    """Check ``text`` against ``record`` (the bundled record by default); findings in input
    order. ``markdown`` True checks only the prose of a Markdown document and honours its
    ``<!-- factcheck: ... -->`` switches, as the command line does for ``.md`` files; None
    (the default) decides by ``input_name`` (``draft.md`` is Markdown).

    A loaded ``Record`` is prepared for checking on every call; to check many texts against
    one record, prepare it once (``Checker.open(path).index``, or
    ``factcheck.index.store.open_index``) and pass that."""
    from factcheck.index.store import Index, build_index, open_index
    from factcheck.inputs import Document, is_markdown
    from factcheck.pipeline import document_findings

    doc = Document(input_name, text, is_markdown(input_name) if markdown is None else markdown)
    # the bundled record comes prepared from the cache (see factcheck.cache)
    if record is None:
        index = open_index()
    else:
        index = record if isinstance(record, Index) else build_index(record)
    return list(document_findings(doc.name, doc.text, doc.markdown, index))
