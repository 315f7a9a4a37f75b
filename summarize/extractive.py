"""Built-in extractive summarizer: zero downloads, whole sentences, article order.

Each content sentence gets a score that adds
- a news lead prior: reporters put the key facts first;
- topical density: IDF mass, per character, of the words the article keeps coming back to;
- TextRank centrality (PageRank over cosine similarity of IDF-weighted jieba words);
- similarity to the headline, when there is one;
then a greedy maximal-marginal-relevance pass picks sentences that fit the budget, skipping near
duplicates of those already picked, and stops before padding with much weaker ones. Picked
sentences come back in article order and are never cut: when not even one fits, the best one is
taken whole.

`select_sentences` is the public entry point; the neural summarizer also uses it as a pre-selector
(with token counts as `cost`, `fill=True`) for articles longer than its input limit.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from .registry import EngineInfo, EngineOptions, Progress, Summary, SummaryRequest
from .text import HAN_CHARS

REVISION = "textrank-lead-mmr/2"  # bump when the output changes: caches and up-to-date exports key on it

# Score mix (chosen by two-fold cross-validation on news; see benchmarks/eval_summaries.py).
LEAD_WEIGHT = 1.5
DENSITY_WEIGHT = 0.75  # idf mass of words the article repeats, per character
CENTRALITY_WEIGHT = 0.25
TITLE_WEIGHT = 2.0  # not tuned: the benchmark's headlines are its references
LEAD_DECAY = 1.0  # lead prior = 1 / (1 + position / LEAD_DECAY)
TEXTRANK_DAMPING = 0.85
REDUNDANCY_PENALTY = 0.7  # MMR lambda: score - penalty * max similarity to a picked sentence
NEAR_DUPLICATE = 0.7  # never pick two sentences at least this similar
QUESTION_PENALTY = 0.5  # questions (rhetorical, or a reader's) rarely state a key fact
MIN_CONTENT_CHARS = 6
MIN_RELATIVE_VALUE = 0.6  # stop adding once a sentence is worth less than this share of the first

_CONTENT_CHAR = re.compile(rf"[0-9A-Za-z{HAN_CHARS}\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_QUESTION = re.compile(r"[？?][”’」』）)\"']*\s*$")
# An attribution left alone by the sentence split after a quote (“……。”一位负责人说。): who said
# it, not what. Only short ones without figures: "…说" ends many a sentence that states a fact.
_ATTRIBUTION = re.compile(r"(?:说|表示|介绍|指出|称|坦言|感慨|告诉记者)[。.！!]?[”’」』）)\"']*\s*$")
MAX_ATTRIBUTION_CHARS = 20
_FINAL_PUNCT = re.compile(r"[。！？!?…；;][”’」』）)\"']*\s*$")
# Newspaper furniture at the start of a sentence: 本报讯, datelines (新华社北京7月26日电), a
# bracketed byline right after them.
_LEADING_FURNITURE = re.compile(
    rf"^\s*(?:本报讯|[{HAN_CHARS}]{{0,16}}?\d{{1,2}}月\d{{1,2}}日(?:电|讯)|本报[{HAN_CHARS}]{{0,6}}电)"
    r"\s*(?:[（(][^）)]{0,40}[）)])?\s*"
)
# A wire dateline followed by the story's title (新华社成都7月26日电 题：...): a headline, not news.
_DATELINE_TITLE = re.compile(r"电\s*题\s*[：:]")
# Whole-sentence furniture (only checked on short sentences without final punctuation).
_FURNITURE = (
    re.compile(r"^(?:来源|作者|责任编辑|编辑|校对|摄影|图片|图|文|供图|记者|通讯员)\s*[：:]"),
    re.compile(rf"(?:记者|通讯员|评论员|编辑|特约撰稿)(?:[\s·、，,]*[{HAN_CHARS}·]{{2,4}})*\s*$"),
    re.compile(r"(?:\s(?:摄|作)|摄|供图)\s*$"),  # photo and drawing credits
    re.compile(r"^\s*[（(【\[][^）)】\]]*[）)】\]]\s*$"),  # (完), (下转第二版), 【编辑:...】
)


def content_chars(text: str) -> int:
    """Han characters, letters and digits in `text` (what ROUGE and the budget care about)."""
    return len(_CONTENT_CHAR.findall(text))


def is_fragment(sentence: str) -> bool:
    """True for text that is not a summary-worthy sentence: datelines or bylines alone, photo
    credits, source lines, bracketed notes like (下转第二版), fragments of a few characters."""
    body = _LEADING_FURNITURE.sub("", sentence, count=1)
    if content_chars(body) < MIN_CONTENT_CHARS or _DATELINE_TITLE.search(sentence):
        return True
    if _ATTRIBUTION.search(body) and content_chars(body) <= MAX_ATTRIBUTION_CHARS and not re.search(r"\d", body):
        return True
    if _FINAL_PUNCT.search(sentence) or content_chars(sentence) > 40:
        return False
    return any(pattern.search(sentence) for pattern in _FURNITURE)


def select_sentences(
    sentences: Sequence[str],
    budget: int,
    cost: Callable[[str], int] = len,
    title: str | None = None,
    *,
    fill: bool = False,
) -> list[int]:
    """Indices of the sentences to keep, in article order, whose total `cost` is at most
    `budget`; at least one sentence whenever any has content (the best one, whole, if none
    fits). `title` (the headline), when given, pulls the choice towards what it is about.

    A summary stops before sentences worth much less than the best one (no padding); with
    `fill=True` it keeps adding whatever still fits, as a pre-selector for a model's input."""
    candidates = [i for i, s in enumerate(sentences) if not is_fragment(s)]
    if not candidates:
        candidates = [i for i, s in enumerate(sentences) if content_chars(s)]
    if not candidates:
        return []
    texts = [_LEADING_FURNITURE.sub("", sentences[i], count=1) for i in candidates]
    bags = [_bag(text) for text in texts]
    similarity = _similarity(bags + ([_bag(title)] if title else []))
    scores = _scores(texts, bags, similarity[: len(bags), : len(bags)])
    if title:
        scores = scores + TITLE_WEIGHT * similarity[: len(bags), -1]
    scores, similarity = scores.tolist(), similarity.tolist()

    costs = [cost(sentences[i]) for i in candidates]
    picked: list[int] = []  # positions in `candidates`
    spent, first_value = 0, 0.0
    remaining = set(range(len(candidates)))
    while remaining:
        best, best_value = None, -math.inf
        for k in sorted(remaining):
            if spent + costs[k] > budget:
                continue
            overlap = max((similarity[k][p] for p in picked), default=0.0)
            if overlap >= NEAR_DUPLICATE:
                continue
            value = scores[k] - REDUNDANCY_PENALTY * overlap
            if value > best_value:
                best, best_value = k, value
        weak = picked and first_value > 0 and best_value < MIN_RELATIVE_VALUE * first_value
        if best is None or (weak and not fill):
            break
        if not picked:
            first_value = best_value
        picked.append(best)
        spent += costs[best]
        remaining.discard(best)
    if not picked:
        picked = [max(range(len(candidates)), key=lambda k: (scores[k], -k))]
    return sorted(candidates[k] for k in picked)


def _scores(texts: list[str], bags: list[Counter[str]], similarity):
    """Lead prior + topical density + TextRank centrality (numpy array, one score a sentence)."""
    import numpy as np

    from .chinese_words import idf_table

    idf, unseen = idf_table()
    spread = Counter(word for bag in bags for word in bag)  # sentences each word occurs in
    density = np.array(
        [
            sum(idf.get(w, unseen) for w in bag if spread[w] > 1) / max(content_chars(text), 1)
            for text, bag in zip(texts, bags)
        ]
    )
    rank = _textrank(similarity)
    lead = 1.0 / (1.0 + np.arange(len(texts)) / LEAD_DECAY)
    questions = np.array([bool(_QUESTION.search(text)) for text in texts])
    return (
        LEAD_WEIGHT * lead
        + DENSITY_WEIGHT * density / (density.max() or 1.0)
        + CENTRALITY_WEIGHT * rank / (rank.max() or 1.0)
        - QUESTION_PENALTY * questions
    )


def _similarity(bags: list[Counter[str]]):
    """Cosine similarity matrix of IDF-weighted bags of words."""
    import numpy as np

    from .chinese_words import idf_table

    idf, unseen = idf_table()
    vocabulary: dict[str, int] = {}
    for bag in bags:
        for word in bag:
            vocabulary.setdefault(word, len(vocabulary))
    matrix = np.zeros((len(bags), len(vocabulary)))
    for row, bag in enumerate(bags):
        for word, count in bag.items():
            matrix[row, vocabulary[word]] = count * idf.get(word, unseen)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return matrix @ matrix.T


def _textrank(similarity, iterations: int = 100):
    """PageRank over the similarity graph, without self-loops."""
    import numpy as np

    n = len(similarity)
    weights = similarity.copy()
    np.fill_diagonal(weights, 0.0)
    out = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, out, out=np.zeros_like(weights), where=out > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        new = (1 - TEXTRANK_DAMPING) / n + TEXTRANK_DAMPING * (transition.T @ rank)
        converged = np.abs(new - rank).max() < 1e-9
        rank = new
        if converged:
            break
    return rank


def _bag(text: str) -> Counter[str]:
    from .chinese_words import words

    return Counter(words(text))


class ExtractiveSummarizer:
    """The `extractive` summarizer backend: whole sentences within `options.summary_chars`."""

    def __init__(self, options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()
        self.info = EngineInfo(name="extractive", backend="extractive", revision=REVISION, kind="extractive")

    def summarize(
        self, requests: Sequence[SummaryRequest], *, on_progress: Progress | None = None
    ) -> list[Summary]:
        summaries = []
        for request in requests:
            picked = select_sentences(request.sentences, self.options.summary_chars, title=request.title)
            summaries.append(Summary([request.sentences[i] for i in picked], coverage=1.0))
            if on_progress:
                on_progress(1)
        return summaries


def _factory(model: str | None, options: EngineOptions) -> ExtractiveSummarizer:
    return ExtractiveSummarizer(options)


def register(registry) -> None:
    registry.add(
        "summarizer",
        "extractive",
        _factory,
        "built-in: whole sentences picked by TextRank, lead and headline (no download)",
    )
