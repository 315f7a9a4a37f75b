"""What `summarize segment` prints: the JSON shape, and a readable view for people.

JSON (one object per input):
    {"input", "encoding", "script", "warnings", "preamble": [str],
     "articles": [{"id", "title", "subtitle", "kicker", "byline", "source", "continued",
                   "start", "end",
                   "paragraphs": [{"id", "text", "heading", "start", "end", "sentences": [str]}]}]}
`title` ... `continued` are str or null; `start`/`end` are offsets into the decoded text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from .document import Article, Page

HEAD_FIELDS = ("title", "subtitle", "kicker", "byline", "source", "continued")


def page_to_dict(page: Page) -> dict[str, Any]:
    return {
        "input": page.input,
        "encoding": page.encoding,
        "script": page.script,
        "warnings": list(page.warnings),
        "preamble": list(page.preamble),
        "articles": [_article_to_dict(article) for article in page.articles],
    }


def _article_to_dict(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = {"id": article.id}
    for name in HEAD_FIELDS:
        data[name] = getattr(article, name)
    data["start"], data["end"] = article.start, article.end
    data["paragraphs"] = [
        {
            "id": p.id,
            "text": p.text,
            "heading": p.heading,
            "start": p.start,
            "end": p.end,
            "sentences": [s.text for s in p.sentences],
        }
        for p in article.paragraphs
    ]
    return data


_LABELS = {"subtitle": "subtitle", "kicker": "kicker", "byline": "byline", "source": "source", "continued": "continued"}


def render_page(page: Page, console: Console) -> None:
    """Readable view: a header per page, then each article's headline fields and paragraphs
    with their ids; headings marked with `#`. Long lines are not wrapped (soft wrap)."""
    body_count = sum(len(a.body_paragraphs) for a in page.articles)
    heading_count = sum(len(a.paragraphs) - len(a.body_paragraphs) for a in page.articles)
    header = Text()
    header.append(page.input, style="bold")
    header.append(
        f"  {page.encoding}, {page.script}, {len(page.articles)} article(s), "
        f"{body_count} paragraph(s), {heading_count} heading(s)",
        style="dim",
    )
    console.print(header, soft_wrap=True)
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
    import json
    from pathlib import Path

    from .reading import iter_sources
    from .segmentation import segment_source

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
        page = segment_source(item)
        if as_json:
            text = json.dumps(page_to_dict(page), ensure_ascii=False, indent=2)
            if single:
                stdout.write(text + "\n")
            else:
                stdout.write(("," if printed else "") + "\n" + _indent(text))
        else:
            if printed:
                console.print()
            render_page(page, console)
        printed += 1
        stdout.flush()
    if as_json and not single:
        stdout.write("\n]\n" if printed else "]\n")
    return failed


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))
