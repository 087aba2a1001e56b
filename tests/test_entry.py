"""The quick path of the entry point reads every argument list exactly as the full command
line (typer) does, or hands it over; and it never imports typer."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import asdict
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.main import get_command

from factcheck.cli.app import app
from factcheck.cli.entry import quick_options
from factcheck.cli.options import Options
from factcheck.guide import FAIL_ON
from factcheck.report import FORMATS


def _plain(choice: object) -> object:
    """A choice as a plain string: typer up to 0.28 keeps the string at parse time, later
    versions the enum member."""
    return getattr(choice, "value", choice)


def typer_reads(args: list[str]) -> dict[str, Any] | None:
    """The check's parameters as typer parses ``args``; None for a usage error or --help."""
    try:
        ctx = get_command(app).make_context("factcheck", list(args))
    except Exception:  # usage errors, --help (click's Exit)
        return None
    lists = {k for k, v in asdict(Options()).items() if isinstance(v, list)}
    return {k: list(v or []) if k in lists else _plain(v) for k, v in ctx.params.items()}


CASES = [
    [],
    ["Musk donated $44M to OpenAI."],
    ["--format", "json", "one", "two"],
    ["--format=sarif", "-f", "a.md", "--file", "b.md", "--file=c.md"],
    ["-", "--fail-on", "unknown", "-q", "--no-color"],
    ["--files", "a.md", "b.txt", "--claims", "my/claims.yaml", "--config=x.toml"],
    ["--explain", "--scores", "text", "--", "--format", "-q"],
    ["--show-config", "--format", "github", "--fail-on=never"],
    ["-f", "-", "--format", "rdjsonl"],
    ["text", "--format", "text", "--format", "json"],  # the last one wins
    ["--stdin-filename", "docs/a.md", "-o", "out.json", "--output-file=r.sarif"],
    ["--files", "docs", "--exclude", "old/", "--exclude=*.txt", "--extend-exclude", "x"],
    ["--force-exclude", "--no-respect-gitignore", "--version", "a"],
    ["--files", "docs", "--diff-base", "origin/main", "--diff-base=HEAD~1"],
    ["--fix", "--diff", "-f", "draft.md"],
    ["--files", "docs", "--scheduler", "tcp://10.0.0.5:8786", "--format=json"],
    ["-f", "a.md", "--scheduler=local"],
]
HANDED_OVER = [
    ["--help"],
    ["-h"],
    ["--install-completion"],
    ["--format", "xml", "t"],
    ["--format"],
    ["-f"],
    ["--bogus"],
    ["-qf", "a.md"],
    ["--explain=yes"],
    ["claims", "--about", "Musk"],
    ["sources"],
    ["validate"],
    ["-f", "--format", "json"],
    ["--fail-on", "always"],
]


@pytest.mark.parametrize("args", CASES)
def test_the_quick_path_reads_arguments_as_typer_does(args: list[str]) -> None:
    quick = quick_options(args)
    assert quick is not None
    assert asdict(quick) == typer_reads(args)


@pytest.mark.parametrize("args", HANDED_OVER)
def test_anything_else_goes_to_the_full_command_line(args: list[str]) -> None:
    assert quick_options(args) is None


TOKENS = st.sampled_from(
    ["--format", "--format=json", "json", "sarif", "xml", "-f", "--file", "--file=x.md", "a.md",
     "-", "--", "-q", "--only-problems", "--explain", "--scores", "--no-color", "--files",
     "--show-config", "--claims", "c.yaml", "--fail-on", "unknown", "never", "--fail-on=x",
     "--config", "p.toml", "--bogus", "-x", "Musk", "マスク氏", "--help", "claims", "=", "-fq",
     "--version", "-o", "out.md", "--stdin-filename", "--exclude", "--extend-exclude=old",
     "--force-exclude", "--scheduler", "local"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=8))
def test_any_argument_list_is_read_as_typer_reads_it_or_handed_over(args: list[str]) -> None:
    quick = quick_options(args)
    if quick is not None:
        assert asdict(quick) == typer_reads(args)


def test_choices_are_the_full_command_lines() -> None:
    from factcheck.cli.app import FailOn, Format

    assert tuple(f.value for f in Format) == tuple(FORMATS)
    assert tuple(f.value for f in FailOn) == tuple(FAIL_ON)
    assert set(asdict(Options())) == set(typer_reads([]) or {})


def test_the_quick_path_does_not_import_typer() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['factcheck', '--format', 'json', 'Musk donated $44M to OpenAI.']\n"
        "from factcheck.cli.entry import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n"
        "    sys.stderr.write(f'exit={e.code} typer={\"typer\" in sys.modules}')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert proc.stderr.endswith("exit=0 typer=False"), proc.stderr
    assert '"verdict": "supported"' in proc.stdout


def test_shell_completion_reaches_the_full_command_line() -> None:
    import os

    env = {**os.environ, "_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "factcheck --form",
           "COMP_CWORD": "1"}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv = ['factcheck']; "
         "from factcheck.cli.entry import main; main()"],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.stdout.split() == ["--format"], proc.stdout + proc.stderr
