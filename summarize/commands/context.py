"""What every command talks to besides the library: the standard streams, whether they are
terminals, colour and progress settings, and `report(level, message)`, the one way a command says
something on stderr (errors, warnings, notices, library warnings included)."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from ..progress import StageProgress

Level = Literal["error", "warning", "notice"]


@dataclass
class Context:
    streams: dict[str, TextIO] = field(default_factory=dict)
    """stdin, stdout, stderr given in place of the process's (as they are when used: a test or an
    embedding program may swap sys.stdout)."""
    color: bool | None = None
    """--color/--no-color; None: colour on a terminal."""
    progress: bool | None = None
    """--progress/--no-progress; None: bars when stderr is a terminal."""
    quiet: bool = False
    """--quiet: no notices (errors and warnings are still reported)."""
    verbose: bool = False
    """--verbose: tracebacks for bug reports."""

    @property
    def stdin(self) -> TextIO:
        return self.streams.get("stdin") or sys.stdin

    @property
    def stdout(self) -> TextIO:
        return self.streams.get("stdout") or sys.stdout

    @property
    def stderr(self) -> TextIO:
        return self.streams.get("stderr") or sys.stderr

    @property
    def stdin_isatty(self) -> bool:
        return _isatty(self.stdin)

    def report(self, level: Level, message: str) -> None:
        """One line on stderr, `summarize: LEVEL: message` (line breaks in library messages are
        joined). Notices are left out with --quiet."""
        if level == "notice" and self.quiet:
            return
        self.stderr.write(f"summarize: {level}: {' '.join(message.split())}\n")
        self.stderr.flush()

    def stdout_console(self, *, width: int | None = None) -> Console:
        """A rich console on stdout that honours --color/--no-color."""
        from rich.console import Console

        return Console(
            file=self.stdout, width=width, force_terminal=self.color, no_color=self.color is False, highlight=False
        )

    def progress_bars(self) -> StageProgress:
        from ..progress import StageProgress

        return StageProgress(self.progress, stream=self.stderr)

    def reading_stdin(self, inputs: list[str]) -> None:
        """Someone typing the page at a terminal (`run -`) is told how to end it."""
        if "-" in inputs and self.stdin_isatty:
            self.report("notice", "reading the page from the terminal; end it with Ctrl-D on a line of its own (Ctrl-Z then Enter on Windows)")

    @contextmanager
    def library_warnings(self) -> Iterator[None]:
        """Library warnings (a cache set aside, bad bytes dropped) reported as warning lines."""

        def show(message, category, filename, lineno, file=None, line=None):
            self.report("warning", str(message))

        previous = warnings.showwarning
        warnings.showwarning = show
        try:
            yield
        finally:
            warnings.showwarning = previous


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        return False
