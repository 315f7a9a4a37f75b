"""What `summarize segment` prints: the JSON shape, and a readable view for people.

JSON (one object per input):
    {"input", "encoding", "script", "warnings", "preamble": [str],
     "articles": [{"id", "title", "subtitle", "kicker", "byline", "source", "continued",
                   "start", "end",
                   "paragraphs": [{"id", "text", "heading", "start", "end", "sentences": [str]}]}]}
`title` ... `continued` are str or null; `start`/`end` are offsets into the decoded text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import TextIO

from rich.console import Console
from rich.text import Text

from .document import Page
from .jsonstream import JsonObjectWriter

_LABELS = {"subtitle": "subtitle", "kicker": "kicker", "byline": "byline", "source": "source", "continued": "continued"}


def render_page(page: Page | Iterable[Page], console: Console) -> None:
    """Readable view: a header per page, then each article's headline fields and paragraphs
    with their ids; headings marked with `#`. Long lines are not wrapped (soft wrap). A page
    given in several parts (segmentation.iter_page_parts) is printed part by part, with its
    counts in a last line instead of the header."""
    first, parts = _first_parts(page)
    if parts is None:
        console.print(_header(first, _counts(first)), soft_wrap=True)
        _render_body(first, console)
        return
    console.print(_header(first, "in parts"), soft_wrap=True)
    totals = [0, 0, 0]
    for part in parts:
        totals = [a + b for a, b in zip(totals, _count_numbers(part))]
        _render_body(part, console)
    console.print()
    console.print(Text(f"{first.input}: {_counts_text(*totals)}", style="dim"), soft_wrap=True)


def _first_parts(page: Page | Iterable[Page]) -> tuple[Page, Iterator[Page] | None]:
    """The first part, and an iterator over all parts when there is more than one (else None)."""
    if isinstance(page, Page):
        return page, None
    parts = iter(page)
    first = next(parts)
    second = next(parts, None)
    if second is None:
        return first, None
    return first, chain((first, second), parts)


def _count_numbers(page: Page) -> tuple[int, int, int]:
    body = sum(len(a.body_paragraphs) for a in page.articles)
    headings = sum(len(a.paragraphs) for a in page.articles) - body
    return len(page.articles), body, headings


def _counts_text(articles: int, body: int, headings: int) -> str:
    return f"{articles} article(s), {body} paragraph(s), {headings} heading(s)"


def _counts(page: Page) -> str:
    return _counts_text(*_count_numbers(page))


def _header(page: Page, detail: str) -> Text:
    header = Text()
    header.append(page.input, style="bold")
    header.append(f"  {page.encoding}, {page.script}, {detail}", style="dim")
    return header


def _render_body(page: Page, console: Console) -> None:
    for entry in page.preamble:
        console.print(Text.assemble(("  preamble  ", "dim"), entry), soft_wrap=True)
    for article in page.articles:
        console.print()
        title = Text.assemble((f"{article.id}  ", "bold cyan"), (article.title or "(no title)", "bold"))
        console.print(title, soft_wrap=True)
        for name, label in _LABELS.items():
            value = getattr(article, name)
            if value:
                console.print(Text.assemble((f"    {label}: ", "dim"), value), soft_wrap=True)
        for paragraph in article.paragraphs:
            line = Text(f"  {paragraph.id:<9} ", style="cyan")
            if paragraph.heading:
                line.append("# " + paragraph.text, style="bold yellow")
            else:
                line.append(paragraph.text)
            console.print(line, soft_wrap=True)


def print_segmentation(inputs: list[str], *, as_json: bool, stdout: TextIO, report: Callable[[str, str], None]) -> int:
    """Read, segment and print every input (the `segment` command). Bad inputs are reported
    (`report("error", line)`), the others still printed; warnings too (`report("warning", line)`).
    With `as_json`: one object for a single file or stdin, else a JSON array, written as it goes.
    Returns the number of inputs that failed."""
    from pathlib import Path

    from .reading import iter_sources
    from .segmentation import iter_source_parts

    single = len(inputs) == 1 and (inputs[0] == "-" or not Path(inputs[0]).is_dir())
    console = None if as_json else Console(file=stdout, highlight=False)
    failed = printed = 0
    if as_json and not single:
        stdout.write("[")
    for item in iter_sources(inputs):
        if isinstance(item, Exception):
            report("error", str(item))
            failed += 1
            continue
        for warning in item.warnings:
            report("warning", f"{item.label}: {warning}")
        if item.rest is not None:  # the offsets shown are into the whole text: a long stream is read whole
            item.text, item.rest = "".join(item.texts()), None
        page = iter_source_parts(item)
        if as_json:
            if not single:
                stdout.write(("," if printed else "") + "\n")
            for chunk in iter_page_json(page, level=0 if single else 1):
                stdout.write(chunk)
            if single:
                stdout.write("\n")
        else:
            if printed:
                console.print()
            render_page(page, console)
        del item, page
        printed += 1
        stdout.flush()
    if as_json and not single:
        stdout.write("\n]\n" if printed else "]\n")
    return failed


def iter_page_json(page: Page | Iterable[Page], *, level: int = 0) -> Iterator[str]:
    """`json.dumps(page.to_dict(), ensure_ascii=False, indent=2)` (indented `level` steps
    more), in pieces, one article at a time: a huge page never becomes one huge string. A page
    given in several parts (segmentation.iter_page_parts) is written part by part, its
    "preamble" after "articles" (the preamble of later parts is known only at the end)."""
    first, parts = _first_parts(page)
    pieces: list[str] = []
    page_json = JsonObjectWriter(pieces.append, level)
    head = first.head_to_dict()
    later_preamble = None if parts is None else head.pop("preamble")[:0]
    for key, value in head.items():
        page_json.field(key, value)
    page_json.begin_list("articles")
    parts = parts or iter((first,))
    del first  # each part is let go once written
    for part in parts:
        for article in part.articles:
            page_json.item(article.to_dict())
            yield "".join(pieces)
            pieces.clear()
        if later_preamble is not None:
            later_preamble += part.preamble
    page_json.end_list()
    if later_preamble is not None:
        page_json.field("preamble", later_preamble)
    page_json.close()
    yield "".join(pieces)
