"""Load and validate the claims database (claims.yaml) and the sources it quotes.

Every problem is reported with file, line and column, all at once. Only plain YAML is
accepted: tags that construct objects are refused and alias expansion is bounded.

The reader and the schema (and yaml with them) are imported when a record is loaded, not
with this package: a run that takes the prepared record from the cache only needs ``Record``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.errors import RecordError
from factcheck.model import Claim, Entity, Passage, Source
from factcheck.record.limits import MAX_NODES, MAX_RECORD_BYTES

_LOCATED = r"^(.*?):(\d+)(?::(\d+))?: "  # compiled (and cached by re) by the first problem

__all__ = [
    "MAX_NODES",
    "MAX_RECORD_BYTES",
    "Record",
    "bundled_record_path",
    "load_record",
    "source_passages",
]


@dataclass(slots=True)
class Record:
    """The loaded record: entities, claims, sources and their passages."""

    root: Path
    path: Path
    entities: dict[str, Entity]
    claims: Sequence[Claim]  # a list, or read lazily from the cache (factcheck.index.store)
    sources: dict[str, Source]
    passages: list[Passage] = field(default_factory=list)
    # sentences deliberately left without a claim: (source id, line, reason)
    unchecked: list[tuple[str, int, str]] = field(default_factory=list)

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)


def bundled_record_path() -> Path:
    """The claims database shipped with the package (wheel) or beside it (source checkout)."""
    here = Path(__file__).resolve().parent.parent  # the factcheck package
    for candidate in (here / "data" / "claims.yaml", here.parent / "claims.yaml"):
        if candidate.is_file():
            return candidate
    return here / "data" / "claims.yaml"


def _source_text(folder: Path, fname: str) -> str:
    """The text of a source file under ``folder`` (never outside it); RecordError if not."""
    from factcheck.record.yamlsafe import _read_text

    path = folder / fname
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        raise RecordError([f"source file {fname!r} is outside {folder}"])
    if not path.is_file():
        raise RecordError([f"source file sources/{fname} not found"])
    return _read_text(path, "source file")


def _load_source(meta_path: Path, problems: list[str]) -> Source | None:
    from factcheck.record.yamlsafe import _load_yaml

    try:
        meta, loc = _load_yaml(meta_path, problems, "source metadata")
    except RecordError as exc:
        problems.extend(exc.problems)
        return None
    if not isinstance(meta, dict):
        problems.append(f"{meta_path}:1:1: source metadata must be a mapping")
        return None
    sid, fname = meta.get("id"), meta.get("file")
    if not isinstance(sid, str) or not isinstance(fname, str):
        problems.append(f"{loc.where(meta)}: source metadata needs 'id' and 'file' strings")
        return None
    try:
        text = _source_text(meta_path.parent, fname)
    except RecordError as exc:
        problems.extend(f"{loc.where(meta, 'file')}: {p}" for p in exc.problems)
        return None
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return Source(sid, f"sources/{fname}", text, dict(meta), tuple(starts))


def _load_sources(root: Path, problems: list[str]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    folder = root / "sources"
    if not folder.is_dir():
        return sources
    for meta_path in sorted(folder.glob("*.yaml")):
        src = _load_source(meta_path, problems)
        if src is None:
            continue
        if src.id in sources:
            problems.append(f"{meta_path}:1:1: duplicate source id {src.id!r}")
        sources[src.id] = src
    return sources


def source_passages(source: Source) -> list[Passage]:
    """Split a source into sentence passages, each with its 1-based line."""
    from factcheck.text.segment import split_statements

    return [
        Passage(source.id, source.line_of(st.span.start), st.text, st.span.start)
        for st in split_statements(source.text)
    ]


def _position(problem: str) -> tuple[str, int, int]:
    """(file, line, column) of a located problem, to list problems in reading order."""
    m = re.match(_LOCATED, problem)
    return (m[1], int(m[2]), int(m[3] or 0)) if m else (problem, 0, 0)


def load_record(path: str | Path | None = None, extra: list[str | Path] | None = None) -> Record:
    """Load ``path`` (the bundled record when None); raise RecordError listing every problem
    (of this record and of the ``extra`` ones), each as ``file:line:col: message``.

    The claims file is first read without the place of every value (a large record in a
    fraction of the memory); a record with a problem is read again with them, to locate it."""
    try:
        return _load(path, extra, located=False)
    except RecordError:
        return _load(path, extra, located=True)


def _load(path: str | Path | None, extra: list[str | Path] | None, located: bool) -> Record:
    from factcheck.record.schema import TOP_KEYS, _claims, _entities
    from factcheck.record.yamlsafe import _load_yaml

    record_path = Path(path) if path is not None else bundled_record_path()
    if record_path.is_dir():
        record_path = record_path / "claims.yaml"
    if not record_path.is_file():
        raise RecordError([f"{record_path}: claims database not found"])
    problems: list[str] = []
    data, loc = _load_yaml(record_path, problems, "claims database", located)
    if not isinstance(data, dict):
        raise RecordError([f"{record_path}:1:1: claims database must be a mapping with 'claims'"])
    for key in sorted(data.keys() - TOP_KEYS):
        problems.append(f"{loc.where(data, key)}: unknown top-level key {key!r}")
    if "claims" not in data:
        problems.append(f"{record_path}:1:1: claims database has no 'claims' list")
    sources = _load_sources(record_path.parent, problems)
    entities = _entities(data.get("entities") or [], loc.where(data, "entities"), loc, problems)
    claims = _claims(data.get("claims") or [], loc.where(data, "claims"), loc, entities,
                     sources, problems)  # fmt: skip
    unchecked = _unchecked(data.get("unchecked"), loc, sources, problems)
    for extra_path in extra or []:
        try:
            other = load_record(extra_path)
        except RecordError as exc:
            problems.extend(exc.problems)
            continue
        entities.update(other.entities)
        sources.update(other.sources)
        claims.extend(other.claims)
        unchecked.extend(other.unchecked)
    for e in entities.values():
        for sid in sorted({sid for sid, _ in e.scoped} - sources.keys()):
            problems.append(f"{loc.where(data, 'entities')}: entity {e.id}: scoped aliases "
                            f"name an unknown source {sid!r}")  # fmt: skip
    if problems:
        raise RecordError(sorted(problems, key=_position))
    passages = _mark_errors([p for s in sources.values() for p in source_passages(s)], claims)
    return Record(record_path.parent, record_path, entities, claims, sources, passages, unchecked)


def _unchecked(data: object, loc: Any, sources: dict[str, Source],
               problems: list[str]) -> list[tuple[str, int, str]]:  # fmt: skip
    """``unchecked: [{source, line, reason}]``: lines with nothing to check, and why."""
    from factcheck.record.schema import UNCHECKED_KEYS

    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(
            f"{loc.where(data)}: 'unchecked' must be a list of {{source, line, reason}}"
        )
        return []
    out = []
    for i, item in enumerate(data):
        at = loc.where(data, i)
        if not isinstance(item, dict) or item.keys() != UNCHECKED_KEYS:
            problems.append(f"{at}: each unchecked line is {{source, line, reason}}")
            continue
        sid, line, reason = item["source"], item["line"], item["reason"]
        if sid not in sources:
            problems.append(f"{at}: unchecked line of an unknown source {sid!r}")
        elif not isinstance(line, int) or not 1 <= line <= len(sources[sid].line_starts):
            problems.append(f"{at}: unchecked line {line!r} is not a line of {sid}")
        elif not isinstance(reason, str) or not reason.strip():
            problems.append(f"{at}: an unchecked line needs its reason")
        else:
            out.append((str(sid), line, reason.strip()))
    return out


def _mark_errors(passages: list[Passage], claims: Sequence[Claim]) -> list[Passage]:
    """Each passage holding the quote of a source-error claim carries that claim's note: a
    statement copying it is reported unknown, with the note as the reason."""
    errors = [c for c in claims if c.status == "source_error" and c.passage is not None]
    if not errors:
        return passages
    out = []
    for p in passages:
        end = p.start + len(p.text)
        note = next((c.note for c in errors if c.passage is not None
                     and c.passage.source == p.source and c.passage.start < end
                     and p.start < c.passage.start + len(c.passage.text)), None)  # fmt: skip
        out.append(replace(p, error=note) if note else p)
    return out
