"""`summarize run`: the digest of every input in the terminal view, Markdown or JSON, to stdout or
to a file (-o), written as it is made.

Inputs are read, segmented and digested in batches (pipeline.page_batches): the normal inputs of
a run form one batch stream, a huge input goes part by part, and each batch is written out before
the next one is read, so memory holds one batch, never a whole huge input's digest. Several pages
make one output: terminal views one after the other, or the document format's joining (see
render.formats). A file is written atomically: a temporary file, renamed when complete.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitStatus
from .engines import EngineChoice

if TYPE_CHECKING:
    from ..digest import PageDigest
    from ..pipeline import Engines, PagePart, RunOptions, StageCallback
    from ..reading import InputRef, Source
    from .context import Context

# The width of the terminal view written to a file (-o); a pipe gets COLUMNS, else 80.
FILE_WIDTH = 120


def run(ctx: Context, inputs: list[str], options: RunOptions, choice: EngineChoice, output: Path | None = None) -> ExitStatus:
    """Digest every input and write the output. Bad inputs are reported, the others still
    digested. The engines are made once, when the first batch is ready. BAD_INPUT when an input
    could not be read."""
    from ..pipeline import Engines, page_batches, run_pages
    from ..reading import discover

    items = discover(inputs)
    if output is not None:
        from ..output_guard import refuse_input_as_output

        refuse_input_as_output(output, items)
    ctx.reading_stdin(inputs)
    inputs_read = _Inputs(items, ctx)
    engines: Engines | None = None
    documents: _Documents | None = None
    with ExitStack() as stack:
        bars = stack.enter_context(ctx.progress_bars())
        for batch in page_batches(inputs_read.items, inputs_read.read):
            for part in batch:
                inputs_read.report_notes(part)
            engines = engines or Engines(options)
            bars.engines = {"summarize": engines.summarizer.info.name, "translate": engines.translator.info.name}
            pages = [part.page for part in batch]
            digests = run_pages(pages, engines, progress=_announcing(ctx, choice, engines, pages, bars))
            bars.hide()  # while stdout is written
            if documents is None:
                write = _open_output(ctx, output, stack)
                documents = _Documents(ctx, options, write, several=inputs_read.several(), to_file=output is not None)
            for part, digest in zip(batch, digests):
                documents.part(part, digest)
            del batch, digests, part, digest  # written: let them go before the next batch is read
        if documents is not None:
            documents.close()
    return ExitStatus.BAD_INPUT if inputs_read.failed else ExitStatus.SUCCESS


def _open_output(ctx: Context, output: Path | None, stack: ExitStack) -> Callable[[str], None]:
    """Where the output goes: stdout, or a file put in place when `stack` closes without an error."""
    if output is None:
        return ctx.stdout.write
    from ..atomic import AtomicOutput, remove_stale_temps_of

    remove_stale_temps_of(output)  # left by an earlier run killed while writing it
    return stack.enter_context(AtomicOutput(output)).write



def _announcing(ctx: Context, choice: EngineChoice, engines: Engines, pages: list, bars) -> StageCallback:
    """The progress callback, which first gives the engines notice when a stage has work to do:
    a run served from the cache says nothing about the engines."""

    def update(stage: str, done: int, total: int, where: str) -> None:
        if done < total and not choice.announced:
            bars.hide()  # the notice is a line of its own, not mixed into the bars
            choice.announce(ctx, engines, pages)
        bars.update(stage, done, total, where)

    return update


class _Inputs:
    """The inputs of a run, read one at a time, their problems reported."""

    def __init__(self, items: list[InputRef | Exception], ctx: Context):
        self.items = items
        self.ctx = ctx
        self.tried = self.read_ok = self.failed = 0
        self._foreign = 0  # sentences without Chinese in the parts of the page so far

    def read(self, item: InputRef | Exception) -> Source | None:
        from ..errors import InputError
        from ..reading import read_source

        self.tried += 1
        if not isinstance(item, Exception):
            try:
                source = read_source(item)
            except InputError as exc:
                item = exc
            else:
                self.read_ok += 1
                return source
        self.ctx.report("error", str(item))
        self.failed += 1
        return None

    def several(self) -> bool:
        """Whether the output holds several pages. Exact once every input has been read, as
        they all are before the first output unless the first input is huge: then, whether any
        other input is named."""
        from ..reading import InputRef

        return self.read_ok > 1 or any(isinstance(item, InputRef) for item in self.items[self.tried :])

    def report_notes(self, part: PagePart) -> None:
        """A page's warnings (at its first part) and its notice (at its last part)."""
        from ..script import foreign_sentences, passthrough_notice

        page = part.page
        label = page.label
        if part.first:
            self._foreign = 0
            for warning in page.warnings:
                self.ctx.report("warning", f"{label}: {warning}")
        if part.first and part.last:
            notice = passthrough_notice(page)
        else:
            self._foreign += foreign_sentences(page)
            notice = passthrough_notice(page, self._foreign) if part.last else None
        if notice:
            self.ctx.report("notice", f"{label}: {notice}")


class _Documents:
    """The documents of a run's pages, one after the other in one output, each written as its
    parts' digests come."""

    def __init__(self, ctx: Context, options: RunOptions, write: Callable[[str], None], *, several: bool, to_file: bool):
        from ..render.formats import DOCUMENT_FORMATS

        self._write, self._full, self._several = write, options.full, several
        self._pages = 0
        self._document = None
        self._plain: io.StringIO | None = None  # the terminal view as plain text, before it is written
        self._format = DOCUMENT_FORMATS.get(options.format)
        if self._format is None:
            self._terminal = self._terminal_view(ctx, to_file)
        else:
            write(self._format.opening(several))

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
        if self._format is not None:
            self._write(self._format.closing(self._several))

    def _new_document(self):
        if self._format is None:
            return self._terminal
        self._write(self._format.before(self._pages, self._several))
        return self._format.writer(self._write, full=self._full, page=self._pages, several=self._several)

    def _terminal_view(self, ctx: Context, to_file: bool):
        from rich.console import Console

        from ..render.terminal import TerminalWriter

        width = FILE_WIDTH
        if not to_file:
            console = ctx.stdout_console()
            if console.is_terminal:
                return TerminalWriter(console, full=self._full)
            width = console.width
        self._plain = io.StringIO()
        return TerminalWriter(Console(file=self._plain, width=width, no_color=True, force_terminal=False), full=self._full)

