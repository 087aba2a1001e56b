"""Small in-memory records for unit tests: a few entities and claims, written to a
temporary folder as a record and loaded the way a user's record is."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml

from factcheck.record import Record, load_record

ENTITIES: list[dict[str, Any]] = [
    {"id": "musk", "kind": "person", "name": {"en": "Elon Musk", "ja": "イーロン・マスク"},
     "aliases": ["Musk", "マスク氏", "マスク"]},
    {"id": "altman", "kind": "person", "name": {"en": "Sam Altman", "ja": "サム・アルトマン"},
     "aliases": ["Altman", "アルトマン氏", "アルトマン"]},
    {"id": "openai", "kind": "org", "name": {"en": "OpenAI", "ja": "OpenAI"}, "aliases": ["Open AI"]},
    {"id": "google", "kind": "org", "name": {"en": "Google", "ja": "グーグル"}, "aliases": ["グーグル"]},
    {"id": "apple", "kind": "org", "name": {"en": "Apple", "ja": "アップル"}, "aliases": ["アップル"]},
    {"id": "india", "kind": "place", "name": {"en": "India", "ja": "インド"}, "aliases": ["インド"]},
    {"id": "nepal", "kind": "place", "name": {"en": "Nepal", "ja": "ネパール"}, "aliases": ["ネパール"]},
]  # fmt: skip


def claim(cid: str, en: str, ja: str = "", **rest: Any) -> dict[str, Any]:
    """A claim whose source passage is its English phrasing (the record's one source)."""
    return {"id": cid, "source": "note", "quote": en, "text": {"en": en, "ja": ja or en},
            "negated": False, **rest}  # fmt: skip


def tiny_record(*claims: dict[str, Any], entities: list[dict[str, Any]] | None = None) -> Record:
    """A record of these claims, their passages the lines of one source dated 2024-03-06."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-record-"))
    (folder / "sources").mkdir()
    lines = list(dict.fromkeys(c["quote"] for c in claims))
    (folder / "sources" / "note.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = {
        "id": "note",
        "file": "note.txt",
        "title": "A note",
        "date": "2024-03-06",
        "language": "en",
    }
    (folder / "sources" / "note.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    data = {"version": 1, "entities": entities or ENTITIES, "claims": list(claims)}
    (folder / "claims.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_record(folder / "claims.yaml")
