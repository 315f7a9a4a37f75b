"""Chat models as a user runs them: `run --full` with one tiny Qwen2 model as translator and
summarizer, `translate --prompt FILE`, `models convert X.gguf`, `models info`, and the one-line
errors. Outputs are random (tiny random weights); the assertions are on structure and behaviour."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("transformers")




def test_run_full_with_one_chat_model_for_both_tasks(cli, tiny_qwen_ct2, sample_page, tmp_path):
    page_file = tmp_path / "front.txt"  # the sample's first article (random weights decode slowly)
    text = sample_page.read_text(encoding="utf-8")
    page_file.write_text(text[: text.index("\n\n", 300)] + "\n", encoding="utf-8")
    model = str(tiny_qwen_ct2)
    args = ("run", str(page_file), "--full", "--translator", model, "--summarizer", model, "--format", "json", "--threads", "1")
    rc, out, err = cli(*args, "--summary-chars", "20")
    assert rc == 0, err
    page = json.loads(out)
    models = page["models"]
    assert models["translator"]["backend"] == models["summarizer"]["backend"] == "ctranslate2"
    assert models["translator"]["kind"] == "translation" and models["summarizer"]["kind"] == "abstractive"
    assert page["articles"] and all("en" in paragraph for article in page["articles"] for paragraph in article["paragraphs"])


def test_translate_with_own_prompt_file(cli, tiny_qwen_ct2, tmp_path):
    prompt = tmp_path / "terse.toml"
    prompt.write_text('[translate]\nsystem = "Translate to English."\nuser = "{text}"\n', encoding="utf-8")
    rc, out, err = cli("translate", "今天天气很好。\n\n义乌汇聚超210万种商品。", "--translator", str(tiny_qwen_ct2), "--prompt", str(prompt), "--threads", "1")
    assert rc == 0 and err == "" and len(out.splitlines()) == 3 and out.splitlines()[1] == ""
    prompt.write_text("[translate]\nuser = 'no slot'\n", encoding="utf-8")
    rc, out, err = cli("translate", "今天天气很好。", "--translator", str(tiny_qwen_ct2), "--prompt", str(prompt))
    assert rc == 2 and out == "" and err.count("\n") == 1 and "terse.toml" in err and "{text}" in err
    rc, out, err = cli("translate", "今天天气很好。", "--translator", "gloss", "--prompt", str(prompt))
    assert rc == 0 and out.strip() and err == ""  # a translator without prompts leaves the file alone


def test_models_convert_gguf_then_info(cli, tiny_qwen_gguf, tmp_path):
    out_dir = tmp_path / "qwen-ct2"
    rc, out, err = cli("models", "convert", str(tiny_qwen_gguf), "-o", str(out_dir))
    assert rc == 0 and err == "" and out_dir.joinpath("model.bin").is_file()
    rc, out, err = cli("models", "info", str(out_dir), "--json")
    info = json.loads(out)
    assert rc == 0 and info["family"] == "qwen2" and info["format"] == "CTranslate2 (int8)"
    assert info["layers"] == "2 (decoder only)" and info["max_context"] == 2048 and "chat_template.jinja" in info["files"]
    rc, out, err = cli("models", "convert", str(tiny_qwen_gguf), "-o", str(out_dir))
    assert rc != 0 and "already exists" in err and err.count("\n") == 1


def test_causal_model_without_chat_template_is_refused(cli, tiny_qwen, tmp_path):
    import shutil

    plain = shutil.copytree(tiny_qwen, tmp_path / "base-model")
    (plain / "chat_template.jinja").unlink()
    rc, _out, err = cli("translate", "今天天气很好。", "--translator", str(plain))
    assert rc == 2 and "without a chat template" in err and err.count("\n") == 1


def test_chat_card_not_pulled_says_how(cli):
    rc, _out, err = cli("translate", "今天天气很好。", "--translator", "qwen2.5-1.5b-instruct")
    assert rc == 2 and "summarize models pull qwen2.5-1.5b-instruct" in err and err.count("\n") == 1
