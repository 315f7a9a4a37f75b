"""Lossless segmentation of a newspaper page: Page -> Article -> Paragraph -> Sentence.

    page = segment_text(text, input="page.txt")
    page = segment_source(source)            # a summarize.reading.Source
    spans = split_sentences("第一句。第二句！")  # [(0, 4), (4, 8)]

Steps: lines.py gives every line a role (patterns.py holds the patterns), articles.py groups
lines into articles (headline block + body) and the preamble, paragraphs.py repairs paragraphs
cut by column breaks and marks section headings, summarize/text.py splits sentences, assemble.py
builds the dataclasses with ids and offsets.

Guarantees: every non-whitespace character of the page appears exactly once in the output
(headline fields, paragraph texts, preamble); ids are stable; every unit's offsets satisfy the
invariant documented in summarize/document.py; segmentation never raises on any text.

A huge page (more than parts.PART_CHARS characters, e.g. a year of pages in one file) is segmented
part by part, cut between articles (parts.py): `iter_page_parts` yields the parts one at a time
for callers that stream their output, so memory stays bounded by the part size.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..decoding import normalize_text
from ..document import Page
from ..script import TRADITIONAL, detect_script, has_traditional, to_simplified
from ..text import split_sentences
from .articles import group_articles
from .assemble import build_page
from .lines import split_lines
from .parts import PART_CHARS, part_spans

if TYPE_CHECKING:
    from ..reading import Source

__all__ = ["iter_page_parts", "iter_source_parts", "segment_source", "segment_text", "split_sentences"]


def segment_text(text: str, *, input: str = "-", encoding: str = "utf-8") -> Page:
    """Segment decoded text (normalized here: line endings, invisible and control characters).
    `Page.text` is the normalized text that all offsets refer to."""
    return _segment(normalize_text(text), input=input, encoding=encoding)


def segment_source(source: Source) -> Page:
    """Segment a Source from summarize.reading (its text is already normalized; a long stream's
    parts are read and joined)."""
    text = "".join(source.texts()) if source.rest is not None else source.text
    page = _segment(text, input=source.input, encoding=source.encoding)
    page.warnings = list(source.warnings)
    return page


def iter_source_parts(source: Source, *, part_chars: int = PART_CHARS) -> Iterator[Page]:
    """`segment_source` part by part (see `iter_page_parts`); the first part carries the
    source's warnings. A long stream's text parts (Source.rest) are segmented one after the
    other, each part's offsets into its own text, articles numbered across them."""
    first_number, warnings = 1, list(source.warnings)
    for text in source.texts():
        for part in iter_page_parts(text, input=source.input, encoding=source.encoding, part_chars=part_chars, first_number=first_number):
            part.warnings, warnings = warnings, []
            first_number += len(part.articles)
            yield part


def iter_page_parts(
    text: str, *, input: str = "-", encoding: str = "utf-8", part_chars: int = PART_CHARS, first_number: int = 1
) -> Iterator[Page]:
    """The segmentation of normalized `text` as consecutive parts (one for all but huge texts):
    Pages that share `text` (offsets are into all of it), articles numbered across parts from
    `first_number`. All the parts' articles and preamble entries, in order, are the page's."""
    script = detect_script(text)
    analysis = to_simplified if script == TRADITIONAL else _simplified_lines
    for start, end in part_spans(text, part_chars, analysis):
        part = text if (start, end) == (0, len(text)) else text[start:end]
        key_text = analysis(part)
        del part
        lines = split_lines(key_text, base=start)
        del key_text
        drafts, preamble = group_articles(lines)
        del lines
        page = build_page(text, input=input, encoding=encoding, script=script, drafts=drafts, preamble=preamble, first_number=first_number)
        first_number += len(page.articles)
        yield page


def _simplified_lines(text: str) -> str:
    """The analysis copy of a page that is not Traditional: its Traditional lines (a Taiwan
    story with its byline `記者林佳蓉∕台南報導` in a Simplified page) converted, so the rules
    read them; same length, and the text itself untouched when it has no such line."""
    if not has_traditional(text):
        return text
    return "\n".join(to_simplified(line) if has_traditional(line) else line for line in text.split("\n"))


def _segment(text: str, *, input: str, encoding: str) -> Page:
    parts = iter_page_parts(text, input=input, encoding=encoding)
    page = next(parts)
    for part in parts:
        page.articles += part.articles
        page.preamble += part.preamble
        page.preamble_spans += part.preamble_spans
    return page

