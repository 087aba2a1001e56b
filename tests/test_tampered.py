"""Tampered copies of the source article: each changed sentence is contradicted, nothing else."""

from __future__ import annotations

import random
import re

import pytest

from factcheck.pipeline import check_text
from factcheck.text.segment import split_statements
from factcheck.verdict.alignment import is_fragment
from tests.helpers import bundled, bundled_index

FRAGMENT = "a heading or fragment: it asserts nothing to check"


def _fragment(text: str) -> bool:
    return is_fragment(bundled_index().features(text))


# Names swapped for others of the same kind, all known to the record.
SWAPS = [("グーグル", "アップル"), ("テスラ", "アマゾン"), ("インド", "ネパール"),
         ("マイクロソフト", "アップル"), ("ストライプ", "ペイパル")]  # fmt: skip
NEGATIONS = [
    ("した。", "しなかった。"),
    ("している。", "していない。"),
    ("した。」", "しなかった。」"),
]


def _number(text: str, rng: random.Random) -> str | None:
    spots = [m for m in re.finditer(r"\d+", text) if not text.startswith("月", m.end())]
    if not spots:
        return None
    m = rng.choice(spots)
    n = int(m.group())
    new = n + rng.choice([-2, -1, 1, 2]) if n >= 1900 else n + rng.choice([1, 3, 5])
    return text[: m.start()] + str(new) + text[m.end() :]


def _name(text: str, rng: random.Random) -> str | None:
    """Swap a whole name: not one inside a longer katakana word (インド in ディープマインド)."""
    options = [
        (m, b) for a, b in SWAPS
        for m in re.finditer(rf"(?<![ァ-ヶー]){a}(?![ァ-ヶー])", text)
    ]  # fmt: skip
    if not options:
        return None
    m, b = rng.choice(options)
    return text[: m.start()] + b + text[m.end() :]


def _negation(text: str, rng: random.Random) -> str | None:
    for end, neg in NEGATIONS:
        if text.endswith(end) and "ない" not in text:
            return text[: -len(end)] + neg
    return None


CHANGES = {"number": _number, "name": _name, "negation": _negation}


def tampered(seed: int, count: int = 8) -> tuple[str, dict[int, str]]:
    """A copy of the source with ``count`` sentences changed; their indexes and the change."""
    rng = random.Random(seed)
    source = next(iter(bundled().sources.values())).text
    statements = split_statements(source)
    wrong = _source_errors()
    edits: dict[int, tuple[str, str]] = {}
    for i in rng.sample(range(len(statements)), len(statements)):
        if _fragment(statements[i].text) or i in wrong:
            continue  # a heading asserts nothing; a sentence marked wrong supports nothing
        kinds = list(CHANGES)
        rng.shuffle(kinds)
        for kind in kinds:
            new = CHANGES[kind](statements[i].text, rng)
            if new is not None and new != statements[i].text:
                edits[i] = (kind, new)
                break
        if len(edits) == count:
            break
    text = source
    for i in sorted(edits, reverse=True):  # from the end, so earlier offsets stay valid
        st = statements[i]
        text = text[: st.span.start] + edits[i][1] + text[st.span.end :]
    return text, {i: kind for i, (kind, _) in edits.items()}


def _source_errors() -> set[int]:
    """The indexes of the article's sentences the record marks as source errors."""
    (source,) = bundled().sources.values()
    passages = [p for p in bundled().passages if p.source == source.id]
    return {i for i, p in enumerate(passages) if p.error}


def _expected(i: int, changed: dict[int, str]) -> str:
    if i in changed:
        return "contradicted"
    return "unknown" if i in _source_errors() else "supported"


@pytest.mark.parametrize("seed", range(6))
def test_changed_sentences_are_contradicted_and_nothing_else(seed: int) -> None:
    text, changed = tampered(seed)
    assert len(changed) == 8 and len(set(changed.values())) >= 2
    findings = check_text(text, bundled_index(), "tampered.txt")
    got = {i: f.verdict.value for i, f in enumerate(findings)}
    wrong = {
        i: (changed.get(i, "unchanged"), v, findings[i].statement[:60])
        for i, v in got.items()
        if v != _expected(i, changed) and not (v == "unknown" and findings[i].reason == FRAGMENT)
    }
    assert not wrong
    for i in changed:
        assert findings[i].reason and findings[i].citation is not None


def test_the_untouched_article_is_supported_throughout_but_for_its_marked_errors() -> None:
    """Every sentence of the article is supported, but for those the record marks as the
    source's errors (unknown, with the record's note); its headings and the editor's credit
    assert nothing and are unknown as such (and only those)."""
    source = next(iter(bundled().sources.values())).text
    findings = check_text(source, bundled_index(), "article.txt")
    errors = _source_errors()
    assert len(findings) > 100 and 5 <= len(errors) <= 10
    fragments = []
    for i, f in enumerate(findings):
        if i in errors:  # the reason is the record's note on the error
            assert f.verdict.value == "unknown", f.statement
            assert f.reason and f.reason.startswith("the source's wording here is")
        elif f.verdict.value != "supported":
            fragments.append(f)
    assert all(f.verdict.value == "unknown" and f.reason == FRAGMENT for f in fragments)
    assert all(_fragment(f.statement) for f in fragments)
    assert len(fragments) <= 6, [f.statement for f in fragments]


def test_a_near_copy_that_adds_or_drops_a_number_is_contradicted_without_crashing() -> None:
    source = next(iter(bundled().sources.values())).text
    line = next(
        s.text
        for s in split_statements(source)
        if not re.search(r"\d", s.text) and len(s.text) > 30
    )
    added = check_text(line[:-1] + "2つ。", bundled_index(), "t")
    assert added[-1].verdict.value == "contradicted" and "number" in (added[-1].reason or "")
