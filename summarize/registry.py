"""Backends behind small Protocols, in a registry keyed by (kind, name).

Built-in backends register exactly as a plugin would: a callable `register(registry)` named in
the `summarize.backends` entry-point group (see pyproject.toml). Registering must stay cheap:
factories import their heavy libraries only when called.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from .errors import UsageError

if TYPE_CHECKING:
    from .glossary import Glossary

Kind = Literal["summarizer", "translator"]
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


@dataclass(frozen=True)
class EngineOptions:
    """The options of a run every backend is given. A backend with options of its own declares
    them as a frozen subclass (`Registry.add(..., options=MyOptions)`); `Backend.create` builds it
    from these and the user's values for the backend, refusing names it does not declare."""

    beam: int | None = None
    threads: int | None = None
    summary_chars: int = 120
    offline: bool = False
    glossary: Glossary | None = None
    """Terms with a fixed English: a translator that looks words up itself (the gloss) reads them;
    a model translator gets them written into its input (summarize.wrappers.GlossaryProtected)."""


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


Factory = Callable[[str | None, Any], Any]
"""`factory(model, options) -> Translator | Summarizer`: `model` a name or path the backend
understands (None: its default), `options` an instance of the backend's options class."""


@dataclass
class Backend:
    kind: Kind
    name: str
    factory: Factory
    description: str = ""
    options: type[EngineOptions] = EngineOptions

    @property
    def own_options(self) -> list[str]:
        """The names of the options this backend declares beyond EngineOptions."""
        common = {f.name for f in fields(EngineOptions)}
        return [f.name for f in fields(self.options) if f.name not in common]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "description": self.description, "options": self.own_options}

    def create(self, model: str | None, options: EngineOptions, settings: Mapping[str, Any] | None = None) -> Any:
        """The engine, built with the run's `options` and `settings`, values of the backend's own options."""
        unknown = sorted(set(settings or {}) - set(self.own_options))
        if unknown:
            known = ", ".join(self.own_options) or "none"
            raise UsageError(f"{self.kind} {self.name!r} has no option {unknown[0]!r}", hint=f"Its options: {known}")
        common = {f.name: getattr(options, f.name) for f in fields(EngineOptions)}
        return self.factory(model, self.options(**common, **(settings or {})))


class Registry:
    def __init__(self) -> None:
        self._backends: dict[tuple[str, str], Backend] = {}

    def add(self, kind: Kind, name: str, factory: Factory, description: str = "", *, options: type[EngineOptions] = EngineOptions) -> None:
        self._backends[(kind, name)] = Backend(kind, name, factory, description, options)

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

    def backends(self) -> list[Backend]:
        """Every registered backend, by kind and name."""
        return [self._backends[key] for key in sorted(self._backends)]


ENTRY_POINT_GROUP = "summarize.backends"
_registry: Registry | None = None


def registry() -> Registry:
    """The process-wide registry, filled from the entry-point group on first use."""
    global _registry
    if _registry is None:
        _registry = load_registry()
    return _registry


def load_registry() -> Registry:
    """A new registry with every backend of the entry-point group."""
    reg = Registry()
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        ep.load()(reg)
    return reg
