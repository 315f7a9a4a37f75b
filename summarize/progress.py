"""Progress on stderr (rich.progress), shown only on a terminal and only once work has lasted
more than a second, so quick runs and pipes stay clean."""

from __future__ import annotations

import sys
import time

STAGE_LABELS = {
    "read": "Reading pages",
    "summarize": "Summarizing articles",
    "translate": "Translating",
    "export": "Exporting files",
}


class StageProgress:
    def __init__(self, enabled: bool | None = None, *, delay: float = 1.0, engines: dict[str, str] | None = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.delay = delay
        self.engines = engines or {}
        self._progress = None
        self._tasks: dict[str, int] = {}
        self._started_at = time.monotonic()
        self._live = False

    def __enter__(self) -> StageProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None and self._live:
            self._progress.stop()
        self._live = False

    def update(self, stage: str, done: int, total: int) -> None:
        """Stage callback for pipeline.run_pages and export: `stage` is a key of STAGE_LABELS."""
        if self._progress is None:
            return
        if stage not in self._tasks:
            label = STAGE_LABELS.get(stage, stage)
            if stage in self.engines:
                label = f"{label} ({self.engines[stage]})"
            self._tasks[stage] = self._progress.add_task(label, total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)
        if not self._live and time.monotonic() - self._started_at >= self.delay:
            self._progress.start()
            self._live = True
