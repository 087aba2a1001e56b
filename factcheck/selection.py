"""Which files a run checks, chosen the way ruff chooses them.

- A folder is walked for ``.md``, ``.markdown`` and ``.txt`` files. Hidden files and folders
  (a name starting with ``.``) are skipped, and so is whatever ``exclude`` (by default
  :data:`factcheck.config.DEFAULT_EXCLUDE`: ``node_modules``, ``.venv``, ``build``, ``dist``, ``.git`` and the
  like) or ``extend_exclude`` match, and, unless ``respect_gitignore`` is off, whatever a
  ``.gitignore`` or ``.ignore`` file ignores (those in the folder and below it, those above
  it up to the repository's root, and ``.git/info/exclude``).
- Patterns have gitignore's syntax (``pathspec``) and are relative to the folder of the
  config file that declares them, so the same files are checked whichever folder is named
  and wherever factcheck runs; patterns given on the command line are relative to the
  current folder. The default list is matched below the folder being walked.
- ``include`` keeps only the files it matches (same syntax, same base).
- A file named explicitly is always checked, unless ``force_exclude`` is on and an exclude
  pattern matches it (pre-commit names every staged file; editors name the file behind
  ``--stdin-filename``).
- A glob the shell left alone (``'docs/**/*.md'``) is expanded here; a glob or folder that
  matches no document is a one-line warning, not an error.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.config import COMMAND_LINE, DEFAULT
from factcheck.inputs import DOC_SUFFIXES
from factcheck.normalize.regex import LazyPattern

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

    from factcheck.config import Settings

IGNORE_FILES = (".gitignore", ".ignore")
_GLOB = LazyPattern(r"[*?]|\[[^\]/]+\]")  # a wildcard or a character class


def _spec(lines: Iterable[str]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(list(lines))


@dataclass(frozen=True, slots=True)
class Patterns:
    """Gitignore-style patterns anchored at ``base`` (an absolute folder); ``base`` None:
    anchored at whatever folder the caller matches against (the folder being walked)."""

    lines: tuple[str, ...]
    base: Path | None = None

    def matches(self, path: Path, is_dir: bool = False, root: Path | None = None) -> bool:
        base = self.base or root
        if not self.lines or base is None:
            return False
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:  # outside the folder the patterns speak of
            return False
        if rel in ("", "."):
            return False
        if _names_only(self.lines):  # plain names (the default list): no pattern to compile
            return any(part in self.lines for part in rel.split("/"))
        return _compiled(self.lines).match_file(rel + "/" if is_dir else rel)


_NAME = LazyPattern(r"[^*?\[\]!/\\#\s]+")


def _names_only(lines: tuple[str, ...]) -> bool:
    """Are the patterns plain names, each matching a file or folder of that name anywhere
    below the base (as gitignore reads them)? Then they are compared as names, and the
    pattern library is not even imported (the pre-commit hook's common case)."""
    return all(_NAME.fullmatch(line) for line in lines)


_CACHE: dict[tuple[str, ...], GitIgnoreSpec] = {}


def _compiled(lines: tuple[str, ...]) -> GitIgnoreSpec:
    spec = _CACHE.get(lines)
    if spec is None:
        spec = _CACHE[lines] = _spec(lines)
    return spec


def _rebase(line: str, folder: str) -> str | None:
    """A line of an ignore file in ``folder`` (posix, relative to the anchor; "" for the
    anchor itself) as a pattern relative to the anchor; None for blanks and comments."""
    text = line.rstrip("\n").rstrip("\r")
    if not text.strip() or text.startswith("#"):
        return None
    negate = text.startswith("!")
    body = text[1:] if negate else text
    if folder:
        anchored = "/" in body.rstrip("/")
        body = f"{folder}/{body.lstrip('/')}" if anchored else f"{folder}/**/{body}"
    return ("!" if negate else "") + body


def _is_file(path: Path, warn: Callable[[str], object]) -> bool:
    try:
        return path.is_file()
    except OSError as exc:
        warn(f"{path}: skipped: {exc.strerror or exc}")
        return False


def _repository_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


class _Ignored:
    """The ``.gitignore`` and ``.ignore`` rules in force in each folder of one walk, as one
    list of patterns relative to an anchor (the repository's root, else the walked folder):
    later (deeper) rules win, as in git."""

    def __init__(self, root: Path) -> None:
        repo = _repository_root(root)
        self.anchor = repo or root
        lines: list[str] = []
        if repo is not None and (repo / ".git").is_dir():
            lines += filter(None, (_rebase(x, "") for x in _read_lines(repo / ".git/info/exclude")))
        chain = [root, *root.parents]
        above = chain[1 : chain.index(self.anchor) + 1] if repo is not None else []
        for folder in reversed(above):
            lines += self._own(folder)
        self.rules: dict[Path, tuple[str, ...]] = {root: (*lines, *self._own(root))}

    def _own(self, folder: Path) -> list[str]:
        rel = folder.relative_to(self.anchor).as_posix()
        rel = "" if rel == "." else rel
        out: list[str] = []
        for name in IGNORE_FILES:
            out += filter(None, (_rebase(x, rel) for x in _read_lines(folder / name)))
        return out

    def enter(self, folder: Path, parent: Path) -> None:
        self.rules[folder] = (*self.rules[parent], *self._own(folder))

    def ignored(self, path: Path, folder: Path, is_dir: bool) -> bool:
        return Patterns(self.rules[folder], self.anchor).matches(path, is_dir)


@dataclass(slots=True)
class Selection:
    exclude: list[Patterns] = field(default_factory=list)
    include: Patterns | None = None
    force_exclude: bool = False
    respect_gitignore: bool = True

    @classmethod
    def from_settings(cls, settings: Settings, extend_exclude: list[str] | None = None) -> Selection:  # fmt: skip
        """The selection ``settings`` describe, with ``extend_exclude`` from the command
        line (relative to the current folder) added."""
        cwd = Path.cwd()
        root = Path(settings.root) if settings.root else cwd

        def base(key: str) -> Path | None:
            origin = settings.origins.get(key, DEFAULT)
            if origin == DEFAULT:
                return None  # the default list: matched below the folder walked
            return cwd if origin == COMMAND_LINE else root

        exclude = [Patterns(tuple(settings.exclude), base("exclude")),
                   Patterns(tuple(settings.extend_exclude), base("extend_exclude")),
                   Patterns(tuple(extend_exclude or ()), cwd)]  # fmt: skip
        include = Patterns(tuple(settings.include), base("include") or root)
        return cls(exclude, include if settings.include else None, settings.force_exclude,
                   settings.respect_gitignore)  # fmt: skip

    def excluded(self, path: str | Path, is_dir: bool = False, root: Path | None = None) -> bool:
        """Does an exclude pattern match ``path`` (or a folder it is in)? ``root``: the
        folder being walked (the current folder for a file named explicitly)."""
        full = Path(os.path.abspath(path))
        start = Path(os.path.abspath(root)) if root is not None else Path.cwd()
        return any(p.matches(full, is_dir, start) for p in self.exclude) or any(
            p.matches(folder, True, start) for folder in full.parents for p in self.exclude
        )

    def named(self, path: str) -> bool:
        """Is a file named explicitly (or through ``--stdin-filename``) checked?"""
        return not (self.force_exclude and self.excluded(path))

    def walk(self, folder: str, warn: Callable[[str], object] = lambda _: None) -> list[str]:
        """The documents under ``folder`` that the selection keeps, sorted; an entry that
        cannot even be looked at (``/proc/1/cwd``) is passed over with a ``warn``-ing."""
        top = Path(os.path.abspath(folder))
        ignored = _Ignored(top) if self.respect_gitignore else None
        found: list[str] = []
        for here, dirs, files in os.walk(top):
            at = Path(here)
            keep = []
            for name in sorted(dirs):
                sub = at / name
                if name.startswith(".") or any(p.matches(sub, True, top) for p in self.exclude):
                    continue
                if ignored is not None:
                    if ignored.ignored(sub, at, True):
                        continue
                    ignored.enter(sub, at)
                keep.append(name)
            dirs[:] = keep
            for name in files:
                path = at / name
                if name.startswith(".") or not name.lower().endswith(DOC_SUFFIXES):
                    continue
                if any(p.matches(path, False, top) for p in self.exclude):
                    continue
                if ignored is not None and ignored.ignored(path, at, False):
                    continue
                if self.include is not None and not self.include.matches(path, False, top):
                    continue
                if not _is_file(path, warn):
                    continue
                found.append(str(Path(folder, os.path.relpath(path, top))))
        return sorted(found)

    def files(self, paths: list[str], warn: Callable[[str], object]) -> list[str]:
        """The files to check for ``paths`` as given: files as named, folders walked, globs
        expanded; one warning for each glob or folder that leaves nothing to check."""
        out: list[str] = []
        for p in paths:
            if not os.path.lexists(p) and _GLOB.search(p):
                matched = sorted(glob.glob(p, recursive=True))
                docs = [m for m in matched if os.path.isdir(m) or m.lower().endswith(DOC_SUFFIXES)]
                if not docs:
                    warn(f"{p}: no file matches")
                for m in docs:
                    out.extend(
                        self.walk(m, warn) if os.path.isdir(m) else [m] if self.named(m) else []
                    )
                continue
            if not os.path.isdir(p):
                if self.named(p):
                    out.append(p)
                continue
            found = self.walk(p, warn)
            if not found:
                warn(f"{p}: no .md, .markdown or .txt files to check (after exclusions)")
            out.extend(found)
        return out
