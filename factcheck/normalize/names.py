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


# The aliases of one length under one first letter: the exact keys (short all-caps ASCII,
# "AI") and the casefolded ones, each mapped to (rank of registration, entity id, ASCII key?).
_Keys = dict[str, tuple[int, str, bool]]
_Group = tuple[int, _Keys, _Keys]
_NO_KEYS: _Keys = {}  # never written to


class EntityMatcher:
    """Longest-first, non-overlapping alias matching; ASCII aliases match whole words.

    A table from first letter to the alias lengths it starts, longest first, each with a dict
    of the aliases of that length: a position costs one lookup per length, not one comparison
    per alias (no regular expression either: the record may hold thousands of aliases, and
    compiling them would cost every run). Between aliases of one length the one registered
    first wins.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.kind: dict[str, str] = {}
        self.names: dict[str, tuple[str, str]] = {}
        by_first: dict[str, dict[int, tuple[_Keys, _Keys]]] = {}
        rank = 0
        for ent in entities:
            self.kind[ent.id] = ent.kind
            self.names[ent.id] = (ent.name_en, ent.name_ja)
            for alias in ent.aliases:
                if not alias.strip():
                    continue
                exact = alias.isascii() and len(alias) <= 3 and alias.upper() == alias
                key = alias if exact else alias.casefold()
                by_len = by_first.setdefault(key[0].casefold(), {})
                exact_keys, folded_keys = by_len.setdefault(len(key), ({}, {}))
                keys = exact_keys if exact else folded_keys
                keys.setdefault(key, (rank, ent.id, key.isascii()))
                rank += 1
        self._table = {first: _longest_first(by_len, True) for first, by_len in by_first.items()}
        # After an ASCII letter or digit no ASCII alias can start (whole words only): the
        # middle of an English word looks up only the other aliases, most often none.
        inner = {first: _longest_first(by_len, False) for first, by_len in by_first.items()}
        self._inner = {first: groups for first, groups in inner.items() if groups}

    def find(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        # Casefolding is done once for the whole text when no character folds to several
        # ("ß" -> "ss"): then each slice of it is the casefold of the same slice of the text.
        whole = text.casefold()
        folded = whole if len(whole) == len(text) else None
        table, inner = self._table, self._inner
        i, n = 0, len(text)
        while i < n:
            first = folded[i] if folded is not None else text[i].casefold()
            groups = (inner if _word_char(text, i - 1) else table).get(first)
            hit = _match_at(text, folded, i, groups) if groups else None
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit.end
        return out

    def display(self, eid: str, lang: str = "en") -> str:
        en, ja = self.names.get(eid, (eid, eid))
        return ja if lang == "ja" else en


def _longest_first(by_len: dict[int, tuple[_Keys, _Keys]], with_ascii: bool) -> list[_Group]:
    """The groups of one first letter, longest first; without the ASCII aliases unless
    ``with_ascii`` (a group left unchanged is shared: the cached index stays small)."""
    groups = []
    for length in sorted(by_len, reverse=True):
        exact_keys, folded_keys = by_len[length]
        if not with_ascii:  # exact keys are all ASCII
            exact_keys = _NO_KEYS
            non_ascii = {k: v for k, v in folded_keys.items() if not v[2]}
            if len(non_ascii) < len(folded_keys):
                folded_keys = non_ascii
        if exact_keys or folded_keys:
            groups.append((length, exact_keys, folded_keys))
    return groups


def _match_at(text: str, folded: str | None, i: int, groups: list[_Group]) -> Mention | None:
    """The longest alias at ``i``: the same answer as trying every alias longest first."""
    n = len(text)
    for length, exact_keys, folded_keys in groups:
        j = i + length
        if j > n and folded is not None:
            continue  # a piece cut short by the end cannot match (it can when it holds "ß")
        piece = text[i:j]
        by_exact = exact_keys.get(piece) if exact_keys else None
        by_fold = None
        if folded_keys:
            by_fold = folded_keys.get(folded[i:j] if folded is not None else piece.casefold())
        if by_exact is None and by_fold is None:
            continue
        # "AI" may match both an exact key and a casefolded one: the earlier registered first
        hits = sorted(h for h in (by_exact, by_fold) if h is not None)
        for _, eid, ascii_key in hits:
            if ascii_key and (_word_char(text, i - 1) or _word_char(text, j)):
                continue  # "X" inside "xAI", "Musk" inside "Musketeer"
            return Mention(eid, i, j, piece)
    return None


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()
