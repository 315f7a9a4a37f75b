"""Batching and splitting for seq2seq inference: length-sorted token-budget batches, and texts
too long for the model cut into clauses (on ，；：、) rather than truncated."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# After a Chinese clause mark, or after an ASCII one that is followed by a space ("3,000" stays).
_CLAUSE_END = re.compile(r"(?<=[，；：、])|(?<=[,;:])(?=\s)")


def token_budget_batches(lengths: Sequence[int], *, max_tokens: int, max_batch: int) -> list[list[int]]:
    """Indices of `lengths` grouped into batches of similar length (longest first) so that each
    batch's padded size (longest x count) stays within `max_tokens` and its count within
    `max_batch`. Every index appears exactly once; a single over-budget item gets its own batch."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i], reverse=True)
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for index in order:
        length = max(1, lengths[index])
        if current and (max(longest, length) * (len(current) + 1) > max_tokens or len(current) >= max_batch):
            batches.append(current)
            current, longest = [], 0
        current.append(index)
        longest = max(longest, length)
    if current:
        batches.append(current)
    return batches


VOCABULARY_BUFFERS = 5
"""Vocabulary-sized float32 buffers a decoding row holds at once (logits, their normalised and
masked copies); measured on CTranslate2 greedy decoding of opus-mt-zh-en."""


@dataclass(frozen=True)
class DecoderMemory:
    """What one row of a batch costs in memory while it decodes, in units of one token's
    key/value cache: a row keeps keys and values, in every decoder layer, for each source token
    (cross-attention) and each output token (self-attention), plus a few vocabulary-sized buffers.
    On opus-mt-zh-en (65k vocabulary, 6 layers of 512) a 30-token sentence with 48 output tokens
    holds about 3.2 MB, of which 1.3 MB are the vocabulary buffers: batch memory grows with the
    number of rows, not only with their tokens, and more so for large vocabularies."""

    token_bytes: int
    """float32 keys and values of one token in every decoder layer."""
    row_tokens: int
    """The vocabulary buffers of one row, in token equivalents."""

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> DecoderMemory | None:
        """From a Hugging Face config.json (Marian, BART, mBART, T5/mT5); None if it lacks sizes."""
        layers = config.get("decoder_layers") or config.get("num_decoder_layers") or config.get("num_layers")
        width = config.get("d_model")
        if config.get("num_heads") and config.get("d_kv"):  # T5: attention width may differ
            width = config["num_heads"] * config["d_kv"]
        vocab = config.get("vocab_size")
        if not all(isinstance(value, int) and value > 0 for value in (layers, width, vocab)):
            return None
        token_bytes = 2 * layers * width * 4
        return cls(token_bytes=token_bytes, row_tokens=-(-VOCABULARY_BUFFERS * vocab * 4 // token_bytes))

    def row_cost(self, source_tokens: int, output_tokens: int, beam: int = 1) -> int:
        """Token equivalents one input holds while decoding (each beam hypothesis is a row)."""
        return beam * (source_tokens + output_tokens + self.row_tokens)

    def budget(self, max_bytes: int) -> int:
        """A memory budget in bytes as a budget for `token_budget_batches`."""
        return max(1, max_bytes // self.token_bytes)


def split_to_fit(text: str, count: Callable[[str], int], limit: int) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` tokens (as measured by `count`):
    at clause marks first, merging neighbouring clauses while they fit, and by length only for a
    clause that is too long on its own. "".join(pieces) == text."""
    if count(text) <= limit:
        return [text]
    pieces: list[str] = []
    for clause in _CLAUSE_END.split(text):
        if clause:
            pieces.extend([clause] if count(clause) <= limit else _cut_by_length(clause, count, limit))
    merged: list[str] = []
    for piece in pieces:
        if merged and count(merged[-1] + piece) <= limit:
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def _cut_by_length(text: str, count: Callable[[str], int], limit: int) -> list[str]:
    """Longest prefixes within `limit`, found by binary search; Latin text is cut at a space."""
    out: list[str] = []
    rest = text
    while rest:
        if count(rest) <= limit:
            out.append(rest)
            break
        low, high = 1, len(rest)
        while low < high:
            middle = (low + high + 1) // 2
            if count(rest[:middle]) <= limit:
                low = middle
            else:
                high = middle - 1
        cut = low
        space = rest.rfind(" ", 0, cut)
        if space > cut // 2:
            cut = space + 1
        out.append(rest[:cut])
        rest = rest[cut:]
    return out
