"""The library API of the main job (summarize.pipeline): pages in, bilingual digests out, with the
persistent cache doing away with model work on a second run."""

from __future__ import annotations

import shutil

import pytest
from run_helpers import SAMPLE_PAGE

from summarize import pipeline
from summarize.digest import GLOSS, Unit, paragraph_english
from summarize.pipeline import Engines, RunOptions, read_pages, run_pages
from summarize.registry import EngineOptions
from summarize.script import to_traditional
from summarize.segmentation.patterns import strip_dateline


def builtin_engines(**options) -> Engines:
    return Engines(RunOptions(summarizer="extractive", translator="gloss", **options))


def model_engines(translator, summarizer, *, beam: int | None = None, **options) -> Engines:
    engine = EngineOptions(threads=1, beam=beam)
    return Engines(RunOptions(translator=str(translator), summarizer=str(summarizer), engine=engine, **options))


class ModelCalls:
    """Counts the texts each engine is asked to work on (the engines' own methods, wrapped)."""

    def __init__(self, engines: Engines):
        self.texts = {"summarize": 0, "translate": 0}
        for method, engine in (("summarize", engines.summarizer), ("translate", engines.translator)):
            setattr(engine, method, self._counted(method, getattr(engine, method)))

    def _counted(self, method, original):
        def counted(items, **kwargs):
            self.texts[method] += len(items)
            return original(items, **kwargs)

        return counted


@pytest.fixture(scope="module")
def sample_pages():
    pages, errors = read_pages([str(SAMPLE_PAGE)])
    assert not errors
    return pages


def test_every_article_gets_a_summary_and_english(sample_pages):
    [digest] = run_pages(sample_pages, builtin_engines())
    assert len(digest.articles) == 5
    for ad in digest.articles:
        assert ad.summary, ad.article.id
        assert ad.summary_zh and ad.summary_en
        assert all(u.en for u in ad.summary)
        # extractive: whole article sentences, less a dateline tag (本报讯)
        assert {u.zh for u in ad.summary} <= {strip_dateline(s.text) for s in ad.article.sentences}
        assert not any(u.zh.startswith("本报讯") for u in ad.summary)
        if ad.title:
            assert ad.title.en
    assert digest.translator.kind == "gloss" and digest.summarizer.name == "extractive"


def test_full_aligns_every_sentence_of_every_paragraph(sample_pages, tiny_marian_ct2, tiny_t5_ct2):
    [digest] = run_pages(sample_pages, model_engines(tiny_marian_ct2, tiny_t5_ct2, full=True))
    for ad in digest.articles:
        assert list(ad.paragraphs) == [p.id for p in ad.article.paragraphs]
        for paragraph in ad.article.paragraphs:
            units = ad.paragraphs[paragraph.id]
            assert [u.id for u in units] == [s.id for s in paragraph.sentences]
            assert [u.zh for u in units] == [s.text for s in paragraph.sentences]
            assert all(u.en.strip() for u in units)
            assert ad.paragraph_en(paragraph.id)
    assert digest.translator.backend == "ctranslate2" and digest.summarizer.kind == "abstractive"


def test_without_full_only_titles_and_summaries_are_translated(sample_pages):
    engines = builtin_engines()
    calls = ModelCalls(engines)
    [digest] = run_pages(sample_pages, engines)
    assert all(not ad.paragraphs for ad in digest.articles)
    expected = {u.zh for ad in digest.articles for u in [ad.title, ad.subtitle, *ad.summary] if u}
    assert calls.texts["translate"] == len(expected)


def test_second_run_does_no_model_work(sample_pages, fake_backends):
    first = model_engines(fake_backends, fake_backends)
    first_calls = ModelCalls(first)
    [before] = run_pages(sample_pages, first)
    assert first_calls.texts["summarize"] == 5 and first_calls.texts["translate"] > 5

    again = model_engines(fake_backends, fake_backends)
    calls = ModelCalls(again)
    [after] = run_pages(sample_pages, again)
    assert calls.texts == {"summarize": 0, "translate": 0}
    assert [(u.zh, u.en) for ad in after.articles for u in ad.summary] == [(u.zh, u.en) for ad in before.articles for u in ad.summary]
    assert [f.message for f in after.findings] == [f.message for f in before.findings]


def test_cache_is_keyed_by_options_and_engine(sample_pages, fake_backends, tmp_path):
    run_pages(sample_pages, model_engines(fake_backends, fake_backends))

    beam = model_engines(fake_backends, fake_backends, beam=2)
    calls = ModelCalls(beam)
    run_pages(sample_pages, beam)
    assert calls.texts["summarize"] == 5 and calls.texts["translate"] > 5  # a different beam: new outputs

    glossary = tmp_path / "terms.tsv"
    glossary.write_text("科技局\tScience and Technology Bureau\n", encoding="utf-8")
    with_glossary = model_engines(fake_backends, fake_backends, glossary=str(glossary))
    calls = ModelCalls(with_glossary)
    run_pages(sample_pages, with_glossary)
    assert calls.texts["summarize"] == 0  # summaries do not depend on the glossary
    assert calls.texts["translate"] > 5

    no_cache = model_engines(fake_backends, fake_backends, use_cache=False)
    calls = ModelCalls(no_cache)
    run_pages(sample_pages, no_cache)
    assert calls.texts["summarize"] == 5 and calls.texts["translate"] > 5


def test_another_revision_of_a_model_is_not_served_from_the_cache(sample_pages, tiny_marian_ct2, tmp_path):
    model = shutil.copytree(tiny_marian_ct2, tmp_path / "marian")
    first = model_engines(model, "extractive")
    run_pages(sample_pages, first)
    config = model / "config.json"
    config.write_text(config.read_text(encoding="utf-8").rstrip() + "\n\n", encoding="utf-8")  # a new file, same model
    again = model_engines(model, "extractive")
    assert again.translator.info.revision != first.translator.info.revision
    calls = ModelCalls(again)
    run_pages(sample_pages, again)
    assert calls.texts["translate"] > 5 and calls.texts["summarize"] == 0


def test_an_interrupted_run_keeps_the_model_work_it_finished(sample_pages, monkeypatch):
    monkeypatch.setattr(pipeline, "TRANSLATION_CHUNK", 10)
    engines = builtin_engines(full=True)
    translate = engines.translator.translate
    chunks = []

    def interrupted(texts, **kwargs):
        if len(chunks) == 3:
            raise KeyboardInterrupt
        chunks.append(len(texts))
        return translate(texts, **kwargs)

    engines.translator.translate = interrupted
    with pytest.raises(KeyboardInterrupt):
        run_pages(sample_pages, engines)

    again = builtin_engines(full=True)
    calls = ModelCalls(again)
    [digest] = run_pages(sample_pages, again)
    distinct = {u.zh for ad in digest.articles for u in [ad.title, ad.subtitle, *ad.summary, *sum(ad.paragraphs.values(), [])] if u}
    assert calls.texts["translate"] == len(distinct) - sum(chunks)
    assert calls.texts["summarize"] == 0


def test_progress_names_the_stage_and_where_it_is(sample_pages):
    reports = []
    run_pages(sample_pages, builtin_engines(), progress=lambda *args: reports.append(args))
    stages = [stage for stage, *_ in reports]
    assert stages.index("translate") > stages.index("summarize")
    assert stages[-1] == "translate" and "summarize" not in stages[stages.index("translate") :]
    for stage in ("summarize", "translate"):
        mine = [r for r in reports if r[0] == stage]
        done = [r[1] for r in mine]
        assert done == sorted(done) and done[-1] == mine[-1][2]
        assert {r[3] for r in mine} - {""} <= {f"{SAMPLE_PAGE.name} a{i}" for i in range(1, 6)}
    assert {r[3] for r in reports if r[0] == "summarize"} >= {f"{SAMPLE_PAGE.name} a1", f"{SAMPLE_PAGE.name} a5"}

    again = []
    run_pages(sample_pages, builtin_engines(), progress=lambda *args: again.append(args))
    assert all(done == total for _, done, total, _ in again)  # everything cached: nothing to do


def test_traditional_page_keeps_its_script_for_display(tmp_path):
    page_file = tmp_path / "trad.txt"
    simplified = "\n".join(SAMPLE_PAGE.read_text(encoding="utf-8").splitlines()[:40])
    page_file.write_text(to_traditional(simplified), encoding="utf-8")
    pages, _ = read_pages([str(page_file)])
    assert pages[0].script == "traditional"
    [digest] = run_pages(pages, builtin_engines())
    summary = "".join(ad.summary_zh for ad in digest.articles)
    assert summary and summary == to_traditional(summary)
    assert all(ad.summary_en for ad in digest.articles if ad.summary)


def test_text_without_chinese_is_passed_through(tmp_path):
    page_file = tmp_path / "english.txt"
    page_file.write_text("Markets rallied on Monday.\n\nTraders cheered the news.\n", encoding="utf-8")
    pages, _ = read_pages([str(page_file)])
    engines = builtin_engines(full=True)
    calls = ModelCalls(engines)
    [digest] = run_pages(pages, engines)
    assert calls.texts == {"summarize": 0, "translate": 0}
    units = [u for ad in digest.articles for us in ad.paragraphs.values() for u in us]
    assert units and all(u.en == u.zh for u in units)


def test_a_gloss_paragraph_keeps_one_label():
    units = [Unit("p.s1", "甲", "one; two", en_kind=GLOSS), Unit("p.s2", "乙", "", en_kind=GLOSS), Unit("p.s3", "丙", "three", en_kind=GLOSS)]
    assert [shown for _, shown in paragraph_english(units)] == ["[gloss] one; two", "", "| three"]
    empty_first = [Unit("p.s1", "甲", "", en_kind=GLOSS), Unit("p.s2", "乙", "three", en_kind=GLOSS)]
    assert [shown for _, shown in paragraph_english(empty_first)] == ["", "[gloss] three"]
    translated = [Unit("p.s1", "甲", "One."), Unit("p.s2", "乙", "Two.")]
    assert [shown for _, shown in paragraph_english(translated)] == ["One.", "Two."]
    mixed = [Unit("p.s1", "甲", "one", en_kind=GLOSS), Unit("p.s2", "2026", "2026"), Unit("p.s3", "丙", "three", en_kind=GLOSS)]
    assert [shown for _, shown in paragraph_english(mixed)] == ["[gloss] one", "2026", "| three"]


def test_a_gloss_summary_of_several_sentences_is_labelled_once():
    pages, _ = read_pages([str(SAMPLE_PAGE)])
    [digest] = run_pages(pages, builtin_engines())
    several = [ad for ad in digest.articles if len(ad.summary) > 1]
    assert several  # the 义乌 lead article's summary has two sentences
    for ad in several:
        assert ad.summary_en == "[gloss] " + " | ".join(u.en for u in ad.summary if u.en)
        assert ad.summary_en.count("[gloss]") == 1
    lead = digest.articles[0].summary_en
    assert "Xi Jinping" in lead and "| tiny; stall; world's supermarket" in lead and "over 2.1 million kinds of commodities" in lead
