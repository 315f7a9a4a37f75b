"""The document formats, by name: what `run --format` and `export --format` write, with the file
suffix that names each. One page is one document (written part by part, see pipeline.PagePart);
several pages in one output are joined the way the format allows (Markdown: between rules; JSON: an
array). The terminal view is not a document format: `run` draws it on a console."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

TERMINAL = "terminal"


class DocumentWriter(Protocol):
    def part(self, digest, *, first: bool = True, last: bool = True) -> None: ...


@dataclass(frozen=True)
class DocumentFormat:
    name: str
    suffix: str
    """What an export names its outputs with."""

    def writer(self, write: Callable[[str], None], *, full: bool, meta: dict | None = None, page: int = 1, several: bool = False) -> DocumentWriter:
        """The writer of the document of one page; `page` counts from 1 in an output of `several`."""
        raise NotImplementedError

    def opening(self, several: bool) -> str:
        return ""

    def before(self, page: int, several: bool) -> str:
        """What goes before the document of page number `page`."""
        return ""

    def closing(self, several: bool) -> str:
        return ""


class _Markdown(DocumentFormat):
    def writer(self, write, *, full, meta=None, page=1, several=False):
        from .markdown import MarkdownWriter

        # Footnote labels stay unique when several pages share one document.
        return MarkdownWriter(write, full=full, meta=meta, note_prefix=f"p{page}-" if several else "")

    def before(self, page, several):
        return "\n---\n\n" if page > 1 else ""


class _Json(DocumentFormat):
    def writer(self, write, *, full, meta=None, page=1, several=False):
        from .jsonout import DigestJsonWriter

        return DigestJsonWriter(write, full=full, meta=meta, level=1 if several else 0)

    def opening(self, several):
        return "[" if several else ""

    def before(self, page, several):
        return ("," if page > 1 else "") + "\n" if several else ""

    def closing(self, several):
        return "\n]\n" if several else "\n"  # a text file ends with a line break


DOCUMENT_FORMATS: dict[str, DocumentFormat] = {
    "markdown": _Markdown("markdown", ".md"),
    "json": _Json("json", ".json"),
}
ALIASES = {"md": "markdown"}
_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".txt": TERMINAL}


def format_of_path(path: Path) -> str | None:
    """The format a file name asks for (`digest.md`: markdown), or None for an unknown suffix."""
    return _BY_SUFFIX.get(path.suffix.lower())


def known_suffixes() -> str:
    return ", ".join(_BY_SUFFIX)
