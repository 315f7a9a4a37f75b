"""Chinese text basics every stage shares: what a Han character is, and where sentences end.

Han characters are the CJK Unified Ideographs (the basic block and its extensions) and the
compatibility ideographs; CJK punctuation, fullwidth forms and the Yijing hexagram symbols next
to extension A are not Han. `HAN_CHARS` is the class body, for patterns that build on it.

Sentences: a sentence ends after a run of `。！？；`, an ellipsis (`……`), or ASCII `!` `?` followed by a
space, a closing mark, a CJK character or the end; or `.` followed by a space or the end (not
after a common abbreviation or an initial). Closing quotes and brackets (`”’」』）》`) stay with the
sentence they close, and so does the whitespace after it, so the sentences of a text concatenate
back to the text exactly. Nothing inside a number (`10.5%`, `23.66亿元`) or a URL is a boundary.
Text after the last terminator is a last sentence.

Sentences are also the units the models get, so over-long ones (text that lost its punctuation,
e.g. a PDF dump) are cut: a sentence longer than MAX_SENTENCE_CHARS at its last clause mark
(`，、：` or a space) within that length, and a run of more than MAX_RUN_CHARS characters without
any such mark every MAX_RUN_CHARS characters (URLs excepted). Real news sentences stay well under
both limits (their longest clauses are under 100 characters), so they are never cut.
"""

from __future__ import annotations

import re

HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN = re.compile(f"[{HAN_CHARS}]")


def has_han(text: str) -> bool:
    """Whether `text` contains any Han character."""
    return HAN.search(text) is not None


_CLOSERS = "”’」』）)》〉】〕\\]］\"'"
_BOUNDARY = re.compile(
    rf"""(?:[。！？；]|…+|⋯+|[!?](?=[\s{_CLOSERS}{HAN_CHARS}]|$)|\.(?=[\s{_CLOSERS}]|$))+
         [{_CLOSERS}]*
         \s*""",
    re.X,
)
_URL = re.compile(rf"(?:https?://|www\.)[^\s\u3000-\u303f{HAN_CHARS}\uff00-\uffef]+")
MAX_SENTENCE_CHARS = 300
MAX_RUN_CHARS = 100
_CLAUSE_MARK = re.compile(r"[，、：,:;\s]+")
# Over-long runs (looked at up to ten units ahead, to cut them into units of even length).
_LONG_RUN = re.compile(rf"[^，、：,:;\s]{{{MAX_RUN_CHARS + 1},{10 * MAX_RUN_CHARS}}}")
_ABBREVIATION_MAX_CHARS = 8  # how far back an abbreviation before a "." can start
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
        dot = match.start()
        if text[dot] == "." and _ABBREVIATION.search(text, max(0, dot - _ABBREVIATION_MAX_CHARS), dot):
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
    if any(b - a > MAX_RUN_CHARS for a, b in spans):
        spans = [piece for a, b in spans for piece in _cut_long(text, a, b, urls)]
    return spans


def sentence_texts(text: str) -> list[str]:
    """The sentences of `text` without surrounding whitespace, blank ones left out; a line break
    also ends a sentence (model output, a summary, the text of a check)."""
    return [s for line in text.splitlines() for a, b in split_sentences(line) if (s := line[a:b].strip())]


def _cut_long(text: str, start: int, end: int, urls: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The span cut into units within the limits (see the module docstring)."""
    pieces = []
    while end - start > MAX_RUN_CHARS:
        cut = _long_run_cut(text, start, end, urls)
        if end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            marks = [m.end() for m in _CLAUSE_MARK.finditer(text, start + 1, limit) if not _inside(m.start(), urls)]
            marks = [mark for mark in marks if mark < end]
            soft = marks[-1] if marks else limit
            cut = soft if cut is None else min(cut, soft)
        if cut is None:
            break
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _long_run_cut(text: str, start: int, end: int, urls: list[tuple[int, int]]) -> int | None:
    """Where to cut before or inside the first over-long run without clause marks, if any."""
    position = start
    while True:
        run = _LONG_RUN.search(text, position, end)
        if run is None:
            return None
        url = _inside(run.start(), urls)
        if url is None:
            if run.start() > start:
                return run.start()
            length = run.end() - run.start()
            even = start + -(-length // -(-length // MAX_RUN_CHARS))  # ceil(length / ceil(length / limit))
            return _word_boundary(text, start, even)
        position = url[1]


_WORD_WINDOW = 12  # how far back from the even cut a word boundary is looked for


def _word_boundary(text: str, start: int, cut: int) -> int:
    """The word boundary (jieba's words) at or just before `cut`, so that unpunctuated text is
    not cut inside a word (东南亚 stays whole); `cut` itself when no boundary is near. jieba is
    loaded only here: punctuated text never needs it."""
    from .chinese_words import jieba_module

    window = max(start + 1, cut - _WORD_WINDOW)
    best = cut
    for _, word_start, _ in jieba_module().tokenize(text[window : cut + _WORD_WINDOW]):
        position = window + word_start
        if position > cut:
            break
        if word_start and position > start:  # the window's own start may be inside a word
            best = position
    return best


def _inside(position: int, urls: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The URL span (of a URL no longer than a sentence may be) that `position` falls in."""
    return next(((a, b) for a, b in urls if a <= position < b and b - a <= MAX_SENTENCE_CHARS), None)
