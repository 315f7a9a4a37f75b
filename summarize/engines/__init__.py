"""Local engines: seq2seq models and instruct (chat) models, each on transformers (torch) or
CTranslate2 (int8), as translators and summarizers; model cards, conversion and download.

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
CHAT_BACKENDS = {
    "ctranslate2-chat": "an instruct (chat) model on CTranslate2 (int8 Generator), prompted per unit",
    "transformers-chat": "an instruct (chat) model on transformers + torch (AutoModelForCausalLM)",
}


def register(registry: Registry) -> None:
    from .chat_factories import ChatOptions, make_chat_summarizer, make_chat_translator
    from .factories import Seq2SeqOptions, make_summarizer, make_translator

    for backend, description in BACKENDS.items():
        registry.add("translator", backend, partial(make_translator, backend), description, options=Seq2SeqOptions)
        registry.add("summarizer", backend, partial(make_summarizer, backend), description, options=Seq2SeqOptions)
    for backend, description in CHAT_BACKENDS.items():
        registry.add("translator", backend, partial(make_chat_translator, backend), description, options=ChatOptions)
        registry.add("summarizer", backend, partial(make_chat_summarizer, backend), description, options=ChatOptions)
