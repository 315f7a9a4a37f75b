"""Footnote numbering of findings, and labels, shared by the terminal and Markdown views."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..digest import ArticleDigest

PREAMBLE_SEPARATOR = " · "
"""Between the lines of a page's banner (paper, date, page number), shown on one line."""


@dataclass
class Footnotes:
    # unit id -> footnote numbers to mark it with
    marks: dict[str, list[int]] = field(default_factory=dict)
    # (number, "check: message")
    notes: list[tuple[int, str]] = field(default_factory=list)

    def of(self, unit_id: str) -> list[int]:
        return self.marks.get(unit_id, [])


def footnotes(ad: ArticleDigest) -> Footnotes:
    """Numbered notes for the findings of an article. The same finding on the same text (a summary
    sentence that is also in the full text) is one note, marked at each place."""
    result = Footnotes()
    numbers: dict[tuple[str, str, str, str], int] = {}
    for finding in ad.all_findings():
        key = (finding.check, finding.message, finding.zh, finding.en)
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            result.notes.append((numbers[key], f"{finding.check}: {finding.message}"))
        result.marks.setdefault(finding.unit_id, []).append(numbers[key])
    return result


def english_label(digest) -> str:
    info = digest.translator
    if info is not None and info.kind == "gloss":
        return "English gloss (key facts, not a translation)"
    return "English"


PASSTHROUGH_NOTE = "no Chinese text: shown as it is, not summarized or translated"


def has_english(unit, notes: Footnotes) -> bool:
    """Whether a title's English is worth a line: there is some, and it is not the title again
    (text without Chinese passes through the translator unchanged), or it has a finding."""
    return bool(unit) and ((bool(unit.shown_en) and unit.shown_en != unit.zh) or bool(notes.of(unit.id)))


def article_label(ad: ArticleDigest) -> str:
    return ad.article.title or untitled_label(ad.article)


def untitled_label(article) -> str:
    """How every view names an article without a title: by its byline (an unsigned commentary
    is known by its author's name), marked as untitled."""
    return f"{UNTITLED} · {article.byline}" if article.byline else UNTITLED


UNTITLED = "(no title)"


def articles_count(articles: int) -> str:
    return f"{articles} article{'s' if articles != 1 else ''}"
