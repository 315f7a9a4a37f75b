"""Character-level ROUGE of extractive summaries against news headlines.

Runs every method on the same documents, at the same character budget, and prints one table
(plain and README-ready Markdown):

    python benchmarks/eval_summaries.py [--data DIR] [--budget 120] [--min-sentences 3]

Data: ../shared/eval/wmt21_newstest_zh_en (WMT21 newstest2021 zh-en, Chinese-original news, with a
heuristic document split, `*.docs.heuristic.jsonl`). That text is for internal evaluation only:
this script reads it in place and prints scores, never text.

Protocol
- Reference: the document's headline (`headline_zh`, without its web-site suffix such as -新华网).
- Body: the document's other lines that end like a sentence (。！？…), split into sentences.
  Headlines, sub-headlines, bylines, source/editor lines and `电 题：` lines (which repeat the
  headline) are not sentences of the body, so no method can copy the reference.
- No method sees the headline (ours runs with title=None).
- Budget: every baseline ranks sentences its own way; sentences are then taken in that rank order
  when they fit in the remaining budget (characters, as `len`), and shown in article order; when
  none fits, the top-ranked one is taken whole. Ours (`select_sentences`) keeps to the same budget
  and the same none-fits rule, but stops before sentences worth much less than its best one;
  `fill=True` makes it fill the budget like the baselines (the "budget filled" rows compare equal
  lengths).
- ROUGE-1/2/L F1 on characters: Han characters, letters and digits; punctuation and white space
  ignored; letters lower-cased.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from summarize.extractive import select_sentences  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval" / "wmt21_newstest_zh_en"
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


def evaluate(documents, budget: int) -> list[dict]:
    methods: dict[str, Callable[[list[str]], list[int]]] = {
        "Lead-1": lambda s, r=lead(1): within_budget(s, r(s), budget),
        "Lead-3": lambda s, r=lead(3): within_budget(s, r(s), budget),
        "Lead, budget filled": lambda s: within_budget(s, range(len(s)), budget),
        "sumy TextRank (jieba)": lambda s, r=sumy_ranker("textrank"): within_budget(s, r(s), budget),
        "sumy LexRank (jieba)": lambda s, r=sumy_ranker("lexrank"): within_budget(s, r(s), budget),
        "summarize extractive": lambda s: select_sentences(s, budget, title=None),
        "summarize extractive, fill=True": lambda s: select_sentences(s, budget, title=None, fill=True),
    }
    rows = []
    for name, method in methods.items():
        r1, r2, rl, lengths, over = [], [], [], [], 0
        for headline, sentences in documents:
            picked = method(sentences)
            summary = "".join(sentences[i] for i in picked)
            cand, ref = units(summary), units(headline)
            r1.append(rouge_n(cand, ref, 1))
            r2.append(rouge_n(cand, ref, 2))
            rl.append(rouge_l(cand, ref))
            lengths.append(len(summary))
            over += len(summary) > budget
        rows.append(
            {
                "method": name,
                "rouge1": 100 * statistics.fmean(r1),
                "rouge2": 100 * statistics.fmean(r2),
                "rougeL": 100 * statistics.fmean(rl),
                "chars": statistics.fmean(lengths),
                "over": over,
            }
        )
    return rows


def markdown(rows: list[dict], documents: int, budget: int) -> str:
    lines = [
        f"Character-level ROUGE F1 (×100) against the headline, {documents} WMT21 newstest2021 "
        f"zh documents, budget {budget} characters, no method sees the headline. Over budget: "
        "summaries longer than the budget (when no sentence fits, the top one is taken whole).",
        "",
        "| method | ROUGE-1 | ROUGE-2 | ROUGE-L | mean chars | over budget |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['method']} | {row['rouge1']:.2f} | {row['rouge2']:.2f} | {row['rougeL']:.2f} "
            f"| {row['chars']:.0f} | {row['over']} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the WMT21 zh-en copy")
    parser.add_argument("--budget", type=int, default=120, help="summary budget in characters")
    parser.add_argument("--min-sentences", type=int, default=3, help="skip shorter documents")
    args = parser.parse_args(argv)

    documents = load_documents(args.data, args.min_sentences)
    rows = evaluate(documents, args.budget)
    width = max(len(row["method"]) for row in rows)
    print(f"{len(documents)} documents, budget {args.budget} characters\n")
    print(f"{'method':<{width}}  ROUGE-1  ROUGE-2  ROUGE-L  chars  over budget")
    for row in rows:
        print(
            f"{row['method']:<{width}}  {row['rouge1']:7.2f}  {row['rouge2']:7.2f}  "
            f"{row['rougeL']:7.2f}  {row['chars']:5.0f}"
        )
    print("\nMarkdown:\n")
    print(markdown(rows, len(documents), args.budget))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
