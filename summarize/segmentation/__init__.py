"""Lossless segmentation of a newspaper page: Page -> Article -> Paragraph -> Sentence.

    page = segment_text(text, input="page.txt")
    page = segment_source(source)            # a summarize.reading.Source
    spans = split_sentences("第一句。第二句！")  # [(0, 4), (4, 8)]

Steps: lines.py gives every line a role (patterns.py holds the patterns), articles.py groups
lines into articles (headline block + body) and the preamble, paragraphs.py repairs paragraphs
cut by column breaks and marks section headings, sentences.py splits sentences, assemble.py
builds the dataclasses with ids and offsets.

Guarantees: every non-whitespace character of the page appears exactly once in the output
(headline fields, paragraph texts, preamble); ids are stable; every unit's offsets satisfy the
invariant documented in summarize/document.py; segmentation never raises on any text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..decoding import normalize_text
from ..document import Page
from ..script import TRADITIONAL, detect_script, to_simplified
from .articles import group_articles
from .assemble import build_page
from .lines import split_lines
from .sentences import split_sentences

if TYPE_CHECKING:
    from ..reading import Source
    from ..registry import Registry

__all__ = ["NewspaperSegmenter", "register", "segment_source", "segment_text", "split_sentences"]


def segment_text(text: str, *, input: str = "-", encoding: str = "utf-8") -> Page:
    """Segment decoded text (normalized here: line endings, invisible and control characters).
    `Page.text` is the normalized text that all offsets refer to."""
    return _segment(normalize_text(text), input=input, encoding=encoding)


def segment_source(source: Source) -> Page:
    """Segment a Source from summarize.reading (its text is already normalized)."""
    page = _segment(source.text, input=source.input, encoding=source.encoding)
    page.warnings = list(source.warnings)
    return page


def _segment(text: str, *, input: str, encoding: str) -> Page:
    script = detect_script(text)
    key_text = to_simplified(text) if script == TRADITIONAL else text
    lines = split_lines(text, key_text)
    del key_text
    drafts, preamble = group_articles(lines)
    return build_page(text, input=input, encoding=encoding, script=script, drafts=drafts, preamble=preamble)


class NewspaperSegmenter:
    """The built-in segmenter (registry name "newspaper")."""

    name = "newspaper"

    def segment(self, text: str, *, input: str = "-", encoding: str = "utf-8") -> Page:
        return segment_text(text, input=input, encoding=encoding)


def register(registry: Registry) -> None:
    """Entry point of the `summarize.backends` group."""
    registry.add("segmenter", "newspaper", NewspaperSegmenter, "Chinese newspaper pages (rules, lossless)")
