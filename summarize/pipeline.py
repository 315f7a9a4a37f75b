"""The main job as a library: pages in, bilingual digests out.

One batch stream across all articles of all pages: every summary request goes to the summarizer
in one call, then every unit to translate (titles, summary sentences, and with `full` every
sentence of every paragraph) goes to the translator in one call, deduplicated and cached.
Summarizer and translator run one after the other, so they never fight for the same cores, and
the idle summarizer's memory goes to the translator's batches (peak memory is the larger stage's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .cache import Cache
from .digest import GLOSS, ArticleDigest, CheckedSummary, English, Finding, PageDigest, Unit
from .document import STDIN, STDIN_LABEL, Article, Page
from .registry import EngineOptions, SummaryRequest, Translator
from .script import to_simplified, to_traditional
from .segmentation.parts import PART_CHARS
from .text import has_han
from .wrappers import Cached, Checked, CheckedSummaries, GlossaryProtected, Repairing, Where

if TYPE_CHECKING:
    from .glossary import Glossary
    from .reading import Source

PIPELINE_VERSION = 3  # 3: dictionary fill-in of words a model left in Chinese (cached English redone)
"""Part of every cache key and export signature: bump it when checks, repairs or what is cached
change, so that caches and up-to-date exports never serve results of older code. (Engines bump
their own `revision` when their output changes.)"""


@dataclass
class RunOptions:
    full: bool = False
    format: str = "terminal"
    """What the digests are written as: "terminal", or a document format (render.formats)."""
    summarizer: str | None = None
    translator: str | None = None
    strict: bool = False
    use_cache: bool = True
    glossary: str | None = None
    repair: bool = True
    """Retranslate units whose numbers fail the check (summarize.repair). Benchmarks on random
    weights turn it off: their every output fails, which real models' outputs do not."""
    engine: EngineOptions = field(default_factory=EngineOptions)
    summarizer_options: dict[str, Any] = field(default_factory=dict)
    """Values of the summarizer backend's own options (`summarize backends` lists them)."""
    translator_options: dict[str, Any] = field(default_factory=dict)
    """Values of the translator backend's own options."""
    prompt: str | None = None
    """A prompt file for the chat backends (`--prompt`); backends without prompts ignore it."""

    def offered_options(self) -> dict[str, Any]:
        """Run-wide values each backend takes if it declares the option (engines.choose)."""
        return {"prompt": self.prompt} if self.prompt else {}

    def fingerprint(self) -> dict:
        """What, besides the input and the engines (glossary included), determines an output
        (for export's skip)."""
        return {"full": self.full, "beam": self.engine.beam, "summary_chars": self.engine.summary_chars, "repair": self.repair}


StageCallback = Callable[[str, int, int, str], None]
"""progress(stage, done, total, where): stage is "summarize" or "translate"; `where` names the
page (file name) and article being worked on ("page.txt a3"), or is "" when all is done."""

# Model work is cached chunk by chunk, so an interrupted run loses at most one chunk of it.
SUMMARY_CHUNK = 8  # articles
TRANSLATION_CHUNK = 128  # distinct texts


class Engines:
    """Resolves the summarizer and translator once per process (models load on first use), and
    composes the wrappers around them (summarize.wrappers) for each run."""

    def __init__(self, options: RunOptions):
        from .engines.choose import choose_summarizer, choose_translator

        self.options = options
        self.glossary = _load_glossary(options.glossary)
        engine_options = replace(options.engine, glossary=self.glossary)
        strict = options.strict
        offered = options.offered_options()
        self.summarizer, note_s = choose_summarizer(
            options.summarizer, engine_options, strict=strict, settings=options.summarizer_options, offered=offered
        )
        self.translator, note_t = choose_translator(
            options.translator, engine_options, strict=strict, settings=options.translator_options, offered=offered
        )
        self.notices = [n for n in (note_s, note_t) if n]

    @property
    def is_gloss(self) -> bool:
        return self.translator.info.kind == GLOSS

    def describe(self) -> str:
        s, t = self.summarizer.info, self.translator.info
        translator = "gloss (English key facts, not a translation)" if self.is_gloss else f"{t.name} ({t.backend})"
        summarizer = s.name if s.name == s.backend else f"{s.name} ({s.backend})"
        return f"summarizer {summarizer}, translator {translator}"

    def summarizing(self, cache: Cache) -> Cached[SummaryRequest, CheckedSummary]:
        """Requests -> checked summaries, cached."""
        engine = self.options.engine
        return Cached(
            CheckedSummaries(self.summarizer),
            cache,
            namespace="summary",
            options={"summary_chars": engine.summary_chars, "beam": engine.beam, "v": PIPELINE_VERSION},
            text=lambda request: "\n".join([request.title or "", *request.sentences]),
            restore=CheckedSummary.from_dict,
            chunk=SUMMARY_CHUNK,
        )

    def translating(self, cache: Cache) -> Cached[str, English]:
        """Chinese texts -> checked English: glossary-protected, numbers repaired, cached. The
        cached value is the final English, so a second run does no model work."""
        translator: Translator = self.translator
        if self.is_gloss:  # the gloss reads the glossary itself, and says key facts: nothing to check
            checked = Checked(translator)
        else:
            protected = GlossaryProtected(translator, self.glossary)
            checked = Repairing(protected, self.glossary) if self.options.repair else Checked(protected, self.glossary)
        options = {"beam": self.options.engine.beam, "glossary": self.glossary.fingerprint(), "repair": self.options.repair, "v": PIPELINE_VERSION}
        return Cached(
            checked,
            cache,
            namespace="translation",
            options=options,
            text=lambda text: text,
            restore=English.from_dict,
            chunk=TRANSLATION_CHUNK,
            longest_first=True,
        )


def _load_glossary(path: str | None) -> Glossary:
    from .glossary import default_glossary, load_glossary

    glossary = default_glossary()
    return glossary.merged(load_glossary(path)) if path else glossary


def run_pages(pages: Sequence[Page], engines: Engines, *, progress: StageCallback | None = None) -> list[PageDigest]:
    """skeleton -> summarize -> translate -> attach, for a batch of pages."""
    options = engines.options
    cache = Cache(_cache_path()) if options.use_cache else Cache(None)
    try:
        digests = [_skeleton(page, options.full) for page in pages]
        _summarize(digests, engines.summarizing(cache), _stage_progress("summarize", progress))
        _release_summarizer(engines)
        _translate(digests, engines.translating(cache), _stage_progress("translate", progress))
    finally:
        cache.close()
    return digests


def _stage_progress(stage: str, progress: StageCallback | None) -> Where | None:
    return None if progress is None else lambda done, total, where: progress(stage, done, total, where)


def _release_summarizer(engines: Engines) -> None:
    """The summarizer is idle until the next pages: its model (reloaded then, in a fraction of a
    second), its batches and the leftovers of loading jieba give their memory to the translator's
    batches, which run faster the bigger they are. Peak memory stays that of the larger stage."""
    from .engines.inference import release_free_memory

    release = getattr(engines.summarizer, "release", None)
    if release is not None:
        release()
    release_free_memory()


def _cache_path():
    from .home import cache_path

    return cache_path()


def _model_text(page: Page, text: str) -> str:
    return to_simplified(text) if page.script == "traditional" else text


def _skeleton(page: Page, full: bool) -> PageDigest:
    articles = []
    for article in page.articles:
        # An untitled article is named by its byline (a commentator's column): translated as its title.
        title = Unit(f"{article.id}.title", article.title or article.byline) if article.title or article.byline else None
        subtitle = Unit(f"{article.id}.subtitle", article.subtitle) if article.subtitle else None
        paragraphs = {}
        if full:
            paragraphs = {p.id: [Unit(s.id, s.text) for s in p.sentences] for p in article.paragraphs}
        articles.append(ArticleDigest(article, [], 1.0, title, subtitle, paragraphs))
    return PageDigest(page, articles, None, None)


def _where(page: Page, article: Article) -> str:
    return f"{PurePath(page.input).name if page.input != STDIN else STDIN_LABEL} {article.id}"


# --- summaries ------------------------------------------------------------------------------------


def _summary_sentences(page: Page, article: Article) -> list[tuple[str, str]]:
    """(what the summarizer gets, the same text as the page has it) for each body sentence: the
    sentence without its dateline tag, in Simplified (the two differ on a Traditional page)."""
    from .segmentation.patterns import strip_dateline

    pairs = []
    for sentence in (s for p in article.body_paragraphs for s in p.sentences):
        model = strip_dateline(_model_text(page, sentence.text))  # a tail of it, as long in both scripts
        pairs.append((model, sentence.text[len(sentence.text) - len(model) :]))
    return pairs


def _summary_request(page: Page, article: Article) -> SummaryRequest | None:
    sentences = [model for model, _ in _summary_sentences(page, article) if model.strip()]
    if not sentences or page.script == "other":
        return None
    headline = " ".join(text for text in (article.title, article.subtitle) if text)  # 访…经营户傅妙玲 says who
    return SummaryRequest(article.id, _model_text(page, headline) if headline else None, sentences)


def _summarize(digests: list[PageDigest], summarizing: Cached[SummaryRequest, CheckedSummary], progress: Where | None) -> None:
    jobs: list[tuple[ArticleDigest, Page, SummaryRequest]] = []
    for digest in digests:
        digest.summarizer = summarizing.info
        for ad in digest.articles:
            request = _summary_request(digest.page, ad.article)
            if request is not None:
                jobs.append((ad, digest.page, request))
    results = summarizing.run([request for *_, request in jobs], [_where(page, ad.article) for ad, page, _ in jobs], progress)
    for (ad, page, _), result in zip(jobs, results):
        sentences = _shown_summary(page, ad.article, result.sentences)
        ad.summary = [Unit(f"{ad.article.id}.summary.s{i}", s) for i, s in enumerate(sentences, 1)]
        ad.coverage = result.coverage
        ad.findings = [Finding(check, f"{ad.article.id}.summary", message, ad.summary_zh, "") for check, message in result.notes]


def _shown_summary(page: Page, article: Article, sentences: list[str]) -> list[str]:
    """Summary sentences as shown: on a Traditional page, a sentence the summarizer took from the
    article (given to it in Simplified) is shown as the article has it; others are converted
    (Simplified -> Traditional is not always the way back: 了解 -> 瞭解, not 了解)."""
    if page.script != "traditional":
        return sentences
    originals = dict(_summary_sentences(page, article))
    return [originals.get(sentence) or to_traditional(sentence) for sentence in sentences]


# --- translation ----------------------------------------------------------------------------------


def _units_to_translate(digest: PageDigest) -> list[tuple[Unit, str]]:
    """Every unit to translate, with where it is (for progress)."""
    units: list[tuple[Unit, str]] = []
    for ad in digest.articles:
        where = _where(digest.page, ad.article)
        units += [(u, where) for u in (ad.title, ad.subtitle) if u]
        units += [(u, where) for u in ad.summary]
        units += [(u, where) for us in ad.paragraphs.values() for u in us]
    return units


def _translate(digests: list[PageDigest], translating: Cached[str, English], progress: Where | None) -> None:
    pairs: list[tuple[Unit, str, str]] = []  # (unit, text given to the model, where)
    for digest in digests:
        digest.translator = translating.info
        for unit, where in _units_to_translate(digest):
            model_text = _model_text(digest.page, unit.zh)
            if has_han(model_text):
                pairs.append((unit, model_text, where))
            else:
                unit.en = unit.zh  # nothing Chinese to translate: passed through as is
    results = translating.run([text for _, text, _ in pairs], [where for *_, where in pairs], progress)
    for (unit, _, _), english in zip(pairs, results):
        english.attach(unit)


# --- from inputs ----------------------------------------------------------------------------------

# Characters of page text per batch stream (and at most per part of a huge page). All the normal
# inputs of a run fit in one batch, sorted together for the models; memory holds one batch's
# pages and digests, never a whole huge input's.
BATCH_CHARS = PART_CHARS

T = TypeVar("T")


@dataclass
class PagePart(Generic[T]):
    """One input's page, or for a huge input one part of it (segmentation.iter_page_parts:
    articles numbered through the parts). An output starts at an input's first part and ends at
    its last."""

    item: T  # what the page was read from, as the caller gave it
    page: Page
    first: bool
    last: bool


def page_batches(items: Iterable[T], read: Callable[[T], Source | None]) -> Iterator[list[PagePart[T]]]:
    """The pages of `items`, read one at a time with `read` (None: unreadable, skipped), segmented
    part by part, in batches of about BATCH_CHARS characters for `run_pages`, in order."""
    batch: list[PagePart[T]] = []
    size = 0
    for part in _page_parts(items, read):
        chars = sum(len(p.text) for a in part.page.articles for p in a.paragraphs)
        if batch and size + chars > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(part)
        size += chars
    if batch:
        yield batch


def _page_parts(items: Iterable[T], read: Callable[[T], Source | None]) -> Iterator[PagePart[T]]:
    from .segmentation import iter_source_parts

    for item in items:
        source = read(item)
        if source is None:
            continue
        parts = iter_source_parts(source, part_chars=BATCH_CHARS)
        part, first = next(parts), True
        for following in chain(parts, [None]):  # one part ahead, to know which is the last
            yield PagePart(item, part, first, last=following is None)
            part, first = following, False


def read_pages(inputs: Sequence[str]) -> tuple[list[Page], list[Exception]]:
    """Read and segment every input; bad inputs are returned as errors, the others still read."""
    from .reading import iter_sources
    from .segmentation import segment_source

    pages: list[Page] = []
    errors: list[Exception] = []
    for item in iter_sources(inputs):
        if isinstance(item, Exception):
            errors.append(item)
        else:
            pages.append(segment_source(item))
    return pages, errors
