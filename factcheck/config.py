"""Settings from ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

The file is found by walking up from the current folder; the nearest wins, and in one folder
``factcheck.toml`` beats ``pyproject.toml`` (a ``pyproject.toml`` without ``[tool.factcheck]``
is passed over). ``--config PATH`` replaces discovery; command-line options beat the file.

Keys: ``claims`` (a path, relative to the config file), ``extra_claims`` (paths, likewise),
``fail_on``, ``format``, and the file selection (``factcheck.selection``): ``include``,
``exclude`` (replacing the default list), ``extend_exclude`` (pattern lists in gitignore's
syntax, relative to the config file), ``force_exclude`` and ``respect_gitignore`` (booleans).
An unknown key or a bad value is an error naming the file and line.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.guide import FAIL_ON
from factcheck.normalize.regex import LazyPattern

KEYS = ("claims", "extra_claims", "fail_on", "format", "include", "exclude", "extend_exclude",
        "force_exclude", "respect_gitignore")  # fmt: skip
DEFAULT = "default"
COMMAND_LINE = "command line"
LIST_KEYS = frozenset({"extra_claims", "include", "exclude", "extend_exclude"})
BOOL_KEYS = frozenset({"force_exclude", "respect_gitignore"})

# skipped under every folder walked, unless ``exclude`` replaces them (``extend_exclude`` adds)
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "build", "dist",
                   "__pycache__", ".tox", ".nox")  # fmt: skip


@dataclass(slots=True)
class Settings:
    """The settings in force; ``origins`` says where each came from."""

    claims: str | None = None  # None: the bundled record
    extra_claims: list[str] = field(default_factory=list)
    fail_on: str = "contradicted"
    format: str = "text"
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    force_exclude: bool = False
    respect_gitignore: bool = True
    file: str | None = None  # the config file used, as shown to the user
    root: str | None = None  # its folder (absolute): where its patterns are anchored
    origins: dict[str, str] = field(default_factory=lambda: dict.fromkeys(KEYS, DEFAULT))


# --------------------------------------------------------------------------- discovery


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _has_table(path: Path) -> bool:
    """Does a pyproject.toml have a [tool.factcheck] table? (Broken TOML that mentions
    factcheck counts, so that loading it reports the problem.)"""
    text = _read(path, _shown(path))
    if "factcheck" not in text:
        return False
    import tomllib  # only where a config file is read: most runs have none

    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return True
    return isinstance(tool, dict) and "factcheck" in tool


def discover(start: Path | None = None) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with [tool.factcheck], at or above start."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "factcheck.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and _has_table(project):
            return project
    return None


MAX_CONFIG_BYTES = 1024 * 1024


def _read(path: Path, shown: str) -> str:
    """A config file's text: a regular file (a FIFO would wait for a writer, a device such
    as /dev/zero never end), at most MAX_CONFIG_BYTES, UTF-8."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO: no wait
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise FactcheckError(f"{shown}: config file is not a regular file")
            data = fh.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise FactcheckError(f"{shown}: config file is larger than "
                                 f"{MAX_CONFIG_BYTES // 1024} KB")  # fmt: skip
        return data.decode("utf-8-sig")
    except FileNotFoundError:
        raise FactcheckError(f"{shown}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FactcheckError(f"{shown}: cannot read config file: {exc}") from None


# --------------------------------------------------------------------------- loading


_HEADER = LazyPattern(r"^\s*\[\[?([^\]]*)\]")
_ASSIGN = LazyPattern(r"^\s*([A-Za-z0-9_\-.\"' ]+?)\s*=")


def _dotted(name: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in name.split("."))


def _key_line(text: str, key: str, pyproject: bool) -> int:
    """1-based line where ``key`` of the factcheck table is set (the table's header, or 1,
    when it cannot be found)."""
    table = "tool.factcheck" if pyproject else ""
    target = f"{table}.{key}" if table else key
    current, header_line = "", 1
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            current = _dotted(header.group(1))
            header_line = number if current == table else header_line
            full = current
        else:
            assign = _ASSIGN.match(line)
            if not assign:
                continue
            full = f"{current}.{_dotted(assign.group(1))}" if current else _dotted(assign.group(1))
        if full == target or full.startswith(target + "."):
            return number
    return header_line


def _check_value(key: str, value: object, where: str) -> object:
    if key in LIST_KEYS:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise FactcheckError(f"{where}: {key} must be a list of strings")
        if key in ("include", "exclude", "extend_exclude"):
            from pathspec import GitIgnoreSpec  # only when a config file sets patterns

            for pattern in value:
                try:
                    GitIgnoreSpec.from_lines([pattern])
                except (re.error, ValueError) as exc:
                    problem = exc.msg if isinstance(exc, re.error) else str(exc)
                    raise FactcheckError(f"{where}: {key}: bad pattern {pattern!r} "
                                         f"({problem})") from None  # fmt: skip
        return list(value)
    if key in BOOL_KEYS:
        if not isinstance(value, bool):
            raise FactcheckError(f"{where}: {key} must be true or false")
        return value
    if not isinstance(value, str) or not value:
        raise FactcheckError(f"{where}: {key} must be a non-empty string")
    if key == "fail_on" and value not in FAIL_ON:
        raise FactcheckError(f"{where}: fail_on must be one of {', '.join(FAIL_ON)}, not {value!r}")
    if key == "format":
        from factcheck.report import FORMATS

        if value not in FORMATS:
            raise FactcheckError(f"{where}: format must be one of {', '.join(FORMATS)}, "
                                 f"not {value!r}")  # fmt: skip
    return value


def load_file(path: Path, shown: str | None = None) -> dict[str, object]:
    """The validated settings of one config file; paths made relative to the current folder."""
    shown = shown or _shown(path)
    text = _read(path, shown)
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(exc))
        where = f"{shown}:{at.group(1)}:{at.group(2)}" if at else shown
        problem = str(exc)[: at.start()] if at else str(exc)
        raise FactcheckError(f"{where}: invalid TOML: {problem}") from None
    pyproject = path.name == "pyproject.toml"
    if pyproject:
        tool = data.get("tool")
        table = tool.get("factcheck") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise FactcheckError(f"{shown}:1: no [tool.factcheck] table")
        data = table
    out: dict[str, object] = {}
    for key, value in data.items():
        where = f"{shown}:{_key_line(text, key, pyproject)}"
        if key not in KEYS:
            raise FactcheckError(f"{where}: unknown key {key!r} in "
                                 f"{'[tool.factcheck]' if pyproject else shown} "
                                 f"(known keys: {', '.join(KEYS)})")  # fmt: skip
        out[key] = _check_value(key, value, where)
    base = path.parent
    if "claims" in out:
        out["claims"] = _shown(base / str(out["claims"]))
    if "extra_claims" in out:
        extra = out["extra_claims"]
        assert isinstance(extra, list)
        out["extra_claims"] = [_shown(base / p) for p in extra]
    return out


def resolve(cli: dict[str, object | None], config: str | None = None,
            start: Path | None = None) -> Settings:  # fmt: skip
    """Defaults, then the config file (``config`` or the discovered one), then ``cli``."""
    settings = Settings()
    path = Path(config) if config is not None else discover(start)
    if path is not None:
        shown = config if config is not None else _shown(path)
        settings.file = shown
        settings.root = str(path.parent.absolute())
        for key, value in load_file(path, shown).items():
            setattr(settings, key, value)
            settings.origins[key] = shown
    for key, value in cli.items():
        if value is not None:
            setattr(settings, key, value)
            settings.origins[key] = COMMAND_LINE
    return settings


def describe(settings: Settings) -> str:
    """The settings in force, one per line, TOML-like, with where each came from."""
    rows = [("config", json.dumps(settings.file) if settings.file else '""',
             "found" if settings.file else "none found")]  # fmt: skip
    for key in KEYS:
        value = getattr(settings, key)
        if key == "claims" and value is None:
            shown = json.dumps("(bundled record)")
        else:
            shown = json.dumps(value, ensure_ascii=False)
        rows.append((key, shown, settings.origins[key]))
    width = max(len(f"{k} = {v}") for k, v, _ in rows)
    return "".join(f"{f'{k} = {v}':<{width}}  # {o}\n" for k, v, o in rows)
