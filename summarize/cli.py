"""Command-line interface: parses options and dispatches to the command drivers (summarize.commands).

Keep imports at module level light (no torch, transformers, ctranslate2, jieba): `summarize
--help` and `summarize segment` must start fast. Commands import what they need inside.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .cli_options import (
    BeamOpt,
    ColorOpt,
    GlossaryOpt,
    InputsArg,
    NoCacheOpt,
    ProgressOpt,
    PromptOpt,
    StrictOpt,
    SummarizerOpt,
    SummaryCharsOpt,
    ThreadsOpt,
    TranslatorOpt,
    UsageCommand,
    run_options,
)
from .commands.context import Context
from .errors import ExitStatus

app = typer.Typer(
    help="Chinese news pages in, bilingual article digests out: segment, summarize, translate, check.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: readable at any width, in a pipe, and with Chinese in it
    context_settings={"help_option_names": ["-h", "--help"]},
)
command = app.command
context = Context()
"""The streams and settings of this process's command (global options set it up)."""


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _main_options(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks for bug reports.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No notices on stderr (errors and warnings still).")] = False,
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    context.verbose, context.quiet = verbose, quiet


def _done(status: ExitStatus) -> None:
    if status != ExitStatus.SUCCESS:
        raise typer.Exit(int(status))


@command(cls=UsageCommand)
def segment(
    inputs: InputsArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: an object for one file, an array for several.")] = False,
) -> None:
    """See what the tool reads: articles, paragraphs, sentences.

    Splits each page (no models) and prints the parts with their ids."""
    from .commands.segment import segment as segment_inputs

    with context.library_warnings():
        _done(segment_inputs(context, inputs, as_json=as_json))


class OutputFormat(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    md = "md"
    json = "json"


class ExportFormat(str, Enum):
    markdown = "markdown"
    md = "md"
    json = "json"


FormatOpt = Annotated[
    Optional[OutputFormat],
    typer.Option("--format", "-f", help="Output format (default: from the -o file's extension, else terminal)."),
]


@command(cls=UsageCommand)
def run(
    inputs: InputsArg,
    full: Annotated[bool, typer.Option("--full", help="Also show every paragraph, Chinese and English aligned.")] = False,
    fmt: FormatOpt = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (.md, .json, .txt) instead of stdout.")
    ] = None,
    color: ColorOpt = None,
    progress: ProgressOpt = None,
    summarizer: SummarizerOpt = None,
    translator: TranslatorOpt = None,
    beam: BeamOpt = None,
    threads: ThreadsOpt = None,
    summary_chars: SummaryCharsOpt = None,
    strict: StrictOpt = False,
    no_cache: NoCacheOpt = False,
    glossary: GlossaryOpt = None,
    prompt: PromptOpt = None,
) -> None:
    """The main job: article summaries, Chinese and English.

    Every article of each page, its Chinese summary and the English side by side
    (or Markdown, JSON: --format, or the extension of -o FILE)."""
    from .cli_options import output_format
    from .commands.engines import EngineChoice
    from .commands.run import run as run_inputs

    options = run_options(
        full=full, format=output_format(fmt and fmt.value, output), summarizer=summarizer, translator=translator,
        beam=beam, threads=threads, summary_chars=summary_chars, strict=strict, no_cache=no_cache, glossary=glossary, prompt=prompt,
    )  # fmt: skip
    context.color, context.progress = color, progress
    with context.library_warnings():
        _done(run_inputs(context, inputs, options, EngineChoice(explicit=bool(summarizer or translator)), output))


@command(cls=UsageCommand)
def export(
    inputs: InputsArg,
    out_dir: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help="Output directory; the tree below each input folder is mirrored into it.")
    ],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.markdown,
    full: Annotated[bool, typer.Option("--full", help="Include every paragraph, Chinese and English aligned.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Redo outputs even when they are up to date.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", metavar="N", min=1, help="Worker processes (threads are shared among them).")] = 1,
    ray: Annotated[bool, typer.Option("--ray", help="Run on Ray (the ray extra): $RAY_ADDRESS, ray_address in config.toml, or a fresh local instance.")] = False,
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", metavar="ADDRESS", help="Run on this Ray cluster: auto, HOST:PORT or ray://HOST:10001 (implies --ray).")] = None,
    ray_actors: Annotated[Optional[int], typer.Option("--ray-actors", metavar="N", min=1, help="Ray actors, each holding its own models on --threads CPUs (default 2); default: as many as the cluster holds.")] = None,
    progress: ProgressOpt = None,
    summarizer: SummarizerOpt = None,
    translator: TranslatorOpt = None,
    beam: BeamOpt = None,
    threads: ThreadsOpt = None,
    summary_chars: SummaryCharsOpt = None,
    strict: StrictOpt = False,
    no_cache: NoCacheOpt = False,
    glossary: GlossaryOpt = None,
    prompt: PromptOpt = None,
) -> None:
    """Batch: digest a tree of pages into Markdown or JSON files.

    pages/a/b.txt -> DIR/a/b.md (with several input folders, one subfolder each).
    Resumable: outputs that are up to date are skipped."""
    from .cli_options import output_format
    from .commands.engines import EngineChoice
    from .commands.export import export as export_inputs
    from .distributed import ray_settings
    from .home import load_config

    options = run_options(
        full=full, format=output_format(fmt.value, None), summarizer=summarizer, translator=translator, beam=beam,
        threads=threads, summary_chars=summary_chars, strict=strict, no_cache=no_cache, glossary=glossary, prompt=prompt,
    )  # fmt: skip
    context.progress = progress
    on_ray = ray_settings(flag=ray, address=ray_address, actors=ray_actors, config=load_config())
    choice = EngineChoice(explicit=bool(summarizer or translator))
    with context.library_warnings():
        _done(export_inputs(context, inputs, out_dir, options, choice, force=force, jobs=jobs, ray=on_ray))


# --- models, translate (local seq2seq engines: summarize/engines) ---

models_app = typer.Typer(
    help="Seq2seq and chat models: list, download, convert, inspect.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(models_app, name="models")


class Quantization(str, Enum):
    int8 = "int8"
    float32 = "float32"


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


@command(cls=UsageCommand)
def backends(as_json: JsonOpt = False) -> None:
    """Translators and summarizers installed, with their options.

    Built-in ones and those of plugins (the summarize.backends entry points)."""
    from .commands.backends import list_backends

    list_backends(context, as_json=as_json)


@models_app.command("list", cls=UsageCommand)
def models_list(as_json: JsonOpt = False) -> None:
    """Known models, and whether they are downloaded.

    Model cards: task, family, license, and where the local copies are."""
    from .commands.models import list_models

    list_models(context, as_json=as_json)


@models_app.command("pull", cls=UsageCommand)
def models_pull(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A model name from `summarize models list`.")],
    offline: Annotated[
        bool, typer.Option("--offline", help="Only what is already downloaded: never touch the network (as HF_HUB_OFFLINE=1).")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Download and convert again even if present.")] = False,
) -> None:
    """Download a model and convert it to CTranslate2 int8.

    The pinned revision, into the user directory."""
    from .engines.pull import pull

    for kind, path in pull(name, offline=offline, force=force).items():
        typer.echo(f"{name}: {'ctranslate2' if kind == 'ct2' else 'transformers'} copy at {path}")


@models_app.command("convert", cls=UsageCommand)
def models_convert(
    source: Annotated[Path, typer.Argument(metavar="PATH", help="A local Hugging Face checkpoint directory (seq2seq or chat), or a GGUF file.")],
    out: Annotated[Path, typer.Option("--output", "-o", metavar="OUT", help="Directory to create.")],
    quantization: Annotated[Quantization, typer.Option("--quantization", "-q", help="Weight type.")] = Quantization.int8,
    force: Annotated[bool, typer.Option("--force", help="Replace OUT if it exists.")] = False,
) -> None:
    """Convert a checkpoint to CTranslate2, for the fast path.

    Tokenizer included; use it with --translator OUT."""
    from .engines.convert import convert
    from .engines.pull import require_converter

    require_converter("summarize models convert")
    convert(source, out, quantization=quantization.value, force=force)
    typer.echo(f"converted {source} -> {out} (CTranslate2 {quantization.value})")


@models_app.command("info", cls=UsageCommand)
def models_info(
    spec: Annotated[str, typer.Argument(metavar="NAME|PATH", help="A model name or a model directory.")],
    as_json: JsonOpt = False,
) -> None:
    """Facts about a model: family, sizes, format, files."""
    from .commands.models import model_info

    model_info(context, spec, as_json=as_json)


@command(cls=UsageCommand)
def translate(
    text: Annotated[
        Optional[str], typer.Argument(metavar="TEXT|FILE|-", help="Chinese text, a text file, or - (or nothing) for stdin.")
    ] = None,
    translator: TranslatorOpt = None,
    beam: BeamOpt = None,
    threads: ThreadsOpt = None,
    strict: StrictOpt = False,
    prompt: PromptOpt = None,
) -> None:
    """Translate Chinese text to English, line by line.

    One line out per line in, sentence by sentence."""
    from .commands.translate import translate as translate_text

    options = run_options(translator=translator, beam=beam, threads=threads, strict=strict, prompt=prompt)
    with context.library_warnings():
        _done(translate_text(context, text, options))


@command(cls=UsageCommand)
def check(
    pairs: Annotated[str, typer.Argument(metavar="PAIRS.jsonl|-", help='JSON lines of {"zh": ..., "en": ...} (optional "id"); - reads stdin.')],
    glossary: GlossaryOpt = None,
    default_glossary: Annotated[
        bool,
        typer.Option(
            "--default-glossary/--no-default-glossary",
            help="Verify the places and institutions of the glossary shipped with summarize (on by default).",
        ),
    ] = True,
    fail_on_findings: Annotated[
        bool, typer.Option("--fail-on-findings", help="Exit 1 when any pair has findings (default: exit 0).")
    ] = False,
) -> None:
    """Check translations given as JSON lines of zh/en pairs.

    Numbers, Chinese left in, echoes, loops, length, glossary terms, person names. Prints one
    JSON line per pair: {"id", "ok", "findings": [{check, unit_id, message, zh, en}]}."""
    from .commands.check import check as check_pairs

    _done(check_pairs(context, pairs, glossary=glossary, default_glossary=default_glossary, fail_on_findings=fail_on_findings))


def main() -> None:
    """Console-script entry point: one-line errors with meaningful exit statuses (errors.ExitStatus),
    never a traceback unless `--verbose`."""
    from .commands.outcomes import exit_status, stop_on_sigterm

    args = _global_options_first(sys.argv[1:])
    stop_on_sigterm()
    try:
        status = app(args=args, standalone_mode=False)
        if status == ExitStatus.INTERRUPTED:  # typer turns Ctrl-C into exit code 130 without a word
            raise KeyboardInterrupt
        sys.stdout.flush()  # here, where a failure is reported: not at exit, with a traceback
    except BaseException as exc:  # noqa: BLE001 - every outcome has its line and status (commands.outcomes)
        from .atomic import discard_unfinished

        discard_unfinished()  # e.g. one Ctrl-C'd before anything held it: nothing partial is left
        status = exit_status(exc, context, verbose="--verbose" in args[:1])
    sys.exit(int(status) if isinstance(status, int) else ExitStatus.SUCCESS)


_GLOBAL_FLAGS = ("--verbose", "-v", "--quiet")


def _global_options_first(args: list[str]) -> list[str]:
    """`--verbose` / `-v` and `--quiet` are options of `summarize` itself; users add them anywhere
    (`summarize run page.txt --verbose`), so they are moved in front of the command (not past a
    `--`)."""
    end = args.index("--") if "--" in args else len(args)
    flags = {"-v": "--verbose"}
    found = [flags.get(a, a) for a in args[:end] if a in _GLOBAL_FLAGS]
    if not found:
        return args
    return [f for f in ("--verbose", "--quiet") if f in found] + [a for a in args[:end] if a not in _GLOBAL_FLAGS] + args[end:]
