"""Names: find people, organisations, products, places and roles through their aliases."""

from __future__ import annotations

import re
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
    """Longest-first, non-overlapping alias matching; ASCII aliases match whole words."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.kind: dict[str, str] = {}
        self.names: dict[str, tuple[str, str]] = {}
        by_alias: dict[str, str] = {}
        case_sensitive: dict[str, str] = {}
        for ent in entities:
            self.kind[ent.id] = ent.kind
            self.names[ent.id] = (ent.name_en, ent.name_ja)
            for alias in ent.aliases:
                if not alias.strip():
                    continue
                if alias.isascii() and len(alias) <= 3 and alias.upper() == alias:
                    case_sensitive[alias] = ent.id
                else:
                    by_alias[alias.casefold()] = ent.id
        self._lookup = by_alias
        self._exact = case_sensitive
        alts = sorted(set(by_alias) | set(case_sensitive), key=len, reverse=True)
        parts = []
        for alias in alts:
            body = re.escape(alias)
            if alias.isascii():
                body = r"(?<![A-Za-z0-9])" + body + r"(?![A-Za-z0-9])"
            parts.append(body)
        self._rx = re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)

    def find(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        for m in self._rx.finditer(text):
            raw = m.group(0)
            eid = self._exact.get(raw) or self._lookup.get(raw.casefold())
            if eid is None:
                continue  # a short all-caps alias matched in another case ("x" for "X")
            out.append(Mention(eid, m.start(), m.end(), raw))
        return out

    def display(self, eid: str, lang: str = "en") -> str:
        en, ja = self.names.get(eid, (eid, eid))
        return ja if lang == "ja" else en
