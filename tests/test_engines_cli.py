"""`summarize translate` and `summarize models ...` as a user runs them: exit codes, one-line
errors, quiet stderr, and the convert-then-use round trip on tiny checkpoints."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

pytest.importorskip("transformers")

TEXT = "义乌是一座“长”在市场上的城市。从“方寸摊位”到“世界超市”，义乌汇聚超210万种商品。\n\n今天天气很好。\n"




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


def test_translate_a_file_argument(cli, tiny_marian_ct2, tmp_path, monkeypatch):
    """`summarize translate page.txt` translates the file (any encoding), not its name; text with
    Chinese in it is always text, even if a file has that name."""
    page = tmp_path / "page.txt"
    page.write_bytes(TEXT.encode("gb18030"))
    monkeypatch.chdir(tmp_path)
    rc, from_file, err = cli("translate", "page.txt", "--translator", str(tiny_marian_ct2), "--threads", "1")
    assert rc == 0 and err == ""
    rc, from_stdin, _ = cli("translate", "-", "--translator", str(tiny_marian_ct2), "--threads", "1", stdin=TEXT)
    assert from_file == from_stdin and len(from_file.splitlines()) == 3
    (tmp_path / "今天").write_text("not this", encoding="utf-8")
    rc, out, _ = cli("translate", "今天", "--translator", str(tiny_marian_ct2), "--threads", "1")
    rc, expected, _ = cli("translate", "-", "--translator", str(tiny_marian_ct2), "--threads", "1", stdin="今天")
    assert out == expected
    (tmp_path / "empty.txt").write_bytes(b"")
    rc, _, err = cli("translate", "empty.txt", "--translator", str(tiny_marian_ct2))
    assert rc == 2 and "empty.txt" in _error_line(err)


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


def test_models_pull_without_network_fails_at_once_in_one_line(cli, monkeypatch):
    """No HF_HUB_OFFLINE, but no network: one line, without the hub client's retries."""
    import socket

    import huggingface_hub

    def no_dns(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")

    def must_not_be_called(*args, **kwargs):
        raise AssertionError("the hub was contacted")

    for name in ("HF_HUB_OFFLINE", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    monkeypatch.setattr(huggingface_hub, "HfApi", must_not_be_called)
    rc, _, err = cli("models", "pull", "opus-mt-zh-en")
    line = _error_line(err)
    assert rc == 2 and "Helsinki-NLP/opus-mt-zh-en" in line and "unreachable" in line and "models convert" in line


def test_convert_and_pull_without_transformers_say_what_to_install(cli, tiny_bart, tmp_path, monkeypatch):
    """A base install (no torch/transformers extra) cannot convert: one line saying what to
    install, before any download or output directory."""
    import importlib.util

    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "transformers" else find_spec(name, *a))
    rc, _, err = cli("models", "convert", str(tiny_bart), "-o", str(tmp_path / "out"))
    assert rc == 2 and "transformers not installed" in _error_line(err) and "pip install" in err
    assert not (tmp_path / "out").exists()
    monkeypatch.delenv("HF_HUB_OFFLINE")
    rc, _, err = cli("models", "pull", "opus-mt-zh-en")
    assert rc == 2 and "summarize models pull opus-mt-zh-en needs torch and transformers" in _error_line(err)


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
