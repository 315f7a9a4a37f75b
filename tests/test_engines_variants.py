"""Checkpoints of the supported architectures that differ from the default tiny ones the way real
checkpoints do: a Marian with separate source and target vocabularies, a Marian whose generation
config does not forbid <pad>, T5/mT5 with a deeper decoder than encoder, a Chinese BART on a BERT
vocabulary (vocab.txt, [CLS]/[SEP], pytorch_model.bin) and an mBART with a forced language code.
Each must convert to CTranslate2, load, and decode exactly as transformers does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from tiny_models import SAMPLE_PAGE, build_bart, build_marian, build_t5

from summarize.engines.checkpoint import inspect_dir
from summarize.engines.choose import choose_summarizer, choose_translator
from summarize.engines.convert import convert
from summarize.engines.ct2_backend import CT2Generator
from summarize.engines.generation import Decoding
from summarize.engines.hf_backend import HFGenerator
from summarize.engines.translating import translate_lines
from summarize.registry import EngineOptions, SummaryRequest

VARIANTS = {
    "marian-separate-vocabs": lambda out: build_marian(out, separate_vocabs=True),
    "marian-pad-not-forbidden": lambda out: build_marian(out, pad_forbidden=False),
    "t5-deeper-decoder": lambda out: build_t5(out, layers=1, decoder_layers=3),
    "mt5-deeper-decoder": lambda out: build_t5(out, family="mt5", layers=1, decoder_layers=2),
    "bart-bert-vocab": lambda out: build_bart(out, bert_vocab=True),
    "mbart": lambda out: build_bart(out, family="mbart"),
}

# Short lines of the sample page (within every tiny model's input limit), English, and a word.
TEXTS = [line.strip() for line in SAMPLE_PAGE.read_text(encoding="utf-8").splitlines() if 4 <= len(line.strip()) <= 30][:10]
TEXTS += ["Hello world.", "今天"]


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("variants")
    return {name: build(base / name) for name, build in VARIANTS.items()}


@pytest.fixture(scope="module")
def float32_copies(checkpoints, tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("variants-float32")
    return {name: convert(path, base / name, quantization="float32") for name, path in checkpoints.items()}


def _target_vocabulary(ct2_dir: Path) -> list[str]:
    name = "target_vocabulary.json" if (ct2_dir / "target_vocabulary.json").is_file() else "shared_vocabulary.json"
    return json.loads((ct2_dir / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("forced", [False, True], ids=["free", "forced-length"])
@pytest.mark.parametrize("name", VARIANTS)
def test_backends_give_the_same_greedy_tokens(name, forced, checkpoints, float32_copies):
    hf = HFGenerator(str(checkpoints[name]), threads=1)
    ct2 = CT2Generator(inspect_dir(float32_copies[name]), threads=1)
    decoding = Decoding(beam=1, max_new_tokens=12, min_new_tokens=12 if forced else 0)
    hf_out = hf.generate(hf.encode(TEXTS), decoding)
    ct2_out = ct2.generate(ct2.encode(TEXTS), decoding)
    vocabulary = _target_vocabulary(float32_copies[name])
    assert [[vocabulary[i] for i in o.tokens] for o in hf_out] == [o.tokens for o in ct2_out]
    assert [o.finished for o in hf_out] == [o.finished for o in ct2_out]
    if forced:  # the forced prefix (mBART's language code) is never counted as output
        assert all(len(o.tokens) == 12 for o in hf_out + ct2_out)
    hf_text, ct2_text = hf.decode([o.tokens for o in hf_out]), ct2.decode([o.tokens for o in ct2_out])
    assert hf_text == ct2_text and any(hf_text)
    assert not any("<pad>" in text or "[PAD]" in text for text in hf_text)


def test_marian_pad_never_generated(checkpoints, float32_copies):
    """<pad> is the likeliest token of this checkpoint and its generation config does not forbid
    it; transformers must still never emit it (CTranslate2 cannot: it is not in its vocabulary)."""
    path = checkpoints["marian-pad-not-forbidden"]
    assert "bad_words_ids" not in json.loads((path / "generation_config.json").read_text())
    pad = json.loads((path / "config.json").read_text())["pad_token_id"]
    hf = HFGenerator(str(path), threads=1)
    assert int(hf.model.final_logits_bias.argmax()) == pad
    outputs = hf.generate(hf.encode(TEXTS), Decoding(beam=2, max_new_tokens=8, min_new_tokens=8))
    assert all(o.tokens and pad not in o.tokens for o in outputs)
    assert "<pad>" not in _target_vocabulary(float32_copies["marian-pad-not-forbidden"])


def test_marian_separate_vocabularies_convert_and_translate(checkpoints, tmp_path):
    path = checkpoints["marian-separate-vocabs"]
    source = json.loads((path / "vocab.json").read_text(encoding="utf-8"))
    target = json.loads((path / "target_vocab.json").read_text(encoding="utf-8"))
    int8 = convert(path, tmp_path / "int8")
    # Each side keeps its own vocabulary in id order, without the <pad> that only starts the decoder.
    for side, vocab in (("source", source), ("target", target)):
        assert json.loads((int8 / f"{side}_vocabulary.json").read_text(encoding="utf-8")) == sorted(vocab, key=vocab.get)[:-1]
    lines = [*TEXTS[:4], "", "义乌汇聚超210万种商品。今天天气很好。"]
    float32 = convert(path, tmp_path / "float32", quantization="float32")
    english = []
    for spec, backend in ((path, "transformers"), (float32, "ctranslate2"), (int8, "ctranslate2")):
        translator, _ = choose_translator(str(spec), EngineOptions(beam=1, threads=1))
        assert translator.info.backend == backend
        english.append(translate_lines(lines, translator))
    assert english[0] == english[1]
    for out in (english[0], english[2]):
        assert len(out) == len(lines) and out[4] == "" and all(out[:4] + out[5:])
        # The target sentencepiece model is English-only: Chinese in the output would mean
        # source-vocabulary tokens decoded as target ones.
        assert all(text.isascii() for text in out)


@pytest.mark.parametrize("name", ["t5-deeper-decoder", "mt5-deeper-decoder", "bart-bert-vocab"])
def test_summaries_agree_between_backends(name, checkpoints, float32_copies):
    """The summarizer's own settings (beam search, min length, no-repeat n-grams) on both backends."""
    requests = [SummaryRequest(id=f"a{i}", title=None, sentences=TEXTS[i : i + 3]) for i in range(0, 9, 3)]
    hf, _ = choose_summarizer(str(checkpoints[name]), EngineOptions(threads=1))
    ct2, _ = choose_summarizer(str(float32_copies[name]), EngineOptions(threads=1))
    assert hf.settings.beam > 1
    summaries = hf.summarize(requests)
    assert summaries == ct2.summarize(requests)
    assert all(summary.sentences for summary in summaries)


def test_bert_vocabulary_bart_converts_with_its_own_special_tokens(checkpoints, tmp_path):
    path = checkpoints["bart-bert-vocab"]
    assert (path / "pytorch_model.bin").is_file() and (path / "vocab.txt").is_file()
    assert not (path / "tokenizer.json").exists() and not (path / "model.safetensors").exists()
    int8 = convert(path, tmp_path / "int8")
    config = json.loads((int8 / "config.json").read_text(encoding="utf-8"))
    special = {name: config[name] for name in ("bos_token", "eos_token", "unk_token", "decoder_start_token")}
    assert special == {"bos_token": "[CLS]", "eos_token": "[SEP]", "unk_token": "[UNK]", "decoder_start_token": "[SEP]"}
    summarizer, _ = choose_summarizer(str(int8), EngineOptions(threads=1))
    (summary,) = summarizer.summarize([SummaryRequest(id="a1", title=None, sentences=TEXTS[:3])])
    assert summary.sentences and not any("[SEP]" in s or "[CLS]" in s for s in summary.sentences)


def test_mbart_language_code_is_a_forced_prefix(float32_copies):
    """CTranslate2 has no decoder start token for mBART: it starts from the first prefix token
    (</s>) and returns the rest (en_XX) with the output; only the output counts towards a length."""
    copy = float32_copies["mbart"]
    assert json.loads((copy / "summarize-model.json").read_text())["target_prefix"] == ["</s>", "en_XX"]
    assert json.loads((copy / "config.json").read_text())["decoder_start_token"] is None
    ct2 = CT2Generator(inspect_dir(copy), threads=1)
    outputs = ct2.generate(ct2.encode(TEXTS[:3]), Decoding(beam=2, max_new_tokens=6, min_new_tokens=6))
    assert [len(o.tokens) for o in outputs] == [6, 6, 6]


def test_sentinels_keep_their_rows_and_unused_rows_get_unique_names(tiny_t5, tiny_t5_ct2):
    """T5's embedding matrix runs past its tokenizer, which already has <extra_id_N> sentinels:
    the unused rows get names of their own instead of repeating the sentinels'."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(tiny_t5))
    vocabulary = json.loads((tiny_t5_ct2 / "shared_vocabulary.json").read_text(encoding="utf-8"))
    rows = json.loads((tiny_t5 / "config.json").read_text())["vocab_size"]
    assert len(vocabulary) == rows > len(tokenizer) and len(set(vocabulary)) == rows
    assert vocabulary[: len(tokenizer)] == tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
    assert all(token.startswith("<unused_") for token in vocabulary[len(tokenizer) :])
