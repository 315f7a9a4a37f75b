"""Guarded output of instruct models: their answer cleaned down to the translation or summary,
and judged before it is used.

Chat models wrap answers in chatter ("Here is the translation:", quotation marks, markdown, a
closing "Note: ..."), and small ones sometimes answer something else: the Chinese echoed back, a
refusal, an explanation of the sentence. `clean_*` removes the wrapping; `translation_problem` /
`summary_problem` say why an answer is not usable (the engine retries it once, then reports it).
"""

from __future__ import annotations

import re

from ..text import HAN as _HAN
from ..text import HAN_CHARS

_LATIN = re.compile(r"[A-Za-z]")

_LEAD_IN = re.compile(
    r"^\s*(?:(?:sure|certainly|of course|okay|ok)[,!.]?\s*)?"
    r"(?:here(?:'s| is| are)\s+(?:the|my|an?)\s+(?:english\s+)?(?:translation|version|rendering)[^:\n]*|"
    r"(?:the\s+)?(?:english\s+)?translation(?:\s+(?:is|would be|reads))?|english(?:\s+version)?|translated(?:\s+text)?|answer|"
    r"(?:the\s+)?(?:chinese\s+|original\s+)?(?:text|sentence)\s+(?:translates|is translated|can be translated)\s+(?:to|as|into)(?:\s+english)?)"
    r"\s*[:：]\s*",
    re.IGNORECASE,
)
_TRAILER = re.compile(
    r"(?:^|\n|(?<=[.!?\"”)])\s+)\(?\s*(?:notes?|explanation|translator'?s note|this translation|in this translation|"
    r"i (?:have )?(?:translated|kept|used)|the (?:original|chinese) (?:text|sentence))\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_FENCE = re.compile(r"^```[\w-]*\s*|\s*```$")
_MARKDOWN = re.compile(r"\*\*|__|^#+\s*|^\s*[-*•]\s+", re.MULTILINE)
_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("「", "」"), ("『", "』"))
_REFUSAL = re.compile(
    r"^\s*(?:i'?m sorry|sorry|i apologi[sz]e|i cannot|i can't|i can not|i am unable|i'?m unable|as an ai|"
    r"unfortunately|please provide|could you (?:please )?provide|抱歉|对不起|很抱歉)",
    re.IGNORECASE,
)
_EXPLANATION = re.compile(
    r"^\s*(?:this|the) (?:chinese )?(?:sentence|text|phrase|passage|title) (?:means|says|is about|describes|talks|translates|can be translated|refers)"
    r"|^\s*(?:in english, )?(?:it|this) (?:means|says|translates)",
    re.IGNORECASE,
)
_PROMPT_LABEL = re.compile(r"^(?:chinese|中文|names|(?:the )?amounts?\b[^:：]*)\s*[:：]\s*", re.IGNORECASE)
"""The label of a prompt's slot line: such lines repeated in the answer are dropped, unless the
answer has nothing else (small models label their English "Chinese:" too)."""
_SUMMARY_LABEL = re.compile(r"^\s*(?:摘要|总结|概括|新闻摘要|summary)\s*[:：]\s*", re.IGNORECASE)

TOO_LONG = 12.0
"""English letters per Chinese character beyond which an answer explains rather than translates
(professional translations stay under 7.5, see summarize.checks)."""


def clean_translation(answer: str, source: str) -> str:
    """The translation in a chat answer: no code fences, markdown, lead-in, trailing notes,
    surrounding quotes (unless the source is quoted), Chinese lines echoed next to English ones;
    one line."""
    text = _FENCE.sub("", answer.strip())
    text = _MARKDOWN.sub("", text)
    text = _LEAD_IN.sub("", text, count=1)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    english = [line for line in lines if not _mostly_han(line)]
    if english and len(english) < len(lines):
        lines = english  # "Chinese: ...", the source repeated around the translation
    answer_lines = [line for line in lines if not _PROMPT_LABEL.match(line)] or [_PROMPT_LABEL.sub("", line) for line in lines]
    lines = [_LEAD_IN.sub("", line, count=1) for line in answer_lines]
    text = " ".join(line for line in lines if line)
    text = _TRAILER.sub("", text).strip()
    return _unquote(text, source)


def _unquote(text: str, source: str) -> str:
    source = source.strip()
    for left, right in _QUOTES:
        if len(text) > 2 and text.startswith(left) and text.endswith(right) and not source.startswith(("“", '"', "「", "‘", "'")):
            inner = text[1:-1]
            if left not in inner and right not in inner:
                return inner.strip()
    return text


def translation_problem(source: str, answer: str) -> str | None:
    """Why `answer` is not a translation of `source`, or None."""
    from ..checks import check_missing

    if not answer.strip():
        return "empty answer"
    han_source = len(_HAN.findall(source))
    if han_source and _mostly_han(answer):
        return "answered in Chinese (the source echoed back)"
    if check_missing(source, answer):
        return "far too short: part of the text was not translated"
    if _REFUSAL.search(answer):
        return "a refusal or a request, not a translation"
    if _EXPLANATION.search(answer):
        return "an explanation of the text, not a translation"
    if han_source >= 4 and len(_LATIN.findall(answer)) / han_source > TOO_LONG:
        return "far longer than a translation (an explanation or added text)"
    return None


def clean_summary(answer: str) -> str:
    """The summary in a chat answer: no fences, markdown, label ("摘要："), quotes; one paragraph."""
    text = _FENCE.sub("", answer.strip())
    text = _MARKDOWN.sub("", text)
    lines = [_SUMMARY_LABEL.sub("", line).strip() for line in text.splitlines()]
    text = "".join(line for line in lines if line)
    return _unquote(text, "")


def summary_problem(summary: str) -> str | None:
    if not summary.strip():
        return "empty answer"
    if not _HAN.search(summary):
        return "not in Chinese"
    if _REFUSAL.search(summary):
        return "a refusal, not a summary"
    return None


def complete_sentences(text: str) -> str:
    """`text` cut after its last complete sentence (an answer stopped by the length cap), or
    unchanged when it has none."""
    ends = [m.end() for m in re.finditer(r"[。！？!?][”’」』）)]*", text)]
    return text[: ends[-1]] if ends else text


def _mostly_han(text: str) -> bool:
    han = len(_HAN.findall(text))
    return han > 0 and han * 3 >= len(_LATIN.findall(text))


_HAN_RUN = re.compile(f"[{HAN_CHARS}]+")


def han_runs(text: str) -> list[str]:
    """The Chinese words left in an English text."""
    return _HAN_RUN.findall(text) if not _mostly_han(text) else []


def tidy(text: str) -> str:
    """Single spaces, none before punctuation."""
    text = re.sub(r"\s{2,}", " ", text)
    return re.sub(r"\s+([,.;:!?)”’])", r"\1", text).strip()
