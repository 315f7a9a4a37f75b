"""The digest model: what the pipeline makes of a page, and what the views render.

A `PageDigest` holds the segmented page (summarize.document) and, per article, an `ArticleDigest`:
its summary sentences, title and subtitle (and with `full` every body sentence) as `Unit`s of
Chinese and English, with the `Finding`s of the checks. A unit's English is a translation or a
key-facts gloss (`Unit.en_kind`); a gloss is shown with its label, which is not part of `en`.

`English` and `CheckedSummary` are an engine's checked output for one text, before it is attached
to the units that have that text: the pipeline's cache stores them (`to_dict`/`from_dict`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .document import Article, Page
from .registry import EngineInfo, Summary

TRANSLATION = "translation"
GLOSS = "gloss"
GLOSS_LABEL = "[gloss]"
"""Shown before a gloss: it is English key facts, never a translation."""
GLOSS_SENTENCE_SEPARATOR = " | "
"""Between the glosses of the sentences of one text."""


@dataclass
class Finding:
    check: str  # one of summarize.checks.CHECK_NAMES
    unit_id: str  # the sentence, paragraph or summary checked
    message: str  # one line
    zh: str
    en: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Finding:
        return cls(data["check"], data["unit_id"], data["message"], data["zh"], data["en"])


Notes = list[tuple[str, str]]
"""Findings of a text without the unit they are on: (check, message) pairs. Checks are pure
functions of their texts, so every unit with the same text has the same ones."""


def _notes_from(findings: Sequence[Finding]) -> Notes:
    return [(f.check, f.message) for f in findings]


def _valid_notes(value: Any) -> Notes | None:
    if not isinstance(value, list) or not all(isinstance(n, list) and len(n) == 2 for n in value):
        return None
    return [(check, message) for check, message in value]


@dataclass
class Unit:
    """One piece of Chinese text and its English: a title, a summary sentence, a body sentence."""

    id: str
    zh: str
    en: str = ""
    findings: list[Finding] = field(default_factory=list)
    en_kind: str = TRANSLATION  # or GLOSS: `en` is key facts (without the label)

    @property
    def shown_en(self) -> str:
        """The English as a view shows it: a gloss with its label."""
        if self.en_kind != GLOSS:
            return self.en
        return f"{GLOSS_LABEL} {self.en}" if self.en else GLOSS_LABEL


@dataclass
class English:
    """An engine's checked English for one Chinese text (cached; shared by every unit with the text)."""

    en: str
    kind: str = TRANSLATION
    notes: Notes = field(default_factory=list)

    @classmethod
    def from_output(cls, text: str, kind: str, findings: Sequence[Finding] = ()) -> English:
        """From a translator's output: a gloss comes labelled (as `summarize translate` prints it)."""
        if kind == GLOSS:
            text = text.removeprefix(GLOSS_LABEL).strip()
        return cls(text, kind, _notes_from(findings))

    def to_dict(self) -> dict[str, Any]:
        return {"en": self.en, "en_kind": self.kind, "findings": [list(n) for n in self.notes]}

    @classmethod
    def from_dict(cls, data: Any) -> English | None:
        """None for a value of another shape (an older layout): it is redone."""
        if not isinstance(data, dict) or not isinstance(data.get("en"), str) or data.get("en_kind") not in (TRANSLATION, GLOSS):
            return None
        notes = _valid_notes(data.get("findings"))
        return None if notes is None else cls(data["en"], data["en_kind"], notes)

    def attach(self, unit: Unit) -> None:
        unit.en, unit.en_kind = self.en, self.kind
        unit.findings = [Finding(check, unit.id, message, unit.zh, unit.en) for check, message in self.notes]


@dataclass
class CheckedSummary:
    """A summarizer's checked summary of one article (cached)."""

    sentences: list[str]
    coverage: float = 1.0
    notes: Notes = field(default_factory=list)

    @classmethod
    def from_output(cls, summary: Summary, findings: Sequence[Finding] = ()) -> CheckedSummary:
        return cls(summary.sentences, summary.coverage, _notes_from(findings))

    def to_dict(self) -> dict[str, Any]:
        return {"sentences": self.sentences, "coverage": self.coverage, "findings": [list(n) for n in self.notes]}

    @classmethod
    def from_dict(cls, data: Any) -> CheckedSummary | None:
        """None for a value of another shape (an older layout): it is redone."""
        if not isinstance(data, dict) or not isinstance(data.get("sentences"), list) or "coverage" not in data:
            return None
        notes = _valid_notes(data.get("findings"))
        return None if notes is None else cls(data["sentences"], data["coverage"], notes)


@dataclass
class ArticleDigest:
    article: Article
    summary: list[Unit]
    coverage: float
    title: Unit | None
    subtitle: Unit | None
    # paragraph id -> its sentences as units (only with `full`)
    paragraphs: dict[str, list[Unit]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def summary_zh(self) -> str:
        return "".join(u.zh for u in self.summary)

    @property
    def summary_en(self) -> str:
        """The summary's English as one text: a gloss labelled once, as a paragraph's is."""
        return " ".join(shown for _, shown in paragraph_english(self.summary) if shown)

    def paragraph_en(self, paragraph_id: str) -> str:
        return " ".join(shown for _, shown in paragraph_english(self.paragraphs.get(paragraph_id, [])) if shown)

    def all_findings(self) -> list[Finding]:
        units = [u for u in (self.title, self.subtitle) if u] + self.summary
        units += [u for us in self.paragraphs.values() for u in us]
        return self.findings + [f for u in units for f in u.findings]


def paragraph_english(units: Sequence[Unit]) -> list[tuple[Unit, str]]:
    """Each sentence unit of a paragraph (or summary) with the English to show for it, to be joined by spaces.
    Glosses keep one label per paragraph and are separated like a multi-sentence gloss."""
    shown: list[tuple[Unit, str]] = []
    labelled = False
    for u in units:
        if u.en_kind != GLOSS or not u.en:  # a translation (shown as is), or a gloss with no key facts
            shown.append((u, u.en))
        else:
            shown.append((u, f"{GLOSS_SENTENCE_SEPARATOR.strip()} {u.en}" if labelled else f"{GLOSS_LABEL} {u.en}"))
            labelled = True
    return shown


@dataclass
class PageDigest:
    page: Page
    articles: list[ArticleDigest]
    summarizer: EngineInfo | None
    translator: EngineInfo | None

    @property
    def findings(self) -> list[Finding]:
        return [f for a in self.articles for f in a.all_findings()]
