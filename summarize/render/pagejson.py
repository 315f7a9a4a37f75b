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

from ..document import Page
from ..jsonstream import JsonObjectWriter
from .parts import first_parts


def head_to_dict(page: Page) -> dict[str, Any]:
    """The page's head (`Page.head_to_dict`), its warnings followed by what the CLI says about
    the page besides (text shown untranslated)."""
    from ..script import passthrough_notice

    head = page.head_to_dict()
    notice = passthrough_notice(page)
    if notice:
        head["warnings"] = [*head["warnings"], notice]
    return head


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
