"""Input discovery and reading: files, directories of `*.txt` files, and `-` for stdin.

`discover` expands the command-line inputs without reading anything; `read_source` reads and
decodes one of them; `iter_sources` does both and yields errors instead of raising them, so a
batch goes on past a bad file. Errors are `InputError`s whose message is one line naming the
input and saying what to do.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import DETECTION_SAMPLE_BYTES, NotTextError, decode_bytes, sniff_binary
from .document import STDIN, STDIN_LABEL
from .errors import InputError

STDIN_RELPATH = Path("stdin.txt")
TEXT_SUFFIX = ".txt"


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
    raw_sha256: str = ""  # of the bytes actually read (the file may change after)

    @property
    def label(self) -> str:
        return STDIN_LABEL if self.path is None else self.input


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
    """Read and decode one input. Raises InputError (missing, unreadable, empty, binary,
    undecodable)."""
    data = _read_stdin() if ref.path is None else _read_file(ref)
    if not data:
        raise InputError("the input is empty", path=ref.label, hint="Give it some Chinese text")
    raw_sha256 = hashlib.sha256(data).hexdigest()
    try:
        decoded = decode_bytes(data)
    except NotTextError as exc:
        raise InputError(str(exc), path=ref.label, hint="Give a plain-text file") from None
    finally:
        del data
    if not decoded.text.strip():
        raise InputError("the input contains only whitespace", path=ref.label, hint="Give it some Chinese text")
    return Source(ref.input, ref.path, ref.output_relpath, decoded.text, decoded.encoding, decoded.warnings, raw_sha256)


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


def _read_file(ref: InputRef) -> bytes:
    assert ref.path is not None
    try:
        if stat.S_ISREG(ref.path.stat().st_mode):
            return ref.path.read_bytes()
        with open(ref.path, "rb") as stream:  # a FIFO or a device named on the command line
            return _read_stream(stream, ref.label)
    except OSError as exc:
        raise _os_error(exc, ref.input, ref.path) from None


def _read_stdin() -> bytes:
    """All bytes until EOF; a pipe that closes early just gives what arrived."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("stdin is not available", path=STDIN_LABEL, hint="Pipe text in or give a file")
    try:
        return _read_stream(stream, STDIN_LABEL)
    except OSError as exc:
        raise _os_error(exc, STDIN_LABEL) from None


def _read_stream(stream, label: str) -> bytes:
    """All bytes until EOF, giving up early on binary data (e.g. a stream from /dev/urandom)."""
    head = stream.read(DETECTION_SAMPLE_BYTES)
    reason = sniff_binary(head)
    if reason:
        raise InputError(reason, path=label, hint="Give a plain-text file")
    if len(head) < DETECTION_SAMPLE_BYTES:  # the end came already (at a terminal, a second read would wait for another Ctrl-D)
        return head
    rest = stream.read()
    return head + rest if rest else head


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
