"""Alias matching (``EntityMatcher.find``): the same mentions as the plain algorithm.

The matcher looks aliases up by first letter and length (fast with thousands of aliases);
``reference_find`` below is the algorithm it replaced, kept as the specification: at each
position try every alias starting with that letter, longest first (the one registered first
among equal lengths), casefolded except short all-caps ASCII aliases, ASCII aliases only as
whole words; a match resumes the scan after it. Generated records and texts (aliases in any
case, glued to letters, punctuation, CJK, characters whose casefold is longer than them)
must give exactly the same mentions. A katakana alias never starts or ends inside a longer
katakana word.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.model import Entity
from factcheck.normalize.names import EntityMatcher, Mention

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "0")) or 150
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def reference_find(entities: Iterable[Entity], text: str) -> list[Mention]:
    """The straightforward matcher: every alias of the first letter, longest first."""
    table: dict[str, list[tuple[str, str, bool]]] = {}
    for ent in entities:
        for alias in ent.aliases:
            if not alias.strip():
                continue
            exact = alias.isascii() and len(alias) <= 3 and alias.upper() == alias
            key = alias if exact else alias.casefold()
            table.setdefault(key[0].casefold(), []).append((key, ent.id, exact))
    for options in table.values():
        options.sort(key=lambda o: -len(o[0]))

    def kana(ch: str) -> bool:
        return len(ch) == 1 and ("\u30a1" <= ch <= "\u30fa" or ch == "ー")

    def word_char(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()

    def match_at(i: int, options: list[tuple[str, str, bool]]) -> Mention | None:
        for key, eid, exact in options:
            j = i + len(key)
            piece = text[i:j]
            if (piece if exact else piece.casefold()) != key:
                continue
            if key.isascii() and (word_char(i - 1) or word_char(j)):
                continue
            if (kana(piece[0]) and kana(text[i - 1 : i])) or (
                kana(piece[-1]) and kana(text[j : j + 1])
            ):
                continue  # a katakana alias inside a longer katakana word
            return Mention(eid, i, j, piece)
        return None

    out: list[Mention] = []
    i = 0
    while i < len(text):
        options = table.get(text[i].casefold())
        hit = match_at(i, options) if options else None
        if hit is None:
            i += 1
            continue
        out.append(hit)
        i = hit.end
    return out


def entities_of(alias_lists: list[list[str]]) -> list[Entity]:
    return [
        Entity(f"e{k}", "person", f"E{k}", f"E{k}", tuple(a)) for k, a in enumerate(alias_lists)
    ]


def assert_same(entities: list[Entity], text: str) -> list[Mention]:
    found = EntityMatcher(entities).find(text)
    assert found == reference_find(entities, text), text
    return found


# Pieces of aliases and of text: words that contain one another, short all-caps aliases,
# digits, CJK, and characters whose casefold changes length ("ß" -> "ss", "İ" -> "i̇",
# "ﬁ" -> "fi") or maps non-ASCII onto ASCII (the Kelvin sign "K" -> "k").
PIECES = [
    "Musk", "musk", "MUSK", "Musketeer", "AI", "ai", "X", "x", "xAI", "Open", "OpenAI", "Sam",
    "Altman", "OTO", "3M", "99", "Straße", "STRASSE", "strasse", "ß", "ss", "ẞ", "İ", "i", "ﬁ",
    "fi", "\u212a", "k", "Σ", "σ", "ς", "é", "e\u0301", "マスク", "氏", "人物", "アルトマン", "オープン", "メタ", "メタバース", "ー",
    "Ａ", "a",
]  # fmt: skip
GLUE = [" ", "  ", ".", ",", "-", "'", "’", "(", ")", "、", "。", "は", "に", "\n", "1", "_", ""]
CASES = [str.upper, str.lower, str.title, str.swapcase, str.casefold, str]

aliases = st.one_of(
    st.lists(st.sampled_from([*PIECES, " ", "-", "."]), min_size=1, max_size=3).map("".join),
    st.text(st.sampled_from("aAbBsSß İiKk\u212a.-マス人"), min_size=1, max_size=4),
)
records = st.lists(st.lists(aliases, min_size=1, max_size=5), min_size=1, max_size=25)


@st.composite
def record_and_text(draw: st.DrawFn) -> tuple[list[Entity], str]:
    alias_lists = draw(records)
    pool = [a for group in alias_lists for a in group] + PIECES
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        piece = draw(st.sampled_from(pool))
        parts.append(draw(st.sampled_from(CASES))(piece) + draw(st.sampled_from(GLUE)))
    return entities_of(alias_lists), "".join(parts)


@SETTINGS
@given(record_and_text())
def test_same_mentions_as_reference(case: tuple[list[Entity], str]) -> None:
    entities, text = case
    assert_same(entities, text)


@SETTINGS
@given(records, st.text(max_size=60))
def test_same_mentions_on_any_text(alias_lists: list[list[str]], text: str) -> None:
    assert_same(entities_of(alias_lists), text)


def test_same_mentions_with_thousands_of_aliases() -> None:
    rng = random.Random(20240306)
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    alias_lists = []
    for _ in range(600):
        group = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.3:
                group.append(rng.choice(PIECES) + rng.choice(["", " ", "-"]) + rng.choice(PIECES))
            else:  # mostly a few shared first letters, so that many aliases compete
                size = rng.randint(1, 12)
                group.append("".join(rng.choice(letters[:6] + "  ß") for _ in range(size)).strip()
                             or "A")  # fmt: skip
        alias_lists.append(group)
    entities = entities_of(alias_lists)
    pool = [a for group in alias_lists for a in group] + PIECES
    for _ in range(120):
        text = "".join(rng.choice(CASES)(rng.choice(pool)) + rng.choice(GLUE) for _ in range(15))
        assert_same(entities, text)


def test_longest_alias_wins_and_scan_resumes_after_it() -> None:
    ents = entities_of([["Sam", "Sam Altman"], ["Altman"]])
    found = assert_same(ents, "Sam Altman met Altman.")
    assert [(m.entity, m.text) for m in found] == [("e0", "Sam Altman"), ("e1", "Altman")]


def test_first_registered_wins_between_aliases_of_equal_length() -> None:
    # "AI" (exact) and "ai" (casefolded) both match "AI": the earlier one wins, either way.
    for first, second in (["AI"], ["ai"]), (["ai"], ["AI"]):
        found = assert_same(entities_of([first, second]), "AI is here")
        assert [m.entity for m in found] == ["e0"]


def test_short_all_caps_aliases_match_exactly_and_ascii_only_whole_words() -> None:
    ents = entities_of([["X"], ["Musk"], ["AI"]])
    found = assert_same(ents, "x, X, xAI, Musketeer, Musk's MUSK ai AI.")
    assert [m.text for m in found] == ["X", "Musk", "MUSK", "AI"]


def test_non_ascii_aliases_match_inside_words() -> None:
    found = assert_same(entities_of([["マスク"], ["Zoë"]]), "イーロン・マスク氏とzoëy")
    assert [m.text for m in found] == ["マスク", "zoë"]


def test_casefold_that_changes_length() -> None:
    # "Straße" is looked up as "strasse": "Strasse" matches it, "Straße" inside a text does
    # not (its slice of seven characters folds to eight), but at the very end of the text
    # the slice is cut short and folds to exactly "strasse" (the mention ends past the text).
    ents = entities_of([["Straße"]])
    assert [m.text for m in assert_same(ents, "Die Strasse hier")] == ["Strasse"]
    assert assert_same(ents, "Die Straße hier") == []
    assert assert_same(ents, "Die Straße") == [Mention("e0", 4, 11, "Straße")]


def test_katakana_aliases_stay_whole_words() -> None:
    ents = entities_of([["メタ"], ["インド"], ["ティール"], ["マスク"]])
    for text in ("メタバースの時代", "ウインドウを開けた", "スティール製の机"):
        assert assert_same(ents, text) == [], text
    found = assert_same(ents, "メタ社とインドのティール氏、イーロン・マスク氏")
    assert [m.text for m in found] == ["メタ", "インド", "ティール", "マスク"]


def _matcher() -> EntityMatcher:
    ents = [
        Entity("musk", "person", "Elon Musk", "イーロン・マスク", ("Musk", "マスク氏"), ("マスク",)),
        Entity("altman", "person", "Sam Altman", "サム・アルトマン", ("Altman", "アルトマン"),
               scoped=(("article", "ウルトラマン"),)),
        Entity("openai", "org", "OpenAI", "OpenAI", ("OpenAI",)),
        Entity("tesla", "org", "Tesla", "テスラ", ("Tesla",), ("テスラ",)),
        Entity("stripe", "org", "Stripe", "ストライプ", (), ("Stripe", "ストライプ")),
        Entity("board", "role", "board", "理事会", ("理事会",), ("board",)),
    ]  # fmt: skip
    related = {"musk": frozenset({"openai", "tesla"}), "tesla": frozenset({"musk"})}
    return EntityMatcher(ents, related)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("マスク着用のために5000万ドルを寄付した。", []),  # a mask
        ("OpenAIはマスク着用を求めた。", ["openai"]),  # a mask, whoever else is named
        ("マスクはOpenAIに5000万ドルを寄付した。", ["musk", "openai"]),  # with a related name
        ("マスク氏は寄付した。", ["musk"]),  # a title makes it a name
        ("磁場の強さは1テスラだった。", []),  # the unit
        ("マスクはテスラを率いる。", ["musk", "tesla"]),  # each confirms the other
        ("She wore a striped shirt with a stripe.", []),
        ("Brockman was CTO of Stripe.", ["stripe"]),  # capitalised inside a sentence
        ("Stripe patterns are in fashion.", []),  # a sentence's first word says nothing
        ("The board game was fun.", []),  # a role word with nobody named
        ("OpenAI's board met.", ["openai", "board"]),
        ("ウルトラマンが怪獣と戦った。", []),  # a garbled form outside its source
    ],
)  # fmt: skip
def test_ambiguous_and_scoped_aliases_need_context(text: str, names: list[str]) -> None:
    assert [m.entity for m in _matcher().find(text)] == names


def test_scoped_aliases_are_read_in_their_source_and_ambiguous_ones_on_their_own() -> None:
    m = _matcher()
    assert [x.entity for x in m.find("ウルトラマンがスペースXを訪れた。", scope="article")] == [
        "altman"
    ]
    assert m.find("ウルトラマンがスペースXを訪れた。", scope="another") == []
    assert [x.entity for x in m.find("マスク", context=False)] == ["musk"]


def test_a_name_inside_another_is_a_related_entity_not_a_swap() -> None:
    m = EntityMatcher(entities_of([["OpenAI"], ["OpenAI LP"], ["DeepMind"], ["Google DeepMind"],
                                   ["Google"], ["メタ"], ["メタバース社"]]))  # fmt: skip
    assert m.nested("e0", "e1") and m.nested("e1", "e0")
    assert m.nested("e2", "e3") and m.nested("e4", "e3")
    assert not m.nested("e0", "e2") and not m.nested("e5", "e6")  # メタ is not a word there
