"""Names: find people, organisations, products, places and roles through their aliases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.model import Entity


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    start: int
    end: int
    text: str


class EntityMatcher:
    """Longest-first, non-overlapping alias matching; ASCII aliases match whole words.

    A table from first letter to aliases (no regular expression: the record may hold
    thousands of aliases, and compiling them would cost every run).
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.kind: dict[str, str] = {}
        self.names: dict[str, tuple[str, str]] = {}
        table: dict[str, list[tuple[str, str, bool]]] = {}
        for ent in entities:
            self.kind[ent.id] = ent.kind
            self.names[ent.id] = (ent.name_en, ent.name_ja)
            for alias in ent.aliases:
                if not alias.strip():
                    continue
                exact = alias.isascii() and len(alias) <= 3 and alias.upper() == alias
                key = alias if exact else alias.casefold()
                table.setdefault(key[0].casefold(), []).append((key, ent.id, exact))
        for options in table.values():
            options.sort(key=lambda o: -len(o[0]))
        self._table = table

    def find(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        table = self._table
        i, n = 0, len(text)
        while i < n:
            options = table.get(text[i].casefold())
            hit = self._match_at(text, i, options) if options else None
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit.end
        return out

    @staticmethod
    def _match_at(text: str, i: int, options: list[tuple[str, str, bool]]) -> Mention | None:
        for key, eid, exact in options:
            j = i + len(key)
            piece = text[i:j]
            if (piece if exact else piece.casefold()) != key:
                continue
            if key.isascii() and (_word_char(text, i - 1) or _word_char(text, j)):
                continue  # "X" inside "xAI", "Musk" inside "Musketeer"
            return Mention(eid, i, j, piece)
        return None

    def display(self, eid: str, lang: str = "en") -> str:
        en, ja = self.names.get(eid, (eid, eid))
        return ja if lang == "ja" else en


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()
