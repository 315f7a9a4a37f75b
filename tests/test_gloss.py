"""The English key-facts gloss: labelled, numbers exact, names in pinyin, CC-CEDICT senses."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import cedict
from summarize.extractive import ExtractiveSummarizer
from summarize.gloss import LABEL, GlossTranslator, gloss
from summarize.gloss_words import person_name, place_name, romanize
from summarize.glossary import default_glossary, parse_glossary
from summarize.quantities import find_quantities, to_english
from summarize.registry import EngineOptions, SummaryRequest, Translator, registry
from summarize.segmentation import segment_text

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_page():
    path = REPO / "samples" / "yiwu-front-page.txt"
    return segment_text(path.read_text(encoding="utf-8"), input=str(path), encoding="utf-8")


def test_registered_as_a_gloss_translator():
    translator = registry().get("translator", "gloss").factory(None, EngineOptions())
    assert isinstance(translator, Translator)
    assert translator.info.kind == "gloss" and translator.info.name == "gloss" and translator.info.revision
    done = []
    out = translator.translate(["义乌汇聚超210万种商品。", "", "Hello"], on_progress=done.append)
    assert len(out) == 3 and sum(done) == 3
    assert all(line.startswith(LABEL) for line in out)


def test_numbers_of_the_seed_page_summaries_are_exact(seed_page):
    requests = [
        SummaryRequest(a.id, a.title, [s.text for p in a.body_paragraphs for s in p.sentences])
        for a in seed_page.articles
    ]
    summaries = ExtractiveSummarizer(EngineOptions()).summarize(requests)
    glosses = GlossTranslator().translate([s.text for s in summaries])
    checked = 0
    for summary, line in zip(summaries, glosses):
        assert line.startswith(LABEL + " ")
        for quantity in find_quantities(summary.text):
            assert to_english(quantity) in line, (quantity.text, line)
            checked += 1
    assert checked >= 5


def test_numbers_of_every_seed_page_sentence_are_exact(seed_page):
    sentences = [s.text for a in seed_page.articles for s in a.sentences]
    glosses = GlossTranslator().translate(sentences)
    checked = 0
    for sentence, line in zip(sentences, glosses):
        for quantity in find_quantities(sentence):
            assert to_english(quantity) in line, (quantity.text, line)
            checked += 1
    assert checked >= 60


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("2025年，全市规上工业总产值跃上1550亿元台阶。", "155 billion yuan"),
        ("今年一季度我市科技创新投入达23.66亿元，同比增长17.9%。", "2.366 billion yuan"),
        ("今年一季度我市科技创新投入达23.66亿元，同比增长17.9%。", "up 17.9% year on year"),
        ("今天的义乌，有近3万外籍常住人口。", "nearly 30,000"),
        ("本报讯 5月15日，记者从市科技局获悉。", "May 15"),
        # The counted noun comes along with its measure word.
        ("义乌汇聚超210万种商品，联通全球230多个国家和地区。", "over 2.1 million kinds of commodities"),
        ("义乌汇聚超210万种商品，联通全球230多个国家和地区。", "more than 230 countries"),
    ],
)
def test_quantities_in_english(sentence, expected):
    assert expected in gloss(sentence, default_glossary())


def test_names_in_pinyin_or_from_the_dictionaries():
    line = gloss("走进国际商贸城四区商铺，经营户傅妙玲正忙着回复海外客户的询价信息。")
    assert "Fu Miaoling" in line
    assert "Gong Yingying" in gloss("全媒体记者 龚盈盈")
    assert person_name("傅妙玲") == "Fu Miaoling"
    assert person_name("欧阳娜娜") == "Ouyang Nana"  # two-character surname
    assert person_name("曾小明") == "Zeng Xiaoming"  # the surname reading of 曾, not ceng
    assert person_name("习近平") == "Xi Jinping"  # CC-CEDICT's spelling
    assert place_name("义乌") == "Yiwu"
    assert place_name("金华市") == "Jinhua City"
    assert place_name("浙江省") == "Zhejiang Province"
    assert place_name("雅加达") == "Jakarta"  # not pinyin for a foreign place
    assert romanize("西安") == "Xi'an"
    line = gloss("本报讯 印尼雅加达时间5月14日，2026义博会印尼展在雅加达国际会展中心收官。", default_glossary())
    assert "Indonesia" in line and "Jakarta" in line and "Yiwu Fair" in line  # glossary term


def test_names_jieba_cuts_apart_or_tags_as_abbreviations():
    # A surname jieba tagged as a person, then a given name that is also a dictionary word.
    assert "Zhao Decai" in gloss("种粮大户赵德才的合作社里，30多台拖拉机整齐排列。")
    assert "Jiang Wan'an" in gloss("市长蒋万安致词时说，北环段完工后可望每日服务旅客约20万人次。")
    # A character cut off a longer word and tagged as a person is no name (统计分析/司/司长).
    line = gloss("海关总署统计分析司司长吕大良表示，前两个月外贸平稳。")
    assert "Lü Daliang" in line and "; Si;" not in line and not line.endswith("Si")
    # Abbreviations CC-CEDICT lists only as proper nouns: their English name, never dropped.
    assert "US Federal Reserve" in gloss("美联储预计，今年美国经济增速为1.7%。")
    line = gloss("杭州亚运会闭幕一年多来，56个竞赛场馆已全部向公众开放。")
    assert "Asian Games" in line and "Asian Games fair" not in line


def test_glossary_wins_over_pinyin():
    custom = parse_glossary("傅妙玲\tFu Miaoling (Jiehao Bamboo)\n")
    assert "Fu Miaoling (Jiehao Bamboo)" in gloss("经营户傅妙玲正忙着。", custom)
    translator = GlossTranslator(EngineOptions(glossary=custom))
    assert "Jiehao" in translator.translate(["经营户傅妙玲正忙着。"])[0]


def test_key_terms_take_a_fitting_cedict_sense():
    line = gloss("展会期间，采购商络绎不绝，订单不断。")
    assert "buyer" in line
    assert "order" in line
    assert cedict.sense("国家") == "country"
    assert cedict.sense("商品") == "commodity"
    assert cedict.sense("地区", noun=True) == "district"  # a noun, not "local"
    assert cedict.sense("曾") == "once"  # not "surname Zeng"
    assert cedict.sense("行", reading="hang") != cedict.sense("行", reading="xing")
    assert cedict.sense("不存在的词") is None
    assert cedict.proper_name("复旦大学") == "Fudan University"


def test_sense_cleaning():
    assert cedict.clean_sense("Yiwu, county-level city in Jinhua 金華|金华[Jin1 hua2], Zhejiang") == (
        "Yiwu, county-level city in Jinhua, Zhejiang"
    )
    assert cedict.clean_sense("to learn of sth") == "to learn of"
    assert cedict.clean_sense("media, esp. news media") == "media"
    assert cedict.clean_sense("(bound form) instructor") == "instructor"


def test_sentences_are_kept_apart_and_labelled_once():
    line = gloss("义乌汇聚超210万种商品。今年一季度投入达23.66亿元。")
    assert line.count(LABEL) == 1
    assert " | " in line
    assert line.index("2.1 million") < line.index("2.366 billion yuan")


def test_traditional_chinese_numbers():
    assert "2.366 billion yuan" in gloss("今年一季度我市科技創新投入達23.66億元。")


def test_cedict_attribution_ships():
    notice = (REPO / "NOTICE").read_text(encoding="utf-8")
    assert "CC-CEDICT" in notice and "CC BY-SA 4.0" in notice
    assert "CC BY-SA 4.0" in cedict.ATTRIBUTION


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
            st.sampled_from("0123456789０１２３.%％万亿元年月日号至—－-，。！？“”《》()（） \n\t"),
            st.characters(),
        ),
        max_size=60,
    )
)
def test_never_raises_and_is_always_labelled(text):
    line = gloss(text, default_glossary())
    assert line.startswith(LABEL)
    assert "\n" not in line


# Sentences written for these tests (not taken from any corpus).
@pytest.mark.parametrize(
    ("sentence", "expected", "wrong"),
    [
        ("眼下正值秋粮收购旺季。", "just at", "honest"),
        ("会议确定了明年工作的总基调。", "overall tone", "main key"),
        ("前四个月全省出口同比增长8.2%。", "export", "exit"),
        ("县里的种粮大户今年扩种了500亩。", "large grain grower", "great family"),
        ("这场展会于昨日在杭州收官。", "wrap up", "endgame"),
        ("两天内共达成意向订单3000万元。", "letter-of-intent orders", "intention"),
        ("广大群众积极参与。", "the general public", "Guang"),
        ("市人大常委会副主任出席会议。", "people's congress standing committee", "National People's Congress"),
        ("市十七届人大第五次会议昨天开幕。", "17th; people's congress; fifth session", "National"),
        ("党的二十届三中全会在北京举行。", "20th; third plenary session", "times"),
    ],
)
def test_news_senses_replace_senses_wrong_in_news(sentence, expected, wrong):
    line = gloss(sentence, default_glossary())
    assert expected in line and wrong not in line, line


@pytest.mark.parametrize(
    ("sentence", "expected", "pinyin"),
    [
        ("新一轮消费券将于下周发放。", "new round", "Xinyilun"),
        ("新校区昨天举行开工典礼。", "groundbreaking ceremony", "Kaigongdianli"),
        ("財政司司長昨日發表預算案。", "Financial Secretary", "Caizhengsi"),
        ("这项补贴惠及全县两万农户。", "benefit", "Huiji"),
        ("当地营商环境明显改善。", "improvement", "Ming Xiangaishan"),
    ],
)
def test_common_words_jieba_tags_as_names_are_glossed_not_romanized(sentence, expected, pinyin):
    line = gloss(sentence, default_glossary())
    assert expected in line and pinyin not in line, line


def test_names_stay_names_beside_news_senses():
    assert "Fu Miaoling" in gloss("经营户傅妙玲的店铺生意红火。")
    assert "Jakarta" in gloss("代表团抵达雅加达，出口洽谈会随即开幕。")
    line = gloss("义乌的小商品出口持续增长。", default_glossary())
    assert "Yiwu" in line and "export" in line


def test_compounds_missing_from_cedict_are_composed_from_their_parts():
    # A company: 福特 + 公司, not 福特公 + the institutional suffix 司.
    assert "Ford company" in gloss("福特公司宣布召回三万辆汽车。")
    assert place_name("统计分析司") == "statistics analysis department"  # 司: institutional suffix
    assert place_name("省政府") == "provincial government"
    # A news-sense phrase across jieba's words leaves the counted noun to the count.
    assert "5 containers" in gloss("客商当场敲定5个货柜意向合作。")


def test_news_sense_table_is_well_formed_and_separate_from_the_glossary():
    from summarize.gloss_words import news_sense, news_senses

    path = REPO / "summarize" / "data" / "news_senses.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    assert len(rows) >= 300 and all(len(row) == 2 for row in rows)
    zh = [row[0] for row in rows]
    assert len(zh) == len(set(zh)), "a word given twice"
    for word, english in rows:
        assert word == word.strip() and english == english.strip() and english, word
        assert len(english.split()) <= 5 and english.isascii(), (word, english)
    assert news_senses() is news_senses()  # read once
    assert news_sense("出口") == "export" and news_sense("不存在的词") is None
    # Common words must never be written into the Chinese before machine translation.
    glossary = default_glossary()
    assert not [word for word in zh if word in glossary]
