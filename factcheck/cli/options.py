"""What the command line can say: the check's options, as either parser reads them (the
quick path in ``entry.py``, typer in ``app.py``), and the record commands with the line of
help each has in the check's own --help. Imports nothing of factcheck."""

from __future__ import annotations

from dataclasses import dataclass, field

# the record commands, routed by their name (entry.py) and listed in the check's --help
COMMANDS = (
    ("claims", "List the claims (by word, person or year), or show one."),
    ("sources", "List the sources with their metadata."),
    ("validate", "Validate a claims database, every problem located."),
    ("coverage", "Source sentences with checkable content that no claim cites."),
    ("draft-claims", "A YAML skeleton of claims for a source's uncited sentences."),
)
SUBCOMMANDS = tuple(name for name, _ in COMMANDS)


@dataclass(slots=True)
class Options:
    """The check command's options, as parsed from the command line."""

    text: list[str] = field(default_factory=list)
    file: list[str] = field(default_factory=list)
    args_are_files: bool = False
    fmt: str | None = None
    claims: str | None = None
    fail_on: str | None = None
    config: str | None = None
    show_config: bool = False
    explain: bool = False
    only_problems: bool = False
    scores: bool = False
    no_color: bool = False
    version: bool = False
    stdin_filename: str | None = None
    output_file: str | None = None
    exclude: list[str] = field(default_factory=list)
    extend_exclude: list[str] = field(default_factory=list)
    force_exclude: bool = False
    no_respect_gitignore: bool = False
    diff_base: str | None = None
    fix: bool = False
    diff: bool = False
    scheduler: str | None = None  # a Dask scheduler's address, or "local"
