"""Huge inputs with bounded memory: `summarize run` (three formats, stdout and -o) and `summarize
export` digest a page part by part and write as they go, while normal inputs give exactly the
bytes they always gave (golden hashes made before streaming existed)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import runpy
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from reliability_helpers import env, peak_rss
from run_helpers import SAMPLE_PAGE, check_page_json, markdown_footnotes, markdown_tables, run_cli

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "streaming.json"
BUILTIN = ["--translator", "gloss", "--summarizer", "extractive"]
PAGE_ARG = str(SAMPLE_PAGE.relative_to(REPO))  # as a user types it: the outputs name it


# The sample page with its numbers shifted and its sentences numbered: copies share no text.
varied_page = runpy.run_path(str(REPO / "benchmarks" / "bench_big_input.py"))["varied_page"]


# --- normal inputs: the same bytes as before ------------------------------------------------------

# name -> (arguments, whether stdin gets a second page); "OUT" is an output path in a temp dir.
GOLDEN_CASES = {
    "terminal": (["run", PAGE_ARG], False),
    "terminal-full": (["run", PAGE_ARG, "--full"], False),
    "terminal-file": (["run", PAGE_ARG, "-o", "OUT/page.txt"], False),
    "terminal-full-file": (["run", PAGE_ARG, "--full", "-o", "OUT/page.txt"], False),
    "markdown": (["run", PAGE_ARG, "-f", "markdown"], False),
    "markdown-full-file": (["run", PAGE_ARG, "-f", "markdown", "--full", "-o", "OUT/page.md"], False),
    "json": (["run", PAGE_ARG, "-f", "json"], False),
    "json-full-file": (["run", PAGE_ARG, "-f", "json", "--full", "-o", "OUT/page.json"], False),
    "two-terminal": (["run", PAGE_ARG, "-"], True),
    "two-markdown": (["run", PAGE_ARG, "-", "-f", "markdown"], True),
    "two-markdown-full": (["run", PAGE_ARG, "-", "-f", "markdown", "--full"], True),
    "two-json": (["run", PAGE_ARG, "-", "-f", "json"], True),
    "two-json-full": (["run", PAGE_ARG, "-", "-f", "json", "--full"], True),
    "export-markdown": (["export", PAGE_ARG, "-", "-o", "OUT"], True),
    "export-markdown-full": (["export", PAGE_ARG, "-", "-o", "OUT", "--full"], True),
    "export-json": (["export", PAGE_ARG, "-", "-o", "OUT", "-f", "json"], True),
    "export-json-full": (["export", PAGE_ARG, "-", "-o", "OUT", "-f", "json", "--full"], True),
}


def golden_output(name: str, out_dir: Path) -> str:
    """Everything case `name` writes (exit code, stdout, files), run in this process."""
    from typer.testing import CliRunner

    from summarize import __version__
    from summarize.cli import app

    args, with_stdin = GOLDEN_CASES[name]
    args = [arg.replace("OUT", str(out_dir)) for arg in args] + BUILTIN
    layout = {"COLUMNS": "80", **dict.fromkeys(["LINES", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "TERM"])}
    result = CliRunner().invoke(app, args, input=varied_page(1) if with_stdin else None, env=layout)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    written = "".join(f"\n@file {p.relative_to(out_dir)}\n{p.read_text(encoding='utf-8')}" for p in sorted(out_dir.rglob("*")) if p.is_file())
    output = f"@exit {result.exit_code}\n@stdout\n{result.stdout}{written}"
    return output.replace(f'"version": "{__version__}"', '"version": "@"')  # exports record it; releases change it


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("name", list(GOLDEN_CASES))
def test_normal_inputs_give_the_same_bytes_as_before(name, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    output = golden_output(name, tmp_path / "out")
    if os.environ.get("SUMMARIZE_UPDATE_GOLDEN"):  # after a deliberate change of the outputs
        hashes = json.loads(GOLDEN.read_text()) if GOLDEN.exists() else {}
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps({**hashes, name: _sha256(output)}, indent=2, sort_keys=True) + "\n")
    kept = tmp_path / f"{name}.actual"
    kept.write_text(output, encoding="utf-8")
    assert _sha256(output) == json.loads(GOLDEN.read_text())[name], f"output changed (see {kept}); if on purpose: SUMMARIZE_UPDATE_GOLDEN=1"


# --- a huge input: complete output, bounded memory ------------------------------------------------

BATCH_CHARS = 30_000  # instead of a million: a file of a megabyte then goes in many parts and batches
COPIES = 40

# The CLI in a subprocess, as the console script runs it (its entry point: Ctrl-C is handled even
# when this test runs as a background job, which starts with SIGINT ignored), with batches of
# argv[1] characters.
_IN_SMALL_BATCHES = """
import sys
import summarize.pipeline
summarize.pipeline.BATCH_CHARS = int(sys.argv[1])
sys.argv = ["summarize", *sys.argv[2:]]
from summarize._entry import main
main()
"""


def segmented_in_parts(page: Path, part_chars: int, *, at_least: int) -> list[dict]:
    """Every article of `page` as `summarize segment --json` has it, segmented in parts of
    `part_chars` (checked to be at least `at_least` parts)."""
    from summarize.reading import discover, read_source
    from summarize.segmentation import iter_source_parts

    parts = list(iter_source_parts(read_source(discover([str(page)])[0]), part_chars=part_chars))
    assert len(parts) >= at_least
    return [a.to_dict() for part in parts for a in part.articles]


@dataclass
class Huge:
    page: Path  # COPIES varied copies of the sample page
    home: Path  # SUMMARIZE_HOME, its cache warmed by a first run
    articles: list[dict]  # every article as `summarize segment --json` has it, segmented in parts
    json_output: Path  # of `run -f json --full --progress` (the first run)
    progress: str  # what that run drew on stderr


def small_batches_command(*args) -> list[str]:
    """`summarize ARGS --translator gloss --summarizer extractive` with batches of BATCH_CHARS."""
    return [sys.executable, "-c", _IN_SMALL_BATCHES, str(BATCH_CHARS), *map(str, args), *BUILTIN]


def in_small_batches(huge: Huge, *args, stdout: Path | None = None, cwd: Path | None = None) -> tuple[int, str]:
    """(peak RSS in bytes, stderr) of `small_batches_command(ARGS)` run with the cache of `huge`."""
    errors = huge.page.parent / "stderr.txt"
    with open(errors, "wb") as stderr:
        rc, peak = peak_rss(small_batches_command(*args), stdout=stdout, cwd=cwd, stderr=stderr, env=env(SUMMARIZE_HOME=str(huge.home), COLUMNS="80"), timeout=240)
    assert rc == 0, errors.read_text(encoding="utf-8")[-3000:]
    return peak, errors.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def huge(tmp_path_factory) -> Huge:
    folder = tmp_path_factory.mktemp("huge")
    page = folder / "huge.txt"
    page.write_text("\n\n".join(varied_page(copy, first_mark=1000 * copy) for copy in range(COPIES)), encoding="utf-8")
    huge = Huge(page, folder / "home", segmented_in_parts(page, BATCH_CHARS, at_least=10), folder / "run.json", "")
    _, huge.progress = in_small_batches(huge, "run", page, "-f", "json", "--full", "--progress", stdout=huge.json_output)
    return huge


def test_a_huge_input_gives_complete_json(huge):
    # Progress bars on stderr step aside while each batch is written: stdout is JSON only.
    assert "Summarizing articles" in huge.progress and "Translating sentences" in huge.progress
    data = json.loads(huge.json_output.read_text(encoding="utf-8"))
    check_page_json(data, full=True)
    assert list(data)[-4:] == ["articles", "preamble", "models", "findings"]  # the preamble is known at the end
    assert len(data["articles"]) == len(huge.articles)
    for article, segmented in zip(data["articles"], huge.articles):  # all, numbered through the parts
        assert {key: article[key] for key in segmented} == {**segmented, "paragraphs": article["paragraphs"]}
        assert [{**p, "en": ""} for p in article["paragraphs"]] == [{**p, "en": ""} for p in segmented["paragraphs"]]
        assert article["summary_zh"] and article["summary_en"] and all(p["en"] for p in article["paragraphs"])


def test_a_huge_input_gives_complete_markdown_and_terminal_views(huge, tmp_path):
    count = len(huge.articles)
    markdown = tmp_path / "huge.md"
    in_small_batches(huge, "run", huge.page, "-f", "markdown", "--full", "-o", markdown)
    text = markdown.read_text(encoding="utf-8")
    assert [int(n) for n in re.findall(r"^## (\d+)\. ", text, re.MULTILINE)] == list(range(1, count + 1))
    assert "digested in parts" in text.split("\n", 3)[2] and text.endswith(f"\n\n_{count} articles in all._\n")
    assert len(markdown_tables(text)) == 2 * count  # a summary and a full-text table per article
    markdown_footnotes(text)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["huge.md"]  # no temporary file left

    view = tmp_path / "huge.txt"
    in_small_batches(huge, "run", huge.page.name, "--full", stdout=view, cwd=huge.page.parent)
    lines = view.read_text(encoding="utf-8").splitlines()
    assert [line.split()[0] for line in lines if re.match(r"a\d+ ", line)] == [a["id"] for a in huge.articles]
    assert lines[0].startswith("huge.txt · a long input, digested in parts") and lines[-2:] == [f"huge.txt: {count} articles", ""]


def test_a_huge_input_exports_the_same_documents_resumably(huge, tmp_path):
    from summarize.output_guard import read_output_meta

    cwd = huge.page.parent
    for fmt in ("json", "markdown"):
        in_small_batches(huge, "export", huge.page.name, "-o", tmp_path / fmt, "-f", fmt, "--full", cwd=cwd)
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()) == ["json/huge.json", "markdown/huge.md"]
    exported = json.loads((tmp_path / "json" / "huge.json").read_text(encoding="utf-8"))
    assert exported.pop("meta") == read_output_meta(tmp_path / "json" / "huge.json", "json")  # read from the end of the file
    assert exported == {**json.loads(huge.json_output.read_text(encoding="utf-8")), "input": huge.page.name}
    markdown = (tmp_path / "markdown" / "huge.md").read_text(encoding="utf-8").split("\n", 1)[1]
    assert read_output_meta(tmp_path / "markdown" / "huge.md", "markdown")["input_sha256"] == hashlib.sha256(huge.page.read_bytes()).hexdigest()
    assert markdown.count("\n## ") == len(huge.articles) and markdown.endswith(" articles in all._\n")
    result = run_cli("export", huge.page.name, "-o", tmp_path / "json", "-f", "json", "--full", *BUILTIN, cwd=cwd, SUMMARIZE_HOME=str(huge.home))
    assert result.stderr.splitlines()[-1].startswith("summarize: exported 0, up to date 1, failed 0")


def test_memory_does_not_grow_with_the_input(huge, tmp_path):
    """Four times the input takes only the memory of its text more: one batch at a time is held,
    not the digest of the whole input (which took ~60 bytes a character)."""
    bigger = tmp_path / "bigger.txt"
    bigger.write_text("\n\n".join([huge.page.read_text(encoding="utf-8")] * 4), encoding="utf-8")
    output = tmp_path / "out.json"
    in_small_batches(huge, "run", bigger, "-f", "json", "--full", stdout=output)  # the cache then serves all of it
    small_peak, _ = in_small_batches(huge, "run", huge.page, "-f", "json", "--full", stdout=output)
    big_peak, _ = in_small_batches(huge, "run", bigger, "-f", "json", "--full", stdout=output)
    extra = bigger.stat().st_size - huge.page.stat().st_size
    assert big_peak - small_peak < 2 * extra + 10 * 2**20, (small_peak >> 20, big_peak >> 20, extra >> 20)


# --- writing as it goes, in this process ------------------------------------------------------------


def pages_in_parts(folder: Path, copies: int = 3) -> Path:
    """A page of `copies` varied copies of the sample (segmented in parts at SMALL_PARTS), each
    copy with one sentence of English prose."""
    english = "\n\nThe fair drew buyers from many countries this year.\n"
    page = folder / "parts.txt"
    page.write_text("\n\n".join(varied_page(copy, 1000 * copy) + english for copy in range(copies)), encoding="utf-8")
    return page


SMALL_PARTS = 8_000


@pytest.fixture
def small_parts(monkeypatch, tmp_path):
    from summarize import pipeline

    monkeypatch.setattr(pipeline, "BATCH_CHARS", SMALL_PARTS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke_run(*args) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from summarize.cli import app

    result = CliRunner().invoke(app, ["run", *map(str, args), *BUILTIN])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_one_page_in_parts_is_one_object_and_with_others_an_array(small_parts):
    parts = pages_in_parts(small_parts).name
    articles = segmented_in_parts(small_parts / parts, SMALL_PARTS, at_least=3)
    (small_parts / "page.txt").write_text(varied_page(9), encoding="utf-8")
    rc, out, err = invoke_run(parts, "-f", "json")
    single = json.loads(out)
    assert rc == 0 and isinstance(single, dict) and [a["id"] for a in single["articles"]] == [a["id"] for a in articles]
    assert err.count("notice") == 1 and "3 sentence(s) without Chinese" in err  # counted over the parts
    rc, out, _ = invoke_run("page.txt", parts, "nowhere.txt", "-f", "json")
    assert rc == 2 and [page["input"] for page in json.loads(out)] == ["page.txt", "parts.txt"]
    assert json.loads(out)[1] == {**single, "input": "parts.txt"}
    rc, out, _ = invoke_run(parts, "page.txt", "-f", "markdown")
    first, second = out.split("\n---\n\n")
    assert first.count("\n## ") == len(articles) and second.startswith("# page.txt\n\n_5 articles;")
    markdown_footnotes(out)  # labels unique across the documents


def test_an_input_that_fails_part_way_leaves_no_output(small_parts, monkeypatch):
    from summarize import export as export_module
    from summarize.export import export
    from summarize.pipeline import RunOptions

    (small_parts / "in").mkdir()
    pages_in_parts(small_parts / "in")
    (small_parts / "in" / "page.txt").write_text(varied_page(9), encoding="utf-8")
    digest_parts = export_module.run_pages

    def breaks_on_a_middle_part(pages, engines, **kwargs):
        if any(page.input.endswith("parts.txt") and any(a.id == "a7" for a in page.articles) for page in pages):
            raise ValueError("something odd in this part")
        return digest_parts(pages, engines, **kwargs)

    monkeypatch.setattr(export_module, "run_pages", breaks_on_a_middle_part)
    report = export(["in"], Path("out"), RunOptions(summarizer="extractive", translator="gloss"))
    assert report.written == [Path("out/page.md")]
    assert [name for name, _ in report.failed] == ["in/parts.txt"] and "something odd in this part" in report.failed[0][1]
    assert [str(p.relative_to("out")) for p in Path("out").rglob("*") if p.is_file()] == ["page.md"]  # no temporary file


def test_an_atomic_output_is_the_old_file_until_complete(tmp_path):
    from summarize.atomic import AtomicOutput

    target = tmp_path / "digest.md"
    target.write_text("old\n")
    with AtomicOutput(target) as out:
        out.write("new, ")
        assert target.read_text() == "old\n"
        out.write("complete\n")
    assert target.read_text() == "new, complete\n"
    with pytest.raises(KeyboardInterrupt), AtomicOutput(target) as out:
        out.write("partial")
        raise KeyboardInterrupt
    assert target.read_text() == "new, complete\n"
    assert [p.name for p in tmp_path.iterdir()] == ["digest.md"]


def test_run_removes_what_a_killed_run_left_for_its_output(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    stale = tmp_path / f".digest.md.{int(dead.stdout)}.summarize-tmp"
    live = tmp_path / f".digest.md.{os.getppid()}.summarize-tmp"  # another run, still writing
    other = tmp_path / f".other.md.{int(dead.stdout)}.summarize-tmp"  # another output's
    for temp in (stale, live, other):
        temp.write_text("partial")
    rc, _, _ = invoke_run(PAGE_ARG, "-f", "markdown", "-o", tmp_path / "digest.md")
    assert rc == 0 and (tmp_path / "digest.md").read_text(encoding="utf-8").count("\n## ") == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["digest.md", live.name, other.name])


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_run_to_a_file_stopped_part_way_shows_nothing_partial(huge, tmp_path, sig):
    """Stopped while it writes (Ctrl-C or kill -9): no output file, at most a temporary one
    (kill -9), which the next run to that file removes."""
    output = tmp_path / "digest.md"
    command = small_batches_command("run", huge.page, "-f", "markdown", "--no-cache", "-o", output)
    proc = subprocess.Popen(command, env=env(SUMMARIZE_HOME=str(huge.home)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not list(tmp_path.iterdir()) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None and list(tmp_path.iterdir()), "the run did not write part-way before it could be stopped"
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    assert not output.exists()
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "summarize: interrupted" in stderr.decode() and list(tmp_path.iterdir()) == []
    else:
        assert [p.name for p in tmp_path.iterdir()] == [f".digest.md.{proc.pid}.summarize-tmp"]
        in_small_batches(huge, "run", huge.page, "-f", "markdown", "-o", output)
        assert [p.name for p in tmp_path.iterdir()] == ["digest.md"]
