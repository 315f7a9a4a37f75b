"""English from the dictionary for Chinese words a translation left in ("treated as 待遇").

A model asked for one word on its own often answers with the word again (a small chat model
echoes 生动 back); the repair (summarize/repair.py) then puts in the word's English from what
the key-facts gloss already knows (summarize/gloss_words.py: the glossary, names, the news-sense
table, CC-CEDICT), and where none is known its pinyin, so that no Chinese is left for an English
reader. Each word filled is reported, with where its English came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .text import HAN

if TYPE_CHECKING:
    from .glossary import Glossary

__all__ = ["FilledWord", "fill_from_dictionary", "filled_message"]


@dataclass(frozen=True)
class FilledWord:
    zh: str
    en: str
    pinyin: bool  # no English known: the word's reading


def fill_from_dictionary(en: str, runs: Sequence[re.Match[str]], glossary: Glossary | None = None) -> tuple[str, list[FilledWord]]:
    """`en` with each run of Chinese in `runs` (matches in `en`) replaced by its English, and the
    words filled, in order."""
    from .engines.guard import tidy
    from .gloss_words import glossary_lookup

    lookup = glossary_lookup(glossary)
    out: list[str] = []
    filled: list[FilledWord] = []
    last = 0
    for run in sorted(runs, key=lambda m: m.start()):
        words = _run_english(run.group(), lookup)
        out += [en[last : run.start()], " ", " ".join(word.en for word in words), " "]
        filled += [word for word in words if HAN.search(word.zh)]
        last = run.end()
    out.append(en[last:])
    return tidy("".join(out)), filled


def filled_message(filled: Sequence[FilledWord]) -> str:
    """One line for the reader: which words the model did not translate, and what was put in."""
    shown = "; ".join(dict.fromkeys(f"{w.zh} = {w.en}{' (pinyin)' if w.pinyin else ''}" for w in filled))
    return f"not translated by the model; filled from the dictionary: {shown}"


def _run_english(run: str, lookup: Callable[[str], str | None] | None) -> list[FilledWord]:
    """The run as a whole when the dictionary has it (谐音梗 "homophonic pun", which jieba cuts
    in two), else word by word; punctuation in the run made plain (，-> ,)."""
    from .gloss_words import word_english

    words = _words(run)
    if len(words) > 1 and "".join(word for word, _ in words) == run:
        whole = word_english(run, "n", lookup)
        if whole:
            return [FilledWord(run, whole, False)]
    filled = []
    for word, tag in words:
        if not HAN.search(word):
            filled.append(FilledWord(word, unicodedata.normalize("NFKC", word), False))
            continue
        # A lone character's dictionary sense is a guess (稠 "dense" in 稠州): as in the gloss, only
        # a word of two or more characters gets one, unless the glossary has it.
        english = word_english(word, tag, lookup) if len(word) > 1 else (lookup(word) if lookup else None)
        filled.append(FilledWord(word, english, False) if english else FilledWord(word, _pinyin(word), True))
    return filled


def _words(run: str) -> list[tuple[str, str]]:
    """jieba's words (with their tags) in `run`; characters jieba leaves on their own in a row
    (a word it does not know: 稠/州/味) joined into one, tagged "x"."""
    from .chinese_words import jieba_module

    jieba_module()
    import jieba.posseg

    words: list[tuple[str, str]] = []
    for pair in jieba.posseg.lcut(run):
        word = pair.word.strip()
        if not word:
            continue
        lone = len(word) == 1 and HAN.search(word)
        if lone and words and words[-1][1] == "x" and HAN.search(words[-1][0]):
            words[-1] = (words[-1][0] + word, "x")
        else:
            words.append((word, "x" if lone else pair.flag))
    return words


def _pinyin(word: str) -> str:
    """Toneless pinyin, one word per Chinese word: 谐音 -> xieyin (Xi'an keeps its apostrophe)."""
    from .gloss_words import romanize

    return romanize(word).lower()
