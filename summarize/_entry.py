"""Console-script entry point. Kept apart from cli.py so that a Ctrl-C or SIGTERM while the
CLI's modules are still importing ends quietly (exit 130 or 143) instead of with a traceback,
and so that the signal watchdog (interrupts.py) runs from the very start."""

import os
import signal


def main() -> None:
    from .interrupts import watch_signals

    watch_signals()
    # Nothing is written while importing: a signal then ends the process at once (an exception
    # raised inside the import machinery would print a traceback, or be lost).
    signal.signal(signal.SIGINT, _stop_while_starting)
    signal.signal(signal.SIGTERM, _stop_while_starting)
    from .cli import main as cli_main

    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C: KeyboardInterrupt; cli.main handles SIGTERM
    cli_main()


def _stop_while_starting(signum, frame) -> None:
    os.write(2, b"summarize: interrupted\n" if signum == signal.SIGINT else b"summarize: terminated\n")
    os._exit(128 + signum)
