"""Sentence translation on a seq2seq model: every input sentence in one length-sorted batch
stream, over-long sentences split on ，；：、 and their translations joined back, outputs in
input order, one per input."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ..registry import Progress, Translator
from ..text import sentence_texts
from .batching import split_to_fit
from .cards import apply_prompt
from .generation import Decoding
from .inference import Seq2SeqEngine

# Letters of any script (CJK included); a text without any (numbers, punctuation) is kept as is.
_HAS_WORDS = re.compile(r"[^\W\d_]")


class Seq2SeqTranslator(Seq2SeqEngine):
    """A `Translator` (summarize.registry) on one loaded generator."""

    def translate(self, texts: Sequence[str], *, on_progress: Progress | None = None) -> list[str]:
        results = [text.strip() for text in texts]
        wanted = [index for index, text in enumerate(results) if _HAS_WORDS.search(text)]
        if on_progress is not None and len(results) > len(wanted):
            on_progress(len(results) - len(wanted))
        if not wanted:
            return results
        template, limit = self.settings.template, self.input_limit()
        owners: list[int] = []  # input index of each unit (a sentence, or a piece of a long one)
        encoded = []
        for index, tokens in zip(wanted, self.generator.encode([apply_prompt(template, results[i]) for i in wanted])):
            if len(tokens) <= limit:
                owners.append(index)
                encoded.append(tokens)
                continue
            pieces = split_to_fit(results[index], self._count, limit)
            self.stats.split_units += 1
            owners.extend([index] * len(pieces))
            encoded.extend(self.generator.encode([apply_prompt(template, piece) for piece in pieces]))
        self.stats.units += len(encoded)
        remaining = Counter(owners)

        def batch_done(batch: list[int]) -> None:
            finished = 0
            for unit in batch:
                remaining[owners[unit]] -= 1
                finished += remaining[owners[unit]] == 0
            if on_progress is not None and finished:
                on_progress(finished)

        def decoding_for(batch: list[int]) -> Decoding:
            return self._decoding(max(len(encoded[unit]) for unit in batch))

        outputs = self.generate_all(encoded, decoding_for, batch_done)
        parts: dict[int, list[str]] = {}
        for owner, output in zip(owners, outputs):
            if output.strip():
                parts.setdefault(owner, []).append(output.strip())
        for index in wanted:
            results[index] = " ".join(parts.get(index, []))
        return results

    def _count(self, text: str) -> int:
        return len(self.generator.encode([apply_prompt(self.settings.template, text)])[0])

    def _decoding(self, longest: int) -> Decoding:
        generation = self.settings.generation
        cap = math.ceil(generation.max_length_ratio * longest) + generation.max_length_offset
        return Decoding(
            beam=self.settings.beam,
            max_new_tokens=max(1, min(generation.max_new_tokens, cap, self.generator.max_output_tokens)),
            min_new_tokens=generation.min_new_tokens,
            no_repeat_ngram_size=generation.no_repeat_ngram_size,
            repetition_penalty=generation.repetition_penalty,
            length_penalty=generation.length_penalty,
        ).forced(self.settings.force_new_tokens)


def translate_lines(lines: Sequence[str], translator: Translator, *, on_progress: Progress | None = None) -> list[str]:
    """One English line per input line (`summarize translate`): each line split into sentences,
    the sentences of all lines translated in one batch, joined back with spaces. Blank lines stay
    blank."""
    per_line = [sentence_texts(line) for line in lines]
    english = translator.translate([s for sentences in per_line for s in sentences], on_progress=on_progress)
    out: list[str] = []
    start = 0
    for sentences in per_line:
        out.append(" ".join(text for text in english[start : start + len(sentences)] if text))
        start += len(sentences)
    return out

