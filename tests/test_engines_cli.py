"""`summarize translate` and `summarize models ...` as a user runs them: exit codes, one-line
errors, quiet stderr, and the convert-then-use round trip on tiny checkpoints."""

from __future__ import annotations

import io
import json
import shutil
import sys

import pytest

from summarize.cli import main

pytest.importorskip("transformers")

TEXT = "义乌是一座“长”在市场上的城市。从“方寸摊位”到“世界超市”，义乌汇聚超210万种商品。\n\n今天天气很好。\n"


@pytest.fixture
def cli(capsys, monkeypatch):
    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["summarize", *args])
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
        with pytest.raises(SystemExit) as exit_info:
            main()
        out, err = capsys.readouterr()
        return exit_info.value.code, out, err

    return run


def _error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("summarize: error: ")
    return lines[0]


def test_translate_hf_dir_then_converted_copy(cli, tiny_marian, tmp_path):
    rc, out, err = cli("translate", "-", "--translator", str(tiny_marian), "--beam", "1", "--threads", "1", stdin=TEXT)
    assert rc == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 3 and lines[0] and lines[1] == "" and lines[2]
    converted = tmp_path / "ct2"
    rc, out2, err = cli("models", "convert", str(tiny_marian), "-o", str(converted), "--quantization", "float32")
    assert rc == 0 and converted.joinpath("model.bin").is_file()
    rc, out3, err = cli("translate", "--translator", str(converted), "--beam", "1", "--threads", "1", stdin=TEXT)
    assert rc == 0 and err == ""
    assert out3 == out  # float32 CTranslate2 and transformers agree token for token


def test_translate_text_argument_with_int8_copy(cli, tiny_marian_ct2):
    rc, out, err = cli("translate", "今天天气很好。明天下雨。", "--translator", str(tiny_marian_ct2), "--threads", "1")
    assert rc == 0 and err == "" and len(out.splitlines()) == 1 and out.strip()


def test_convert_refuses_to_overwrite_without_force(cli, tiny_t5, tmp_path):
    out = tmp_path / "exists"
    out.mkdir()
    rc, _, err = cli("models", "convert", str(tiny_t5), "-o", str(out))
    assert rc == 2 and "already exists" in _error_line(err) and "--force" in err
    rc, _, _ = cli("models", "convert", str(tiny_t5), "-o", str(out), "--force")
    assert rc == 0 and (out / "model.bin").is_file() and (out / "tokenizer.json").is_file()


def test_models_info_for_hf_and_ct2_dirs(cli, tiny_marian, tiny_t5_ct2):
    rc, out, _ = cli("models", "info", str(tiny_marian))
    assert rc == 0
    assert "family:" in out and "marian" in out and "Hugging Face" in out and "source.spm" in out
    rc, out, _ = cli("models", "info", str(tiny_t5_ct2), "--json")
    info = json.loads(out)
    assert info["family"] == "t5" and info["format"] == "CTranslate2 (int8)"
    assert info["d_model"] == 32 and info["layers"] == "2+2" and info["vocab"] == 1012
    assert info["max_input_tokens"] == 512 and info["files"]["model.bin"] > 0


def test_models_info_for_a_card(cli):
    rc, out, _ = cli("models", "info", "opus-mt-zh-en", "--json")
    info = json.loads(out)
    assert rc == 0 and info["hub_id"] == "Helsinki-NLP/opus-mt-zh-en" and info["architecture"]["d_model"] == 512
    assert info["architecture"]["vocab"] == 65001 and info["copies"] == []


def test_models_list_shows_cards_and_local_copies(cli, tiny_marian_ct2, _isolated_home):
    rc, out, _ = cli("models", "list")
    assert rc == 0
    assert "opus-mt-zh-en  translate (default)" in out and "not downloaded: summarize models pull opus-mt-zh-en" in out
    shutil.copytree(tiny_marian_ct2, _isolated_home / "models" / "opus-mt-zh-en" / "ct2-int8")
    rc, out, _ = cli("models", "list", "--json")
    entry = next(e for e in json.loads(out) if e["name"] == "opus-mt-zh-en")
    assert list(entry["local"]) == ["ctranslate2"] and entry["local"]["ctranslate2"]["size"] > 0


@pytest.mark.parametrize("flag", [["--offline"], []])
def test_models_pull_offline_is_one_line(cli, flag):
    rc, _, err = cli("models", "pull", "opus-mt-zh-en", *flag)
    line = _error_line(err)
    assert rc == 2 and "not downloaded" in line and "summarize models pull opus-mt-zh-en" in line


def test_pull_unknown_model(cli):
    rc, _, err = cli("models", "pull", "no-such-model", "--offline")
    assert rc == 2 and "no model card named 'no-such-model'" in _error_line(err)


def test_translator_errors_are_one_line(cli, tiny_marian, tiny_marian_ct2, tmp_path):
    from tiny_models import build_gpt2

    cases = {}
    cases["causal language model (gpt2)"] = build_gpt2(tmp_path / "gpt2")
    truncated = shutil.copytree(tiny_marian, tmp_path / "truncated")
    weights = truncated / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-100])
    cases["truncated"] = truncated
    no_target = shutil.copytree(tiny_marian, tmp_path / "no-target")
    (no_target / "target.spm").unlink()
    cases["missing: target.spm"] = no_target
    no_bin = shutil.copytree(tiny_marian_ct2, tmp_path / "no-bin")
    (no_bin / "model.bin").unlink()
    cases["without model.bin"] = no_bin
    cases["no such model directory"] = tmp_path / "missing" / "dir"
    cases["summarize models pull opus-mt-zh-en"] = "opus-mt-zh-en"
    for expected, spec in cases.items():
        rc, out, err = cli("translate", "今天", "--translator", str(spec))
        line = _error_line(err)
        assert rc == 2 and expected in line and out == "", (expected, err)


def test_translate_without_text_on_a_terminal(cli, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    rc, _, err = cli("translate")
    assert rc == 2 and "no text to translate" in _error_line(err)
