"""Invariants every segmentation must satisfy, shared by the segmentation tests."""

from __future__ import annotations

import re
from collections import Counter

from summarize.document import Page
from summarize.reading import InputRef, read_source
from summarize.segmentation import segment_source

HEAD_FIELDS = ("title", "subtitle", "kicker", "byline", "source", "continued")
_SPACE = re.compile(r"\s+")


def strip_whitespace(text: str) -> str:
    return _SPACE.sub("", text)


def output_pieces(page: Page) -> list[str]:
    """Every text the segmentation put out: preamble, headline fields, paragraphs."""
    pieces = list(page.preamble)
    for article in page.articles:
        pieces.extend(getattr(article, name) for name in HEAD_FIELDS if getattr(article, name))
        pieces.extend(p.text for p in article.paragraphs)
    return pieces


def assert_lossless(page: Page) -> None:
    """Every non-whitespace character of the page appears exactly once in the output."""
    out = Counter(strip_whitespace("".join(output_pieces(page))))
    assert out == Counter(strip_whitespace(page.text)), (out - Counter(strip_whitespace(page.text)), Counter(strip_whitespace(page.text)) - out)


def assert_offsets(page: Page) -> None:
    """Ids, offsets and sentence concatenation as documented in summarize/document.py."""
    text = page.text
    for entry, (start, end) in zip(page.preamble, page.preamble_spans, strict=True):
        assert text[start:end] == entry
    for a_index, article in enumerate(page.articles, 1):
        assert article.id == f"a{a_index}"
        assert article.paragraphs, "an article always has paragraphs"
        for name, spans in article.field_spans.items():
            assert " ".join(text[s:e] for s, e in spans) == getattr(article, name)
        for p_index, paragraph in enumerate(article.paragraphs, 1):
            assert paragraph.id == f"{article.id}.p{p_index}"
            assert article.start <= paragraph.start < paragraph.end <= article.end
            assert strip_whitespace(text[paragraph.start:paragraph.end]) == strip_whitespace(paragraph.text)
            assert paragraph.text == paragraph.text.strip()
            assert "".join(s.text for s in paragraph.sentences) == paragraph.text
            for s_index, sentence in enumerate(paragraph.sentences, 1):
                assert sentence.id == f"{paragraph.id}.s{s_index}"
                assert sentence.text.strip()
                assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
                assert strip_whitespace(text[sentence.start:sentence.end]) == strip_whitespace(sentence.text)


def render_back(page: Page) -> str:
    """The segmentation written back as a page: every headline line and paragraph on a line of
    its own, blank lines between, in page order. Segmenting it again must give the same
    structure."""
    units: list[tuple[int, str]] = list(zip((s for s, _ in page.preamble_spans), page.preamble))
    for article in page.articles:
        for spans in article.field_spans.values():
            units.extend((s, page.text[s:e]) for s, e in spans)
        units.extend((p.start, p.text) for p in article.paragraphs)
    return "\n\n".join(text for _, text in sorted(units)) + "\n"


def structure(page: Page) -> list:
    return [page.preamble] + [
        [getattr(a, name) for name in HEAD_FIELDS] + [[(p.text, p.heading, [s.text for s in p.sentences]) for p in a.paragraphs]]
        for a in page.articles
    ]


def segment_file(path, data: bytes) -> Page:
    """`data` written to `path`, then read (encoding detection) and segmented as an input file is."""
    path.write_bytes(data)
    return segment_source(read_source(InputRef(str(path), path, path)))
