"""Plain dataclasses passed between pipeline stages: Page -> Article -> Paragraph -> Sentence.

Offsets (`start`, `end`) index into `Page.text`, the decoded and normalized input. A unit's
text is the source slice with line breaks of column/page joins removed, so for every unit
`strip_whitespace(page.text[start:end]) == strip_whitespace(unit.text)`.
Ids are stable for the same input: `a2`, `a2.p3`, `a2.p3.s1`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

HEAD_FIELDS = ("title", "subtitle", "kicker", "byline", "source", "continued")
"""An article's headline fields, in the order pages and views give them."""
STDIN = "-"
"""The input name of standard input."""
STDIN_LABEL = "stdin"
"""How messages and views name standard input."""


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

    def to_dict(self) -> dict[str, Any]:
        """The article in the JSON of `summarize segment --json` (the field spans left out)."""
        data: dict[str, Any] = {"id": self.id}
        for name in HEAD_FIELDS:
            data[name] = getattr(self, name)
        data["start"], data["end"] = self.start, self.end
        data["paragraphs"] = [
            {
                "id": p.id,
                "text": p.text,
                "heading": p.heading,
                "start": p.start,
                "end": p.end,
                "sentences": [s.text for s in p.sentences],
            }
            for p in self.paragraphs
        ]
        return data


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

    @property
    def label(self) -> str:
        """How a view names the page: its input as given, "stdin" for `-`."""
        return STDIN_LABEL if self.input == STDIN else self.input

    def head_to_dict(self) -> dict[str, Any]:
        """The page's JSON keys before its articles (see `to_dict`)."""
        return {
            "input": self.input,
            "encoding": self.encoding,
            "script": self.script,
            "warnings": list(self.warnings),
            "preamble": list(self.preamble),
        }

    def to_dict(self) -> dict[str, Any]:
        """The page in the JSON of `summarize segment --json` (its text left out)."""
        return {**self.head_to_dict(), "articles": [article.to_dict() for article in self.articles]}
