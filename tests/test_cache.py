"""The cache's own guarantees (issue 14): its key covers every file the record reads, at
any depth, and nothing else; its signing key is trusted only whole; a damaged entry is
rebuilt once, not on every run."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
from pathlib import Path

import pytest

from factcheck import cache
from factcheck.cache import content
from tests.helpers import assert_one_line_error, command

CLAIMS = """\
entities:
  - {id: musk, kind: person, name: {en: Elon Musk, ja: イーロン・マスク}, aliases: [Musk]}
  - {id: openai, kind: org, name: {en: OpenAI, ja: OpenAI}}
claims:
  - id: musk.total
    source: s
    quote: マスク氏は合計4400万ドルを寄付した。
    text: {en: Musk donated $44M to OpenAI in total., ja: マスクはOpenAIに合計4400万ドルを寄付した。}
    subject: musk
    object: openai
    entities: [musk, openai]
    values: {amounts: [{value: 44000000, currency: USD}]}
"""


def write_record(root: Path, meta: str = "id: s\nfile: sub/s.txt\n") -> Path:
    """A record whose one source lies in a folder under sources/."""
    (root / "sources" / "sub").mkdir(parents=True, exist_ok=True)
    (root / "sources" / "s.yaml").write_text(meta, encoding="utf-8")
    (root / "sources" / "sub" / "s.txt").write_text(
        "マスク氏は合計4400万ドルを寄付した。\n", encoding="utf-8"
    )
    (root / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return root / "claims.yaml"


def key(claims: Path) -> str:
    return cache.content_key(cache.record_files(claims, []))


# --------------------------------------------------------------------------- the key


def test_a_changed_source_in_a_nested_folder_is_never_read_stale(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    """Once, the cached run still cited a passage that no longer existed."""
    claims = write_record(tmp_path / "record")
    env = {**cli_env, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip
    args = ("--claims", str(claims), "--format", "json", "Musk donated $50M to OpenAI in total.")
    first = subprocess.run(command(*args), env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 1, first.stderr
    assert json.loads(first.stdout)["results"][0]["verdict"] == "contradicted"
    assert list((tmp_path / "cache").glob("index-*.pickle"))  # the entry the next run would use
    source = tmp_path / "record" / "sources" / "sub" / "s.txt"
    source.write_text("マスク氏は合計5000万ドルを寄付した。\n", encoding="utf-8")
    second = subprocess.run(command(*args), env=env, capture_output=True, text=True, check=False)
    assert_one_line_error(second.returncode, second.stderr, "quote is not verbatim")
    assert second.stdout == ""


def test_the_key_covers_the_files_read_and_nothing_else(tmp_path: Path) -> None:
    claims = write_record(tmp_path)
    names = [name for name, _ in cache.record_files(claims, [])]
    assert names == ["0:claims.yaml", "0:sources/s.yaml", "0:sources/sub/s.txt"]
    before = key(claims)
    unrelated = tmp_path / "sources" / "sub" / "huge.bin"
    unrelated.write_bytes(b"\0" * (3 * content._READ))  # an unrelated file is not read
    (tmp_path / "sources" / "notes.txt").write_text("scratch", encoding="utf-8")
    assert key(claims) == before
    for path in (claims, tmp_path / "sources" / "s.yaml", tmp_path / "sources" / "sub" / "s.txt"):
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert key(claims) != before, path
        path.write_bytes(original)
    assert key(claims) == before


def test_a_used_file_is_hashed_whole_in_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(content, "_READ", 1000)  # a source of many chunks
    claims = write_record(tmp_path)
    source = tmp_path / "sources" / "sub" / "s.txt"
    source.write_bytes(source.read_bytes() + b"x" * 10_000)
    before = key(claims)
    source.write_bytes(source.read_bytes()[:-1] + b"y")  # the last chunk's last byte
    assert key(claims) != before


def test_a_key_is_the_same_from_another_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    claims = write_record(tmp_path / "record")
    absolute = key(claims)
    monkeypatch.chdir(tmp_path)
    assert key(Path("record/claims.yaml")) == absolute


@pytest.mark.parametrize(
    "meta",
    [
        'id: s\n"file": sub/s.txt\n',  # a quoted key
        "{id: s, file: sub/s.txt}\n",  # a flow mapping
        "id: s\nfile: sub/s\n  .txt\n",  # a value over two lines
        "id: s\nfile: &f sub/s.txt\n",  # an anchor
    ],
)
def test_metadata_not_plainly_written_counts_every_file_under_sources(meta: str, tmp_path: Path) -> None:  # fmt: skip
    claims = write_record(tmp_path, meta)
    before = key(claims)
    (tmp_path / "sources" / "deeper").mkdir()
    (tmp_path / "sources" / "deeper" / "other.txt").write_text("x", encoding="utf-8")
    assert key(claims) != before  # any file there may be the one it names


@pytest.mark.parametrize(
    ("meta", "named"),
    [
        ("id: s\nfile: sub/s.txt\n", "sub/s.txt"),
        (
            "# a comment\nid: s\nfile: 'sub/s.txt'  # the text\r\nnotes: >-\n  file: no\n",
            "sub/s.txt",
        ),
        ('id: s\nfile: "s t.txt"\n', "s t.txt"),
        ("id: s\nfile: a#b.txt\n", "a#b.txt"),
        ("id: s\nfile: a.txt\n  # comment\n", "a.txt"),
        ("id: s\nfile: x\nfile: y\n", None),
        ("id: s\nfile: [a, b]\n", None),
        ('id: s\nfile: "a\\"b"\n', None),
    ],
)
def test_the_named_file_is_read_as_yaml_reads_it(
    meta: str, named: str | None, tmp_path: Path
) -> None:
    import yaml

    path = tmp_path / "s.yaml"
    path.write_text(meta, encoding="utf-8")
    assert content._named_file(path) == named
    if named is not None:
        assert yaml.safe_load(meta)["file"] == named


# --------------------------------------------------------------------------- the signing key


class Boom:
    marker = ""

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (self.marker, "w"))  # creates the marker if ever unpickled


def test_an_empty_signing_key_is_never_trusted(tmp_path: Path, private_cache: Path) -> None:
    """A full disk once left cache.key empty; entries signed with the empty key ran."""
    key_path = tmp_path / "config" / "factcheck" / "cache.key"
    key_path.parent.mkdir(parents=True)
    key_path.write_bytes(b"")
    key_path.chmod(0o600)
    marker = tmp_path / "ran"
    Boom.marker = str(marker)
    cache._store(private_cache / "index-k.pickle", "k", b"", Boom(), [Boom()])  # planted
    head, items = cache.cached("k", lambda: ({"built": 1}, ["item"]), dict)
    assert (head, list(items)) == ({"built": 1}, ["item"])
    assert not marker.exists()
    assert len(key_path.read_bytes()) == cache.KEY_BYTES  # replaced by a whole one
    assert oct(key_path.stat().st_mode & 0o777) == "0o600"
    for short in (b"", b"x" * (cache.KEY_BYTES - 1)):
        key_path.write_bytes(short)
        assert cache._secret() not in (short, None)


def test_a_whole_key_is_kept_and_never_overwritten(tmp_path: Path, private_cache: Path) -> None:
    first = cache._secret()
    assert first is not None and len(first) == cache.KEY_BYTES
    key_path = tmp_path / "config" / "factcheck" / "cache.key"
    assert cache._new_secret(key_path) == first  # another process wrote one first: it wins
    assert cache._secret() == first
    assert not [p for p in key_path.parent.iterdir() if p.name != "cache.key"]  # no leftovers


# --------------------------------------------------------------------------- damaged entries


def test_a_damaged_item_region_is_rebuilt_once(private_cache: Path) -> None:
    """Once, a damaged item was detected and the whole record rebuilt on every run."""
    builds: list[int] = []

    def build() -> tuple[dict[str, int], list[str]]:
        builds.append(1)
        return {"n": 3}, ["zero", "one", "two"]

    cache.cached("k", build, dict)
    entry = private_cache / "index-k.pickle"
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF  # inside the last item
    entry.write_bytes(bytes(data))
    head, items = cache.cached("k", build, dict)
    assert len(builds) == 1 and items[0] == "zero"  # a sound item: no rebuild
    assert items[2] == "two" and len(builds) == 2  # the damaged one: rebuilt, and written
    assert entry.read_bytes() != bytes(data)

    def never() -> tuple[dict[str, int], list[str]]:
        raise AssertionError("the entry was not repaired")

    head, items = cache.cached("k", never, dict)
    assert (head, list(items)) == ({"n": 3}, ["zero", "one", "two"])


def test_a_value_too_deep_to_pickle_only_costs_the_cache(private_cache: Path) -> None:
    deep: list[object] = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(RecursionError):
        pickle.dumps(deep)
    head, items = cache.cached("deep", lambda: ({"n": 1}, [deep]), dict)
    assert head == {"n": 1} and items[0] is deep
    assert not list(private_cache.glob("index-deep.pickle"))


def test_a_key_file_of_someone_else_is_not_used(tmp_path: Path, private_cache: Path) -> None:
    key_path = tmp_path / "config" / "factcheck" / "cache.key"
    key_path.parent.mkdir(parents=True)
    key_path.write_bytes(os.urandom(cache.KEY_BYTES))
    key_path.chmod(0o644)  # readable by others
    assert cache._secret() is None
