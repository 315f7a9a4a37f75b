"""The built-in extractive summarizer: budget, order, whole sentences, redundancy, lead prior."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.extractive import ExtractiveSummarizer, is_fragment, rank_sentences, select_sentences
from summarize.registry import EngineOptions, Summarizer, SummaryRequest, registry
from summarize.segmentation import segment_text
from summarize.sentence_facts import strip_credit

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
    sentences = ["今年春季全市降雨偏多，气温比往年略低。", "全市新能源公交车将覆盖所有主城区线路。"]
    assert select_sentences(sentences, 30) == [0]
    assert select_sentences(sentences, 30, title="新能源公交车覆盖主城区") == [1]


def test_the_headline_figure_comes_first_when_the_body_states_it():
    sentences = [
        "本报讯 5月14日，为期三天的机械展在会展中心闭幕。",
        "展会期间，现场洽谈火热，采购商络绎不绝。",
        "86家本地企业参展，累计达成意向订单千余笔、金额3200余万元。",
    ]
    title = "机械展闭幕 本地企业揽获意向订单超3200万元"
    assert select_sentences(sentences, 40, title=title) == [2]  # over budget: the key sentence whole
    assert select_sentences(sentences, 80, title=title) == [0, 2]
    assert 2 not in select_sentences(sentences, 40)  # no headline: the lead


def test_figures_beat_filler_and_quotes_scenes_come_last():
    sentences = [
        "走进社区食堂，老人们正忙着排队打饭。",
        "“饭菜可口又实惠，我们天天来。”",
        "据了解，社区食堂主要由街道和社会力量共同运营。",
        "今年以来，全区已建成社区食堂36家，累计服务老人12.5万人次。",
    ]
    assert select_sentences(sentences, 40) == [3]
    ranking = rank_sentences(sentences, stop_weak=False)
    assert ranking[0] == 3 and set(ranking[-2:]) == {0, 1}


def test_a_larger_budget_keeps_what_a_smaller_one_had():
    # The lead is too long for 60: it is taken whole, never swapped for a short filler.
    sentences = [
        "5月15日，记者从市科技局获悉，今年一季度我市科技创新投入达23.66亿元，同比增长17.9%，两项指标均居全市第一。",
        "据了解，科技创新投入主要由政府和企业投入构成。",
        "截至2025年，全市累计培育国家高新技术企业498家。",
    ]
    small, medium, large = (select_sentences(sentences, b) for b in (60, 120, 200))
    assert small == [0]
    assert set(small) <= set(medium) <= set(large)


def test_credits_and_datelines_never_start_a_summary():
    for credit, text in [
        ("记者江宝章报道：", "昨天，全市新建的12座公交站投入使用。"),
        ("拉萨讯：", "西藏今年新开通航线8条，通航城市达到70个。"),
        ("本报讯（记者 张三 通讯员 李四）", "昨天上午，新区2.5万平方米的图书馆开馆。"),
        ("新华社北京7月26日电（记者王五）", "国务院近日印发通知，部署30项重点任务。"),
    ]:
        assert strip_credit(credit + text) == text
        summary = ExtractiveSummarizer(EngineOptions(summary_chars=120)).summarize(
            [SummaryRequest("a1", None, [credit + text, "此外，相关工作正在推进。"])]
        )[0]
        assert summary.text.startswith(text)
    assert strip_credit("5月15日，记者从市科技局获悉，投入达23.66亿元。") == "5月15日，记者从市科技局获悉，投入达23.66亿元。"
    assert strip_credit("记者江宝章报道：") == "记者江宝章报道："  # nothing after it: kept, and a fragment
    assert is_fragment("记者江宝章报道：")


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


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_sentence, max_size=10), st.integers(0, 100), st.integers(0, 100), st.booleans())
def test_a_larger_budget_never_drops_a_sentence(sentences, budget, extra, titled):
    title = sentences[0] if titled and sentences else None
    smaller = select_sentences(sentences, budget, title=title)
    larger = select_sentences(sentences, budget + extra, title=title)
    assert set(smaller) <= set(larger)


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
        bodies = [strip_credit(s) for s in request.sentences]
        positions = [bodies.index(s) for s in summary.sentences]  # whole sentences only
        assert positions == sorted(positions)
    # The science-and-technology article: its lead carries the key figures.
    assert "23.66亿元" in summaries[1].text
    # The fair: the orders and the firms its headline announces, not only the dates and venue.
    assert "5500余万元" in summaries[4].text and "129家" in summaries[4].text
    # The commentary: what it is about (who, how often), not its abstract opening thesis.
    assert not summaries[0].text.startswith("经验不是")
    for budgets in ((60, 120), (120, 200)):
        small, large = (
            ExtractiveSummarizer(EngineOptions(summary_chars=b)).summarize(requests) for b in budgets
        )
        for a, b in zip(small, large):
            assert set(a.sentences) <= set(b.sentences)


def test_summary_chars_option_sets_the_budget(sample_page):
    page = segment_text(sample_page.read_text(encoding="utf-8"), input=str(sample_page), encoding="utf-8")
    article = page.articles[0]
    request = SummaryRequest(article.id, None, [s.text for p in article.body_paragraphs for s in p.sentences])
    short = ExtractiveSummarizer(EngineOptions(summary_chars=50)).summarize([request])[0]
    long = ExtractiveSummarizer(EngineOptions(summary_chars=300)).summarize([request])[0]
    assert len(short.text) <= 50 or len(short.sentences) == 1
    assert len(long.text) <= 300


def test_sentence_facts_read_figures_names_quotes_and_scenes():
    from summarize.sentence_facts import figures, sentence_facts

    fair = sentence_facts("129家义乌外贸企业亮相2026义博会，累计达成意向订单金额5500余万元。")
    assert {f.value for f in fair.figures} >= {129, 55000000} and 2026 not in {f.value for f in fair.figures}
    assert "义乌" in fair.names and fair.factual == 1.0
    assert figures("超5500万元")[0].matches(figures("5500余万元")[0])
    assert not figures("为期三天，5月14日，两项指标")  # durations, dates and small counts say no amount
    assert sentence_facts("“饭菜可口又实惠，我们天天来。”").quote
    assert sentence_facts("走进社区食堂，老人们正在排队。").scene
    assert sentence_facts("经验不是刻板固化的成品，而是与时俱进的过程。").factual == 0.0
