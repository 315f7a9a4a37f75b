"""`summarize export`: a mirrored tree of Markdown/JSON digests, atomic, resumable, isolated errors."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from run_helpers import SAMPLE_PAGE, check_page_json, cli_command, cli_env, markdown_tables, run_cli

from summarize import export as export_module
from summarize.export import export
from summarize.pipeline import RunOptions
from summarize.render.markdown import read_meta

BUILTIN = ["--summarizer", "extractive", "--translator", "gloss"]
PAGE_LINES = SAMPLE_PAGE.read_text(encoding="utf-8").splitlines()
SCIENCE_ARTICLE = "\n".join(PAGE_LINES[62:88])  # a2 of the sample: one article


def make_pages(root: Path, count: int = 10) -> list[Path]:
    """`count` one-article pages, each a little different, some in a subfolder."""
    paths = []
    for i in range(count):
        path = root / ("sub" if i % 3 == 0 else "") / f"page{i:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SCIENCE_ARTICLE.replace("23.66亿元", f"{20 + i}.66亿元").replace("龚盈盈", f"龚盈{i}"), encoding="utf-8")
        paths.append(path)
    return paths


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def builtin_options(**options) -> RunOptions:
    return RunOptions(summarizer="extractive", translator="gloss", **options)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_markdown_output(output: Path, source: Path, articles: int = 1) -> None:
    """A complete output: its metadata line names the input's exact bytes, every article is there,
    every table is well formed."""
    text = output.read_text(encoding="utf-8")
    meta = read_meta(text.split("\n", 1)[0])
    assert meta is not None, f"{output}: no metadata line"
    assert meta["input_sha256"] == sha256(source)
    assert text.endswith("\n") and text.count("\n## ") == articles
    assert len(markdown_tables(text)) >= articles


# --- the tree -----------------------------------------------------------------------------------


def test_mirrors_the_input_tree_and_writes_nothing_else(tmp_path):
    make_pages(tmp_path / "in", 4)
    result = run_cli("export", "in", "-o", "out", *BUILTIN, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert files_under(tmp_path / "out") == ["page01.md", "page02.md", "sub/page00.md", "sub/page03.md"]
    assert result.stderr.splitlines()[-1] == "summarize: exported 4, up to date 0, failed 0 -> out"
    for i, output in [(0, "sub/page00.md"), (1, "page01.md")]:
        source = tmp_path / "in" / ("sub" if i == 0 else "") / f"page{i:02d}.txt"
        check_markdown_output(tmp_path / "out" / output, source)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outside = run_cli("export", tmp_path / "in" / "sub", "-o", tmp_path / "out2", *BUILTIN, cwd=elsewhere)
    assert outside.returncode == 0, outside.stderr
    assert files_under(tmp_path / "out2") == ["page00.md", "page03.md"]  # the tree below the folder, wherever it is

    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "page.txt").write_text(SCIENCE_ARTICLE, encoding="utf-8")
    several = run_cli("export", "in", tmp_path / "more", "-o", "out3", *BUILTIN, cwd=tmp_path)
    assert several.returncode == 0, several.stderr
    assert files_under(tmp_path / "out3") == [  # several folders: one subfolder each
        "in/page01.md", "in/page02.md", "in/sub/page00.md", "in/sub/page03.md", "more/page.md"
    ]


def test_json_outputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_pages(Path("in"), 2)
    report = export(["in"], Path("out"), builtin_options(full=True), fmt="json")
    assert not report.failed and len(report.written) == 2
    for output in report.written:
        data = json.loads(output.read_text(encoding="utf-8"))
        check_page_json(data, full=True)
        assert data["meta"]["input_sha256"] == sha256(Path(data["input"]))
        assert data["meta"]["signature"]["format"] == "json"


# --- up to date or not --------------------------------------------------------------------------


def test_skips_what_is_up_to_date_and_redoes_what_changed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pages = make_pages(Path("in"), 4)
    out = Path("out")
    assert len(export(["in"], out, builtin_options()).written) == 4
    report = export(["in"], out, builtin_options())
    assert (len(report.written), len(report.skipped)) == (0, 4)

    pages[1].write_text(SCIENCE_ARTICLE.replace("17.9%", "18.1%"), encoding="utf-8")
    report = export(["in"], out, builtin_options())
    assert report.written == [out / "page01.md"] and len(report.skipped) == 3
    assert "18.1%" in (out / "page01.md").read_text(encoding="utf-8")

    older = pages[2].stat().st_mtime - 10
    os.utime(out / "page02.md", (older, older))  # input newer than its output: redone
    assert export(["in"], out, builtin_options()).written == [out / "page02.md"]

    assert len(export(["in"], out, builtin_options(full=True)).written) == 4  # other options
    assert len(export(["in"], out, builtin_options(full=True)).skipped) == 4
    assert len(export(["in"], out, builtin_options(full=True), force=True).written) == 4
    assert "### Full text" in (out / "sub" / "page00.md").read_text(encoding="utf-8")

    glossary = Path("terms.tsv")
    glossary.write_text("科技局\tScience Bureau\n", encoding="utf-8")
    assert len(export(["in"], out, builtin_options(full=True, glossary=str(glossary))).written) == 4
    glossary.write_text("科技局\tBureau of Science\n", encoding="utf-8")  # same file, new content
    assert len(export(["in"], out, builtin_options(full=True, glossary=str(glossary))).written) == 4
    assert files_under(out) == ["page01.md", "page02.md", "sub/page00.md", "sub/page03.md"]


def test_second_export_does_no_model_work(tmp_path, tiny_marian_ct2, tiny_t5_ct2):
    make_pages(tmp_path / "in", 3)
    engines = ["--translator", tiny_marian_ct2, "--summarizer", tiny_t5_ct2, "--threads", "1"]
    first = run_cli("export", "in", "-o", "out", "--format", "json", *engines, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "ctranslate2" in first.loaded
    outputs = {name: (tmp_path / "out" / name).read_bytes() for name in files_under(tmp_path / "out")}
    assert len(outputs) == 3

    second = run_cli("export", "in", "-o", "out", "--format", "json", *engines, cwd=tmp_path)
    assert second.stderr.splitlines()[-1] == "summarize: exported 0, up to date 3, failed 0 -> out"
    assert second.loaded == set()
    forced = run_cli("export", "in", "-o", "out", "--format", "json", "--force", *engines, cwd=tmp_path)
    assert forced.stderr.splitlines()[-1] == "summarize: exported 3, up to date 0, failed 0 -> out"
    assert forced.loaded == set()  # redone from the cache
    assert {name: (tmp_path / "out" / name).read_bytes() for name in files_under(tmp_path / "out")} == outputs


# --- errors -------------------------------------------------------------------------------------


def test_a_bad_file_fails_alone_and_is_reported_at_the_end(tmp_path):
    make_pages(tmp_path / "in", 2)
    (tmp_path / "in" / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = run_cli("export", "in", "-o", "out", *BUILTIN, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "summarize: exported 2, up to date 0, failed 2 -> out"
    errors = [line for line in lines if line.startswith("summarize: error: ")]
    assert len(errors) == 2
    assert any("in/picture.txt" in line for line in errors) and any("in/empty.txt: the input is empty" in line for line in errors)
    assert files_under(tmp_path / "out") == ["page01.md", "sub/page00.md"]

    again = run_cli("export", "in", "-o", "out", *BUILTIN, cwd=tmp_path)
    assert again.returncode == 1 and again.stderr.splitlines()[-1] == "summarize: exported 0, up to date 2, failed 2 -> out"


def test_a_page_that_breaks_the_pipeline_fails_alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_pages(Path("in"), 3)
    real_run_pages = export_module.run_pages

    def breaks_on_page_one(pages, engines, **kwargs):
        if any(page.input.endswith("page01.txt") for page in pages):
            raise ValueError("something odd in this page")
        return real_run_pages(pages, engines, **kwargs)

    monkeypatch.setattr(export_module, "run_pages", breaks_on_page_one)
    report = export(["in"], Path("out"), builtin_options())
    assert sorted(map(str, report.written)) == ["out/page02.md", "out/sub/page00.md"]
    [(name, message)] = report.failed
    assert name == "in/page01.txt" and "ValueError: something odd in this page" in message and "\n" not in message


def test_two_inputs_with_the_same_output_are_not_merged(tmp_path, monkeypatch):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(SCIENCE_ARTICLE, encoding="utf-8")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    report = export([str(tmp_path / "x" / "page.txt"), str(tmp_path / "y" / "page.txt")], Path("out"), builtin_options())
    assert report.written == [Path("out/page.md")]
    [(name, message)] = report.failed
    assert name.endswith("y/page.txt") and "same output as" in message


def test_output_directory_that_is_a_file(tmp_path):
    (tmp_path / "out").write_text("not a directory")
    result = run_cli("export", SAMPLE_PAGE, "-o", tmp_path / "out", *BUILTIN)
    assert result.returncode == 2
    assert result.stderr.startswith("summarize: error: ") and "not a directory" in result.stderr
    assert len(result.stderr.splitlines()) == 1


# --- stdin and workers --------------------------------------------------------------------------


def test_stdin_and_jobs(tmp_path):
    make_pages(tmp_path / "in", 5)
    text = SAMPLE_PAGE.read_text(encoding="utf-8")
    serial = run_cli("export", "in", "-", "-o", "serial", "--no-cache", *BUILTIN, stdin=text, cwd=tmp_path)
    parallel = run_cli("export", "-", "in", "-o", "parallel", "--jobs", "2", "--no-cache", *BUILTIN, stdin=text, cwd=tmp_path)
    assert serial.returncode == parallel.returncode == 0, (serial.stderr, parallel.stderr)
    names = files_under(tmp_path / "serial")
    assert names == files_under(tmp_path / "parallel") and "stdin.md" in names and len(names) == 6
    for name in names:
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes(), name
    assert (tmp_path / "serial" / "stdin.md").read_text(encoding="utf-8").count("\n## ") == 5


# --- interruption -------------------------------------------------------------------------------


def test_killed_at_random_moments_then_resumed(tmp_path):
    """Ctrl-C and kill -9 at random moments, 20 times: every output there is complete and valid
    at every moment; a run to the end leaves every output, nothing else, and nothing to redo."""
    sources = {Path(p.relative_to(tmp_path / "in")).with_suffix(".md"): p for p in make_pages(tmp_path / "in", 10)}
    out = tmp_path / "out"
    rng = random.Random(4)
    for round_ in range(20):
        sig = signal.SIGINT if round_ % 2 == 0 else signal.SIGKILL
        flags = rng.choice([[], ["--force"], ["--force", "--no-cache"], ["--force", "--no-cache"], ["--jobs", "2", "--force"]])
        proc = subprocess.Popen(
            cli_command("export", "in", "-o", "out", *BUILTIN, *flags),
            cwd=tmp_path, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, text=True,
        )
        time.sleep(rng.uniform(0.5, 3.0))
        if sig == signal.SIGINT:
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole foreground group
        else:
            proc.kill()  # kill -9 of the main process only: its workers must not linger
        _, stderr = proc.communicate(timeout=60)
        if sig == signal.SIGINT:  # stopped with one line (or it had finished), never a traceback
            assert "Traceback" not in stderr, stderr
            finished = "summarize: exported 10," in stderr  # the signal came as the process exited
            assert finished or (proc.returncode == 130 and "summarize: interrupted" in stderr), (proc.returncode, stderr)
        _wait_for_group_to_exit(proc.pid)
        for path in out.rglob("*") if out.exists() else []:
            if path.is_dir():
                continue
            if path.name.endswith(".summarize-tmp"):
                assert sig == signal.SIGKILL, f"temporary file left after Ctrl-C: {path}"
                continue
            relative = path.relative_to(out)
            assert relative in sources, f"stray file {path}"
            check_markdown_output(path, sources[relative])

    final = run_cli("export", "in", "-o", "out", *BUILTIN, cwd=tmp_path)
    assert final.returncode == 0, final.stderr
    assert files_under(out) == sorted(str(p) for p in sources)  # no temp files, no duplicates
    for relative, source in sources.items():
        check_markdown_output(out / relative, source)
    again = run_cli("export", "in", "-o", "out", *BUILTIN, cwd=tmp_path)
    assert again.stderr.splitlines()[-1] == "summarize: exported 0, up to date 10, failed 0 -> out"
    assert again.loaded == set()  # not even the word segmenter: no model work at all


def _wait_for_group_to_exit(group: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail(f"processes of the killed export are still running after {timeout} s")


def test_one_progress_bar_that_names_the_model_stage(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_pages(Path("in"), 3)
    reports = []
    export(["in"], Path("out"), builtin_options(), progress=lambda *args: reports.append(args))
    assert {stage for stage, *_ in reports} == {"export"}
    assert [done for _, done, _, _ in reports] == sorted(done for _, done, _, _ in reports)
    assert reports[-1][1:3] == (3, 3) and reports[0][1:3] == (0, 3)
    wheres = {where for *_, where in reports}
    assert {"summarizing page01.txt a1", "translating page01.txt a1"} <= wheres
