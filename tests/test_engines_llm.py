"""Chat (decoder-only) models on tiny random Qwen2 checkpoints: recognition, conversion (Hugging
Face and GGUF), the chat template, static prompts, both backends, and the prompting and guarded
decoding of translations and summaries. Outputs are random; the assertions are on what the code
does with them."""

from __future__ import annotations

import json
import shutil

import pytest

from summarize.engines.checkpoint import inspect_dir
from summarize.engines.choose import backend_for, choose_summarizer, choose_translator
from summarize.errors import ModelError, OutputError
from summarize.registry import EngineOptions, SummaryRequest

pytest.importorskip("transformers")

SENTENCES = ["义乌市场成交额达1550亿元，同比增长12.3%。", "近3万名外商常驻义乌。", "今天天气很好。"]
MESSAGES = [{"role": "system", "content": "Translate."}, {"role": "user", "content": "义乌"}]


def test_chat_checkpoints_are_recognised_with_their_backends(tiny_qwen, tiny_qwen_ct2):
    hf, ct2 = inspect_dir(tiny_qwen), inspect_dir(tiny_qwen_ct2)
    assert hf.decoder_only and ct2.decoder_only and hf.family == ct2.family == "qwen2"
    assert backend_for(str(tiny_qwen)) == "transformers-chat"
    assert backend_for(str(tiny_qwen_ct2)) == "ctranslate2-chat"
    metadata = json.loads((tiny_qwen_ct2 / "summarize-model.json").read_text())
    assert metadata["chat"] and metadata["max_context"] == 2048
    assert {"<|im_end|>", "<|endoftext|>"} <= set(metadata["end_tokens"])
    assert (tiny_qwen_ct2 / "chat_template.jinja").is_file() and (tiny_qwen_ct2 / "tokenizer.json").is_file()


def test_bare_conversion_borrows_the_tokenizer_beside_it(tiny_qwen, tiny_qwen_ct2, tmp_path):
    """ct2-transformers-converter output (model and vocabulary only) next to its checkpoint."""
    shutil.copytree(tiny_qwen, tmp_path / "hf")
    bare = tmp_path / "ct2-int8"
    bare.mkdir()
    for name in ("model.bin", "config.json", "vocabulary.json"):
        shutil.copy2(tiny_qwen_ct2 / name, bare / name)
    checkpoint = inspect_dir(bare)
    assert checkpoint.decoder_only and checkpoint.tokenizer_dir == tmp_path / "hf" and checkpoint.family == "qwen2"
    translator, _ = choose_translator(str(bare), EngineOptions(threads=1))
    reference, _ = choose_translator(str(tiny_qwen_ct2), EngineOptions(threads=1))
    assert translator.translate(SENTENCES[:2]) == reference.translate(SENTENCES[:2])
    config = json.loads((tmp_path / "hf" / "config.json").read_text())
    (tmp_path / "hf" / "config.json").write_text(json.dumps({**config, "vocab_size": 99}))
    with pytest.raises(ModelError, match="without its tokenizer"):
        inspect_dir(bare)


def test_chat_template_renders_as_transformers_does(tiny_qwen):
    from transformers import AutoTokenizer

    from summarize.engines.chat import ChatTemplate

    template = ChatTemplate.from_dir(tiny_qwen)
    expected = AutoTokenizer.from_pretrained(tiny_qwen).apply_chat_template(MESSAGES, tokenize=False, add_generation_prompt=True)
    assert template.render(MESSAGES, add_generation_prompt=True) == expected
    prefix, rest = template.split(MESSAGES)
    assert prefix + rest == expected and prefix.endswith("<|im_end|>\n") and "Translate." in prefix and "Translate." not in rest


def test_static_prompt_and_both_backends_give_the_same_tokens(tiny_qwen, tmp_path):
    from summarize.engines.chat_models import CT2ChatModel, HFChatModel
    from summarize.engines.convert import convert
    from summarize.engines.generation import Decoding

    ct2 = CT2ChatModel(inspect_dir(convert(tiny_qwen, tmp_path / "f32", quantization="float32")), threads=1)
    hf = HFChatModel(str(tiny_qwen), threads=1)
    prefix, rest = ct2.template.split(MESSAGES)
    decoding = Decoding(beam=1, max_new_tokens=12)
    cached = ct2.generate([ct2.encode(rest)] * 2, decoding, static=ct2.encode(prefix))
    whole = ct2.generate([ct2.encode(prefix + rest)], decoding)
    assert cached[0].tokens == cached[1].tokens == whole[0].tokens and len(whole[0].tokens) <= 12
    torch_ids = hf.generate([hf.encode(rest)], decoding, static=hf.encode(prefix))[0].tokens
    assert ct2.decode([whole[0].tokens]) == hf.decode([torch_ids])


def test_prompts_carry_terms_and_exact_amounts(tiny_qwen_ct2):
    translator, _ = choose_translator(str(tiny_qwen_ct2), EngineOptions(threads=1))
    static, (tokens,) = translator._prompt_tokens([translator._slots(SENTENCES[0])])
    (text,) = translator.model.decode([tokens])
    assert "1550亿元 = 155 billion yuan" in text and "义乌 = Yiwu" in text and SENTENCES[0] in text
    assert static and "professional translator" in translator.model.decode([static])[0]
    _, (plain,) = translator._prompt_tokens([translator._slots(SENTENCES[2])])
    assert "Names" not in translator.model.decode([plain])[0]  # no terms: the line is left out


def test_translations_are_guarded_retried_and_reported(tiny_qwen_ct2):
    translator, _ = choose_translator(str(tiny_qwen_ct2), EngineOptions(threads=1))
    english = translator.translate([*SENTENCES, "", "2024"])
    assert len(english) == 5 and english[3] == "" and english[4] == "2024"
    stats = translator.stats
    assert stats.units == 3 and stats.retries >= len(translator.problems)
    for zh, problem in translator.problems.items():
        out = english[SENTENCES.index(zh)]
        assert problem.startswith("answered in Chinese") and out or out == ""  # echoes kept for the checks, the rest dropped
    assert translator.info.backend == "ctranslate2" and "chat1-" in translator.info.revision


def test_summaries_are_checked_against_the_article(tiny_qwen_ct2):
    summarizer, _ = choose_summarizer(str(tiny_qwen_ct2), EngineOptions(threads=1, summary_chars=40))
    (summary, empty) = summarizer.summarize([SummaryRequest("a1", "义乌", SENTENCES), SummaryRequest("a2", None, [" "])])
    assert empty.sentences == [] and summary.coverage == 1.0
    assert summarizer.stats.units == 1
    if "a1" in summarizer.problems:  # random weights: figures or script the article does not have
        assert summarizer.stats.retries == 1


def test_gguf_converts_to_the_same_model(tiny_qwen_gguf, tiny_qwen_ct2, tmp_path):
    from summarize.engines.convert import convert

    out = convert(tiny_qwen_gguf, tmp_path / "from-gguf")
    checkpoint = inspect_dir(out)
    assert checkpoint.decoder_only and checkpoint.family == "qwen2"
    assert json.loads((out / "summarize-model.json").read_text())["source"] == str(tiny_qwen_gguf)
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())  # nothing left of the work
    from_gguf, _ = choose_translator(str(out), EngineOptions(threads=1))
    reference, _ = choose_translator(str(tiny_qwen_ct2), EngineOptions(threads=1))
    assert from_gguf.translate(SENTENCES) == reference.translate(SENTENCES)


def test_gguf_problems_are_one_clear_error(tiny_qwen_gguf, tmp_path, monkeypatch):
    import gguf
    import numpy as np

    from summarize.engines.convert import convert

    cut = tmp_path / "cut.gguf"
    cut.write_bytes(tiny_qwen_gguf.read_bytes()[: tiny_qwen_gguf.stat().st_size * 2 // 3])
    with pytest.raises(ModelError, match="truncated"):
        convert(cut, tmp_path / "a")
    text = tmp_path / "notes.gguf"
    text.write_text("not a model")
    with pytest.raises(ModelError, match="not a GGUF file"):
        convert(text, tmp_path / "b")
    foreign = tmp_path / "rwkv.gguf"
    writer = gguf.GGUFWriter(str(foreign), "rwkv6")
    writer.add_tensor("token_embd.weight", np.zeros((4, 4), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    with pytest.raises(ModelError, match="cannot convert GGUF architecture 'rwkv6'.*qwen2"):
        convert(foreign, tmp_path / "c")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9, 1000))
    with pytest.raises(OutputError, match="too little disk"):
        convert(tiny_qwen_gguf, tmp_path / "d")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.gguf", "notes.gguf", "rwkv.gguf"]


def test_gguf_without_its_packages_says_what_to_install(tiny_qwen_gguf, tmp_path, monkeypatch):
    import importlib.util

    from summarize.engines.convert import convert

    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None if name == "accelerate" else find_spec(name, *args))
    with pytest.raises(ModelError, match="needs accelerate") as raised:
        convert(tiny_qwen_gguf, tmp_path / "out")
    assert "pip install 'summarize[transformers]'" in str(raised.value)
    assert not (tmp_path / "out").exists()
