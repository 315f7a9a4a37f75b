"""Local seq2seq engines: transformers (torch) and CTranslate2 (int8) backends for translators and
summarizers, model cards, conversion and download.

`register` is the `summarize.backends` entry point; it only records factories, and every heavy
library (ctranslate2, torch, transformers) is imported when a model is actually loaded.
"""

from __future__ import annotations

from functools import partial

from ..registry import Registry

BACKENDS = {
    "ctranslate2": "CTranslate2 (int8 by default): fast CPU inference of a converted checkpoint",
    "transformers": "transformers + torch on a Hugging Face checkpoint",
}


def register(registry: Registry) -> None:
    from .factories import Seq2SeqOptions, make_summarizer, make_translator

    for backend, description in BACKENDS.items():
        registry.add("translator", backend, partial(make_translator, backend), description, options=Seq2SeqOptions)
        registry.add("summarizer", backend, partial(make_summarizer, backend), description, options=Seq2SeqOptions)
