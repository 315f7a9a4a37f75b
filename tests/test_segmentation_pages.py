"""Segmentation of realistic pages from other papers than the seed: mastheads, page numbers,
kickers, bylines, sources and continuation marks as different papers write them, captions over two
lines, hard-wrapped columns, Traditional pages, and the same page in every supported encoding."""

from __future__ import annotations

import pytest
from segmentation_checks import (
    HEAD_FIELDS,
    assert_lossless,
    assert_offsets,
    render_back,
    segment_file,
    structure,
)

from summarize.segmentation import segment_text

PEOPLES_DAILY = """\
人民日报
2024年3月5日 星期二 第01版 要闻

十四届全国人大二次会议在京开幕
习近平等党和国家领导人出席大会
李强作政府工作报告

本报北京3月5日电  （记者 张三、李四）第十四届全国人民代表大会第二次会议5日上午在人民大会堂开幕。近3000名全国人大代表肩负人民重托出席大会，认真履行宪法和法律赋予的神圣职责。

国务院总理李强在政府工作报告中说，2023年国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。城镇新增就业1244万人，城镇调查失业率平均为5.2%。居民消费价格上涨0.2%。

报告提出，今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。

（下转第三版）

坚定信心 开拓进取
——写在十四届全国人大二次会议开幕之际

本报评论员

春风浩荡处，万物竞勃发。今天，十四届全国人大二次会议在京开幕。

2023年是全面贯彻党的二十大精神的开局之年。一年来，我们顶住外部压力、克服内部困难，全面深化改革开放，加大宏观调控力度，着力扩大内需、优化结构、提振信心、防范化解风险，我国经济回升向好，高质量发展扎实推进。

做好今年的政府工作，要在以习近平同志为核心的党中央坚强领导下，坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局。

（图为3月5日，十四届全国人大二次会议在北京人民大会堂开幕。 本报记者 王五 摄）
"""

CITY_DAILY = """\
杭州日报
2024年5月16日 星期四
A02 城事

■聚焦亚运遗产
场馆“变身”全民健身好去处
全媒体记者 陈静 通讯员 吴凡

亚运会闭幕半年多，杭州的56个亚运场馆怎样了？记者近日走访发现，大部分场馆已

向市民开放，成为家门口的健身好去处。

在黄龙体育中心，每天清晨6点，就有不少市民来这里晨跑。“以前要跑到西湖边，现在家门口就有专业跑道。”家住附近的王阿姨说。

据统计，截至今年4月底，杭州亚运场馆累计接待市民超过1200万人次，举办各类赛事活动

860余场。

场馆运营如何持续？

场馆的运营成本一直是社会关注的焦点。杭州市体育局相关负责人介绍，目前，杭州正探索“政府+企业”的运营模式，引入专业团队，通过举办赛事、演出、培训等方式，实现“以馆养馆”。

来源：杭州日报

■民生速递
地铁10号线二期今天开通
全媒体记者 李明

本报讯 今天上午，杭州地铁10号线二期正式开通运营。线路全长约5.9公里，共设3座车站。

开通后，从西湖区到滨江区的通勤时间将缩短约15分钟。

（紧接A01版）

市民可以通过“杭州公交”App查询实时到站信息。
（记者 李明）
"""

COMMENTARY_PAGE = """\
南方日报
2024年3月5日 星期二 第A03版 评论

南方日报评论员

高质量发展是新时代的硬道理。今年以来，广东坚持把高质量发展作为首要任务，推动经济实现质的有效提升和量的合理增长。

推动高质量发展，关键在于创新。要以科技创新引领产业创新，加快培育新质生产力，让创新成为

发展的第一动力。

从“制造大省”到“智造强省”，广东的转型之路并非一帆风顺。面对复杂的外部环境，我们更要保持战略定力，坚定不移走好自己的路。

（上接A01版）
粤港澳大湾区建设迈出新步伐

深中通道预计今年6月底建成通车，届时从深圳到中山的车程将从2小时缩短至30分钟左右。

一、交通互联互通

目前，大湾区已基本形成“1小时生活圈”。广深港高铁、港珠澳大桥等重大工程相继建成，为人员、货物的流动提供了便利。

二、规则机制衔接

2023年，大湾区内地9市与港澳在职业资格、标准认定等方面的规则衔接取得新进展，已有3000多名港澳专业人士取得内地执业资格。

来源：新华社

编者按：本期我们邀请三位专家，谈谈如何看待今年的经济增长目标。

■观点
5%左右的目标
积极稳健
文/刘青

5%左右的增长目标，既考虑了促进就业增收、防范化解风险等需要，也与中长期规划目标相衔接。实现这一目标，需要付出艰苦努力。（作者系中山大学教授）

责任编辑：黄华  校对：周明
"""

TAIWAN_PAGE = """\
聯合報
2024年3月5日 星期二 A4版 要聞

■兩岸經貿
台商赴陸投資\u3000去年減少近四成
記者 林志明／台北報導

經濟部投審司昨天公布最新統計，去年核准台商赴中國大陸投資金額為30.4億美元，較前年減少39.8%，創下近20年新低。

投審司官員表示，受到全球供應鏈重組及地緣政治影響，台商投資布局逐漸轉向東南亞及美國。「這是一個長期的趨勢。」

經濟學者分析，未來台商將採取「中國加一」策略，分散投資風險。

（中央社）

颱風季提前報到？氣象署：留意今年首颱
記者 陳怡君／台北報導

中央氣象署今天表示，根據模式預測，今年第一個颱風可能在4月生成，比往年平均提早約1個月。民眾應及早做好防颱準備。
"""

WRAPPED_PAGE = """\
经济日报  2024年6月12日  星期三  第6版

新能源汽车出口驶入快车道
前5个月同比增长23.8%
本报记者 周琳

\u3000\u3000海关总署6月11日发布的数据显示，今年前5个月，我国新
能源汽车出口52.4万辆，同比增长23.8%，出口金额达到1
50.3亿美元。其中，纯电动乘用车出口占比超过七成。
\u3000\u3000“欧洲、东南亚和拉美市场的需求增长明显。”中国汽车工
业协会副秘书长陈士华说，随着海外建厂步伐加快，未来出
口结构将进一步优化。
\u3000\u3000业内人士提醒，面对部分国家和地区的贸易壁垒，企业要
加强合规经营，提升品牌影响力……
\u3000\u3000详情请访问http://www.customs.gov.cn/data/2024.html查看。

（图为6月10日，在江苏连云港港，一批新能源汽车等待装船出口。
新华社记者 李明 摄）

光伏产业链价格持续下探
新华社记者 王强

\u3000\u3000新华社北京6月11日电\u3000多晶硅价格已连续多周下跌。记者从中国有色金属工业协会硅业分会获悉，本周n型多晶硅成交均价为每吨3.9万元，环比下跌2.5%。
"""

INSIDE_PAGE = """\
第二版 要闻
（上接第一版）
义乌“小商品”链接“大世界”
傅妙玲还记得，刚开始做外贸时，整个公司只有3个人。“那时候连

一个像样的样品间都没有。”她笑着说。

2008年，从货代行业转型的傅妙玲
创办了自己的外贸公司。十多年来，公司年销售额从几百万元增长到2.3亿元。

如今，她的客户遍布中东、非洲和拉美的40多个国家和地区。

记者手记
在义乌采访，最深的感受是“快”：信息传得快、产品更新快、决策反应快。

□本报记者 张三 李四

市场监管总局：
今年将开展食品安全专项整治

本报讯（记者 王芳）日前，市场监管总局召开新闻发布会，介绍今年食品安全工作重点。据介绍，今年将重点整治校园食品安全、网络订餐等突出问题。

发布会上，有关负责人回答了记者提问。
来源：中国新闻网
"""

HONG_KONG_PAGE = """\
香港商報
2024年3月5日 星期二
A3 要聞

特區政府公布新一份財政預算案
多項措施紓緩民困

【香港商報訊】記者李文報道：財政司司長今日發表新一份財政預算案，宣布寬減2023/24年度百分之百的薪俸稅和個人入息課稅，上限為3000元。

他表示：「香港經濟正穩步復蘇，政府會繼續審慎理財。」預計2024/25年度的綜合赤字為481億元。

（轉A5版）

本地新聞
港鐵東鐵綫過海段周年
乘客量增逾兩成

港鐵公司表示，東鐵綫過海段通車一年以來，每日平均乘客量約為32萬人次，較預期增加約兩成。

港鐵發言人稱，會繼續優化班次安排。（完）
"""

OPINION_PAGE = """\
光明日报
2024年3月6日 星期三 第02版 评论

以实干实绩书写新时代答卷
光明日报评论员

实干是最好的答卷。新时代新征程，各项事业的发展都离不开脚踏实地、真抓实干。

（作者单位：光明日报评论部）

让“小切口”撬动“大民生”
□ 王晓晨

一段时间以来，多地推出“15分钟便民生活圈”建设，把服务送到居民家门口。这一做法看似是“小切口”，却关乎“大民生”。

（作者系中国人民大学教授）

本报特约评论员

今年是新中国成立75周年。75年来，我们党团结带领人民创造了经济快速发展和社会长期稳定两大奇迹。
"""

BRIEFS_PAGE = """\
金华日报 2024年5月16日 星期四 第3版 综合

■简讯
我市举办科技活动周
本报讯 5月15日，2024年金华市科技活动周在市科技馆启动，活动为期一周。

义乌新增3家省级企业研究院
本报讯 近日，省科技厅公布2024年度省级企业研究院名单，义乌3家企业入选。

东阳：木雕小镇游客量创新高
本报讯（通讯员 吴晓）今年“五一”假期，东阳木雕小镇接待游客12.6万人次，同比增长31.2%。

传承红色基因 赓续精神血脉
——我市开展“红色故事大家讲”活动侧记
本报记者 方芳 通讯员 楼兰

“同学们，你们知道这面旗帜背后的故事吗？”5月14日，在金华市革命烈士纪念馆，讲解员

正在给孩子们讲述革命先辈的英勇事迹。

据了解，本次活动将持续到6月底，覆盖全市200余所中小学。
"""


def fields(article) -> dict:
    return {name: getattr(article, name) for name in HEAD_FIELDS if getattr(article, name)}


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def checked(text: str):
    page = segment_text(text)
    assert_lossless(page)
    assert_offsets(page)
    assert structure(segment_text(render_back(page))) == structure(page)
    return page


def test_front_page_with_masthead_dateline_continuation_and_editorial():
    page = checked(PEOPLES_DAILY)
    assert page.preamble == ["人民日报", "2024年3月5日 星期二 第01版 要闻"]
    news, editorial = page.articles
    assert fields(news) == {
        "title": "十四届全国人大二次会议在京开幕 习近平等党和国家领导人出席大会 李强作政府工作报告",
        "continued": "（下转第三版）",
    }
    assert texts(news)[0].startswith("本报北京3月5日电  （记者 张三、李四）第十四届")
    assert [s.text for s in news.paragraphs[1].sentences] == [
        "国务院总理李强在政府工作报告中说，2023年国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。",
        "城镇新增就业1244万人，城镇调查失业率平均为5.2%。",
        "居民消费价格上涨0.2%。",
    ]
    assert fields(editorial) == {"title": "坚定信心 开拓进取", "subtitle": "——写在十四届全国人大二次会议开幕之际", "byline": "本报评论员"}
    assert len(editorial.paragraphs) == 4 and not any(p.heading for p in editorial.paragraphs)


def test_city_daily_with_page_number_kickers_and_column_breaks():
    page = checked(CITY_DAILY)
    assert page.preamble == ["杭州日报", "2024年5月16日 星期四", "A02 城事"]
    venues, metro, continued = page.articles
    assert fields(venues) == {
        "kicker": "■聚焦亚运遗产",
        "title": "场馆“变身”全民健身好去处",
        "byline": "全媒体记者 陈静 通讯员 吴凡",
        "source": "来源：杭州日报",
    }
    assert texts(venues)[0] == "亚运会闭幕半年多，杭州的56个亚运场馆怎样了？记者近日走访发现，大部分场馆已向市民开放，成为家门口的健身好去处。"
    assert texts(venues)[2] == "据统计，截至今年4月底，杭州亚运场馆累计接待市民超过1200万人次，举办各类赛事活动860余场。"
    assert [(p.text, p.heading) for p in venues.paragraphs if p.heading] == [("场馆运营如何持续？", True)]
    assert fields(metro) == {"kicker": "■民生速递", "title": "地铁10号线二期今天开通", "byline": "全媒体记者 李明"}
    assert fields(continued) == {"continued": "（紧接A01版）", "byline": "（记者 李明）"}


def test_commentary_page_editorial_without_headline_and_numbered_sections():
    page = checked(COMMENTARY_PAGE)
    assert page.preamble == ["南方日报", "2024年3月5日 星期二 第A03版 评论", "责任编辑：黄华  校对：周明"]
    editorial, bay_area, *_, opinion = page.articles
    assert fields(editorial) == {"byline": "南方日报评论员"}
    assert texts(editorial)[1] == "推动高质量发展，关键在于创新。要以科技创新引领产业创新，加快培育新质生产力，让创新成为发展的第一动力。"
    assert fields(bay_area) == {"continued": "（上接A01版）", "title": "粤港澳大湾区建设迈出新步伐", "source": "来源：新华社"}
    assert [p.text for p in bay_area.paragraphs if p.heading] == ["一、交通互联互通", "二、规则机制衔接"]
    assert fields(opinion) == {"kicker": "■观点", "title": "5%左右的目标 积极稳健", "byline": "文/刘青"}


def test_taiwan_page_bylines_with_place_and_agency_credit(tmp_path):
    page = segment_file(tmp_path / "udn.txt", TAIWAN_PAGE.encode("big5"))
    assert page.encoding == "big5" and page.script == "traditional"
    assert_lossless(page)
    assert_offsets(page)
    assert page.preamble == ["聯合報", "2024年3月5日 星期二 A4版 要聞"]
    investment, typhoon = page.articles
    assert fields(investment) == {
        "kicker": "■兩岸經貿",
        "title": "台商赴陸投資\u3000去年減少近四成",
        "byline": "記者 林志明／台北報導",
        "source": "（中央社）",
    }
    assert len(investment.paragraphs) == 3
    assert fields(typhoon) == {"title": "颱風季提前報到？氣象署：留意今年首颱", "byline": "記者 陳怡君／台北報導"}


def test_hard_wrapped_page_with_a_caption_over_two_lines():
    page = checked(WRAPPED_PAGE)
    exports, solar = page.articles
    assert fields(exports) == {"title": "新能源汽车出口驶入快车道 前5个月同比增长23.8%", "byline": "本报记者 周琳"}
    assert texts(exports)[0].endswith("出口金额达到150.3亿美元。其中，纯电动乘用车出口占比超过七成。")
    assert texts(exports)[-1] == "（图为6月10日，在江苏连云港港，一批新能源汽车等待装船出口。新华社记者 李明 摄）"
    assert [s.text for s in exports.paragraphs[3].sentences] == ["详情请访问http://www.customs.gov.cn/data/2024.html查看。"]
    assert fields(solar) == {"title": "光伏产业链价格持续下探", "byline": "新华社记者 王强"}


def test_inside_page_trailing_byline_and_headline_split_at_its_colon():
    page = checked(INSIDE_PAGE)
    assert page.preamble == ["第二版 要闻"]
    feature, notice = page.articles
    assert fields(feature) == {"continued": "（上接第一版）", "title": "义乌“小商品”链接“大世界”", "byline": "□本报记者 张三 李四"}
    assert texts(feature)[:2] == [
        "傅妙玲还记得，刚开始做外贸时，整个公司只有3个人。“那时候连一个像样的样品间都没有。”她笑着说。",
        "2008年，从货代行业转型的傅妙玲创办了自己的外贸公司。十多年来，公司年销售额从几百万元增长到2.3亿元。",
    ]
    assert [p.text for p in feature.paragraphs if p.heading] == ["记者手记"]
    assert fields(notice) == {"title": "市场监管总局： 今年将开展食品安全专项整治", "source": "来源：中国新闻网"}
    assert texts(notice)[0].startswith("本报讯（记者 王芳）日前")


def test_hong_kong_page_section_name_and_bracketed_continuation():
    page = checked(HONG_KONG_PAGE)
    assert page.preamble == ["香港商報", "2024年3月5日 星期二", "A3 要聞", "本地新聞"]
    budget, metro = page.articles
    assert fields(budget) == {"title": "特區政府公布新一份財政預算案 多項措施紓緩民困", "continued": "（轉A5版）"}
    assert [s.text for s in budget.paragraphs[1].sentences] == ["他表示：「香港經濟正穩步復蘇，政府會繼續審慎理財。」", "預計2024/25年度的綜合赤字為481億元。"]
    assert fields(metro) == {"title": "港鐵東鐵綫過海段周年 乘客量增逾兩成"}


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: "\ufeff".encode("utf-16-le") + t.encode("utf-16-le"), "utf-16"),
        (lambda t: "\ufeff".encode("utf-16-be") + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: "\ufeff".encode() + t.replace("\n", "\r\n").encode(), "utf-8-sig"),
    ],
)
def test_every_encoding_gives_the_same_segmentation(tmp_path, encode, encoding):
    page = segment_file(tmp_path / "page.txt", encode(CITY_DAILY))
    assert page.encoding == encoding
    assert structure(page) == structure(segment_text(CITY_DAILY))


def test_opinion_page_author_notes_and_column_bylines():
    page = checked(OPINION_PAGE)
    assert page.preamble == ["光明日报", "2024年3月6日 星期三 第02版 评论"]
    first, column, editorial = page.articles
    assert fields(first) == {"title": "以实干实绩书写新时代答卷", "byline": "光明日报评论员"}
    assert texts(first)[-1] == "（作者单位：光明日报评论部）"
    assert fields(column) == {"title": "让“小切口”撬动“大民生”", "byline": "□ 王晓晨"}
    assert texts(column)[-1] == "（作者系中国人民大学教授）"
    assert fields(editorial) == {"byline": "本报特约评论员"}


def test_briefs_each_headline_with_a_dateline_is_an_article():
    page = checked(BRIEFS_PAGE)
    assert page.preamble == ["金华日报 2024年5月16日 星期四 第3版 综合"]
    assert [fields(a) for a in page.articles] == [
        {"kicker": "■简讯", "title": "我市举办科技活动周"},
        {"title": "义乌新增3家省级企业研究院"},
        {"title": "东阳：木雕小镇游客量创新高"},
        {"title": "传承红色基因 赓续精神血脉", "subtitle": "——我市开展“红色故事大家讲”活动侧记", "byline": "本报记者 方芳 通讯员 楼兰"},
    ]
    assert texts(page.articles[-1])[0] == "“同学们，你们知道这面旗帜背后的故事吗？”5月14日，在金华市革命烈士纪念馆，讲解员正在给孩子们讲述革命先辈的英勇事迹。"
