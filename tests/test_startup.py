"""Start-up: the checking core's own modules compile no regular expression and parse no YAML
when imported (a run pays only for what it uses), and what replaced the eager versions
gives the same answers: ``LazyPattern`` is its ``re.Pattern``, ``_noun_start`` its character
class, ``is_japanese`` its former self."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cache import patterns
from factcheck.normalize import regex
from factcheck.normalize.polarity import _noun_start
from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import is_japanese

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
# The modules that keep their patterns lazy (the others are edited elsewhere, for now).
LAZY = ("normalize/", "verdict/", "record/", "errors.py", "model.py")

_SPY = """
import re, sys
callers = []
original = re._compile
def spy(pattern, flags):
    frame = sys._getframe(1)
    while frame.f_code.co_filename.startswith(re.__file__.rsplit("/", 1)[0]):
        frame = frame.f_back
    callers.append(frame.f_code.co_filename)
    return original(pattern, flags)
re._compile = spy
import factcheck.pipeline, factcheck.record
print("yaml" in sys.modules)
print("\\n".join(callers))
"""


def test_importing_the_core_compiles_none_of_its_patterns_and_no_yaml() -> None:
    out = subprocess.run([sys.executable, "-c", _SPY], capture_output=True, text=True,
                         check=True, cwd=PACKAGE.parent).stdout.splitlines()  # fmt: skip
    yaml_loaded, callers = out[0], out[1:]
    assert yaml_loaded == "False"
    eager = [c for c in callers if c.startswith(str(PACKAGE)) and
             c.removeprefix(str(PACKAGE) + "/").startswith(LAZY)]  # fmt: skip
    assert not eager, eager


TEXTS = st.text(
    st.sampled_from("ab AB1-,.\n日本語のテキストはない人々〆ー\u3004\u3005ａ😀"), max_size=40
)


def _seen(found: object) -> object:
    """A match (or each of an iterator's matches) as what it found: matches compare by identity."""
    if isinstance(found, re.Match):
        return found.span(), found.groups()
    return found


def _upper(m: re.Match[str]) -> str:
    return m.group(0).upper()


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.integers(0, 45), st.integers(0, 45))
def test_lazy_pattern_is_its_compiled_pattern(text: str, pos: int, endpos: int) -> None:
    for source, flags in ((r"(?P<w>[a-z]+)|(\d)", re.IGNORECASE), (r"[\u3040-\u30ff]+|な", 0),
                          (r"^\W*$", 0), (r"\b", 0)):  # fmt: skip
        lazy, rx = LazyPattern(source, flags), re.compile(source, flags)
        for method in ("search", "match", "fullmatch", "findall", "finditer"):
            for args in ((text,), (text, pos), (text, pos, endpos)):
                got, want = getattr(lazy, method)(*args), getattr(rx, method)(*args)
                if method == "finditer":
                    got, want = list(map(_seen, got)), list(map(_seen, want))
                assert _seen(got) == _seen(want), (method, args)
        assert lazy.sub("_", text) == rx.sub("_", text)
        assert lazy.sub(_upper, text, 2) == rx.sub(_upper, text, 2)
        assert lazy.split(text) == rx.split(text)
        assert lazy.split(text, 1) == rx.split(text, 1)


def test_lazy_pattern_compiles_once_on_first_use() -> None:
    lazy = LazyPattern(r"x+")
    assert lazy._compiled is None
    assert lazy.compiled is lazy.compiled
    assert lazy.compiled == re.compile(r"x+")  # (patterns are equal when their code is)


PATTERNS = [(r"(?P<w>[a-z]+)|(\d)", re.IGNORECASE), (r"[\u3040-\u30ff\u3400-\u9fff]+|な", 0),
            (r"^\W*$", re.M), (r"(?x) a \s+ (?=b)", 0), (r"(?i)über|ÉTÉ", 0)]  # fmt: skip


def test_a_pattern_built_from_kept_code_is_the_pattern_re_compiles(monkeypatch: Any) -> None:
    """The code kept between runs (cache/patterns.py) builds the very pattern re.compile
    makes: equal patterns have the same flags, groups and code."""
    monkeypatch.setattr(regex, "_KNOWN", {})  # (what an earlier run in this process handed over)
    monkeypatch.setattr(regex, "_MADE", {})
    fresh = [regex.compile_pattern(source, flags) for source, flags in PATTERNS]
    codes = marshal.loads(marshal.dumps(regex.new_codes()))  # as the cache keeps them
    assert set(codes) >= {(source, int(flags)) for source, flags in PATTERNS}
    regex._KNOWN.clear()
    regex.use_codes(codes)
    for (source, flags), made in zip(PATTERNS, fresh, strict=True):
        kept = regex.compile_pattern(source, flags)
        assert kept == made == re.compile(source, flags)
        assert kept.groupindex == re.compile(source, flags).groupindex


def test_kept_code_is_read_back_only_when_signed(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    monkeypatch.setattr(regex, "_KNOWN", {})
    monkeypatch.setattr(regex, "_MADE", {})
    regex.compile_pattern(r"kept+ (code)", 0)
    patterns.save()
    (path,) = (tmp_path / "cache").glob("patterns-*")
    patterns.load()
    assert (r"kept+ (code)", 0) in regex._KNOWN
    regex._KNOWN.clear()
    data = path.read_bytes()
    path.write_bytes(data[:40] + bytes([data[40] ^ 1]) + data[41:])  # tampered
    patterns.load()
    assert not regex._KNOWN


def test_noun_start_is_the_character_class_it_replaced() -> None:
    noun = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z0-9]")
    for code in [*range(0x10000), 0x1F600, 0x20000, 0x2A6DF]:
        ch = chr(code)
        assert _noun_start(ch) == bool(noun.match(ch)), hex(code)


def _japanese_before(text: str) -> bool:
    cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ー]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return cjk > 0 and cjk * 2 >= latin * 0.5


@settings(max_examples=200, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=30)))
def test_is_japanese_as_before(text: str) -> None:
    assert is_japanese(text) == _japanese_before(text)


def test_the_ordinary_command_never_imports_dask() -> None:
    """Only --scheduler (and factcheck.dask) loads Dask: a check pays nothing for it."""
    code = (
        "import sys\n"
        "sys.argv = ['factcheck', '--format', 'json', '--files', 'sources']\n"
        "from factcheck.cli.entry import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n"
        "    loaded = sorted(m for m in ('dask', 'distributed', 'factcheck.dask') if m in sys.modules)\n"
        "    sys.stderr.write(f'exit={e.code} loaded={loaded}')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, cwd=PACKAGE.parent)  # fmt: skip
    assert proc.stderr.endswith("exit=0 loaded=[]"), proc.stderr
