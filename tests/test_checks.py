"""Fidelity checks: correct translations pass, translations with the errors small models make are
flagged with a message that says what is wrong.

Pairs marked NTREX are from NTREX-128 (Federmann et al. 2022, github.com/MicrosoftTranslator/NTREX),
WMT19 English news with a professional Chinese translation, licensed CC BY-SA 4.0. The other pairs
are written for these tests (the Chinese of the first group is quoted from the sample page).
"""

from __future__ import annotations

import pytest

from summarize.checks import Finding, check_pair, check_summary
from summarize.glossary import parse_glossary

OUTPUT_ZH = "2025年，全市规上工业总产值跃上1550亿元台阶，比上年增长10.5%"
PRODUCTS_ZH = "义乌汇聚超210万种商品"
RD_ZH = "今年一季度我市科技创新投入达23.66亿元，同比增长17.9%，总量、增速两项指标均居金华第一。"

CORRECT = [
    (OUTPUT_ZH, "In 2025, the city's industrial output above designated size reached 155 billion yuan, up 10.5% over the previous year."),
    (PRODUCTS_ZH, "Yiwu gathers over 2.1 million products."),
    (RD_ZH, "In the first quarter of this year, the city's investment in scientific and technological innovation reached "
            "2.366 billion yuan, up 17.9% year on year, ranking first in Jinhua in both total and growth rate."),
    (RD_ZH, "The city's sci-tech innovation input hit RMB 2.37 billion in Q1, a year-on-year increase of 17.9 percent, "
            "the highest in Jinhua on both measures."),
    ("义乌有近3万外籍常住人口，56个民族齐全，2025年接待全球入境商旅超68万人次。",
     "Yiwu has nearly 30,000 foreign permanent residents and people of all 56 ethnic groups, and received more than "
     "680,000 inbound business visits in 2025."),
    ("本报讯 5月15日，记者从市科技局获悉。", "May 15 - The reporter learned from the municipal science and technology bureau."),
    ("累计达成意向订单千余笔、金额5500余万元，现场成交252笔、950余万元。",
     "More than 1,000 intended orders worth over 55 million yuan were reached, with 252 deals worth over 9.5 million "
     "yuan closed on site."),
    ("三天展期共接待专业采购商2.2万人次，积累意向客户4200余位。",
     "The three-day fair received 22,000 visits from professional buyers and gathered more than 4,200 prospective clients."),
    ("她走遍全国三十多个城市调研竹木制品市场。", "She travelled to more than thirty cities across the country to study the bamboo and wood products market."),
    ("自上世纪80年代义乌确立“兴商建市”发展战略以来，义乌市场历经六次迁址、十三次扩建。",
     "Since Yiwu adopted its strategy of building the city through commerce in the 1980s, the market has moved six "
     "times and been expanded 13 times."),
    ("在浙江工作期间，习近平同志10多次到义乌调研。", "While working in Zhejiang, Xi Jinping visited Yiwu more than 10 times."),
    ("2006年，浙江省委省政府对义乌实行扩权，总共下放131项经济社会管理权限。",
     "In 2006, the Zhejiang provincial authorities expanded Yiwu's powers, delegating a total of 131 economic and "
     "social administrative powers."),
    ("从2008年入驻市场至今，18年间，她从半个店面起步。", "In the 18 years since she moved into the market in 2008, she started from half a shop."),
    ("项目预计3至5年内建成，总投资约1.2万亿元。", "The project is expected to be completed in three to five years with a total investment of about 1.2 trillion yuan."),
    ("下午3点，会议在杭州召开，约200人参加。", "The meeting opened in Hangzhou at 3 p.m., with about 200 people attending."),
    ("全市失业率比上月下降0.2个百分点。", "The city's unemployment rate fell 0.2 percentage points from the previous month."),
    ("他说：“我们会一起努力。”", 'He said: "We will work together."'),
    # written for these tests: usual English forms of news figures
    ("截至3月底，该行各项贷款余额达1.2万亿元，较年初增加856亿元。",
     "By the end of March, the bank's outstanding loans totaled 1.2 trillion yuan, an increase of 85.6 billion yuan "
     "from the beginning of the year."),
    ("2024年全市常住人口为1234.5万人，比上年末增加8.6万人。",
     "In 2024, the city's resident population was 12.345 million, an increase of 86,000 from the end of the previous year."),
    ("该市户籍人口为1234.5万人。", "The city has 12.3 million registered residents."),
    ("全国财政收入达21.7万亿元。", "National fiscal revenue reached RMB21.7tn."),
    ("1至4月，全市规模以上工业增加值同比增长9.2%，增速高于全省平均水平1.7个百分点。",
     "From January to April, the value added of industries above designated size in the city grew by 9.2% year on "
     "year, 1.7 percentage points higher than the provincial average."),
    ("该公司去年净利润为3.5亿美元，比前年下降12%。", "The company's net profit last year was $350 million, down 12% from the year before."),
    ("工程总投资达3.6亿欧元。", "The project's total investment reached €360 million."),
    ("去年該公司營收達到新台幣1.5兆元。", "Last year the company's revenue reached NT$1.5 trillion."),
    ("港币3亿元", "HK$300 million"),
    ("离岸人民币汇率跌破1美元兑人民币7.0元关口。", "The offshore yuan fell below the mark of USD $1 to RMB 7.0."),
    ("全市约25%的家庭拥有两辆以上汽车。", "About a quarter of households in the city own more than two cars."),
    ("去年全市接待入境游客1.2万人次，增长了3倍。", "Last year the city received 12,000 inbound tourist visits, a fourfold increase."),
    ("去年全市接待入境游客1.2万人次，增长了3倍。", "Last year the city received 12,000 inbound tourist visits, which tripled."),
    ("活动将于2025年5月15日至17日举行。", "The event will take place on 15-17 May 2025."),
    ("装机容量达120兆瓦。", "Installed capacity reached 120 MW."),
    ("前4月出口增长14.1%，进口下降5.7%。", "In the first four months, exports grew 14.1% while imports fell 5.7%."),
    ("全市二季度房价环比下跌0.8%。", "Home prices in the city were 0.8% lower month-on-month in the second quarter."),
    ("前4月出口增长14.1%，进口下降5.7%。", "From January to April, exports grew 14.1% while imports fell 5.7%."),
    ("2025年1-4月，全市税收收入45.6亿元。", "From January to April 2025, the city collected 4.56 billion yuan in taxes."),
    ("降幅比一季度收窄2.1个百分点。", "The decline narrowed by 2.1 percentage points from the first quarter."),
    # NTREX-128 (CC BY-SA 4.0)
    ("英国美容市场达到 28亿 英镑的规模，尽管时尚和家居行业销售额回落，但该市场还在继续增长，因此 Sainsbury's 将大规模进军该市场，"
     "并将在全国 11 家商店试行更大规模的美容品通道，如果试水成功，则明年还将进驻更多商店。",
     "As part of a substantial push into the UK's £2.8bn beauty market, which is continuing to grow while fashion and "
     "homeware sales fall back, the larger beauty aisles will be tested out in 11 stores around the country and taken to "
     "more stores next year if it proves a success."),
    ("三年前，Sainsbury's 将其拥有的 281 家药店的业务以 1.25 亿英镑的价格出售给了 Lloyds Pharmacy 连锁所有人 Celesio 后，新的策略腾空出世。",
     "The new strategy comes after Sainsbury's sold its 281-store pharmacy business to Celesio, the owner of the Lloyds "
     "Pharmacy chain, for £125m, three years ago."),
    ("巴鲁市人口超过 38 万, 震后，到处是坍塌建筑物的废墟。",
     "The city of Palu, which has more than 380,000 people, was strewn with debris from collapsed buildings."),
    ("CBS 为 310 万、NBC 为 294万、 MSNBC 为 289万、 CNN 为 252 万。",
     "CBS had 3.1 million, NBC had 2.94 million, MSNBC had 2.89 million and CNN had 2.52 million, Nielsen said."),
    ("据《倡导者》（Advocate） 报道，其保释金为 35 万美元。", "His bond has been set at $350,000, the Advocate reports."),
    ("自 2017 年 9 月墨西哥中部发生 7.1 级地震以来，地球物理学家已注意到这座位于首都东南 45 英里（72公里）处的火山的活动在增加。",
     "Geophysicists have noticed an increase in activity at the volcano that sits 45 miles (72 kilometers) southeast of "
     "the capital since a 7.1-magnitude earthquake rocked central Mexico in September 2017."),
    ("大约 16,700 人被疏散到巴鲁的 24 座避难中心。", "Around 16,700 people were evacuated to 24 centers in Palu."),
    ("这个有 240 万人口的地区仍在遭受一系列地震。", "The series of earthquakes were felt in an area with 2.4 million people."),
    ("“我们在朝鲜问题上处理的很好，”他说。", '"We\'re doing great with North Korea," he said.'),
    # forms professional MT annotations showed the check misreading (WMT23 MQM, written anew here)
    ("两岸在九二共识基础上恢复对话。", "The two sides resumed dialogue on the basis of the 1992 Consensus."),
    ("种植一颗牙价格大概要一万六七千元。", "Implanting one tooth costs about 16,000 to 17,000 yuan."),
    ("出口额年减21.2%，至315.1亿美元。", "Exports fell 21.2 percent to $31.51 billion."),
    ("旅游收入预计为138亿至143亿新元。", "Tourism receipts are expected to reach S$13.8 to S$14.3 billion."),
    ("“90后”创业者越来越多。", "More and more post-90 entrepreneurs are starting businesses."),
    ("客流已恢复到2019年以前的水平。", "Passenger traffic has recovered to pre-2019 levels."),
    ("全市常住人口达二百五十万。", "The city's resident population reached two and a half million."),
    ("最低气温-5℃。", "The lowest temperature was minus 5 degrees Celsius."),
    ("三分之一的企业实现盈利。", "A third of the companies made a profit."),
    ("全场商品打75折。", "All goods are 25% off."),
    ("母公司股价蒸发千亿美元。", "The parent company's market value lost hundreds of billions of dollars."),
    ("他三十多岁时开始创业。", "He started his business in his thirties."),
    ("销量下降了三分之一。", "Sales fell by a third."),
    ("二十年前，我开始研究这个问题。", "Twenty years ago, I started studying this problem."),
    ("这里住着五十万人。", "Half a million people live here."),
    ("我们用了两年半时间。", "It took us two and a half years."),
    ("销售额增长了百分之五十。", "Sales grew by half."),
    ("这个项目投资了三点五亿元。", "The project invested 350 million yuan."),
    ("这种病的死亡率是千分之三。", "The disease has a mortality rate of 0.3 percent."),
    ("收入是去年的两倍。", "Income was double that of last year."),
    ("会员优惠25%。", "Members get 25% off."),
    ("约20%的儿童拥有社交媒体账户。", "About one in five children have social media accounts."),
]


@pytest.mark.parametrize("zh,en", CORRECT, ids=[f"correct{i}" for i in range(len(CORRECT))])
def test_correct_translations_pass(zh, en):
    assert check_pair(zh, en) == []


FLAGGED = [
    # (zh, en, check, words the message must contain)
    (OUTPUT_ZH, "In 2025, the city's industrial output above designated size reached 1550 billion yuan, up 10.5%",
     "numbers", ["1550亿元", "155 billion yuan", "1550 billion"]),
    (PRODUCTS_ZH, "Yiwu gathers over 21 million products", "numbers", ["210万", "2.1 million", "21 million"]),
    (RD_ZH, "The city invested 2.366 billion yuan, up 17.9% year on year, ranks first in金华.", "untranslated", ["金华"]),
    (RD_ZH, "The city invested 23.66 billion yuan in the first quarter, up 17.9% year on year, first in Jinhua.",
     "numbers", ["2.366 billion", "23.66 billion"]),
    (RD_ZH, "The city's innovation investment grew year on year and ranked first in Jinhua in the first quarter.",
     "numbers", ["23.66亿元", "not found"]),
    ("有近3万外籍常住人口", "There are nearly 3,000 foreign residents", "numbers", ["近3万", "nearly 30,000", "3,000"]),
    ("比上年增长10.5%", "up 15% over the previous year", "numbers", ["10.5%"]),
    ("5月15日，记者获悉。", "On May 16, the reporter learned.", "numbers", ["May 15", "May 16"]),
    ("记者获悉。", "On May 16, 2025, the reporter learned that 300 companies joined.", "numbers", ["300"]),
    ("你好", "你好你好你好你好你好你好", "echo", ["mostly Chinese"]),  # not the source: not called the source
    ("今年一季度我市科技创新投入达23.66亿元。", "今年一季度我市科技创新投入达23.66亿元。", "echo", ["the Chinese source again"]),
    ("今年一季度投入增长。", "投入增长 the investment 增长了很多很多", "echo", ["mostly Chinese"]),
    ("义乌汇聚超210万种商品，联通全球230多个国家和地区。",
     "Yiwu brings together more than 2.1 million kinds of goods, goods, goods, goods, goods, goods, goods and goods",
     "repetition", ["goods"]),
    ("义乌汇聚超210万种商品。", "Yiwu the world the world the world the world the world", "repetition", ["the world"]),
    (RD_ZH, "", "missing", ["no English"]),
    ("种植一颗牙价格大概要一万六七千元。", "Implanting one tooth costs about 16,000 to 7,000 yuan.", "numbers", ["一万六七千元"]),
    ("种植一颗牙价格大概要一万六七千元。", "Implanting one tooth costs about 16,700 yuan.", "numbers", ["一万六七千元"]),
    ("两岸在九二共识基础上恢复对话。", "The two sides resumed dialogue on the basis of the 9/2 consensus.", "numbers", ["1992"]),
    ("一季度增速为-3.5%。", "First-quarter growth was 3.5%.", "numbers", ["a rise", "growth"]),
    ("最低气温-5℃。", "The lowest temperature was 5 degrees Celsius.", "numbers", ["negative"]),
    ("销售额达三十多万元。", "Sales came to more than 30 yuan.", "numbers", ["300,000"]),
    ("全场商品打75折。", "All goods are 75% off.", "numbers", ["25% off"]),
    ("今年一季度我市科技创新投入达23.66亿元，同比增长17.9%，总量、增速两项指标均居金华第一。随着义乌全球数贸中心的启用，商贸模式和市场规模已全面展开。",
     "In the first quarter.", "missing", ["too short"]),
    ("义乌汇聚超210万种商品，联通全球230多个国家和地区。",
     "Yiwu, a city in Zhejiang province in eastern China known for its huge small-commodities market that attracts buyers "
     "from every continent, gathers over 2.1 million kinds of products, from toys and Christmas decorations to hardware, "
     "jewellery and textiles, and ships them to more than 230 countries and regions across the world every single day of "
     "the year, making it one of the most important trading hubs of the global economy and a symbol of the country's "
     "opening up to the outside world over the past four decades of reform.",
     "length_ratio", ["longer"]),
    # written for these tests: errors of the kinds machine translation makes
    ("截至3月底，该行各项贷款余额达1.2万亿元。", "By the end of March, outstanding loans totaled 1.2 billion yuan.",
     "numbers", ["1.2 trillion yuan", "1.2 billion"]),
    ("2024年全市常住人口为1234.5万人。", "In 2024, the city's resident population was 1.2345 million.",
     "numbers", ["12.345 million", "1.2345 million"]),
    ("全市新增就业岗位1.8万个。", "The city added 1,800 new jobs.", "numbers", ["18,000", "1,800"]),
    ("国家统计局数据显示，4月份全国居民消费价格同比上涨0.3%。", "Consumer prices rose 3% year on year in April.",
     "numbers", ["0.3%", "3%"]),
    ("该项目预计2027年6月建成投产。", "The project is expected to be put into operation in June 2026.",
     "numbers", ["June 2027", "June 2026"]),
    ("他在1998年创办了这家企业。", "He founded the company in 1989.", "numbers", ["1998", "1989"]),
    ("三年来，学校共培养毕业生一万二千余名。", "Over three years, the school has trained more than 1,200 graduates.",
     "numbers", ["12,000", "1,200"]),
    ("當天上午9時30分，首趟列車駛出。", "At 9:03 a.m. that day, the first train departed.", "numbers", ["9:30", "9:03"]),
    ("该公司去年净利润为3.5亿美元。", "The company's net profit last year was 350 million yuan.",
     "numbers", ["350 million US dollars", "350 million yuan"]),
    ("增速高于全省平均水平1.7个百分点。", "The growth rate was 1.7% higher than the provincial average.",
     "numbers", ["1.7 percentage points", "1.7%"]),
    ("该县森林覆盖率达72.3%，居全省第二。",
     "The county's forest coverage rate reached 72.3 percent, ranking second in the province. The county's forest "
     "coverage rate reached 72.3 percent, ranking second in the province.", "repetition", ["twice"]),
    ("目前，全县已建成5G基站1260个，实现乡镇全覆盖。", "The county has built 1,260 5G base stations, covering all 乡镇.",
     "untranslated", ["乡镇"]),
    ("上证指数收报3128.45点，涨0.56%。", "The Shanghai Composite Index closed at 3,128.45 points, down 0.56%.",
     "numbers", ["涨0.56%", "a fall", "down"]),
    ("前4月出口增长14.1%，进口下降5.7%。", "In the first four months, exports fell 14.1% while imports rose 5.7%.",
     "numbers", ["增长14.1%", "下降5.7%", "a rise"]),
    ("前4月出口增长14.1%。", "In the first five months, exports grew 14.1%.", "numbers", ["4 months"]),
]


@pytest.mark.parametrize("zh,en,check,words", FLAGGED, ids=[f"{c[2]}{i}" for i, c in enumerate(FLAGGED)])
def test_errors_are_flagged(zh, en, check, words):
    findings = check_pair(zh, en, unit_id="a1.p1.s1")
    hits = [f for f in findings if f.check == check]
    assert hits, f"{check} not flagged: {findings}"
    for word in words:
        assert any(word in f.message for f in hits), (word, [f.message for f in hits])
    for f in hits:
        assert (f.unit_id, f.zh, f.en) == ("a1.p1.s1", zh, en)
        assert "\n" not in f.message


def test_a_phrase_said_twice_inside_a_clause_is_not_a_loop():
    zh = "54例无症状感染者中46例为该公司员工及其亲属；该公司员工及其亲属所占比重达到85%。"
    en = ("Of the 54 asymptomatic cases, 46 are employees of the company or their relatives; employees of the company "
          "or their relatives make up 85% of the cases.")
    assert check_pair(zh, en) == []


def test_magnitude_error_is_one_finding_not_two():
    findings = check_pair(PRODUCTS_ZH, "Yiwu gathers over 21 million products")
    assert len(findings) == 1
    assert findings[0].message == "超210万种 (over 2.1 million) not found in the English; found 21 million"


def test_empty_translation_gives_only_the_missing_finding():
    assert [f.check for f in check_pair(RD_ZH, "   ")] == ["missing"]


def test_deliberate_chinese_gloss_in_brackets_is_not_untranslated():
    assert check_pair("义乌汇聚超210万种商品", "Yiwu (义乌) gathers over 2.1 million products") == []


def test_small_numbers_in_words_and_ordinals_are_optional():
    assert check_pair("两只手都要硬，居金华第一。", "Both hands must be strong; it ranks top in Jinhua.") == []


def test_glossary_check():
    glossary = parse_glossary("义乌\tYiwu\n国家高新技术企业\tnational high-tech enterprises\n")
    zh = "义乌累计培育国家高新技术企业498家。"
    assert check_pair(zh, "Xinyu has cultivated 498 national high-tech enterprises.", glossary=glossary)[0].message == (
        "义乌 should be translated as Yiwu (glossary)"
    )
    assert check_pair(zh, "Yiwu has cultivated 498 National High-Tech Enterprises.", glossary=glossary) == []
    assert check_pair(zh, "Xinyu has cultivated 498 national high-tech enterprises.") == []  # no glossary, no check


NAMES_ZH = "义乌市副市长傅妙玲表示，习近平总书记的讲话让大家明白，56个民族齐全，经济明显改善。"


@pytest.mark.parametrize("en", [
    "Fu Miaoling, vice mayor of Yiwu, said General Secretary Xi Jinping's speech made it clear ...",
    "Vice mayor Miaoling Fu said that Xi Jinping ...",  # given name first
    "Vice mayor FU Miao-ling said that Xí Jinping ...",  # capitals, hyphen, accents
    "Vice mayor 傅妙玲 (Fu Miaoling) said that Xi Jinping ...",
])  # fmt: skip
def test_person_names_in_their_usual_spellings_pass(en):
    assert [f for f in check_pair(NAMES_ZH, en, names=True) if f.check == "names"] == []


def test_person_name_in_the_wrong_pinyin_is_flagged_and_common_words_are_not_names():
    en = "Vice mayor Fuyi Liang said that Xi Jinping's speech made it clear that all 56 ethnic groups are present."
    findings = [f for f in check_pair(NAMES_ZH, en, names=True) if f.check == "names"]
    # 明白, 齐全, 明显改善 are tagged as people by jieba: they are common words, not names.
    assert [f.message for f in findings] == ["傅妙玲 should be written Fu Miaoling (pinyin), not found in the English"]
    assert all(f.check != "names" for f in check_pair(NAMES_ZH, en))  # only when asked for
    dropped = [f.message for f in check_pair(NAMES_ZH, "The vice mayor said the speech made it clear.", names=True)
               if f.check == "names"]  # fmt: skip
    assert dropped == [
        "傅妙玲 should be written Fu Miaoling (pinyin), not found in the English",
        "习近平 should be written Xi Jinping (pinyin), not found in the English",
    ]


def test_places_and_foreign_names_tagged_as_people_are_not_checked_as_pinyin():
    zh = "富春山下，圣保罗和胡志明市的客商来到义乌。"
    assert [f for f in check_pair(zh, "Merchants from Sao Paulo and Ho Chi Minh City came to Yiwu below Mount Fuchun.",
                                  names=True) if f.check == "names"] == []  # fmt: skip


def test_finding_to_dict():
    f = Finding("numbers", "a1", "x", "中", "en")
    assert f.to_dict() == {"check": "numbers", "unit_id": "a1", "message": "x", "zh": "中", "en": "en"}


# --- summaries ----------------------------------------------------------------------------------


def test_faithful_extract_passes(sample_page):
    article = sample_page.read_text(encoding="utf-8")
    assert check_summary(RD_ZH, article) == []
    assert check_summary("义乌汇聚超210万种商品。傅妙玲接下近30万元的订单。", article) == []
    assert check_summary("今年一季度义乌科技创新投入达23.66亿元，同比增长17.9%。", article) == []


def test_invented_number_and_name_are_flagged(sample_page):
    article = sample_page.read_text(encoding="utf-8")
    findings = check_summary("今年一季度我市科技创新投入达32.66亿元，居杭州第一。", article, unit_id="a2.summary")
    assert {(f.check, f.unit_id) for f in findings} == {("summary_numbers", "a2.summary"), ("summary_names", "a2.summary")}
    messages = " ".join(f.message for f in findings)
    assert "32.66亿元" in messages and "杭州" in messages


def test_figure_moved_to_another_city_is_flagged(sample_page):
    article = sample_page.read_text(encoding="utf-8")
    findings = check_summary("金华汇聚超210万种商品。", article)
    assert [f.check for f in findings] == ["summary_names"]
    assert "义乌" in findings[0].message and "金华" in findings[0].message


def test_summary_loop_is_flagged(sample_page):
    article = sample_page.read_text(encoding="utf-8")
    assert [f.check for f in check_summary("义乌发展义乌发展义乌发展义乌发展", article)] == ["repetition"]


# --- errors injected into the correct pairs ----------------------------------------------------


def _ten_times(en: str, span_start: int, span_end: int) -> str:
    """The figure in en[span_start:span_end] written ten times too large: 2.1 million -> 21 million."""
    import re

    m = re.search(r"\d[\d,]*(?:\.\d+)?", en[span_start:span_end])
    number = m.group()
    if "." in number:
        whole, frac = number.split(".")
        bigger = whole + frac[0] + ("." + frac[1:] if frac[1:] else "")
    else:
        bigger = number + ("0" if "," not in number else ",000")
    return en[: span_start + m.start()] + bigger + en[span_start + m.end() :]


def _figures(zh: str, en: str):
    from summarize.quantities import find_english_quantities, find_quantities, required_in_translation, same_value

    english = [e for e in find_english_quantities(en) if not e.spelled and e.upper is None and e.kind in ("number", "money", "percent")]
    for q in find_quantities(zh):
        if required_in_translation(q) and q.upper is None:
            yield from ((q, e) for e in english if same_value(q, e))


MAGNITUDE_CASES = [(zh, en, q.text, e) for zh, en in CORRECT for q, e in _figures(zh, en)]


def test_there_are_many_magnitude_cases():
    assert len(MAGNITUDE_CASES) >= 25


@pytest.mark.parametrize("zh,en,figure,e", MAGNITUDE_CASES, ids=[f"{c[2]}->{c[3].text}" for c in MAGNITUDE_CASES])
def test_every_figure_written_ten_times_too_large_is_flagged(zh, en, figure, e):
    bad = _ten_times(en, e.start, e.end)
    findings = [f for f in check_pair(zh, bad) if f.check == "numbers"]
    assert findings, bad
    assert any(figure in f.message for f in findings)


@pytest.mark.parametrize("zh,en,figure,e", MAGNITUDE_CASES, ids=[f"{c[2]}->{c[3].text}" for c in MAGNITUDE_CASES])
def test_every_figure_dropped_is_flagged(zh, en, figure, e):
    bad = en[: e.start] + "some" + en[e.end :]
    assert any(f.check == "numbers" and figure in f.message for f in check_pair(zh, bad)), bad


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_check_pair_never_raises(zh, en):
    for f in check_pair(zh, en, names=True):
        assert f.check in ("missing", "echo", "untranslated", "repetition", "length_ratio", "numbers", "names")
        assert "\n" not in f.message
