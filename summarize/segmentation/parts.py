"""Where to cut a huge input into parts that are segmented one after the other (bounded memory).

A part ends where an article starts: the text just before the part size (WINDOW_CHARS of it, and a
little after for context) is segmented, and the part ends at the start of the last article found
there (not the first one, which may have begun earlier). Failing that (a window without any
article start, e.g. one huge article), at a blank line between two articles by their look in the
last half of the part: the line before it finishes something (a sentence, a source line, a 下转
mark) and the line after it starts a headline block (a title or kicker line); then at any blank
line after a finished sentence, at any blank line, at any line break, and only for text without
line breaks at all, at the part size. Each part is then segmented on its own, so only text around
a cut that is not between articles can come out differently from segmenting the whole at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .articles import group_articles
from .lines import CONT_DOWN, KICKER, SOURCE, TITLE, classify_text, ends_terminal, split_lines

PART_CHARS = 1_000_000
WINDOW_CHARS = 60_000  # text before the part size segmented to find where an article starts
_CONTEXT_CHARS = 4_000  # and after it, so that the last article's head is read whole
_MAX_CANDIDATES = 2_000  # blank lines looked at per cut (the nearest to the part size first)
_ENDS = (CONT_DOWN, SOURCE)
_STARTS = (TITLE, KICKER)


def part_spans(text: str, part_chars: int = PART_CHARS, analysis: Callable[[str], str] = str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of consecutive parts covering `text`; at least one, even for "".
    `analysis` gives the analysis copy of a piece of the text (see segment_text)."""
    start = 0
    while len(text) - start > part_chars:
        low, high = start + part_chars // 2, start + part_chars
        cut = _article_start(text, max(low, high - WINDOW_CHARS), high, analysis) or _cut(text, low, high)
        yield start, cut
        start = cut
    yield start, len(text)


def _article_start(text: str, low: int, high: int, analysis: Callable[[str], str]) -> int | None:
    """The start of the line where the last article that starts in text[low:high] starts."""
    begin = text.rfind("\n", 0, low) + 1
    end = text.find("\n", high, high + _CONTEXT_CHARS)
    end = min(len(text), high + _CONTEXT_CHARS) if end < 0 else end
    drafts, _ = group_articles(split_lines(analysis(text[begin:end]), base=begin))
    starts = [min([draft.body[0].start] + [lines[0].start for lines in draft.fields.values() if lines]) for draft in drafts[1:]]
    cuts = [text.rfind("\n", 0, at) + 1 for at in starts]
    cuts = [cut for cut in cuts if low < cut <= high]
    return cuts[-1] if cuts else None


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
