"""Translation quality of any translator on professional references, with and without the
glossary and number repair around it.

    python benchmarks/eval_translation.py --translator NAME|DIR [--set ntrex|wmt21|both] [--limit N]

Data (/work/shared/eval, see its SOURCES.md; override with --data): NTREX-128 (WMT19 English news
and its professional Chinese translation, CC BY-SA 4.0: Chinese in, the original English as the
reference) and WMT21 newstest zh-en (Chinese-original news and reference A; internal evaluation
only: never copy its text anywhere). `--limit N` takes N segments spread evenly over each set (a
CPU translates a 1.5B chat model's 2,000 segments in hours); the output says how many were used.

Two passes over the same segments:
  plain:            the translator alone (`Translator.translate`);
  glossary+repair:  what `summarize run` does: glossary terms written in before translation,
                    numbers checked and wrong ones retranslated (pipeline.translate_texts).
Reported for each: chrF and BLEU (sacrebleu, corpus level), and the share of segments with a
number finding and with Chinese left in the English (summarize.checks). The last line of output
is one JSON object with the results.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DATA = Path("/work/shared/eval")
SETS = {
    "ntrex": ("ntrex128_zh_en/newstest2019-ref.zho-CN.txt", "ntrex128_zh_en/newstest2019-src.eng.txt"),
    "wmt21": ("wmt21_newstest_zh_en/newstest2021.zh-en.src.zh", "wmt21_newstest_zh_en/newstest2021.zh-en.ref.A.en"),
}
CHINESE_LEFT = ("untranslated", "echo")


def load_set(data: Path, name: str, limit: int | None) -> tuple[list[str], list[str]]:
    """(Chinese, English reference) segments, `limit` of them spread evenly over the set."""
    source, reference = (data / part for part in SETS[name])
    zh = source.read_text(encoding="utf-8").splitlines()
    en = reference.read_text(encoding="utf-8").splitlines()
    if len(zh) != len(en):
        raise SystemExit(f"{source} and {reference} are not line-aligned ({len(zh)} and {len(en)} lines)")
    if limit and limit < len(zh):
        picked = [round(i * (len(zh) - 1) / max(1, limit - 1)) for i in range(limit)]
        zh, en = [zh[i] for i in picked], [en[i] for i in picked]
    return zh, en


def shares(findings: list[list[str]]) -> dict[str, float]:
    """Share of segments with a number finding, and with Chinese left in the English."""
    total = max(1, len(findings))
    return {
        "numbers": sum(any(check == "numbers" for check, *_ in f) for f in findings) / total,
        "chinese_left": sum(any(check in CHINESE_LEFT for check, *_ in f) for f in findings) / total,
    }


def scores(hypotheses: list[str], references: list[str]) -> dict[str, float]:
    import sacrebleu

    return {
        "chrf": round(sacrebleu.corpus_chrf(hypotheses, [references]).score, 2),
        "bleu": round(sacrebleu.corpus_bleu(hypotheses, [references]).score, 2),
    }


def evaluate(engines, zh: list[str], en: list[str]) -> dict:
    from summarize.cache import Cache
    from summarize.checks import check_pair
    from summarize.pipeline import translate_texts

    started = time.perf_counter()
    plain = engines.translator.translate(zh)
    plain_s = time.perf_counter() - started
    plain_findings = [[[f.check, f.message] for f in check_pair(z, e, glossary=engines.glossary)] for z, e in zip(zh, plain)]
    started = time.perf_counter()
    done = translate_texts(zh, engines, Cache(None))
    full_s = time.perf_counter() - started
    repaired = [done[z][0] for z in zh]
    return {
        "segments": len(zh),
        "plain": {**scores(plain, en), **shares(plain_findings), "seconds": round(plain_s, 1)},
        "glossary_repair": {**scores(repaired, en), **shares([done[z][1] for z in zh]), "seconds": round(full_s, 1)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--translator", required=True, help="card name, model directory, or a registered backend (gloss)")
    parser.add_argument("--set", choices=(*SETS, "both"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="segments per set, spread evenly (default: all)")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)

    from summarize.pipeline import Engines, RunOptions
    from summarize.registry import EngineOptions

    engines = Engines(RunOptions(translator=args.translator, summarizer="extractive", use_cache=False, engine=EngineOptions(threads=args.threads)))
    print(f"translator: {engines.translator.info.name} ({engines.translator.info.backend}, {engines.translator.info.revision})")
    results = {"translator": engines.translator.info.name, "sets": {}}
    for name in SETS if args.set == "both" else (args.set,):
        zh, en = load_set(args.data, name, args.limit)
        result = evaluate(engines, zh, en)
        results["sets"][name] = result
        for variant in ("plain", "glossary_repair"):
            r = result[variant]
            print(
                f"{name} ({result['segments']} segments) {variant:<16} chrF {r['chrf']:5.1f}  BLEU {r['bleu']:5.1f}  "
                f"number findings {r['numbers']:.1%}  Chinese left {r['chinese_left']:.1%}  ({r['seconds']} s)"
            )
        sys.stdout.flush()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
