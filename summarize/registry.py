"""Backends behind small Protocols, in a registry keyed by (kind, name).

Built-in backends register exactly as a plugin would: a callable `register(registry)` named in
the `summarize.backends` entry-point group (see pyproject.toml). Registering must stay cheap:
factories import their heavy libraries only when called.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Literal, Protocol, runtime_checkable

from .document import Page
from .errors import UsageError

Kind = Literal["segmenter", "summarizer", "translator"]
Progress = Callable[[int], None]
"""Called with the number of units just finished."""


@dataclass(frozen=True)
class EngineInfo:
    """What produced an output; part of cache keys and of JSON/Markdown metadata."""

    name: str
    backend: str
    revision: str | None = None
    # translators: "translation" or "gloss"; summarizers: "abstractive" or "extractive".
    kind: str = "translation"


@dataclass
class EngineOptions:
    beam: int | None = None
    threads: int | None = None
    summary_chars: int = 120
    offline: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class SummaryRequest:
    id: str
    title: str | None
    sentences: list[str]


@dataclass
class Summary:
    sentences: list[str]
    # Fraction of the article's characters the summarizer actually read (1.0: all of it).
    coverage: float = 1.0

    @property
    def text(self) -> str:
        return "".join(self.sentences)


@runtime_checkable
class Translator(Protocol):
    info: EngineInfo

    def translate(self, texts: Sequence[str], *, on_progress: Progress | None = None) -> list[str]: ...


@runtime_checkable
class Summarizer(Protocol):
    info: EngineInfo

    def summarize(
        self, requests: Sequence[SummaryRequest], *, on_progress: Progress | None = None
    ) -> list[Summary]: ...


@runtime_checkable
class Segmenter(Protocol):
    name: str

    def segment(self, text: str, *, input: str, encoding: str) -> Page: ...


Factory = Callable[..., Any]
"""segmenter: `factory() -> Segmenter`; summarizer/translator: `factory(model, options) -> ...`."""


@dataclass
class Backend:
    kind: Kind
    name: str
    factory: Factory
    description: str = ""


class Registry:
    def __init__(self) -> None:
        self._backends: dict[tuple[str, str], Backend] = {}

    def add(self, kind: Kind, name: str, factory: Factory, description: str = "") -> None:
        self._backends[(kind, name)] = Backend(kind, name, factory, description)

    def get(self, kind: Kind, name: str) -> Backend:
        try:
            return self._backends[(kind, name)]
        except KeyError:
            known = ", ".join(self.names(kind)) or "none"
            raise UsageError(f"unknown {kind} {name!r}", hint=f"Known: {known}") from None

    def has(self, kind: Kind, name: str) -> bool:
        return (kind, name) in self._backends

    def names(self, kind: Kind) -> list[str]:
        return sorted(name for (k, name) in self._backends if k == kind)


ENTRY_POINT_GROUP = "summarize.backends"
_registry: Registry | None = None


def registry() -> Registry:
    """The process-wide registry, filled from the entry-point group on first use."""
    global _registry
    if _registry is None:
        reg = Registry()
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            ep.load()(reg)
        _registry = reg
    return _registry
