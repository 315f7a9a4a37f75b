"""Built-in extractive summarizer: zero downloads, whole sentences, article order.

A summary carries the article's key facts. Sentences are ranked once, best first:
- the facts the headline announces (its figures, and the names in it) come first, from the
  sentence of the body that states them;
- then the lead's who and what, and sentences with the article's main figures;
- sentences that say who, where, when or how much beat an abstract thesis; quotes, scene-setting
  and questions come last;
- topical density (IDF mass of the words the article keeps coming back to) and TextRank
  centrality break ties, and a sentence too like one ranked before it is left out.
A summary is the best sentence, whole, then the next ones in rank order while they fit in the
budget, shown in article order. So a larger budget only ever adds sentences: it never drops what
a smaller one had. It stops before sentences worth much less than the best one (no padding).
Credits and datelines (记者江宝章报道：, 拉萨讯：) are cut from the start of a summary sentence.

`select_sentences` is the public entry point; the neural summarizer also uses it as a pre-selector
(with token counts as `cost`, `fill=True`) for articles longer than its input limit.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from .registry import EngineInfo, EngineOptions, Progress, Summary, SummaryRequest
from .sentence_facts import Figure, SentenceFacts, figures, is_credit, names, sentence_facts, strip_credit
from .text import HAN_CHARS

REVISION = "keyfacts-rank/1"  # bump when the output changes: caches and up-to-date exports key on it

# Score mix: set by reading summaries of development pages (benchmarks/eval_summaries.py says
# which); never fitted to the articles it reports.
HEADLINE_FIGURE_WEIGHT = 3.0  # each headline figure a sentence is first to state
HEADLINE_NAME_WEIGHT = 0.5  # share of the headline's names a sentence gives
LEAD_WEIGHT = 1.5
LEAD_DECAY = 1.0  # lead prior = 1 / (1 + position / LEAD_DECAY)
FIGURE_WEIGHT = 0.75  # main figures (amounts, counts, shares), up to two
FACT_WEIGHT = 0.75  # says who, where, when or how much
DENSITY_WEIGHT = 0.5  # idf mass of words the article repeats, per character
CENTRALITY_WEIGHT = 0.25
TITLE_WEIGHT = 1.0  # similarity of words to the headline
QUOTE_PENALTY = 1.0
SCENE_PENALTY = 1.5
QUESTION_PENALTY = 1.0
TEXTRANK_DAMPING = 0.85
REDUNDANCY_PENALTY = 0.7  # score - penalty * max similarity to a sentence ranked before
NEAR_DUPLICATE = 0.7  # never pick two sentences at least this similar
MIN_CONTENT_CHARS = 6
MIN_RELATIVE_VALUE = 0.5  # stop adding once a sentence is worth less than this share of the first

_CONTENT_CHAR = re.compile(rf"[0-9A-Za-z{HAN_CHARS}\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
# An attribution left alone by the sentence split after a quote (“……。”一位负责人说。): who said
# it, not what. Only short ones without figures: "…说" ends many a sentence that states a fact.
_ATTRIBUTION = re.compile(r"(?:说|表示|介绍|指出|称|坦言|感慨|告诉记者)[。.！!]?[”’」』）)\"']*\s*$")
MAX_ATTRIBUTION_CHARS = 20
_FINAL_PUNCT = re.compile(r"[。！？!?…；;][”’」』）)\"']*\s*$")
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
    body = strip_credit(sentence)
    if is_credit(sentence) or content_chars(body) < MIN_CONTENT_CHARS or _DATELINE_TITLE.search(sentence):
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
    """Indices of the sentences to keep, in article order: the best-ranked sentence, whole (even
    when it alone is over `budget`), then the next ones in rank order while their total `cost`
    stays within `budget`. `title` (the headline), when given, puts the sentences that state its
    facts first.

    A summary stops before sentences worth much less than the best one (no padding). With
    `fill=True`, as a pre-selector for a model's input, it keeps to the budget strictly (the best
    sentence over budget only when none fits) and adds whatever lower-ranked sentences still fit."""
    ranking = rank_sentences(sentences, title, stop_weak=not fill)
    if not ranking:
        return []
    costs = {i: cost(sentences[i]) for i in ranking}
    if fill:
        picked, spent = [], 0
        for i in ranking:
            if spent + costs[i] <= budget:
                picked.append(i)
                spent += costs[i]
        return sorted(picked or ranking[:1])
    picked, spent = ranking[:1], costs[ranking[0]]
    for i in ranking[1:]:
        if spent + costs[i] > budget:
            break  # never skip to a shorter one: a larger budget must keep what a smaller one had
        picked.append(i)
        spent += costs[i]
    return sorted(picked)


def rank_sentences(sentences: Sequence[str], title: str | None = None, *, stop_weak: bool = True) -> list[int]:
    """Indices of the summary-worthy sentences, best first, without near duplicates; with
    `stop_weak`, only those worth at least MIN_RELATIVE_VALUE of the best."""
    candidates = [i for i, s in enumerate(sentences) if not is_fragment(s)]
    if not candidates:
        candidates = [i for i, s in enumerate(sentences) if content_chars(s)]
    if not candidates:
        return []
    texts = [strip_credit(sentences[i]) for i in candidates]
    facts = [sentence_facts(text) for text in texts]
    bags = [_bag(text) for text in texts]
    similarity = _similarity(bags + ([_bag(title)] if title else []))
    scores = _scores(texts, bags, facts, similarity[: len(bags), : len(bags)])
    if title:
        scores = scores + TITLE_WEIGHT * similarity[: len(bags), -1] + _headline_names(title, facts)
    scores, similarity = scores.tolist(), similarity.tolist()
    headline_figures = figures(title) if title else []

    ranked: list[int] = []  # positions in `candidates`
    covered: list[Figure] = []
    first_value = None
    remaining = set(range(len(candidates)))
    while remaining:
        best, best_value = None, -math.inf
        for k in sorted(remaining):
            overlap = max((similarity[k][p] for p in ranked), default=0.0)
            if overlap >= NEAR_DUPLICATE:
                continue
            news = _new_headline_figures(headline_figures, covered, facts[k].figures)
            value = scores[k] + HEADLINE_FIGURE_WEIGHT * len(news) - REDUNDANCY_PENALTY * overlap
            if value > best_value:
                best, best_value = k, value
        if best is None:
            break
        if first_value is None:
            first_value = scores[best]  # what it is worth besides the headline's figures
        elif stop_weak and best_value < MIN_RELATIVE_VALUE * first_value:
            break
        ranked.append(best)
        covered += _new_headline_figures(headline_figures, covered, facts[best].figures)
        remaining.discard(best)
    return [candidates[k] for k in ranked]


def _new_headline_figures(headline: list[Figure], covered: list[Figure], stated: list[Figure]) -> list[Figure]:
    """Headline figures that `stated` gives and no sentence ranked before did."""
    return [
        h for h in headline if any(h.matches(f) for f in stated) and not any(h.matches(c) for c in covered)
    ]


def _headline_names(title: str, facts: list[SentenceFacts]):
    """HEADLINE_NAME_WEIGHT times the share of the headline's names each sentence gives; she or
    he stands for the person a headline names (a profile's 访…经营户傅妙玲)."""
    import numpy as np

    wanted = names(title)
    if not wanted:
        return np.zeros(len(facts))
    people = names(title, people_only=True)
    given = [f.names | (people if f.pronoun else set()) for f in facts]
    return HEADLINE_NAME_WEIGHT * np.array([len(wanted & g) / len(wanted) for g in given])


def _scores(texts: list[str], bags: list[Counter[str]], facts: list[SentenceFacts], similarity):
    """What each sentence is worth on its own (numpy array): lead prior, main figures, facts,
    topical density and centrality, less quotes, scenes and questions."""
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

    def flag(name: str):
        return np.array([float(getattr(f, name)) for f in facts])

    return (
        LEAD_WEIGHT * lead
        + FIGURE_WEIGHT * np.array([min(len(f.figures), 2) / 2 for f in facts])
        + FACT_WEIGHT * flag("factual")
        + DENSITY_WEIGHT * density / (density.max() or 1.0)
        + CENTRALITY_WEIGHT * rank / (rank.max() or 1.0)
        - QUOTE_PENALTY * flag("quote")
        - SCENE_PENALTY * flag("scene")
        - QUESTION_PENALTY * flag("question")
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
            summaries.append(Summary([strip_credit(request.sentences[i]) for i in picked], coverage=1.0))
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
        "built-in: the sentences with the key facts (headline figures, lead, main figures); no download",
    )
