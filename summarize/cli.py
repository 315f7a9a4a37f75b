"""Command-line interface: a thin Typer layer over the library API.

Keep imports at module level light (no torch, transformers, ctranslate2, jieba): `summarize
--help` and `summarize segment` must start fast. Commands import what they need inside.
"""

from __future__ import annotations

import sys
import traceback
from typing import Optional

import click
import typer

from . import __version__
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
    """One line on stderr, the same shape for every error the tool reports."""
    sys.stderr.write(f"summarize: error: {message}\n")
    sys.stderr.flush()


# --- commands -----------------------------------------------------------------------------------
# Each command parses options, calls the library, prints. Add new commands below.


def main() -> None:
    """Console-script entry point: one-line errors with meaningful exit codes, never a traceback
    unless `--verbose` (0 ok, 1 partial failure or internal error, 2 bad input or usage)."""
    verbose = "--verbose" in sys.argv[1:] or "-v" in sys.argv[1:]
    try:
        rc = app(standalone_mode=False)
    except SummarizeError as exc:
        if verbose:
            traceback.print_exc()
        error_line(str(exc))
        rc = exc.exit_code
    except click.exceptions.Exit as exc:
        rc = exc.exit_code
    except click.exceptions.ClickException as exc:  # usage errors: bad option, missing argument
        exc.show()
        rc = exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        sys.stderr.write("summarize: interrupted\n")
        rc = 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a message.
        _silence_stdout()
        rc = 0
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


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
