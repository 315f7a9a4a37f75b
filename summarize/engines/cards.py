"""Model cards (models/*.toml) and prompt templates (prompts/*): which checkpoints the tool knows
by name, where they come from (hub id + pinned revision), and how to run them.

A card names its task (translate | summarize), family, license, input limit, decoding defaults,
prompt template, and the exact architecture (a config.json copy) so benchmarks can build a
random-weight model of the same shape without downloading anything.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from ..errors import ModelError, UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

Task = Literal["translate", "summarize"]
CardTask = Literal["translate", "summarize", "chat"]
"""chat: an instruct model, prompted to translate and to summarize."""
TASKS: tuple[CardTask, ...] = ("translate", "summarize", "chat")


@dataclass(frozen=True)
class GenerationDefaults:
    beam: int = 2
    max_new_tokens: int = 256
    """Hard cap on output tokens."""
    min_new_tokens: int = 0
    max_length_ratio: float = 3.0
    """Output cap relative to the input: ratio x input tokens + offset (translation)."""
    max_length_offset: int = 10
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0
    length_penalty: float = 1.0


TRANSLATE_DEFAULTS = GenerationDefaults(beam=2, max_new_tokens=256, max_length_ratio=3.0, max_length_offset=10, no_repeat_ngram_size=4)
SUMMARIZE_DEFAULTS = GenerationDefaults(
    beam=4, max_new_tokens=128, min_new_tokens=8, max_length_ratio=1.0, max_length_offset=8, no_repeat_ngram_size=3
)
"""Decoding for checkpoints without a card (a local directory given by path)."""


@dataclass(frozen=True)
class Card:
    name: str
    task: CardTask
    hub_id: str
    revision: str
    family: str
    license: str
    description: str
    path: Path
    default: bool = False
    parameters: str = ""
    why: str = ""
    architecture: str | None = None
    """File in models/ with the checkpoint's config.json."""
    prompt: str = "plain.txt"
    max_input_tokens: int = 512
    generation: GenerationDefaults = field(default_factory=GenerationDefaults)

    @property
    def template(self) -> str:
        return load_prompt(self.prompt)

    def architecture_config(self) -> dict[str, Any]:
        if not self.architecture:
            raise UsageError(f"card {self.name} has no architecture config", path=str(self.path), hint="Add an `architecture` file to the card")
        return json.loads((self.path.parent / self.architecture).read_text(encoding="utf-8"))


def data_dir(name: Literal["models", "prompts"]) -> Path:
    """models/ or prompts/: packaged copies in a wheel, the repository's in a checkout."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "_data" / name, package.parent / name):
        if candidate.is_dir():
            return candidate
    raise UsageError(f"the {name}/ directory is missing from this installation", path=str(package), hint="Reinstall summarize")


@lru_cache(maxsize=1)
def load_cards() -> dict[str, Card]:
    cards: dict[str, Card] = {}
    for path in sorted(data_dir("models").glob("*.toml")):
        card = _parse_card(path)
        cards[card.name] = card
    return cards


def _parse_card(path: Path) -> Card:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"invalid model card: {exc}", path=str(path), hint="Fix the card, or reinstall summarize") from exc
    generation = data.pop("generation", {})
    known = {f.name for f in fields(GenerationDefaults)}
    unknown = set(generation) - known
    if unknown:
        raise UsageError(f"unknown [generation] keys: {', '.join(sorted(unknown))}", path=str(path), hint=f"Known keys: {', '.join(sorted(known))}")
    base = SUMMARIZE_DEFAULTS if data.get("task") == "summarize" else TRANSLATE_DEFAULTS
    try:
        card = Card(
            path=path,
            generation=GenerationDefaults(**{**base.__dict__, **generation}),
            **data,
        )
    except TypeError as exc:
        raise UsageError(f"invalid model card: {exc}", path=str(path), hint="Fix the card, or reinstall summarize") from exc
    if card.task not in TASKS:
        raise UsageError(f"task must be one of {', '.join(TASKS)}, not {card.task!r}", path=str(path), hint="Fix the card")
    return card


def get_card(name: str) -> Card | None:
    return load_cards().get(name)


def find_card(spec: str) -> Card | None:
    """The card named `spec`, or the card of hub id `spec` (its pinned, converted local copy)."""
    return get_card(spec) or next((card for card in load_cards().values() if card.hub_id == spec), None)


def require_card(name: str) -> Card:
    card = get_card(name)
    if card is None:
        known = ", ".join(load_cards()) or "none"
        raise UsageError(f"no model card named {name!r} (known: {known})", hint="See `summarize models list`")
    return card


def default_card(task: Task) -> Card:
    for card in load_cards().values():
        if card.task == task and card.default:
            return card
    raise UsageError(f"no default {task} model card in models/", hint="Reinstall summarize, or mark a card `default = true`")


def check_task(card: Card | None, task: Task) -> None:
    """A card named for the other task (e.g. a summarizer as --translator) is an error; a chat
    model's card does both."""
    if card is not None and card.task not in (task, "chat"):
        raise ModelError(
            f"{card.name} is a {card.task} model, not a {task} model",
            hint=f"The default {task} model is {default_card(task).name} (see summarize models list)",
        )


@lru_cache(maxsize=16)
def load_prompt(name: str) -> str:
    """A prompt template: `{text}` is the input, `{title}` the article title (may be empty)."""
    path = data_dir("prompts") / name
    try:
        template = path.read_text(encoding="utf-8").rstrip("\n")
    except OSError as exc:
        raise UsageError(f"cannot read prompt template: {exc.strerror}", path=str(path), hint="Reinstall summarize") from exc
    if "{text}" not in template:
        raise UsageError("prompt template has no {text} placeholder", path=str(path), hint="Add {text} where the input goes")
    return template


def apply_prompt(template: str, text: str, title: str | None = None) -> str:
    # Plain replacement, not str.format: news text is full of braces.
    return template.replace("{title}", title or "").replace("{text}", text)
