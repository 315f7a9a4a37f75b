"""The English key-facts gloss: labelled, numbers exact, names in pinyin, CC-CEDICT senses."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import cedict
from summarize.extractive import ExtractiveSummarizer
from summarize.gloss import LABEL, GlossTranslator, gloss, person_name, place_name, romanize
from summarize.glossary import default_glossary, parse_glossary
from summarize.numbers import find_quantities, to_english
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


def test_glossary_wins_over_pinyin():
    custom = parse_glossary("傅妙玲\tFu Miaoling (Jiehao Bamboo)\n")
    assert "Fu Miaoling (Jiehao Bamboo)" in gloss("经营户傅妙玲正忙着。", custom)
    translator = GlossTranslator(EngineOptions(extra={"glossary": custom}))
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
