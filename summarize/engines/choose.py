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
from ..registry import Backend, EngineOptions, Kind, Summarizer, Translator, registry
from .cards import Task, check_task, default_card, find_card
from .locate import local_copies, not_pulled, resolve

# kind: (fallback backend, what is missing, what the model would give)
FALLBACKS: dict[str, tuple[str, str, str]] = {
    "translator": ("gloss", "translation model", "real translations"),
    "summarizer": ("extractive", "summarization model", "abstractive summaries"),
}
_TASKS: dict[str, Task] = {"translator": "translate", "summarizer": "summarize"}


def choose_translator(
    spec: str | None,
    options: EngineOptions,
    *,
    strict: bool = False,
    settings: Mapping[str, Any] | None = None,
    offered: Mapping[str, Any] | None = None,
) -> tuple[Translator, str | None]:
    """The translator to use and an optional one-line notice for the user. `settings`: values of
    the chosen backend's own options (summarize.registry.Backend.create); `offered`: run-wide
    values (the chat prompt file) that a backend takes only if it declares the option."""
    return _choose("translator", spec, options, strict, settings, offered)


def choose_summarizer(
    spec: str | None,
    options: EngineOptions,
    *,
    strict: bool = False,
    settings: Mapping[str, Any] | None = None,
    offered: Mapping[str, Any] | None = None,
) -> tuple[Summarizer, str | None]:
    """The summarizer to use and an optional one-line notice for the user (`settings`, `offered`: as above)."""
    return _choose("summarizer", spec, options, strict, settings, offered)


def backend_for(spec: str) -> str:
    """The neural backend that runs `spec` (a card name, directory or hub id); chat models
    (decoder-only instruct checkpoints) have backends of their own."""
    ref = resolve(spec)
    backend = "ctranslate2" if ref.format == "ct2" else "transformers"
    chat = ref.checkpoint.decoder_only if ref.checkpoint else bool(ref.card and ref.card.task == "chat")
    return f"{backend}-chat" if chat else backend


def _choose(
    kind: Kind, spec: str | None, options: EngineOptions, strict: bool, settings: Mapping[str, Any] | None, offered: Mapping[str, Any] | None
):
    backend, model, notice = _pick(kind, spec, strict)
    taken = {name: value for name, value in (offered or {}).items() if name in backend.own_options}
    return backend.create(model, options, {**taken, **(settings or {})}), notice


def _pick(kind: Kind, spec: str | None, strict: bool) -> tuple[Backend, str | None, str | None]:
    """The backend, the model it is given and the notice for the user."""
    backends = registry()
    if spec is None:
        card = default_card(_TASKS[kind])
        copies = local_copies(card)
        if copies:
            return backends.get(kind, "ctranslate2" if "ct2" in copies else "transformers"), card.name, None
        fallback, missing, benefit = FALLBACKS[kind]
        if strict or not backends.has(kind, fallback):
            raise not_pulled(card)
        return backends.get(kind, fallback), None, f"no {missing} found; for {benefit} run: summarize models pull {card.name}"
    if backends.has(kind, spec):
        return backends.get(kind, spec), None, None
    if not Path(spec).expanduser().exists():  # a directory named like a card is that directory
        check_task(find_card(spec), _TASKS[kind])
    backend = backend_for(spec)
    if not backends.has(kind, backend):
        raise ModelError(f"no {kind} backend {backend!r} is registered", hint="Reinstall summarize")
    return backends.get(kind, backend), spec, None
