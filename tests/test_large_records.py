"""A large record: what a run keeps of it stays bounded, and the shortlist of a statement
whose words are all common finds the claims a full walk would rank first."""

from __future__ import annotations

import pytest

from factcheck import cache
from factcheck.index import search
from tests.helpers import bundled_index


@pytest.mark.usefixtures("private_cache")
def test_a_run_keeps_only_the_recently_used_items(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KEEP_ITEMS", 5)
    values = [{"n": n, "pad": "x" * n} for n in range(40)]
    cache.cached("big", lambda: ({}, values), dict)  # written
    _, items = cache.cached("big", lambda: pytest.fail("rebuilt"), dict)  # read back
    assert isinstance(items, cache.Items)
    for n in [*range(40), 3, 39, 0]:
        assert items[n] == values[n]
        assert len(items._memo) <= 5
    assert list(items._memo) == [37, 38, 3, 39, 0]  # the most recently used, last used last
    assert list(items) == values  # those let go are read again, the same


@pytest.mark.usefixtures("private_cache")
def test_an_entry_is_written_item_by_item_and_reads_back() -> None:
    values = [f"item {n}" * (n % 7) for n in range(300)]
    cache.cached("many", lambda: ({"head": 1}, values), dict)
    head, items = cache.cached("many", lambda: pytest.fail("rebuilt"), dict)
    assert head == {"head": 1} and isinstance(items, cache.Items)
    assert list(items) == values


def test_common_words_walked_from_the_least_common_up_find_the_heaviest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = bundled_index()
    monkeypatch.setattr(search, "COMMON", 2)  # every word in more than 2 claims is common
    texts = ["Musk gave OpenAI money in 2018.", "OpenAI was founded as a nonprofit in 2015.",
             "マスクはOpenAIに5000万ドルを寄付した。", "Altman returned as CEO."]  # fmt: skip
    for text in texts:
        f = index.features(text)
        full = search._weights(index, f, None)
        short = search._weights(index, f, search.SHORTLIST)
        assert set(short) <= set(full)
        for i, w in short.items():
            assert w == pytest.approx(full[i])  # what a claim found shares is all counted
        if len(full) >= search.SHORTLIST:  # enough claims found to choose from
            assert len(short) >= search.SHORTLIST
        # every claim sharing one of the statement's rarer words or names is found
        prefix = "ja:" if f.japanese else "en:"
        keys = [prefix + t for t in f.tokens] + ["e:" + e for e in f.entities]
        for key in keys:
            hits = index.postings.get(key, ())
            if len(hits) <= search.COMMON:
                assert set(hits) <= set(short)
