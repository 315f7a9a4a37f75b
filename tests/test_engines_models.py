"""Both neural backends on tiny random-weight checkpoints (tests/tiny_models.py), loaded through
the code path a real checkpoint takes. Assertions are on structure and invariants: the two backends
agree token for token, every sentence gets a translation in input order, long inputs are split or
pre-selected (never truncated), loops are retried, and the fast path never imports torch."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from summarize.engines.batching import split_to_fit
from summarize.engines.checkpoint import inspect_dir
from summarize.engines.choose import choose_summarizer, choose_translator
from summarize.engines.convert import convert
from summarize.engines.ct2_backend import CT2Generator
from summarize.engines.generation import Decoding, input_limit
from summarize.engines.hf_backend import HFGenerator
from summarize.errors import ModelError, OutputError
from summarize.registry import EngineOptions, SummaryRequest, registry

REPO = Path(__file__).resolve().parents[1]
SAMPLE = (REPO / "samples" / "yiwu-front-page.txt").read_text(encoding="utf-8")


def sample_sentences(count: int | None = None) -> list[str]:
    import re

    sentences = [s for s in re.findall(r"[^。！？\n]+[。！？]?", SAMPLE) if len(s.strip()) > 1]
    return sentences[:count] if count else sentences


@pytest.fixture(scope="module")
def tiny_mt5(tmp_path_factory):
    from tiny_models import build_t5

    return build_t5(tmp_path_factory.mktemp("tiny") / "mt5", family="mt5")


@pytest.fixture(scope="module")
def float32_copies(tiny_marian, tiny_t5, tiny_mt5, tiny_bart, tmp_path_factory):
    base = tmp_path_factory.mktemp("float32")
    return {
        name: convert(path, base / name, quantization="float32")
        for name, path in (("marian", tiny_marian), ("t5", tiny_t5), ("mt5", tiny_mt5), ("bart", tiny_bart))
    }


@pytest.mark.parametrize("name", ["marian", "t5", "mt5", "bart"])
def test_backends_give_the_same_greedy_tokens(name, request, float32_copies):
    hf = HFGenerator(str(request.getfixturevalue(f"tiny_{name}")))
    ct2 = CT2Generator(inspect_dir(float32_copies[name]))
    texts = sample_sentences(12) + ["Hello world.", "今天"]
    hf_inputs, ct2_inputs = hf.encode(texts), ct2.encode(texts)
    # The model sees the same ids: CTranslate2 maps a piece missing from its vocabulary to <unk>.
    vocabulary = json.loads((float32_copies[name] / "shared_vocabulary.json").read_text())
    index = {token: i for i, token in enumerate(vocabulary)}
    unk = index["<unk>"]
    assert [list(ids) for ids in hf_inputs] == [[index.get(t, unk) for t in tokens] for tokens in ct2_inputs]
    decoding = Decoding(beam=1, max_new_tokens=16)
    hf_out, ct2_out = hf.generate(hf_inputs, decoding), ct2.generate(ct2_inputs, decoding)
    for a, b in zip(hf_out, ct2_out):
        assert [vocabulary[i] for i in a.tokens] == b.tokens
        assert a.finished == b.finished
    assert hf.decode([o.tokens for o in hf_out]) == ct2.decode([o.tokens for o in ct2_out])


def test_t5_conversion_writes_the_tokenizer_transformers_uses(tiny_t5, tiny_t5_ct2):
    assert not (tiny_t5 / "tokenizer.json").exists()
    assert (tiny_t5_ct2 / "tokenizer.json").is_file() and (tiny_t5_ct2 / "spiece.model").is_file()
    metadata = json.loads((tiny_t5_ct2 / "summarize-model.json").read_text())
    assert metadata["quantization"] == "int8" and metadata["family"] == "t5"


def test_bart_vocabulary_padded_past_the_tokenizer(tiny_bart, tiny_bart_ct2):
    config = json.loads((tiny_bart / "config.json").read_text())
    vocabulary = json.loads((tiny_bart_ct2 / "shared_vocabulary.json").read_text())
    assert len(vocabulary) == config["vocab_size"]


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_every_sentence_translated_in_order(backend, tiny_marian, float32_copies):
    spec = str(tiny_marian if backend == "transformers" else float32_copies["marian"])
    translator, notice = choose_translator(spec, EngineOptions(beam=1, threads=1))
    assert notice is None and translator.info.backend == backend and translator.info.kind == "translation"
    texts = sample_sentences(10)
    done = []
    english = translator.translate(texts, on_progress=done.append)
    assert len(english) == len(texts) and all(english)
    assert sum(done) == len(texts)
    assert english == [translator.translate([text])[0] for text in texts]


def test_blank_and_wordless_inputs_pass_through(tiny_marian_ct2):
    translator, _ = choose_translator(str(tiny_marian_ct2), EngineOptions(threads=1))
    english = translator.translate(["", "   ", "2024", "（3）", "今天天气很好。"])
    assert english[:4] == ["", "", "2024", "（3）"]
    assert english[4]


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_long_sentence_split_on_clauses_and_rejoined(backend, tiny_marian, float32_copies):
    spec = str(tiny_marian if backend == "transformers" else float32_copies["marian"])
    translator, _ = choose_translator(spec, EngineOptions(beam=1, threads=1))
    limit = input_limit(translator.settings.max_input_tokens, translator.generator)
    assert limit == 64  # the tiny Marian's position table
    long = "，".join(sample_sentences(8)).replace("。", "")
    generator = translator.generator
    count = lambda text: len(generator.encode([text])[0])  # noqa: E731
    assert count(long) > limit
    pieces = split_to_fit(long, count, limit)
    assert len(pieces) > 1 and all(count(p) <= limit for p in pieces)
    (english,) = translator.translate([long])
    assert translator.stats.split_units == 1
    assert english == " ".join(translator.translate(pieces))


@pytest.fixture(scope="module")
def looping_marian(tmp_path_factory):
    from tiny_models import build_marian

    return build_marian(tmp_path_factory.mktemp("loop") / "marian", loop=True)


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_repetition_loop_is_retried_with_beam_search(backend, looping_marian, tmp_path):
    spec = str(looping_marian if backend == "transformers" else convert(looping_marian, tmp_path / "ct2"))
    translator, _ = choose_translator(spec, EngineOptions(beam=1, threads=1))
    generator = translator.generator
    raw = generator.generate(generator.encode(["今天天气很好。"]), Decoding(beam=1, max_new_tokens=20))
    assert raw[0].tokens[:4] == ["▁the"] * 4 or generator.decode([raw[0].tokens])[0].startswith("the the the")
    texts = sample_sentences(3)
    english = translator.translate(texts)
    assert len(english) == 3 and all(english)
    assert translator.stats.retries == 3


def _requests(article_sentences: list[list[str]]) -> list[SummaryRequest]:
    return [SummaryRequest(id=f"a{i}", title=None, sentences=s) for i, s in enumerate(article_sentences)]


@pytest.mark.parametrize("name", ["t5", "bart"])
@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_long_articles_are_preselected_and_report_coverage(name, backend, request):
    spec = request.getfixturevalue(f"tiny_{name}" if backend == "transformers" else f"tiny_{name}_ct2")
    summarizer, _ = choose_summarizer(str(spec), EngineOptions(beam=1, threads=1))
    assert summarizer.info.kind == "abstractive" and summarizer.info.backend == backend
    generator = summarizer.generator
    seen: list[int] = []
    generate = generator.generate

    def recording(batch, decoding):
        seen.extend(len(tokens) for tokens in batch)
        return generate(batch, decoding)

    generator.generate = recording
    try:
        short, long = sample_sentences(2), sample_sentences()
        summaries = summarizer.summarize(_requests([short, long, []]))
    finally:
        generator.generate = generate
    assert [s.coverage for s in summaries[:1]] == [1.0]
    assert 0 < summaries[1].coverage < 1
    assert summaries[2].sentences == [] and summaries[2].coverage == 1.0
    assert all(summary.sentences for summary in summaries[:2])
    assert seen and max(seen) <= input_limit(summarizer.settings.max_input_tokens, summarizer.generator)


def test_ct2_path_never_imports_torch_or_transformers(tiny_marian_ct2, tiny_t5_ct2, tiny_bart_ct2):
    code = f"""
import sys
from summarize.engines.choose import choose_summarizer, choose_translator
from summarize.registry import EngineOptions, SummaryRequest
translator, _ = choose_translator({str(tiny_marian_ct2)!r}, EngineOptions(threads=1))
assert translator.translate(["今天天气很好。"])[0]
for path in ({str(tiny_t5_ct2)!r}, {str(tiny_bart_ct2)!r}):
    summarizer, _ = choose_summarizer(path, EngineOptions(threads=1))
    assert summarizer.summarize([SummaryRequest("a1", None, ["义乌是一座城市。"])])[0].sentences
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "transformers"))
assert not heavy, heavy
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ})
    assert result.returncode == 0, result.stderr


def test_convert_never_leaves_half_made_output(tiny_marian, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(OutputError, match="already exists"):
        convert(tiny_marian, out)
    assert (out / "keep.txt").read_text() == "mine"
    broken = tmp_path / "broken"
    shutil.copytree(tiny_marian, broken)
    config = json.loads((broken / "config.json").read_text())
    config["d_model"] = 48  # weights no longer match the config
    (broken / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError):
        convert(broken, tmp_path / "never")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "out"]
    convert(tiny_marian, out, force=True)
    assert (out / "model.bin").is_file() and not (out / "keep.txt").exists()


def test_broken_models_are_model_errors(tiny_marian, tiny_marian_ct2, tmp_path):
    from tiny_models import build_gpt2

    with pytest.raises(ModelError, match="causal language model"):
        choose_translator(str(build_gpt2(tmp_path / "gpt2")), EngineOptions(threads=1))
    truncated = tmp_path / "ct2-truncated"
    shutil.copytree(tiny_marian_ct2, truncated)
    with (truncated / "model.bin").open("r+b") as handle:
        handle.truncate((truncated / "model.bin").stat().st_size // 2)
    # Models load on first use (a cached run never loads them): the error comes then.
    translator, _ = choose_translator(str(truncated), EngineOptions(threads=1))
    with pytest.raises(ModelError, match="cannot load the CTranslate2 model"):
        translator.translate(["今天天气很好。"])
    no_tokenizer = tmp_path / "ct2-no-tokenizer"
    shutil.copytree(tiny_marian_ct2, no_tokenizer)
    for name in ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"):
        (no_tokenizer / name).unlink()
    translator, _ = choose_translator(str(no_tokenizer), EngineOptions(threads=1))
    with pytest.raises(ModelError, match="no tokenizer file"):
        translator.translate(["今天天气很好。"])


def test_missing_card_model_names_the_pull_command():
    for choose, name in ((choose_translator, "opus-mt-zh-en"), (choose_summarizer, "randeng-bart-summary")):
        with pytest.raises(ModelError, match=f"run: summarize models pull {name}"):
            choose(name, EngineOptions(threads=1))
        with pytest.raises(ModelError, match=f"run: summarize models pull {name}"):
            choose(None, EngineOptions(threads=1), strict=True)


def test_card_of_the_other_task_is_refused_before_looking_for_its_files():
    """Not pulled or pulled, a summarizer card is no translator: the error says so, not "pull it"."""
    for spec in ("randeng-bart-summary", "IDEA-CCNL/Randeng-BART-139M-SUMMARY"):
        with pytest.raises(ModelError, match="randeng-bart-summary is a summarize model, not a translate model"):
            choose_translator(spec, EngineOptions(threads=1))
    with pytest.raises(ModelError, match="opus-mt-zh-en is a translate model, not a summarize model"):
        choose_summarizer("opus-mt-zh-en", EngineOptions(threads=1))


def test_checkpoint_without_card_uses_the_task_prefix_of_its_config(tiny_t5, tiny_t5_ct2, tmp_path):
    """A T5 given by path runs with the prefix its config.json declares (task_specific_params, as
    the original T5 checkpoints have `summarize: `), on both backends; without one, the bare text."""
    params = {"summarization": {"prefix": "摘要："}, "translation_zh_to_en": {"prefix": "translate Chinese to English: "}}
    hf = shutil.copytree(tiny_t5, tmp_path / "hf")
    config = json.loads((hf / "config.json").read_text(encoding="utf-8"))
    (hf / "config.json").write_text(json.dumps({**config, "task_specific_params": params}), encoding="utf-8")
    ct2 = shutil.copytree(tiny_t5_ct2, tmp_path / "ct2")
    metadata = json.loads((ct2 / "summarize-model.json").read_text(encoding="utf-8"))
    metadata["hf_config"]["task_specific_params"] = params
    (ct2 / "summarize-model.json").write_text(json.dumps(metadata), encoding="utf-8")
    for path in (hf, ct2):
        summarizer, _ = choose_summarizer(str(path), EngineOptions(beam=1, threads=1))
        translator, _ = choose_translator(str(path), EngineOptions(beam=1, threads=1))
        assert summarizer.settings.template == "摘要：{text}"
        assert translator.settings.template == "translate Chinese to English: {text}"
    summarizer, _ = choose_summarizer(str(tiny_t5_ct2), EngineOptions(beam=1, threads=1))
    assert summarizer.settings.template == "{text}"
    summarizer, _ = choose_summarizer(str(ct2), EngineOptions(beam=1, threads=1))
    seen: list[str] = []
    encode = summarizer.generator.encode
    summarizer.generator.encode = lambda texts: (seen.extend(texts), encode(texts))[1]
    assert summarizer.summarize([SummaryRequest("a1", None, sample_sentences(4))])[0].sentences
    assert seen and all(text.startswith("摘要：") and not text.startswith("摘要：摘要") for text in seen), seen


def test_auto_choice_without_models_falls_back_or_fails():
    for choose, fallback in ((choose_translator, "gloss"), (choose_summarizer, "extractive")):
        kind = "translator" if choose is choose_translator else "summarizer"
        if not registry().has(kind, fallback):
            with pytest.raises(ModelError, match="summarize models pull"):
                choose(None, EngineOptions(threads=1))
            continue
        engine, notice = choose(None, EngineOptions(threads=1))
        assert "summarize models pull" in notice and "\n" not in notice


def test_auto_choice_prefers_the_pulled_ctranslate2_copy(tiny_marian, tiny_marian_ct2, _isolated_home):
    card_dir = _isolated_home / "models" / "opus-mt-zh-en"
    shutil.copytree(tiny_marian, card_dir / "hf")
    translator, notice = choose_translator(None, EngineOptions(threads=1))
    assert notice is None and translator.info.backend == "transformers" and translator.info.name == "opus-mt-zh-en"
    shutil.copytree(tiny_marian_ct2, card_dir / "ct2-int8")
    translator, notice = choose_translator(None, EngineOptions(threads=1))
    assert translator.info.backend == "ctranslate2" and translator.info.name == "opus-mt-zh-en"
    assert translator.info.revision.startswith("badebd2b") and translator.info.revision.endswith("+int8")
    assert translator.translate(["今天"])[0]
    with pytest.raises(ModelError, match="is a translate model, not a summarize model"):
        choose_summarizer("opus-mt-zh-en", EngineOptions(threads=1))


def test_forced_output_length_for_benchmarks(tiny_marian_ct2):
    translator, _ = choose_translator(str(tiny_marian_ct2), EngineOptions(beam=1, threads=1), settings={"force_new_tokens": 7})
    generator = translator.generator
    lengths: list[int] = []
    generate = generator.generate

    def recording(batch, decoding):
        outputs = generate(batch, decoding)
        lengths.extend(len(output.tokens) for output in outputs)
        return outputs

    generator.generate = recording
    try:
        english = translator.translate(sample_sentences(5))
    finally:
        generator.generate = generate
    assert lengths == [7] * 5 and all(english) and translator.stats.retries == 0


def test_pull_downloads_pinned_files_then_converts(tiny_marian, _isolated_home, monkeypatch):
    """The download itself is faked (no network in tests); the rest is the real pull."""
    import fnmatch

    import huggingface_hub

    from summarize.engines.pull import pull

    calls = {}

    class FakeApi:
        def list_repo_tree(self, repo_id, revision=None, recursive=False):
            from types import SimpleNamespace

            calls["listed"] = (repo_id, revision)
            files = [(p.name, p.stat().st_size) for p in tiny_marian.iterdir()] + [("pytorch_model.bin", 3 * 10**8), ("rust_model.ot", 3 * 10**8)]
            return [SimpleNamespace(path=name, size=size) for name, size in files]

    def fake_snapshot_download(repo_id, revision=None, local_dir=None, allow_patterns=None):
        calls["downloaded"] = (repo_id, revision, sorted(allow_patterns))
        Path(local_dir).mkdir(parents=True, exist_ok=True)
        for item in tiny_marian.iterdir():
            if any(fnmatch.fnmatch(item.name, pattern) for pattern in allow_patterns):
                shutil.copy2(item, Path(local_dir) / item.name)
        return local_dir

    monkeypatch.setattr(huggingface_hub, "HfApi", FakeApi)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot_download)
    monkeypatch.setattr("summarize.engines.pull._check_reachable", lambda where: None)
    monkeypatch.delenv("HF_HUB_OFFLINE")
    copies = pull("opus-mt-zh-en")
    revision = "badebd2bdd4cdfde141a969df82a0f2c4e3b1dfe"
    assert calls["listed"] == ("Helsinki-NLP/opus-mt-zh-en", revision)
    assert "model.safetensors" in calls["downloaded"][2] and "pytorch_model.bin" not in calls["downloaded"][2]
    assert {p.name for p in tiny_marian.iterdir()} <= set(calls["downloaded"][2])  # every small file, listed not assumed
    base = _isolated_home / "models" / "opus-mt-zh-en"
    assert copies == {"ct2": base / "ct2-int8", "hf": base / "hf"}
    assert sorted(p.name for p in base.iterdir()) == ["ct2-int8", "hf"]
    metadata = json.loads((base / "ct2-int8" / "summarize-model.json").read_text())
    assert metadata["revision"] == revision and metadata["quantization"] == "int8"
    # Offline, a present checkpoint still gets its CTranslate2 copy made, without the network.
    shutil.rmtree(base / "ct2-int8")
    monkeypatch.setattr(huggingface_hub, "HfApi", None)
    assert "ct2" in pull("opus-mt-zh-en", offline=True)


@pytest.mark.parametrize("name", ["t5", "mt5", "bart"])
def test_summaries_agree_between_backends(name, request, float32_copies):
    requests = _requests([sample_sentences(3), sample_sentences()[5:40], ["义乌是一座城市。"]])
    hf, _ = choose_summarizer(str(request.getfixturevalue(f"tiny_{name}")), EngineOptions(threads=1))
    ct2, _ = choose_summarizer(str(float32_copies[name]), EngineOptions(threads=1))
    assert hf.settings.beam == ct2.settings.beam == 4  # beam search, min length, no-repeat: all shared
    assert hf.summarize(requests) == ct2.summarize(requests)


def test_card_architectures_build_with_their_stated_size():
    """The architecture files are what benchmarks build: they must load in transformers and have
    the parameter count the card states (checked on the meta device: no weights allocated)."""
    import torch
    from tiny_models import random_model

    from summarize.engines.cards import load_cards

    for card in load_cards().values():
        with torch.device("meta"):
            model = random_model(card.architecture_config())
        millions = sum(p.numel() for p in model.parameters()) / 1e6
        stated = float(card.parameters[:-1]) * (1000 if card.parameters.endswith("B") else 1)
        assert abs(millions - stated) / stated < 0.05, (card.name, millions)


def test_build_from_card_makes_a_loadable_checkpoint(tmp_path):
    from tiny_models import build_from_card

    path = build_from_card("opus-mt-zh-en", tmp_path / "opus")
    translator, _ = choose_translator(str(convert(path, tmp_path / "ct2")), EngineOptions(beam=1, threads=1), settings={"force_new_tokens": 5})
    assert input_limit(translator.settings.max_input_tokens, translator.generator) == 512
    assert translator.generator.max_output_tokens == 511
    assert len(translator.translate(["义乌是一座城市。", "今天"])) == 2
