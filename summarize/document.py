"""Plain dataclasses passed between pipeline stages: Page -> Article -> Paragraph -> Sentence.

Offsets (`start`, `end`) index into `Page.text`, the decoded and normalized input. A unit's
text is the source slice with line breaks of column/page joins removed, so for every unit
`strip_whitespace(page.text[start:end]) == strip_whitespace(unit.text)`.
Ids are stable for the same input: `a2`, `a2.p3`, `a2.p3.s1`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Sentence:
    id: str
    text: str
    start: int
    end: int


@dataclass
class Paragraph:
    id: str
    text: str
    heading: bool
    sentences: list[Sentence]
    start: int
    end: int


@dataclass
class Article:
    id: str
    title: str | None = None
    subtitle: str | None = None
    kicker: str | None = None
    byline: str | None = None
    source: str | None = None
    continued: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    start: int = 0
    end: int = 0
    # Offsets of the page lines each headline field was made of, e.g. {"title": [(4, 31), (33, 39)]}.
    field_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if not p.heading]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass
class Page:
    input: str
    encoding: str
    text: str
    preamble: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    # "simplified", "traditional" or "other" (no Chinese to speak of: passed through).
    script: str = "simplified"
    # Offsets of the preamble entries, one (start, end) per entry.
    preamble_spans: list[tuple[int, int]] = field(default_factory=list)
    # Problems found while reading the input (e.g. undecodable bytes dropped), one line each.
    warnings: list[str] = field(default_factory=list)
