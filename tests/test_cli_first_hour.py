"""A new user's first hour (issue 15): output formats from file names, stdin at a terminal, the
engines notice, untitled articles, English-only pages, help text, `segment` at a terminal."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys

from reliability_helpers import SAMPLE, assert_clean, env, invoke
from rich.cells import cell_len
from rich.console import Console

BUILTIN = ("--summarizer", "extractive", "--translator", "gloss")
ENGLISH_PAGE = (
    "Markets rally\n\nMarkets rallied on Monday as investors weighed new data.\n\n"
    "The central bank said it would keep rates unchanged for now, citing steady growth and low inflation.\n"
)


# --- -o FILE and --format ------------------------------------------------------------------------


def test_the_output_file_extension_picks_the_format(tmp_path, capsys, monkeypatch):
    for name, starts in (("page.md", "# "), ("page.json", "{"), ("page.txt", "")):
        out = tmp_path / name
        assert_clean(invoke("run", SAMPLE, "-o", out, *BUILTIN, capsys=capsys, monkeypatch=monkeypatch), codes=(0,))
        text = out.read_text(encoding="utf-8")
        assert text.startswith(starts) and "浙江日报评论员" in text
    assert len(json.loads((tmp_path / "page.json").read_text(encoding="utf-8"))["articles"]) == 5
    assert "## 1. " in (tmp_path / "page.md").read_text(encoding="utf-8")
    assert "摘要" in (tmp_path / "page.txt").read_text(encoding="utf-8")  # the terminal view, as text
    assert "| 摘要 |" not in (tmp_path / "page.txt").read_text(encoding="utf-8")


def test_md_is_a_format_name_and_an_unknown_extension_needs_format(tmp_path, capsys, monkeypatch):
    md = invoke("run", SAMPLE, "-f", "md", *BUILTIN, capsys=capsys, monkeypatch=monkeypatch)
    assert md.returncode == 0 and md.stdout.startswith("# ") and "| 摘要 |" in md.stdout
    unknown = invoke("run", SAMPLE, "-o", tmp_path / "page.html", *BUILTIN, capsys=capsys, monkeypatch=monkeypatch)
    assert unknown.returncode == 2 and not (tmp_path / "page.html").exists()
    assert unknown.stderr.splitlines() == [
        f"summarize: error: cannot tell the format from the extension of {tmp_path / 'page.html'}. "
        "Use one of .md, .markdown, .json, .txt, or give --format (terminal, markdown, json)"
    ]
    forced = invoke("run", SAMPLE, "-o", tmp_path / "page.html", "-f", "markdown", *BUILTIN, capsys=capsys, monkeypatch=monkeypatch)
    assert forced.returncode == 0 and (tmp_path / "page.html").read_text(encoding="utf-8").startswith("# ")
    exported = invoke("export", SAMPLE, "-o", tmp_path / "out", "-f", "md", *BUILTIN, capsys=capsys, monkeypatch=monkeypatch)
    assert exported.returncode == 0 and (tmp_path / "out" / "yiwu-front-page.md").is_file()


def test_a_bad_format_name_is_one_plain_line(capsys, monkeypatch):
    result = invoke("run", SAMPLE, "-f", "html", capsys=capsys, monkeypatch=monkeypatch)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "'html' is not one of 'terminal', 'markdown', 'md', 'json'" in line and "Value error" not in line


# --- stdin at a terminal ------------------------------------------------------------------------


def test_run_dash_at_a_terminal_says_how_to_end_the_input():
    main, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "segment", "-"], stdin=terminal, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env=env(),
    )  # fmt: skip
    os.close(terminal)
    notice = proc.stderr.readline()  # said before the input is read
    os.write(main, "第一段文字。\n".encode())
    os.write(main, b"\x04")  # Ctrl-D on a line of its own ends the input
    out, err = proc.communicate(timeout=60)
    os.close(main)
    assert proc.returncode == 0, err
    assert (notice + err).decode().splitlines() == [
        "summarize: notice: reading the page from the terminal; end it with Ctrl-D on a line of its own "
        "(Ctrl-Z then Enter on Windows)"
    ]
    assert "第一段文字。" in out.decode()


# --- the engines notice ---------------------------------------------------------------------------


def test_the_engines_notice_only_when_it_matters(tmp_path, capsys, monkeypatch):
    english = tmp_path / "english.txt"
    english.write_text(ENGLISH_PAGE, encoding="utf-8")
    chinese = invoke("run", SAMPLE, capsys=capsys, monkeypatch=monkeypatch)
    [notice] = chinese.stderr.splitlines()
    assert notice == "summarize: notice: built-in engines (no models installed): summarize models list"
    assert len(notice) <= 80
    cached = invoke("run", SAMPLE, capsys=capsys, monkeypatch=monkeypatch)
    assert cached.stderr == "" and cached.stdout == chinese.stdout  # from the cache: no engine ran
    assert invoke("run", SAMPLE, "--no-cache", capsys=capsys, monkeypatch=monkeypatch).stderr.splitlines() == [notice]
    quiet = invoke("run", SAMPLE, "--quiet", "--no-cache", capsys=capsys, monkeypatch=monkeypatch)
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == chinese.stdout
    explicit = invoke("run", SAMPLE, *BUILTIN, capsys=capsys, monkeypatch=monkeypatch)
    assert explicit.stderr == ""
    only_english = invoke("run", english, capsys=capsys, monkeypatch=monkeypatch)
    assert "built-in" not in only_english.stderr and len(only_english.stderr.splitlines()) == 1
    exported = invoke("export", SAMPLE, "-o", tmp_path / "out", capsys=capsys, monkeypatch=monkeypatch)
    assert notice in exported.stderr.splitlines()
    again = invoke("export", SAMPLE, "-o", tmp_path / "out", capsys=capsys, monkeypatch=monkeypatch)
    assert again.stderr.splitlines() == [f"summarize: exported 0, up to date 1, failed 0 -> {tmp_path / 'out'}"]


# --- untitled articles, English-only pages --------------------------------------------------------


def test_an_untitled_article_is_named_by_its_byline_everywhere_with_its_english(capsys, monkeypatch):
    name = "(no title) · 浙江日报评论员"
    terminal = invoke("run", SAMPLE, *BUILTIN, capsys=capsys, monkeypatch=monkeypatch).stdout.splitlines()
    at = terminal.index(f"a4 {name}")
    assert "Zhejiang Daily" in terminal[at + 1]
    markdown = invoke("run", SAMPLE, "-f", "md", *BUILTIN, capsys=capsys, monkeypatch=monkeypatch).stdout
    article = markdown.split(f"## 4. {name}\n", 1)[1].split("\n## ", 1)[0]
    assert "Zhejiang Daily" in article.split("|", 1)[0] and "Byline" not in article
    segmented = invoke("segment", SAMPLE, capsys=capsys, monkeypatch=monkeypatch).stdout.splitlines()
    assert f"a4  {name}" in segmented


def test_an_english_only_page_is_shown_once_as_it_is(tmp_path, capsys, monkeypatch):
    page = tmp_path / "english.txt"
    page.write_text(ENGLISH_PAGE, encoding="utf-8")
    for full in ((), ("--full",)):
        lines = invoke("run", page, *full, *BUILTIN, capsys=capsys, monkeypatch=monkeypatch).stdout.splitlines()
        assert sum("Markets rally" == line.split(" ", 1)[-1] for line in lines) == 1  # the title, once
        assert sum("Markets rallied on Monday" in line for line in lines) == 1  # the body, once
        assert any("not summarized or translated" in line for line in lines)
    markdown = invoke("run", page, "-f", "md", *BUILTIN, capsys=capsys, monkeypatch=monkeypatch).stdout
    assert markdown.count("Markets rallied on Monday") == 1 and markdown.count("Markets rally") == 1  # the title, once
    result = invoke("run", page, "-f", "json", *BUILTIN, capsys=capsys, monkeypatch=monkeypatch)
    data = json.loads(result.stdout)
    [notice] = [line.split(": ", 3)[-1] for line in result.stderr.splitlines()]
    assert data["warnings"] == [notice]
    assert data["articles"][0]["summary_en"] is None and data["articles"][0]["summary_en_kind"] is None


# --- help -----------------------------------------------------------------------------------------


def test_help_reads_plainly(capsys, monkeypatch):
    for command in (["run"], ["export"], ["segment"], ["translate"], ["check"], ["models", "pull"]):
        text = invoke(*command, "--help", capsys=capsys, monkeypatch=monkeypatch).stdout
        assert "<bool>" not in text and "<str>" not in text and "list[str]" not in text and "{" not in text.split("\n")[0]
    usage = invoke("run", "--help", capsys=capsys, monkeypatch=monkeypatch).stdout
    assert usage.splitlines()[0].endswith(" run [OPTIONS] INPUT...")
    assert "Glossary file: one term per line, Chinese, a tab, English; # comments." in " ".join(usage.split())
    assert "…" not in usage
    translate = invoke("translate", "--help", capsys=capsys, monkeypatch=monkeypatch).stdout
    assert translate.splitlines()[0].endswith(" translate [OPTIONS] [TEXT|FILE|-]")
    top = invoke("--help", capsys=capsys, monkeypatch=monkeypatch).stdout
    assert "..." not in top.split("Commands:")[1]  # each command's line is whole


# --- segment at a terminal ------------------------------------------------------------------------


def test_segment_wraps_on_a_terminal_under_its_text(capsys, monkeypatch):
    from summarize.reading import discover, read_source
    from summarize.render.segmented import render_page
    from summarize.segmentation import segment_source

    page = segment_source(read_source(discover([str(SAMPLE)])[0]))
    for width in (40, 80):
        out = io.StringIO()
        render_page(page, Console(file=out, width=width, force_terminal=True, color_system=None))
        lines = out.getvalue().splitlines()
        assert all(cell_len(line.rstrip()) <= width for line in lines)
        assert not [line for line in lines if line.strip() in ("。", "，", "”")]  # no lone punctuation
        continued = [line for line in lines[1:] if line and not line.startswith(("a", " "))]
        assert not continued, continued[:3]  # continuation lines start under the text, not at column 0
        assert "".join("".join(lines).split()).count("何为经验？") == 1
