"""``--diff-base REF``: the lines of each file that changed since a git revision, so that a
check of an old document reports only what its author wrote now."""

from __future__ import annotations

import os
import re
import subprocess

from factcheck.errors import FactcheckError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd or ".", capture_output=True, text=True,
                              encoding="utf-8", errors="replace", check=False)  # fmt: skip
    except FileNotFoundError:
        raise FactcheckError("--diff-base needs git, which is not installed") from None


def check_base(base: str) -> None:
    """Refuse a revision git does not know (exit status 2), before anything is checked."""
    proc = _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], os.getcwd())
    if proc.returncode != 0:
        problem = (
            proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "unknown revision"
        )
        raise FactcheckError(f"--diff-base {base}: {problem}")


def hunk_lines(diff: str) -> set[int]:
    """The 1-based lines of the new side that a unified diff adds or changes."""
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))  # a count of 0: lines removed only
    return lines


def changed_lines(path: str, base: str) -> set[int] | None:
    """The lines of ``path`` added or changed since ``base`` (working tree against that
    revision); None when git does not track the file, whose every line is new."""
    folder, name = os.path.split(os.path.abspath(path))
    if _git(["cat-file", "-e", f"{base}:./{name}"], folder).returncode != 0:
        return None  # not in that revision: a new file
    proc = _git(["diff", "--no-color", "--no-ext-diff", "--unified=0", base, "--", name], folder)
    if proc.returncode != 0:
        raise FactcheckError(
            f"--diff-base {base}: {path}: {proc.stderr.strip() or 'git diff failed'}"
        )
    return hunk_lines(proc.stdout)
