"""Footnote numbering of findings, shared by the terminal and Markdown views."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..pipeline import ArticleDigest


@dataclass
class Footnotes:
    # unit id -> footnote numbers to mark it with
    marks: dict[str, list[int]] = field(default_factory=dict)
    # (number, "check: message")
    notes: list[tuple[int, str]] = field(default_factory=list)

    def of(self, unit_id: str) -> list[int]:
        return self.marks.get(unit_id, [])


def footnotes(ad: ArticleDigest) -> Footnotes:
    result = Footnotes()
    for n, finding in enumerate(ad.all_findings(), 1):
        result.marks.setdefault(finding.unit_id, []).append(n)
        result.notes.append((n, f"{finding.check}: {finding.message}"))
    return result


def english_label(digest) -> str:
    info = digest.translator
    if info is not None and info.kind == "gloss":
        return "English gloss (key facts, not a translation)"
    return "English"


def article_label(ad: ArticleDigest) -> str:
    a = ad.article
    return a.title or (f"[{a.byline}]" if a.byline else "[untitled]")
