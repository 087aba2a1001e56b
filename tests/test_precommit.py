"""The pre-commit hook, run the way pre-commit runs it: the entry, then the file names."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
RECORD = (Path(__file__).parent / "golden" / "record").resolve()
TRUE = "Musk and Altman co-founded OpenAI in 2015.\n"
FALSE = "# Draft\n\nMusk and Altman co-founded OpenAI in 2019.\n"


def hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (only,) = [h for h in hooks if h["id"] == "factcheck"]
    return dict(only)


def entry_command() -> list[str]:
    """The hook's entry and default args, as pre-commit runs them, with ``factcheck``
    resolved to the installed command."""
    words = [*shlex.split(str(hook()["entry"])), *map(str, hook().get("args") or [])]
    assert words[0] == "factcheck"
    exe = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or shutil.which(
        "factcheck"
    )
    assert exe, "the factcheck command is not installed (pip install -e .)"
    return [exe, *words[1:]]


def test_hook_definition() -> None:
    h = hook()
    assert h["language"] == "python"
    assert h["types_or"] == ["markdown", "plain-text"]
    assert h.get("pass_filenames", True) is True


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [(TRUE, TRUE, 0), (FALSE, TRUE, 1), (TRUE, FALSE, 1), (FALSE, FALSE, 1)],
)
def test_entry_with_two_file_names(first: str, second: str, expected: int, tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(f'claims = "{RECORD.as_posix()}"\n', encoding="utf-8")
    (tmp_path / "one.md").write_text(first, encoding="utf-8")
    (tmp_path / "two.txt").write_text(second, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    proc = subprocess.run([*entry_command(), "one.md", "two.txt"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert proc.returncode == expected, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    if expected:
        assert "contradicted" in proc.stdout and "2019" in proc.stdout


def test_the_hook_prints_only_problems_by_default_and_honours_excludes(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(
        f'claims = "{RECORD.as_posix()}"\nextend_exclude = ["vendor/"]\n', encoding="utf-8"
    )
    (tmp_path / "one.md").write_text(TRUE + "\n" + FALSE, encoding="utf-8")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "copy.md").write_text(FALSE, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    proc = subprocess.run([*entry_command(), "one.md", "vendor/copy.md"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "2019" in proc.stdout and "(1 supported not shown)" in proc.stdout
    assert "vendor/copy.md" not in proc.stdout  # excluded although staged
