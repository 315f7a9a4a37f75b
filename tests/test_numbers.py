"""The Chinese quantity module: exact values, kinds, English renderings, English-side parsing and
value comparison. Expressions marked "sample" are quoted from samples/yiwu-front-page.txt (a real
front page); the rest are written for these tests in the style of Chinese news copy."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.quantities import (
    EnglishQuantity,
    Quantity,
    find_english_quantities,
    find_quantities,
    format_amount,
    same_value,
    to_english,
)

D = Decimal

# (text, span, value, upper, kind, unit, qualifier, change, English)
CASES = [
    # --- sample page ---
    ("今年一季度我市科技创新投入达23.66亿元", "23.66亿元", D("2366000000"), None, "money", "yuan", None, None, "2.366 billion yuan"),
    ("同比增长17.9%，总量居金华第一", "同比增长17.9%", D("17.9"), None, "percent", None, None, "up", "up 17.9% year on year"),
    ("全市规上工业总产值跃上1550亿元台阶", "1550亿元", D("155000000000"), None, "money", "yuan", None, None, "155 billion yuan"),
    ("比上年增长10.5%", "比上年增长10.5%", D("10.5"), None, "percent", None, None, "up", "up 10.5% over the previous year"),
    ("义乌汇聚超210万种商品", "超210万种", D("2100000"), None, "number", None, "over", None, "over 2.1 million"),
    ("联通全球230多个国家和地区", "230多个", D("230"), None, "number", None, "more than", None, "more than 230"),
    ("有近3万外籍常住人口", "近3万", D("30000"), None, "number", None, "nearly", None, "nearly 30,000"),
    ("56个民族齐全", "56个", D("56"), None, "number", None, None, None, "56"),
    ("接待全球入境商旅超68万人次", "超68万人次", D("680000"), None, "number", "visits", "over", None, "over 680,000 visits"),
    ("总共下放131项经济社会管理权限", "131项", D("131"), None, "number", None, None, None, "131"),
    ("金额5500余万元", "5500余万元", D("55000000"), None, "money", "yuan", "over", None, "over 55 million yuan"),
    ("现场成交252笔", "252笔", D("252"), None, "number", None, None, None, "252"),
    ("现场成交252笔、950余万元", "950余万元", D("9500000"), None, "money", "yuan", "over", None, "over 9.5 million yuan"),
    ("共接待专业采购商2.2万人次", "2.2万人次", D("22000"), None, "number", "visits", None, None, "22,000 visits"),
    ("积累意向客户4200余位", "4200余位", D("4200"), None, "number", None, "over", None, "over 4,200"),
    ("累计培育国家高新技术企业498家", "498家", D("498"), None, "number", None, None, None, "498"),
    ("省科技型中小企业2357家", "2357家", D("2357"), None, "number", None, None, None, "2,357"),
    ("从2008年入驻市场至今，18年间", "18年", D("18"), None, "duration", "years", None, None, "18 years"),
    ("傅妙玲已顺利接下近30万元的订单", "近30万元", D("300000"), None, "money", "yuan", "nearly", None, "nearly 300,000 yuan"),
    ("她走遍全国三十多个城市", "三十多个", D("30"), None, "number", None, "more than", None, "more than 30"),
    ("习近平同志10多次到义乌调研", "10多次", D("10"), None, "number", "times", "more than", None, "more than 10 times"),
    ("20年来，“义乌发展经验”不断丰富发展", "20年", D("20"), None, "duration", "years", None, None, "20 years"),
    ("自上世纪80年代义乌确立“兴商建市”发展战略以来", "上世纪80年代", D("1980"), None, "decade", None, None, None, "the 1980s"),
    ("在他的亲自推动下，2006年，浙江省委省政府对义乌实行扩权", "2006年", D("2006"), None, "year", None, None, None, "2006"),
    ("本报讯 5月15日，记者从市科技局获悉", "5月15日", D("515"), None, "date", None, None, None, "May 15"),
    ("印尼雅加达时间5月14日", "5月14日", D("514"), None, "date", None, None, None, "May 14"),
    ("加上此前4月27日省委理论学习中心组举行的专题学习会", "4月27日", D("427"), None, "date", None, None, None, "April 27"),
    ("15日下午举行的省委理论学习中心组专题学习会", "15日", D("15"), None, "date", None, None, None, "the 15th"),
    ("129家义乌外贸企业携日用消费品亮相", "129家", D("129"), None, "number", None, None, None, "129"),
    ("累计达成意向订单千余笔", "千余笔", D("1000"), None, "number", None, "over", None, "over 1,000"),
    ("义乌企业揽获意向订单超5500万元", "超5500万元", D("55000000"), None, "money", "yuan", "over", None, "over 55 million yuan"),
    ("义乌市场历经六次迁址、十三次扩建", "十三次", D("13"), None, "number", "times", None, None, "13 times"),
    ("总量、增速两项指标均居金华第一", "第一", D("1"), None, "ordinal", None, None, None, "first"),
    # 增速 (growth rate) is a noun here: 两项 is a count, not a change of 2
    ("总量、增速两项指标均居金华第一", "两项", D("2"), None, "number", None, None, None, "2"),
    ("今年一季度我市科技创新投入", "一季度", D("1"), None, "ordinal", "quarter", None, None, "first quarter"),
    ("“十五五”时期经济社会发展", "十五五", D("15"), None, "ordinal", "Five-Year Plan", None, None, "the 15th Five-Year Plan"),
    ("“十四五”规划实施以来", "十四五”规划", D("14"), None, "ordinal", "Five-Year Plan", None, None, "the 14th Five-Year Plan"),
    ("十四五规划目标全面完成", "十四五规划", D("14"), None, "ordinal", "Five-Year Plan", None, None, "the 14th Five-Year Plan"),
    ("党的二十届三中全会在北京举行", "三中全会", D("3"), None, "ordinal", "plenary session", None, None, "third plenary session"),
    ("十四届全国人大三次会议5日开幕", "三次会议", D("3"), None, "ordinal", "session", None, None, "third session"),
    ("十四届全国人大三次会议5日开幕", "十四届", D("14"), None, "ordinal", "term", None, None, "14th"),
    ("市十七届人大第五次会议召开", "第五次会议", D("5"), None, "ordinal", "session", None, None, "fifth session"),
    ("大会举行第二次全体会议", "第二次全体会议", D("2"), None, "ordinal", "plenary meeting", None, None, "second plenary meeting"),
    # without a congress's term before it, 三次 counts meetings
    ("会议共举行三次全体会议", "三次", D("3"), None, "number", "times", None, None, "3 times"),
    ("截至2025年，全市累计培育", "2025年", D("2025"), None, "year", None, None, None, "2025"),
    ("省级企业研发机构135家", "135家", D("135"), None, "number", None, None, None, "135"),
    # --- written for these tests ---
    ("项目总投资１２０亿元", "１２０亿元", D("12000000000"), None, "money", "yuan", None, None, "12 billion yuan"),
    ("全年进出口总额1.5万亿元", "1.5万亿元", D("1500000000000"), None, "money", "yuan", None, None, "1.5 trillion yuan"),
    ("预计3至5年内建成", "3至5年", D("3"), D("5"), "duration", "years", None, None, "3 to 5 years"),
    ("合同期限3-5年", "3-5年", D("3"), D("5"), "duration", "years", None, None, "3 to 5 years"),
    ("用三到五年时间", "三到五年", D("3"), D("5"), "duration", "years", None, None, "3 to 5 years"),
    ("利润率保持在10%—15%之间", "10%—15%", D("10"), D("15"), "percent", None, None, None, "10% to 15%"),
    ("单价3万至5万元", "3万至5万元", D("30000"), D("50000"), "money", "yuan", None, None, "30,000 to 50,000 yuan"),
    ("补贴标准为每户3至5万元", "3至5万元", D("30000"), D("50000"), "money", "yuan", None, None, "30,000 to 50,000 yuan"),
    ("全县常住人口一百二十万", "一百二十万", D("1200000"), None, "number", None, None, None, "1.2 million"),
    ("新增就业岗位两千个", "两千个", D("2000"), None, "number", None, None, None, "2,000"),
    ("十五个乡镇全部通车", "十五个", D("15"), None, "number", None, None, None, "15"),
    ("出口额增长百分之十五", "增长百分之十五", D("15"), None, "percent", None, None, "up", "up 15%"),
    ("失业率比上月下降0.2个百分点", "比上月下降0.2个百分点", D("0.2"), None, "points", None, None, "down", "down 0.2 percentage points over the previous month"),
    ("营业收入增长了3倍", "增长了3倍", D("3"), None, "multiple", "times", None, "up", "up 3 times"),
    ("2025年5月15日上午", "2025年5月15日", D("20250515"), None, "date", None, None, None, "May 15, 2025"),
    ("二〇二五年全市生产总值", "二〇二五年", D("2025"), None, "year", None, None, None, "2025"),
    ("自然增长率为5‰", "5‰", D("5"), None, "permille", None, None, None, "5 per mille"),
    ("七成受访者表示满意", "七成", D("70"), None, "percent", None, None, None, "70%"),
    ("工程工期约18个月", "约18个月", D("18"), None, "duration", "months", "about", None, "about 18 months"),
    ("当天最低气温零下5℃", "零下5℃", D("-5"), None, "number", "degrees Celsius", None, None, "-5 degrees Celsius"),
    ("约200人参加活动", "约200人", D("200"), None, "number", "people", "about", None, "about 200 people"),
    ("出口占比50%以上", "50%以上", D("50"), None, "percent", None, "over", None, "over 50%"),
    ("单件售价100元左右", "100元左右", D("100"), None, "money", "yuan", "about", None, "about 100 yuan"),
    ("吸引游客1,234,500人次", "1,234,500人次", D("1234500"), None, "number", "visits", None, None, "1.2345 million visits"),
    ("引进外资3.2亿美元", "3.2亿美元", D("320000000"), None, "money", "US dollars", None, None, "320 million US dollars"),
    ("上世纪九十年代初", "上世纪九十年代", D("1990"), None, "decade", None, None, None, "the 1990s"),
    ("下午3点举行签约仪式", "3点", D("1500"), None, "time", None, None, None, "15:00"),
    ("15时30分开幕", "15时30分", D("1530"), None, "time", None, None, None, "15:30"),
    ("1-4月，全市实现外贸进出口", "1-4月", D("100"), D("400"), "date", None, None, None, "January to April"),
    ("展会于5月14日至16日举行", "5月14日至16日", D("514"), D("516"), "date", None, None, None, "May 14 to 16"),
    ("数十万人次参观", "数十万人次", D("100000"), None, "number", "visits", "several", None, "hundreds of thousands of visits"),
    ("上千家企业参展", "上千家", D("1000"), None, "number", None, "several", None, "thousands"),
    ("占地面积35万平方米", "35万平方米", D("350000"), None, "number", "square meters", None, None, "350,000 square meters"),
    ("环比增长5.2%", "环比增长5.2%", D("5.2"), None, "percent", None, None, "up", "up 5.2% month on month"),
    ("同比下降3.1%", "同比下降3.1%", D("3.1"), None, "percent", None, None, "down", "down 3.1% year on year"),
    ("新增确诊病例46例", "46例", D("46"), None, "number", "cases", None, None, "46 cases"),
    ("五六百米外", "五六百米", D("500"), D("600"), "number", "meters", "about", None, "about 500 to 600 meters"),
    ("“90后”用户占比", "90后", D("1990"), None, "decade", "generation", None, None, "the post-90s generation"),
    # --- approximations, signs, 兆, ranges, shares, discounts, abbreviations ---
    ("销售额达一千多万元", "一千多万元", D("10000000"), None, "money", "yuan", "more than", None, "more than 10 million yuan"),
    ("吸引游客十多万人次", "十多万人次", D("100000"), None, "number", "visits", "more than", None, "more than 100,000 visits"),
    ("带动就业二百三十余万人", "二百三十余万人", D("2300000"), None, "number", "people", "over", None, "over 2.3 million people"),
    ("增速为-3.5%", "增速为-3.5%", D("3.5"), None, "percent", None, None, "down", "down 3.5%"),
    ("最低气温-5℃", "-5℃", D("-5"), None, "number", "degrees Celsius", None, None, "-5 degrees Celsius"),
    ("出口额年减－22.2%", "减－22.2%", D("22.2"), None, "percent", None, None, "down", "down 22.2%"),
    ("總額達四十九兆九千五百九十二億元", "四十九兆九千五百九十二億元", D("49959200000000"), None, "money", "yuan", None, None,
     "49.9592 trillion yuan"),
    ("營收達2兆元", "2兆元", D("2000000000000"), None, "money", "yuan", None, None, "2 trillion yuan"),
    ("价格大概要一万六七千元左右", "一万六七千元左右", D("16000"), D("17000"), "money", "yuan", "about", None,
     "about 16,000 to 17,000 yuan"),
    ("超过三分之一的企业", "超过三分之一", D(1) / 3, None, "fraction", None, "over", None, "over one third"),
    ("误差不超过万分之三", "不超过万分之三", D("0.0003"), None, "fraction", None, "up to", None, "up to 3 in 10,000"),
    ("浓度为百万分之五", "百万分之五", D("0.000005"), None, "fraction", None, None, None, "5 per million"),
    ("占３／５", "３／５", D("0.6"), None, "fraction", None, None, None, "3/5"),
    ("全场商品打75折", "75折", D("75"), None, "discount", None, None, None, "25% off"),
    ("会员享九折优惠", "九折", D("90"), None, "discount", None, None, None, "10% off"),
    ("门票打对折", "对折", D("50"), None, "discount", None, None, None, "50% off"),
    ("坚持九二共识", "九二", D("1992"), None, "year", None, None, None, "1992"),
    ("纪念五四运动104周年", "五四", D("504"), None, "date", None, None, None, "May 4"),
    ("九一八事变", "九一八", D("918"), None, "date", None, None, None, "September 18"),
    ("“九零后”创业者", "九零后", D("1990"), None, "decade", "generation", None, None, "the post-90s generation"),
    ("股价蒸发千亿美元", "千亿美元", D("100000000000"), None, "money", "US dollars", "about", None,
     "about 100 billion US dollars"),
    ("新建5万4千平方米", "5万4千平方米", D("54000"), None, "number", "square meters", None, None, "54,000 square meters"),
    ("项目投资三点五亿元", "三点五亿元", D("350000000"), None, "money", "yuan", None, None, "350 million yuan"),
]


@pytest.mark.parametrize("text,span,value,upper,kind,unit,qualifier,change,english", CASES, ids=[c[1] for c in CASES])
def test_expression(text, span, value, upper, kind, unit, qualifier, change, english):
    found = [q for q in find_quantities(text) if q.text == span]
    assert found, f"{span!r} not found in {text!r}: {find_quantities(text)}"
    q = found[0]
    assert text[q.start : q.end] == span
    assert (q.value, q.upper, q.kind, q.unit, q.qualifier, q.change) == (value, upper, kind, unit, qualifier, change)
    assert to_english(q) == english


def test_enough_real_expressions():
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    "text",
    [
        "统一思想、一以贯之", "万一出现问题", "千万工程", "百姓生活", "十分重要", "两岸关系", "五一劳动节",
        "一带一路", "一次次在困境中突围", "千方百计", "四面八方", "5G基站", "COVID-19疫情", "www.12377.cn",
        "拨打0579-8512-3456", "新质生产力", "一张蓝图绘到底", "登陆部队", "拾起垃圾", "大陆",
        "伤敌一千自损八百",
    ],
)
def test_words_with_numerals_are_not_quantities(text):
    assert find_quantities(text) == []


def test_small_chinese_counts_are_found_as_such():
    (q,) = find_quantities("义乌市场历经六次迁址")
    assert (q.text, q.value, q.numeral) == ("六次", 6, "chinese")
    (q,) = find_quantities("两只手")
    assert q.value == 2


def test_sample_page_quantities_are_consistent(sample_page):
    text = sample_page.read_text(encoding="utf-8")
    qs = find_quantities(text)
    assert len(qs) > 60
    for q in qs:
        assert text[q.start : q.end] == q.text
    starts = [q.start for q in qs]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))
    english = {to_english(q) for q in qs}
    assert {"2.366 billion yuan", "155 billion yuan", "over 2.1 million", "nearly 30,000", "May 15"} <= english


@pytest.mark.parametrize(
    "value,text",
    [
        (D("155000000000"), "155 billion"),
        (D("2366000000"), "2.366 billion"),
        (D("2100000"), "2.1 million"),
        (D("30000"), "30,000"),
        (D("1500000000000"), "1.5 trillion"),
        (D("23.66"), "23.66"),
        (D("999999"), "999,999"),
    ],
)
def test_format_amount(value, text):
    assert format_amount(value) == text


# --- English side -----------------------------------------------------------------------------

EN_CASES = [
    ("reached 155 billion yuan", "155 billion yuan", D("155000000000"), None, "money"),
    ("a £2.8bn market", "£2.8bn", D("2800000000"), None, "money"),
    ("worth $1.5 trillion", "$1.5 trillion", D("1500000000000"), None, "money"),
    ("155,000,000,000 in all", "155,000,000,000", D("155000000000"), None, "number"),
    ("up 17.9 percent", "17.9 percent", D("17.9"), None, "percent"),
    ("up 17.9 per cent", "17.9 per cent", D("17.9"), None, "percent"),
    ("up 17.9%", "17.9%", D("17.9"), None, "percent"),
    ("nearly 30,000 residents", "30,000", D("30000"), None, "number"),
    ("on May 15, 2025", "May 15, 2025", D("20250515"), None, "date"),
    ("on 15 May", "15 May", D("515"), None, "date"),
    ("in the 1980s", "1980s", D("1980"), None, "decade"),
    ("at 3 p.m.", "3 p.m.", D("1500"), None, "time"),
    ("six television networks", "six", D("6"), None, "number"),
    ("twenty-five people", "twenty-five", D("25"), None, "number"),
    ("a dozen eggs", "a dozen", D("12"), None, "number"),
    ("3 to 5 million", "3 to 5 million", D("3000000"), D("5000000"), "number"),
    ("10-15% growth", "10-15%", D("10"), D("15"), "percent"),
    ("2 percentage points", "2 percentage points", D("2"), None, "points"),
    ("in 2025", "2025", D("2025"), None, "year"),
    ("the past two decades", "two decades", D("20"), None, "number"),
    ("RMB280 Million fund", "RMB280 Million", D("280000000"), None, "money"),
    ("two and a half million visitors", "two and a half million", D("2500000"), None, "number"),
    ("a quarter of a million people", "a quarter of a million", D("250000"), None, "number"),
    ("sales rose thrice", "thrice", D("3"), None, "multiple"),
    ("twice as many", "twice", D("2"), None, "multiple"),
    ("5 parts per million", "5 parts per million", D("0.000005"), None, "fraction"),
    ("three in 10,000 people", "three in 10,000", D("0.0003"), None, "fraction"),
    ("one in five children", "one in five", D("0.2"), None, "fraction"),
    ("a two-thirds majority", "two-thirds", D(200) / 3, None, "percent"),
    ("odds of 1/2", "1/2", D("0.5"), None, "fraction"),
    ("S$13.8 to S$14.3 billion", "S$13.8 to S$14.3 billion", D("13800000000"), D("14300000000"), "money"),
    ("16,000 to 17,000 yuan", "16,000 to 17,000 yuan", D("16000"), D("17000"), "money"),
    ("pre-2019 levels", "2019", D("2019"), None, "year"),
    ("the post-90 generation", "90", D("90"), None, "number"),
    ("the '92 Consensus", "'92", D("1992"), None, "year"),
    ("growth of -3.5%", "-3.5%", D("-3.5"), None, "percent"),
    ("minus 5 degrees", "minus 5", D("-5"), None, "number"),
]


def test_a_percent_and_an_amount_are_not_one_range():
    found = find_english_quantities("down 21.2 percent to $31.51 billion")
    assert [(q.text, q.upper) for q in found] == [("21.2 percent", None), ("$31.51 billion", None)]


@pytest.mark.parametrize("text,span,value,upper,kind", EN_CASES, ids=[c[1] for c in EN_CASES])
def test_english_quantity(text, span, value, upper, kind):
    found = [q for q in find_english_quantities(text) if q.text == span]
    assert found, f"{span!r} not found in {text!r}: {find_english_quantities(text)}"
    q = found[0]
    assert (q.value, q.upper, q.kind) == (value, upper, kind)


@pytest.mark.parametrize("text", ["COVID-19 cases", "5G networks", "www.12377.cn", "call 859-292-3680", "May I ask", "F-16 jets"])
def test_english_codes_are_not_quantities(text):
    assert [q for q in find_english_quantities(text) if not q.spelled] == []


# --- comparison ---------------------------------------------------------------------------------


def _zh(text: str) -> Quantity:
    (q,) = [q for q in find_quantities(text)]
    return q


def _en(text: str) -> EnglishQuantity:
    (q,) = [q for q in find_english_quantities(text)]
    return q


@pytest.mark.parametrize(
    "zh,en",
    [
        ("1550亿元", "155 billion yuan"),
        ("1550亿元", "155bn yuan"),
        ("1550亿元", "155,000,000,000 yuan"),
        ("23.66亿元", "2.366 billion yuan"),
        ("23.66亿元", "about 2.37 billion yuan"),
        ("23.66亿元", "2.4 billion yuan"),
        ("超210万", "over 2.1 million"),
        ("近3万", "nearly 30,000"),
        ("同比增长17.9%", "17.9 percent"),
        ("5月15日", "May 15"),
        ("5月15日", "May 15, 2025"),
        ("15日", "the 15th"),
        ("2025年", "in 2025"),
        ("3至5年", "3 to 5 years"),
        ("上世纪80年代", "the 1980s"),
        ("下午3点", "3 p.m."),
        ("三十多个", "more than 30"),
        ("2.2万人次", "22,000 visits"),
        ("新台币1.5兆元", "NT$1.5 trillion"),
        ("2兆日元", "2 trillion yen"),
        ("3.5亿美元", "$350 million"),
        ("港币3亿元", "300 million Hong Kong dollars"),
        ("约25%", "a quarter of"),
        ("增长了3倍", "fourfold"),
        ("增长了3倍", "tripled"),
        ("1.7个百分点", "170 basis points"),
        ("前4月", "four months"),
        ("前4月", "January to April"),
        ("1-4月", "January-April"),
        ("三分之一", "a third of"),
        ("三分之一", "33%"),
        ("二分之一", "1/2"),
        ("万分之三", "0.03%"),
        ("百万分之五", "5 per million"),
        ("五分之一", "one in five"),
        ("75折", "25% off"),
        ("九折", "10% discount"),
        ("九二共识", "1992"),
        ("九二共识", "'92"),
        ("五四运动", "May 4"),
        ("一万六七千元", "16,000 to 17,000 yuan"),
        ("一千多万", "more than 10 million"),
        ("千亿美元", "hundreds of billions"),
        ("千亿美元", "$100 billion"),
        ("四十九兆九千五百九十二億元", "49.96 trillion yuan"),
        ("90后", "post-90s"),
    ],
)
def test_same_value(zh, en):
    assert same_value(_zh(zh), _en(en))


@pytest.mark.parametrize(
    "zh,en",
    [
        ("1550亿元", "1550 billion yuan"),
        ("超210万", "21 million"),
        ("23.66亿元", "23.66 billion yuan"),
        ("23.66亿元", "2 billion yuan"),
        ("近3万", "3,000"),
        ("5月15日", "May 16"),
        ("2025年", "2024"),
        ("3至5年", "3 to 6 years"),
        ("17.9%", "19.7%"),
        ("3.5亿美元", "350 million yuan"),
        ("3.6亿欧元", "$360 million"),
        ("3亿元", "300 million euros"),
        ("1.7个百分点", "1.7%"),
        ("增长1.7%", "1.7 percentage points"),
        ("120兆瓦", "120 trillion"),
        ("前4月", "April"),
        ("前4月", "January to May"),
        ("一万六七千元", "16,000 to 7,000 yuan"),
        ("一千多万", "more than 1,000"),
        ("三分之一", "a quarter of"),
        ("75折", "15% off"),
        ("九二共识", "9"),
        ("二百三十余万", "230"),
    ],
)
def test_different_value(zh, en):
    assert not same_value(_zh(zh), _en(en))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789０１２.,%‰-—至到万亿千百十零〇一二两三四五六七八九几多余超近约第年月日元人次个点时分秒后代世纪上数之折兆負／/对打共识运动 abcMay")), max_size=40))
def test_find_quantities_never_raises_on_number_soup(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        to_english(q)


_EN_WORDS = ["two", "and", "a", "half", "quarter", "of", "million", "per", "in", "five", "thrice", "twice", "to", "off",
             "minus", "-", "S$", "$", "'", "92", "1/2", "3", "16,000", "percent", "%", "pre-", "post-", "90s", " ", "/"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_EN_WORDS), max_size=14).map(" ".join))
def test_english_quantities_are_in_order_and_never_overlap(text):
    found = find_english_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_never_raises_on_any_text(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        to_english(q)
    for e in find_english_quantities(text):
        assert text[e.start : e.end] == e.text


def test_traditional_characters_read_like_simplified():
    text = "義烏匯聚超210萬種商品，總產值1550億元，同比增長17.9%"
    assert [(q.text, q.value, to_english(q)) for q in find_quantities(text)] == [
        ("超210萬種", D("2100000"), "over 2.1 million"),
        ("1550億元", D("155000000000"), "155 billion yuan"),
        ("同比增長17.9%", D("17.9"), "up 17.9% year on year"),
    ]


@pytest.mark.parametrize("text", ["0-²", "百分之²", "百分之³十", "3-²5", "5至①", "第¹名", "约²万"])
def test_characters_that_str_isdigit_takes_for_digits_do_not_break_the_scanner(text):
    """² and ① pass str.isdigit but are not digits of a number."""
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        to_english(q)
