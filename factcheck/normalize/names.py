"""Names: find people, organisations, products, places and roles through their aliases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.model import Claim, Entity


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    start: int
    end: int
    text: str


# The aliases of one length under one first letter: the exact keys (short all-caps ASCII,
# "AI", and ambiguous ASCII aliases, "Stripe") and the casefolded ones, each mapped to (rank
# of registration, entity id, ASCII key?, how it may be read: "" always, "?" in context only,
# a source id in that source's context only).
_Hit = tuple[int, str, bool, str]
_Keys = dict[str, _Hit]
_Group = tuple[int, _Keys, _Keys]
_NO_KEYS: _Keys = {}  # never written to
AMBIGUOUS = "?"
# After an ambiguous name, a title or honorific makes it a name: "マスク氏", "テスラ社"
_TITLES = ("氏", "さん", "社", "CEO", "会長", "社長", "最高経営責任者", "共同設立者", "共同創業者")
# ... and these words make it the common word: "マスク着用" (wearing a mask), "エックス線"
_THING = ("着用", "を着", "をつけ", "を付け", "をし", "越し", "姿", "枚", "線", "工場", "の着用")


class EntityMatcher:
    """Longest-first, non-overlapping alias matching; ASCII aliases match whole words, and
    an alias beginning (ending) with katakana never starts (ends) inside a longer katakana
    word: "メタ" is not in "メタバース", nor "インド" in "ウインドウ".

    Two kinds of alias are read only in context. An ambiguous one (a common word: "マスク",
    a mask; "テスラ", the unit) is a name when a title follows it ("マスク氏") or the same
    text names, unambiguously, that entity or one the record mentions together with it
    (``related``); never after a digit ("1テスラ"); an ASCII one only in its own case
    ("Stripe", not "stripe"). A scoped one (a garbled "ウルトラマン" of one source) is read
    only when ``find`` is given that source as its ``scope``.

    A table from first letter to the alias lengths it starts, longest first, each with a dict
    of the aliases of that length: a position costs one lookup per length, not one comparison
    per alias (no regular expression either: the record may hold thousands of aliases, and
    compiling them would cost every run). Between aliases of one length the one registered
    first wins.
    """

    def __init__(self, entities: Iterable[Entity],
                 related: dict[str, frozenset[str]] | None = None) -> None:  # fmt: skip
        self.kind: dict[str, str] = {}
        self.names: dict[str, tuple[str, str]] = {}
        self.related = related or {}
        self.forms: dict[str, tuple[str, ...]] = {}  # every alias of an entity, for nested()
        by_first: dict[str, dict[int, tuple[_Keys, _Keys]]] = {}
        rank = 0
        for ent in entities:
            self.kind[ent.id] = ent.kind
            self.names[ent.id] = (ent.name_en, ent.name_ja)
            forms = [(a, "") for a in ent.aliases] + [(a, AMBIGUOUS) for a in ent.ambiguous]
            forms += [(a, sid) for sid, a in ent.scoped]
            self.forms[ent.id] = tuple(a for a, _ in forms)
            for alias, how in forms:
                if not alias.strip():
                    continue
                exact = alias.isascii() and (
                    (len(alias) <= 3 and alias.upper() == alias) or how == AMBIGUOUS
                )
                key = alias if exact else alias.casefold()
                by_len = by_first.setdefault(key[0].casefold(), {})
                exact_keys, folded_keys = by_len.setdefault(len(key), ({}, {}))
                keys = exact_keys if exact else folded_keys
                keys.setdefault(key, (rank, ent.id, key.isascii(), how))
                rank += 1
        self._table = {first: _longest_first(by_len, True) for first, by_len in by_first.items()}
        # After an ASCII letter or digit no ASCII alias can start (whole words only): the
        # middle of an English word looks up only the other aliases, most often none.
        inner = {first: _longest_first(by_len, False) for first, by_len in by_first.items()}
        self._inner = {first: groups for first, groups in inner.items() if groups}

    def find(self, text: str, scope: str | None = None, context: bool = True) -> list[Mention]:
        """The names in ``text``; the aliases scoped to the source ``scope`` too; ambiguous
        aliases only in context, unless ``context`` is False (a name looked up on its own)."""
        out: list[Mention] = []
        doubtful: list[int] = []  # positions in ``out`` of ambiguous aliases
        # Casefolding is done once for the whole text when no character folds to several
        # ("ß" -> "ss"): then each slice of it is the casefold of the same slice of the text.
        whole = text.casefold()
        folded = whole if len(whole) == len(text) else None
        table, inner = self._table, self._inner
        i, n = 0, len(text)
        while i < n:
            first = folded[i] if folded is not None else text[i].casefold()
            groups = (inner if _word_char(text, i - 1) else table).get(first)
            hit = _match_at(text, folded, i, groups, scope) if groups else None
            if hit is None:
                i += 1
                continue
            mention, how = hit
            if how == AMBIGUOUS and context:
                doubtful.append(len(out))
            out.append(mention)
            i = mention.end
        if doubtful:
            out = self._in_context(text, out, set(doubtful))
        return out

    def nested(self, a: str, b: str) -> bool:
        """Does a name of one entity hold a name of the other as a whole word ("OpenAI LP"
        and "OpenAI", "Google DeepMind" and "DeepMind")? Then the one is a part, a successor
        or a product of the other, not another of its kind put in its place."""
        for x, y in ((a, b), (b, a)):
            for outer in self.forms.get(x, ()):
                for inner in self.forms.get(y, ()):
                    k = outer.find(inner)
                    if len(inner) < 3 or len(outer) <= len(inner) or k < 0:
                        continue
                    j = k + len(inner)
                    if not (_word_char(outer, k - 1) or _word_char(outer, j)
                            or _kana_at(outer, k - 1) or _kana_at(outer, j)):  # fmt: skip
                        return True
        return False

    def _in_context(self, text: str, found: list[Mention], doubtful: set[int]) -> list[Mention]:
        """The mentions without the ambiguous ones nothing in the text confirms."""
        sure = {m.entity for k, m in enumerate(found) if k not in doubtful}
        named = {e for e in sure if self.kind.get(e) in ("person", "org", "product")}
        # two ambiguous names the record mentions together confirm each other ("マスクはテスラ")
        maybe = {found[k].entity for k in doubtful}
        out = []
        for k, m in enumerate(found):
            if k in doubtful:
                after = text[m.end : m.end + 8].lstrip(" ")
                if m.start > 0 and text[m.start - 1].isdigit():
                    continue  # "1テスラ", "3 Tesla": a unit
                if after.startswith(_THING):
                    continue
                if m.text.isascii() and m.text[:1].isupper() and not _sentence_start(text, m.start):
                    ok = not text.startswith("-", m.end)  # "Apple" mid-sentence, not "X-ray"
                elif self.kind.get(m.entity) == "role":
                    ok = bool(named)  # "OpenAI's board", not "a board game"
                else:
                    ok = (after.startswith(_TITLES) or m.entity in sure
                          or bool(self.related.get(m.entity, frozenset()) & (named | maybe)))  # fmt: skip
                if not ok:
                    continue
            out.append(m)
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


def _match_at(text: str, folded: str | None, i: int, groups: list[_Group],
              scope: str | None) -> tuple[Mention, str] | None:  # fmt: skip
    """The longest alias at ``i`` (and how it may be read): the same answer as trying every
    alias longest first."""
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
        for _, eid, ascii_key, how in hits:
            if ascii_key and (_word_char(text, i - 1) or _word_char(text, j)):
                continue  # "X" inside "xAI", "Musk" inside "Musketeer"
            if (_kana(piece[0]) and _kana_at(text, i - 1)) or (
                _kana(piece[-1]) and _kana_at(text, j)
            ):
                continue  # "メタ" inside "メタバース"
            if how not in ("", AMBIGUOUS) and how != scope:
                continue  # another source's garbled form
            return Mention(eid, i, j, piece), how
    return None


def _sentence_start(text: str, i: int) -> bool:
    """Is position ``i`` the first word of a sentence (where any word is capitalised)?"""
    before = text[:i].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?。！？:;"


def _kana(ch: str) -> bool:
    """A katakana letter or the long-vowel mark (not the middle dot, which separates)."""
    return "\u30a1" <= ch <= "\u30fa" or ch == "\u30fc"


def _kana_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and _kana(text[i])


def related_entities(claims: Iterable[Claim]) -> dict[str, frozenset[str]]:
    """For each entity, the others some claim mentions together with it (an ambiguous alias
    next to one of them is read as the name)."""
    together: dict[str, set[str]] = {}
    for c in claims:
        ids = {e for e in (c.subject, c.obj, *c.entities) if e}
        for e in ids:
            together.setdefault(e, set()).update(ids - {e})
    return {e: frozenset(others) for e, others in together.items()}


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()
