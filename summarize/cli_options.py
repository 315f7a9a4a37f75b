"""Options shared by every command that runs models, defined once (Annotated Typer types), and
their conversion into library options with config.toml defaults."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

SummarizerOpt = Annotated[
    Optional[str],
    typer.Option(
        "--summarizer",
        metavar="NAME|PATH",
        help="Summarizer: a model card name, a local Hugging Face or CTranslate2 directory, or 'extractive'. Default: best available locally.",
    ),
]
TranslatorOpt = Annotated[
    Optional[str],
    typer.Option(
        "--translator",
        metavar="NAME|PATH",
        help="Translator: a model card name, a local Hugging Face or CTranslate2 directory, or 'gloss'. Default: best available locally.",
    ),
]
BeamOpt = Annotated[Optional[int], typer.Option("--beam", min=1, max=16, help="Beam size (default: the model card's).")]
ThreadsOpt = Annotated[Optional[int], typer.Option("--threads", min=1, help="CPU threads for the models (default: all cores).")]
SummaryCharsOpt = Annotated[
    Optional[int], typer.Option("--summary-chars", min=10, help="Summary length budget in Chinese characters (default 120).")
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Fail instead of falling back to the built-in engines when a neural model is missing.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the translation/summary cache.")]
PromptOpt = Annotated[
    Optional[str],
    typer.Option(
        "--prompt",
        metavar="FILE",
        help="Prompt file for chat models: TOML with \\[translate] and/or \\[summarize] tables (see prompts/chat.toml).",
    ),
]
GlossaryOpt = Annotated[
    Optional[str], typer.Option("--glossary", metavar="FILE", help="Glossary file: 中文<TAB>English per line, # comments.")
]


def run_options(
    *,
    full: bool = False,
    summarizer: str | None = None,
    translator: str | None = None,
    beam: int | None = None,
    threads: int | None = None,
    summary_chars: int | None = None,
    strict: bool = False,
    no_cache: bool = False,
    glossary: str | None = None,
    prompt: str | None = None,
):
    """RunOptions from CLI values, falling back to the user's config.toml for unset ones."""
    from .home import load_config
    from .pipeline import RunOptions
    from .registry import EngineOptions

    config = load_config()
    return RunOptions(
        full=full,
        summarizer=summarizer or config.get("summarizer"),
        translator=translator or config.get("translator"),
        strict=strict,
        use_cache=not no_cache,
        glossary=glossary or config.get("glossary"),
        prompt=prompt or config.get("prompt"),
        engine=EngineOptions(
            beam=beam or config.get("beam"),
            threads=threads or config.get("threads"),
            summary_chars=summary_chars or config.get("summary_chars", 120),
        ),
    )
