"""Sentence splitting for Chinese (and the English that appears in Chinese news).

A sentence ends after a run of `。！？；`, an ellipsis (`……`), or ASCII `!` `?` followed by a
space, a closing mark, a CJK character or the end; or `.` followed by a space or the end (not
after a common abbreviation or an initial). Closing quotes and brackets (`”’」』）》`) stay with the
sentence they close, and so does the whitespace after it, so the sentences of a text concatenate
back to the text exactly. Nothing inside a number (`10.5%`, `23.66亿元`) or a URL is a boundary.
Text after the last terminator is a last sentence.
"""

from __future__ import annotations

import re

_CLOSERS = "”’」』）)》〉】〕\\]］\"'"
_BOUNDARY = re.compile(
    rf"""(?:[。！？；]|…+|⋯+|[!?](?=[\s{_CLOSERS}\u3400-\u9fff]|$)|\.(?=[\s{_CLOSERS}]|$))+
         [{_CLOSERS}]*
         \s*""",
    re.X,
)
_URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Co|Ltd|Corp|No|Nos|vs|etc|e\.g|i\.e|U\.S|U\.K|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` of `text`; they cover it exactly, in order (the text of a
    sentence is `text[start:end]`, including the whitespace that follows it)."""
    spans: list[tuple[int, int]] = []
    urls = [m.span() for m in _URL.finditer(text)] if ("http" in text or "www." in text) else []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end == start or end <= 0:
            continue
        if urls and any(a <= match.start() < b for a, b in urls):
            continue
        if text[match.start()] == "." and _ABBREVIATION.search(text, 0, match.start()):
            continue
        if not text[start:end].strip():
            continue
        spans.append((start, end))
        start = end
    if start < len(text):
        if spans and not text[start:].strip():
            spans[-1] = (spans[-1][0], len(text))
        else:
            spans.append((start, len(text)))
    return spans
