"""Broken state around a run: a corrupt or truncated cache, two exports of one folder at once,
missing, truncated or wrong model files, a user directory that cannot be written or is a file, a
broken config.toml. A run either works (with one warning line) or stops with one line that names
the file or setting and says what to do."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_helpers import SAMPLE, SAMPLE_TEXT, assert_clean, cli, env, snapshot

from summarize.home import cache_path

# --- the cache ------------------------------------------------------------------------------------


def _cache_rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM entries").fetchone()[0]


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_cache_is_set_aside_and_rebuilt(damage):
    args = ["run", SAMPLE, "--format", "json"]
    good = cli(*args)
    assert_clean(good, codes=(0,))
    path = cache_path()
    for suffix in ("-wal", "-shm"):  # what a crash can leave next to it goes too
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(os.urandom(4096) if damage == "garbage" else data[: len(data) // 3])

    result = cli(*args)
    assert_clean(result, codes=(0,))
    assert result.stdout == good.stdout
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and f"cache {path}" in warnings[0] and "started a new one" in warnings[0]
    assert [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert _cache_rows(path) > 0  # rebuilt with this run's work
    again = cli(*args)
    assert again.stdout == good.stdout and "warning" not in again.stderr


def test_a_read_only_cache_is_not_mistaken_for_a_corrupt_one(tmp_path):
    """A cache the run may not write (opened read-only here, as root cannot be refused by
    permissions) is left alone with one warning, never moved aside as if it were corrupt."""
    good = cli("run", SAMPLE, "--format", "json")
    path = cache_path()
    with sqlite3.connect(path) as db:  # out of WAL mode: opening it must then write to it
        db.execute("PRAGMA journal_mode=DELETE")
    rows = _cache_rows(path)
    script = (
        "import sqlite3, sys\n"
        "real = sqlite3.connect\n"
        "sqlite3.connect = lambda p, *a, **k: real(f'file:{p}?mode=ro', *a, uri=True, **k)\n"
        "sys.argv = ['summarize', *sys.argv[1:]]\n"
        "from summarize.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, "run", str(SAMPLE), "--format", "json"], capture_output=True, env=env())
    stderr = proc.stderr.decode()
    assert proc.returncode == 0, stderr
    assert proc.stdout.decode() == good.stdout
    warnings = [line for line in stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "cannot be used" in warnings[0] and "running without it" in warnings[0]
    assert not [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert _cache_rows(path) == rows


# --- two exports at once --------------------------------------------------------------------------


def test_two_exports_of_one_folder_at_once(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    paragraphs = SAMPLE_TEXT.split("\n\n")
    for number in range(6):
        (pages / f"p{number}.txt").write_text("\n\n".join(paragraphs[number:]), encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "summarize", "export", "pages", "-o", str(out), "--format", "json"]
    procs = [subprocess.Popen(command, cwd=tmp_path, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (_, stderr) in zip(procs, results):
        assert proc.returncode == 0, stderr.decode()
        assert b"Traceback" not in stderr
    files = snapshot(out)
    assert sorted(files) == [f"p{n}.json" for n in range(6)]  # complete, no temp files left
    for name, data in files.items():
        page = json.loads(data)
        assert page["articles"] and all(a["summary_zh"] for a in page["articles"] if a["paragraphs"]), name
    rerun = cli("export", "pages", "-o", out, "--format", "json", cwd=tmp_path)
    assert rerun.stderr.splitlines()[-1].startswith("summarize: exported 0, up to date 6, failed 0")


# --- model files ----------------------------------------------------------------------------------


def _model_cases(tiny_marian: Path, tiny_marian_ct2: Path, root: Path) -> dict[str, tuple[Path, str]]:
    """name -> (what to pass as --translator, words the error line must have)."""
    cases = {}
    truncated = shutil.copytree(tiny_marian_ct2, root / "truncated-ct2")
    weights = truncated / "model.bin"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    cases["truncated model.bin"] = (truncated, "convert the checkpoint again")
    no_tokenizer = shutil.copytree(tiny_marian, root / "no-tokenizer")
    (no_tokenizer / "source.spm").unlink()
    cases["missing tokenizer file"] = (no_tokenizer, "source.spm")
    causal = shutil.copytree(tiny_marian, root / "causal")
    config = json.loads((causal / "config.json").read_text())
    config.update(model_type="gpt2", architectures=["GPT2LMHeadModel"], is_encoder_decoder=False)
    (causal / "config.json").write_text(json.dumps(config))
    cases["causal LM config"] = (causal, "causal language model")
    resized = shutil.copytree(tiny_marian, root / "resized")
    config = json.loads((resized / "config.json").read_text())
    config["d_model"] *= 2  # a config.json from another checkpoint than the weights
    (resized / "config.json").write_text(json.dumps(config))
    cases["weights of another size"] = (resized, "weights do not match its config.json")
    random_files = root / "random"
    random_files.mkdir()
    for name in ("weights.bin", "notes.dat", "x"):
        (random_files / name).write_bytes(os.urandom(2048))
    cases["random files"] = (random_files, "not a model directory")
    a_file = root / "model-file"
    a_file.write_bytes(os.urandom(2048))
    cases["a file"] = (a_file, "not a directory")
    cases["missing directory"] = (root / "no" / "such" / "model", "no such model directory")
    return cases


def test_broken_models_are_one_line_naming_the_path_and_the_fix(tiny_marian, tiny_marian_ct2, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SAMPLE_TEXT, encoding="utf-8")
    for name, (model, words) in _model_cases(tiny_marian, tiny_marian_ct2, tmp_path).items():
        result = cli("run", page, "--translator", model, "--threads", "1")
        assert_clean(result, codes=(2,))
        assert len(result.errors) == 1, (name, result.stderr)
        line = result.errors[0]
        assert str(model) in line and words in line, (name, line)
        assert re.search(r"\. [A-Z]|; ", line.split(str(model), 1)[1]), (name, line)  # says what to do
        assert result.stdout == ""
    # In an export the broken model stops the batch at once (every page would fail the same way)
    # and leaves nothing behind.
    out = tmp_path / "out"
    model, words = tmp_path / "truncated-ct2", "convert the checkpoint again"
    result = cli("export", page, "-o", out, "--translator", model, "--threads", "1", cwd=tmp_path)
    assert_clean(result, codes=(2,))
    assert len(result.errors) == 1 and words in result.errors[0]
    assert snapshot(out) == {}


def test_broken_summarizer_model_too(tiny_marian, tmp_path):
    bad = shutil.copytree(tiny_marian, tmp_path / "bad-summarizer")
    (bad / "model.safetensors").write_bytes(b"\x00" * 64)
    result = cli("run", SAMPLE, "--summarizer", bad, "--threads", "1")
    assert_clean(result, codes=(2,))
    assert len(result.errors) == 1 and str(bad / "model.safetensors") in result.errors[0]
    assert "truncated or corrupt" in result.errors[0] and "again" in result.errors[0]


# --- the user directory and its config ----------------------------------------------------------


def test_user_directory_that_is_a_file(tmp_path):
    home = tmp_path / "home-file"
    home.write_text("not a directory\n")
    result = cli("run", SAMPLE, "--format", "json", SUMMARIZE_HOME=str(home))
    assert_clean(result, codes=(0,))
    assert len(json.loads(result.stdout)["articles"]) == 5
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "running without it" in warnings[0] and "SUMMARIZE_HOME" in warnings[0]
    assert home.read_text() == "not a directory\n"


def test_user_directory_that_cannot_be_written(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    if os.geteuid() != 0:
        home.chmod(0o500)
    else:  # root writes anywhere: block the cache folder with a file instead
        (home / "cache").write_text("in the way\n")
    try:
        result = cli("run", SAMPLE, "--format", "json", SUMMARIZE_HOME=str(home))
    finally:
        home.chmod(0o700)
    assert_clean(result, codes=(0,))
    assert len(json.loads(result.stdout)["articles"]) == 5
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "running without it" in warnings[0] and "SUMMARIZE_HOME" in warnings[0]


@pytest.mark.parametrize(
    "content, words",
    [
        ("translator = \n", "invalid config file"),
        ("beam = 'four'\n", "setting 'beam' must be a positive whole number"),
        ("translater = 'gloss'\n", "unknown setting 'translater'"),
        (b"\xff\xfe\x00garbage", "invalid config file"),
    ],
)
def test_a_broken_config_is_one_line_naming_the_file(_isolated_home, content, words):
    config = _isolated_home / "config.toml"
    config.write_bytes(content if isinstance(content, bytes) else content.encode())
    for command in (["run", SAMPLE], ["export", SAMPLE, "-o", str(_isolated_home / "out")]):
        result = cli(*command)
        assert_clean(result, codes=(2,))
        assert len(result.errors) == 1 and f"{config}:" in result.errors[0] and words in result.errors[0]
        known = "Known settings: summarizer, translator, glossary, beam, threads, summary_chars, engine, ray_address"
        assert result.errors[0].rstrip().endswith(("Fix or delete it", known))
