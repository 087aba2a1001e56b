"""The examples in README.md and docs/ci-integration.md, run: every command line of the
README's usage and record-browsing blocks, its Python API example, and the console examples
of the CI guide (each line they show is a line the run prints)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
RECORD = (Path(__file__).parent / "golden" / "record").resolve()
DRAFT = Path(__file__).parent / "golden_text" / "draft.md"
TRUE = "Musk and Altman co-founded OpenAI in 2015."
FALSE = "Musk and Altman co-founded OpenAI in 2019."

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def blocks(path: Path, lang: str, after: str = "") -> list[str]:
    """The ``lang`` code blocks of a Markdown file (those after the heading ``after``)."""
    text = path.read_text(encoding="utf-8")
    if after:
        text = text[text.index(after) :]
        following = re.search(r"\n#{1,3} ", text[len(after) :])
        text = text[: len(after) + following.start()] if following else text
    return re.findall(rf"```{lang}\n(.*?)```", text, re.DOTALL)


def commands(block: str) -> list[tuple[str, str]]:
    """(command, comment) for each line of a shell block."""
    out = []
    for line in block.splitlines():
        command, _, comment = line.partition("  # ")
        if command.strip():
            out.append((command.strip(), comment.strip()))
    return out


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A folder with what the README's examples name: draft.md, story.md, notes/, report
    targets, and my/claims.yaml (a small record of its own)."""
    shutil.copy(DRAFT, tmp_path / "draft.md")
    (tmp_path / "story.md").write_text("Musk donated $44M to OpenAI.\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("Musk donated $44M to OpenAI.\n", encoding="utf-8")
    shutil.copytree(RECORD, tmp_path / "my")
    return tmp_path


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False, stdin=subprocess.DEVNULL)  # fmt: skip


README_LINES = [
    *commands(blocks(ROOT / "README.md", "sh", "## Use")[0]),
    *commands(blocks(ROOT / "README.md", "sh", "### Browse the record")[0]),
]


@pytest.mark.parametrize(("command", "comment"), README_LINES)
def test_readme_command_lines_run(command: str, comment: str, workspace: Path) -> None:
    proc = shell(command, workspace)
    assert "Traceback" not in proc.stderr
    expected = 1 if "exit 1" in comment or "contradicted" in comment else 0
    if "draft.md" in command and "claims" not in command.split()[1:2]:
        expected = 1  # the draft contradicts the record
    assert proc.returncode == expected, (command, proc.stdout[-500:], proc.stderr)
    if command.startswith("factcheck claims"):
        assert re.search(r"^[1-9]\d* of \d+ claims$", proc.stdout, re.MULTILINE) or (
            "--show" in command
        ), proc.stdout  # a filter that finds nothing would be a poor example
    if "-o report.json" in command:
        assert (workspace / "report.json").is_file()
        assert proc.stdout.endswith("; the report is in report.json\n")


def test_readme_python_example_runs(workspace: Path) -> None:
    (code,) = blocks(ROOT / "README.md", "python", "## Python API")
    proc = subprocess.run([sys.executable, "-c", code], cwd=workspace, capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("supported musk.donations.total")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The layout the CI guide's console examples assume: a config and docs/ with three
    statements, one of them contradicted."""
    (tmp_path / "factcheck.toml").write_text(f'claims = "{RECORD.as_posix()}"\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(f"{TRUE}\n\n{FALSE}\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text(f"{TRUE}\n", encoding="utf-8")
    return tmp_path


CONSOLE = blocks(ROOT / "docs" / "ci-integration.md", "console")


@pytest.mark.parametrize("block", CONSOLE)
def test_ci_guide_console_examples_print_what_they_show(block: str, project: Path) -> None:
    command, *shown = block.rstrip("\n").split("\n")
    assert command.startswith("$ ")
    proc = shell(command[2:], project)
    printed = (proc.stdout + proc.stderr).splitlines()
    assert proc.returncode in (0, 1), proc.stderr
    for line in shown:
        assert line in printed, (line, printed)


def test_the_ci_guide_has_console_examples() -> None:
    assert len(CONSOLE) >= 2
