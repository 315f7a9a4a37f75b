"""Wrong-sense rate of the English key-facts gloss, judged by hand on real-layout pages.

    python benchmarks/gloss_senses.py sample [--per-page 60] [--seed 14] > sample.tsv
    python benchmarks/gloss_senses.py score [--judged benchmarks/gloss_judgements.tsv]

`sample` glosses every sentence (titles, subtitles, body) of the pages below as the `gloss`
translator does (default glossary), and draws glossed items of each page at random with a fixed
seed: one row per item, `Chinese<TAB>English<TAB>sentence<TAB>page`. A person then judges each in its sentence and
writes `Chinese<TAB>English<TAB>ok|wrong<TAB>note` (benchmarks/gloss_judgements.tsv). "wrong": a
reader would take a wrong meaning from it (a date as a duration, a word's sense not the one
meant, pinyin for what is no name); a loose but right word is "ok".

`score` draws the same sample again and reports the share judged wrong, and lists any item of
the sample without a judgement (the gloss changed since: judge it).

Pages: the sample page (samples/), the seed pages (../shared/seeds/, when present, duplicates of
another page left out) and benchmarks/pages/.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SEEDS = REPO.parent / "shared" / "seeds"
JUDGED = REPO / "benchmarks" / "gloss_judgements.tsv"


def pages() -> list[Path]:
    found = [*sorted((REPO / "samples").glob("*.txt")), *sorted((REPO / "benchmarks" / "pages").glob("*.txt"))]
    for seeds in (SEEDS, Path("/work/shared/seeds")):
        if seeds.is_dir():
            found += sorted(seeds.glob("*.txt"))
            break
    unique, texts = [], set()
    for path in found:
        text = path.read_text(encoding="utf-8")
        if text not in texts:
            texts.add(text)
            unique.append(path)
    return unique


def glossed_items() -> Iterator[tuple[str, str, str, str]]:
    """(Chinese, English, sentence, page name) for every key fact of every sentence of the pages."""
    from summarize.gloss import key_fact_pairs
    from summarize.glossary import default_glossary
    from summarize.segmentation import segment_text

    glossary = default_glossary()
    for path in pages():
        for article in segment_text(path.read_text(encoding="utf-8")).articles:
            texts = [t for t in (article.title, article.subtitle) if t]
            texts += [s.text for p in article.body_paragraphs for s in p.sentences]
            for text in texts:
                for zh, en in key_fact_pairs(text, glossary):
                    yield zh, en, text, path.name


def sample(per_page: int, seed: int) -> list[tuple[str, str, str, str]]:
    """Up to `per_page` items of each page, drawn at random, in page order."""
    items = list(glossed_items())
    drawn = []
    for page in dict.fromkeys(item[3] for item in items):
        on_page = [i for i, item in enumerate(items) if item[3] == page]
        drawn += random.Random(seed).sample(on_page, min(per_page, len(on_page)))
    return [items[i] for i in sorted(drawn)]


def load_judgements(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    judged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            zh, en, verdict, *note = line.split("\t")
            judged[zh, en] = (verdict, note[0] if note else "")
    return judged


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("sample", "score"))
    parser.add_argument("--per-page", type=int, default=60, help="items to draw from each page")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--judged", type=Path, default=JUDGED)
    args = parser.parse_args(argv)

    drawn = sample(args.per_page, args.seed)
    if args.command == "sample":
        for zh, en, sentence, page in drawn:
            print(f"{zh}\t{en}\t{sentence}\t{page}")
        return 0
    judged = load_judgements(args.judged)
    total = sum(1 for _ in glossed_items())
    print(f"{total} glossed items on {len(pages())} pages, {len(drawn)} drawn (seed {args.seed})")
    print("| page | items judged | wrong | wrong share |")
    print("|---|---:|---:|---:|")
    for name in [*(p.name for p in pages()), "all"]:
        rows = [(zh, en) for zh, en, _, page in drawn if name in (page, "all") and (zh, en) in judged]
        wrong = sum(judged[row][0] == "wrong" for row in rows)
        print(f"| {name} | {len(rows)} | {wrong} | {100 * wrong / max(len(rows), 1):.1f}% |")
    for zh, en, _, page in drawn:
        verdict, note = judged.get((zh, en), ("not judged", ""))
        if verdict != "ok":
            print(f"  {verdict}: {zh} -> {en}  ({page}) {note}")
    return 1 if any((zh, en) not in judged for zh, en, _, _ in drawn) else 0


if __name__ == "__main__":
    raise SystemExit(main())
