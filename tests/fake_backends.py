"""In-process fake backends, registered the way a plugin registers its own (a `register(registry)`
function), for tests of everything but loading models: no torch, no model files, instant.

They are not models and say so: the fake translator writes "fake English" with the count of the
Chinese characters it was given, the fake summarizer picks the article's first sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarize.registry import EngineInfo, EngineOptions, Progress, Registry, Summary, SummaryRequest
from summarize.text import HAN

NAME = "fake"


@dataclass(frozen=True)
class FakeSummarizerOptions(EngineOptions):
    sentences: int = 2
    """How many of the article's first sentences make its summary."""


class FakeTranslator:
    def __init__(self, options: EngineOptions):
        self.options = options
        self.info = EngineInfo(name=NAME, backend=NAME, revision="1", kind="translation")

    def translate(self, texts: Sequence[str], *, on_progress: Progress | None = None) -> list[str]:
        out = [f"Fake English of {len(HAN.findall(text))} characters." for text in texts]
        if on_progress is not None:
            on_progress(len(texts))
        return out


class FakeSummarizer:
    def __init__(self, options: FakeSummarizerOptions):
        self.options = options
        self.info = EngineInfo(name=NAME, backend=NAME, revision="1", kind="extractive")

    def summarize(self, requests: Sequence[SummaryRequest], *, on_progress: Progress | None = None) -> list[Summary]:
        out = [Summary(sentences=list(r.sentences[: self.options.sentences])) for r in requests]
        if on_progress is not None:
            on_progress(len(requests))
        return out


def register(registry: Registry) -> None:
    registry.add("translator", NAME, lambda model, options: FakeTranslator(options), "test double: fake English")
    registry.add(
        "summarizer", NAME, lambda model, options: FakeSummarizer(options), "test double: first sentences", options=FakeSummarizerOptions
    )
