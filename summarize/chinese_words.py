"""jieba, loaded once and quietly, plus its general-domain IDF table.

jieba is heavy (a 0.5-1 s dictionary load) and chatty ("Building prefix dict..." on stderr), so
every module that needs Chinese words goes through `jieba_module()` inside its functions.
"""

from __future__ import annotations

import logging
import re
import threading
import warnings
from functools import lru_cache
from types import ModuleType

_lock = threading.Lock()

# A word counts when it has at least one Han character, letter or digit (\w covers them all).
WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=1)
def jieba_module() -> ModuleType:
    """The initialised `jieba` module with its log output silenced."""
    with _lock, warnings.catch_warnings():
        # jieba 0.42 imports the deprecated pkg_resources; not our users' concern.
        warnings.simplefilter("ignore", UserWarning)
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        return jieba


class IdfTable:
    """word -> IDF weight with `get(word, default)` like a dict, in 3 MB where a dict of jieba's
    270k words takes 50 MB: words are kept as their hashes (this process's `hash`), sorted, beside
    their weights."""

    def __init__(self, pairs: list[tuple[str, str]]):
        import numpy as np

        hashes = np.fromiter((hash(word) for word, _ in pairs), np.int64, len(pairs))
        weights = np.array([value for _, value in pairs], dtype=np.float64)
        order = np.argsort(hashes, kind="stable")
        self._hashes, self._weights = hashes[order], weights[order]

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, word: str, default: float) -> float:
        key = hash(word)
        index = int(self._hashes.searchsorted(key))
        if index < len(self._hashes) and self._hashes[index] == key:
            return float(self._weights[index])
        return default

    def median(self) -> float:
        """The median weight (1.0 for an empty table)."""
        import numpy as np

        return float(np.sort(self._weights)[len(self._weights) // 2]) if len(self._weights) else 1.0


_IDF_LINE = re.compile(r"^(\S+) +(\S+)", re.MULTILINE)


@lru_cache(maxsize=1)
def idf_table() -> tuple[IdfTable, float]:
    """jieba's general-news IDF weights and their median (the weight of unseen words)."""
    from importlib.resources import files

    jieba_module()  # imports the package quietly
    text = (files("jieba") / "analyse" / "idf.txt").read_text(encoding="utf-8")
    table = IdfTable(_IDF_LINE.findall(text))
    return table, table.median()


def words(text: str) -> list[str]:
    """jieba words of `text` that contain a Han character, letter or digit, lower-cased."""
    return [w.lower() for w in jieba_module().lcut(text) if WORD_CHAR.search(w)]
