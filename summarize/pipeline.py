"""The main job as a library: pages in, bilingual digests out.

One batch stream across all articles of all pages: every summary request goes to the summarizer
in one call, then every unit to translate (titles, summary sentences, and with `full` every
sentence of every paragraph) goes to the translator in one call, deduplicated and cached.
Summarizer and translator run one after the other, so they never fight for the same cores, and
the idle summarizer's memory goes to the translator's batches (peak memory is the larger stage's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from itertools import chain
from pathlib import PurePath
from typing import TYPE_CHECKING, Generic, TypeVar

from .cache import Cache, cache_key
from .document import Article, Page
from .registry import EngineInfo, EngineOptions, Summarizer, SummaryRequest
from .script import to_simplified, to_traditional
from .segmentation.parts import PART_CHARS
from .text import has_han

if TYPE_CHECKING:
    from .checks import Finding
    from .glossary import Glossary
    from .reading import Source

PIPELINE_VERSION = 2
"""Part of every cache key and export signature: bump it when checks, repairs or what is cached
change, so that caches and up-to-date exports never serve results of older code. (Engines bump
their own `revision` when their output changes.)"""


@dataclass
class Unit:
    """One piece of Chinese text and its English: a title, a summary sentence, a body sentence."""

    id: str
    zh: str
    en: str = ""
    findings: list[Finding] = field(default_factory=list)


@dataclass
class ArticleDigest:
    article: Article
    summary: list[Unit]
    coverage: float
    title: Unit | None
    subtitle: Unit | None
    # paragraph id -> its sentences as units (only with `full`)
    paragraphs: dict[str, list[Unit]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def summary_zh(self) -> str:
        return "".join(u.zh for u in self.summary)

    @property
    def summary_en(self) -> str:
        return " ".join(u.en for u in self.summary if u.en)

    def paragraph_en(self, paragraph_id: str) -> str:
        return " ".join(shown for _, shown in paragraph_english(self.paragraphs.get(paragraph_id, [])) if shown)

    def all_findings(self) -> list[Finding]:
        units = [u for u in (self.title, self.subtitle) if u] + self.summary
        units += [u for us in self.paragraphs.values() for u in us]
        return self.findings + [f for u in units for f in u.findings]


def paragraph_english(units: Sequence[Unit]) -> list[tuple[Unit, str]]:
    """Each sentence unit of a paragraph with the English to show for it, to be joined by spaces.
    Glosses keep one label per paragraph and are separated like a multi-sentence gloss."""
    from .gloss import LABEL, SENTENCE_SEPARATOR

    shown: list[tuple[Unit, str]] = []
    labelled = False
    for u in units:
        body = u.en[len(LABEL) :].strip() if u.en.startswith(LABEL) else None
        if not body:  # not a gloss (shown as is), or a gloss with no key facts (nothing to show)
            shown.append((u, u.en if body is None else ""))
        else:
            shown.append((u, f"{SENTENCE_SEPARATOR.strip()} {body}" if labelled else f"{LABEL} {body}"))
            labelled = True
    return shown


@dataclass
class PageDigest:
    page: Page
    articles: list[ArticleDigest]
    summarizer: EngineInfo | None
    translator: EngineInfo | None

    @property
    def findings(self) -> list[Finding]:
        return [f for a in self.articles for f in a.all_findings()]


@dataclass
class RunOptions:
    full: bool = False
    summarizer: str | None = None
    translator: str | None = None
    strict: bool = False
    use_cache: bool = True
    glossary: str | None = None
    repair: bool = True
    """Retranslate units whose numbers fail the check (summarize.repair). Benchmarks on random
    weights turn it off: their every output fails, which real models' outputs do not."""
    engine: EngineOptions = field(default_factory=EngineOptions)

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
    """Resolves the summarizer and translator once per process; models load on first use."""

    def __init__(self, options: RunOptions):
        from .engines.choose import choose_summarizer, choose_translator

        self.options = options
        self.glossary = _load_glossary(options.glossary)
        engine_options = replace(options.engine, extra={**options.engine.extra, "glossary": self.glossary})
        self.summarizer, note_s = choose_summarizer(options.summarizer, engine_options, strict=options.strict)
        self.translator, note_t = choose_translator(options.translator, engine_options, strict=options.strict)
        self.notices = [n for n in (note_s, note_t) if n]

    @property
    def is_gloss(self) -> bool:
        return self.translator.info.kind == "gloss"

    def describe(self) -> str:
        s, t = self.summarizer.info, self.translator.info
        translator = "gloss (English key facts, not a translation)" if self.is_gloss else f"{t.name} ({t.backend})"
        summarizer = s.name if s.name == s.backend else f"{s.name} ({s.backend})"
        return f"summarizer {summarizer}, translator {translator}"


def _load_glossary(path: str | None) -> Glossary:
    from .glossary import default_glossary, load_glossary

    glossary = default_glossary()
    return glossary.merged(load_glossary(path)) if path else glossary


def run_pages(pages: Sequence[Page], engines: Engines, *, progress: StageCallback | None = None) -> list[PageDigest]:
    options = engines.options
    cache = Cache(_cache_path()) if options.use_cache else Cache(None)
    try:
        digests = [_skeleton(page, options.full) for page in pages]
        _summarize_all(digests, engines, cache, progress)
        _release_summarizer(engines)
        _translate_all(digests, engines, cache, progress)
    finally:
        cache.close()
    return digests


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
        title = Unit(f"{article.id}.title", article.title) if article.title else None
        subtitle = Unit(f"{article.id}.subtitle", article.subtitle) if article.subtitle else None
        paragraphs = {}
        if full:
            paragraphs = {p.id: [Unit(s.id, s.text) for s in p.sentences] for p in article.paragraphs}
        articles.append(ArticleDigest(article, [], 1.0, title, subtitle, paragraphs))
    return PageDigest(page, articles, None, None)


def _counter(stage: str, total: int, todo_where: list[str], progress: StageCallback | None) -> Callable[[int], None]:
    """A Progress callback for model calls over the `todo_where` items still to do (named by
    where they are) out of `total`, reporting to `progress`."""
    start = total - len(todo_where)
    state = [start]

    def report() -> None:
        if progress:
            index = state[0] - start
            progress(stage, state[0], total, todo_where[index] if index < len(todo_where) else "")

    def advance(n: int) -> None:
        state[0] = min(total, state[0] + n)
        report()

    report()
    return advance


def _chunks(items: list, size: int) -> list[list]:
    """`items` in chunks of `size`, a last one under half a chunk joined to the one before: a
    small chunk would make a small batch of its own, which costs a model nearly as much time."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    if len(chunks) > 1 and len(chunks[-1]) < size // 2:
        tail = chunks.pop()
        chunks[-1] += tail
    return chunks


def _where(page: Page, article: Article) -> str:
    return f"{'stdin' if page.input == '-' else PurePath(page.input).name} {article.id}"


# Checks are pure functions of their texts, so their findings are cached with the output they
# judge: a run served from the cache needs neither models nor the checks' word segmenter.
def _stored(findings: list[Finding]) -> list[list[str]]:
    return [[f.check, f.message] for f in findings]


def _restored(stored: list[list[str]], unit_id: str, zh: str, en: str) -> list[Finding]:
    from .checks import Finding

    return [Finding(check, unit_id, message, zh, en) for check, message in stored]


def _valid(stored: dict, fields: tuple[str, ...]) -> dict:
    """Cached values of the expected shape; anything else (an older layout) is redone."""
    return {k: v for k, v in stored.items() if isinstance(v, dict) and all(f in v for f in fields)}


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
    return SummaryRequest(article.id, _model_text(page, article.title) if article.title else None, sentences)


def _summarize_all(digests: list[PageDigest], engines: Engines, cache: Cache, progress: StageCallback | None) -> None:
    from .checks import check_summary

    summarizer: Summarizer = engines.summarizer
    info = asdict(summarizer.info)
    opts = {"summary_chars": engines.options.engine.summary_chars, "beam": engines.options.engine.beam, "v": PIPELINE_VERSION}
    jobs: list[tuple[ArticleDigest, Page, SummaryRequest, str]] = []
    for digest in digests:
        digest.summarizer = summarizer.info
        for ad in digest.articles:
            request = _summary_request(digest.page, ad.article)
            if request is not None:
                key = cache_key("summary", info, opts, "\n".join([request.title or "", *request.sentences]))
                jobs.append((ad, digest.page, request, key))
    stored = _valid(cache.get_many(key for *_, key in jobs), ("sentences", "coverage", "findings"))
    todo = [job for job in jobs if job[3] not in stored]
    advance = _counter("summarize", len(jobs), [_where(page, ad.article) for ad, page, _, _ in todo], progress)
    for chunk in _chunks(todo, SUMMARY_CHUNK):
        results = summarizer.summarize([request for _, _, request, _ in chunk], on_progress=advance)
        fresh = {}
        for (ad, _, request, key), summary in zip(chunk, results):
            findings = check_summary(summary.text, "".join(request.sentences), unit_id=f"{ad.article.id}.summary")
            fresh[key] = {"sentences": summary.sentences, "coverage": summary.coverage, "findings": _stored(findings)}
        cache.put_many(fresh)
        stored.update(fresh)
    for ad, page, _, key in jobs:
        value = stored[key]
        sentences = _shown_summary(page, ad.article, value["sentences"])
        ad.summary = [Unit(f"{ad.article.id}.summary.s{i}", s) for i, s in enumerate(sentences, 1)]
        ad.coverage = value["coverage"]
        ad.findings = _restored(value["findings"], f"{ad.article.id}.summary", ad.summary_zh, "")


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


def _translate_all(digests: list[PageDigest], engines: Engines, cache: Cache, progress: StageCallback | None) -> None:
    pairs: list[tuple[Unit, str, str]] = []  # (unit, text given to the model, where)
    for digest in digests:
        digest.translator = engines.translator.info
        for unit, where in _units_to_translate(digest):
            model_text = _model_text(digest.page, unit.zh)
            if has_han(model_text):
                pairs.append((unit, model_text, where))
            else:
                unit.en = unit.zh  # nothing Chinese to translate: passed through as is
    texts = [text for _, text, _ in pairs]
    results = translate_texts(texts, engines, cache, progress=progress, where=[where for *_, where in pairs])
    for unit, model_text, _ in pairs:
        unit.en, findings = results[model_text]
        unit.findings = _restored(findings, unit.id, unit.zh, unit.en)


def translate_texts(
    texts: Sequence[str],
    engines: Engines,
    cache: Cache,
    *,
    progress: StageCallback | None = None,
    where: Sequence[str] | None = None,
) -> dict[str, tuple[str, list[list[str]]]]:
    """English and stored findings for each distinct text: from the cache, else from the
    translator (glossary-protected, numbers repaired), then cached chunk by chunk. The cached
    value is the final English, so a second run does no model work. `where` (parallel to
    `texts`) names where each text is, for `progress`."""
    translator = engines.translator
    opts = {
        "beam": engines.options.engine.beam,
        "glossary": engines.glossary.fingerprint(),
        "repair": engines.options.repair,
        "v": PIPELINE_VERSION,
    }
    info = asdict(translator.info)
    where_of: dict[str, str] = {}
    for text, place in zip(texts, where or []):
        where_of.setdefault(text, place)
    distinct = list(dict.fromkeys(texts))
    keys = {text: cache_key("translation", info, opts, text) for text in distinct}
    stored = _valid(cache.get_many(keys.values()), ("en", "findings"))
    # Longest first, the order the translator's batches take: each chunk then batches texts of
    # similar length (chunks in page order would leave short and long ones to small batches).
    todo = sorted((text for text in distinct if keys[text] not in stored), key=len, reverse=True)
    advance = _counter("translate", len(distinct), [where_of.get(text, "") for text in todo], progress)
    for chunk in _chunks(todo, TRANSLATION_CHUNK):
        fresh = {keys[text]: value for text, value in _translate_fresh(chunk, engines, advance).items()}
        cache.put_many(fresh)
        stored.update(fresh)
    return {text: (stored[keys[text]]["en"], stored[keys[text]]["findings"]) for text in distinct}


def _translate_fresh(texts: list[str], engines: Engines, advance: Callable[[int], None]) -> dict[str, dict]:
    translator, glossary = engines.translator, engines.glossary
    if engines.is_gloss:  # key facts, not a translation: nothing to check against the source
        return {t: {"en": en, "findings": []} for t, en in zip(texts, translator.translate(texts, on_progress=advance))}
    from .checks import check_pair
    from .repair import repair_translations

    protected = [glossary.protect(t) for t in texts]
    outputs = translator.translate([text for text, _ in protected], on_progress=advance)
    english = [restore(out) for (_, restore), out in zip(protected, outputs)]
    if not engines.options.repair:
        return {zh: {"en": en, "findings": _stored(check_pair(zh, en, unit_id=str(i), glossary=glossary))}
                for i, (zh, en) in enumerate(zip(texts, english))}  # fmt: skip
    repaired = repair_translations([(str(i), zh, en) for i, (zh, en) in enumerate(zip(texts, english))], translator, glossary)
    return {text: {"en": r.en, "findings": _stored(r.findings)} for text, r in zip(texts, repaired)}


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
