"""What both neural backends share: decoding settings, the raw generator interface, and the check
for degenerate outputs (repetition loops) that triggers a beam-search retry."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .cards import GenerationDefaults

Tokens = Sequence[Any]
"""One encoded text: token strings (CTranslate2) or token ids (transformers); len() = token count."""


@dataclass(frozen=True)
class Decoding:
    """Decoding settings for one call; both backends interpret them the same way."""

    beam: int = 1
    max_new_tokens: int = 256
    min_new_tokens: int = 0
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0
    length_penalty: float = 1.0

    def forced(self, new_tokens: int | None) -> Decoding:
        """Exactly `new_tokens` output tokens (benchmarks: random weights at real output lengths)."""
        return self if new_tokens is None else replace(self, max_new_tokens=new_tokens, min_new_tokens=new_tokens)

    def for_retry(self) -> Decoding:
        """Stricter settings for a unit whose output looped: beam search, no repeated trigrams.
        (No added repetition penalty: in beam search transformers applies it to log-probabilities
        and CTranslate2 to logits, so the two backends would stop agreeing.)"""
        ngram = 3 if self.no_repeat_ngram_size == 0 else min(self.no_repeat_ngram_size, 3)
        return replace(self, beam=max(self.beam, 4), no_repeat_ngram_size=ngram)


@dataclass
class Output:
    tokens: list[Any]
    """Generated tokens, without the decoder start, forced prefix and end tokens."""
    finished: bool
    """False when decoding stopped at max_new_tokens instead of emitting the end token."""


class Generator(Protocol):
    """A loaded seq2seq checkpoint behind one backend (transformers or CTranslate2)."""

    backend: str
    path: str
    max_input_tokens: int
    """Longest input (in tokens, specials included) the model accepts."""
    max_output_tokens: int
    """Longest output the decoder can produce (its position table)."""

    def encode(self, texts: Sequence[str]) -> list[Tokens]:
        """Model inputs, special tokens included, never truncated."""
        ...

    def decode(self, outputs: Sequence[Tokens]) -> list[str]:
        """Text of generated tokens, special tokens dropped."""
        ...

    def generate(self, batch: Sequence[Tokens], decoding: Decoding) -> list[Output]:
        """One output per input of one batch, same order."""
        ...


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask, e.g. under taskset or a container)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def input_limit(card_limit: int | None, generator: Generator) -> int:
    """The longest input to give the model: its own limit, or the card's if that is lower."""
    return min(card_limit, generator.max_input_tokens) if card_limit else generator.max_input_tokens


@dataclass(frozen=True)
class Seq2SeqSettings:
    """How a translator or summarizer drives its model: from its card, or the task's defaults."""

    generation: GenerationDefaults
    beam: int
    template: str = "{text}"
    max_input_tokens: int | None = None
    """The card's input limit; the model's own limit applies too."""
    force_new_tokens: int | None = None
    """Benchmarks only: exactly this many output tokens per unit, no loop retries."""


@dataclass
class Stats:
    """Counters a caller can inspect (tests, --verbose): how much work each call did."""

    units: int = 0
    batches: int = 0
    split_units: int = 0
    retries: int = 0
    retries_skipped: int = 0
    """Unusable answers not asked again because output lengths were forced (benchmarks on random
    weights, whose every answer is unusable: a retry would only double the work)."""


_CHAR_RUN = re.compile(r"(.)\1{7,}", re.DOTALL)


def looks_looped(tokens: Sequence[Any], text: str, *, finished: bool) -> bool:
    """True for the classic degenerate outputs: one token or a short n-gram repeated back to
    back, or a long run of one character. An unfinished output (stopped at the length cap) needs
    fewer repeats to count, since the loop is what kept it from ending."""
    if _CHAR_RUN.search(text.replace(" ", "")):
        return True
    items = list(tokens)
    for size in range(1, 7):
        need = 4 if finished or size == 1 else 3
        for end in range(size * need, len(items) + 1):
            if _tandem_count(items, end, size) >= need:
                return True
    return False


def _tandem_count(items: list[Any], end: int, size: int) -> int:
    """How many times the n-gram ending at `end` occurs back to back, ending there."""
    unit = items[end - size : end]
    count = 1
    start = end - size
    while start - size >= 0 and items[start - size : start] == unit:
        count += 1
        start -= size
    return count
