"""Atomic file writes: a temporary file in the target directory, fsync, then rename. A reader sees
the old file or the new one, never a partial one, whenever the writer is interrupted or killed.
Temporary files carry the writer's pid, so a later run can remove those of dead writers."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from .errors import OutputError

TEMP_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.summarize-tmp$")
# The disk is full or takes no writes: every later write there would fail the same way.
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


class StorageError(OutputError):
    """An output failed because of its disk (full, over quota, read-only), not of itself: a
    batch stops at the first one instead of failing every file the same way."""


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(_temp_name(path.name))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        error = StorageError if exc.errno in _STORAGE_ERRNOS else OutputError
        raise error(_describe(exc), path=str(path)) from exc
    finally:
        # Interrupted (Ctrl-C) or failed: leave nothing half-written behind.
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


# File names have at most 255 bytes on common file systems.
_NAME_MAX_BYTES = 255


def _temp_name(name: str) -> str:
    """`.NAME.PID.summarize-tmp`, with NAME shortened when the whole would be too long a name."""
    suffix = f".{os.getpid()}.summarize-tmp"
    raw = os.fsencode(name)[: _NAME_MAX_BYTES - 1 - len(suffix)]
    return "." + os.fsdecode(raw) + suffix  # a character cut in two is fine in a name


def remove_stale_temps(root: Path) -> int:
    """Delete temporary files left in `root` by writers that no longer run (e.g. after kill -9)."""
    removed = 0
    for tmp in root.rglob("*.summarize-tmp"):
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
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return "a file is in the way where a directory is needed; move it or choose another output directory"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long for the file system; rename the input to something shorter"
    return f"cannot write: {exc.strerror or exc}; check the output directory and run again"
