"""Which Chinese script a text is in, and length-preserving Traditional -> Simplified conversion.

Segmentation rules and models work on Simplified Chinese; a Traditional page is analysed (and
summarized/translated) on a Simplified copy while every text shown keeps the original characters.
The copy has the same length as the original, so offsets found on it hold for the original.
OpenCC is imported only when a text may be Traditional (a cheap pre-check on frequent
Traditional-only characters).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import HAN, has_han

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
OTHER = "other"

_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
# Frequent characters that exist only in Traditional writing: a page with none of them is not
# Traditional, whatever else it contains.
_TRADITIONAL_ONLY = re.compile(
    "[們這個來時會說對為從經發過還與國學後開關點實長車門見東問間體頭電聽讓變現書邊裡記歲報導業務"
    "進產區勢際場處總義線認選術隊鄉聯係單機親構統織設額積極濟貿價買賣錢銀歷會議論調環協]"
)
# Share of a Traditional page's Han characters that t2s conversion changes is typically 20-40%;
# a Simplified page's is ~0 (a few variant characters).
_TRADITIONAL_SHARE = 0.08
# Below this share of Han characters among letters, the text is not Chinese to speak of.
_MIN_HAN_SHARE = 0.2
# How much text the script is judged on.
_SAMPLE_CHARS = 20_000


def detect_script(text: str) -> str:
    """"simplified", "traditional", or "other" (almost no Han characters: e.g. English)."""
    sample = text[:_SAMPLE_CHARS]
    han = HAN.findall(sample)
    letters = len(_LATIN.findall(sample))
    if not han or len(han) < _MIN_HAN_SHARE * (len(han) + letters):
        return OTHER
    if len(_TRADITIONAL_ONLY.findall(sample)) < 2:
        return SIMPLIFIED
    converted = _converter("t2s").convert("".join(han))
    if len(converted) != len(han):
        converted = "".join(_convert_char("t2s", c) for c in han)
    changed = sum(1 for a, b in zip(han, converted) if a != b)
    return TRADITIONAL if changed >= _TRADITIONAL_SHARE * len(han) else SIMPLIFIED


def to_simplified(text: str) -> str:
    """Traditional -> Simplified with OpenCC, guaranteed to keep `len(text)` and every non-Han
    character in place (lines whose phrase conversion changes length are converted char by char)."""
    return _length_preserving(text, "t2s")


def to_traditional(text: str) -> str:
    """Simplified -> Traditional (e.g. a summary shown next to a Traditional page); same length."""
    return _length_preserving(text, "s2t")


def has_traditional(text: str) -> bool:
    """Whether `text` has a frequent Traditional-only character (`這`, `記`, `報`...)."""
    return _TRADITIONAL_ONLY.search(text) is not None


def _length_preserving(text: str, config: str) -> str:
    converted = _converter(config).convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        piece = _converter(config).convert(line)
        if len(piece) != len(line):
            piece = "".join(_convert_char(config, c) for c in line)
        out.append(piece)
    return "\n".join(out)


def _convert_char(config: str, char: str) -> str:
    converted = _converter(config).convert(char)
    return converted if len(converted) == 1 else char


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")
# A sentence without Chinese that has at least this many words is foreign prose, not a number,
# a name or a URL.
_PROSE_WORDS = 3


def passthrough_notice(page, foreign: int | None = None) -> str | None:
    """One line for a `summarize.document.Page` that is not Chinese, or whose body has sentences
    without Chinese (English prose in a Chinese page): they are shown as they are, not summarized
    or translated. None for a page that is all Chinese. For a page that came in parts, `foreign`
    is the sum of `foreign_sentences` over its parts."""
    if page.script == OTHER:
        return "no Chinese text to speak of; shown as it is, not summarized or translated"
    foreign = foreign_sentences(page) if foreign is None else foreign
    if foreign:
        return f"{foreign} sentence(s) without Chinese (e.g. English) are shown as they are, not translated"
    return None


def foreign_sentences(page) -> int:
    """How many sentences of the page's articles are prose without Chinese (see passthrough_notice)."""
    return sum(
        1
        for article in page.articles
        for sentence in article.sentences
        if not has_han(sentence.text) and len(_LATIN_WORD.findall(sentence.text)) >= _PROSE_WORDS
    )
