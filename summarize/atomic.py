"""Atomic file writes: a temporary file in the target directory, fsync, then rename. A reader sees
the old file or the new one, never a partial one, whenever the writer is interrupted or killed.
Temporary files carry the writer's pid, so a later run can remove those of dead writers."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError

TEMP_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.summarize-tmp$")
# The disk is full or takes no writes: every later write there would fail the same way.
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


class StorageError(OutputError):
    """An output failed because of its disk (full, over quota, read-only), not of itself: a
    batch stops at the first one instead of failing every file the same way."""


def write_atomic(path: Path, text: str) -> None:
    with AtomicOutput(path) as out:
        out.write(text)


class AtomicOutput:
    """A text file being written as `path`: the text goes to a temporary file next to it, which
    `commit` puts in place (fsync, rename) and `discard` removes. As a context manager it commits
    when its block ends normally and discards otherwise (an error, Ctrl-C), so an output written
    piece by piece over a long run is, like one written at once, old or new, never partial.

    With `dir_fd` (an open folder, closed with the output: see output_guard.OutputFolder) the
    file is `path.name` in that folder, and a link there is replaced itself, never written through. Without it, a link at
    `path` is followed (the link stays, its target is replaced): the user named that path; and a
    device or FIFO there (-o /dev/null, /dev/stdout, a pipe) is written straight to, since renaming
    over it would put a plain file in its place. The temporary file is created new, never through
    a link."""

    def __init__(self, path: Path, *, dir_fd: int | None = None):
        self.path = path
        self._tmp: str | None = None
        self._file = None
        self._dir_fd = dir_fd
        try:
            if dir_fd is None:
                mode = _mode(path)
                if mode is not None and stat.S_ISDIR(mode):
                    raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
                if mode is not None and not stat.S_ISREG(mode):
                    self._file = open(path, "w", encoding="utf-8", newline="\n")
                    return
                target = Path(os.path.realpath(path)) if path.is_symlink() else path
                target.parent.mkdir(parents=True, exist_ok=True)
                self._dir_fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
                self._name = target.name
            else:
                self._name = path.name
                if stat.S_ISDIR(_mode(self._name, dir_fd) or 0):
                    raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
            self._tmp = _temp_name(self._name)
            # Known before the file exists: a Ctrl-C from here on, even before the caller holds
            # this output, leaves the file to discard_unfinished (or the watchdog) to remove.
            _being_written.add(self)
            self._file = open(self._tmp, "w", encoding="utf-8", newline="\n", opener=self._create_temp)
        except OSError as exc:
            _being_written.discard(self)
            self.remove_temp()
            self._close_dir()
            raise _output_error(exc, path) from exc

    def _create_temp(self, name: str, _flags: int) -> int:
        """A new empty file `name` in the folder, open for writing. What is already there under
        that name (left by a dead writer that had our pid, or a link) is removed, never written
        through."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            return os.open(name, flags, 0o666, dir_fd=self._dir_fd)
        except FileExistsError:
            os.unlink(name, dir_fd=self._dir_fd)
            return os.open(name, flags, 0o666, dir_fd=self._dir_fd)

    def write(self, text: str) -> None:
        try:
            self._file.write(text)
        except OSError as exc:
            self.discard()
            raise _output_error(exc, self.path) from exc

    def commit(self) -> None:
        try:
            self._file.flush()
            if self._tmp is None:  # a device or FIFO, written in place
                self._file.close()
                return
            os.fsync(self._file.fileno())
            self._file.close()
            # Renaming over a link replaces the link itself.
            os.replace(self._tmp, self._name, src_dir_fd=self._dir_fd, dst_dir_fd=self._dir_fd)
            self._tmp = None
        except OSError as exc:
            raise _output_error(exc, self.path) from exc
        finally:
            self.discard()  # after a failed commit; a no-op after a good one

    def discard(self) -> None:
        try:
            if self._file is not None:
                self._file.close()
        except OSError:
            pass  # the data is being thrown away: a failed flush does not matter
        self.remove_temp()
        _being_written.discard(self)
        self._close_dir()

    def remove_temp(self) -> None:
        if self._tmp is None:
            return
        try:
            os.unlink(self._tmp, dir_fd=self._dir_fd)
        except OSError:
            pass
        self._tmp = None

    def _close_dir(self) -> None:
        if self._dir_fd is not None:
            os.close(self._dir_fd)
            self._dir_fd = None

    def __enter__(self) -> AtomicOutput:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


# The outputs this process is writing: a process stopped at once (interrupts.py) removes their
# temporary files first, so that nothing partial is left.
_being_written: set[AtomicOutput] = set()


def remove_temps_being_written() -> None:
    """From the watchdog thread, the main thread being stuck: only the files are removed."""
    for output in list(_being_written):
        output.remove_temp()


def discard_unfinished() -> None:
    """Discard every output not yet committed: called when a command has ended by an exception,
    so that one interrupted before its caller held it (a Ctrl-C between its temporary file being
    created and the `with` block or assignment that would have discarded it) leaves nothing."""
    for output in list(_being_written):
        output.discard()


def _mode(path: Path | str, dir_fd: int | None = None) -> int | None:
    """st_mode of what is at `path` (in `dir_fd`: of the link itself), None when nothing is."""
    try:
        if dir_fd is None:
            return os.stat(path).st_mode
        return os.lstat(path, dir_fd=dir_fd).st_mode
    except FileNotFoundError:
        return None


def _output_error(exc: OSError, path: Path) -> OutputError:
    error = StorageError if exc.errno in _STORAGE_ERRNOS else OutputError
    return error(_describe(exc), path=str(path))


# File names have at most 255 bytes on common file systems.
_NAME_MAX_BYTES = 255


def _temp_name(name: str, pid: int | None = None) -> str:
    """`.NAME.PID.summarize-tmp`, with NAME shortened when the whole would be too long a name."""
    suffix = f".{os.getpid() if pid is None else pid}.summarize-tmp"
    raw = os.fsencode(name)[: _NAME_MAX_BYTES - 1 - len(suffix)]
    return "." + os.fsdecode(raw) + suffix  # a character cut in two is fine in a name


def remove_stale_temps(root: Path) -> int:
    """Delete temporary files left in `root` by writers that no longer run (e.g. after kill -9)."""
    return _remove_dead(root.rglob("*.summarize-tmp"))


def remove_stale_temps_of(path: Path) -> int:
    """Delete the temporary files that dead writers of `path` left next to it (e.g. a `run -o`
    killed with kill -9); only its folder is looked at, not the tree under it."""

    def is_temp_of_path(tmp: Path) -> bool:
        match = TEMP_RE.match(tmp.name)
        return match is not None and tmp.name == _temp_name(path.name, int(match["pid"]))

    return _remove_dead(filter(is_temp_of_path, path.parent.glob(".*.summarize-tmp")))


def _remove_dead(temps: Iterable[Path]) -> int:
    removed = 0
    for tmp in temps:
        match = TEMP_RE.match(tmp.name)
        if match and not _alive(int(match["pid"])):
            try:
                tmp.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _describe(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk full; free some space and run again (finished outputs are kept)"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "cannot write here (permission denied or read-only); choose another output directory"
    if exc.errno == errno.EISDIR:
        return "is a directory; give a file name, or a directory with `export -o`"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return "a file is in the way where a directory is needed; move it or choose another output directory"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long for the file system; rename the input to something shorter"
    return f"cannot write: {exc.strerror or exc}; check the output directory and run again"
