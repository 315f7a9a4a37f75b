"""Article summaries on a seq2seq model, never silently truncated.

Token counts come from the model's own tokenizer. An article that fits the model's input limit
(prompt included) goes in whole (coverage 1.0). A longer one is cut down by extractive
pre-selection: the sentences worth most within the token budget (summarize.extractive's
`select_sentences` when available, else the lead), a sentence longer than the whole budget split
into clauses first; `Summary.coverage` reports the fraction of the article's characters the model
read. All articles go through one length-sorted batch stream; looping outputs are retried with
beam search.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..registry import Progress, Summary, SummaryRequest
from ..text import sentence_texts
from .batching import split_to_fit
from .cards import apply_prompt
from .generation import Decoding, Seq2SeqSettings, Tokens
from .inference import Seq2SeqEngine

Selector = Callable[..., list[int]]

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


@dataclass(frozen=True)
class SummarySettings(Seq2SeqSettings):
    summary_chars: int = 120
    """Target summary length in characters (the output token cap is derived from it)."""


@dataclass
class _Plan:
    tokens: Tokens
    coverage: float
    chars_cap: int
    """Output token cap for about `summary_chars` characters of this article's text."""


class Seq2SeqSummarizer(Seq2SeqEngine):
    """A `Summarizer` (summarize.registry) on one loaded generator."""

    settings: SummarySettings

    def summarize(self, requests: Sequence[SummaryRequest], *, on_progress: Progress | None = None) -> list[Summary]:
        plans = [self._plan(request) for request in requests]
        results = [Summary(sentences=[], coverage=1.0) for _ in requests]
        todo = [index for index, plan in enumerate(plans) if plan is not None]
        if on_progress is not None and len(todo) < len(requests):
            on_progress(len(requests) - len(todo))
        if not todo:
            return results
        encoded = [plans[index].tokens for index in todo]
        self.stats.units += len(encoded)

        def decoding_for(batch: list[int]) -> Decoding:
            longest = max(len(encoded[unit]) for unit in batch)
            chars_cap = max(plans[todo[unit]].chars_cap for unit in batch)
            return self._decoding(longest, chars_cap)

        def batch_done(batch: list[int]) -> None:
            if on_progress is not None:
                on_progress(len(batch))

        outputs = self.generate_all(encoded, decoding_for, batch_done)
        for index, text in zip(todo, outputs):
            results[index] = Summary(sentences=split_summary(text), coverage=plans[index].coverage)
        return results

    def release(self) -> None:
        """Free the model's memory while other work runs (it loads again for the next summaries):
        the pipeline translates with the summarizer idle, and its 150 MB (the default model, int8)
        make room for the translator's batches."""
        release = getattr(self.generator, "release", None)
        if release is not None:
            release()

    def _plan(self, request: SummaryRequest) -> _Plan | None:
        sentences = [sentence.strip() for sentence in request.sentences if sentence.strip()]
        if not sentences:
            return None
        template, limit = self.settings.template, self.input_limit()
        body = join_sentences(sentences)
        tokens = self._encode(apply_prompt(template, body, request.title))
        chars_cap = math.ceil(self.settings.summary_chars * len(tokens) / max(1, len(body)) * 1.25) + 4
        if len(tokens) <= limit:
            return _Plan(tokens=tokens, coverage=1.0, chars_cap=chars_cap)
        self.stats.split_units += 1
        overhead = len(self._encode(apply_prompt(template, "", request.title)))

        def cost(text: str) -> int:
            return max(1, len(self._encode(apply_prompt(template, text, request.title))) - overhead)

        budget = max(1, limit - overhead)
        pieces = [piece for sentence in sentences for piece in split_to_fit(sentence, cost, budget)]
        chosen = sorted(selector()(pieces, budget, cost=cost, title=request.title, fill=True)) or [0]
        while True:
            tokens = self._encode(apply_prompt(template, join_sentences([pieces[i] for i in chosen]), request.title))
            if len(tokens) <= limit or len(chosen) <= 1:
                break
            chosen.pop()  # budget estimates are per sentence; the joined text may count a few more
        covered = sum(len(pieces[i]) for i in chosen)
        return _Plan(tokens=tokens, coverage=covered / sum(len(s) for s in sentences), chars_cap=chars_cap)

    def _encode(self, text: str) -> Tokens:
        return self.generator.encode([text])[0]

    def _decoding(self, longest: int, chars_cap: int) -> Decoding:
        generation = self.settings.generation
        cap = min(
            generation.max_new_tokens,
            self.generator.max_output_tokens,
            chars_cap,
            math.ceil(generation.max_length_ratio * longest) + generation.max_length_offset,
        )
        cap = max(1, cap)
        return Decoding(
            beam=self.settings.beam,
            max_new_tokens=cap,
            min_new_tokens=min(generation.min_new_tokens, cap // 2),
            no_repeat_ngram_size=generation.no_repeat_ngram_size,
            repetition_penalty=generation.repetition_penalty,
            length_penalty=generation.length_penalty,
        ).forced(self.settings.force_new_tokens)


def selector() -> Selector:
    """summarize.extractive.select_sentences(sentences, budget, cost=len, title=None, fill=True)
    -> indices in article order (`fill`: use the whole budget, as a model's input should), or the
    lead of the article when that module is not installed."""
    try:
        from .. import extractive
    except ImportError:
        return lead_sentences
    return getattr(extractive, "select_sentences", lead_sentences)


def lead_sentences(
    sentences: Sequence[str], budget: int, cost: Callable[[str], int] = len, title: str | None = None, *, fill: bool = True
) -> list[int]:
    """The first sentences of the article, as many as fit the budget (news puts the gist first);
    same call as select_sentences (`title` and `fill` do not change a lead)."""
    chosen: list[int] = []
    used = 0
    for index, sentence in enumerate(sentences):
        spent = cost(sentence)
        if used + spent > budget:
            break
        chosen.append(index)
        used += spent
    return chosen or [0]


def join_sentences(sentences: Sequence[str]) -> str:
    """Chinese sentences join without spaces; a space only between two Latin-script ends."""
    text = ""
    for sentence in sentences:
        if text and text[-1].isascii() and text[-1] not in " \n" and sentence[:1].isascii():
            text += " "
        text += sentence
    return text


def split_summary(text: str) -> list[str]:
    """Model output as clean sentences: no spaces inside Chinese text, split as the page is."""
    text = _SPACE_IN_CJK.sub("", text.strip())
    return sentence_texts(text)
