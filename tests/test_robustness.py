"""Never crash, never lie, never run what it reads (issue 6).

Whatever a user or a repository throws at factcheck gets a correct result or a one-line
error and exit status 2: no traceback, no hang, no exit 0 with nothing checked.

Unreadable files: the tests run as root in CI, and root reads any file whatever its mode,
so the permission test simulates the refusal with monkeypatch; the real chmod test runs only
as another user (it is skipped, with that reason, as root).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.errors import InputError, RecordError
from factcheck.inputs import read_file
from factcheck.record import load_record
from factcheck.text.markdown import prose_mask
from factcheck.text.segment import MAX_STATEMENT_CHARS, split_statements
from tests.helpers import assert_one_line_error, command, run_factcheck

ROOT = Path(__file__).resolve().parent.parent
SUPPORTED = "Musk donated $44M to OpenAI."
WORDS = ("Musk", "Altman", "OpenAI", "board", "donated", "fired", "founded", "company",
         "nonprofit", "Microsoft", "said", "the", "of")  # fmt: skip


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = run_factcheck(*args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- empty input


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\r\n\r\n", b"\xef\xbb\xbf"])
def test_empty_and_blank_input_is_nothing_to_check(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    for code, out, err in (run("-f", str(path), "--format", "json"),
                           run("--format", "json", stdin=content)):  # fmt: skip
        assert code == 2  # bad input: one line, and the report begun is still complete
        assert err == "factcheck: nothing to check (no statements in the input)\n"
        assert json.loads(out)["results"] == []
    code, _, err = run("   ")
    assert code == 2 and "nothing to check" in err


# --------------------------------------------------------------------------- paths


def test_a_missing_path_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("-f", str(tmp_path / "nope.md"))
    assert_one_line_error(code, err, "nope.md", "no such file")


def test_a_folder_is_expanded_and_an_empty_one_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(SUPPORTED, encoding="utf-8")
    (tmp_path / "docs" / "image.png").write_bytes(b"\x89PNG\x00")
    code, out, _ = run("-f", str(tmp_path / "docs"), "--format", "json")
    assert code == 0
    assert [r["input"] for r in json.loads(out)["results"]] == [str(tmp_path / "docs" / "a.md")]
    (tmp_path / "empty").mkdir()
    code, _, err = run("-f", str(tmp_path / "empty"))
    assert code == 0  # nothing selected (as ruff with no files): a warning, not bad input
    warning, nothing = err.splitlines()
    assert warning.startswith("factcheck: warning: ") and warning.endswith(
        "empty: no .md, .markdown or .txt files to check (after exclusions)"
    )
    assert nothing == "factcheck: nothing to check (no statements in the input)"
    with pytest.raises(InputError, match="is a directory"):
        read_file(str(tmp_path / "docs"))


def test_an_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.md"
    path.write_text(SUPPORTED, encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "secret.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"secret\.md: permission denied"):
        read_file(str(path))
    code, _, err = run("-f", str(path))
    assert_one_line_error(code, err, "secret.md: permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions; "
                    "test_an_unreadable_file_simulated covers the refusal")  # fmt: skip
def test_an_unreadable_file_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text(SUPPORTED, encoding="utf-8")
    path.chmod(0)
    code, _, err = run("-f", str(path))
    assert_one_line_error(code, err, "permission denied")


# --------------------------------------------------------------------------- bytes


def test_bytes_that_are_not_utf8_name_the_file_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"First line.\nCaf\xe9 society.\n")
    code, _, err = run("-f", str(path))
    assert_one_line_error(code, err, "latin1.txt", "0xe9", "byte offset 15", "line 2")
    path.write_bytes(codecs.BOM_UTF8 + b"ab\xff")  # the offset counts the BOM: it is the file's
    assert_one_line_error(*run("-f", str(path))[::2], "byte offset 5")
    code, _, err = run("--format", "json", stdin=b"ok \xc3")
    assert_one_line_error(code, err, "<stdin>", "byte offset 3")


def test_binary_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_one_line_error(*run("-f", str(path))[::2], "binary", "offset 8")
    if Path("/dev/zero").exists():  # an endless device is refused at once, not read to the end
        started = time.monotonic()
        assert_one_line_error(*run("-f", "/dev/zero")[::2], "binary")
        assert time.monotonic() - started < 5


def positions(out: str) -> list[tuple[int, int, int, int, str]]:
    return [(r["line"], r["column"], r["end_line"], r["end_column"], r["statement"])
            for r in json.loads(out)["results"]]  # fmt: skip


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
     ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE)],
)  # fmt: skip
def test_a_bom_is_accepted_and_not_counted(encoding: str, bom: bytes, tmp_path: Path) -> None:
    text = f"Hello there friend.\n{SUPPORTED}\n"
    plain = tmp_path / "plain.txt"
    plain.write_text(text, encoding="utf-8")
    marked = tmp_path / "marked.txt"
    marked.write_bytes(bom + text.encode(encoding))
    expected = positions(run("-f", str(plain), "--format", "json")[1])
    assert expected == [(1, 1, 1, 20, "Hello there friend."), (2, 1, 2, 29, SUPPORTED)]
    code, out, _ = run("-f", str(marked), "--format", "json")
    assert code == 0 and positions(out) == expected


# --------------------------------------------------------------------------- positions


def independent_locate(text: str, line: int, column: int, end_line: int, end_col: int) -> str:
    """The text between two 1-based (line, column) positions, lines ending at CRLF, CR or LF."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return text[starts[line - 1] + column - 1 : starts[end_line - 1] + end_col - 1]


MIXED = (
    "Intro line here.\r\n"
    f"\t{SUPPORTED}\r"
    "e\u0301te\u0301 😀 is a party. 👨\u200d👩\u200d👧 family photo here.\n"
    "マスク氏はOpenAIに4400万ドルを寄付した。漢字の文です。\r\n"
    "\r\n"
    "  - Tabs\tand spaces: Musk gave $50M to OpenAI.\n"
)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_positions_survive_line_ends_tabs_combining_marks_emoji_and_cjk(suffix: str, tmp_path: Path) -> None:  # fmt: skip
    path = tmp_path / f"mixed{suffix}"
    path.write_bytes(MIXED.encode("utf-8"))
    code, out, _ = run("-f", str(path), "--format", "json")
    assert code in (0, 1)
    found = positions(out)
    assert len(found) == 7, found
    for line, col, end_line, end_col, statement in found:
        assert independent_locate(MIXED, line, col, end_line, end_col) == statement
    assert [(f[0], f[1]) for f in found] == [(1, 1), (2, 2), (3, 1), (3, 21), (4, 1), (4, 26), (6, 5)]  # fmt: skip


# --------------------------------------------------------------------------- size and time


def test_segmentation_and_masking_stay_linear_on_pathological_lines() -> None:
    cases = [
        "[" * 200_000,  # a link label that never closes
        "[x](" * 50_000,  # a link target that never closes
        "(" + "Abc def. " * 25_000,  # an open bracket, then a long line of sentences
        "「" + "あいう。" * 50_000,
        "lower case line\n" * 20_000,  # one wrapped "sentence" 320,000 characters long
        "word " * 40_000,  # one enormous line with no punctuation
    ]
    for text in cases:
        started = time.monotonic()
        found = split_statements(text)
        assert all(len(s.text) <= MAX_STATEMENT_CHARS for s in found)
        assert time.monotonic() - started < 3.0, text[:20]
    started = time.monotonic()
    assert len(prose_mask("word " * 200_000)) == 1_000_000
    assert time.monotonic() - started < 10.0


def test_a_statement_of_100000_characters(tmp_path: Path) -> None:
    words = WORDS
    text = " ".join(words[i % len(words)] for i in range(20_000))[:100_000] + "."
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    code, out, _ = run("-f", str(path), "--format", "json")
    assert time.monotonic() - started < 60
    assert code in (0, 1)
    results = json.loads(out)["results"]
    assert 50 <= len(results) <= 60
    assert all(len(r["statement"]) <= MAX_STATEMENT_CHARS for r in results)


# --------------------------------------------------------------------------- terminal safety

HOSTILE = (
    "Musk \x1b[31mdonated\x1b[0m $44M to OpenAI.\n"
    "The title \x1b]0;owned\x07 was set here.\n"
    "A bell \x07 and a C1 CSI \x9b31m here.\n"
    "Bidi \u202eexe.txt\u202c and an isolate \u2067x\u2069 here.\n"
)
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_control_sequences_never_reach_the_terminal_raw(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    for args in (("-f", str(path)), ("-f", str(path), "--explain"), (HOSTILE,)):
        code, out, err = run(*args, "--no-color")
        assert code in (0, 1)
        assert not RAW_CONTROL.search(out), repr(out)
        assert not RAW_CONTROL.search(err), repr(err)
        assert "\\x1b" in out
    code, _, err = run("-f", str(tmp_path / "\x1b[2Jmissing\u202e.md"))
    assert_one_line_error(code, err, "\\x1b[2Jmissing\\u202e.md")
    assert not RAW_CONTROL.search(err)


# --------------------------------------------------------------------------- processes


def long_input(tmp_path: Path, lines: int, varied: bool) -> Path:
    words = WORDS
    rows = []
    for i in range(lines):
        if varied:
            rows.append(" ".join(words[(i * 7 + k * 3) % len(words)] for k in range(9)) + f" {i}.")
        else:
            rows.append(f"{SUPPORTED} Altman was fired by the board in 2023.")
    path = tmp_path / "long.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_output_closed_early_is_quiet(tmp_path: Path, cli_env: dict[str, str]) -> None:
    path = long_input(tmp_path, 600, varied=False)  # 1,200 results: more than a pipe holds
    for fmt in ("json", "text"):
        proc = subprocess.Popen(command("-f", str(path), "--format", fmt), env=cli_env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        err = proc.stderr.read().decode()
        proc.stderr.close()
        assert proc.wait(timeout=120) == 1  # not finished: never reported as a success
        assert err == "", err  # no traceback, no "Exception ignored"


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path, cli_env: dict[str, str]) -> None:
    path = long_input(tmp_path, 20_000, varied=True)  # a minute of work, interrupted after 2 s
    # SIGINT may be ignored by whoever started the tests (a background job): the child turns
    # Python's own handler back on before it runs factcheck, as a shell in a terminal would
    child = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
             "sys.argv = ['factcheck', *sys.argv[1:]]; runpy.run_module('factcheck', run_name='__main__')")  # fmt: skip
    proc = subprocess.Popen([sys.executable, "-c", child, "-f", str(path)], env=cli_env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    time.sleep(2.0)
    assert proc.poll() is None, "finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Traceback" not in err.decode()


def test_ctrl_c_with_worker_processes_is_one_line(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """Ctrl-C in a terminal interrupts the whole process group, workers included: the
    parent stops them and says so once; no worker prints a traceback of its own."""
    path = long_input(tmp_path, 20_000, varied=True)
    child = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
             "import factcheck.pipeline as p; p.PARALLEL_AFTER = 10; "
             "sys.argv = ['factcheck', *sys.argv[1:]]; runpy.run_module('factcheck', run_name='__main__')")  # fmt: skip
    proc = subprocess.Popen([sys.executable, "-c", child, "-f", str(path), "--format", "json"],
                            env=cli_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)  # fmt: skip
    time.sleep(2.0)
    assert proc.poll() is None, "finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err.decode() == "factcheck: interrupted\n"


def test_output_is_byte_identical_across_hash_seeds(cli_env: dict[str, str]) -> None:
    inputs = [str(ROOT / "tests" / "golden" / "inputs" / name) for name in ("history.md", "notes.txt")]  # fmt: skip
    outputs = set()
    for seed in ("1", "2"):
        for fmt in ("json", "text"):
            env = {**cli_env, "PYTHONHASHSEED": seed}
            args = [a for path in inputs for a in ("-f", path)]
            proc = subprocess.run(command(*args, "--format", fmt), env=env, capture_output=True,
                                  timeout=120, check=False)  # fmt: skip
            assert proc.returncode in (0, 1), proc.stderr
            outputs.add((fmt, proc.stdout))
    assert len(outputs) == 2  # one per format: the two seeds agree byte for byte


def test_an_output_encoding_that_cannot_show_the_text_is_no_traceback(cli_env: dict[str, str]) -> None:  # fmt: skip
    env = {**cli_env, "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run(command("マスク氏はOpenAIに4400万ドルを寄付した。"), env=env,
                          capture_output=True, timeout=60, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr


def test_command_line_text_that_is_not_utf8(cli_env: dict[str, str]) -> None:
    arg = os.fsdecode(b"Caf\xe9 society is here.")
    proc = subprocess.run(command(arg), env=cli_env, capture_output=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "factcheck: <text>: not UTF-8 text (invalid byte 0xe9 at byte offset 3, line 1)\n"
    )


# --------------------------------------------------------------------------- the record

SOURCE = "The board met in 2015. Musk gave money.\n"
TEN_MISTAKES = """\
version: 1
entities:
  - id: musk
    kind: person
    name: {en: Elon Musk, ja: マスク}
    aliases: [Musk]
  - id: musk
    kind: person
    name: {en: Elon Musk, ja: マスク}
  - id: elon
    kind: person
    name: {en: Elon, ja: エロン}
    aliases: [Musk]
claims:
  - source: s
    quote: The board met in 2015.
  - id: a.one
    source: s
    quote: The board met in 2015.
    text: {en: A, ja: あ}
    colour: red
  - id: a.one
    source: s
    quote: Musk gave money.
    text: {en: B, ja: い}
  - id: a.two
    source: s
    quote: Musk gave a fortune.
    text: {en: C, ja: う}
    negated: perhaps
    values:
      amounts: [{value: lots, currency: USD}]
      dates: ["2015-02-30"]
"""


@pytest.fixture
def ten_mistakes(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "s.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "sources" / "s.yaml").write_text("id: s\nfile: s.txt\n", encoding="utf-8")
    (tmp_path / "sources" / "gone.yaml").write_text("id: gone\nfile: gone.txt\n", encoding="utf-8")  # fmt: skip
    path = tmp_path / "claims.yaml"
    path.write_text(TEN_MISTAKES, encoding="utf-8")
    return path


def test_ten_mistakes_give_ten_located_messages_in_one_run(ten_mistakes: Path) -> None:
    validate = subprocess.run(
        [sys.executable, "-c", "import sys; from factcheck.cli.entry import main; sys.argv[0] = "
         "'factcheck'; main()", "validate", "--claims", str(ten_mistakes)],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert validate.returncode == 1, validate.stderr
    lines = validate.stdout.splitlines()
    assert lines[-1] == "10 problems"
    problems = lines[:-1]
    assert len(problems) == 10, problems
    located = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): \S")
    assert all(located.match(p) for p in problems), problems
    expected = [  # (file, line, what): each mistake once, where it is, in order
        ("claims.yaml", 7, "duplicate entity id 'musk'"),
        ("claims.yaml", 13, "alias 'Musk' of elon is also an alias of musk"),
        ("claims.yaml", 15, "claim id missing"),
        ("claims.yaml", 21, "unknown claim key 'colour'"),
        ("claims.yaml", 22, "duplicate claim id 'a.one'"),
        ("claims.yaml", 28, "quote is not verbatim in sources/s.txt"),
        ("claims.yaml", 30, "negated must be true/false"),
        ("claims.yaml", 32, "amount {'value': 'lots', 'currency': 'USD'} needs a numeric"),
        ("claims.yaml", 33, "date '2015-02-30' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("gone.yaml", 2, "source file sources/gone.txt not found"),
    ]
    for (name, line, what), problem in zip(expected, problems, strict=True):
        m = located.match(problem)
        assert m and m["path"].endswith(name) and int(m["line"]) == line, problem
        assert what in problem, (what, problem)


def test_a_broken_record_during_a_check_is_one_line(ten_mistakes: Path) -> None:
    code, out, err = run("--claims", str(ten_mistakes), SUPPORTED)
    assert_one_line_error(code, err, "(and 9 more problems)")
    assert out == ""


def write_record(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_tags_that_construct_objects_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = write_record(tmp_path, f"claims: !!python/object/apply:os.system ['touch {marker}']\n"
                                  "version: !!python/name:os.system\n")  # fmt: skip
    with pytest.raises(RecordError) as err:
        load_record(path)
    assert len(err.value.problems) == 2
    assert all("is not allowed" in p for p in err.value.problems)
    assert not marker.exists()


def test_an_alias_bomb_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):  # 10**12 nodes once expanded
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join([f'*{prev}'] * 10)}]")
    path = write_record(tmp_path, "\n".join(lines) + "\nclaims: *l\n")
    started = time.monotonic()
    with pytest.raises(RecordError, match="too many YAML nodes"):
        load_record(path)
    assert time.monotonic() - started < 0.5


@pytest.mark.parametrize(
    ("text", "message"),
    [("claims: &a [*a]\n", "alias refers to itself"),
     ("claims: &a {x: *a}\n", "alias refers to itself"),
     ("claims: " + "[" * 20_000 + "]" * 20_000 + "\n", "nested too deeply"),
     ("claims: [\x00]\n", "1:10: invalid YAML: character U+0000"),
     ("claims:\n\t- x\n", "2:1: invalid YAML"),
     ("", "claims database is empty")],
)  # fmt: skip
def test_hostile_yaml_is_one_located_problem(text: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(RecordError) as err:
        load_record(write_record(tmp_path, text))
    (problem,) = err.value.problems
    assert message in problem and "\n" not in problem


def test_the_record_size_is_limited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.record.yamlsafe

    monkeypatch.setattr(factcheck.record.yamlsafe, "MAX_RECORD_BYTES", 100)
    with pytest.raises(RecordError, match="larger than"):
        load_record(write_record(tmp_path, "claims: []\n" + "# padding\n" * 20))


def test_a_source_file_outside_sources_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("The board met in 2015.\n", encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "s.yaml").write_text("id: s\nfile: ../secret.txt\n", encoding="utf-8")
    with pytest.raises(RecordError, match="outside"):
        load_record(write_record(tmp_path, "claims: []\n"))


def test_a_planted_or_damaged_cache_entry_is_never_run(tmp_path: Path, private_cache: Path) -> None:
    """A cache folder someone else can write (a shared CI cache) must not run code."""
    import pickle

    from factcheck import cache

    def build(n: int):  # type: ignore[no-untyped-def]
        return lambda: ({"built": n}, [f"item {n}.0", f"item {n}.1"])

    head, items = cache.cached("k1", build(1), dict)
    assert (head, list(items)) == ({"built": 1}, ["item 1.0", "item 1.1"])
    entry = private_cache / "index-k1.pickle"
    head, items = cache.cached("k1", build(2), dict)  # a signed hit: read lazily
    assert isinstance(items, cache.Items)
    assert (head, items[1], items[-2], len(items)) == ({"built": 1}, "item 1.1", "item 1.0", 2)

    marker = tmp_path / "ran"

    class Boom:
        def __reduce__(self) -> tuple[object, tuple[str, str]]:
            return (open, (str(marker), "w"))  # creates the marker if ever unpickled

    good = entry.read_bytes()
    payload = pickle.dumps(Boom())
    # an item replaced after a genuine head: its own signature fails, the items are rebuilt
    planted_item = good[: -len(pickle.dumps("item 1.1", protocol=5))] + payload
    entry.write_bytes(planted_item)
    head, items = cache.cached("k1", build(3), dict)
    assert head == {"built": 1} and items[1] == "item 3.1"
    # a planted head (no valid signature), a damaged file, an empty one: all rebuilt
    for n, data in enumerate((good[:40] + b"\0" * 32 + payload, b"garbage", b""), start=4):
        entry.write_bytes(data)
        assert cache.cached("k1", build(n), dict)[0] == {"built": n}
    assert not marker.exists()


def test_the_cache_keeps_only_recent_entries(private_cache: Path) -> None:
    from factcheck import cache

    stale, fresh = private_cache / ".index-crashed.tmp", private_cache / ".index-writing.tmp"
    private_cache.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    os.utime(stale, (0, 0))  # left by a write that never finished
    for n in range(cache.KEEP + 5):
        for entry in private_cache.glob("index-*.pickle"):  # older than the one to come
            os.utime(entry, (entry.stat().st_atime, entry.stat().st_mtime - 10))
        cache.cached(f"k{n}", lambda: ({}, []), dict)
    kept = sorted(p.name for p in private_cache.glob("index-*"))
    assert len(kept) == cache.KEEP and "index-k0.pickle" not in kept
    assert fresh.exists() and not stale.exists()  # another writer's file is left alone


def test_a_cached_record_is_read_lazily_and_judges_alike(private_cache: Path) -> None:
    from factcheck import cache, pipeline
    from factcheck.index.store import build_index, open_index
    from factcheck.record import bundled_record_path

    text = "Musk donated $44M to OpenAI. マスク氏は2018年に共同会長を退いた。 Altman is 25."
    fresh = pipeline.check_text(text, build_index(load_record(bundled_record_path())))
    open_index()  # builds and writes the entry
    index = open_index()  # reads it back
    profiles = index.profiles
    assert isinstance(profiles, cache.Items)
    assert pipeline.check_text(text, index) == fresh
    assert 0 < len(profiles._memo) < len(profiles) / 2  # only the claims it needed
    assert [c.id for c in index.record.claims] == [c.id for c in load_record().claims]
