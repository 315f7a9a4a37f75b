"""Helpers for the end-to-end tests of `summarize run` and `summarize export`: the CLI in a
subprocess (reporting which heavy libraries it imported), validators for the Markdown and JSON
outputs, and a tiny Marian model that writes English-looking garbage (so the number check fires)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = REPO / "samples" / "yiwu-front-page.txt"
SAMPLE_TITLES = [
    "坚持和深化“义乌发展经验”",
    "优化科技服务 厚植创新生态",
    "与市场迭代发展同行并进",
    "浙江日报评论员",
    "2026义博会印尼展收官",
]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
HEAVY_MODULES = ("ctranslate2", "torch", "transformers", "jieba", "ray")

# Runs the CLI as the console script does, then says on stderr which heavy modules got imported.
_PROBE = f"""
import atexit, sys
def _report():
    loaded = [m for m in {HEAVY_MODULES!r} if m in sys.modules]
    sys.stderr.write("\\n@loaded:" + ",".join(loaded) + "\\n")
atexit.register(_report)
sys.argv = ["summarize", *sys.argv[1:]]
from summarize._entry import main
main()
"""


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str  # without the probe's line
    loaded: set[str]  # heavy modules the run imported


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-c", _PROBE, *map(str, args)]


def cli_env(**extra: str) -> dict[str, str]:
    """The test's environment (SUMMARIZE_HOME etc. from the autouse fixture), no terminal width
    or colour settings of the person running the tests."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "TERM")}
    return {**env, **extra}


def parse_result(returncode: int, stdout: str, stderr: str) -> CliResult:
    loaded: set[str] = set()
    kept = []
    for line in stderr.splitlines():
        if line.startswith("@loaded:"):
            loaded = {m for m in line[len("@loaded:") :].split(",") if m}
        elif line or kept:
            kept.append(line)
    return CliResult(returncode, stdout, "\n".join(kept).strip(), loaded)


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None, timeout: float = 300, **env: str) -> CliResult:
    proc = subprocess.run(
        cli_command(*args), input=stdin, capture_output=True, text=True, encoding="utf-8",
        cwd=cwd, env=cli_env(**env), timeout=timeout,
    )
    return parse_result(proc.returncode, proc.stdout, proc.stderr)


# --- output validators ------------------------------------------------------------------------

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_SEPARATOR_ROW = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+$")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]: \S", re.M)


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Every table in `text` as rows of cells, after checking GFM table syntax: a header row, a
    separator row, and the same number of cells in every row."""
    tables, block = [], []
    for line in text.split("\n") + [""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            assert len(block) >= 2 and _SEPARATOR_ROW.match(block[1]), f"table without a separator row: {block[:2]}"
            rows = [_cells(row) for i, row in enumerate(block) if i != 1]
            widths = {len(row) for row in rows}
            assert len(widths) == 1, f"rows with different numbers of cells: {block}"
            assert len(_cells(block[1])) == widths.pop()
            tables.append(rows)
            block = []
    return tables


def _cells(row: str) -> list[str]:
    assert row.startswith("|") and row.endswith("|") and not row.endswith("\\|"), row
    return [cell.strip() for cell in _UNESCAPED_PIPE.split(row)[1:-1]]


def markdown_footnotes(text: str) -> tuple[list[str], list[str]]:
    """(labels referenced, labels defined), after checking that each is both, defined once."""
    body = "\n".join(line for line in text.split("\n") if not _FOOTNOTE_DEF.match(line))
    referenced = _FOOTNOTE_REF.findall(body)
    defined = _FOOTNOTE_DEF.findall(text)
    assert len(defined) == len(set(defined)), f"footnotes defined twice: {defined}"
    assert set(referenced) == set(defined), f"references {set(referenced)} vs definitions {set(defined)}"
    return referenced, defined


OPTIONAL_STR = (str, type(None))
ENGINE_SHAPE = {"name": str, "revision": OPTIONAL_STR, "backend": str}
FINDING_SHAPE = {"check": str, "unit_id": str, "message": str, "zh": str, "en": str}
PARAGRAPH_SHAPE = {"id": str, "text": str, "heading": bool, "sentences": [str]}
ARTICLE_SHAPE = {
    "id": str,
    **{name: OPTIONAL_STR for name in ("title", "subtitle", "kicker", "byline", "source", "continued")},
    "paragraphs": [PARAGRAPH_SHAPE],
    "summary_zh": OPTIONAL_STR,
    "summary_en": OPTIONAL_STR,
}
PAGE_SHAPE = {
    "input": str,
    "encoding": str,
    "preamble": [str],
    "articles": [ARTICLE_SHAPE],
    "models": {"summarizer": ENGINE_SHAPE, "translator": ENGINE_SHAPE},
    "findings": [FINDING_SHAPE],
}
FULL_PAGE_SHAPE = {**PAGE_SHAPE, "articles": [{**ARTICLE_SHAPE, "paragraphs": [{**PARAGRAPH_SHAPE, "en": str}]}]}


def check_shape(value, shape, where: str = "$") -> None:
    """A small JSON-schema: `shape` is a type (or tuple of types), [item shape], or {key: shape}
    (those keys required; others allowed)."""
    if isinstance(shape, dict):
        assert isinstance(value, dict), f"{where}: expected an object, got {type(value).__name__}"
        for key, sub in shape.items():
            assert key in value, f"{where}: missing {key!r}"
            check_shape(value[key], sub, f"{where}.{key}")
    elif isinstance(shape, list):
        assert isinstance(value, list), f"{where}: expected an array, got {type(value).__name__}"
        for i, item in enumerate(value):
            check_shape(item, shape[0], f"{where}[{i}]")
    else:
        assert isinstance(value, shape), f"{where}: {value!r} is not {shape}"


def check_page_json(data: dict, *, full: bool) -> None:
    check_shape(data, FULL_PAGE_SHAPE if full else PAGE_SHAPE)
    assert data["findings"] == [f for a in data["articles"] for f in a["findings"]]
    for article in data["articles"]:
        for paragraph in article["paragraphs"]:
            assert ("en" in paragraph) == full


def load_json(text: str):
    return json.loads(text)


# --- a tiny Marian whose output has Latin pieces only ----------------------------------------


def build_latin_marian(out: Path) -> Path:
    """The tiny random Marian of tiny_models with its output layer biased against pieces holding
    Chinese characters or digits: it writes English-looking garbage without numbers, so the
    number check finds every quantity of the Chinese missing."""
    import torch
    from tiny_models import build_marian
    from transformers import MarianMTModel

    build_marian(out)
    model = MarianMTModel.from_pretrained(out).eval()
    vocab = json.loads((out / "vocab.json").read_text(encoding="utf-8"))
    with torch.no_grad():
        for piece, index in vocab.items():
            if re.search(r"[\u3400-\u9fff0-9]", piece):
                model.final_logits_bias[0, index] = -100.0
    model.save_pretrained(out)
    return out
