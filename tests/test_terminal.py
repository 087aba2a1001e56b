"""The terminal experience: the text report's layout (golden renders at 100 columns, no colour),
highlights, colour and width rules in real terminals (a pty), control characters, progress.

Regenerate the golden renders in tests/golden_text/ with ``pytest --update-golden``.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

from factcheck.marks import locate_conflict
from factcheck.model import Citation, Conflict, ConflictKind, Finding, Span, Verdict
from factcheck.report import Context
from factcheck.report.highlight import highlights
from factcheck.report.terminal import breaks, clean
from factcheck.report.text import render
from tests.helpers import run_factcheck

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden_text"
SMALL = "tests/golden/record/claims.yaml"  # the tiny record: stable while the bundled one grows
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
EN = ["Musk donated $44M to OpenAI.", "Musk and Altman co-founded OpenAI in 2019.",
      "Tesla's Dojo supercomputer trains self-driving models."]  # fmt: skip
GOLDEN_CASES: dict[str, list[str]] = {  # command lines, the check's and the record commands'
    # the one render from the bundled record, kept to statements at the core of it
    "report_en_bundled": EN,
    "report_small": [
        "--claims",
        SMALL,
        "Musk is 14 years older than Altman.",
        "マスク氏とアルトマン氏は2018年にOpenAIを共同で設立した。",
        "Musk is 30 years older than Altman.",
    ],
    "report_file_small": ["--claims", SMALL, "-f", "tests/golden_text/draft.md"],
    "report_file_small_q": ["--claims", SMALL, "-q", "-f", "tests/golden_text/draft.md"],
    "claims_small": ["claims", "--claims", SMALL],
    "claim_show_small": ["claims", "--show", "musk.age_gap", "--claims", SMALL],
    "sources_small": ["sources", "--claims", SMALL],
}


def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")


def _compare(name: str, out: str, update: bool) -> None:
    expected = GOLDEN / f"{name}.txt"
    if update:
        expected.write_text(out, encoding="utf-8", newline="\n")
    assert expected.is_file(), f"missing {expected}: run pytest --update-golden"
    assert out == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_render(name: str, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    _plain_env(monkeypatch)
    result = run_factcheck(*GOLDEN_CASES[name])
    assert result.exit_code in (0, 1), result.stderr
    assert "\x1b" not in result.stdout
    _compare(name, result.stdout, update_golden)


# --------------------------------------------------------------------------- the formatter


def finding(statement: str, verdict: Verdict, reason: str | None = None, passage: str = "",
            claim: str = "the claim in English", **kw: object) -> Finding:  # fmt: skip
    cite = Citation("src", "sources/src.txt", 34, passage) if passage else None
    return Finding("draft.md", statement, Span(0, len(statement)), verdict, 77.2,
                   "c.one" if passage else None, claim if passage else None, reason, cite, **kw)  # type: ignore[arg-type]  # fmt: skip


def picked(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    return [text[a:b] for a, b, _ in spans]


A, D, K = ConflictKind.AMOUNT, ConflictKind.DATE, ConflictKind.COUNT


@pytest.mark.parametrize(
    ("statement", "conflict", "passage", "said", "source"),
    [("マスク氏はOpenAIに5000万ドルを寄付した。",
      Conflict(A, "amount differs: the statement says $50M; the source says $44M", "$50M", "$44M"),
      "起訴状には、マスク氏が最終的に4400万ドルを寄付したことが記されている。", "5000万ドル", "4400万ドル"),
     ("Musk and Altman co-founded OpenAI in 2019.",
      Conflict(D, "date differs: the statement says 2019; the source says 2015", "2019", "2015"),
      "マスクとアルトマンは2015年、非営利の研究機関であるOpenAIを共同で設立した。", "2019", "2015年"),
     ("Musk donated $44M to OpenAI.", None,
      "起訴状には、マスク氏が最終的に4400万ドルを寄付したことが記されている。", "$44M", "4400万ドル"),
     # the source's own wording; full-width digits keep their original offsets
     ("マスクは５０００万ドルを寄付した。",
      Conflict(A, "amount differs: the statement says $50M; the source says $44M (4400万ドル)",
               "$50M", "4400万ドル"),
      "最終的に4400万ドルを寄付した。彼は2016年に1500万ドルを寄付した。", "５０００万ドル", "4400万ドル"),
     ("Musk is 30 years older than Altman.",
      Conflict(K, "count differs: the statement says 30 years; the source says 14 years",
               "30 years", "14 years"),
      "Musk is 14 years older than Altman.", "30 years", "14 years")],
)  # fmt: skip
def test_highlights_mark_the_values_in_statement_and_passage(
    statement: str, conflict: Conflict | None, passage: str, said: str, source: str
) -> None:
    """The core locates each side's value (by meaning: $50M finds 5000万ドル) and the
    report marks those spans."""
    if conflict is None:
        f = finding(statement, Verdict.SUPPORTED, "the record states this", passage)
    else:
        located = locate_conflict(conflict, statement, passage)
        f = finding(statement, Verdict.CONTRADICTED, conflict.reason, passage, conflict=located)
    st, ps = highlights(f)
    assert picked(f.statement, st) == [said]
    assert picked(f.citation.passage, ps) == [source]  # type: ignore[union-attr]


def test_highlights_survive_values_that_are_nowhere() -> None:
    odd = Conflict(A, "amount differs: the statement says $9B; the source says $1", "$9B", "$1")
    for c in (locate_conflict(odd, "Nothing to see here.", "A passage."), None):
        f = finding("Nothing to see here.", Verdict.CONTRADICTED, c.reason if c else None,
                    "A passage.", conflict=c)  # fmt: skip
        assert highlights(f) == ([], [])
        assert "Nothing to see here." in render([f], Context(texts={}, color=True))


def test_report_parts_options_and_summary() -> None:
    fs = [
        finding("Musk donated $44M to OpenAI.", Verdict.SUPPORTED, "the record states this",
                "起訴状には、マスク氏が最終的に4400万ドルを寄付したことが記されている。",
                "According to the complaint, Musk donated $44 million to OpenAI in total.",
                considered=(("c.two", 87.2), ("c.one", 83.0))),
        finding("Tesla's Dojo trains models.", Verdict.UNKNOWN,
                "the record does not address this statement"),
    ]  # fmt: skip
    out = render(fs, Context(texts={}))
    assert "✓ supported" in out and "? unknown" in out and "in English: According" in out
    assert "sources/src.txt:34" in out and "claim c.one" in out and "score" not in out
    assert out.rstrip().endswith("2 statements: ✓ 1 supported, ✗ 0 contradicted, ? 1 unknown")
    out = render(fs, Context(texts={}, explain=True))
    assert "score 77.2" in out and re.search(r"c\.one +83\.0 +◂ cited", out)
    assert "why      the record states this" in out
    out = render(fs, Context(texts={}, only_problems=True))
    assert "✓ supported " not in out and "(1 supported not shown)" in out
    assert "score 77.2" in render(fs, Context(texts={}, show_scores=True))
    narrow = render(fs, Context(texts={}, width=40))
    assert max(cell_len(line) for line in narrow.splitlines()) <= 40
    assert "in English:" in narrow  # under the passage, not beside it


def test_report_summarises_each_file_when_several() -> None:
    fs = [finding("A.", Verdict.SUPPORTED), finding("B.", Verdict.UNKNOWN)]
    fs.append(Finding("notes.txt", "C.", Span(0, 2), Verdict.CONTRADICTED, 60.0))
    out = render(fs, Context(texts={}))
    assert re.search(r"draft\.md +1 +0 +1", out) and re.search(r"notes\.txt +0 +1 +0", out)


# --------------------------------------------------------------------------- control characters


HOSTILE = "Musk\x1b[2J\x1b]0;owned\x07 donated \u202e$44M\u202c\x9b31m to\x00 OpenAI.\r"


def test_clean_neutralises_controls_and_bidi_but_keeps_newline_and_tab() -> None:
    out = clean(HOSTILE + "\tnext\nline\u2066x\u2069\ufeff\x85")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]", out)
    assert "\\x1b[2J" in out and "\\u202e" in out and "\\x9b" in out and "\\x85" in out
    assert "\tnext\nline" in out
    assert clean("マスク氏はOpenAIに寄付した。") == "マスク氏はOpenAIに寄付した。"


@pytest.mark.parametrize("color", [False, True])
def test_render_never_writes_raw_controls_from_the_input(color: bool) -> None:
    f = Finding(
        "dra\x1b[31mft.md", HOSTILE, Span(0, 5), Verdict.CONTRADICTED, 70.0, "c\x1bid",
        "claim \u202etext", "amount differs: the statement says $44M\x07; the source says $4M",
        Citation("s", "sources/\x1b]8;;x\x07s.txt", 3, "起訴状\x1b[1m\u2067には4万ドル"),
        (("c\x9bx", 1.0),),
    )  # fmt: skip
    out = render([f], Context(texts={}, color=color, explain=True))
    assert "\x1b[2J" not in out and "\x1b]" not in out and "\x07" not in out
    assert not re.search(r"[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)  # fmt: skip
    if not color:
        assert "\x1b" not in out and "\r" not in out


def test_breaks_measure_wide_characters_and_keep_japanese_punctuation() -> None:
    text = "マスクとアルトマンは2015年、全人類に利益をもたらす方法でAIを発展させることを目的に、非営利の研究機関であるOpenAIを共同で設立した。"  # fmt: skip
    for width in (10, 21, 40, 44):
        cuts = [0, *breaks(text, width), len(text)]
        lines = [text[a:b] for a, b in itertools.pairwise(cuts)]
        assert "".join(lines) == text
        assert all(cell_len(line) <= width for line in lines)
        assert not any(line[0] in "、。」" for line in lines[1:])
    cuts = breaks("Musk and Altman co-founded OpenAI in 2015.", 20)
    assert cuts == [16, 36]  # at spaces, never inside a word


# --------------------------------------------------------------------------- real terminals


def exe() -> str:
    found = shutil.which("factcheck", path=str(Path(sys.executable).parent))
    assert found, "the factcheck command is not installed (pip install -e .)"
    return found


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "GITHUB_STEP_SUMMARY")}  # fmt: skip
    env["TERM"] = "xterm-256color"
    env.update(extra)
    return env


def run_tty(args: list[str], tty: set[str], *, stdin: Path | None = None, cols: int = 100,
            env: dict[str, str] | None = None, until: str | None = None,
            timeout: float = 60.0) -> tuple[str, str, str]:  # fmt: skip
    """Run the command with ``tty`` ("stdout", "stderr") on a pseudo-terminal of ``cols``
    columns; (terminal output, stdout, stderr), the last two when not on the terminal. With
    ``until``, the command is stopped once that text appears on the terminal."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        stdin_file = stdin.open("rb") if stdin else subprocess.DEVNULL
        proc = subprocess.Popen(
            args, cwd=ROOT, env=env or clean_env(), stdin=stdin_file,
            stdout=slave if "stdout" in tty else out, stderr=slave if "stderr" in tty else err,
        )  # fmt: skip
        os.close(slave)
        deadline = time.monotonic() + timeout
        seen = _read_tty(master, proc, until, deadline)
        if not (until and until in seen):
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=max(0.0, deadline - time.monotonic()))
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        os.close(master)
        if stdin:
            stdin_file.close()  # type: ignore[union-attr]
        out.seek(0)
        err.seek(0)
        return seen, out.read().decode(), err.read().decode()


def _read_tty(master: int, proc: subprocess.Popen[bytes], until: str | None, deadline: float) -> str:  # fmt: skip
    data = b""
    while time.monotonic() < deadline:
        exited = proc.poll() is not None  # before select: what it wrote is readable by then
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every writer has closed the terminal
                break
            data += chunk
            if not chunk or (until and until in data.decode(errors="replace")):
                break
        elif exited:
            break
    return data.decode(errors="replace").replace("\r\n", "\n")


def test_piped_output_has_no_escape_codes() -> None:
    proc = subprocess.run(f"{exe()} '{EN[1]}' 'Musk donated $44M to OpenAI.' | cat", shell=True,
                          cwd=ROOT, env=clean_env(), capture_output=True, text=True, check=False)  # fmt: skip
    assert "contradicted" in proc.stdout and "\x1b" not in proc.stdout + proc.stderr
    forced = subprocess.run([exe(), EN[1]], cwd=ROOT, env=clean_env(FORCE_COLOR="1"),
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert "\x1b[" in forced.stdout
    both = subprocess.run([exe(), EN[1]], cwd=ROOT, env=clean_env(FORCE_COLOR="1", NO_COLOR="1"),
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert "\x1b" not in both.stdout
    assert "─" * 100 in forced.stdout  # not a terminal: 100 columns


def test_terminal_gets_colour_unless_told_otherwise() -> None:
    args = [exe(), "--claims", SMALL, "Musk is 30 years older than Altman."]
    seen, _, _ = run_tty(args, {"stdout"})
    assert "\x1b[1;4;31m30 years" in seen  # the differing value: bold, underlined, red
    for env, extra in ((clean_env(NO_COLOR="1"), []), (clean_env(), ["--no-color"]),
                       (clean_env(TERM="dumb"), [])):  # fmt: skip
        seen, _, _ = run_tty([*args, *extra], {"stdout"}, env=env)
        assert "contradicted" in seen and "\x1b" not in seen, extra or env.get("NO_COLOR")


def test_width_is_the_terminals_or_columns() -> None:
    args = [exe(), "--claims", SMALL, "--no-color", "Musk is 30 years older than Altman, " * 3]
    seen, _, _ = run_tty(args, {"stdout"}, cols=60)
    assert "─" * 60 + "\n" in seen and max(map(cell_len, seen.splitlines())) <= 60
    seen, _, _ = run_tty(args, {"stdout"}, cols=60, env=clean_env(COLUMNS="80"))
    assert "─" * 80 + "\n" in seen


def test_progress_shows_on_a_terminal_for_a_large_input(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Musk is 14 years older than Altman.\n" * 20_000, encoding="utf-8")
    args = [exe(), "--claims", SMALL, "--format", "json"]
    seen, out, _ = run_tty(args, {"stderr"}, stdin=big, until="statements", timeout=90)
    assert "checking <stdin>" in seen and "/20000 statements" in ANSI.sub("", seen)
    assert "\x1b" not in out
    # not a terminal: nothing at all on standard error for the same run
    seen, out, err = run_tty(args, set(), stdin=big, timeout=60)
    assert err == "" and seen == ""
    assert out.count('"verdict"') == 20_000


def test_progress_only_for_long_runs_and_never_in_pipes(tmp_path: Path) -> None:
    names = []
    for i in range(5):  # more than 3 files, 600 statements
        (tmp_path / f"part{i}.txt").write_text("Musk is 30 years older than Altman.\n" * 120)
        names += ["-f", str(tmp_path / f"part{i}.txt")]
    args = [exe(), "--claims", SMALL, "--format", "json", *names]
    seen, out, _ = run_tty(args, {"stderr"})
    assert "checking" in seen and "(5/5 files)" in ANSI.sub("", seen)
    assert out.count('"verdict": "contradicted"') == 600
    seen, out, err = run_tty(args, set())
    assert err == "" and out.count('"verdict": "contradicted"') == 600
    seen, _, _ = run_tty([exe(), "--claims", SMALL, "Musk is 14 years older than Altman."], {"stderr"})  # fmt: skip
    assert seen == ""  # a short run: no progress even on a terminal


def test_tabs_and_long_words_stay_inside_the_width() -> None:
    f = Finding("x.txt", "A\tB\tC " * 20 + "x" * 90, Span(0, 3), Verdict.UNKNOWN, 0.0, reason="r")
    out = render([f], Context(texts={}, width=40))
    assert max(cell_len(line) for line in out.splitlines()) <= 40
