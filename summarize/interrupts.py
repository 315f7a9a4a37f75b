"""SIGTERM and Ctrl-C end the process within a second, whatever it is doing.

Python runs a signal handler only between bytecodes of the main thread, so a program inside a
long C call (a model generating, a database waiting for a lock, a big regular expression) would
act on it seconds later, or never. The CLI's handlers unwind the program normally (outputs being
written are discarded, finished ones kept, workers stopped: cli.main). `watch_signals` adds a
watchdog thread, woken by the signal itself (signal.set_wakeup_fd): if the process still runs
GRACE_S later, it removes the temporary files of the outputs being written (nothing partial is
left), stops worker processes and ends the process with 128 + the signal's number (130, 143).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

GRACE_S = 0.7
_STOPPING = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
_cleanups: list[Callable[[], None]] = []


@contextmanager
def cleanup_on_stop(cleanup: Callable[[], None]) -> Iterator[None]:
    """Run `cleanup` too (after worker processes are stopped) if the process is stopped at
    once during the block: e.g. remove the temporary files the workers were writing."""
    _cleanups.append(cleanup)
    try:
        yield
    finally:
        _cleanups.remove(cleanup)


def watch_signals() -> None:
    """Start the watchdog (once, from the main thread; elsewhere signals are not ours)."""
    if threading.current_thread() is not threading.main_thread() or getattr(watch_signals, "started", False):
        return
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    try:
        signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    except ValueError:
        os.close(read_fd)
        os.close(write_fd)
        return
    watch_signals.started = True
    threading.Thread(target=_watch, args=(read_fd,), name="summarize-signals", daemon=True).start()


def _watch(read_fd: int) -> None:
    while True:
        for signum in os.read(read_fd, 64):
            if signum in _STOPPING:
                time.sleep(GRACE_S)
                _stop_now(signum)


def _stop_now(signum: int) -> None:
    """The main thread did not finish in time: leave nothing partial and end the process."""
    from .atomic import remove_temps_being_written

    multiprocessing = sys.modules.get("multiprocessing")
    children = multiprocessing.active_children() if multiprocessing is not None else []
    for child in children:
        child.kill()
    for child in children:
        child.join(GRACE_S)
    remove_temps_being_written()
    for cleanup in list(_cleanups):
        try:
            cleanup()
        except Exception:  # noqa: BLE001 - stopping anyway: the next run removes what is left
            pass
    try:
        os.write(2, f"summarize: {_STOPPING[signum]}\n".encode())
    except OSError:
        pass
    os._exit(128 + signum)
