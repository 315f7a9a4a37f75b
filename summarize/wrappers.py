"""Cross-cutting work as wrappers around any translator or summarizer.

    Cached(Repairing(GlossaryProtected(translator)))    texts -> checked English
    Cached(CheckedSummaries(summarizer))                 requests -> checked summaries

`GlossaryProtected` is itself a Translator (the repair's retranslation goes through it too);
`Checked`/`Repairing`/`CheckedSummaries` turn an engine's output into the digest model's checked
results (summarize.digest); `Cached` serves those from the cache and computes the rest chunk by
chunk, so an interrupted run loses at most one chunk of model work. `summarize.pipeline.Engines`
composes them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from .cache import Cache, cache_key
from .digest import GLOSS, CheckedSummary, English
from .registry import EngineInfo, Progress, Summarizer, SummaryRequest, Translator

if TYPE_CHECKING:
    from .glossary import Glossary

Item = TypeVar("Item")
Result = TypeVar("Result", English, CheckedSummary)
Where = Callable[[int, int, str], None]
"""progress(done, total, where): `where` names the item being worked on, "" when all is done."""


class GlossaryProtected:
    """A Translator that writes the glossary's English into the Chinese before `inner` translates
    it and restores the terms the model mangled after (summarize.glossary)."""

    def __init__(self, inner: Translator, glossary: Glossary):
        self.inner, self.glossary, self.info = inner, glossary, inner.info

    def translate(self, texts: Sequence[str], *, on_progress: Progress | None = None) -> list[str]:
        protected = [self.glossary.protect(text) for text in texts]
        outputs = self.inner.translate([text for text, _ in protected], on_progress=on_progress)
        return [restore(output) for (_, restore), output in zip(protected, outputs)]


class Checked:
    """Checked English for each text: the checks' findings on `inner`'s translation (a gloss is key
    facts, not a translation: nothing to check against the source)."""

    def __init__(self, inner: Translator, glossary: Glossary | None = None):
        self.inner, self.glossary, self.info = inner, glossary, inner.info

    def run(self, texts: Sequence[str], *, on_progress: Progress | None = None) -> list[English]:
        outputs = self.inner.translate(texts, on_progress=on_progress)
        if self.info.kind == GLOSS:
            return [English.from_output(output, GLOSS) for output in outputs]
        from .checks import check_pair

        return [
            English.from_output(en, self.info.kind, check_pair(zh, en, unit_id=str(i), glossary=self.glossary))
            for i, (zh, en) in enumerate(zip(texts, outputs))
        ]


class Repairing(Checked):
    """Checked English, a text whose numbers fail the check translated once more with them
    written in English, the better of the two kept, and Chinese words still left in it put in
    from the dictionary (summarize.repair)."""

    def run(self, texts: Sequence[str], *, on_progress: Progress | None = None) -> list[English]:
        if self.info.kind == GLOSS:
            return super().run(texts, on_progress=on_progress)
        from .repair import repair_translations

        outputs = self.inner.translate(texts, on_progress=on_progress)
        repaired = repair_translations([(str(i), zh, en) for i, (zh, en) in enumerate(zip(texts, outputs))], self.inner, self.glossary)
        return [English.from_output(r.en, self.info.kind, r.findings) for r in repaired]


class CheckedSummaries:
    """Each summary with the findings of the summary checks against its article."""

    def __init__(self, inner: Summarizer):
        self.inner, self.info = inner, inner.info

    def run(self, requests: Sequence[SummaryRequest], *, on_progress: Progress | None = None) -> list[CheckedSummary]:
        from .checks import check_summary

        summaries = self.inner.summarize(requests, on_progress=on_progress)
        return [
            CheckedSummary.from_output(s, check_summary(s.text, "".join(r.sentences), unit_id=f"{r.id}.summary"))
            for r, s in zip(requests, summaries)
        ]


class CheckedEngine(Protocol[Item, Result]):
    info: EngineInfo

    def run(self, items: Sequence[Item], *, on_progress: Progress | None = None) -> list[Result]: ...


class Cached(Generic[Item, Result]):
    """`inner`'s results served from the cache, keyed by the engine, `options` and each item's
    text; the rest computed in chunks of `chunk` distinct items (a last small chunk joined to the
    one before: a small batch costs a model nearly as much time) and stored chunk by chunk.
    `longest_first`: compute in order of decreasing length, the order the engine batches in, so
    each chunk batches texts of similar length."""

    def __init__(
        self,
        inner: CheckedEngine[Item, Result],
        cache: Cache,
        *,
        namespace: str,
        options: dict[str, Any],
        text: Callable[[Item], str],
        restore: Callable[[Any], Result | None],
        chunk: int,
        longest_first: bool = False,
    ):
        self.inner, self.info = inner, inner.info
        self._cache, self._namespace, self._options = cache, namespace, options
        self._text, self._restore = text, restore
        self._chunk, self._longest_first = chunk, longest_first

    def run(self, items: Sequence[Item], where: Sequence[str] = (), progress: Where | None = None) -> list[Result]:
        """One result per item; `where` (parallel to `items`) names where each is, for `progress`."""
        engine = asdict(self.info)
        keys = [cache_key(self._namespace, engine, self._options, self._text(item)) for item in items]
        first: dict[str, int] = {}
        for index, key in enumerate(keys):
            first.setdefault(key, index)
        found = {key: self._restore(value) for key, value in self._cache.get_many(first).items()}
        results: dict[str, Result] = {key: value for key, value in found.items() if value is not None}
        todo = [index for key, index in first.items() if key not in results]
        if self._longest_first:
            todo.sort(key=lambda index: len(self._text(items[index])), reverse=True)
        advance = _counter(len(first), [where[index] if index < len(where) else "" for index in todo], progress)
        for chunk in _chunks(todo, self._chunk):
            fresh = dict(zip((keys[index] for index in chunk), self.inner.run([items[index] for index in chunk], on_progress=advance)))
            self._cache.put_many({key: value.to_dict() for key, value in fresh.items()})
            results.update(fresh)
        return [results[key] for key in keys]


def _counter(total: int, todo_where: list[str], progress: Where | None) -> Callable[[int], None]:
    """A Progress callback for model calls over the `todo_where` items still to do (named by
    where they are) out of `total`, reporting to `progress`."""
    start = total - len(todo_where)
    state = [start]

    def report() -> None:
        if progress:
            index = state[0] - start
            progress(state[0], total, todo_where[index] if index < len(todo_where) else "")

    def advance(n: int) -> None:
        state[0] = min(total, state[0] + n)
        report()

    report()
    return advance


def _chunks(items: list, size: int) -> list[list]:
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    if len(chunks) > 1 and len(chunks[-1]) < size // 2:
        tail = chunks.pop()
        chunks[-1] += tail
    return chunks
