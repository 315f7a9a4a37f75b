"""How a command ends: every exception that can end it, mapped to one line on stderr (or none) and
an exit status (errors.ExitStatus), in one table. Never a traceback unless --verbose asks for one."""

from __future__ import annotations

import errno
import os
import signal
import traceback
from collections.abc import Callable

import click
import typer

from ..errors import ExitStatus, SummarizeError
from .context import Context


class Terminated(BaseException):
    """SIGTERM (kill, timeout, a service manager stopping the job). A BaseException like Ctrl-C,
    so that it unwinds through every `with` block: outputs being written are discarded, finished
    ones kept, workers stopped. `detail`: how far the command got."""

    def __init__(self, detail: str | None = None):
        super().__init__(detail)
        self.detail = detail


class Interrupted(BaseException):
    """Ctrl-C, with how far the command got (`detail`). Typer turns a plain KeyboardInterrupt
    into exit status 130 and drops it; this one reaches the outcome table."""

    def __init__(self, detail: str | None = None):
        super().__init__(detail)
        self.detail = detail


def stop_on_sigterm() -> None:
    def stop(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends at once
        raise Terminated

    try:
        signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding program): its signals are not ours
        pass


def exit_status(exc: BaseException, ctx: Context, *, verbose: bool) -> ExitStatus:
    """Report how `exc` ended the command and return the exit status."""
    for kinds, outcome in _OUTCOMES:
        if isinstance(exc, kinds):
            status, line, show_traceback = outcome(exc, ctx)
            if verbose and show_traceback:
                traceback.print_exception(exc, file=ctx.stderr)
            if line:
                ctx.stderr.write(f"summarize: {' '.join(line.split())}\n")
            _flush_or_silence(ctx)
            return status
    raise exc  # not reached: the table ends with BaseException


Outcome = tuple[ExitStatus, "str | None", bool]  # status, the line (None: say nothing), traceback with --verbose


def _interrupted(word: str, status: ExitStatus) -> Callable[[BaseException, Context], Outcome]:
    def outcome(exc: BaseException, ctx: Context) -> Outcome:
        detail = getattr(exc, "detail", None)  # how far the command got (export sets it)
        return status, f"{word}: {detail}" if detail else word, False

    return outcome


def _usage(exc, ctx: Context) -> Outcome:
    if type(exc).__name__ == "NoArgsIsHelpError":  # a bare command: its help
        exc.show()
        return ExitStatus(exc.exit_code), None, False
    return ExitStatus(exc.exit_code), f"error: {usage_message(exc)}", False


def _system(exc: OSError, ctx: Context) -> Outcome:
    return ExitStatus.ERROR, f"error: {_system_error_message(exc, ctx)}", True


def _unprintable(exc: UnicodeEncodeError, ctx: Context) -> Outcome:
    text = exc.object[exc.start : exc.end][:8] if isinstance(exc.object, str) else ""
    if exc.encoding.replace("_", "-").lower().startswith("utf"):  # only lone surrogates fail in UTF-8
        return ExitStatus.ERROR, f"error: internal error: cannot encode {text!r} (run with --verbose and report it)", True
    return ExitStatus.BAD_INPUT, (
        f"error: cannot write {text!r}: the output uses the {exc.encoding} encoding, which has no Chinese; "
        "set PYTHONIOENCODING=utf-8 or a UTF-8 locale (e.g. LANG=C.UTF-8), or write to a file with -o"
    ), True


def _broken_pipe(exc: BaseException, ctx: Context) -> Outcome:
    # Output piped into `head` and closed early: not an error worth a message.
    _silence_stdout(ctx)
    return ExitStatus.SUCCESS, None, False


# Typer >= 0.2x carries its own copy of click (typer.TyperException); older ones use click's.
_EXITS = (click.exceptions.Exit, typer.Exit)
_ABORTS = (click.exceptions.Abort, typer.Abort, KeyboardInterrupt)
_USAGE_ERRORS = (click.exceptions.ClickException, getattr(typer, "TyperException", click.exceptions.ClickException))

_OUTCOMES: list[tuple[type | tuple[type, ...], Callable[[BaseException, Context], Outcome]]] = [
    (Terminated, _interrupted("terminated", ExitStatus.TERMINATED)),
    (SummarizeError, lambda exc, ctx: (ExitStatus(exc.exit_code), f"error: {exc}", True)),
    (_EXITS, lambda exc, ctx: (ExitStatus(exc.exit_code), None, False)),
    (_USAGE_ERRORS, _usage),  # bad option, missing argument
    ((Interrupted, *_ABORTS), _interrupted("interrupted", ExitStatus.INTERRUPTED)),
    (BrokenPipeError, _broken_pipe),
    (UnicodeEncodeError, _unprintable),  # stdout (ascii, latin-1...) cannot show Chinese
    (OSError, _system),  # the system said no (disk full, device gone) somewhere unexpected
    (SystemExit, lambda exc, ctx: (ExitStatus(exc.code or 0), None, False)),
    (BaseException, lambda exc, ctx: (  # last resort: one line, not a traceback
        ExitStatus.ERROR, f"error: internal error: {type(exc).__name__}: {exc} (run with --verbose and report it)", True)),
]  # fmt: skip


def usage_message(exc) -> str:
    """Click's message for a bad option or argument, in plain words, pointing at the help."""
    command = getattr(getattr(exc, "ctx", None), "command_path", None) or "summarize"
    message = exc.format_message().rstrip(".")
    message = message.replace("Value error, ", "")  # typer's wording for a value not among the choices
    return f"{message}. See: {command} --help"


def _system_error_message(exc: OSError, ctx: Context) -> str:
    """`FILE: what happened; what to do`. Files are written through summarize.atomic, which names
    them, so a write error without a file name is stdout's (`> /dev/full`, a disk that filled up
    under a redirect)."""
    where = exc.filename
    if where is None:
        where = "stdout" if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO) else "output"
        try:
            ctx.stdout.flush()
        except OSError:
            where = "stdout"
            _silence_stdout(ctx)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{where}: disk full; free some space and run again"
    return f"{where}: {exc.strerror or exc}; check the disk, the permissions and the paths, then run again"


def _flush_or_silence(ctx: Context) -> None:
    """What stdout still holds is written now; if it cannot be (a closed pipe, a full disk, already
    reported), it is dropped, so that Python's own flush at exit has nothing to fail on."""
    try:
        ctx.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout(ctx)


def _silence_stdout(ctx: Context) -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, ctx.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (tests capture it): nothing to silence
        pass

