"""The gloss would rather leave a word out than give a wrong sense: dates, surnames, fixed
expressions, titles of works, codes, words jieba cuts or tags doubtfully."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.gloss import gloss, key_fact_pairs
from summarize.gloss_context import ordinal_day
from summarize.gloss_words import left_out, news_sense
from summarize.glossary import default_glossary
from summarize.segmentation import segment_text

REPO = Path(__file__).resolve().parents[1]
PAGES = [REPO / "samples" / "yiwu-front-page.txt", *sorted((REPO / "benchmarks" / "pages").glob("*.txt"))]

# English that misleads: what the gloss used to say for these on real pages.
WRONG = [
    "19 days", "9 days", "20 days", "Guo Xing", "middle people", "peers", "Fu Chunshan", "Meimei",
    "make a profit", "2 targets", "continent", "Quanyunhui", "1; 4; X", "etc", "Xia Qiuhang",
    "Zhou Xiansheng", "Guo Mou", "Lao Cai", "Xibeidi", "daily expenses", "1 degrees", "Xinqu",
    "Hui Xiaowei", "13,500 households",
]  # fmt: skip


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("十九日晚间，城南派出所接到群众报警。", "the 19th"),
        ("本报讯 本月九日，记者从市商务局获悉。", "the 9th"),
        ("二十日上午，龙舟赛在体育中心开赛。", "the 20th"),
        ("民警将驾车逃逸的郭姓男子抓获。", "a man surnamed Guo"),
        ("一名王姓女子报警。", "a woman surnamed Wang"),
        ("经常往返两地做生意的周先生说。", "Mr Zhou"),
        ("经检测，郭某血液中酒精含量超标。", "Guo"),
        ("本月九日，中央人民政府发布消息。", "Central People's Government"),
        ("总量、增速两项指标均居金华第一。", "2 indicators"),
        ("来自大陆和台湾的选手同场竞技。", "mainland"),
        ("第十五届全运会群众赛事开赛。", "National Games"),
        ("建立“1+4+X”科技创新投入持续增长机制。", "1+4+X"),
        ("义乌又该如何继续抢占“C位”？", "centre stage"),
        ("今年前三季度，全市新设企业1.35万户。", "the first 3 quarters"),
        ("建成后将与城市轨道交通1号线无缝换乘。", "Line 1"),
        ("市12345政务服务热线共受理群众来电18.6万件。", "12345"),
    ],
)
def test_context_gives_the_right_reading(sentence, expected, glossary):
    assert expected in gloss(sentence, glossary)


@pytest.mark.parametrize(
    "sentence",
    [
        "才能在城乡一体的画卷上，铺展出现代版的“富春山居图”。",  # a painting: no pinyin, no "display"
        "让不同文明美美其美、美美与共，义乌依然在路上。",  # a saying, not a name
        "全省上下真抓实干、久久为功、为民谋利。",  # fixed expressions only from the table
        "与市场迭代发展同行并进",  # 同行: tóngxíng or tóngháng
        "部分村庄交通一度中断。",  # 一度: for a time, not 1 degree
        "全市普惠小微贷款余额达1865亿元。",  # 普/惠小微: no Mr Hui
        "夏秋航季启幕",  # summer-autumn flight season, not Mr Xia
        "城东新区实验小学门口。",  # 新区: a new district, not "Xinqu"
        "义乌企业携日用消费品参展，现场亮相。",  # no "to exhibit at ... etc"
    ],
)
def test_a_doubtful_word_is_left_out_not_guessed(sentence, glossary):
    line = gloss(sentence, glossary)
    assert not [wrong for wrong in WRONG + ["to put on display", "Fu Chun", "Weimin"] if wrong in line], line


def test_a_count_of_days_stays_a_duration():
    assert "30 days" in gloss("请于三十日内完成整改。")
    assert ordinal_day(1) == "the 1st" and ordinal_day(12) == "the 12th" and ordinal_day(23) == "the 23rd"


def test_households_only_when_households_are_counted():
    assert "82 households" in gloss("带动周边82户农户增收。")
    assert "households" not in gloss("网店经营者6200余户。")


def test_four_character_clauses_of_plain_words_are_still_glossed():
    assert "orders" in gloss("展会期间，采购商络绎不绝，订单不断。")


def test_the_table_can_leave_a_word_out():
    assert left_out("转机") and news_sense("转机") is None
    assert "turn for the better" not in gloss("去西宁要在西安转机。")


def test_pairs_say_which_chinese_each_english_glosses(glossary):
    pairs = dict(key_fact_pairs("今年一季度我市科技创新投入达23.66亿元，同比增长17.9%。", glossary))
    assert pairs["23.66亿元"] == "2.366 billion yuan"
    assert pairs["一季度"] == "first quarter"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_real_pages_carry_none_of_the_known_wrong_senses(page, glossary):
    articles = segment_text(page.read_text(encoding="utf-8")).articles
    texts = [t for a in articles for t in (a.title, a.subtitle) if t]
    texts += [s.text for a in articles for p in a.body_paragraphs for s in p.sentences]
    lines = [gloss(text, glossary) for text in texts]
    found = [(wrong, line) for line in lines for wrong in WRONG if wrong in line]
    assert not found
