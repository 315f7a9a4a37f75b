"""Console-script entry point. Kept apart from cli.py so that a Ctrl-C or SIGTERM while the
CLI's modules are still importing ends quietly (exit 130 or 143) instead of with a traceback,
and so that the signal watchdog (interrupts.py) runs from the very start."""

import signal
import sys


def main() -> None:
    from .interrupts import watch_signals

    watch_signals()
    signal.signal(signal.SIGTERM, _terminated_while_starting)  # cli.main installs its own
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("summarize: interrupted\n")
        sys.exit(130)
    cli_main()


def _terminated_while_starting(signum, frame) -> None:
    sys.stderr.write("summarize: terminated\n")
    raise SystemExit(143)  # nothing is written yet: nothing to clean up
