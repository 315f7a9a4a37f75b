"""Options shared by the commands, defined once (Annotated Typer types); their conversion into
library options with config.toml defaults; and the usage line of the help."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import click
import typer
from typer.core import TyperCommand

InputsArg = Annotated[
    list[str], typer.Argument(metavar="INPUT...", help="Text files, directories of *.txt, or - for stdin.", show_default=False)
]
ColorOpt = Annotated[
    Optional[bool], typer.Option("--color/--no-color", help="Force colours on or off (default: on for a terminal).")
]
ProgressOpt = Annotated[
    Optional[bool], typer.Option("--progress/--no-progress", help="Progress bars on stderr (default: on a terminal).")
]

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
BeamOpt = Annotated[
    Optional[int], typer.Option("--beam", metavar="N", min=1, max=16, help="Beam size (default: the model card's).")
]
ThreadsOpt = Annotated[
    Optional[int], typer.Option("--threads", metavar="N", min=1, help="CPU threads for the models (default: all cores).")
]
SummaryCharsOpt = Annotated[
    Optional[int],
    typer.Option("--summary-chars", metavar="N", min=10, help="Summary length budget in Chinese characters (default 120)."),
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
    Optional[str], typer.Option("--glossary", metavar="FILE", help="Glossary file: one term per line, Chinese, a tab, English; # comments.")
]


def run_options(
    *,
    full: bool = False,
    format: str = "terminal",
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
        format=format,
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


def output_format(name: str | None, output: Path | None) -> str:
    """The format asked for (`md` is markdown), else the one the output file's extension names
    (`-o digest.md`), else the terminal view. A file with an unknown extension needs --format."""
    from .errors import UsageError
    from .render.formats import ALIASES, TERMINAL, format_of_path, known_suffixes

    if name:
        return ALIASES.get(name, name)
    if output is None:
        return TERMINAL
    found = format_of_path(output)
    if found is None:
        raise UsageError(
            f"cannot tell the format from the extension of {output}",
            hint=f"Use one of {known_suffixes()}, or give --format (terminal, markdown, json)",
        )
    return found


class UsageCommand(TyperCommand):
    """A command whose help reads as people write it: `INPUT...`, `[TEXT|FILE|-]` in the usage
    line, arguments by name without Python type names."""

    def format_options(self, ctx: click.Context, formatter) -> None:
        params = self.get_params(ctx)
        arguments = [(p.metavar or p.name.upper(), p.help or "") for p in params if p.param_type_name == "argument"]
        options = [record for p in params if p.param_type_name != "argument" and (record := p.get_help_record(ctx))]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or param.name.upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces
