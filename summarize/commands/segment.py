"""`summarize segment`: what the tool reads, without models: each page's articles, paragraphs and
sentences, as a readable view (render.segmented) or JSON (render.pagejson), written page by page."""

from __future__ import annotations

from pathlib import Path

from ..errors import ExitStatus
from .context import Context


def segment(ctx: Context, inputs: list[str], *, as_json: bool) -> ExitStatus:
    """Read, segment and print every input. Bad inputs are reported, the others still printed.
    With `as_json`: one object for a single file or stdin, else a JSON array, written as it goes.
    BAD_INPUT when an input could not be read."""
    from ..reading import iter_sources
    from ..render.pagejson import iter_page_json
    from ..render.segmented import render_page
    from ..segmentation import iter_source_parts

    ctx.reading_stdin(inputs)
    stdout = ctx.stdout
    single = len(inputs) == 1 and (inputs[0] == "-" or not Path(inputs[0]).is_dir())
    console = None if as_json else ctx.stdout_console()
    failed = printed = 0
    if as_json and not single:
        stdout.write("[")
    for item in iter_sources(inputs):
        if isinstance(item, Exception):
            ctx.report("error", str(item))
            failed += 1
            continue
        for warning in item.warnings:
            ctx.report("warning", f"{item.label}: {warning}")
        if item.rest is not None:  # the offsets shown are into the whole text: a long stream is read whole
            item.text, item.rest = "".join(item.texts()), None
        page = iter_source_parts(item)
        if as_json:
            if not single:
                stdout.write(("," if printed else "") + "\n")
            for chunk in iter_page_json(page, level=0 if single else 1):
                stdout.write(chunk)
            if single:
                stdout.write("\n")
        else:
            if printed:
                console.print()
            render_page(page, console)
        del item, page
        printed += 1
        stdout.flush()
    if as_json and not single:
        stdout.write("\n]\n" if printed else "]\n")
    return ExitStatus.BAD_INPUT if failed else ExitStatus.SUCCESS
