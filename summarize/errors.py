"""Errors the user can act on, and the exit statuses of the command line. The CLI prints
`str(error)` as one line and exits with the error's `exit_code`."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0
    ERROR = 1
    """Some outputs failed, the system refused a write, or an internal error (a bug)."""
    BAD_INPUT = 2
    """Bad input or usage: nothing was wrong with the tool, something with what it was given."""
    INTERRUPTED = 130
    """Ctrl-C (128 + SIGINT, as shells report it)."""
    TERMINATED = 143
    """SIGTERM (128 + SIGTERM)."""


class SummarizeError(Exception):
    """Base for errors shown to the user as one line (no traceback)."""

    exit_code = ExitStatus.BAD_INPUT

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None):
        self.path = path
        self.hint = hint
        self.message = message
        super().__init__(self._render())

    def _render(self) -> str:
        text = f"{self.path}: {self.message}" if self.path else self.message
        if self.hint:
            text = f"{text.rstrip('.')}. {self.hint}"
        # One line, always: messages may quote file content or library errors.
        return " ".join(text.split())


class InputError(SummarizeError):
    """A file, directory or stdin that cannot be read as Chinese text."""


class UsageError(SummarizeError):
    """Bad options or settings (a glossary line, a config value, an output path)."""


class ModelError(SummarizeError):
    """A model that is missing, not the right kind, or broken on disk."""


class OutputError(SummarizeError):
    """An output that cannot be written (read-only directory, disk full, wrong path type)."""
