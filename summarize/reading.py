"""Input discovery and reading: files, directories of `*.txt` files, and `-` for stdin.

`discover` expands the command-line inputs without reading anything; `read_source` reads and
decodes one of them; `iter_sources` does both and yields errors instead of raising them, so a
batch goes on past a bad file. Errors are `InputError`s whose message is one line naming the
input and saying what to do.

A stream (stdin, a FIFO, a device) may never end (`yes 你好 | summarize run -`): it is read in
small reads (a signal is acted on between them), decoded STREAM_READ_BYTES at a time (cut at a
line end), and one longer than that gives a Source in parts of about STREAM_PART_CHARS, cut
between articles where possible (segmentation.parts): `text` is the first, `rest` yields the
others only as they are consumed, so memory stays bounded however long the stream.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
import sys
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from .decoding import DETECTION_SAMPLE_BYTES, Decoded, NotTextError, decode_bytes, sniff_binary
from .document import STDIN, STDIN_LABEL
from .errors import InputError

STDIN_RELPATH = Path("stdin.txt")
TEXT_SUFFIX = ".txt"
# A stream is decoded this many bytes at a time, and a long one given in parts of this many
# characters: a few articles each, so that no engine is handed a monstrous article at once.
STREAM_READ_BYTES = 1 << 20
STREAM_PART_CHARS = 32_000
# One read of a stream: small enough that a signal waits for none.
_READ_BYTES = 1 << 16


@dataclass(frozen=True)
class InputRef:
    """One input to read: a file, or stdin (`path` None)."""

    input: str  # as shown to the user: the path as given (or under the directory given), "-" for stdin
    path: Path | None
    output_relpath: Path  # where an export mirrors it (suffix unchanged), e.g. Path("a/b/page.txt")

    @property
    def label(self) -> str:
        """How messages name this input."""
        return STDIN_LABEL if self.path is None else self.input


@dataclass
class Source:
    input: str  # the path as given, or "-" for stdin
    path: Path | None  # None for stdin
    output_relpath: Path  # see InputRef
    text: str  # decoded and normalized: this is Page.text
    encoding: str  # e.g. "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"
    warnings: list[str] = field(default_factory=list)  # problems worth a line on stderr
    raw_sha256: str = ""  # of the bytes actually read (the file may change after); "" for a long stream
    # A stream longer than one part: the text after `text`, part by part, read as it is consumed.
    rest: Iterator[str] | None = None

    @property
    def label(self) -> str:
        return STDIN_LABEL if self.path is None else self.input

    def texts(self) -> Iterator[str]:
        """All the text, in parts (one for a file): `text`, then what `rest` yields."""
        yield self.text
        if self.rest is not None:
            yield from self.rest


def discover(inputs: Sequence[str]) -> list[InputRef | InputError]:
    """Expand inputs in order: a directory gives all `*.txt` files under it (recursively, sorted,
    hidden files and folders skipped), `-` gives stdin. A missing path, a directory without
    `.txt` files or an unreadable directory gives an InputError item; the rest still come."""
    found: list[InputRef | InputError] = []
    seen: set[str] = set()
    several_folders = sum(1 for arg in inputs if arg != STDIN and Path(arg).is_dir()) > 1
    for arg in inputs:
        for item in _expand(arg, several_folders):
            if isinstance(item, InputRef):
                key = STDIN if item.path is None else os.path.realpath(item.path)
                if key in seen:  # the same file (or stdin) named twice is read once
                    continue
                seen.add(key)
            found.append(item)
    return found


def read_source(ref: InputRef) -> Source:
    """Read and decode one input (a long stream: its first part, see the module doc). Raises
    InputError (missing, unreadable, empty, binary, undecodable)."""
    stream = _open_stdin() if ref.path is None else _open_file(ref)
    if isinstance(stream, bytes):  # a regular file, read whole
        return _source(ref, stream, hashlib.sha256(stream).hexdigest())
    parts = _byte_parts(stream, ref.label, close=ref.path is not None)
    first = next(parts, b"")
    following = next(parts, None)
    if following is None:  # the whole stream in one part: as a file
        return _source(ref, first, hashlib.sha256(first).hexdigest())
    source = _source(ref, first, "")
    texts = _stream_texts(source.text, chain([following], parts), ref.label)
    source.text, source.rest = next(texts), texts
    return source


def iter_sources(inputs: Sequence[str]) -> Iterator[Source | InputError]:
    """Discover and read inputs one at a time; errors are yielded in place, not raised."""
    for item in discover(inputs):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield read_source(item)
        except InputError as exc:
            yield exc


def _source(ref: InputRef, data: bytes, raw_sha256: str) -> Source:
    if not data:
        raise InputError("the input is empty", path=ref.label, hint="Give it some Chinese text")
    decoded = _decode(data, ref.label)
    del data
    if not decoded.text.strip():
        raise InputError("the input contains only whitespace", path=ref.label, hint="Give it some Chinese text")
    return Source(ref.input, ref.path, ref.output_relpath, decoded.text, decoded.encoding, decoded.warnings, raw_sha256)


def _decode(data: bytes, label: str) -> Decoded:
    try:
        return decode_bytes(data)
    except NotTextError as exc:
        raise InputError(str(exc), path=label, hint="Give a plain-text file") from None


class InputWarning(UserWarning):
    """A problem in a later part of a long stream (the first part's are the Source's warnings)."""


def _stream_texts(text: str, following: Iterator[bytes], label: str) -> Iterator[str]:
    """A long stream's text in parts (see the module doc): `text`, decoded from its first bytes
    part, then each following bytes part decoded on its own."""
    from .segmentation.parts import part_spans

    carry = text
    for data in chain([b""], following):
        decoded = _decode(data, label) if data else Decoded("", "")
        del data
        for warning in decoded.warnings:
            warnings.warn(f"{label}: {warning}", InputWarning, stacklevel=2)
        text = carry + decoded.text
        del decoded
        spans = list(part_spans(text, STREAM_PART_CHARS))
        for start, end in spans[:-1]:
            if not text[start:end].isspace():
                yield text[start:end]
        carry = text[spans[-1][0] :]
    if carry and not carry.isspace():
        yield carry


def printable(name: str) -> str:
    """A file name as shown in messages and outputs: bytes that are not UTF-8 (kept by Python as
    lone surrogates, which no output can encode) are written as `\\xff`."""
    if name.isascii() or not any("\udc80" <= c <= "\udcff" for c in name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _expand(arg: str, several_folders: bool = False) -> list[InputRef | InputError]:
    if arg == STDIN:
        return [InputRef(STDIN, None, STDIN_RELPATH)]
    path = Path(arg)
    arg = printable(arg)
    try:
        if path.is_dir():
            return _expand_directory(arg, path, several_folders)
        if path.exists() or path.is_symlink():  # a broken link: reading it says so
            return [InputRef(arg, path, Path(path.name))]
    except OSError as exc:
        return [_os_error(exc, arg)]
    return [InputError("no such file or directory", path=arg, hint="Check the path")]


def _expand_directory(arg: str, root: Path, several_folders: bool) -> list[InputRef | InputError]:
    items: list[InputRef | InputError] = []
    problems: list[InputError] = []

    def walk_error(exc: OSError) -> None:
        problems.append(_os_error(exc, printable(exc.filename) if exc.filename else arg))

    files: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=walk_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(
            Path(folder) / name
            for name in names
            if name.lower().endswith(TEXT_SUFFIX) and not name.startswith(".")
        )
    files.sort(key=lambda p: p.relative_to(root).parts)
    for file in files:
        if not _is_page_file(file):
            continue
        shown = printable(str(Path(arg) / file.relative_to(root)))
        items.append(InputRef(shown, file, _output_relpath(file, root, several_folders)))
    items.extend(problems)
    if not files and not problems:
        items.append(
            InputError("directory has no .txt files", path=arg, hint="Give .txt files or a folder that has some")
        )
    return items


def _is_page_file(path: Path) -> bool:
    """Whether a `*.txt` found in a directory is read: a regular file, or a broken link or one
    that cannot be looked at (reading it then says why). Folders named like `x.txt` and FIFOs,
    sockets or devices (reading a FIFO nobody writes to would wait forever) are left out."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def _output_relpath(path: Path, root: Path, several_folders: bool) -> Path:
    """Where an export mirrors a file found in folder `root`: its path below `root`
    (pages/a/b.txt -> a/b.txt), under the folder's own name when several folders are exported
    together (pages/a/b.txt -> pages/a/b.txt), so that they do not mix."""
    relative = path.relative_to(root)
    return Path(os.path.abspath(root)).name / relative if several_folders else relative


def _open_file(ref: InputRef):
    """The bytes of a regular file, or an open binary stream (a FIFO or a device named on the
    command line)."""
    assert ref.path is not None
    try:
        if stat.S_ISREG(ref.path.stat().st_mode):
            return ref.path.read_bytes()
        return open(ref.path, "rb")
    except OSError as exc:
        raise _os_error(exc, ref.input, ref.path) from None


def _open_stdin():
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("stdin is not available", path=STDIN_LABEL, hint="Pipe text in or give a file")
    return stream


def _byte_parts(stream, label: str, *, close: bool) -> Iterator[bytes]:
    """A stream's bytes in parts of about STREAM_READ_BYTES, each cut after a line end (see
    `_cut`), until EOF (a pipe that closes early just gives what arrived). Gives up at once on
    binary data (e.g. /dev/zero, /dev/urandom). A stream in UTF-16 or UTF-32, whose line ends
    are not single bytes, is one part."""
    try:
        data = _read_upto(stream, STREAM_READ_BYTES, label)
        reason = sniff_binary(data[:DETECTION_SAMPLE_BYTES])
        if reason:
            raise InputError(reason, path=label, hint="Give a plain-text file")
        whole = _wide_encoding(data)
        if whole:
            data = bytearray(data)  # grows in place
        # A short read is the end: reading on would make a terminal wait for a second Ctrl-D.
        ended = len(data) < STREAM_READ_BYTES
        while not ended:
            more = _read_upto(stream, STREAM_READ_BYTES, label)
            ended = len(more) < STREAM_READ_BYTES
            if whole:
                data += more
            elif more:
                cut = _cut(data)
                yield data[:cut]
                data = data[cut:] + more
            del more
        if data:
            yield bytes(data)
    finally:
        if close:
            stream.close()


def _wide_encoding(head: bytes) -> bool:
    """UTF-16 or UTF-32 (a BOM, or NUL bytes: BOM-less UTF-16, or a few stray NULs)."""
    return head.startswith(_WIDE_BOMS) or b"\x00" in head


_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _cut(data: bytes) -> int:
    """Where to end a part: after its last line end; else after its last byte below 0x30 (a
    space, ASCII punctuation: never inside a character in UTF-8, GB18030 or Big5); else before
    the last UTF-8 character that starts in it."""
    at = data.rfind(b"\n")
    if at < 0:
        at = max(data.rfind(bytes([byte])) for byte in range(0x30))
    if at >= 0:
        return at + 1
    at = len(data) - 1
    while at > 0 and 0x80 <= data[at] < 0xC0:
        at -= 1
    return at or len(data)


def _read_upto(stream, size: int, label: str) -> bytes:
    """Up to `size` bytes, fewer only at EOF, read in small reads (a signal is acted on between
    them, and a blocked read is interrupted by one)."""
    pieces = []
    left = size
    read = getattr(stream, "read1", stream.read)
    try:
        while left > 0:
            piece = read(min(left, _READ_BYTES))
            if not piece:
                break
            pieces.append(piece)
            left -= len(piece)
    except OSError as exc:
        raise _os_error(exc, label) from None
    return b"".join(pieces)


def _os_error(exc: OSError, shown: str, path: Path | None = None) -> InputError:
    if isinstance(exc, PermissionError):
        return InputError("permission denied", path=shown, hint="Check its permissions")
    if isinstance(exc, FileNotFoundError):
        if path is not None and path.is_symlink():
            target = printable(os.readlink(path))
            return InputError(f"broken symbolic link ({target} does not exist)", path=shown, hint="Fix or remove the link")
        return InputError("no such file or directory (it may have been moved or deleted)", path=shown, hint="Check the path")
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory, not a file", path=shown, hint="Give the directory itself or a .txt file")
    if exc.errno == errno.ELOOP:
        return InputError("symbolic link loop", path=shown, hint="Fix the link")
    reason = exc.strerror or type(exc).__name__
    return InputError(f"cannot read it: {reason}", path=shown, hint="Check the file")
