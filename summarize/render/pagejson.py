"""The JSON of a segmented page (`summarize segment --json`, and the head of every digest's JSON).

One object per page:
    {"input", "encoding", "script", "warnings", "preamble": [str],
     "articles": [{"id", "title", "subtitle", "kicker", "byline", "source", "continued",
                   "start", "end",
                   "paragraphs": [{"id", "text", "heading", "start", "end", "sentences": [str]}]}]}
`title` ... `continued` are str or null; `start`/`end` are offsets into the decoded text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..document import Article, Page
from ..jsonstream import JsonObjectWriter
from .parts import first_parts

HEAD_FIELDS = ("title", "subtitle", "kicker", "byline", "source", "continued")


def head_to_dict(page: Page) -> dict[str, Any]:
    return {
        "input": page.input,
        "encoding": page.encoding,
        "script": page.script,
        "warnings": list(page.warnings) + _notices(page),
        "preamble": list(page.preamble),
    }


def _notices(page: Page) -> list[str]:
    """What the CLI says about the page besides its warnings (text shown untranslated)."""
    from ..script import passthrough_notice

    notice = passthrough_notice(page)
    return [notice] if notice else []


def article_to_dict(article: Article) -> dict[str, Any]:
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



def iter_page_json(page: Page | Iterable[Page], *, level: int = 0) -> Iterator[str]:
    """The page's JSON as `json.dumps(..., ensure_ascii=False, indent=2)` would write it (indented
    `level` steps more), in pieces, one article at a time: a huge page never becomes one huge string. A page
    given in several parts (segmentation.iter_page_parts) is written part by part, its
    "preamble" after "articles" (the preamble of later parts is known only at the end)."""
    first, parts = first_parts(page)
    pieces: list[str] = []
    page_json = JsonObjectWriter(pieces.append, level)
    head = head_to_dict(first)
    later_preamble = None if parts is None else head.pop("preamble")[:0]
    for key, value in head.items():
        page_json.field(key, value)
    page_json.begin_list("articles")
    parts = parts or iter((first,))
    del first  # each part is let go once written
    for part in parts:
        for article in part.articles:
            page_json.item(article_to_dict(article))
            yield "".join(pieces)
            pieces.clear()
        if later_preamble is not None:
            later_preamble += part.preamble
    page_json.end_list()
    if later_preamble is not None:
        page_json.field("preamble", later_preamble)
    page_json.close()
    yield "".join(pieces)
