"""Registry factories: `factory(model, options)` -> a Translator or Summarizer on the named backend.

`model` is a card name, a checkpoint directory or a hub id (None: the default card). Loaded models
are kept for the life of the process, keyed by (backend, location, threads): a page, or many
pages, load each model once.

Both backends take `Seq2SeqOptions`: `force_new_tokens=N` makes every output exactly N tokens (no
loop retries), for benchmarks that time random-weight models of the real architectures at real
output lengths (the chat backends' options extend the same `ForcedLengthOptions`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..errors import ModelError, UsageError
from ..registry import EngineInfo, EngineOptions
from .cards import (
    SUMMARIZE_DEFAULTS,
    TRANSLATE_DEFAULTS,
    Task,
    check_task,
    default_card,
    find_card,
)
from .generation import Generator, Seq2SeqSettings
from .locate import ModelRef, resolve
from .summarizing import Seq2SeqSummarizer, SummarySettings
from .translating import Seq2SeqTranslator

Model = TypeVar("Model")

_loaded: dict[tuple[str, str, int | None], Generator] = {}


@dataclass(frozen=True)
class ForcedLengthOptions(EngineOptions):
    """Options of a model backend whose output lengths a benchmark can force."""

    force_new_tokens: int | None = None
    """Every output exactly this many tokens (benchmarks on random weights); None: as generated."""

    def __post_init__(self) -> None:
        if self.force_new_tokens is not None and (not isinstance(self.force_new_tokens, int) or self.force_new_tokens < 1):
            raise UsageError(
                f"force_new_tokens must be a positive whole number, not {self.force_new_tokens!r}",
                hint="Give the number of tokens every output should have, or leave it unset",
            )


@dataclass(frozen=True)
class Seq2SeqOptions(ForcedLengthOptions):
    """The options of the seq2seq backends (ctranslate2, transformers)."""


def make_translator(backend: str, model: str | None, options: Seq2SeqOptions) -> Seq2SeqTranslator:
    ref, generator = _load("translate", backend, model, options)
    settings = _settings(Seq2SeqSettings, ref, TRANSLATE_DEFAULTS, options, "translate")
    return Seq2SeqTranslator(generator, _info(ref, generator, "translation"), settings)


def make_summarizer(backend: str, model: str | None, options: Seq2SeqOptions) -> Seq2SeqSummarizer:
    ref, generator = _load("summarize", backend, model, options)
    settings = _settings(SummarySettings, ref, SUMMARIZE_DEFAULTS, options, "summarize", summary_chars=options.summary_chars)
    return Seq2SeqSummarizer(generator, _info(ref, generator, "abstractive"), settings)


def _settings(cls, ref: ModelRef, defaults, options: Seq2SeqOptions, task: Task, **extra):
    """Settings from the model's card (or the task's defaults), with the user's options."""
    card = ref.card
    generation = card.generation if card else defaults
    return cls(
        generation=generation,
        beam=options.beam or generation.beam,
        template=_template(ref, task),
        max_input_tokens=card.max_input_tokens if card else None,
        force_new_tokens=options.force_new_tokens,
        **extra,
    )


_CONFIG_TASKS = {"summarize": "summarization", "translate": "translation_zh_to_en"}


def _template(ref: ModelRef, task: Task) -> str:
    """The card's prompt; for a checkpoint without a card, the task prefix its config.json
    declares (T5's `task_specific_params`, e.g. "summarize: "), else the bare text."""
    if ref.card is not None:
        return ref.card.template
    params = (ref.checkpoint.config if ref.checkpoint else {}).get("task_specific_params")
    entry = params.get(_CONFIG_TASKS[task]) if isinstance(params, dict) else None
    prefix = entry.get("prefix") if isinstance(entry, dict) else None
    return prefix + "{text}" if isinstance(prefix, str) and prefix.strip() else "{text}"


def _load(task: Task, backend: str, model: str | None, options: EngineOptions) -> tuple[ModelRef, Generator]:
    spec = model or default_card(task).name
    if not Path(spec).expanduser().exists():  # before resolve: a wrong card is wrong whether pulled or not
        check_task(find_card(spec), task)
    ref = resolve(spec, want="ct2" if backend == "ctranslate2" else "hf")
    check_task(ref.card, task)
    location = str(ref.checkpoint.path.resolve()) if ref.checkpoint else str(ref.hub_id)
    key = (backend, location, options.threads)
    if key not in _loaded:
        quantization = ref.checkpoint.metadata.get("quantization") if ref.checkpoint and backend == "ctranslate2" else None
        _loaded[key] = LazyGenerator(backend, quantization, lambda: _new_generator(backend, ref, options))
    return ref, _loaded[key]


class LazyGenerator:
    """Loads the model on first use: a run served entirely from the cache never loads it.
    `backend` and `quantization` (part of the engine's identity) are known without loading."""

    def __init__(self, backend: str, quantization: str | None, load: Callable[[], Generator]):
        self.backend = backend
        self.quantization = quantization
        self._load = load
        self._generator: Generator | None = None

    def __getattr__(self, name: str):
        # Only reached for what __init__ did not set: path, limits, encode, decode, generate.
        if name.startswith("_"):
            raise AttributeError(name)
        if self._generator is None:
            self._generator = self._load()
        return getattr(self._generator, name)

    def release(self) -> None:
        """Free the loaded model; it loads again on next use."""
        self._generator = None


def _new_generator(backend: str, ref: ModelRef, options: EngineOptions) -> Generator:
    if backend == "ctranslate2":
        from .ct2_backend import CT2Generator

        assert ref.checkpoint is not None  # resolve(want="ct2") only returns local directories
        return CT2Generator(ref.checkpoint, threads=options.threads)

    def load(source: str, offline: bool) -> Generator:
        from .hf_backend import HFGenerator

        return HFGenerator(source, threads=options.threads, offline=offline)

    return with_transformers(load, ref, options)


def with_transformers(load: Callable[[str, bool], Model], ref: ModelRef, options: EngineOptions) -> Model:
    """`load(source, offline)`, a model of the transformers backend (a local checkpoint or a hub
    id; offline with --offline or HF_HUB_OFFLINE): torch or transformers missing is one error that
    says what to install."""
    offline = options.offline or os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")
    source = str(ref.checkpoint.path) if ref.checkpoint else str(ref.hub_id)
    try:
        return load(source, offline)
    except ImportError as exc:
        raise ModelError(
            f"the transformers backend needs torch and transformers ({exc.name or exc} is not installed)",
            hint="Install them: pip install torch==2.13.0 && pip install 'summarize[transformers]'; "
            "or convert the model once and use CTranslate2",
        ) from exc


def _info(ref: ModelRef, generator: Generator, kind: str) -> EngineInfo:
    revision = ref.revision
    quantization = getattr(generator, "quantization", None)
    if revision and quantization:
        revision = f"{revision}+{quantization}"
    return EngineInfo(name=ref.name, backend=generator.backend, revision=revision, kind=kind)
