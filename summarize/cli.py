"""Command-line interface: a thin Typer layer over the library API.

Keep imports at module level light (no torch, transformers, ctranslate2, jieba): `summarize
--help` and `summarize segment` must start fast. Commands import what they need inside.
"""

from __future__ import annotations

import sys
import traceback
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import click
import typer

from . import __version__
from .cli_options import (
    BeamOpt,
    GlossaryOpt,
    NoCacheOpt,
    StrictOpt,
    SummarizerOpt,
    SummaryCharsOpt,
    ThreadsOpt,
    TranslatorOpt,
    run_options,
)
from .errors import SummarizeError

app = typer.Typer(
    help="Chinese news pages in, bilingual article digests out: segment, summarize, translate, check.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"verbose": False}


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _main_options(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show tracebacks for bug reports."),
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version_callback, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    _state["verbose"] = verbose


def error_line(message: str) -> None:
    """One line on stderr, the same shape for every error the tool reports (library messages
    may carry line breaks: they are joined)."""
    sys.stderr.write(f"summarize: error: {' '.join(message.split())}\n")
    sys.stderr.flush()


def report_line(level: str, message: str) -> None:
    """An error (see `error_line`), or a warning or notice line on stderr."""
    if level == "error":
        error_line(message)
    else:
        sys.stderr.write(f"summarize: {level}: {message}\n")


# --- commands -----------------------------------------------------------------------------------
# Each command parses options, calls the library, prints. Add new commands below.


@app.command()
def segment(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="Text files, directories of *.txt, or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: an object for one file, an array for several.")] = False,
) -> None:
    """Split pages into articles, paragraphs and sentences (no models): see what the tool reads."""
    from .segment_output import print_segmentation

    if print_segmentation(inputs, as_json=as_json, stdout=sys.stdout, report=report_line):
        raise typer.Exit(2)


class OutputFormat(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"


class ExportFormat(str, Enum):
    markdown = "markdown"
    json = "json"


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="Text files, directories of *.txt, or - for stdin.")],
    full: Annotated[bool, typer.Option("--full", help="Also show every paragraph, Chinese and English aligned.")] = False,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.terminal,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Force colours on or off (default: on for a terminal).")] = None,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bars on stderr (default: on a terminal).")] = None,
    summarizer: SummarizerOpt = None,
    translator: TranslatorOpt = None,
    beam: BeamOpt = None,
    threads: ThreadsOpt = None,
    summary_chars: SummaryCharsOpt = None,
    strict: StrictOpt = False,
    no_cache: NoCacheOpt = False,
    glossary: GlossaryOpt = None,
) -> None:
    """The main job: every article of each page, its Chinese summary and the English side by side."""
    from .run_output import run_inputs

    options = run_options(
        full=full, summarizer=summarizer, translator=translator, beam=beam, threads=threads,
        summary_chars=summary_chars, strict=strict, no_cache=no_cache, glossary=glossary,
    )

    def make_engines():
        return _engines_with_notice(options, explicit=bool(summarizer or translator))

    with _warnings_as_lines():
        failed = run_inputs(
            inputs, make_engines, fmt=fmt.value, output=output, full=full, color=color, progress=progress, report=report_line
        )
    if failed:
        raise typer.Exit(2)


@app.command()
def export(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="Text files, directories of *.txt, or - for stdin.")],
    out_dir: Annotated[Path, typer.Option("--output", "-o", help="Output directory; the input tree is mirrored into it.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.markdown,
    full: Annotated[bool, typer.Option("--full", help="Include every paragraph, Chinese and English aligned.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Redo outputs even when they are up to date.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes (threads are shared among them).")] = 1,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal).")] = None,
    summarizer: SummarizerOpt = None,
    translator: TranslatorOpt = None,
    beam: BeamOpt = None,
    threads: ThreadsOpt = None,
    summary_chars: SummaryCharsOpt = None,
    strict: StrictOpt = False,
    no_cache: NoCacheOpt = False,
    glossary: GlossaryOpt = None,
) -> None:
    """Batch: digest every page into DIR (a/b/page.txt -> DIR/a/b/page.md); resumable, skips up-to-date outputs."""
    from .export import export as export_tree
    from .progress import StageProgress

    options = run_options(
        full=full, summarizer=summarizer, translator=translator, beam=beam, threads=threads,
        summary_chars=summary_chars, strict=strict, no_cache=no_cache, glossary=glossary,
    )
    with _warnings_as_lines():
        engines = _engines_with_notice(options, explicit=bool(summarizer or translator))
        with StageProgress(progress) as bars:
            report = export_tree(inputs, out_dir, options, fmt=fmt.value, force=force, jobs=jobs, progress=bars.update, engines=engines)
    for _, message in report.failed:
        error_line(message)
    sys.stderr.write(
        f"summarize: exported {len(report.written)}, up to date {len(report.skipped)}, failed {len(report.failed)} -> {out_dir}\n"
    )
    if report.failed:
        raise typer.Exit(1)


def _engines_with_notice(options, *, explicit: bool):
    """The engines, and one line on stderr saying which run when the user did not choose them."""
    from .pipeline import Engines

    engines = Engines(options)
    if not explicit or engines.notices:
        line = f"engines: {engines.describe()}" + "".join(f"; {notice}" for notice in engines.notices)
        sys.stderr.write(f"summarize: {line}\n")
    return engines


@contextmanager
def _warnings_as_lines():
    """Library warnings (a cache set aside, bad bytes dropped) as one line each on stderr."""
    import warnings

    def show(message, category, filename, lineno, file=None, line=None):
        sys.stderr.write(f"summarize: warning: {message}\n")

    previous = warnings.showwarning
    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = previous


# --- models, translate (local seq2seq engines: summarize/engines) ---

models_app = typer.Typer(
    help="Local seq2seq models: list the known ones, download, convert to CTranslate2, inspect.",
    no_args_is_help=True,
)
app.add_typer(models_app, name="models")


class Quantization(str, Enum):
    int8 = "int8"
    float32 = "float32"


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


@app.command()
def backends(as_json: JsonOpt = False) -> None:
    """Registered translators and summarizers (built-in and plugins), with their own options."""
    from .registry import registry

    entries = [backend.to_dict() for backend in registry().backends()]
    if as_json:
        import json

        typer.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    for entry in entries:
        options = f"  (options: {', '.join(entry['options'])})" if entry["options"] else ""
        typer.echo(f"{entry['kind']:<10}  {entry['name']:<12}  {entry['description']}{options}")


@models_app.command("list")
def models_list(as_json: JsonOpt = False) -> None:
    """Known models (model cards): task, family, license, and whether and where they are downloaded."""
    from .engines.catalog import human_size, list_models

    entries = list_models()
    if as_json:
        import json

        typer.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    for entry in entries:
        default = " (default)" if entry["default"] else ""
        typer.echo(
            f"{entry['name']}  {entry['task']}{default}  {entry['family']} {entry['parameters']}  "
            f"{entry['license']}  {entry['hub_id']}@{entry['revision'][:10]}"
        )
        if not entry["local"]:
            typer.echo(f"    not downloaded: summarize models pull {entry['name']}")
        for backend, copy in entry["local"].items():
            typer.echo(f"    {backend:<12} {copy['path']} ({human_size(copy['size'])})")


@models_app.command("pull")
def models_pull(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A model name from `summarize models list`.")],
    offline: Annotated[bool, typer.Option("--offline", help="Never touch the network (as with HF_HUB_OFFLINE=1).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Download and convert again even if present.")] = False,
) -> None:
    """Download a model at its pinned revision into the user directory, then convert it to CTranslate2 int8."""
    from .engines.pull import pull

    for kind, path in pull(name, offline=offline, force=force).items():
        typer.echo(f"{name}: {'ctranslate2' if kind == 'ct2' else 'transformers'} copy at {path}")


@models_app.command("convert")
def models_convert(
    source: Annotated[Path, typer.Argument(metavar="PATH", help="A local Hugging Face seq2seq checkpoint directory.")],
    out: Annotated[Path, typer.Option("--output", "-o", metavar="OUT", help="Directory to create.")],
    quantization: Annotated[Quantization, typer.Option("--quantization", "-q", help="Weight type.")] = Quantization.int8,
    force: Annotated[bool, typer.Option("--force", help="Replace OUT if it exists.")] = False,
) -> None:
    """Convert a checkpoint to CTranslate2 (tokenizer included), for the fast path: --translator OUT."""
    from .engines.convert import convert
    from .engines.pull import require_converter

    require_converter("summarize models convert")
    convert(source, out, quantization=quantization.value, force=force)
    typer.echo(f"converted {source} -> {out} (CTranslate2 {quantization.value})")


@models_app.command("info")
def models_info(
    spec: Annotated[str, typer.Argument(metavar="NAME|PATH", help="A model name or a model directory.")],
    as_json: JsonOpt = False,
) -> None:
    """Family, vocabulary, dimensions, input limit, format, files and size of a model."""
    from .engines.catalog import human_size, model_info

    info = model_info(spec)
    if as_json:
        import json

        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    copies = info.pop("copies", None)
    for block in [info, *(copies or [])]:
        files = block.pop("files", {})
        for key, value in block.items():
            if key == "local":
                value = ", ".join(f"{k} {v['path']}" for k, v in value.items()) or "not downloaded"
            elif isinstance(value, dict):
                value = ", ".join(f"{k}={v}" for k, v in value.items()) or "-"
            elif isinstance(value, bool):
                value = "yes" if value else "no"
            elif key == "size":
                value = human_size(value)
            elif isinstance(value, str):
                value = " ".join(value.split())
            typer.echo(f"{key + ':':<18}{value}")
        for name, size in files.items():
            typer.echo(f"  {name:<32}{human_size(size):>10}")
        if copies is not None and block is info:
            typer.echo("copies:" if copies else f"copies:           none (summarize models pull {info['name']})")


@app.command()
def translate(
    text: Annotated[
        Optional[str], typer.Argument(metavar="[TEXT|FILE|-]", help="Chinese text, a text file, or - (or nothing) for stdin.")
    ] = None,
    translator: TranslatorOpt = None,
    beam: BeamOpt = None,
    threads: ThreadsOpt = None,
    strict: StrictOpt = False,
) -> None:
    """Translate Chinese text to English: one line out per line in, sentence by sentence."""
    from .decoding import NotTextError, decode_bytes
    from .engines.choose import choose_translator
    from .engines.translating import translate_lines
    from .errors import InputError, UsageError
    from .script import has_han

    options = run_options(translator=translator, beam=beam, threads=threads, strict=strict)
    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            raise UsageError("no text to translate", hint="Pass TEXT, or pipe text in: echo 你好 | summarize translate -")
        try:
            text = decode_bytes(sys.stdin.buffer.read()).text
        except NotTextError as exc:
            raise InputError(f"not text: {exc}", path="<stdin>", hint="Pipe plain Chinese text in") from exc
    elif not has_han(text) and Path(text).is_file():
        # `summarize translate page.txt`: the file's text, not its name; text with Chinese is always text.
        from .reading import InputRef, read_source

        text = read_source(InputRef(text, Path(text), Path(text))).text
    engine, notice = choose_translator(options.translator, options.engine, strict=options.strict)
    if notice:
        sys.stderr.write(f"summarize: {notice}\n")
    for line in translate_lines(text.splitlines(), engine):
        typer.echo(line)


@app.command()
def check(
    pairs: Annotated[str, typer.Argument(metavar="PAIRS.jsonl|-", help='JSON lines of {"zh": ..., "en": ...} (optional "id"); - reads stdin.')],
    glossary: GlossaryOpt = None,
    default_glossary: Annotated[
        bool, typer.Option("--default-glossary", help="Also verify the terms of the glossary shipped with summarize.")
    ] = False,
    fail_on_findings: Annotated[
        bool, typer.Option("--fail-on-findings", help="Exit 1 when any pair has findings (default: exit 0).")
    ] = False,
) -> None:
    """Check translations: numbers, Chinese left in, echoes, loops, length, glossary terms.
    Prints one JSON line per pair: {"id", "ok", "findings": [{check, unit_id, message, zh, en}]}."""
    import json

    from .audit import audit, read_pairs
    from .errors import UsageError
    from .glossary import Glossary
    from .glossary import default_glossary as packaged_glossary
    from .glossary import load_glossary

    if pairs == "-" and sys.stdin.isatty():
        raise UsageError("no pairs on stdin", hint="Pipe JSON lines in, or pass a file: summarize check pairs.jsonl")
    terms = load_glossary(glossary) if glossary else None
    if default_glossary:
        terms = packaged_glossary().merged(terms or Glossary())
    any_findings = False
    for report in audit(read_pairs(pairs), terms):
        any_findings = any_findings or not report["ok"]
        typer.echo(json.dumps(report, ensure_ascii=False))
    if fail_on_findings and any_findings:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point: one-line errors with meaningful exit codes, never a traceback
    unless `--verbose` (0 ok, 1 partial failure or internal error, 2 bad input or usage)."""
    args = _verbose_first(sys.argv[1:])
    verbose = args[:1] == ["--verbose"]
    _stop_on_sigterm()
    try:
        rc = app(args=args, standalone_mode=False)
        if rc == 130:  # typer turns Ctrl-C into exit code 130 without a word
            raise KeyboardInterrupt
    except Terminated:
        sys.stderr.write("summarize: terminated\n")
        rc = 143
    except SummarizeError as exc:
        if verbose:
            traceback.print_exc()
        error_line(str(exc))
        rc = exc.exit_code
    except _EXITS as exc:
        rc = exc.exit_code
    except _USAGE_ERRORS as exc:  # bad option, missing argument
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare command: its help
            exc.show()
        else:
            error_line(_usage_message(exc))
        rc = exc.exit_code
    except _ABORTS:
        sys.stderr.write("summarize: interrupted\n")
        rc = 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a message.
        _silence_stdout()
        rc = 0
    except UnicodeEncodeError as exc:  # stdout (ascii, latin-1...) cannot show Chinese
        if verbose:
            traceback.print_exc()
        error_line(_unprintable_message(exc))
        rc = 2
    except OSError as exc:  # the system said no (disk full, device gone) somewhere unexpected
        if verbose:
            traceback.print_exc()
        error_line(_system_error_message(exc))
        rc = 1
    except Exception as exc:  # noqa: BLE001 - last resort: one line, not a traceback
        if verbose:
            traceback.print_exc()
        error_line(f"internal error: {type(exc).__name__}: {exc} (run with --verbose and report it)")
        rc = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(rc if isinstance(rc, int) else 0)


# Typer >= 0.2x carries its own copy of click (typer.TyperException); older ones use click's.
_EXITS = (click.exceptions.Exit, typer.Exit)
_ABORTS = (click.exceptions.Abort, typer.Abort, KeyboardInterrupt)
_USAGE_ERRORS = (click.exceptions.ClickException, getattr(typer, "TyperException", click.exceptions.ClickException))


def _verbose_first(args: list[str]) -> list[str]:
    """`--verbose` / `-v` is an option of `summarize` itself; users add it anywhere (`summarize run
    page.txt --verbose`), so it is moved in front of the command (not past a `--`)."""
    end = args.index("--") if "--" in args else len(args)
    flags = [a for a in args[:end] if a in ("--verbose", "-v")]
    if not flags:
        return args
    return ["--verbose"] + [a for a in args[:end] if a not in ("--verbose", "-v")] + args[end:]


class Terminated(BaseException):
    """SIGTERM (kill, timeout, a service manager stopping the job). A BaseException like Ctrl-C,
    so that it unwinds through every `with` block: outputs being written are discarded, finished
    ones kept, workers stopped."""


def _stop_on_sigterm() -> None:
    import signal

    def stop(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends at once
        raise Terminated

    try:
        signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding program): its signals are not ours
        pass


def _system_error_message(exc: OSError) -> str:
    """`FILE: what happened; what to do`. Files are written through summarize.atomic, which names
    them, so a write error without a file name is stdout's (`> /dev/full`, a disk that filled up
    under a redirect)."""
    import errno

    where = exc.filename
    if where is None:
        where = "stdout" if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO) else "output"
        try:
            sys.stdout.flush()
        except OSError:
            where = "stdout"
            _silence_stdout()
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{where}: disk full; free some space and run again"
    return f"{where}: {exc.strerror or exc}; check the disk, the permissions and the paths, then run again"


def _usage_message(exc: Exception) -> str:
    command = getattr(getattr(exc, "ctx", None), "command_path", None) or "summarize"
    return f"{exc.format_message().rstrip('.')}. See: {command} --help"


def _unprintable_message(exc: UnicodeEncodeError) -> str:
    text = exc.object[exc.start : exc.end][:8] if isinstance(exc.object, str) else ""
    if exc.encoding.replace("_", "-").lower().startswith("utf"):  # only lone surrogates fail in UTF-8
        return f"internal error: cannot encode {text!r} (run with --verbose and report it)"
    return (
        f"cannot write {text!r}: the output uses the {exc.encoding} encoding, which has no Chinese; "
        "set PYTHONIOENCODING=utf-8 or a UTF-8 locale (e.g. LANG=C.UTF-8), or write to a file with -o"
    )


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
