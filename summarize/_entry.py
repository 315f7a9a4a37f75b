"""Console-script entry point. Kept apart from cli.py so that a Ctrl-C while the CLI's
modules are still importing ends quietly (exit 130) instead of with a traceback."""

import sys


def main() -> None:
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("summarize: interrupted\n")
        sys.exit(130)
    cli_main()
