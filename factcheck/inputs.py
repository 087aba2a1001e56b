"""Reading what the user gave: text arguments, standard input, files and folders.

Every failure becomes an InputError with one line naming the input and the problem.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from factcheck.errors import InputError

MAX_INPUT_BYTES = 512 * 1024 * 1024
DOC_SUFFIXES = (".md", ".markdown", ".txt")
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class Document:
    name: str  # as given: a path, "<stdin>" or "<text>"
    text: str
    markdown: bool = False


def decode(data: bytes, name: str) -> str:
    """Decode input bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; refuse binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid UTF-16 at byte {exc.start}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: looks like a binary file (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} "
                         f"at offset {exc.start})") from None  # fmt: skip
    return text


def read_file(path_str: str) -> Document:
    path = Path(path_str)
    try:
        if path.is_dir():
            raise InputError(f"{path_str}: is a directory, not a file")
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"{path_str}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path_str}: no such file") from None
    except PermissionError:
        raise InputError(f"{path_str}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path_str}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path_str}: cannot read: {exc.strerror or exc}") from None
    return Document(path_str, decode(data, path_str), path.suffix.lower() in MARKDOWN_SUFFIXES)


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; a folder becomes the .md, .markdown and .txt files under it, sorted."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(
                str(f) for f in path.rglob("*")
                if f.is_file() and f.suffix.lower() in DOC_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )  # fmt: skip
            if not found:
                raise InputError(f"{p}: folder has no .md, .markdown or .txt files")
            out.extend(found)
        else:
            out.append(p)
    return out


def read_stdin(stream: TextIO) -> Document:
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data: bytes = buffer.read(MAX_INPUT_BYTES + 1)
        else:
            data = stream.read().encode("utf-8")
    except OSError as exc:
        raise InputError(f"<stdin>: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"<stdin>: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    return Document("<stdin>", decode(data, "<stdin>"))
