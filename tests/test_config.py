"""Configuration: discovery, precedence, validation with file:line, --show-config, globs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.config import resolve
from factcheck.selection import Patterns
from tests.helpers import run_factcheck

RECORD = (Path(__file__).parent / "golden" / "record").resolve()
UNKNOWN = "Tesla's Dojo supercomputer trains self-driving models."
FALSE = "Musk is 30 years older than Altman."


def run(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = run_factcheck(*args)
    return result.exit_code, result.stdout, result.stderr


def tree(tmp_path: Path) -> Path:
    """tmp/project/docs/drafts, returned as the innermost folder."""
    inner = tmp_path / "project" / "docs" / "drafts"
    inner.mkdir(parents=True)
    return inner


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def pyproject(folder: Path, body: str) -> Path:
    return write(folder / "pyproject.toml", f'[project]\nname = "x"\n\n[tool.factcheck]\n{body}')


def test_pyproject_two_folders_up_sets_fail_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = tree(tmp_path)
    assert run(inner, monkeypatch, "--claims", str(RECORD), UNKNOWN)[0] == 0
    pyproject(tmp_path / "project", f'fail_on = "unknown"\nclaims = "{RECORD.as_posix()}"\n')
    code, _, err = run(inner, monkeypatch, UNKNOWN)
    assert code == 1, err
    assert run(inner, monkeypatch, UNKNOWN, "--fail-on", "never")[0] == 0  # the command line wins


def test_claims_path_is_relative_to_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = tree(tmp_path)
    project = tmp_path / "project"
    (project / "record").symlink_to(RECORD, target_is_directory=True)
    write(project / "factcheck.toml", 'claims = "record"\n')
    code, out, err = run(inner, monkeypatch, FALSE, "--format", "json")
    assert code == 1, err
    assert json.loads(out)["results"][0]["claim"]["id"] == "musk.age_gap"


def test_factcheck_toml_beats_pyproject_and_nearest_wins(tmp_path: Path) -> None:
    inner = tree(tmp_path)
    project = tmp_path / "project"
    pyproject(project, 'fail_on = "never"\n')
    assert resolve({}, start=inner).fail_on == "never"
    write(project / "factcheck.toml", 'fail_on = "unknown"\n')
    assert resolve({}, start=inner).fail_on == "unknown"
    pyproject(inner, 'format = "json"\n')
    settings = resolve({}, start=inner)
    assert (settings.format, settings.fail_on) == ("json", "contradicted")
    write(inner / "pyproject.toml", '[project]\nname = "no factcheck table"\n')
    assert resolve({}, start=inner).fail_on == "unknown"  # passed over


def test_config_option_wins_over_discovery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inner = tree(tmp_path)
    write(inner / "factcheck.toml", 'fail_on = "never"\n')
    other = write(tmp_path / "ci.toml", f'fail_on = "unknown"\nclaims = "{RECORD.as_posix()}"\n')
    assert run(inner, monkeypatch, "--config", str(other), UNKNOWN)[0] == 1
    assert run(inner, monkeypatch, "--claims", str(RECORD), UNKNOWN)[0] == 0


def test_unknown_key_is_exit_2_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = tree(tmp_path)
    pyproject(tmp_path / "project", 'fail_on = "unknown"\n\n  colour = "red"\n')
    code, out, err = run(inner, monkeypatch, UNKNOWN)
    assert code == 2 and out == ""
    assert err.startswith("factcheck: ") and err.count("\n") == 1
    assert "pyproject.toml:7: unknown key 'colour'" in err


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ('claims = "x"\nfail_on = "sometimes"\n', 2, "fail_on must be one of"),
        ('format = "xml"\n', 1, "format must be one of"),
        ("include = '*.md'\n", 1, "include must be a list of strings"),
        ('extra_claims = ["a", 3]\n', 1, "extra_claims must be a list"),
        ("fail_on = \n", 1, "invalid TOML"),
    ],
)
def test_bad_values_are_exit_2_with_file_and_line(
    body: str, line: int, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "factcheck.toml", body)
    code, _, err = run(tmp_path, monkeypatch, "--show-config")
    assert code == 2
    assert f"factcheck.toml:{line}" in err and words in err


def test_show_config_says_where_each_setting_came_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = tree(tmp_path)
    pyproject(tmp_path / "project", 'fail_on = "unknown"\nexclude = ["old/**"]\n')
    code, out, _ = run(inner, monkeypatch, "--show-config", "--format", "sarif")
    assert code == 0
    rows = {line.split(" = ")[0]: line for line in out.splitlines()}
    shown = str(Path("..", "..", "pyproject.toml"))
    assert rows["config"].startswith(f'config = "{shown}"')
    assert rows["fail_on"].startswith('fail_on = "unknown"') and rows["fail_on"].endswith(
        f"# {shown}"
    )
    assert rows["format"].startswith('format = "sarif"') and rows["format"].endswith(
        "# command line"
    )
    assert rows["claims"].endswith("# default") and rows["exclude"].startswith(
        'exclude = ["old/**"]'
    )


def test_include_and_exclude_filter_folder_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    (docs / "old").mkdir(parents=True)
    write(docs / "ok.md", "Musk is 14 years older than Altman.\n")
    write(docs / "old" / "wrong.md", FALSE + "\n")
    write(docs / "wrong.txt", FALSE + "\n")
    base = f'claims = "{RECORD.as_posix()}"\n'
    write(tmp_path / "factcheck.toml", base)
    assert run(tmp_path, monkeypatch, "--files", "docs")[0] == 1
    write(tmp_path / "factcheck.toml", base + 'include = ["*.md"]\nexclude = ["old"]\n')
    code, out, _ = run(tmp_path, monkeypatch, "--files", "docs", "--format", "json")
    assert code == 0
    assert [r["input"] for r in json.loads(out)["results"]] == [str(Path("docs", "ok.md"))]
    assert (
        run(tmp_path, monkeypatch, "--files", "docs/old/wrong.md")[0] == 1
    )  # named files: no filter
    write(tmp_path / "factcheck.toml", base + 'include = ["*.rst"]\n')
    code, _, err = run(tmp_path, monkeypatch, "--files", "docs")
    assert code == 0
    assert err.splitlines()[0] == (
        "factcheck: warning: docs: no .md, .markdown or .txt files to check (after exclusions)"
    )


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "a/b/c.md", True),
        ("*.md", "c.txt", False),
        ("drafts", "drafts/x.md", True),
        ("drafts/*.md", "drafts/x.md", True),
        ("drafts/*.md", "drafts/sub/x.md", False),
        ("drafts/**/*.md", "drafts/sub/x.md", True),
        ("drafts/**/*.md", "drafts/x.md", True),
        ("**/old/**", "a/old/b/c.md", True),
        ("notes/[!x]*.txt", "notes/a.txt", True),
        ("notes/[!x]*.txt", "notes/x.txt", False),
        ("?.md", "ab.md", False),
        ("/top.md", "sub/top.md", False),  # anchored at the config's folder
        ("/top.md", "top.md", True),
    ],
)
def test_patterns_have_gitignore_syntax(pattern: str, path: str, expected: bool) -> None:
    base = Path("/project")
    assert Patterns((pattern,), base).matches(base / path) is expected
    assert not Patterns((pattern,), base / "elsewhere").matches(base / path)  # outside its base
