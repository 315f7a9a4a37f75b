"""The batch loop both tasks share: length-sorted token-budget batches through one generator,
degenerate outputs retried with beam search, results in input order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .batching import DecoderMemory, token_budget_batches
from .generation import Decoding, Generator, Output, Seq2SeqSettings, Stats, Tokens, input_limit, looks_looped

if TYPE_CHECKING:
    from ..registry import EngineInfo

MAX_BATCH_BYTES = 192 * 2**20
"""Decoding memory per batch (see DecoderMemory). Fewer, bigger batches are faster: every decoding
step reads all the weights whatever the number of rows (opus-mt-zh-en int8 on two cores: about
0.45 s a batch of 48-token outputs, plus 0.03 s a row), so 133 sentences take 4 batches here
instead of 7 at 96 MB, for a peak of about 500 MB for the whole run with both default models."""
MAX_BATCH_TOKENS = 2048
"""Padded input tokens per batch, for a model whose sizes are unknown."""
MAX_BATCH_SIZE = 64


def generate_all(
    generator: Generator,
    encoded: Sequence[Tokens],
    decoding_for: Callable[[list[int]], Decoding],
    stats: Stats,
    *,
    on_batch: Callable[[list[int]], None] | None = None,
    retry_loops: bool = True,
    max_batch_bytes: int = MAX_BATCH_BYTES,
    max_batch_size: int = MAX_BATCH_SIZE,
) -> list[str]:
    """Decoded output for every encoded input. `decoding_for(batch)`: settings for a batch (input
    indices), so that the output cap can follow the inputs' lengths. `on_batch`: called with the
    input indices of each finished batch. `retry_loops`: redo looping outputs with beam search.

    Batches are sorted by length and sized by the memory their decoding holds (input and output
    tokens and vocabulary buffers of every row, `generator.memory`), or by padded input tokens
    when the model's sizes are unknown."""
    results = [""] * len(encoded)
    own = [decoding_for([i]) for i in range(len(encoded))]  # each input's settings on its own
    memory: DecoderMemory | None = getattr(generator, "memory", None)
    if memory is None:
        costs, budget = [len(tokens) for tokens in encoded], MAX_BATCH_TOKENS
    else:
        costs = [memory.row_cost(len(tokens), d.max_new_tokens, d.beam) for tokens, d in zip(encoded, own)]
        budget = memory.budget(max_batch_bytes)
    for batch in token_budget_batches(costs, max_tokens=budget, max_batch=max_batch_size):
        outputs = generator.generate([encoded[i] for i in batch], decoding_for(batch))
        # Each input is held to its own output cap, so a result never depends on its batch mates.
        outputs = [_capped(output, own[i].max_new_tokens) for i, output in zip(batch, outputs)]
        texts = generator.decode([output.tokens for output in outputs])
        for k, (index, output) in enumerate(zip(batch, outputs)):
            if retry_loops and looks_looped(output.tokens, texts[k], finished=output.finished):
                (retried,) = generator.generate([encoded[index]], own[index].for_retry())
                (texts[k],) = generator.decode([retried.tokens])
                stats.retries += 1
        for index, text in zip(batch, texts):
            results[index] = text
        stats.batches += 1
        if on_batch is not None:
            on_batch(batch)
    release_free_memory()
    return results


def release_free_memory() -> None:
    """Give the heap memory freed by the last batches back to the system (glibc keeps it
    otherwise), so that the next model's batches do not stack on top of this one's: without it a
    summarizer's batches stay resident while the translator runs (about 70 MB on the default
    models). A no-op where the C library has no malloc_trim."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim():
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim  # glibc's, through the symbols the process has loaded
    except (OSError, AttributeError):
        return None


def _capped(output: Output, cap: int) -> Output:
    if len(output.tokens) < cap:
        return output
    return Output(tokens=output.tokens[:cap], finished=False)


class Seq2SeqEngine:
    """What a translator and a summarizer on one loaded generator share."""

    def __init__(self, generator: Generator, info: EngineInfo, settings: Seq2SeqSettings):
        self.generator = generator
        self.info = info
        self.settings = settings
        self.stats = Stats()

    def input_limit(self) -> int:
        return input_limit(self.settings.max_input_tokens, self.generator)

    def generate_all(
        self,
        encoded: Sequence[Tokens],
        decoding_for: Callable[[list[int]], Decoding],
        on_batch: Callable[[list[int]], None],
    ) -> list[str]:
        """`generate_all` on this engine's generator; forced lengths (benchmarks) are never retried."""
        return generate_all(
            self.generator, encoded, decoding_for, self.stats, on_batch=on_batch, retry_loops=self.settings.force_new_tokens is None
        )
