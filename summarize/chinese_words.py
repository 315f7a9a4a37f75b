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

# A word counts when it has at least one Han character, letter or digit.
WORD_CHAR = re.compile(r"[\w\u3400-\u9fff]")


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


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's general-news IDF weights and their median (the weight of unseen words)."""
    from importlib.resources import files

    jieba_module()  # imports the package quietly
    weights: dict[str, float] = {}
    text = (files("jieba") / "analyse" / "idf.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        word, _, value = line.partition(" ")
        if value:
            weights[word] = float(value)
    values = sorted(weights.values())
    median = values[len(values) // 2] if values else 1.0
    return weights, median


def words(text: str) -> list[str]:
    """jieba words of `text` that contain a Han character, letter or digit, lower-cased."""
    return [w.lower() for w in jieba_module().lcut(text) if WORD_CHAR.search(w)]
