"""Registry factories for instruct (chat) models: `factory(model, options)` -> a translator or a
summarizer on a decoder-only checkpoint (a card such as qwen2.5-1.5b-instruct, or any local
directory of a chat model, Hugging Face or CTranslate2).

Options are typed (`ChatOptions`): the prompt file (`--prompt FILE`), whether the system prompt
is cached, and forced output lengths for benchmarks. A model is loaded once per process and
shared: `--translator X --summarizer X` runs one copy of X.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError
from ..registry import EngineInfo, EngineOptions
from .cards import GenerationDefaults, Task, check_task, find_card
from .chat import load_task_prompt
from .chat_models import ChatModel
from .factories import ForcedLengthOptions, with_transformers
from .instruct import InstructSettings, InstructSummarizer, InstructTranslator
from .locate import ModelRef, resolve

CHAT_DEFAULTS = GenerationDefaults(beam=1, max_new_tokens=512, max_length_ratio=2.5, max_length_offset=24)
"""Decoding for a chat checkpoint without a card: greedy, as chat models are meant to be run."""
CHAT_MAX_INPUT_TOKENS = 1536

_loaded: dict[tuple[str, str, int | None], ChatModel] = {}


@dataclass(frozen=True)
class ChatOptions(ForcedLengthOptions):
    """The chat backends' own options, besides the shared engine options."""

    prompt: Path | None = None
    """A prompt file (TOML, see prompts/chat.toml) replacing the packaged prompts it has tasks for."""
    static_prompt: bool = True
    """Cache the system prompt's model state (off only to measure what it saves)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.prompt is not None and not isinstance(self.prompt, Path):
            object.__setattr__(self, "prompt", Path(self.prompt))


def make_chat_translator(backend: str, model: str | None, options: ChatOptions) -> InstructTranslator:
    ref, chat = _load("translate", backend, model, options)
    settings = _settings(ref, options, "translate")
    return InstructTranslator(chat, _info(ref, chat, "translation", settings), settings)


def make_chat_summarizer(backend: str, model: str | None, options: ChatOptions) -> InstructSummarizer:
    ref, chat = _load("summarize", backend, model, options)
    settings = _settings(ref, options, "summarize")
    return InstructSummarizer(chat, _info(ref, chat, "abstractive", settings), settings)


def _settings(ref: ModelRef, options: ChatOptions, task: Task) -> InstructSettings:
    card = ref.card
    generation = card.generation if card else CHAT_DEFAULTS
    return InstructSettings(
        generation=generation,
        prompt=load_task_prompt(task, options.prompt),
        beam=options.beam or generation.beam,
        max_input_tokens=card.max_input_tokens if card else CHAT_MAX_INPUT_TOKENS,
        summary_chars=options.summary_chars,
        glossary=options.glossary or _default_glossary(),
        static_prompt=options.static_prompt,
        force_new_tokens=options.force_new_tokens,
    )


def _default_glossary():
    from ..glossary import default_glossary

    return default_glossary()


def _load(task: Task, backend: str, model: str | None, options: EngineOptions) -> tuple[ModelRef, ChatModel]:
    if model is None:
        raise ModelError(f"the {backend} chat backend needs a model", hint="Pass --translator/--summarizer NAME|DIR of a chat model")
    if not Path(model).expanduser().exists():
        check_task(find_card(model), task)
    ref = resolve(model, want="ct2" if backend == "ctranslate2-chat" else "hf")
    check_task(ref.card, task)
    if ref.checkpoint is not None and not ref.checkpoint.decoder_only:
        raise ModelError("not a chat model (an encoder-decoder checkpoint)", path=str(ref.checkpoint.path), hint="Use the ctranslate2 or transformers backend")
    location = str(ref.checkpoint.path.resolve()) if ref.checkpoint else str(ref.hub_id)
    key = (backend, location, options.threads)
    if key not in _loaded:
        _loaded[key] = _new_model(backend, ref, options)
    return ref, _loaded[key]


def _new_model(backend: str, ref: ModelRef, options: EngineOptions) -> ChatModel:
    if backend == "ctranslate2-chat":
        from .chat_models import CT2ChatModel

        assert ref.checkpoint is not None  # resolve(want="ct2") only returns local directories
        return CT2ChatModel(ref.checkpoint, threads=options.threads)

    def load(source: str, offline: bool) -> ChatModel:
        from .chat_models import HFChatModel

        return HFChatModel(source, threads=options.threads, offline=offline)

    return with_transformers(load, ref, options)


ENGINE_REVISION = 1
"""Bump when prompting, cleaning or judging answers changes, so caches never serve older output."""


def _info(ref: ModelRef, chat: ChatModel, kind: str, settings: InstructSettings) -> EngineInfo:
    """The model's revision, quantization and the prompt's hash: a changed prompt retranslates."""
    prompt = hashlib.sha256(repr(settings.prompt).encode()).hexdigest()[:8]
    parts = [ref.revision or "", chat.quantization or "", f"chat{ENGINE_REVISION}-{prompt}"]
    return EngineInfo(name=ref.name, backend=chat.backend, revision="+".join(p for p in parts if p), kind=kind)
