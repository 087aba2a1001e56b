"""The conventions every linter has, end to end through the installed entry point:
--stdin-filename, --version, -o, a mistyped command, help within 80 columns, file selection
like ruff's (excludes relative to their config, .gitignore, force-exclude, globs)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck
from factcheck.model import Verdict
from factcheck.selection import Patterns
from tests.helpers import run_factcheck

RECORD = (Path(__file__).parent / "golden" / "record").resolve()
TRUE = "Musk and Altman co-founded OpenAI in 2015."
FALSE = "Musk and Altman co-founded OpenAI in 2019."
DRAFT = f"""---
title: {FALSE}
---

{TRUE}

```
{FALSE}
```

<!-- factcheck: ignore -->
{FALSE}
"""


def factcheck_cmd(*args: str, cwd: Path | None = None, stdin: str | None = None,
                  env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """``factcheck ARGS`` as a user runs it (the entry point, a real process)."""
    base = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}
    base.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=cwd, input=stdin, capture_output=True,
        text=True, env={**base, **(env or {})}, check=False,
    )  # fmt: skip


def results(proc: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert "Traceback" not in proc.stderr, proc.stderr
    found: list[dict[str, object]] = json.loads(proc.stdout)["results"]
    return found


# --------------------------------------------------------------------------- standard input


def test_stdin_filename_reads_markdown_and_names_the_report(tmp_path: Path) -> None:
    args = ("--claims", str(RECORD), "--format", "json")
    plain = factcheck_cmd(*args, stdin=DRAFT, cwd=tmp_path)
    assert plain.returncode == 1  # as text: front matter, code and ignored line checked
    assert {r["input"] for r in results(plain)} == {"<stdin>"}
    proc = factcheck_cmd(*args, "--stdin-filename", "docs/draft.md", stdin=DRAFT, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (only,) = results(proc)
    assert (only["input"], only["line"], only["verdict"]) == ("docs/draft.md", 5, "supported")
    txt = factcheck_cmd(*args, "--stdin-filename", "notes.txt", stdin=DRAFT, cwd=tmp_path)
    assert txt.returncode == 1 and {r["input"] for r in results(txt)} == {"notes.txt"}


def test_stdin_filename_is_the_location_of_annotations(tmp_path: Path) -> None:
    proc = factcheck_cmd("--claims", str(RECORD), "--format", "github", "--stdin-filename",
                         "docs/a.md", stdin=f"# A\n\n{FALSE}\n", cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 1
    (error,) = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    assert error.startswith("::error file=docs/a.md,line=3,col=1,")


def test_stdin_filename_follows_force_exclude(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(
        f'claims = "{RECORD.as_posix()}"\nextend_exclude = ["archive/"]\n', encoding="utf-8"
    )
    args = ("--format", "json", "--stdin-filename", "archive/old.md")
    assert len(results(factcheck_cmd(*args, stdin=FALSE, cwd=tmp_path))) == 1  # named: checked
    proc = factcheck_cmd(*args, "--force-exclude", stdin=FALSE, cwd=tmp_path)
    assert proc.returncode == 0 and results(proc) == []


def test_the_python_api_reads_markdown() -> None:
    record = factcheck.load_record(str(RECORD))
    as_text = factcheck.check(DRAFT, record)
    assert any(f.verdict is Verdict.CONTRADICTED for f in as_text)
    for found in (factcheck.check(DRAFT, record, markdown=True),
                  factcheck.check(DRAFT, record, input_name="draft.md")):  # fmt: skip
        assert [(f.statement, f.verdict) for f in found] == [(TRUE, Verdict.SUPPORTED)]
    named_text = factcheck.check(DRAFT, record, input_name="draft.md", markdown=False)
    assert [(f.statement, f.verdict) for f in named_text] == [
        (f.statement, f.verdict) for f in as_text
    ]
    assert {f.input for f in named_text} == {"draft.md"}


# --------------------------------------------------------------------------- conventions


def test_version_on_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    proc = factcheck_cmd("--version")  # the quick path
    assert proc.returncode == 0 and proc.stdout == f"factcheck {factcheck.__version__}\n"
    monkeypatch.setattr("factcheck.cli.entry.quick_options", lambda args: None)  # typer's
    result = run_factcheck("--version")
    assert result.exit_code == 0 and result.stdout == f"factcheck {factcheck.__version__}\n"


def test_output_file_takes_the_report_and_the_terminal_the_counts(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"{TRUE}\n\n{FALSE}\n", encoding="utf-8")
    proc = factcheck_cmd("--claims", str(RECORD), "-f", "draft.md", "--format", "sarif",
                         "-o", "out/report.sarif", cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 2 and "out/report.sarif: cannot write the report" in proc.stderr
    (tmp_path / "out").mkdir()
    proc = factcheck_cmd("--claims", str(RECORD), "-f", "draft.md", "--format", "sarif",
                         "-o", "out/report.sarif", cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == (
        "2 statements: 1 supported, 1 contradicted, 0 unknown; the report is in out/report.sarif\n"
    )
    sarif = json.loads((tmp_path / "out" / "report.sarif").read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    text = factcheck_cmd("--claims", str(RECORD), "-f", "draft.md", "--output-file",
                         "report.txt", cwd=tmp_path, env={"FORCE_COLOR": "1"})  # fmt: skip
    report = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert text.returncode == 1 and "contradicted" in report and "\x1b[" not in report


@pytest.mark.parametrize(
    ("args", "meant"),
    [(["clams"], "claims"), (["clams", "--about", "Musk"], "claims"), (["valdate"], "validate"),
     (["sorces"], "sources")],
)  # fmt: skip
def test_a_mistyped_command_is_named_not_checked(args: list[str], meant: str) -> None:
    proc = factcheck_cmd(*args)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"factcheck: no command {args[0]!r}; did you mean `{meant}`?")
    assert proc.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [["climate"], ["clams", "are", "tasty"], ["--", "clams"]])
def test_words_that_are_not_commands_are_checked(args: list[str]) -> None:
    proc = factcheck_cmd("--format", "json", *args)
    assert proc.returncode == 0 and len(results(proc)) == 1


def test_usage_errors_point_at_the_command_that_has_them() -> None:
    proc = factcheck_cmd("claims", "--yeer", "2018")
    assert proc.returncode == 2
    assert proc.stderr.rstrip().endswith("(see factcheck claims --help)")
    proc = factcheck_cmd("claims", "--year", "soon")
    assert proc.returncode == 2 and "'soon' is not a valid int" in proc.stderr
    proc = factcheck_cmd("--format", "xml", "text")
    assert proc.returncode == 2 and "Value error" not in proc.stderr
    assert proc.stderr.rstrip().endswith("(see factcheck --help)")


@pytest.mark.parametrize(
    "command", [[], ["claims"], ["sources"], ["validate"], ["coverage"], ["draft-claims"]]
)
def test_help_fits_80_columns_with_readable_placeholders(command: list[str]) -> None:
    proc = factcheck_cmd(*command, "--help")
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80, [x for x in lines if len(x) > 80]
    assert "<str>" not in proc.stdout and "list[str]" not in proc.stdout
    if not command:
        assert "-f, --file PATH" in proc.stdout and "[TEXT]..." in proc.stdout
        commands = proc.stdout[proc.stdout.index("\nCommands:\n") :]
        assert [line.split()[0] for line in commands.splitlines()[2:]] == [
            "claims", "sources", "validate", "coverage", "draft-claims"
        ]  # fmt: skip


def test_record_commands_on_a_missing_record() -> None:
    proc = factcheck_cmd("validate", "--claims", "missing.yaml")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "factcheck: missing.yaml: claims database not found\n"
    proc = factcheck_cmd("sources", "--claims", "missing.yaml")
    assert proc.returncode == 2
    assert proc.stderr == "factcheck: missing.yaml: claims database not found\n"
    proc = factcheck_cmd("validate", "--claims", str(RECORD))
    assert proc.returncode == 0 and proc.stdout.endswith(
        ": 3 claims, 4 entities, 1 source: no problems\n"
    )


# --------------------------------------------------------------------------- file selection


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def project(tmp_path: Path) -> Path:
    """A repository: docs with a nested config, an ignored folder, a dependency folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root / "factcheck.toml", f'claims = "{RECORD.as_posix()}"\n'
                                   'extend_exclude = ["docs/archive/"]\n')  # fmt: skip
    write(root / ".gitignore", "generated/\n*.tmp.md\n")
    write(root / "docs" / "ok.md", TRUE + "\n")
    write(root / "docs" / "archive" / "old.md", FALSE + "\n")
    write(root / "docs" / "generated" / "out.md", FALSE + "\n")
    write(root / "docs" / "scratch.tmp.md", FALSE + "\n")
    write(root / "docs" / "node_modules" / "pkg" / "README.md", FALSE + "\n")
    write(root / "docs" / "guide" / ".ignore", "private.md\n")
    write(root / "docs" / "guide" / "private.md", FALSE + "\n")
    write(root / "docs" / "guide" / "intro.txt", TRUE + "\n")
    return root


def inputs(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted(str(r["input"]).replace("\\", "/") for r in results(proc))


def test_selection_is_the_same_from_any_folder(tmp_path: Path) -> None:
    root = project(tmp_path)
    from_root = factcheck_cmd("--files", "docs", "--format", "json", cwd=root)
    assert from_root.returncode == 0, from_root.stdout
    assert inputs(from_root) == ["docs/guide/intro.txt", "docs/ok.md"]
    from_docs = factcheck_cmd("--files", ".", "--format", "json", cwd=root / "docs")
    assert inputs(from_docs) == ["guide/intro.txt", "ok.md"]
    nested = factcheck_cmd("--files", "../..", "--format", "json", cwd=root / "docs" / "guide")
    assert inputs(nested) == ["../../docs/guide/intro.txt", "../../docs/ok.md"]


def test_gitignore_can_be_turned_off_and_excludes_given_on_the_command_line(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    proc = factcheck_cmd("--files", "docs", "--format", "json", "--no-respect-gitignore",
                         cwd=root)  # fmt: skip
    assert inputs(proc) == ["docs/generated/out.md", "docs/guide/intro.txt",
                            "docs/guide/private.md", "docs/ok.md", "docs/scratch.tmp.md"]  # fmt: skip
    proc = factcheck_cmd("--files", "docs", "--format", "json", "--extend-exclude", "*.txt",
                         cwd=root)  # fmt: skip
    assert inputs(proc) == ["docs/ok.md"]
    proc = factcheck_cmd(
        "--files", "docs", "--format", "json", "--exclude", "guide", cwd=root
    )  # fmt: skip  (replaces the default list: node_modules in)
    assert inputs(proc) == ["docs/node_modules/pkg/README.md", "docs/ok.md"]


def test_named_files_are_checked_unless_force_exclude(tmp_path: Path) -> None:
    root = project(tmp_path)
    named = ("--files", "docs/archive/old.md", "docs/ok.md", "--format", "json")
    proc = factcheck_cmd(*named, cwd=root)
    assert proc.returncode == 1 and inputs(proc) == ["docs/archive/old.md", "docs/ok.md"]
    proc = factcheck_cmd(*named, "--force-exclude", cwd=root)
    assert proc.returncode == 0 and inputs(proc) == ["docs/ok.md"]
    write(root / "factcheck.toml", (root / "factcheck.toml").read_text() + "force_exclude = true\n")
    proc = factcheck_cmd(*named, cwd=root / "docs" / "..")
    assert inputs(proc) == ["docs/ok.md"]


def test_a_glob_or_folder_matching_nothing_is_a_warning(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "empty").mkdir()
    proc = factcheck_cmd("--files", "docs/o*.md", "nothing/**/*.md", "empty", "--format", "json",
                         cwd=root)  # fmt: skip
    assert proc.returncode == 0
    assert inputs(proc) == ["docs/ok.md"]  # the glob the shell left alone, expanded as it would
    assert proc.stderr.splitlines() == [
        "factcheck: warning: nothing/**/*.md: no file matches",
        "factcheck: warning: empty: no .md, .markdown or .txt files to check (after exclusions)",
    ]
    missing = factcheck_cmd("--files", "docs/nope.md", cwd=root)
    assert missing.returncode == 2 and "docs/nope.md: no such file" in missing.stderr


@pytest.mark.parametrize(
    "path",
    ["build", "docs/build/a.md", "node_modules/x/README.md", "a/dist", "docs/building.md",
     "docs/a.md", "venvs/a.md", ".venv/lib/x.txt"],
)  # fmt: skip
def test_plain_names_match_as_gitignore_would(path: str) -> None:
    from pathspec import GitIgnoreSpec

    from factcheck.config import DEFAULT_EXCLUDE

    base = Path("/project")
    names = Patterns(DEFAULT_EXCLUDE, base)
    for is_dir in (False, True):
        expected = GitIgnoreSpec.from_lines(DEFAULT_EXCLUDE).match_file(
            path + ("/" if is_dir else "")
        )
        assert names.matches(base / path, is_dir) is expected


def test_the_hooks_common_case_does_not_import_pathspec(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(TRUE + "\n", encoding="utf-8")
    code = (
        "import sys\n"
        "sys.argv = ['factcheck', '--files', '--force-exclude', '-q', 'a.md', '--claims', "
        f"{str(RECORD)!r}]\n"
        "from factcheck.cli.entry import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n"
        "    sys.stderr.write(f'exit={e.code} pathspec={\"pathspec\" in sys.modules}')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert proc.stderr.endswith("exit=0 pathspec=False"), proc.stderr


# --------------------------------------------------------------------------- --diff-base


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}  # fmt: skip
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_base_reports_only_what_changed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    write(repo / "factcheck.toml", f'claims = "{RECORD.as_posix()}"\n')
    old = f"{FALSE}\n\n{TRUE}\n"
    write(repo / "docs" / "old.md", old)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    assert factcheck_cmd("--files", "docs", "--diff-base", "HEAD", cwd=repo).returncode == 0
    write(repo / "docs" / "old.md", old + f"\nMusk is 30 years older than Altman.\n\n{TRUE}\n")
    write(repo / "docs" / "new.md", f"{FALSE}\n")  # not in HEAD: every line is new
    proc = factcheck_cmd("--files", "docs", "--format", "json", "--diff-base", "HEAD", cwd=repo)
    assert proc.returncode == 1, proc.stderr
    found = [(str(r["input"]).replace("\\", "/"), r["line"], r["verdict"]) for r in results(proc)]
    assert found == [  # old.md's line 1, unchanged, is not reported
        ("docs/new.md", 1, "contradicted"),
        ("docs/old.md", 5, "contradicted"),
        ("docs/old.md", 7, "supported"),
    ]
    everything = factcheck_cmd("--files", "docs", "--format", "json", cwd=repo)
    assert len(results(everything)) == 5
    bad = factcheck_cmd("--files", "docs", "--diff-base", "no-such-ref", cwd=repo)
    assert bad.returncode == 2 and bad.stderr.startswith("factcheck: --diff-base no-such-ref")
    assert bad.stderr.count("\n") == 1


def test_a_nested_config_anchors_its_patterns_at_its_own_folder(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root / "docs" / "factcheck.toml", f'claims = "{RECORD.as_posix()}"\n'
                                            'extend_exclude = ["/archive/"]\n')  # fmt: skip
    write(root / "docs" / "ok.md", TRUE + "\n")
    write(root / "docs" / "archive" / "old.md", FALSE + "\n")  # excluded: docs/archive
    write(root / "docs" / "guide" / "archive" / "kept.md", TRUE + "\n")  # not anchored there
    write(root / "docs" / "guide" / ".gitignore", "drafts/\n")
    write(root / "docs" / "guide" / "drafts" / "wip.md", FALSE + "\n")
    expected = ["docs/guide/archive/kept.md", "docs/ok.md"]
    from_root = factcheck_cmd("--config", "docs/factcheck.toml", "--files", "docs", "--format",
                              "json", cwd=root)  # fmt: skip
    assert inputs(from_root) == expected
    from_guide = factcheck_cmd(
        "--files", "../../docs", "--format", "json", cwd=root / "docs" / "guide"
    )
    assert inputs(from_guide) == [f"../../{x}" for x in expected]
    assert from_guide.returncode == 0


def test_the_help_lists_every_command_the_entry_point_routes() -> None:
    from factcheck.cli.entry import SUBCOMMANDS
    from factcheck.cli.options import COMMANDS

    assert [name for name, _ in COMMANDS] == list(SUBCOMMANDS)
