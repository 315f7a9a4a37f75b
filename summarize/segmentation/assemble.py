"""Drafts to the Page/Article/Paragraph/Sentence dataclasses: ids, texts and source offsets.

Texts come from the original page text (a Traditional page keeps its characters; the analysis
copy is used only to decide). Headline fields made of several lines are joined with one space;
paragraph pieces with nothing between Chinese (a space between Latin words).
"""

from __future__ import annotations

from ..document import Article, Page, Paragraph, Sentence
from ..text import split_sentences
from .articles import FIELDS, Draft
from .lines import Line
from .paragraphs import ParagraphDraft, build_paragraphs, joiner


def build_page(
    text: str, *, input: str, encoding: str, script: str, drafts: list[Draft], preamble: list[Line], first_number: int = 1
) -> Page:
    """The page (or the part of it the drafts come from: articles numbered from `first_number`)."""
    page = Page(input=input, encoding=encoding, text=text, script=script)
    page.preamble = [text[line.start:line.end] for line in preamble]
    page.preamble_spans = [(line.start, line.end) for line in preamble]
    for number, draft in enumerate(drafts, first_number):
        page.articles.append(_article(text, f"a{number}", draft))
    return page


def _article(text: str, article_id: str, draft: Draft) -> Article:
    article = Article(id=article_id)
    starts, ends = [], []
    for name in FIELDS:
        lines = draft.fields[name]
        if lines:
            setattr(article, name, " ".join(text[line.start:line.end] for line in lines))
            article.field_spans[name] = [(line.start, line.end) for line in lines]
            starts.append(lines[0].start)
            ends.append(lines[-1].end)
    for number, paragraph in enumerate(build_paragraphs(draft.body), 1):
        article.paragraphs.append(_paragraph(text, f"{article_id}.p{number}", paragraph))
    starts.append(article.paragraphs[0].start)
    ends.append(article.paragraphs[-1].end)
    article.start, article.end = min(starts), max(ends)
    return article


def _paragraph(text: str, paragraph_id: str, draft: ParagraphDraft) -> Paragraph:
    # Paragraph text, and for each of its pieces: (offset in the paragraph text, Line).
    pieces: list[tuple[int, Line]] = []
    parts: list[str] = []
    length = 0
    for line in draft.lines:
        piece = text[line.start:line.end]
        if parts:
            gap = joiner(parts[-1], piece)
            parts.append(gap)
            length += len(gap)
        pieces.append((length, line))
        parts.append(piece)
        length += len(piece)
    body = "".join(parts)

    def page_offset(position: int) -> int:
        """Page offset of the paragraph character at `position` (a joining space maps to the
        start of the piece after it)."""
        for offset, line in reversed(pieces):
            if position >= offset:
                return min(line.start + position - offset, line.end)
        return pieces[0][1].start

    sentences = [
        Sentence(f"{paragraph_id}.s{number}", body[a:b], page_offset(a), page_offset(b - 1) + 1)
        for number, (a, b) in enumerate(split_sentences(body), 1)
    ]
    first, last = draft.lines[0], draft.lines[-1]
    return Paragraph(paragraph_id, body, draft.heading, sentences, first.start, last.end)
