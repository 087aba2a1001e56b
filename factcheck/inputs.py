"""Reading what the user gave: text arguments, standard input, files and folders.

Every failure becomes an InputError with one line naming the input and the problem.
Accepted: UTF-8 (a BOM is dropped, so it never shifts a column), and UTF-16 or UTF-32 with a
BOM. Refused: other bytes that are not UTF-8 (the message gives the byte offset and line),
binary files (a NUL byte), and anything larger than MAX_INPUT_BYTES (read in chunks, so an
endless device such as /dev/zero is refused after its first chunk instead of filling memory).

Bytes are decoded chunk by chunk as they are read and appended to the text, so a large input
is held once, as text: never its bytes, a joined copy of them and the text at the same time.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable, Iterable, Iterator
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
# the decoder of each BOM's byte order, fed what follows the BOM
_WIDE_DECODERS: dict[bytes, Callable[[bytes, str, bool], tuple[str, int]]] = {
    codecs.BOM_UTF32_LE: codecs.utf_32_le_decode,
    codecs.BOM_UTF32_BE: codecs.utf_32_be_decode,
    codecs.BOM_UTF16_LE: codecs.utf_16_le_decode,
    codecs.BOM_UTF16_BE: codecs.utf_16_be_decode,
}


@dataclass(frozen=True, slots=True)
class Document:
    name: str  # as given: a path, "<stdin>" or "<text>"
    text: str
    markdown: bool = False


def _wide_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def _binary(name: str, offset: int) -> InputError:
    return InputError(f"{name}: looks like a binary file (NUL byte at offset {offset})")


class _Decoder:
    """Bytes in, text out, one chunk at a time, refusing what :func:`decode` refuses with the
    same message. The first problem is remembered and raised by :meth:`finish`, after the
    last chunk, so the priorities of a check of the whole input are kept: in UTF-8, a NUL
    byte anywhere comes before a byte that is not UTF-8; after a UTF-16 or UTF-32 BOM, an
    invalid code unit anywhere comes before a NUL character."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.head: bytes | None = b""  # the first bytes, until there are enough for a BOM
        self.wide: str | None = None
        self.decode_part: Callable[[bytes, str, bool], tuple[str, int]] = codecs.utf_8_decode
        self.seen = 0  # bytes fed so far (the BOM included): the offset of the next chunk
        self.pending = b""  # an incomplete character at the end of the last chunk
        self.chars = 0  # characters decoded so far (a NUL character's offset)
        self.newlines = 0  # line feeds decoded so far (the line of an invalid byte)
        self.nul: int | None = None
        self.invalid: InputError | None = None

    @property
    def failed(self) -> bool:
        """Is the input refused already (so the text read so far is of no use)?"""
        return self.nul is not None or self.invalid is not None

    def feed(self, chunk: bytes) -> str:
        if self.head is None:
            return self._decode(chunk, final=False)
        self.head += chunk
        return self._start() if len(self.head) >= len(codecs.BOM_UTF32_LE) else ""

    def finish(self) -> str:
        """The rest of the text; raises the input's first problem, if any."""
        piece = self._start() if self.head is not None else ""
        piece += self._decode(b"", final=True)
        if self.wide is None and self.nul is not None:
            raise _binary(self.name, self.nul)
        if self.invalid is not None:
            raise self.invalid
        if self.nul is not None:
            raise _binary(self.name, self.nul)
        return piece

    def _start(self) -> str:
        data, self.head = self.head or b"", None
        bom = next((b for b in _WIDE_DECODERS if data.startswith(b)), b"")
        if bom:
            self.wide = _wide_encoding(data)
            self.decode_part = _WIDE_DECODERS[bom]  # the BOM selects the byte order
        elif data.startswith(codecs.BOM_UTF8):
            bom = codecs.BOM_UTF8
        self.seen = len(bom)  # a BOM is dropped, and counted in byte offsets
        return self._decode(data[len(bom) :], final=False)

    def _decode(self, chunk: bytes, final: bool) -> str:
        at = self.seen - len(self.pending)  # the offset of what is decoded now
        if self.wide is None and self.nul is None and b"\x00" in chunk:
            self.nul = self.seen + chunk.index(b"\x00")
        self.seen += len(chunk)
        if self.invalid is not None or (self.wide is None and self.nul is not None):
            return ""  # refused whatever follows: only a NUL byte and the size still count
        data = self.pending + chunk if self.pending else chunk
        try:
            text, used = self.decode_part(data, "strict", final)
        except UnicodeDecodeError as exc:
            self.invalid = self._invalid(data, at, exc.start)
            return ""
        self.pending = data[used:]
        if self.wide is not None and self.nul is None and "\x00" in text:
            self.nul = self.chars + text.index("\x00")
        self.chars += len(text)
        self.newlines += text.count("\n")
        return "" if self.failed else text

    def _invalid(self, data: bytes, at: int, start: int) -> InputError:
        if self.wide is not None:
            return InputError(f"{self.name}: invalid {self.wide.upper()} at byte {at + start}")
        line = self.newlines + data.count(b"\n", 0, start) + 1
        return _not_utf8_at(self.name, data[start], at + start, line)


def _decode_chunks(chunks: Iterable[bytes], name: str) -> str:
    """The text of ``chunks`` (see :class:`_Decoder`). Each piece is appended to the text as
    it is decoded: CPython grows a string that nothing else refers to in place, so the text
    is never copied whole."""
    decoder = _Decoder(name)
    text = ""
    for chunk in chunks:
        piece = decoder.feed(chunk)
        if decoder.failed:
            text = ""  # refused: keep reading (the size and a NUL byte still count) lightly
        elif piece:
            text += piece
    text += decoder.finish()
    return text


def decode(data: bytes, name: str) -> str:
    """Decode input bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM; refuse
    binary data and bytes that are not UTF-8, naming the byte offset (from the file's start)."""
    view = memoryview(data)
    return _decode_chunks(
        (bytes(view[i : i + CHUNK_BYTES]) for i in range(0, len(data), CHUNK_BYTES)), name
    )


def _not_utf8(name: str, data: bytes, at: int) -> InputError:
    return _not_utf8_at(name, data[at], at, data.count(b"\n", 0, at) + 1)


def _not_utf8_at(name: str, byte: int, at: int, line: int) -> InputError:
    return InputError(f"{name}: not UTF-8 text (invalid byte 0x{byte:02x} at byte offset "
                      f"{at}, line {line})")  # fmt: skip


def _chunks(stream: BinaryIO, name: str) -> Iterator[bytes]:
    """Read to the end in chunks: refuse more than MAX_INPUT_BYTES, and a binary stream as
    soon as its first chunk shows a NUL byte (UTF-16 and UTF-32 aside)."""
    total = 0
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if not chunk:
            return
        if not total and _wide_encoding(chunk) is None and b"\x00" in chunk:
            raise _binary(name, chunk.index(b"\x00"))
        total += len(chunk)
        if total > MAX_INPUT_BYTES:
            raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
        yield chunk


def read_file(path_str: str) -> Document:
    """A file as a Document; a directory, a missing or unreadable file is an InputError."""
    path = Path(path_str)
    try:
        if path.is_dir():
            raise InputError(f"{path_str}: is a directory, not a file")
        with path.open("rb") as fh:
            text = _decode_chunks(_chunks(fh, path_str), path_str)
    except FileNotFoundError:
        raise InputError(f"{path_str}: no such file") from None
    except PermissionError:
        raise InputError(f"{path_str}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path_str}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path_str}: cannot read: {exc.strerror or exc}") from None
    return Document(path_str, text, is_markdown(path_str))


def warn(message: str) -> None:
    """One warning line on standard error: the check goes on."""
    from factcheck.errors import one_line

    sys.stderr.write(f"factcheck: warning: {one_line(message)}\n")


def is_markdown(name: str) -> bool:
    """Is a document of this name Markdown (``.md``, ``.markdown``)?"""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


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


def read_stdin(stream: TextIO, name: str = "<stdin>") -> Document:
    """Standard input as a Document, read as bytes (so the checks above apply). ``name``
    (``--stdin-filename``) stands for the input in reports and decides whether it is
    Markdown."""
    buffer = getattr(stream, "buffer", None)
    markdown = is_markdown(name)
    try:
        if buffer is not None:
            return Document(name, _decode_chunks(_chunks(buffer, name), name), markdown)
        data = stream.read().encode("utf-8", "surrogateescape")
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    return Document(name, decode(data, name), markdown)
