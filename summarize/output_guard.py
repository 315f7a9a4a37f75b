"""What summarize may write over: never an input, never a file it did not write, never anything
outside an export's output folder.

`refuse_input_as_output` guards `run -o`. `OutputFolder` is an export's output folder, opened
once: every output is created through the open folder, each subfolder opened without following
links, so that a link inside it (to a file or a folder) is never written through, whatever it
points to. `output_meta` reads the metadata an export writes into each output (the Markdown
header line, the JSON "meta" key): a file without it was not written by an export.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from .atomic import AtomicOutput
from .errors import OutputError

Identity = tuple[int, int]  # (st_dev, st_ino): the same file whatever the path to it

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def input_identities(items: Iterable[object]) -> set[Identity]:
    """The files behind the inputs (reading.InputRef items, errors skipped); stdin counts when
    it is a file (`summarize run - -o page.txt < page.txt`)."""
    import sys

    from .reading import InputRef

    found = set()
    for item in items:
        if not isinstance(item, InputRef):
            continue
        try:
            info = os.fstat(sys.stdin.fileno()) if item.path is None else os.stat(item.path)
        except (OSError, ValueError, AttributeError):  # no stdin, or one without a file descriptor
            continue
        found.add((info.st_dev, info.st_ino))
    return found


def refuse_input_as_output(output: Path, items: Iterable[object]) -> None:
    """`run -o FILE` where FILE is (or links to) one of the inputs: replacing it would lose it."""
    try:
        info = os.stat(output)
    except OSError:
        return  # nothing there (or nothing that can be looked at: writing it will say)
    if stat.S_ISREG(info.st_mode) and (info.st_dev, info.st_ino) in input_identities(items):
        raise OutputError("is one of the inputs, which the digest would replace; choose another output file", path=str(output))


class OutputFolder:
    """An export's output folder (see the module doc). Picklable: a worker process reopens the
    same folder (by its real path, checked to be the same folder)."""

    def __init__(self, path: Path):
        self.path = path  # as given, for messages
        if path.exists() and not path.is_dir():
            raise OutputError("exists and is not a directory; choose a directory for -o", path=str(path))
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the output directory: {exc.strerror or exc}", path=str(path), hint="Check the permissions of its parent, or choose another directory with -o") from exc
        if not os.access(path, os.W_OK | os.X_OK):
            raise OutputError("output directory is not writable; choose another one with -o", path=str(path))
        self._real = os.path.realpath(path)  # -o itself may be a link: the user chose it
        self._open()

    def _open(self) -> None:
        try:
            self._fd = os.open(self._real, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            raise OutputError(f"cannot open the output directory: {exc.strerror or exc}; check its permissions or choose another one with -o", path=str(self.path)) from exc
        info = os.fstat(self._fd)
        self.identity = (info.st_dev, info.st_ino)

    def __getstate__(self) -> dict:
        return {"path": self.path, "real": self._real, "identity": self.identity}

    def __setstate__(self, state: dict) -> None:
        self.path, self._real = state["path"], state["real"]
        self._open()
        if self.identity != state["identity"]:
            raise OutputError("the output directory was replaced during the export; run it again", path=str(self.path))

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def lstat(self, relpath: Path) -> os.stat_result | None:
        """What is at `relpath` (a link itself, not its target); None when nothing is. Raises
        OutputError when a folder on the way is a link or not a folder."""
        folder = self._folder(relpath, create=False)
        if folder is None:
            return None
        try:
            return os.lstat(relpath.name, dir_fd=folder)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise OutputError(f"cannot look at it: {exc.strerror or exc}; check the permissions of the output directory", path=str(self.path / relpath)) from exc
        finally:
            os.close(folder)

    def read_meta(self, relpath: Path, fmt: str) -> dict | None:
        """The export metadata of the regular file at `relpath` (never read through a link)."""
        folder = self._folder(relpath, create=False)
        if folder is None:
            return None
        try:
            fd = os.open(relpath.name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK, dir_fd=folder)
        except OSError:
            return None
        finally:
            os.close(folder)
        with open(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            return output_meta(file, fmt)

    def open_output(self, relpath: Path) -> AtomicOutput:
        """A new output at `relpath`, its folders created (never through a link), put in place
        by `commit`: a link at `relpath` is replaced itself."""
        shown = self.path / relpath
        folder = self._folder(relpath, create=True)
        return AtomicOutput(shown, dir_fd=folder)

    def _folder(self, relpath: Path, *, create: bool) -> int | None:
        """An open fd of the folder `relpath` is in (the caller closes it); None when it does not
        exist and `create` is false."""
        parts = relpath.parts[:-1]
        if relpath.is_absolute() or os.pardir in relpath.parts or not relpath.name:
            raise OutputError("is not inside the output directory; export from a folder that holds the inputs", path=str(relpath))
        fd = os.dup(self._fd)
        for depth, name in enumerate(parts):
            try:
                try:
                    child = os.open(name, _DIR_FLAGS, dir_fd=fd)
                except FileNotFoundError:
                    if not create:
                        os.close(fd)
                        return None
                    try:
                        os.mkdir(name, dir_fd=fd)
                    except FileExistsError:
                        pass  # made by another writer meanwhile
                    child = os.open(name, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                os.close(fd)
                raise self._not_a_folder(exc, Path(*parts[: depth + 1]), relpath) from exc
            os.close(fd)
            fd = child
        return fd

    def _not_a_folder(self, exc: OSError, folder: Path, output: Path) -> OutputError:
        """Why `folder`, on the way to `output`, cannot be opened as a folder."""
        shown = str(self.path / output)
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            info = self.lstat(folder)
            if info is not None and stat.S_ISLNK(info.st_mode):
                return OutputError(f"its folder {self.path / folder} is a symbolic link, which an export never writes through; remove it or choose another output directory", path=shown)
            return OutputError("a file is in the way where a directory is needed; move it or choose another output directory", path=shown)
        return OutputError(f"cannot create or open its folder {self.path / folder}: {exc.strerror or exc}", path=shown)


class OutputIsInputError(OutputError):
    """An output would replace one of the inputs: the command itself is wrong, nothing is done."""


def check_replaceable(folder: OutputFolder, relpath: Path, fmt: str, *, force: bool, inputs: set[Identity]) -> dict | None:
    """Whether an export may write its output at `relpath`: nothing there, or a file an export
    wrote (its metadata is returned), or with `force` any regular file or link that is not an
    input. Raises OutputError naming the output otherwise (OutputIsInputError for an input)."""
    shown = str(folder.path / relpath)
    info = folder.lstat(relpath)
    if info is None:
        return None
    if stat.S_ISLNK(info.st_mode):
        if force:
            return None
        raise OutputError("is a symbolic link, which an export never writes through; remove it, or use --force to replace the link itself (not what it points to)", path=shown)
    if stat.S_ISDIR(info.st_mode):
        raise OutputError("is a directory where the output goes; move it or choose another output directory", path=shown)
    if not stat.S_ISREG(info.st_mode):
        raise OutputError("is not a regular file; move it or choose another output directory", path=shown)
    if (info.st_dev, info.st_ino) in inputs:
        raise OutputIsInputError("is one of the inputs, which an export never replaces; choose another output directory", path=shown)
    meta = folder.read_meta(relpath, fmt)
    if meta is None and not force:
        raise OutputError("exists and was not written by summarize; move it away, or use --force to replace it", path=shown)
    return meta


def read_output_meta(output: Path, fmt: str) -> dict | None:
    """The metadata an export wrote into `output`, or None if it is missing or unreadable."""
    try:
        with open(output, "rb") as file:
            return output_meta(file, fmt)
    except OSError:
        return None


def output_meta(file: BinaryIO, fmt: str) -> dict | None:
    try:
        if fmt == "json":
            return _json_meta(file)
        from .render.markdown import read_meta

        return read_meta(file.readline(1 << 20).decode("utf-8"))
    except (OSError, ValueError):
        return None


# A JSON output ends with its metadata, the top-level key "meta" (the only key indented by two
# spaces that can follow a line break): read from the end, a huge output is not loaded to check it.
_JSON_META_KEY = '\n  "meta": '
_JSON_META_MAX_BYTES = 1 << 16


def _json_meta(file: BinaryIO) -> dict | None:
    if file.read(1) != b"{":
        return None
    file.seek(0, os.SEEK_END)
    file.seek(max(1, file.tell() - _JSON_META_MAX_BYTES))
    tail = file.read().decode("utf-8", errors="replace")  # a character cut at the start is not the metadata
    at = tail.rfind(_JSON_META_KEY)
    if at < 0:
        return None
    meta, end = json.JSONDecoder().raw_decode(tail, at + len(_JSON_META_KEY))
    return meta if isinstance(meta, dict) and tail[end:].strip() == "}" else None
