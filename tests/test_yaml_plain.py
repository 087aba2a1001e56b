"""The claims file is first read without the place of every value (yamlsafe._plain, straight
from the parser's events); it must give exactly the value the located read gives, and leave
anything that is not plain data to the located read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.record import bundled_record_path
from factcheck.record.yamlsafe import _compose, _convert, _load_yaml, _Loc, _NotPlain, _plain


def _both(text: str, tmp_path: Path) -> tuple[Any, Any, list[str], list[str]]:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    fast: list[str] = []
    slow: list[str] = []
    return (_load_yaml(path, fast, "doc", located=False)[0],
            _load_yaml(path, slow, "doc")[0], fast, slow)  # fmt: skip


def test_the_bundled_record_reads_alike_plain_and_located() -> None:
    path = bundled_record_path()
    located = _load_yaml(path, [], "claims database")[0]
    assert _plain(path.read_text(encoding="utf-8")) == located


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: 1.5\nc: yes\nd: ~\ne: 2015-03-01\nf: '12'\ng: 0x1F\nh: 1_000\n",
        "1: one\ntrue: two\n~: three\n1.5: four\n",
        "claims:\n- {id: a.b, values: {amounts: [{value: 5}]}}\n- [1, [2, [3, []]], {}]\n",
        "- !!str 12\n- ! 12\n- !!int '7'\n- !!map {a: 1}\n- !!seq [1]\n",
        "just text\n",
        "'quoted: text'\n",
        "a: |\n  two\n  lines\nb: >\n  folded\n  text\n",
    ],
)
def test_plain_documents_read_alike(text: str, tmp_path: Path) -> None:
    fast, slow, fast_problems, slow_problems = _both(text, tmp_path)
    assert _plain(text) == slow == fast
    assert fast_problems == slow_problems == []


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, 2]\nb: *x\n",  # an alias
        "a: &x 1\n",  # an anchor
        "a: 1\na: 2\n",  # a duplicate key
        "? [1, 2]\n: x\n",  # a container as a key
        "a: !!python/object:os.system x\n",  # a tag that constructs
        "<<: {a: 1}\n",  # a merge key
        "a: 1\n---\nb: 2\n",  # two documents
        "",  # nothing
        "a: [1\n",  # not YAML
        "x: " + "[" * 70 + "]" * 70 + "\n",  # nested too deeply
    ],
)
def test_what_is_not_plain_is_read_located(text: str, tmp_path: Path) -> None:
    with pytest.raises(_NotPlain):
        _plain(text)
    try:
        fast, slow, fast_problems, slow_problems = _both(text, tmp_path)
    except Exception as exc:  # the located read refuses it: the plain one does too, alike
        with pytest.raises(type(exc)) as again:
            _both(text, tmp_path)
        assert str(again.value) == str(exc)
        return
    assert fast == slow
    assert fast_problems == slow_problems


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=12),
    st.floats(allow_nan=False), st.sampled_from(["yes", "no", "~", "0x10", "1e3", "2015-01-01"]),
)  # fmt: skip
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(_DATA, st.booleans())
def test_any_dumped_data_reads_alike(data: Any, flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    try:
        value = _plain(text)
    except _NotPlain:  # (a duplicate key once read: "1" and 1 are both "1")
        return
    assert value == _convert(_compose(text, Path("x")), _Loc(Path("x")), [])
