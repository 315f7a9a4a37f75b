"""The batch loop both tasks share: length-sorted token-budget batches through one generator,
degenerate outputs retried with beam search, results in input order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .batching import token_budget_batches
from .generation import Decoding, Generator, Output, Stats, Tokens, looks_looped

MAX_BATCH_TOKENS = 2048
"""Padded tokens per batch: big enough to keep CTranslate2 busy, small enough for a laptop."""
MAX_BATCH_SIZE = 64


def generate_all(
    generator: Generator,
    encoded: Sequence[Tokens],
    decoding_for: Callable[[list[int]], Decoding],
    stats: Stats,
    *,
    on_batch: Callable[[list[int]], None] | None = None,
    retry_loops: bool = True,
    max_batch_tokens: int = MAX_BATCH_TOKENS,
    max_batch_size: int = MAX_BATCH_SIZE,
) -> list[str]:
    """Decoded output for every encoded input. `decoding_for(batch)`: settings for a batch (input
    indices), so that the output cap can follow the inputs' lengths. `on_batch`: called with the
    input indices of each finished batch. `retry_loops`: redo looping outputs with beam search."""
    results = [""] * len(encoded)
    lengths = [len(tokens) for tokens in encoded]
    for batch in token_budget_batches(lengths, max_tokens=max_batch_tokens, max_batch=max_batch_size):
        outputs = generator.generate([encoded[i] for i in batch], decoding_for(batch))
        # Each input is held to its own output cap, so a result never depends on its batch mates.
        outputs = [_capped(output, decoding_for([i]).max_new_tokens) for i, output in zip(batch, outputs)]
        texts = generator.decode([output.tokens for output in outputs])
        for k, (index, output) in enumerate(zip(batch, outputs)):
            if retry_loops and looks_looped(output.tokens, texts[k], finished=output.finished):
                (retried,) = generator.generate([encoded[index]], decoding_for([index]).for_retry())
                (texts[k],) = generator.decode([retried.tokens])
                stats.retries += 1
        for index, text in zip(batch, texts):
            results[index] = text
        stats.batches += 1
        if on_batch is not None:
            on_batch(batch)
    return results


def _capped(output: Output, cap: int) -> Output:
    if len(output.tokens) < cap:
        return output
    return Output(tokens=output.tokens[:cap], finished=False)
