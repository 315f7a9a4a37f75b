"""Errors the user can act on. The CLI prints `str(error)` as one line and exits with `exit_code`."""

from __future__ import annotations


class SummarizeError(Exception):
    """Base for errors shown to the user as one line (no traceback)."""

    exit_code = 2

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
