"""Where to cut a huge input into parts that are segmented one after the other (bounded memory).

A part ends at a blank line between two articles when there is one in the last half of the part:
the line before it finishes something (a sentence, a source line, a 下转 mark) and the line after
it starts a headline block (a title or kicker line). Failing that, at any blank line after a
finished sentence, at any blank line, at any line break, and only for text without line breaks
at all, at the part size. Each part is then segmented on its own, so only text around a cut that
is not between articles can come out differently from segmenting the whole at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from .lines import CONT_DOWN, KICKER, SOURCE, TITLE, classify_text, ends_terminal

PART_CHARS = 1_000_000
_MAX_CANDIDATES = 2_000  # blank lines looked at per cut (the nearest to the part size first)
_ENDS = (CONT_DOWN, SOURCE)
_STARTS = (TITLE, KICKER)


def part_spans(text: str, part_chars: int = PART_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of consecutive parts covering `text`; at least one, even for ""."""
    start = 0
    while len(text) - start > part_chars:
        cut = _cut(text, start + part_chars // 2, start + part_chars)
        yield start, cut
        start = cut
    yield start, len(text)


def _cut(text: str, low: int, high: int) -> int:
    """The best place in text[low:high] to end a part (an offset just after a line break)."""
    fallback = None
    position = high
    for _ in range(_MAX_CANDIDATES):
        blank = text.rfind("\n\n", low, position)
        if blank < 0:
            break
        before = _line_before(text, blank)
        after = _line_after(text, blank + 2, high)
        finished = bool(before) and ends_terminal(before)
        if before and after and (finished or classify_text(before) in _ENDS) and classify_text(after) in _STARTS:
            return blank + 1
        if fallback is None or (finished and not fallback[0]):
            fallback = (finished, blank + 1)
        position = blank
    if fallback is not None:
        return fallback[1]
    newline = text.rfind("\n", low, high)
    return newline + 1 if newline >= 0 else high


def _line_before(text: str, end: int) -> str:
    start = text.rfind("\n", max(0, end - 2_000), end) + 1
    return text[start:end].strip()


def _line_after(text: str, start: int, limit: int) -> str:
    """The next non-blank line after `start` (only what lies before `limit` is looked at)."""
    stop = min(len(text), limit + 2_000)
    while start < stop:
        end = text.find("\n", start, stop)
        end = stop if end < 0 else end
        line = text[start:end].strip()
        if line:
            return line
        start = end + 1
    return ""
