"""The readable view of `summarize segment`: a header per page, then each article's headline
fields and paragraphs with their ids; headings marked with `#`. On a terminal, long paragraphs
wrap under their text (a hanging indent, Chinese broken between characters); in a pipe or file
each paragraph stays on one line, for grep and diff."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..document import Article, Page
from .notes import untitled_label
from .parts import first_parts
from .terminal import Wrapped

_FIELDS = ("subtitle", "kicker", "byline", "source", "continued")


def render_page(page: Page | Iterable[Page], console: Console) -> None:
    """The view of one page; a page given in several parts is printed part by part, with its
    counts in a last line instead of the header."""
    first, parts = first_parts(page)
    if parts is None:
        _header(console, first, _counts_text(*_count_numbers(first)))
        _render_body(first, console)
        return
    _header(console, first, "in parts")
    totals = [0, 0, 0]
    for part in parts:
        totals = [a + b for a, b in zip(totals, _count_numbers(part))]
        _render_body(part, console)
    console.print()
    _line(console, Text(f"{first.input}: {_counts_text(*totals)}", style="dim"))


def _count_numbers(page: Page) -> tuple[int, int, int]:
    body = sum(len(a.body_paragraphs) for a in page.articles)
    headings = sum(len(a.paragraphs) for a in page.articles) - body
    return len(page.articles), body, headings


def _counts_text(articles: int, body: int, headings: int) -> str:
    return f"{articles} article(s), {body} paragraph(s), {headings} heading(s)"


def _header(console: Console, page: Page, detail: str) -> None:
    _labelled(console, Text(page.input, style="bold"), Text(f" {page.encoding}, {page.script}, {detail}", style="dim"))


def _render_body(page: Page, console: Console) -> None:
    for entry in page.preamble:
        _labelled(console, Text("  preamble ", style="dim"), Text(entry))
    for article in page.articles:
        console.print()
        _labelled(console, Text(f"{article.id} ", style="bold cyan"), Text(_title(article), style="bold"))
        for name in _FIELDS:
            value = getattr(article, name)
            if value:
                _labelled(console, Text(f"    {name}:", style="dim"), Text(value))
        for paragraph in article.paragraphs:
            text = Text("# " + paragraph.text, style="bold yellow") if paragraph.heading else Text(paragraph.text)
            _labelled(console, Text(f"  {paragraph.id:<9}", style="cyan"), text)


def _title(article: Article) -> str:
    return article.title or untitled_label(article)


def _line(console: Console, text: Text) -> None:
    console.print(text, soft_wrap=not console.is_terminal)


def _labelled(console: Console, label: Text, text: Text) -> None:
    """`label text`; on a terminal the text wraps in its own column, so that continuation lines
    start under it and never at column 0."""
    if not console.is_terminal:
        console.print(Text.assemble(label, " ", text), soft_wrap=True)
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(label, Wrapped(text))
    console.print(grid)
