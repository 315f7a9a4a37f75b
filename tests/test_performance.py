"""The mechanisms behind the speed and memory targets (timed in benchmarks/bench_speed.py, never
here): memory-sized batches, per-task forced lengths, number repair as an option, the compact IDF
table, and the benchmark's own steps at tiny scale."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.engines.batching import DecoderMemory
from summarize.engines.cards import require_card
from summarize.engines.choose import choose_summarizer, choose_translator
from summarize.engines.generation import Decoding, Output, Stats
from summarize.engines.inference import generate_all, release_free_memory
from summarize.pipeline import Engines, RunOptions, read_pages, run_pages
from summarize.registry import EngineOptions

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = REPO / "samples" / "yiwu-front-page.txt"

# --- batches sized by decoding memory ---------------------------------------------------------------


def test_decoder_memory_of_the_default_cards():
    marian = DecoderMemory.from_config(require_card("opus-mt-zh-en").architecture_config())
    assert marian.token_bytes == 2 * 6 * 512 * 4  # keys and values, 6 decoder layers of 512, float32
    assert marian.row_tokens == -(-5 * 65001 * 4 // marian.token_bytes)  # five vocabulary buffers
    bart = DecoderMemory.from_config(require_card("randeng-bart-summary").architecture_config())
    assert bart.token_bytes == 2 * 6 * 768 * 4
    # A beam of 4 costs four rows; a budget in bytes becomes a budget in token equivalents.
    assert marian.row_cost(30, 48, beam=4) == 4 * (30 + 48 + marian.row_tokens)
    assert marian.budget(marian.token_bytes * 1000) == 1000


def test_decoder_memory_of_t5_uses_its_attention_width_and_needs_sizes():
    t5 = DecoderMemory.from_config({"num_layers": 12, "num_decoder_layers": 24, "d_model": 1024, "num_heads": 32, "d_kv": 128, "vocab_size": 32128})
    assert t5.token_bytes == 2 * 24 * 32 * 128 * 4
    assert DecoderMemory.from_config({"model_type": "marian"}) is None
    assert DecoderMemory.from_config({"d_model": "512", "decoder_layers": 6, "vocab_size": 10}) is None


class FakeGenerator:
    """Echoes its inputs; records the batches it is given."""

    backend = "fake"
    max_input_tokens = 512
    max_output_tokens = 512

    def __init__(self, memory: DecoderMemory | None):
        self.memory = memory
        self.batches: list[list[list[str]]] = []

    def generate(self, batch, decoding: Decoding):
        self.batches.append([list(tokens) for tokens in batch])
        return [Output(tokens=list(tokens)[: decoding.max_new_tokens], finished=True) for tokens in batch]

    def decode(self, outputs):
        return [" ".join(tokens) for tokens in outputs]


@given(st.lists(st.integers(1, 300), min_size=1, max_size=120), st.integers(1, 4), st.integers(2, 64))
def test_memory_sized_batches_cover_every_input_once_within_budget(lengths, beam, megabytes):
    memory = DecoderMemory(token_bytes=24576, row_tokens=53)
    generator = FakeGenerator(memory)
    encoded = [[f"t{i}"] * length for i, length in enumerate(lengths)]

    def decoding_for(batch):
        return Decoding(beam=beam, max_new_tokens=2 * max(lengths[i] for i in batch) + 10)

    outputs = generate_all(generator, encoded, decoding_for, Stats(), retry_loops=False, max_batch_bytes=megabytes * 2**20)
    assert outputs == [" ".join(tokens) for tokens in encoded]  # in input order, nothing lost
    assert sorted(len(tokens) for batch in generator.batches for tokens in batch) == sorted(lengths)
    budget = memory.budget(megabytes * 2**20)
    for batch in generator.batches:
        longest = max(len(tokens) for tokens in batch)
        if len(batch) > 1:  # a single input over budget gets a batch of its own
            assert len(batch) * memory.row_cost(longest, 2 * longest + 10, beam) <= budget


def test_batches_of_short_inputs_are_capped_by_rows_not_only_tokens():
    """Short sentences of a large-vocabulary model: the vocabulary buffers limit the rows."""
    small_vocab, large_vocab = DecoderMemory(24576, 10), DecoderMemory(24576, 400)
    counts = []
    for memory in (small_vocab, large_vocab):
        generator = FakeGenerator(memory)
        generate_all(generator, [["x"] * 10] * 200, lambda batch: Decoding(max_new_tokens=20), Stats(), retry_loops=False)
        counts.append(max(len(batch) for batch in generator.batches))
    assert counts[0] > counts[1]


def test_unknown_model_sizes_fall_back_to_padded_input_tokens():
    generator = FakeGenerator(None)
    generate_all(generator, [["x"] * 100] * 50, lambda batch: Decoding(max_new_tokens=8), Stats(), retry_loops=False)
    assert all(len(batch) * 100 <= 2048 for batch in generator.batches)


def test_releasing_free_memory_is_harmless():
    release_free_memory()
    release_free_memory()


# --- forced lengths per task, repair as an option ---------------------------------------------------


def test_forced_lengths_can_differ_per_task(tiny_marian_ct2, tiny_bart_ct2):
    options = EngineOptions(threads=1, beam=1)
    translator, _ = choose_translator(str(tiny_marian_ct2), options, settings={"force_new_tokens": 7})
    summarizer, _ = choose_summarizer(str(tiny_bart_ct2), options, settings={"force_new_tokens": 11})
    assert (translator.settings.force_new_tokens, summarizer.settings.force_new_tokens) == (7, 11)
    only_translation = EngineOptions(threads=1)
    summarizer, _ = choose_summarizer(str(tiny_bart_ct2), only_translation)
    assert summarizer.settings.force_new_tokens is None


def test_number_repair_can_be_turned_off(fake_backends):
    """Outputs without the source's numbers (as random weights give) are translated a second time
    with repair on; with it off each text is translated once, and the failed checks still show."""
    pages, _ = read_pages([str(SAMPLE_PAGE)])
    texts_translated = {}
    for repair in (True, False):
        engine = EngineOptions(threads=1, beam=1)
        engines = Engines(RunOptions(full=True, summarizer="extractive", translator=fake_backends, use_cache=False, repair=repair, engine=engine))
        calls = []
        engines.translator.translate = lambda texts, calls=calls, **_: calls.append(len(texts)) or [_no_numbers(t) for t in texts]
        [digest] = run_pages(pages, engines)
        texts_translated[repair] = calls
        assert any(f.check == "numbers" for f in digest.findings)
    assert len(texts_translated[False]) == 1 and len(texts_translated[True]) == 2
    assert RunOptions(repair=False).fingerprint() != RunOptions().fingerprint()


def _no_numbers(text: str) -> str:
    """English of a plausible length, with no numbers in it."""
    return " ".join("market" + "abcdefghij"[i % 10] for i in range(len(text)))


# --- the compact IDF table ----------------------------------------------------------------------------


def test_idf_table_answers_like_the_file():
    from importlib.resources import files

    from summarize.chinese_words import idf_table

    table, median = idf_table()
    lines = (files("jieba") / "analyse" / "idf.txt").read_text(encoding="utf-8").splitlines()
    sample = dict(line.split(" ") for line in lines[::997])
    assert all(table.get(word, -1.0) == float(value) for word, value in sample.items())
    assert table.get("这个词不在词表里xyz", median) == median
    assert len(table) == len(lines)


# --- the benchmark's steps at tiny scale ----------------------------------------------------------------


@pytest.fixture
def bench_speed():
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import bench_speed

        yield bench_speed
    finally:
        sys.path.remove(str(REPO / "benchmarks"))


def test_benchmark_steps_run_on_tiny_models(bench_speed, tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("BENCH_PAGE", str(SAMPLE_PAGE))
    monkeypatch.setenv("BENCH_THREADS", "1")
    bench_speed.child_build(tmp_path, smoke=True)
    prepared = bench_speed.child_prepare(tmp_path)
    assert prepared["summaries"] == 5 and prepared["units"] > 100
    assert "ctranslate2" in prepared["engines"]
    recorded = json.loads((tmp_path / "inputs.json").read_text(encoding="utf-8"))
    assert len(recorded["translate"]) == prepared["units"]

    pipeline = bench_speed.child_pipeline(tmp_path, repair=False)
    assert pipeline["units"] == prepared["units"] and pipeline["summaries"] == 5
    assert 0 < pipeline["summarize_s"] < pipeline["wall_s"] and 0 < pipeline["translate_s"] < pipeline["wall_s"]
    raw = bench_speed.child_raw(tmp_path, "translate")
    assert raw["units"] == prepared["units"] and raw["tokens"] == prepared["units"] * bench_speed.FORCED["translate"]
    naive = bench_speed.child_naive(tmp_path, "summarize", budget_s=0)
    assert naive["measured_units"] == 1 and naive["extrapolated"] and naive["units"] == 5
    assert naive["tokens"] == 5 * bench_speed.FORCED["summarize"]
