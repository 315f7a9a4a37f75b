"""`summarize run` end to end, in a subprocess as a user runs it: the built-in engines and tiny
checkpoints, the three formats, stdin, terminal adaptation, findings, cache and progress."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time

import pytest
from rich.cells import cell_len
from run_helpers import (
    ANSI,
    SAMPLE_PAGE,
    SAMPLE_TITLES,
    build_latin_marian,
    check_page_json,
    cli_command,
    cli_env,
    markdown_footnotes,
    markdown_tables,
    parse_result,
    run_cli,
)

from summarize.home import cache_path


@pytest.fixture(scope="module")
def latin_marian_ct2(tmp_path_factory):
    from tiny_models import convert_ct2

    hf = build_latin_marian(tmp_path_factory.mktemp("tiny") / "latin-marian")
    return convert_ct2(hf, tmp_path_factory.mktemp("tiny") / "latin-marian-ct2")


def builtin_digest():
    """The digest `summarize run` shows with the built-in engines, made in this process."""
    from summarize.pipeline import Engines, RunOptions, read_pages, run_pages

    pages, _ = read_pages([str(SAMPLE_PAGE)])
    return run_pages(pages, Engines(RunOptions(summarizer="extractive", translator="gloss")))[0]


def tiny(translator, summarizer) -> list[str]:
    return ["--translator", str(translator), "--summarizer", str(summarizer), "--threads", "1"]


# --- the built-in engines (what a fresh install runs) ---------------------------------------------


def test_first_command_of_the_readme_shows_every_article():
    result = run_cli("run", SAMPLE_PAGE)
    assert result.returncode == 0, result.stderr
    assert not ANSI.search(result.stdout)  # stdout is a pipe: plain text
    for title in SAMPLE_TITLES:
        assert title in result.stdout
    assert result.stdout.count("摘要") == 5
    for ad in builtin_digest().articles:
        assert ad.summary[0].zh[:10] in result.stdout and ad.summary[0].en[:20] in result.stdout
    assert all(line == line.rstrip() for line in result.stdout.splitlines())
    # One short line says the built-in engines ran and where the real models are; nothing else.
    assert result.stderr == "summarize: notice: built-in engines (no models installed): summarize models list"
    assert len(result.stderr) <= 80
    assert result.loaded <= {"jieba"}


def test_color_is_forced_with_color_and_off_otherwise():
    colored = run_cli("run", SAMPLE_PAGE, "--color")
    assert colored.returncode == 0 and ANSI.search(colored.stdout)
    assert ANSI.sub("", colored.stdout).count("摘要") == 5
    plain = run_cli("run", SAMPLE_PAGE, "--no-color", FORCE_COLOR="1")
    assert not ANSI.search(plain.stdout)


def test_side_by_side_when_wide_stacked_when_narrow():
    wide = run_cli("run", SAMPLE_PAGE, COLUMNS="140").stdout.splitlines()
    narrow = run_cli("run", SAMPLE_PAGE, COLUMNS="80").stdout.splitlines()
    assert max(map(cell_len, wide)) > 100 and max(map(cell_len, narrow)) <= 80
    first = builtin_digest().articles[0].summary[0]
    [wide_row] = [line for line in wide if line.strip().startswith(first.zh[:8])]
    assert first.en[:12] in wide_row
    at = next(i for i, line in enumerate(narrow) if line.strip().startswith(first.zh[:8]))
    english = next(i for i, line in enumerate(narrow) if first.en[:12] in line)
    assert english > at and narrow[english].startswith("    ")
    assert "摘要 / English gloss" in "\n".join(narrow)


def test_markdown_and_json_formats_to_a_file(tmp_path):
    md_file = tmp_path / "out" / "page.md"
    result = run_cli("run", SAMPLE_PAGE, "--format", "markdown", "--full", "-o", md_file)
    assert result.returncode == 0 and result.stdout == ""
    markdown = md_file.read_text(encoding="utf-8")
    tables = markdown_tables(markdown)
    assert len(tables) == 10  # a summary table and a full-text table per article
    markdown_footnotes(markdown)

    json_result = run_cli("run", SAMPLE_PAGE, "--format", "json", "--full")
    data = json.loads(json_result.stdout)
    check_page_json(data, full=True)
    assert [a["title"] or a["byline"] for a in data["articles"]][3] == "浙江日报评论员"
    assert all(a["summary_zh"] and a["summary_en"] for a in data["articles"])
    assert data["models"]["translator"]["backend"] == "gloss"


def test_stdin():
    text = SAMPLE_PAGE.read_text(encoding="utf-8")
    result = run_cli("run", "-", "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["input"] == "-" and len(data["articles"]) == 5
    from_file = json.loads(run_cli("run", SAMPLE_PAGE, "--format", "json").stdout)
    assert [a["summary_en"] for a in data["articles"]] == [a["summary_en"] for a in from_file["articles"]]


def test_several_pages_and_a_bad_input(tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("\n".join(SAMPLE_PAGE.read_text(encoding="utf-8").splitlines()[:30]), encoding="utf-8")
    result = run_cli("run", SAMPLE_PAGE, second, tmp_path / "missing.txt", "--format", "markdown")
    assert result.returncode == 2
    assert "missing.txt: no such file or directory" in result.stderr
    assert result.stdout.count("\n---\n") == 1 and "second.txt\n\n_1 article" in result.stdout
    markdown_tables(result.stdout)
    markdown_footnotes(result.stdout)
    data = json.loads(run_cli("run", SAMPLE_PAGE, second, "--format", "json").stdout)
    assert isinstance(data, list) and len(data) == 2


# --- tiny checkpoints (the real loading path) -----------------------------------------------------


def test_tiny_models_full_json_aligns_every_paragraph(tiny_marian_ct2, tiny_t5_ct2):
    result = run_cli("run", SAMPLE_PAGE, "--full", "--format", "json", *tiny(tiny_marian_ct2, tiny_t5_ct2))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    check_page_json(data, full=True)
    segmentation = json.loads(run_cli("segment", "--json", SAMPLE_PAGE).stdout)
    for article, segmented in zip(data["articles"], segmentation["articles"], strict=True):
        assert [p["id"] for p in article["paragraphs"]] == [p["id"] for p in segmented["paragraphs"]]
        assert all(p["en"] for p in article["paragraphs"])
        assert article["summary_zh"] and article["summary_en"]
    models = data["models"]
    assert models["translator"]["backend"] == models["summarizer"]["backend"] == "ctranslate2"
    assert models["translator"]["name"] == tiny_marian_ct2.name and models["translator"]["revision"]
    assert "ctranslate2" in result.loaded
    assert result.stderr == ""  # engines chosen explicitly: no notice


def test_a_real_finding_shows_in_all_three_formats(latin_marian_ct2):
    """A tiny model writing English-looking garbage drops the quantities of the Chinese: the number
    check reports them, and each format shows it."""
    engines = ["--translator", str(latin_marian_ct2), "--summarizer", "extractive", "--threads", "1"]
    data = json.loads(run_cli("run", SAMPLE_PAGE, "--format", "json", *engines).stdout)
    finding = next(f for f in data["findings"] if f["check"] == "numbers")
    article = next(a for a in data["articles"] if finding in a["findings"])
    assert finding["unit_id"].startswith(article["id"] + ".") and finding["zh"] and finding["en"]
    assert "not found in the English" in finding["message"]
    note = f"numbers: {finding['message']}"

    terminal = run_cli("run", SAMPLE_PAGE, *engines, COLUMNS="140").stdout
    section = re.split(r"^(?=a\d+ )", terminal, flags=re.M)[int(article["id"][1:])]
    marker = next(line.split()[0] for line in section.splitlines() if note[:30] in line)
    assert re.fullmatch(r"⚠\d+", marker) and section.count(marker + " ") + section.count(marker + "\n") >= 2

    markdown = run_cli("run", SAMPLE_PAGE, "--format", "markdown", *engines).stdout
    markdown_footnotes(markdown)
    label = next(line[2 : line.index("]")] for line in markdown.splitlines() if line.startswith("[^") and note[:30] in line)
    assert label.startswith(article["id"] + "-")
    assert any(f"[^{label}]" in cell for table in markdown_tables(markdown) for row in table for cell in row) or (
        f"[^{label}]" in markdown.split("\n[^")[0]  # on the title line
    )


# --- cache ----------------------------------------------------------------------------------------


def test_second_run_loads_no_model_and_no_cache_does(tiny_marian_ct2, tiny_t5_ct2):
    args = ["run", SAMPLE_PAGE, "--full", *tiny(tiny_marian_ct2, tiny_t5_ct2)]
    first = run_cli(*args)
    assert first.returncode == 0 and "ctranslate2" in first.loaded
    second = run_cli(*args)
    assert second.returncode == 0 and second.stdout == first.stdout
    assert second.loaded == set()  # no model, not even the word segmenter of the checks
    uncached = run_cli(*args, "--no-cache")
    assert uncached.stdout == first.stdout and "ctranslate2" in uncached.loaded
    other_beam = run_cli(*args, "--beam", "2")
    assert other_beam.returncode == 0 and "ctranslate2" in other_beam.loaded
    assert run_cli(*args, "--beam", "2").loaded == set()


def test_two_runs_at_once(tiny_marian_ct2, tiny_t5_ct2):
    command = cli_command("run", SAMPLE_PAGE, "--format", "json", *tiny(tiny_marian_ct2, tiny_t5_ct2))
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env()) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    results = [parse_result(p.returncode, *out) for p, out in zip(procs, outputs)]
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert results[0].stdout == results[1].stdout and not results[0].stderr and not results[1].stderr
    again = run_cli("run", SAMPLE_PAGE, "--format", "json", *tiny(tiny_marian_ct2, tiny_t5_ct2))
    assert again.stdout == results[0].stdout and again.loaded == set()


def test_a_corrupt_cache_is_set_aside_with_one_warning(tiny_marian_ct2, tiny_t5_ct2):
    args = ["run", SAMPLE_PAGE, "--format", "json", *tiny(tiny_marian_ct2, tiny_t5_ct2)]
    good = run_cli(*args)
    path = cache_path()
    path.write_bytes(b"\x00garbage, not a database\n" * 200)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    result = run_cli(*args)
    assert result.returncode == 0 and result.stdout == good.stdout
    [warning] = result.stderr.splitlines()
    assert warning.startswith("summarize: warning: cache ") and "corrupt" in warning and "moved it to" in warning
    assert any(".corrupt-" in p.name for p in path.parent.iterdir())
    rebuilt = run_cli(*args)
    assert rebuilt.stderr == "" and rebuilt.loaded == set()


# --- progress -------------------------------------------------------------------------------------


def test_progress_is_off_on_a_pipe_and_never_touches_stdout(tiny_marian_ct2, tiny_t5_ct2):
    args = ["run", SAMPLE_PAGE, "--full", "--format", "json", "--no-cache", *tiny(tiny_marian_ct2, tiny_t5_ct2)]
    quiet = run_cli(*args)
    assert quiet.stderr == ""
    shown = run_cli(*args, "--progress")
    assert json.loads(shown.stdout) == json.loads(quiet.stdout)
    assert not ANSI.search(shown.stdout)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_on_a_terminal_with_a_transformers_model(tiny_marian, tmp_path):
    """stderr on a pseudo-terminal, output to a file: the bars appear on stderr only (loading
    torch and the model takes over a second), naming the stage, the model and the article."""
    leader, follower = os.openpty()
    out_file = tmp_path / "out.json"
    args = ["run", SAMPLE_PAGE, "--format", "json", "-o", out_file, "--translator", tiny_marian, "--summarizer", "extractive", "--threads", "1"]
    with open(os.devnull) as devnull:
        proc = subprocess.Popen(cli_command(*args), stdin=devnull, stdout=subprocess.DEVNULL, stderr=follower, env=cli_env(COLUMNS="150"))
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=300) == 0
    result = parse_result(0, "", ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")))
    assert f"Translating sentences ({tiny_marian.name})" in result.stderr
    # Which article a refresh catches depends on timing: any of the page's articles will do.
    assert re.search(rf"{re.escape(SAMPLE_PAGE.name)} a[1-5]\b", result.stderr)
    assert {"torch", "transformers"} <= result.loaded
    data = json.loads(out_file.read_text(encoding="utf-8"))
    check_page_json(data, full=False)
    assert all(a["summary_en"] for a in data["articles"]) and data["models"]["translator"]["backend"] == "transformers"


def test_stage_progress_draws_on_stderr_only_after_the_delay(capsys):
    from summarize.progress import StageProgress

    with StageProgress(True, delay=0.0, engines={"translate": "opus-mt-zh-en"}) as bars:
        time.sleep(0.2)  # the timer shows the bars
        bars.update("translate", 3, 10, "page.txt a2")
    shown = capsys.readouterr()
    assert shown.out == ""
    assert "Translating sentences (opus-mt-zh-en)" in ANSI.sub("", shown.err) and "page.txt a2" in shown.err

    with StageProgress(True, delay=5.0) as bars:  # work that ends before the delay shows nothing
        bars.update("translate", 10, 10, "")
    assert capsys.readouterr() == ("", "")
