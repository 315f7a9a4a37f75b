"""What `summarize run` writes: the digest of every input in the terminal view, Markdown or JSON,
to stdout or to a file (-o), as it is made.

Inputs are read, segmented and digested in batches (pipeline.page_batches): the normal inputs of
a run form one batch stream, a huge input goes part by part, and each batch is written out before
the next one is read, so memory holds one batch, never a whole huge input's digest. Several pages
make one output: terminal views one after the other, Markdown documents between rules, a JSON
array (a single page: one object). A file is written atomically: a temporary file, renamed when
complete.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pipeline import Engines, PageDigest, PagePart
    from .reading import InputRef, Source

# The width of the terminal view written to a file (-o); a pipe gets COLUMNS, else 80.
FILE_WIDTH = 120


def run_inputs(
    inputs: list[str],
    make_engines: Callable[[], Engines],
    *,
    fmt: str,
    output: Path | None,
    full: bool,
    color: bool | None,
    progress: bool | None,
    report: Callable[[str, str], None],
) -> int:
    """Digest every input and write the output (the `run` command). Bad inputs are reported
    (`report("error", line)`), the others still digested; warnings and notices too
    (`report("warning" | "notice", line)`). `make_engines` is called once, when the first batch
    is ready. Returns the number of inputs that could not be read."""
    from .pipeline import page_batches, run_pages
    from .progress import StageProgress
    from .reading import discover

    inputs_read = _Inputs(discover(inputs), report)
    if output is not None:
        from .output_guard import refuse_input_as_output

        refuse_input_as_output(output, inputs_read.items)
    engines: Engines | None = None
    documents: _Documents | None = None
    with ExitStack() as stack:
        bars = stack.enter_context(StageProgress(progress))
        for batch in page_batches(inputs_read.items, inputs_read.read):
            for part in batch:
                inputs_read.report_notes(part)
            if engines is None:
                engines = make_engines()
                bars.engines = {"summarize": engines.summarizer.info.name, "translate": engines.translator.info.name}
            digests = run_pages([part.page for part in batch], engines, progress=bars.update)
            bars.hide()  # while stdout is written
            if documents is None:
                write = _open_output(output, stack)
                documents = _Documents(fmt, write, full=full, several=inputs_read.several(), color=color, to_file=output is not None)
            for part, digest in zip(batch, digests):
                documents.part(part, digest)
            del batch, digests, part, digest  # written: let them go before the next batch is read
        if documents is not None:
            documents.close()
    return inputs_read.failed


def _open_output(output: Path | None, stack: ExitStack) -> Callable[[str], None]:
    """Where the output goes: stdout, or a file put in place when `stack` closes without an error."""
    if output is None:
        return sys.stdout.write
    from .atomic import AtomicOutput, remove_stale_temps_of

    remove_stale_temps_of(output)  # left by an earlier run killed while writing it
    return stack.enter_context(AtomicOutput(output)).write


class _Inputs:
    """The inputs of a run, read one at a time, their problems reported."""

    def __init__(self, items: list[InputRef | Exception], report: Callable[[str, str], None]):
        self.items = items
        self.report = report
        self.tried = self.read_ok = self.failed = 0
        self._foreign = 0  # sentences without Chinese in the parts of the page so far

    def read(self, item: InputRef | Exception) -> Source | None:
        from .errors import InputError
        from .reading import read_source

        self.tried += 1
        if not isinstance(item, Exception):
            try:
                source = read_source(item)
            except InputError as exc:
                item = exc
            else:
                self.read_ok += 1
                return source
        self.report("error", str(item))
        self.failed += 1
        return None

    def several(self) -> bool:
        """Whether the output holds several pages. Exact once every input has been read, as
        they all are before the first output unless the first input is huge: then, whether any
        other input is named."""
        from .reading import InputRef

        return self.read_ok > 1 or any(isinstance(item, InputRef) for item in self.items[self.tried :])

    def report_notes(self, part: PagePart) -> None:
        """A page's warnings (at its first part) and its notice (at its last part)."""
        from .script import foreign_sentences, passthrough_notice

        page = part.page
        label = "stdin" if page.input == "-" else page.input
        if part.first:
            self._foreign = 0
            for warning in page.warnings:
                self.report("warning", f"{label}: {warning}")
        if part.first and part.last:
            notice = passthrough_notice(page)
        else:
            self._foreign += foreign_sentences(page)
            notice = passthrough_notice(page, self._foreign) if part.last else None
        if notice:
            self.report("notice", f"{label}: {notice}")


class _Documents:
    """The documents of a run's pages, one after the other in one output, each written as its
    parts' digests come."""

    def __init__(self, fmt: str, write: Callable[[str], None], *, full: bool, several: bool, color: bool | None, to_file: bool):
        self._fmt, self._write, self._full, self._several = fmt, write, full, several
        self._pages = 0
        self._document = None
        self._plain: io.StringIO | None = None  # the terminal view as plain text, before it is written
        if fmt == "terminal":
            self._terminal = self._terminal_view(color, to_file)
        elif fmt == "json" and several:
            write("[")

    def part(self, part: PagePart, digest: PageDigest) -> None:
        if part.first:
            self._pages += 1
            self._document = self._new_document()
        self._document.part(digest, first=part.first, last=part.last)
        if self._plain is not None:
            # Plain text for pipes and files: without the padding rich adds at line ends.
            lines = self._plain.getvalue().splitlines()
            self._plain.seek(0)
            self._plain.truncate()
            self._write("".join(line.rstrip() + "\n" for line in lines))

    def close(self) -> None:
        if self._fmt == "json":
            self._write("\n]\n" if self._several else "\n")

    def _new_document(self):
        if self._fmt == "markdown":
            from .render.markdown import MarkdownWriter

            if self._pages > 1:
                self._write("\n---\n\n")
            return MarkdownWriter(self._write, full=self._full, note_prefix=f"p{self._pages}-" if self._several else "")
        if self._fmt == "json":
            from .render.jsonout import DigestJsonWriter

            if self._several:
                self._write(("," if self._pages > 1 else "") + "\n")
            return DigestJsonWriter(self._write, full=self._full, level=1 if self._several else 0)
        return self._terminal

    def _terminal_view(self, color: bool | None, to_file: bool):
        from rich.console import Console

        from .render.terminal import TerminalWriter

        width = FILE_WIDTH
        if not to_file:
            console = Console(force_terminal=color, no_color=color is False, highlight=False)
            if console.is_terminal:
                return TerminalWriter(console, full=self._full)
            width = console.width
        self._plain = io.StringIO()
        return TerminalWriter(Console(file=self._plain, width=width, no_color=True, force_terminal=False), full=self._full)
