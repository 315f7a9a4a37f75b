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


def article_label(ad: ArticleDigest) -> str:
    a = ad.article
    return a.title or (f"[{a.byline}]" if a.byline else "[untitled]")


def articles_count(articles: int) -> str:
    return f"{articles} article{'s' if articles != 1 else ''}"
