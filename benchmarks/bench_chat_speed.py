"""Speed of the chat-model (decoder-only) path against the raw engine.

    python benchmarks/bench_chat_speed.py [--card qwen2.5-1.5b-instruct] [--units N] [--threads N] [--smoke]

Model: random weights with the exact architecture of the card (models/<card>.config.json: Qwen2.5
1.5B Instruct by default), a small byte-level tokenizer, converted to CTranslate2 int8 with the
project's converter. Output lengths are forced (48 tokens per translated unit, 96 per summary), so
the model does the work a real one does; prompts are the packaged ones with their real slots.

Measured on the units of one page (titles and every sentence of samples/yiwu-front-page.txt; --units
takes the first N), in one process:
  pipeline:  InstructTranslator.translate (prompt building, tokenization, length-sorted batches
             sized by memory, the system prompt as CTranslate2's cached static prompt, decoding);
  raw:       one bare Generator.generate_batch over the same token sequences and static prompt,
             CTranslate2 sorting and batching them itself at the pipeline's mean batch size;
  no static: the pipeline with the system prompt recomputed for every unit.
Target: pipeline / raw <= 1.15. Generated tokens per second are reported for each, and the
summarizer's time for the page's articles. On a shared machine the load changes more between two
runs than the pipeline adds, so the pipeline's own time (everything outside the model's
generate_batch calls: prompts, tokenization, batching, decoding, cleaning and judging the answers)
is reported too. Random weights answer garbage, which the guard would ask again for: with forced
lengths it judges every answer but does not retry (a retry would be garbage again and double the
work); the retries a user's run would make on such output are reported as guard_retries_skipped. --smoke runs it on the tiny test model (numbers mean
nothing); --model DIR times an existing CTranslate2 chat model of that architecture instead of
building one (a real checkpoint's weights do not change the time of forced lengths). The last line
of output is one JSON object with the results.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "samples" / "yiwu-front-page.txt"
FORCED = {"translate": 48, "summarize": 96}
TARGET = 1.15


def build(card: str, work: Path, smoke: bool) -> Path:
    sys.path.insert(0, str(REPO / "tests"))
    import tiny_models

    from summarize.engines.convert import convert

    hf = work / "hf"
    if smoke:
        tiny_models.build_qwen2(hf)
    else:
        tiny_models.build_from_card(card, hf)
    return convert(hf, work / "ct2-int8")


def page_units(limit: int | None):
    from summarize.pipeline import SummaryRequest, read_pages

    (page,), _ = read_pages([str(PAGE)])
    units = [a.title for a in page.articles if a.title]
    units += [s.text for a in page.articles for p in a.paragraphs for s in p.sentences if s.text.strip()]
    requests = [SummaryRequest(a.id, a.title, [s.text for p in a.body_paragraphs for s in p.sentences]) for a in page.articles]
    return units[:limit] if limit else units, requests


def engines(model: Path, threads: int | None, static: bool):
    from summarize.engines.choose import choose_summarizer, choose_translator
    from summarize.registry import EngineOptions

    options = EngineOptions(beam=1, threads=threads)
    translator, _ = choose_translator(str(model), options, settings={"force_new_tokens": FORCED["translate"], "static_prompt": static})
    summarizer, _ = choose_summarizer(str(model), options, settings={"force_new_tokens": FORCED["summarize"], "static_prompt": static})
    return translator, summarizer


def timing(model) -> list[float]:
    """Seconds of each `model.generate` call from now on, in a list the caller may clear."""
    spent: list[float] = []
    generate = model.generate

    def timed_generate(*args, **kwargs):
        start = time.perf_counter()
        try:
            return generate(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    model.generate = timed_generate
    return spent


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--card", default="qwen2.5-1.5b-instruct")
    parser.add_argument("--units", type=int, default=None, help="first N units of the page (default: all)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--smoke", action="store_true", help="the tiny test model: checks that the benchmark runs")
    parser.add_argument("--model", type=Path, default=None, help="time this CTranslate2 chat model instead of building one (lengths stay forced)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-chat-") as tmp:
        start = time.perf_counter()
        model = args.model or build(args.card, Path(tmp), args.smoke)
        print(f"model {model} ready in {time.perf_counter() - start:.0f} s")
        units, requests = page_units(args.units)
        translator, summarizer = engines(model, args.threads, static=True)
        uncached, _ = engines(model, args.threads, static=False)
        translator.translate(units[:2])  # load the model, compute and cache the static prompt
        static, prompts = translator._prompt_tokens([translator._slots(unit) for unit in units])
        generator = translator.model._generator
        model_s = timing(translator.model)
        before, skipped_before = translator.stats.batches, translator.stats.retries_skipped
        pipeline_s, raw_s, uncached_s, own_s = [], [], [], []
        for _ in range(args.repeat):
            model_s.clear()
            pipeline_s.append(timed(lambda: translator.translate(units)))
            own_s.append(pipeline_s[-1] - sum(model_s))
            batch = max(1, round(len(units) / max(1, (translator.stats.batches - before) / len(pipeline_s))))
            raw_s.append(
                timed(
                    lambda batch=batch: generator.generate_batch(
                        [list(p) for p in prompts], static_prompt=list(static or []) or None, include_prompt_in_result=False,
                        max_length=FORCED["translate"], min_length=FORCED["translate"], max_batch_size=batch, beam_size=1,
                    )
                )
            )  # fmt: skip
            uncached_s.append(timed(lambda: uncached.translate(units)))
        summary_s = timed(lambda: summarizer.summarize(requests))
    tokens = len(units) * FORCED["translate"]
    pipeline, raw, no_static, own = (statistics.median(x) for x in (pipeline_s, raw_s, uncached_s, own_s))
    skipped = (translator.stats.retries_skipped - skipped_before) // args.repeat
    results = {
        "model": str(args.model) if args.model else args.card if not args.smoke else "tiny",
        "units": len(units),
        "batch_size": batch,
        "static_prompt_tokens": len(static or []),
        "pipeline_s": round(pipeline, 2),
        "raw_s": round(raw, 2),
        "no_static_s": round(no_static, 2),
        "pipeline_over_raw": round(pipeline / raw, 3),
        "pipeline_own_s": round(own, 3),
        "pipeline_own_share": round(own / pipeline, 4),
        "guard_retries_skipped": skipped,
        "pipeline_tokens_per_s": round(tokens / pipeline, 1),
        "raw_tokens_per_s": round(tokens / raw, 1),
        "no_static_tokens_per_s": round(tokens / no_static, 1),
        "summaries": len(requests),
        "summaries_s": round(summary_s, 1),
        "summary_tokens_per_s": round(len(requests) * FORCED["summarize"] / summary_s, 1),
    }
    verdict = "ok" if results["pipeline_over_raw"] <= TARGET else "OVER TARGET"
    print(f"{len(units)} units x {FORCED['translate']} tokens, batches of ~{batch}, static prompt {len(static or [])} tokens")
    print(f"pipeline   {pipeline:7.1f} s  {results['pipeline_tokens_per_s']:6.1f} tokens/s")
    print(f"raw        {raw:7.1f} s  {results['raw_tokens_per_s']:6.1f} tokens/s   pipeline/raw {results['pipeline_over_raw']} (<= {TARGET}: {verdict})")
    print(f"pipeline's own time (outside generate_batch) {own:.2f} s, {100 * own / pipeline:.1f}% of it")
    print(f"guard: {skipped} of {len(units)} answers would be asked again (random weights; not retried, lengths forced)")
    print(f"no static  {no_static:7.1f} s  {results['no_static_tokens_per_s']:6.1f} tokens/s")
    print(f"summaries  {summary_s:7.1f} s for {len(requests)} articles x {FORCED['summarize']} tokens")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
