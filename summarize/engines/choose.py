"""Which engine runs: the best local one unless the user named one.

`spec` None (auto): the default card's local copy, CTranslate2 first, then transformers; without
one, the built-in fallback (English gloss / extractive summary) with a one-line notice saying how
to get the real thing, or a ModelError when `strict`. A spec may also be a registered backend name
("gloss", "extractive", "ctranslate2", "transformers"), a card name, a hub id, or a local Hugging
Face or CTranslate2 directory (the backend follows from its files).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ModelError
from ..registry import EngineOptions, Kind, Summarizer, Translator, registry
from .cards import Task, check_task, default_card, find_card
from .locate import local_copies, not_pulled, resolve

# kind: (fallback backend, what is missing, what the model would give)
FALLBACKS: dict[str, tuple[str, str, str]] = {
    "translator": ("gloss", "translation model", "real translations"),
    "summarizer": ("extractive", "summarization model", "abstractive summaries"),
}
_TASKS: dict[str, Task] = {"translator": "translate", "summarizer": "summarize"}


def choose_translator(
    spec: str | None, options: EngineOptions, *, strict: bool = False, settings: Mapping[str, Any] | None = None
) -> tuple[Translator, str | None]:
    """The translator to use and an optional one-line notice for the user. `settings`: values of
    the chosen backend's own options (summarize.registry.Backend.create)."""
    return _choose("translator", spec, options, strict, settings)


def choose_summarizer(
    spec: str | None, options: EngineOptions, *, strict: bool = False, settings: Mapping[str, Any] | None = None
) -> tuple[Summarizer, str | None]:
    """The summarizer to use and an optional one-line notice for the user (`settings`: as above)."""
    return _choose("summarizer", spec, options, strict, settings)


def backend_for(spec: str) -> str:
    """The neural backend that runs `spec` (a card name, directory or hub id)."""
    return "ctranslate2" if resolve(spec).format == "ct2" else "transformers"


def _choose(kind: Kind, spec: str | None, options: EngineOptions, strict: bool, settings: Mapping[str, Any] | None):
    backends = registry()
    if spec is None:
        card = default_card(_TASKS[kind])
        copies = local_copies(card)
        if copies:
            backend = "ctranslate2" if "ct2" in copies else "transformers"
            return backends.get(kind, backend).create(card.name, options, settings), None
        fallback, missing, benefit = FALLBACKS[kind]
        if strict or not backends.has(kind, fallback):
            raise not_pulled(card)
        notice = f"no {missing} found; for {benefit} run: summarize models pull {card.name}"
        return backends.get(kind, fallback).create(None, options, settings), notice
    if backends.has(kind, spec):
        return backends.get(kind, spec).create(None, options, settings), None
    if not Path(spec).expanduser().exists():  # a directory named like a card is that directory
        check_task(find_card(spec), _TASKS[kind])
    backend = backend_for(spec)
    if not backends.has(kind, backend):
        raise ModelError(f"no {kind} backend {backend!r} is registered", hint="Reinstall summarize")
    return backends.get(kind, backend).create(spec, options, settings), None
