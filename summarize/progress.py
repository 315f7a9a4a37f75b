"""Progress on stderr (rich.progress): shown on a terminal (or when forced with --progress), and
only once work has lasted more than a second, so quick runs and pipes stay clean. One bar per
stage, with the model at work and the page and article it is on."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

STAGE_LABELS = {
    "summarize": "Summarizing articles",
    "translate": "Translating sentences",
    "export": "Exporting files",
}


class StageProgress:
    """A context manager whose `update(stage, done, total, where="")` is the progress callback of
    pipeline.run_pages and export.export. `enabled` None: on when `stream` (stderr) is a terminal."""

    def __init__(
        self,
        enabled: bool | None = None,
        *,
        stream: TextIO | None = None,
        delay: float = 1.0,
        engines: dict[str, str] | None = None,
    ):
        self.stream = stream or sys.stderr
        self.forced = bool(enabled)
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.delay = delay
        self.engines = engines or {}
        self._progress = None
        self._tasks: dict[str, int] = {}
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._live = False
        self._hidden = False
        self._closed = False

    def __enter__(self) -> StageProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.table import Column

            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[where]}", style="dim", table_column=Column(no_wrap=True, overflow="ellipsis")),
                # Forced on a non-terminal (a log file): the user asked for it, so draw it anyway.
                console=Console(file=self.stream, force_terminal=True if self.forced else None),
                transient=True,
            )
            # Shown by a timer rather than on the next update: loading a model can take seconds
            # before the first update arrives.
            self._timer = threading.Timer(self.delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _show(self) -> None:
        with self._lock:
            if not self._closed and self._progress is not None:
                self._progress.start()
                self._live = True

    def __exit__(self, *exc) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._closed = True
            if self._live:
                self._progress.stop()
                self._live = False

    def hide(self) -> None:
        """Take the bars off the screen while output is written (to stdout, which they must not
        mix with); the next update shows them again."""
        with self._lock:
            if self._live:
                self._progress.stop()
                self._live = False
                self._hidden = True

    def update(self, stage: str, done: int, total: int, where: str = "") -> None:
        if self._progress is None:
            return
        with self._lock:
            if self._hidden and not self._closed:
                self._progress.start()
                self._live = True
                self._hidden = False
        if stage not in self._tasks:
            label = STAGE_LABELS.get(stage, stage)
            if stage in self.engines:
                label = f"{label} ({self.engines[stage]})"
            self._tasks[stage] = self._progress.add_task(label, total=total, where=where)
        self._progress.update(self._tasks[stage], completed=done, total=total, where=where)
