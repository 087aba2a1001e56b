"""Reading what the user gave: text arguments, standard input, files and folders.

Every failure becomes an InputError with one line naming the input and the problem.
Accepted: UTF-8 (a BOM is dropped, so it never shifts a column), and UTF-16 or UTF-32 with a
BOM. Refused: other bytes that are not UTF-8 (the message gives the byte offset and line),
binary files (a NUL byte), and anything larger than MAX_INPUT_BYTES (read in chunks, so an
endless device such as /dev/zero is refused after its first chunk instead of filling memory).
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from factcheck.errors import InputError

MAX_INPUT_BYTES = 512 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
DOC_SUFFIXES = (".md", ".markdown", ".txt")
MARKDOWN_SUFFIXES = (".md", ".markdown")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Document:
    name: str  # as given: a path, "<stdin>" or "<text>"
    text: str
    markdown: bool = False


def _wide_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def _binary(name: str, offset: int) -> InputError:
    return InputError(f"{name}: looks like a binary file (NUL byte at offset {offset})")


def decode(data: bytes, name: str) -> str:
    """Decode input bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM; refuse
    binary data and bytes that are not UTF-8, naming the byte offset (from the file's start)."""
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)  # the BOM selects the byte order and is dropped
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid {wide.upper()} at byte {exc.start}") from None
        if "\x00" in text:
            raise _binary(name, text.index("\x00"))
        return text
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _binary(name, nul)
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(name, data, skip + exc.start) from None


def _not_utf8(name: str, data: bytes, at: int) -> InputError:
    line = data.count(b"\n", 0, at) + 1
    return InputError(f"{name}: not UTF-8 text (invalid byte 0x{data[at]:02x} at byte offset "
                      f"{at}, line {line})")  # fmt: skip


def _read_limited(stream: BinaryIO, name: str) -> bytes:
    """Read to the end in chunks: refuse more than MAX_INPUT_BYTES, and a binary stream as
    soon as its first chunk shows a NUL byte (UTF-16 and UTF-32 aside)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if not chunk:
            break
        if not chunks and _wide_encoding(chunk) is None and b"\x00" in chunk:
            raise _binary(name, chunk.index(b"\x00"))
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_INPUT_BYTES:
            raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    return b"".join(chunks)


def read_file(path_str: str) -> Document:
    """A file as a Document; a directory, a missing or unreadable file is an InputError."""
    path = Path(path_str)
    try:
        if path.is_dir():
            raise InputError(f"{path_str}: is a directory, not a file")
        with path.open("rb") as fh:
            data = _read_limited(fh, path_str)
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


def text_document(words: list[str]) -> Document:
    """Command-line text as a Document. Bytes of the arguments that were not UTF-8 (Python
    keeps them as lone surrogates) are refused like the same bytes in a file."""
    text = " ".join(words)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        data = os.fsencode(text)  # the bytes as given
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _not_utf8("<text>", data, exc.start) from None
        raise InputError("<text>: not UTF-8 text") from None
    return Document("<text>", text)


def read_stdin(stream: TextIO) -> Document:
    """Standard input as a Document, read as bytes (so the checks above apply)."""
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data = _read_limited(buffer, "<stdin>")
        else:
            data = stream.read().encode("utf-8", "surrogateescape")
            if len(data) > MAX_INPUT_BYTES:
                raise InputError(f"<stdin>: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    except OSError as exc:
        raise InputError(f"<stdin>: cannot read: {exc.strerror or exc}") from None
    return Document("<stdin>", decode(data, "<stdin>"))
