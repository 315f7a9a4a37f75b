"""Engine building blocks without models: batching, splitting, loop detection, selection, cards,
and the checks that turn broken model directories into one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.engines.batching import split_to_fit, token_budget_batches
from summarize.engines.cards import apply_prompt, default_card, load_cards, require_card
from summarize.engines.checkpoint import check_safetensors, inspect_dir
from summarize.engines.generation import Decoding, looks_looped
from summarize.engines.summarizing import join_sentences, lead_sentences, split_summary
from summarize.errors import ModelError, UsageError

# --- batching -------------------------------------------------------------------------------------


@given(st.lists(st.integers(min_value=1, max_value=300), max_size=200), st.integers(8, 4096), st.integers(1, 64))
def test_batches_cover_every_index_once_within_budget(lengths, max_tokens, max_batch):
    batches = token_budget_batches(lengths, max_tokens=max_tokens, max_batch=max_batch)
    flat = [i for batch in batches for i in batch]
    assert sorted(flat) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) <= max_batch
        if len(batch) > 1:
            assert max(lengths[i] for i in batch) * len(batch) <= max_tokens


def test_batches_group_similar_lengths():
    lengths = [5, 100, 6, 98, 7, 99]
    batches = token_budget_batches(lengths, max_tokens=300, max_batch=3)
    assert [sorted(lengths[i] for i in b) for b in batches] == [[98, 99, 100], [5, 6, 7]]


CHINESE = "义乌市场历经六次迁址、十三次扩建、五轮迭代，从方寸摊位到世界超市；汇聚超210万种商品：联通全球230多个国家和地区"


@given(st.text(alphabet="义乌市场商品，；：、。 abc,;:3", min_size=1, max_size=300), st.integers(2, 40))
@settings(max_examples=200)
def test_split_to_fit_is_lossless_and_within_limit(text, limit):
    pieces = split_to_fit(text, len, limit)
    assert "".join(pieces) == text
    assert all(len(piece) <= limit for piece in pieces)


def test_split_prefers_clause_marks():
    pieces = split_to_fit(CHINESE, len, 30)
    assert all(piece[-1] in "，；：、" for piece in pieces[:-1])
    assert len(pieces) > 1


def test_split_keeps_numbers_with_ascii_commas():
    text = "Exports reached 3,000,000 tons, up 5%; imports fell: 2,500 tons"
    pieces = split_to_fit(text, len, 32)
    assert "".join(pieces) == text
    assert not any(piece.endswith(("3,", "000,")) for piece in pieces)


# --- loop detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tokens, text, finished, looped",
    [
        (["▁the", "▁city", "▁said"], "the city said", True, False),
        (["a"] * 6, "aaaaaa", False, True),
        (["▁of", "▁the"] * 5, "of the " * 5, True, True),
        (["▁of", "▁the"] * 3 + ["."], "of the of the of the.", False, True),
        (["▁of", "▁the"] * 2 + ["."], "of the of the.", True, False),
        (["融"] * 3, "融融融", True, False),
        (["x", "y"], "哈" * 9, True, True),
        (["▁very", "▁very", "▁good"], "very very good", True, False),
    ],
)
def test_looks_looped(tokens, text, finished, looped):
    assert looks_looped(tokens, text, finished=finished) is looped


def test_retry_decoding_uses_beam_search():
    retry = Decoding(beam=1, no_repeat_ngram_size=0).for_retry()
    assert retry.beam >= 4 and retry.no_repeat_ngram_size == 3


# --- summaries ------------------------------------------------------------------------------------


def test_lead_sentences_within_budget():
    sentences = ["一二三", "四五六七", "八九", "十"]
    assert lead_sentences(sentences, 7) == [0, 1]
    assert lead_sentences(sentences, 100) == [0, 1, 2, 3]
    assert lead_sentences(sentences, 1) == [0]


def test_join_sentences_spaces_only_between_latin():
    assert join_sentences(["他说。", "We agree.", "Then left.", "好。"]) == "他说。We agree. Then left.好。"


def test_split_summary_removes_spaces_inside_chinese():
    assert split_summary("义 乌 市场 扩建 。 商品 超 210 万 种 ！") == ["义乌市场扩建。", "商品超 210 万种！"]


# --- cards ----------------------------------------------------------------------------------------


def test_default_cards_and_architectures():
    cards = load_cards()
    assert default_card("translate").name == "opus-mt-zh-en"
    assert default_card("summarize").task == "summarize"
    for card in cards.values():
        config = card.architecture_config()
        assert config["model_type"] == card.family
        assert config.get("is_encoder_decoder", False) is (card.task != "chat")  # chat cards: decoder-only
        assert "{text}" in card.template
        assert len(card.revision) == 40 and int(card.revision, 16) >= 0


def test_unknown_card_is_a_usage_error():
    with pytest.raises(UsageError, match="no model card named 'nope'"):
        require_card("nope")


def test_prompt_replacement_keeps_braces():
    assert apply_prompt("summary:{text}", "a {b} c") == "summary:a {b} c"


# --- broken model directories ---------------------------------------------------------------------


def _one_line(error: Exception) -> str:
    text = str(error)
    assert "\n" not in text
    return text


def test_missing_directory(tmp_path):
    with pytest.raises(ModelError) as info:
        inspect_dir(tmp_path / "nothing")
    assert str(tmp_path / "nothing") in _one_line(info.value)


def test_not_a_model_directory(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ModelError, match="not a model directory"):
        inspect_dir(tmp_path)


def _hf_dir(tmp_path: Path, config: dict, files: dict[str, bytes]) -> Path:
    (tmp_path / "config.json").write_text(json.dumps(config))
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def _safetensors_bytes(length: int = 16) -> bytes:
    header = json.dumps({"w": {"dtype": "F32", "shape": [length // 4], "data_offsets": [0, length]}}).encode()
    return len(header).to_bytes(8, "little") + header + b"\0" * length


def test_causal_lm_config_is_rejected(tmp_path):
    path = _hf_dir(tmp_path, {"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"]}, {"model.safetensors": _safetensors_bytes()})
    with pytest.raises(ModelError, match=r"causal language model \(gpt2\)"):
        inspect_dir(path)


def test_unsupported_seq2seq_family(tmp_path):
    path = _hf_dir(tmp_path, {"model_type": "whisper", "is_encoder_decoder": True}, {"model.safetensors": _safetensors_bytes()})
    with pytest.raises(ModelError, match="unsupported seq2seq family 'whisper'"):
        inspect_dir(path)


def test_invalid_config_json(tmp_path):
    (tmp_path / "config.json").write_text("{not json")
    with pytest.raises(ModelError, match="config.json is not valid JSON"):
        inspect_dir(tmp_path)


def test_missing_weights(tmp_path):
    path = _hf_dir(tmp_path, {"model_type": "t5", "is_encoder_decoder": True}, {"spiece.model": b"x"})
    with pytest.raises(ModelError, match="no weight file"):
        inspect_dir(path)


def test_truncated_safetensors(tmp_path):
    data = _safetensors_bytes(64)
    path = _hf_dir(tmp_path, {"model_type": "t5", "is_encoder_decoder": True}, {"model.safetensors": data[:-10], "spiece.model": b"x"})
    with pytest.raises(ModelError, match="truncated"):
        inspect_dir(path)
    (tmp_path / "model.safetensors").write_bytes(b"garbage")
    with pytest.raises(ModelError, match="truncated or corrupt"):
        check_safetensors(tmp_path / "model.safetensors")


def test_marian_missing_tokenizer_file(tmp_path):
    files = {"model.safetensors": _safetensors_bytes(), "source.spm": b"x", "vocab.json": b"{}"}
    path = _hf_dir(tmp_path, {"model_type": "marian", "is_encoder_decoder": True}, files)
    with pytest.raises(ModelError, match=r"Marian tokenizer file\(s\) missing: target.spm"):
        inspect_dir(path)


def test_missing_tokenizer(tmp_path):
    path = _hf_dir(tmp_path, {"model_type": "bart", "is_encoder_decoder": True}, {"model.safetensors": _safetensors_bytes()})
    with pytest.raises(ModelError, match="no tokenizer file"):
        inspect_dir(path)


@pytest.mark.parametrize(
    "files, message",
    [
        ({"shared_vocabulary.json": b"[]", "config.json": b"{}"}, "without model.bin"),
        ({"model.bin": b"x" * 64, "shared_vocabulary.json": b"[]"}, "without config.json"),
        ({"model.bin": b"x" * 64, "config.json": b"{}"}, "without vocabulary files"),
    ],
)
def test_wrong_files_in_ct2_dir(tmp_path, files, message):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with pytest.raises(ModelError, match=message):
        inspect_dir(tmp_path)
