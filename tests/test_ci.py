"""The CI pieces as they run: the Action's shell steps run by hand with bash (its outputs,
its SARIF file, its exit status), the install step's choice of what to install, and the
step summary within GitHub's limits."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factcheck.model import Finding, Span, Verdict
from factcheck.report import Context
from factcheck.report.github import ANNOTATIONS_SHOWN, SUMMARY_CAP, step_summary

ROOT = Path(__file__).parent.parent
RECORD = (Path(__file__).parent / "golden" / "record").resolve()
TRUE = "Musk and Altman co-founded OpenAI in 2015."
FALSE = "Musk and Altman co-founded OpenAI in 2019."

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def action() -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return data


def step(name: str) -> dict[str, object]:
    runs = action()["runs"]
    assert isinstance(runs, dict)
    (found,) = [s for s in runs["steps"] if s.get("name") == name]
    return dict(found)


def run_step(name: str, cwd: Path, env: dict[str, str], path: str | None = None) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:  # fmt: skip
    """Run one step's script as the runner does (bash -eo pipefail), with ``env`` as its
    inputs; the step outputs it wrote back."""
    outputs = cwd / "github_output.txt"
    outputs.write_text("", encoding="utf-8")
    full = {**os.environ, "NO_COLOR": "1", "GITHUB_OUTPUT": str(outputs), **env}
    full.pop("GITHUB_STEP_SUMMARY", None)
    full["PATH"] = path or f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                           str(step(name)["run"])], cwd=cwd, env=full, capture_output=True,
                          text=True, check=False)  # fmt: skip
    pairs = (line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    return proc, dict(pairs)


def project(tmp_path: Path) -> Path:
    (tmp_path / "factcheck.toml").write_text(f'claims = "{RECORD.as_posix()}"\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(f"{TRUE}\n\n{FALSE}\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text(f"{TRUE}\n", encoding="utf-8")
    return tmp_path


def test_the_run_step_annotates_sets_outputs_and_fails_on_a_contradiction(tmp_path: Path) -> None:
    root = project(tmp_path)
    inputs = {"PATHS": "docs", "FAIL_ON": "", "CONFIG": "", "SARIF": ""}
    proc, outputs = run_step("Run factcheck", root, inputs)
    assert proc.returncode == 1, proc.stderr
    assert "::error file=docs/a.md,line=3," in proc.stdout
    assert outputs == {"sarif-file": "", "statements": "3", "supported": "2",
                       "contradicted": "1", "unknown": "0"}  # fmt: skip
    proc, outputs = run_step("Run factcheck", root, {**inputs, "FAIL_ON": "never"})
    assert proc.returncode == 0 and outputs["contradicted"] == "1"


def test_the_run_step_writes_sarif_for_upload(tmp_path: Path) -> None:
    root = project(tmp_path)
    inputs = {"PATHS": "docs/**/*.md", "FAIL_ON": "", "CONFIG": "", "SARIF": "factcheck.sarif"}
    proc, outputs = run_step("Run factcheck", root, inputs)
    assert proc.returncode == 1, proc.stderr
    assert outputs["sarif-file"] == "factcheck.sarif" and outputs["statements"] == "2"
    sarif = json.loads((root / "factcheck.sarif").read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/a.md"


def test_the_run_step_stops_with_status_2_when_the_check_cannot_run(tmp_path: Path) -> None:
    root = project(tmp_path)
    inputs = {"PATHS": "docs", "FAIL_ON": "", "CONFIG": "missing.toml", "SARIF": ""}
    proc, outputs = run_step("Run factcheck", root, inputs)
    assert proc.returncode == 2 and "missing.toml" in proc.stderr
    assert "statements" not in outputs


@pytest.mark.parametrize(
    ("package", "installed"),
    [("", "/actions/factcheck"), ("git+https://example.invalid/factcheck@v0.2.0",
                                  "git+https://example.invalid/factcheck@v0.2.0")],
)  # fmt: skip
def test_the_install_step_installs_the_actions_files_or_the_package(
    package: str, installed: str, tmp_path: Path
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "python"  # records what it was asked to install
    fake.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$CALLS"\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    calls = tmp_path / "calls.txt"
    env = {"ACTION_PATH": "/actions/factcheck", "PACKAGE": package, "CALLS": str(calls)}
    proc, _ = run_step("Install factcheck", tmp_path, env, path=f"{bin_dir}:/usr/bin:/bin")
    assert proc.returncode == 0, proc.stderr
    assert calls.read_text(encoding="utf-8").splitlines()[-1] == installed


def test_the_action_declares_what_its_steps_write() -> None:
    declared = action()["outputs"]
    assert isinstance(declared, dict)
    assert set(declared) == {"statements", "supported", "contradicted", "unknown", "sarif-file"}
    env = step("Install factcheck")["env"]
    assert isinstance(env, dict)  # nothing read from what composite actions leave empty
    assert not any("action_repository" in str(v) or "action_ref" in str(v) for v in env.values())


# --------------------------------------------------------------------------- step summary


def findings(n_contradicted: int, n_unknown: int, statement: str = FALSE) -> tuple[list[Finding], Context]:  # fmt: skip
    text = statement
    out = [Finding("docs/a.md", statement, Span(0, len(statement)), Verdict.CONTRADICTED, 90.0,
                   claim_id="openai.cofounded", reason="date differs")
           for _ in range(n_contradicted)]  # fmt: skip
    out += [Finding("docs/a.md", statement, Span(0, len(statement)), Verdict.UNKNOWN, 0.0)
            for _ in range(n_unknown)]  # fmt: skip
    return out, Context(texts={"docs/a.md": text})


def test_the_summary_says_which_problems_github_does_not_annotate() -> None:
    few = step_summary(*findings(ANNOTATIONS_SHOWN, 3))
    assert "not marked on their lines" not in few
    many = step_summary(*findings(ANNOTATIONS_SHOWN + 2, ANNOTATIONS_SHOWN + 5))
    assert (
        "GitHub annotates at most 10 errors and 10 notices per step: 2 contradicted and "
        "5 unknown statements are not marked on their lines; the table lists them."
    ) in many
    assert many.count("| ❌ contradicted |") == ANNOTATIONS_SHOWN + 2


def test_the_summary_stays_under_githubs_cap() -> None:
    long = "Musk and Altman co-founded OpenAI in 2019, " * 60 + "as the draft says."
    found, ctx = findings(600, 0, long)
    text = step_summary(found, ctx)
    assert len(text.encode("utf-8")) < SUMMARY_CAP
    rows = text.count("| ❌ contradicted |")
    assert 0 < rows < 600
    assert f"{600 - rows} more rows left out: a step summary is capped at 1 MiB" in text
