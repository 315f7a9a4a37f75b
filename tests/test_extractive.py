"""The built-in extractive summarizer: budget, order, whole sentences, redundancy, lead prior."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.extractive import ExtractiveSummarizer, is_fragment, select_sentences
from summarize.registry import EngineOptions, Summarizer, SummaryRequest, registry
from summarize.segmentation import segment_text

# A short made-up news article: lead, details, a near-duplicate of the lead, a quote, an aside.
ARTICLE = [
    "本报讯 3月2日，市交通局宣布，全市新能源公交车今年将增加到800辆，覆盖所有主城区线路。",
    "据介绍，新增公交车主要投放在城东和城西两个新区。",
    "市交通局宣布，全市新能源公交车今年将增加到800辆，覆盖主城区所有线路。",
    "“新能源公交车噪音小、排放低，乘客反映很好。”一位公交司机说。",
    "此外，市区还将新建充电站20座，方便新能源公交车充电。",
    "当天天气晴朗。",
]


def test_budget_respected_order_kept_and_sentences_whole():
    for budget in (40, 60, 90, 120, 200):
        picked = select_sentences(ARTICLE, budget)
        assert picked == sorted(set(picked))
        assert sum(len(ARTICLE[i]) for i in picked) <= budget or len(picked) == 1


def test_when_nothing_fits_the_best_sentence_is_taken_whole_not_cut():
    assert select_sentences(ARTICLE[:3], 10) == [0]  # the lead, whole
    assert select_sentences(ARTICLE[:3], 0) == [0]


def test_near_duplicates_are_not_both_chosen():
    picked = select_sentences(ARTICLE, 400, fill=True)
    assert not {0, 2} <= set(picked)
    assert 0 in picked


def test_lead_prior_prefers_the_first_of_equally_topical_sentences():
    sentences = [
        "市图书馆周末延长开放时间到晚上九点。",
        "市博物馆周末延长开放时间到晚上八点。",
        "市美术馆周末延长开放时间到晚上七点。",
    ]
    assert select_sentences(sentences, 20) == [0]


def test_headline_pulls_towards_the_sentence_it_is_about():
    sentences = ["今年春季全市降雨偏多，气温比往年略低。", "全市新能源公交车今年将增加到800辆，覆盖所有主城区线路。"]
    assert select_sentences(sentences, 30) == [0]
    assert select_sentences(sentences, 30, title="新能源公交车增加到800辆") == [1]


def test_fragments_bylines_and_datelines_are_skipped():
    assert is_fragment("全媒体记者 龚盈盈")
    assert is_fragment("新华社发 商海春 作")
    assert is_fragment("(下转第二版)")
    assert is_fragment("来源：浙江宣传")
    assert is_fragment("新华社成都7月26日电 题：把优秀返乡农民工打造成乡村振兴生力军")
    assert is_fragment("新华社北京7月26日电（记者张三）")
    assert not is_fragment(ARTICLE[0])
    sentences = ["全媒体记者 龚盈盈", "(下转第二版)", *ARTICLE]
    picked = select_sentences(sentences, 120)
    assert 0 not in picked and 1 not in picked


def test_an_attribution_split_off_a_quote_is_no_summary():
    # The sentence split leaves "…负责人说。" alone after a quote: who spoke, not what was said.
    assert is_fragment("一家港资物流企业负责人说。")
    assert is_fragment("市民王女士告诉记者。")
    assert not is_fragment("市长表示，今年将新建学校12所。")
    assert not is_fragment("会议指出，要加大财政支出强度。")
    sentences = [
        "本报讯 记者从市金融管理局获悉，跨境金融试点今年将扩大至20家银行，业务规模预计超过500亿元。",
        "“试点让我们的资金周转时间从3天缩短到半天。”",
        "一家港资物流企业负责人说。",
    ]
    assert 2 not in select_sentences(sentences, 20)  # the best sentence whole, not the attribution


def test_only_fragments_still_give_a_summary():
    assert select_sentences(["全媒体记者 龚盈盈"], 120) == [0]
    assert select_sentences([], 120) == []
    assert select_sentences(["", "  "], 120) == []


def test_fill_uses_the_budget_for_a_models_input():
    stopped = select_sentences(ARTICLE, 200)
    filled = select_sentences(ARTICLE, 200, fill=True)
    assert set(stopped) <= set(filled)
    assert sum(len(ARTICLE[i]) for i in filled) <= 200
    assert len(filled) > len(stopped)


def test_cost_function_is_the_budget_unit():
    tokens = lambda s: len(s) // 2  # noqa: E731 - a stand-in for a tokenizer's count
    picked = select_sentences(ARTICLE, 60, cost=tokens, fill=True)
    assert sum(tokens(ARTICLE[i]) for i in picked) <= 60
    assert sum(len(ARTICLE[i]) for i in picked) > 60


def test_deterministic():
    runs = {tuple(select_sentences(ARTICLE, 120, title="公交车")) for _ in range(3)}
    assert len(runs) == 1


_han = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
_sentence = st.builds(
    lambda body, end: body + end,
    st.text(alphabet=st.one_of(_han, st.sampled_from("，、0123456789%")), min_size=0, max_size=40),
    st.sampled_from(["。", "！", "？", ""]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_sentence, max_size=12), st.integers(min_value=0, max_value=150), st.booleans())
def test_invariants_on_arbitrary_articles(sentences, budget, fill):
    picked = select_sentences(sentences, budget, fill=fill)
    assert picked == sorted(set(picked))
    assert all(0 <= i < len(sentences) for i in picked)
    if any(s.strip() for s in sentences) and any(any("\u4e00" <= c <= "\u9fff" or c.isdigit() for c in s) for s in sentences):
        assert picked
    if len(picked) > 1:
        assert sum(len(sentences[i]) for i in picked) <= budget


def test_registered_backend_summarizes_the_seed_page(sample_page):
    backend = registry().get("summarizer", "extractive")
    summarizer = backend.factory(None, EngineOptions(summary_chars=120))
    assert isinstance(summarizer, Summarizer)
    assert summarizer.info.kind == "extractive" and summarizer.info.revision

    page = segment_text(sample_page.read_text(encoding="utf-8"), input=str(sample_page), encoding="utf-8")
    requests = [
        SummaryRequest(a.id, a.title, [s.text for p in a.body_paragraphs for s in p.sentences])
        for a in page.articles
    ]
    assert len(requests) == 5
    done = []
    summaries = summarizer.summarize(requests, on_progress=done.append)
    assert sum(done) == len(requests)
    for request, summary in zip(requests, summaries):
        assert summary.sentences, request.id
        assert summary.coverage == 1.0
        assert len(summary.text) <= 120
        positions = [request.sentences.index(s) for s in summary.sentences]  # whole sentences only
        assert positions == sorted(positions)
    # The science-and-technology article: its lead carries the key figures.
    assert "23.66亿元" in summaries[1].text


def test_summary_chars_option_sets_the_budget(sample_page):
    page = segment_text(sample_page.read_text(encoding="utf-8"), input=str(sample_page), encoding="utf-8")
    article = page.articles[0]
    request = SummaryRequest(article.id, None, [s.text for p in article.body_paragraphs for s in p.sentences])
    short = ExtractiveSummarizer(EngineOptions(summary_chars=50)).summarize([request])[0]
    long = ExtractiveSummarizer(EngineOptions(summary_chars=300)).summarize([request])[0]
    assert len(short.text) <= 50 or len(short.sentences) == 1
    assert len(long.text) <= 300
