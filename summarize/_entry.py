"""Console-script entry point. Kept apart from cli.py so that a Ctrl-C while the CLI's
modules are still importing ends quietly (exit 130) instead of with a traceback, and so that
the signal watchdog (interrupts.py) runs from the very start."""

import sys


def main() -> None:
    from .interrupts import watch_signals

    watch_signals()
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("summarize: interrupted\n")
        sys.exit(130)
    cli_main()
