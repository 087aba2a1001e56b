"""A crash is never a verdict (issue 14).

Each case once ended in a traceback and exit status 1 (the code for "a statement reached the
failing verdict"), hung, or read without bound. Each now ends with a report, complete and
valid for its format, or with exit status 2 and one line on standard error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck.errors import RecordError
from factcheck.normalize.numbers import extract_money, format_usd
from factcheck.normalize.numerals import HUGE
from factcheck.record import load_record
from tests.helpers import assert_one_line_error, command

STATEMENT = "Musk donated $50M to OpenAI."  # contradicted by the bundled record: exit 1


def run(env: dict[str, str], *args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(command(*args), env=env, text=True, timeout=120, check=False, **kw)


def assert_json_report(proc: subprocess.CompletedProcess[str], code: int, statements: int) -> Any:
    """A finished check: its exit status, and the whole JSON report on standard output."""
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["statements"] == statements == len(report["results"])
    return report


# --------------------------------------------------------------------------- internal errors

_BROKEN = """
import sys
import factcheck.pipeline
def broken(*args, **kwargs):
    raise ValueError("a bug\\nover two lines")
factcheck.pipeline.judge_statement = broken
sys.argv = ["factcheck", "--format", "json", "Musk donated $50M to OpenAI."]
from factcheck.cli.entry import main
main()
"""


def test_an_unexpected_exception_is_exit_2_and_one_line(cli_env: dict[str, str]) -> None:
    proc = subprocess.run([sys.executable, "-c", _BROKEN], env=cli_env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    assert_one_line_error(proc.returncode, proc.stderr, "internal error: ValueError: a bug over",
                          "please report it", "FACTCHECK_DEBUG")  # fmt: skip
    debug = subprocess.run([sys.executable, "-c", _BROKEN], env={**cli_env, "FACTCHECK_DEBUG": "1"},
                           capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert debug.returncode == 2
    assert "Traceback" in debug.stderr and debug.stderr.endswith("please report it\n")


# --------------------------------------------------------------------------- folder walk


def test_an_unreadable_entry_in_a_folder_is_skipped_with_a_warning(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    """As ``--file /`` meets /proc/1/cwd: a file that cannot even be looked at."""
    target = Path("/proc/1/cwd")
    try:
        os.stat(target)
        pytest.skip("/proc/1/cwd can be looked at here: no unreadable entry to walk past")
    except PermissionError:
        pass
    except OSError:
        pytest.skip("no /proc/1/cwd here")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(STATEMENT + "\n", encoding="utf-8")
    (docs / "b.md").symlink_to(target)
    proc = run(cli_env, "--format", "json", "--file", str(docs))
    report = assert_json_report(proc, 1, 1)
    assert report["results"][0]["verdict"] == "contradicted"
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("factcheck: warning: ")
    assert "b.md: skipped" in proc.stderr


# --------------------------------------------------------------------------- numbers


def test_huge_amounts_in_the_text_are_read_as_what_they_say(cli_env: dict[str, str]) -> None:
    digits = "9" * 320  # a float overflows from 309 digits
    text = f"Musk donated ${digits} to OpenAI. Musk donated $1e400 to OpenAI."
    report = assert_json_report(run(cli_env, "--format", "json", text), 1, 2)
    first, second = report["results"]
    assert first["verdict"] == second["verdict"] == "contradicted"
    assert f"${digits}" in first["reason"] and "$1e400" in second["reason"]


def test_exponent_notation_is_one_number() -> None:
    (q,) = extract_money("a gift of $1e400 to the lab")
    assert (q.lo, q.text) == (HUGE, "$1e400") and format_usd(q) == "$1e400"
    (q,) = extract_money("a gift of 2.5e6 dollars")
    assert (q.lo, q.text) == (2.5e6, "2.5e6 dollars") and format_usd(q) == "$2.5M"
    (q,) = extract_money("$44M, or 4400万ドル in yen terms")[:1]  # the common case unchanged
    assert (q.lo, q.text) == (44e6, "$44M")


CLEAN_RECORD = """\
entities:
  - {id: musk, kind: person, name: {en: Elon Musk, ja: イーロン・マスク}, aliases: [Musk]}
claims:
  - id: musk.gift
    source: s
    quote: Musk gave $44 million.
    text: {en: Musk gave OpenAI $44 million., ja: マスクは4400万ドルを寄付した。}
    entities: [musk]
    values: {amounts: [AMOUNT]}
"""


def write_record(folder: Path, amount: str = "{value: 44000000, currency: USD}",
                 text: str = CLEAN_RECORD) -> Path:  # fmt: skip
    sources = folder / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    (sources / "s.yaml").write_text("id: s\nfile: s.txt\n", encoding="utf-8")
    (sources / "s.txt").write_text("Musk gave $44 million.\n", encoding="utf-8")
    path = folder / "claims.yaml"
    path.write_text(text.replace("AMOUNT", amount), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(RecordError) as err:
        load_record(path)
    return err.value.problems


def nested(depth: int) -> str:
    return "{value: 1, currency: " + "[" * depth + "USD" + "]" * depth + "}"


@pytest.mark.parametrize(
    ("amount", "needle"),
    [
        ("{value: " + "1" + "0" * 400 + ", currency: USD}", "at most"),  # OverflowError once
        (nested(500), "nested more than"),  # RecursionError in the cache once
        ("{value: -5, currency: USD}", "not below 0"),
        ("{min: -5, max: 3, currency: USD}", "not below 0"),
        ("{value: 5, curency: USD}", "unknown amount key 'curency'"),
        ("{vaule: 5, min: 1, max: 9, currency: USD}", "unknown amount key 'vaule'"),
    ],
)
def test_validate_refuses_what_checking_cannot_handle(
    amount: str, needle: str, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    path = write_record(tmp_path, amount)
    found = problems(path)
    assert any(needle in p for p in found), found
    assert all(p.startswith(f"{path}:") for p in found), found  # located
    proc = run(cli_env, "validate", "--claims", str(path))
    assert proc.returncode == 1 and needle in proc.stdout and "Traceback" not in proc.stderr
    proc = run(cli_env, "--claims", str(path), "--format", "json", "Musk gave OpenAI $44M.")
    assert_one_line_error(proc.returncode, proc.stderr, needle)
    assert proc.stdout == ""


def test_a_clean_record_with_amounts_and_capital_letter_alias_passes(tmp_path: Path) -> None:
    path = write_record(
        tmp_path, text=CLEAN_RECORD.replace("aliases: [Musk]", "aliases: [Musk, X]")
    )
    assert load_record(path).claims[0].values["amounts"] == [{"value": 44000000, "currency": "USD"}]
    assert load_record(write_record(tmp_path, nested(20))).claims  # some nesting is fine


@pytest.mark.parametrize("alias", ['""', '"  "', "a", "ä", "1"])
def test_validate_refuses_an_alias_that_would_match_ordinary_text(
    alias: str, tmp_path: Path
) -> None:
    path = write_record(
        tmp_path, text=CLEAN_RECORD.replace("aliases: [Musk]", f"aliases: [Musk, {alias}]")
    )
    assert any("would match ordinary text" in p for p in problems(path))


# --------------------------------------------------------------------------- configuration


def test_a_bad_include_pattern_is_a_located_config_error(tmp_path: Path, cli_env: dict[str, str]) -> None:  # fmt: skip
    config = tmp_path / "factcheck.toml"
    config.write_text('fail_on = "contradicted"\ninclude = ["[z-a].md"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(STATEMENT, encoding="utf-8")
    proc = run(cli_env, "--file", str(tmp_path), cwd=tmp_path)
    assert_one_line_error(
        proc.returncode, proc.stderr, "factcheck.toml:2: include: bad pattern '[z-a].md'"
    )


def test_a_config_that_is_not_a_regular_file_is_refused_at_once(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)  # no writer: reading it would wait forever
    for config in ("/dev/zero", str(fifo)):  # /dev/zero: read until the kernel kills it
        proc = run(cli_env, "--config", config, STATEMENT)
        assert_one_line_error(proc.returncode, proc.stderr, config, "not a regular file")


def test_a_config_file_is_read_up_to_a_bound(tmp_path: Path, cli_env: dict[str, str]) -> None:
    from factcheck.config import MAX_CONFIG_BYTES

    big = tmp_path / "factcheck.toml"
    big.write_text("# padding\n" * (MAX_CONFIG_BYTES // 10 + 1), encoding="utf-8")
    proc = run(cli_env, "--config", str(big), STATEMENT)
    assert_one_line_error(proc.returncode, proc.stderr, "larger than")


# --------------------------------------------------------------------------- standard output


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "rdjsonl"])
def test_a_full_standard_output_is_exit_2_and_one_line(fmt: str, cli_env: dict[str, str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w", encoding="utf-8") as full:
        proc = run(cli_env, "--format", fmt, STATEMENT, stdout=full)
    assert_one_line_error(proc.returncode, proc.stderr, "cannot write the report: No space left")


def test_a_closed_standard_output_is_exit_2_and_one_line(cli_env: dict[str, str]) -> None:
    proc = subprocess.run(["sh", "-c", '"$@" >&-', "sh", *command(STATEMENT)], env=cli_env,
                          capture_output=False, stderr=subprocess.PIPE, text=True, timeout=120,
                          check=False)  # fmt: skip
    assert_one_line_error(proc.returncode, proc.stderr, "standard output is closed")


# --------------------------------------------------------------------------- home folder

_NO_PASSWD = """
import os, pwd, sys
def missing(uid):
    raise KeyError(uid)
pwd.getpwuid = missing  # a user with no passwd entry
os.environ.pop("HOME", None)
sys.argv = ["factcheck", "--format", "json", "Musk donated $50M to OpenAI."]
from factcheck.cli.entry import main
main()
"""


def test_no_home_folder_and_no_passwd_entry_checks_without_a_cache(cli_env: dict[str, str]) -> None:
    env = {k: v for k, v in cli_env.items() if not k.startswith(("HOME", "XDG_"))}
    proc = subprocess.run([sys.executable, "-c", _NO_PASSWD], env=env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    assert_json_report(proc, 1, 1)
    assert proc.stderr == ""


def test_an_empty_home_puts_nothing_under_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import cache

    for name in ("FACTCHECK_CACHE_DIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    for home in ("", "relative/home"):
        monkeypatch.setenv("HOME", home)
        assert cache.cache_dir() is None and cache._secret() is None
        built = cache.cached("k", lambda: ({"built": 1}, ["item"]), dict)
        assert built == ({"built": 1}, ["item"])  # built, never stored
    monkeypatch.setenv("HOME", "/home/someone")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # ignored, as the XDG specification says
    assert cache.cache_dir() == Path("/home/someone/.cache/factcheck")


# --------------------------------------------------------------------------- file names

ODD_NAME = b"caf\xe9\x1b[31m.md"  # not UTF-8, and an escape sequence


def _odd_file(tmp_path: Path) -> bytes:
    path = os.path.join(os.fsencode(tmp_path), ODD_NAME)
    with open(path, "wb") as fh:
        fh.write(STATEMENT.encode() + b"\n")
    return path


def test_a_file_name_that_is_not_utf8_in_sarif(tmp_path: Path, cli_env: dict[str, str]) -> None:
    path = _odd_file(tmp_path)
    proc = subprocess.run([os.fsencode(sys.executable), b"-m", b"factcheck", b"--format", b"sarif",
                           b"--file", path], env=cli_env, capture_output=True, timeout=120,
                          check=False)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == b""
    sarif = json.loads(proc.stdout)
    (result,) = sarif["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("caf%E9%1B%5B31m.md")  # the bytes on disk, percent-encoded


def test_escape_sequences_in_a_file_name_never_reach_github_output(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    path = _odd_file(tmp_path)
    summary = tmp_path / "summary.md"
    proc = subprocess.run([os.fsencode(sys.executable), b"-m", b"factcheck", b"--format", b"github",
                           b"--file", path], env={**cli_env, "GITHUB_STEP_SUMMARY": str(summary)},
                          capture_output=True, timeout=120, check=False)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    for output in (proc.stdout, summary.read_bytes()):
        assert b"\x1b" not in output and b"\xe9" not in output
        assert b"caf\\xe9\\x1b[31m.md" in output
    assert b"::error file=" in proc.stdout and proc.stdout.endswith(b"0 unknown\n")


# --------------------------------------------------------------------------- environment


def test_factcheck_no_cache_zero_leaves_the_cache_on(tmp_path: Path, cli_env: dict[str, str]) -> None:  # fmt: skip
    for value, used in (("0", True), ("false", True), ("", True), ("1", False), ("yes", False)):
        folder = tmp_path / f"cache-{value or 'empty'}"
        env = {**cli_env, "FACTCHECK_CACHE_DIR": str(folder), "FACTCHECK_NO_CACHE": value,
               "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip
        proc = run(env, "--format", "json", STATEMENT)
        assert_json_report(proc, 1, 1)
        assert bool(list(folder.glob("index-*.pickle"))) is used, value


@pytest.mark.parametrize("jobs", ["abc", "-1", "2.5", "²"])
def test_a_bad_factcheck_jobs_is_exit_2_and_one_line(jobs: str, cli_env: dict[str, str]) -> None:
    proc = run({**cli_env, "FACTCHECK_JOBS": jobs}, "--format", "json", STATEMENT)
    assert_one_line_error(proc.returncode, proc.stderr, "FACTCHECK_JOBS", repr(jobs))
    assert proc.stdout == ""
    assert_json_report(run({**cli_env, "FACTCHECK_JOBS": "2"}, "--format", "json", STATEMENT), 1, 1)


# --------------------------------------------------------------------------- Markdown


@pytest.mark.parametrize(
    ("opening", "line", "why"),
    [
        ("```python", 3, "a code fence (```) is never closed"),
        ("<!-- a note", 3, "an HTML comment (<!--) is never closed"),
        ("<!-- factcheck: off -->", 3, "'factcheck: off' is never turned back on"),
    ],
)
def test_markdown_that_stops_checking_says_where(
    opening: str, line: int, why: str, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    doc = tmp_path / "notes.md"
    doc.write_text(f"{STATEMENT}\n\n{opening}\n\n{STATEMENT.replace('50', '60')}\n",
                   encoding="utf-8")  # fmt: skip
    proc = run(cli_env, "--format", "json", "--file", str(doc))
    assert_json_report(proc, 1, 1)  # the second statement is not checked
    assert (
        proc.stderr
        == f"factcheck: warning: {doc}:{line}: {why}: the rest of the file is not checked\n"
    )
    closed = {
        "```python": "```",
        "<!-- a note": "-->",
        "<!-- factcheck: off -->": "<!-- factcheck: on -->",
    }
    doc.write_text(
        f"{STATEMENT}\n\n{opening}\n\n{closed[opening]}\n\n{STATEMENT}\n", encoding="utf-8"
    )
    proc = run(cli_env, "--format", "json", "--file", str(doc))
    assert_json_report(proc, 1, 2)
    assert proc.stderr == ""
