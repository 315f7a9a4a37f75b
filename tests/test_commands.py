"""The command drivers (summarize.commands) called directly with a Context of in-memory streams:
what they write where, the exit status each returns, and the one exception -> status table."""

from __future__ import annotations

import errno
import io
import json
import warnings
from pathlib import Path

import pytest

from summarize.commands.context import Context
from summarize.commands.outcomes import Interrupted, Terminated, exit_status
from summarize.errors import ExitStatus, InputError, UsageError

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "yiwu-front-page.txt"


def context(stdin: bytes = b"", **settings) -> Context:
    streams = {"stdin": io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"), "stdout": io.StringIO(), "stderr": io.StringIO()}
    return Context(streams=streams, **settings)


def err_lines(ctx: Context) -> list[str]:
    return ctx.stderr.getvalue().splitlines()


# --- Context --------------------------------------------------------------------------------------


def test_report_writes_one_line_per_message_and_quiet_drops_notices():
    ctx = context()
    ctx.report("error", "page.txt: not text\n(binary)")
    ctx.report("warning", "page.txt: 3 bad bytes dropped")
    ctx.report("notice", "built-in engines")
    assert err_lines(ctx) == [
        "summarize: error: page.txt: not text (binary)",
        "summarize: warning: page.txt: 3 bad bytes dropped",
        "summarize: notice: built-in engines",
    ]
    quiet = context(quiet=True)
    quiet.report("notice", "built-in engines")
    quiet.report("warning", "kept")
    assert err_lines(quiet) == ["summarize: warning: kept"]


def test_library_warnings_become_warning_lines():
    ctx = context()
    with ctx.library_warnings(), warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("cache set aside: corrupt", stacklevel=1)
    assert err_lines(ctx) == ["summarize: warning: cache set aside: corrupt"]


# --- the exit-status table ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "status", "line"),
    [
        (InputError("not text", path="a.txt", hint="Give a text file"), ExitStatus.BAD_INPUT, "summarize: error: a.txt: not text. Give a text file"),
        (UsageError("bad glossary line 3"), ExitStatus.BAD_INPUT, "summarize: error: bad glossary line 3"),
        (KeyboardInterrupt(), ExitStatus.INTERRUPTED, "summarize: interrupted"),
        (Terminated(), ExitStatus.TERMINATED, "summarize: terminated"),
        (OSError(errno.ENOSPC, "No space left on device", "out/a.md"), ExitStatus.ERROR, "summarize: error: out/a.md: disk full; free some space and run again"),
        (RuntimeError("boom\nthere"), ExitStatus.ERROR, "summarize: error: internal error: RuntimeError: boom there (run with --verbose and report it)"),
        (BrokenPipeError(), ExitStatus.SUCCESS, None),
    ],
)
def test_each_ending_has_its_status_and_one_line(exc, status, line):
    ctx = context()
    assert exit_status(exc, ctx, verbose=False) == status
    assert err_lines(ctx) == ([line] if line else [])


def test_an_interruption_says_how_far_the_command_got():
    ctx = context()
    exc = Interrupted("3 of 10 outputs finished; run the same command again to finish the rest")
    assert exit_status(exc, ctx, verbose=False) == ExitStatus.INTERRUPTED
    assert err_lines(ctx) == ["summarize: interrupted: 3 of 10 outputs finished; run the same command again to finish the rest"]


# --- formats --------------------------------------------------------------------------------------


def test_output_format_from_the_name_or_the_file_extension():
    from summarize.cli_options import output_format

    assert output_format(None, None) == "terminal"
    assert output_format("md", None) == "markdown"
    assert output_format("json", Path("x.md")) == "json"  # --format wins
    assert [output_format(None, Path(name)) for name in ("a.md", "a.MARKDOWN", "a.json", "a.txt")] == ["markdown", "markdown", "json", "terminal"]
    with pytest.raises(UsageError, match="cannot tell the format from the extension of a.html"):
        output_format(None, Path("a.html"))


def test_document_formats_join_several_pages_as_the_format_allows():
    from summarize.render.formats import DOCUMENT_FORMATS

    json_format, markdown = DOCUMENT_FORMATS["json"], DOCUMENT_FORMATS["markdown"]
    assert (json_format.suffix, markdown.suffix) == (".json", ".md")
    several = json_format.opening(True) + json_format.before(1, True) + "{}" + json_format.before(2, True) + "{}" + json_format.closing(True)
    assert json.loads(several) == [{}, {}]
    assert json.loads(json_format.opening(False) + "{}" + json_format.closing(False)) == {}
    assert markdown.before(1, True) == "" and markdown.before(2, True) == "\n---\n\n"


# --- the drivers ----------------------------------------------------------------------------------


def test_segment_prints_the_good_inputs_and_reports_the_bad(tmp_path):
    from summarize.commands.segment import segment

    ctx = context()
    status = segment(ctx, [str(SAMPLE), str(tmp_path / "missing.txt")], as_json=True)
    assert status == ExitStatus.BAD_INPUT
    [page] = json.loads(ctx.stdout.getvalue())
    assert len(page["articles"]) == 5
    assert err_lines(ctx) == [f"summarize: error: {tmp_path / 'missing.txt'}: no such file or directory. Check the path"]


def test_check_reads_pairs_from_the_context_stdin():
    from summarize.commands.check import check

    pairs = '{"id": 7, "zh": "增长10.5%", "en": "up 15%"}\n{"zh": "你好", "en": "Hello"}\n'
    ctx = context(pairs.encode())
    assert check(ctx, "-", glossary=None, default_glossary=False, fail_on_findings=True) == ExitStatus.ERROR
    first, second = map(json.loads, ctx.stdout.getvalue().splitlines())
    assert first["id"] == 7 and first["findings"][0]["unit_id"] == 7 and second == {"id": 2, "ok": True, "findings": []}


def test_run_writes_the_digest_to_the_context_stdout(tmp_path):
    from summarize.cli_options import run_options
    from summarize.commands.engines import EngineChoice
    from summarize.commands.run import run

    ctx = context()
    options = run_options(format="markdown", summarizer="extractive", translator="gloss")
    assert run(ctx, [str(SAMPLE)], options, EngineChoice(explicit=True)) == ExitStatus.SUCCESS
    assert ctx.stdout.getvalue().count("\n## ") == 5 and err_lines(ctx) == []
    options = run_options(summarizer="extractive", translator="gloss")
    ctx = context()
    assert run(ctx, [str(SAMPLE)], options, EngineChoice(), tmp_path / "view.txt") == ExitStatus.SUCCESS
    assert "浙江日报评论员" in (tmp_path / "view.txt").read_text(encoding="utf-8") and ctx.stdout.getvalue() == ""
