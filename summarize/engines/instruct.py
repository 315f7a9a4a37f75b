"""Translation and summaries on an instruct (chat) model.

One unit per prompt: a sentence (or title, or summary sentence) to translate, an article to
summarize. The prompt file's system text is the static prefix of every prompt; the user text
carries the unit with its glossary terms and the exact English of its amounts. All prompts go
through one length-sorted, memory-sized batch stream (as on the seq2seq path). Every answer is
cleaned of chatter and judged (summarize.engines.guard): an answer that is not usable (Chinese
echoed, a refusal, an explanation, a loop; for summaries also a figure or name not in the article)
is asked again once with the prompt's retry line. What still fails is kept out of
the output (an empty English, which the checks report as missing) or, for Chinese echoed, kept so
the checks report it; `problems` lists each, for --verbose and tests.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..registry import EngineInfo, Progress, Summary, SummaryRequest
from .batching import split_to_fit, token_budget_batches
from .chat import TaskPrompt
from .chat_models import ChatModel
from .generation import Decoding, Output, Stats, Tokens, looks_looped
from .guard import clean_summary, clean_translation, complete_sentences, han_runs, summary_problem, tidy, translation_problem
from .inference import MAX_BATCH_BYTES, MAX_BATCH_SIZE, MAX_BATCH_TOKENS, release_free_memory
from .summarizing import join_sentences, selector, split_summary

if TYPE_CHECKING:
    from ..glossary import Glossary
    from .cards import GenerationDefaults


@dataclass(frozen=True)
class InstructSettings:
    generation: GenerationDefaults
    prompt: TaskPrompt
    beam: int = 1
    max_input_tokens: int = 1024
    """Longest unit (translation) or article (summary) given to the model, in tokens."""
    summary_chars: int = 120
    glossary: Glossary | None = None
    static_prompt: bool = True
    force_new_tokens: int | None = None
    """Benchmarks only: exactly this many output tokens per unit; answers are judged (the time a
    user pays) but not retried, the retries they would get counted in `stats.retries_skipped`."""


@dataclass
class Answer:
    text: str
    tokens: list = field(default_factory=list)
    finished: bool = True


Judge = Callable[[int, Answer], "str | None"]
"""(unit index, cleaned answer) -> why it is not usable, or None."""


class InstructEngine:
    def __init__(self, model: ChatModel, info: EngineInfo, settings: InstructSettings):
        self.model = model
        self.info = info
        self.settings = settings
        self.stats = Stats()
        self.problems: dict[str, str] = {}
        """Unit text -> why its answer was not usable even after the retry."""
        self._static: tuple[str, Tokens] | None = None

    def _prompt_tokens(self, slots_of: Sequence[dict[str, str]], retry: bool = False) -> tuple[Tokens | None, list[Tokens]]:
        """(static prefix, per-unit tokens) of the prompts for these slot values."""
        split = [self.model.template.split(self.settings.prompt.messages(slots, retry=retry)) for slots in slots_of]
        prefix = split[0][0] if split and self.settings.static_prompt else ""
        if not prefix or any(p != prefix for p, _ in split):
            return None, [self.model.encode(p + rest) for p, rest in split]
        if self._static is None or self._static[0] != prefix:
            static = self.model.encode(prefix)
            # The split must not change tokenization (it falls after a special token in every
            # common template; a template where it does not gets no static prefix).
            whole = self.model.encode(prefix + split[0][1])
            self._static = (prefix, static if list(whole[: len(static)]) == list(static) else [])
        static = self._static[1]
        if not static:
            return None, [self.model.encode(p + rest) for p, rest in split]
        return static, [self.model.encode(rest) for _, rest in split]

    def _run(
        self,
        static: Tokens | None,
        prompts: list[Tokens],
        caps: list[int],
        decoding: Decoding,
        on_batch: Callable[[list[int]], None] | None = None,
    ) -> list[Output]:
        """Every prompt decoded, in length-sorted batches sized by the memory they hold."""
        extra = len(static or [])
        memory = self.model.memory
        if memory is None:
            costs, budget = [extra + len(p) for p in prompts], MAX_BATCH_TOKENS
        else:
            costs = [memory.row_cost(extra + len(p), cap, decoding.beam) for p, cap in zip(prompts, caps)]
            budget = memory.budget(MAX_BATCH_BYTES)
        outputs: list[Output] = [Output([], True)] * len(prompts)
        for batch in token_budget_batches(costs, max_tokens=budget, max_batch=MAX_BATCH_SIZE):
            cap = max(caps[i] for i in batch)
            forced = self.settings.force_new_tokens
            step = replace(decoding, max_new_tokens=cap).forced(forced)
            for index, output in zip(batch, self.model.generate([prompts[i] for i in batch], step, static)):
                own = caps[index] if forced is None else forced
                outputs[index] = output if len(output.tokens) < own else Output(output.tokens[:own], False)
            self.stats.batches += 1
            if on_batch is not None:
                on_batch(batch)
        return outputs

    def _answers(
        self,
        slots_of: list[dict[str, str]],
        caps: list[int],
        decoding: Decoding,
        clean: Callable[[int, str], str],
        judge: Judge,
        on_batch: Callable[[list[int]], None] | None = None,
    ) -> tuple[list[Answer], dict[int, str]]:
        """Cleaned answers for every prompt, unusable ones asked again once; returns the answers
        and the problems left."""
        self.stats.units += len(slots_of)
        static, prompts = self._prompt_tokens(slots_of)
        outputs = self._run(static, prompts, caps, decoding, on_batch)
        answers = [self._answer(i, output, clean) for i, output in enumerate(outputs)]
        problems = {i: problem for i, answer in enumerate(answers) if (problem := self._judge(i, answer, judge))}
        if self.settings.force_new_tokens is not None:
            self.stats.retries_skipped += len(problems)
            return answers, {}
        if problems:
            todo = sorted(problems)
            self.stats.retries += len(todo)
            static, prompts = self._prompt_tokens([slots_of[i] for i in todo], retry=True)
            # Greedy again (beam search would cost a CPU several times over), with the retry line
            # and no repeated 4-grams against loops.
            retried = self._run(static, prompts, [caps[i] for i in todo], replace(decoding, no_repeat_ngram_size=4))
            for index, output in zip(todo, retried):
                answer = self._answer(index, output, clean)
                problem = self._judge(index, answer, judge)
                if problem is None:
                    answers[index] = answer
                    del problems[index]
                elif self._usable(answer) and not self._usable(answers[index]):
                    answers[index], problems[index] = answer, problem
        release_free_memory()
        return answers, problems

    def _answer(self, index: int, output: Output, clean: Callable[[int, str], str]) -> Answer:
        (text,) = self.model.decode([output.tokens])
        return Answer(clean(index, text), output.tokens, output.finished)

    @staticmethod
    def _judge(index: int, answer: Answer, judge: Judge) -> str | None:
        if looks_looped(answer.tokens, answer.text, finished=answer.finished):
            return "a generation loop"
        return judge(index, answer)

    @staticmethod
    def _usable(answer: Answer) -> bool:
        """Something to show, even if flawed: not empty, not a loop."""
        return bool(answer.text) and not looks_looped(answer.tokens, answer.text, finished=answer.finished)


class InstructTranslator(InstructEngine):
    """A `Translator` (summarize.registry) on a chat model."""

    def translate(self, texts: Sequence[str], *, on_progress: Progress | None = None) -> list[str]:
        results = [text.strip() for text in texts]
        wanted = [i for i, text in enumerate(results) if any(c.isalpha() for c in text)]
        if on_progress is not None and len(results) > len(wanted):
            on_progress(len(results) - len(wanted))
        owners: list[int] = []
        units: list[str] = []
        limit = self.settings.max_input_tokens
        for index in wanted:
            pieces = split_to_fit(results[index], self._count, limit)
            self.stats.split_units += len(pieces) > 1
            owners += [index] * len(pieces)
            units += pieces
        if not units:
            return results
        slots_of = [self._slots(unit) for unit in units]
        caps = [self._cap(unit) for unit in units]

        def batch_done(batch: list[int]) -> None:
            if on_progress is not None:
                on_progress(len({owners[i] for i in batch}))

        def judge(index: int, answer: Answer) -> str | None:
            return translation_problem(units[index], answer.text)

        answers, problems = self._answers(
            slots_of, caps, self._decoding(), lambda i, text: clean_translation(text, units[i]), judge, batch_done
        )
        if self.settings.force_new_tokens is None:
            self._fill_in_words([answer for i, answer in enumerate(answers) if i not in problems])
        parts: dict[int, list[str]] = {}
        for unit_index, (owner, answer) in enumerate(zip(owners, answers)):
            problem = problems.get(unit_index)
            if problem is not None:
                self.problems[units[unit_index]] = problem
                if not problem.startswith("answered in Chinese"):
                    continue  # a refusal or an explanation is no English for the unit
            if answer.text:
                parts.setdefault(owner, []).append(answer.text)
        for index in wanted:
            results[index] = " ".join(parts.get(index, []))
        return results

    def _slots(self, text: str) -> dict[str, str]:
        """The unit, its glossary terms and person names (pinyin), and the amounts with a scale
        word (1550亿元 = 155 billion yuan, 3万 = 30,000; not 20年 = 20 years, which no model gets
        wrong and which small models then answer instead of the sentence)."""
        from ..quantities import find_quantities, to_english

        glossary = self.settings.glossary
        terms = {entry.zh: entry.en for entry in (glossary.terms_in(text) if glossary is not None else [])}
        terms.update((name, romanized) for name, romanized in person_names(text) if name not in terms)
        quantities = dict.fromkeys(f"{q.text} = {to_english(q)}" for q in find_quantities(text) if _scaled(q.text))
        return {
            "text": text,
            "terms": "; ".join(f"{zh} = {en}" for zh, en in terms.items()),
            "quantities": "; ".join(quantities),
        }

    def _fill_in_words(self, answers: list[Answer]) -> None:
        """Chinese words a translation left in ("promoting industry联动") translated on their own,
        in one batch, and put in their place when the answer is plain English."""
        words = sorted({run for answer in answers for run in han_runs(answer.text)}, key=len, reverse=True)
        if not words:
            return
        english, problems = self._answers(
            [self._slots(word) for word in words],
            [self._cap(word) for word in words],
            self._decoding(),
            lambda i, text: clean_translation(text, words[i]),
            lambda i, answer: translation_problem(words[i], answer.text),
        )
        found = {
            word: _phrase(answer.text)
            for i, (word, answer) in enumerate(zip(words, english))
            if i not in problems and not han_runs(answer.text) and len(answer.text.split()) <= MAX_WORD_ANSWER
        }
        for answer in answers:
            for word in han_runs(answer.text):
                if word in found:
                    answer.text = tidy(answer.text.replace(word, f" {found[word]} "))

    def _count(self, text: str) -> int:
        return len(self.model.encode(text))

    def _cap(self, text: str) -> int:
        generation = self.settings.generation
        cap = math.ceil(generation.max_length_ratio * self._count(text)) + generation.max_length_offset
        return max(1, min(generation.max_new_tokens, cap))

    def _decoding(self) -> Decoding:
        generation = self.settings.generation
        return Decoding(
            beam=self.settings.beam,
            max_new_tokens=generation.max_new_tokens,
            no_repeat_ngram_size=generation.no_repeat_ngram_size,
            repetition_penalty=generation.repetition_penalty,
            length_penalty=generation.length_penalty,
        )


class InstructSummarizer(InstructEngine):
    """A `Summarizer` (summarize.registry) on a chat model: a Chinese summary of each article,
    checked against the article (figures and names must be in it) before it is accepted."""

    def summarize(self, requests: Sequence[SummaryRequest], *, on_progress: Progress | None = None) -> list[Summary]:
        from ..checks import check_summary

        results = [Summary(sentences=[], coverage=1.0) for _ in requests]
        todo = [i for i, request in enumerate(requests) if any(s.strip() for s in request.sentences)]
        if on_progress is not None and len(todo) < len(requests):
            on_progress(len(requests) - len(todo))
        if not todo:
            return results
        plans = [self._plan(requests[i]) for i in todo]
        articles = [join_sentences([s.strip() for s in requests[i].sentences if s.strip()]) for i in todo]
        chars = str(self.settings.summary_chars)
        slots_of = [{"text": text, "title": requests[i].title or "", "chars": chars} for (text, _), i in zip(plans, todo)]
        # Tokens for the character budget (a Chinese token is 1-2 characters) plus room to end.
        caps = [self.settings.summary_chars + 16] * len(todo)

        def clean(index: int, text: str) -> str:
            return clean_summary(text)

        def judge(index: int, answer: Answer) -> str | None:
            problem = summary_problem(answer.text)
            if problem is None:
                findings = check_summary(answer.text, articles[index])
                problem = "; ".join(f.message for f in findings) or None
            return problem

        def batch_done(batch: list[int]) -> None:
            if on_progress is not None:
                on_progress(len(batch))

        decoding = Decoding(beam=self.settings.beam, max_new_tokens=caps[0])
        answers, problems = self._answers(slots_of, caps, decoding, clean, judge, batch_done)
        for unit, (index, answer, (_, coverage)) in enumerate(zip(todo, answers, plans)):
            text = answer.text if answer.finished else complete_sentences(answer.text)
            if unit in problems:
                self.problems[requests[index].id] = problems[unit]
                if summary_problem(text) is not None:
                    text = ""
            results[index] = Summary(sentences=split_summary(text), coverage=coverage)
        return results

    def _plan(self, request: SummaryRequest) -> tuple[str, float]:
        """(article text for the prompt, share of its characters): the whole article when it fits
        the input limit, else the sentences worth most within it (summarize.extractive)."""
        sentences = [s.strip() for s in request.sentences if s.strip()]
        body = join_sentences(sentences)
        limit = self.settings.max_input_tokens
        if len(self.model.encode(body)) <= limit:
            return body, 1.0
        self.stats.split_units += 1

        def cost(text: str) -> int:
            return max(1, len(self.model.encode(text)))

        pieces = [piece for sentence in sentences for piece in split_to_fit(sentence, cost, limit)]
        chosen = sorted(selector()(pieces, limit, cost=cost, title=request.title, fill=True)) or [0]
        text = join_sentences([pieces[i] for i in chosen])
        return text, sum(len(pieces[i]) for i in chosen) / max(1, len(body))


MAX_WORD_ANSWER = 10
"""Words in the translation of a Chinese word left in a sentence; longer is an explanation."""


def _phrase(english: str) -> str:
    """A word's translation as a phrase inside a sentence: no final full stop, no capital article."""
    english = english.strip().rstrip(".。")
    return re.sub(r"^(A|An|The) ", lambda m: m.group(1).lower() + " ", english)


def _scaled(chinese: str) -> bool:
    """A scale word (万, 亿) moves the figures in English: 23.66亿元 is 2.366 billion, 3万 is 30,000."""
    return bool(re.search("[万亿]", chinese))


def person_names(text: str) -> list[tuple[str, str]]:
    """(name, pinyin) of the people named in `text` (jieba's person tag), surname first."""
    from ..gloss_words import person_name

    return [(word, person_name(word)) for word, flag in _tagged(text) if flag == "nr" and len(word) >= 2]


def _tagged(text: str) -> list[tuple[str, str]]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # its "Building prefix dict" lines
    return [(pair.word, pair.flag) for pair in jieba.posseg.cut(text)]
