"""Batching and splitting for seq2seq inference: length-sorted token-budget batches, and texts
too long for the model cut into clauses (on ，；：、) rather than truncated."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

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
