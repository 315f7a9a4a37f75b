"""`summarize translate`: Chinese text to English, one line out per line in. The text is the
argument, the file it names, or stdin."""

from __future__ import annotations

from pathlib import Path

from ..errors import ExitStatus, InputError, UsageError
from .context import Context
from .engines import report_fallbacks


def translate(ctx: Context, text: str | None, options) -> ExitStatus:
    from ..engines.choose import choose_translator
    from ..engines.translating import translate_lines

    text = _text_to_translate(ctx, text)
    engine, notice = choose_translator(options.translator, options.engine, strict=options.strict, offered=options.offered_options())
    if notice:
        report_fallbacks(ctx, summarizer=False, translator=True)
    for line in translate_lines(text.splitlines(), engine):
        ctx.stdout.write(line + "\n")
    return ExitStatus.SUCCESS


def _text_to_translate(ctx: Context, text: str | None) -> str:
    """TEXT itself; the file TEXT names (`summarize translate page.txt`: text with Chinese is
    always text, never a file name); or stdin for `-` or nothing."""
    from ..decoding import NotTextError, decode_bytes
    from ..script import has_han

    if text is None or text == "-":
        if text is None and ctx.stdin_isatty:
            raise UsageError("no text to translate", hint="Pass TEXT, or pipe text in: echo 你好 | summarize translate -")
        ctx.reading_stdin(["-"])
        try:
            return decode_bytes(ctx.stdin.buffer.read()).text
        except NotTextError as exc:
            raise InputError(f"not text: {exc}", path="<stdin>", hint="Pipe plain Chinese text in") from exc
    if not has_han(text) and Path(text).is_file():
        from ..reading import InputRef, read_source

        return read_source(InputRef(text, Path(text), Path(text))).text
    return text
