"""How well extractive summaries carry an article's key facts, for ours and the usual baselines.

Every method runs on the same articles at the same character budget; one table each (plain and
README-ready Markdown):

    python benchmarks/eval_summaries.py [--data DIR] [--budget 120] [--min-sentences 3]

1. Reference summaries (benchmarks/reference_summaries.tsv): short summaries written in our own
   words for the articles of real-layout pages (the sample page, `dev`: read while the summarizer
   was built; benchmarks/pages/, `test`: written, with their references, before the summarizer was
   run on them, and never tuned on). Character ROUGE-1/2/L F1 against the reference, and the share
   of the reference's figures (amounts, counts, shares) the summary keeps. Articles come from the
   real segmenter; sentences are what the pipeline gives a summarizer; ours gets the headline.
2. WMT21 newstest2021 zh-en (../shared/eval/wmt21_newstest_zh_en, Chinese-original news, heuristic
   document split; internal evaluation only: read in place, only scores printed):
   - headline ROUGE: character ROUGE against the headline, which no method sees (ours runs with
     title=None); headlines and `电 题：` lines are not body sentences, so none can be copied;
   - headline figures kept: of the documents whose headline states a figure the body repeats, the
     share of those figures in the summary; ours gets the headline, as in the product.

Budget rule: every baseline ranks sentences its own way (Lead: article order; sumy: its rating),
then takes them in that order while they fit (characters, `len`), shown in article order; when none
fits, the top one whole. Ours takes its best sentence whole, then the next while they fit, and
stops before sentences worth much less than its best (it may be shorter than the budget).
ROUGE is on characters: Han characters, letters and digits; punctuation and white space ignored.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from summarize.extractive import select_sentences  # noqa: E402
from summarize.sentence_facts import Figure, figures, strip_credit  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval" / "wmt21_newstest_zh_en"
REFERENCES = REPO / "benchmarks" / "reference_summaries.tsv"
_SITE_SUFFIX = re.compile(r"\s*[-－]\s*[^-－]*(?:网|网站|在线|要闻|头条|经济观察)\s*$")
_SENTENCE = re.compile(r"[^。！？!?…]+(?:[。！？!?…]+[”’」』）)]*|$)")
_SENTENCE_END = re.compile(r"[。！？!?…][”’」』）)]*$")
_UNIT = re.compile(r"[0-9a-z\u3400-\u9fff]")

Ranker = Callable[[list[str]], list[int]]


def clean_headline(line: str) -> str:
    while True:
        shorter = _SITE_SUFFIX.sub("", line)
        if shorter == line or not shorter.strip():
            return line.strip()
        line = shorter


def body_sentences(lines: Sequence[str]) -> list[str]:
    sentences = []
    for line in lines:
        line = line.strip()
        if not _SENTENCE_END.search(line) or re.search(r"电\s*题\s*[：:]", line):
            continue
        sentences.extend(s.strip() for s in _SENTENCE.findall(line) if s.strip())
    return sentences


def load_documents(data: Path, min_sentences: int) -> list[tuple[str, list[str]]]:
    path = next(data.glob("*.docs.heuristic.jsonl"), None)
    if path is None:
        sys.exit(f"eval_summaries: no *.docs.heuristic.jsonl in {data}")
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        headline = clean_headline(doc["headline_zh"])
        sentences = body_sentences(doc["zh"][1:])
        if headline and len(sentences) >= min_sentences:
            documents.append((headline, sentences))
    return documents


# --- ROUGE on characters --------------------------------------------------------------------------


def units(text: str) -> list[str]:
    return _UNIT.findall(text.lower())


def _f1(overlap: float, produced: int, reference: int) -> float:
    if not overlap or not produced or not reference:
        return 0.0
    precision, recall = overlap / produced, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: list[str], reference: list[str], n: int) -> float:
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def rouge_l(candidate: list[str], reference: list[str]) -> float:
    previous = [0] * (len(reference) + 1)
    for c in candidate:
        current = [0]
        for j, r in enumerate(reference):
            current.append(previous[j] + 1 if c == r else max(previous[j + 1], current[j]))
        previous = current
    return _f1(previous[-1], len(candidate), len(reference))


# --- methods ----------------------------------------------------------------------------------------


def within_budget(sentences: Sequence[str], ranking: Sequence[int], budget: int) -> list[int]:
    """The shared budget rule: take ranked sentences that still fit; none fits: the top one."""
    picked, spent = [], 0
    for i in ranking:
        if spent + len(sentences[i]) <= budget:
            picked.append(i)
            spent += len(sentences[i])
    return sorted(picked or list(ranking[:1]))


def lead(k: int) -> Ranker:
    return lambda sentences: list(range(min(k, len(sentences))))


def sumy_ranker(kind: str) -> Ranker:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    from summarize.chinese_words import jieba_module

    jieba_module()  # sumy's Chinese tokenizer is jieba; load it quietly
    tokenizer = Tokenizer("chinese")
    summarizer = TextRankSummarizer() if kind == "textrank" else LexRankSummarizer()
    summarizer.stop_words = get_stop_words("chinese")

    def rank(sentences: list[str]) -> list[int]:
        objects = [Sentence(s, tokenizer) for s in sentences]
        document = ObjectDocumentModel([Paragraph(objects)])
        order: list[int] = []

        def keep_ranking(infos):  # sumy passes sentence infos sorted by rating, best first
            order.extend(info.order for info in infos)
            return infos

        summarizer(document, keep_ranking)
        return order

    return rank


def methods(budget: int) -> dict[str, Callable[[list[str], str | None], list[int]]]:
    """name -> (sentences, headline) -> picked indices. Only ours reads the headline."""
    textrank, lexrank = sumy_ranker("textrank"), sumy_ranker("lexrank")
    return {
        "Lead-1": lambda s, t: within_budget(s, lead(1)(s), budget),
        "Lead-3": lambda s, t: within_budget(s, lead(3)(s), budget),
        "Lead, budget filled": lambda s, t: within_budget(s, range(len(s)), budget),
        "sumy TextRank (jieba)": lambda s, t: within_budget(s, textrank(s), budget),
        "sumy LexRank (jieba)": lambda s, t: within_budget(s, lexrank(s), budget),
        "summarize extractive": lambda s, t: select_sentences(s, budget, title=t),
    }


def summary_text(sentences: Sequence[str], picked: Sequence[int]) -> str:
    return "".join(strip_credit(sentences[i]) for i in picked)


def figures_kept(wanted: Sequence[Figure], summary: str) -> tuple[int, int]:
    """(figures of `wanted` the summary states, how many were wanted)."""
    stated = figures(summary)
    return sum(any(w.matches(f) for f in stated) for w in wanted), len(wanted)


def _rouge_row(pairs: Sequence[tuple[str, str]]) -> dict:
    """Mean ROUGE F1 (×100) of (summary, reference) pairs, and mean summary length."""
    r1, r2, rl = [], [], []
    for summary, reference in pairs:
        cand, ref = units(summary), units(reference)
        r1.append(rouge_n(cand, ref, 1))
        r2.append(rouge_n(cand, ref, 2))
        rl.append(rouge_l(cand, ref))
    return {
        "rouge1": 100 * statistics.fmean(r1),
        "rouge2": 100 * statistics.fmean(r2),
        "rougeL": 100 * statistics.fmean(rl),
        "chars": statistics.fmean(len(summary) for summary, _ in pairs),
    }


# --- 1. reference summaries on real-layout pages ------------------------------------------------------


def load_references(path: Path = REFERENCES) -> list[dict]:
    """One dict per reference: page, split, headline, sentences (as the pipeline gives them)."""
    from summarize.segmentation import segment_text
    from summarize.segmentation.patterns import strip_dateline

    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    pages: dict[str, list] = {}
    articles = []
    for page_path, split, key, reference in rows:
        if page_path not in pages:
            pages[page_path] = segment_text((REPO / page_path).read_text(encoding="utf-8")).articles
        for article in pages[page_path]:
            headline = " ".join(t for t in (article.title, article.subtitle) if t)
            sentences = [strip_dateline(s.text) for p in article.body_paragraphs for s in p.sentences]
            if key in headline or (sentences and key in sentences[0]):
                article_fields = {"page": page_path, "split": split, "key": key, "headline": headline or None}
                articles.append({**article_fields, "sentences": sentences, "reference": reference})
                break
        else:
            sys.exit(f"eval_summaries: no article of {page_path} has {key!r} in its headline or first sentence")
    return articles


def evaluate_references(articles: list[dict], budget: int) -> list[dict]:
    rows = []
    for name, method in methods(budget).items():
        for split in sorted({a["split"] for a in articles}, key=lambda s: s != "test"):
            chosen = [a for a in articles if a["split"] == split]
            summaries = [summary_text(a["sentences"], method(a["sentences"], a["headline"])) for a in chosen]
            kept = [figures_kept(figures(a["reference"]), text) for a, text in zip(chosen, summaries)]
            row = _rouge_row([(text, a["reference"]) for a, text in zip(chosen, summaries)])
            row.update(method=name, split=split, articles=len(chosen), figures=_share(kept))
            rows.append(row)
    return rows


def monotone_failures(articles: list[dict], budgets: Sequence[int] = (60, 120, 200)) -> int:
    """Articles whose summary at a larger budget leaves out a sentence a smaller one had."""
    failures = 0
    for a in articles:
        picks = [set(select_sentences(a["sentences"], b, title=a["headline"])) for b in budgets]
        failures += any(not small <= large for small, large in pairwise(picks))
    return failures


# --- 2. WMT21: headline ROUGE and headline figures ----------------------------------------------------


def evaluate_headlines(documents, budget: int) -> list[dict]:
    rows = []
    for name, method in methods(budget).items():
        pairs = [(summary_text(s, method(s, None)), headline) for headline, s in documents]
        row = _rouge_row(pairs)
        row["over"] = sum(len(summary) > budget for summary, _ in pairs)
        row["method"] = name
        rows.append(row)
    return rows


def headline_figures(headline: str, sentences: Sequence[str]) -> list[Figure]:
    """The headline's figures that the body states too."""
    body = figures("".join(sentences))
    return [f for f in figures(headline) if any(f.matches(b) for b in body)]


def evaluate_headline_figures(documents, budget: int) -> tuple[int, list[dict]]:
    chosen = [(h, s, headline_figures(h, s)) for h, s in documents]
    chosen = [c for c in chosen if c[2]]
    rows = []
    for name, method in methods(budget).items():
        kept = [figures_kept(wanted, summary_text(s, method(s, h))) for h, s, wanted in chosen]
        rows.append({"method": name, "figures": _share(kept), "count": sum(n for _, n in kept)})
    return len(chosen), rows


def _share(kept: Sequence[tuple[int, int]]) -> float:
    total = sum(n for _, n in kept)
    return 100 * sum(k for k, _ in kept) / total if total else 0.0


# --- report -------------------------------------------------------------------------------------------


def markdown(references: list[dict], monotone: int, n_articles: int, headline_rows: list[dict],
             figure_docs: int, figure_rows: list[dict], documents: int, budget: int) -> str:  # fmt: skip
    lines = [
        (
            f"Reference summaries ({n_articles} articles), budget {budget} characters: character ROUGE F1 (×100) "
            "and the share of the reference's figures in the summary. `test`: pages held out; `dev`: the sample page."
        ),
        "",
        "| method | split | articles | ROUGE-1 | ROUGE-2 | ROUGE-L | figures kept | mean chars |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in references:
        lines.append(
            f"| {r['method']} | {r['split']} | {r['articles']} | {r['rouge1']:.1f} | {r['rouge2']:.1f} | "
            f"{r['rougeL']:.1f} | {r['figures']:.0f}% | {r['chars']:.0f} |"
        )
    lines += [
        "",
        f"Budgets 60 -> 120 -> 200: {monotone} of {n_articles} articles lose a sentence as the budget grows.",
        "",
        (
            f"WMT21 newstest2021 zh, {documents} documents, budget {budget}: character ROUGE F1 (×100) against the "
            f"headline (no method sees it), and headline figures kept ({figure_docs} documents whose headline "
            "states a figure the body repeats; ours sees the headline here)."
        ),
        "",
        "| method | ROUGE-1 | ROUGE-2 | ROUGE-L | mean chars | over budget | headline figures kept |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    kept = {r["method"]: r for r in figure_rows}
    for r in headline_rows:
        f = kept[r["method"]]
        lines.append(
            f"| {r['method']} | {r['rouge1']:.2f} | {r['rouge2']:.2f} | {r['rougeL']:.2f} | {r['chars']:.0f} "
            f"| {r['over']} | {f['figures']:.1f}% of {f['count']} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the WMT21 zh-en copy")
    parser.add_argument("--budget", type=int, default=120, help="summary budget in characters")
    parser.add_argument("--min-sentences", type=int, default=3, help="skip shorter WMT21 documents")
    args = parser.parse_args(argv)

    articles = load_references()
    references = evaluate_references(articles, args.budget)
    monotone = monotone_failures(articles)
    documents = load_documents(args.data, args.min_sentences)
    headline_rows = evaluate_headlines(documents, args.budget)
    figure_docs, figure_rows = evaluate_headline_figures(documents, args.budget)
    print(markdown(references, monotone, len(articles), headline_rows, figure_docs, figure_rows,
                   len(documents), args.budget))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
