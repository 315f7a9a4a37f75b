"""Newspaper-page segmentation: the seed page exactly, and the general rules on synthetic pages."""

from __future__ import annotations

import pytest
from segmentation_checks import assert_lossless, assert_offsets, render_back, segment_file, structure

from summarize.reading import InputRef, read_source
from summarize.segmentation import segment_source, segment_text
from summarize.segmentation.lines import (
    BODY,
    BYLINE,
    CONT_DOWN,
    CONT_UP,
    DATELINE,
    FURNITURE,
    KICKER,
    NUMBERED,
    QUESTION,
    SOURCE,
    SUBTITLE,
    TITLE,
    split_lines,
)

# --- the seed page ------------------------------------------------------------------------------

SEED_HEADINGS = [
    "何为经验？",
    "一以贯之“坚持兴商建市”，义乌何为？",
    "一以贯之“促进产业联动”，义乌何为？",
    "一以贯之“注重城乡统筹”，义乌何为？",
    "一以贯之“推进和谐发展”，义乌何为？",
    "一以贯之“丰厚文化底蕴”，义乌何为？",
    "一以贯之“力求党政有为”，义乌何为？",
]
# The nine column breaks: (end of the first piece, start of the next), and where they land.
SEED_JOINS = [
    ("a1", "敢闯敢", "拼的精气神"),
    ("a1", "一场深", "刻的“重塑”"),
    ("a1", "智慧。把舞", "台留给群众"),
    ("a2", "为我", "市打造中国式现代化"),
    ("a2", "筑牢创新底盘。我市", "通过深入实施"),
    ("a2", "义乌雷达技", "术联合实验室"),
    ("a3", "转型的傅妙玲", "入驻刚开业的"),
    ("a3", "这份认知也", "让我始终对市场心怀感恩"),
    ("a3", "此后，", "她走遍全国三十多个城市"),
]


@pytest.fixture(scope="module")
def seed(request):
    from conftest import SAMPLE_PAGE

    return segment_source(read_source(InputRef(str(SAMPLE_PAGE), SAMPLE_PAGE, SAMPLE_PAGE)))


def test_seed_headline_blocks(seed):
    got = [(a.id, a.title, a.subtitle, a.kicker, a.byline, a.source, a.continued) for a in seed.articles]
    assert got == [
        ("a1", "坚持和深化“义乌发展经验” 加快打造中国式现代化县域典范 义乌，再出发", None, None, None, "来源：浙江宣传", None),
        ("a2", "优化科技服务 厚植创新生态 一季度我市科技创新投入实现稳步增长", None, "■实干论英雄 奋战第一线", "全媒体记者 龚盈盈", None, None),
        ("a3", "与市场迭代发展同行并进", "——访国际商贸城四区市场经营户傅妙玲", "■“义乌发展经验”20年·“义”起见证", "全媒体记者 魏佳佳", None, "(下转第二版)"),
        ("a4", None, None, None, "浙江日报评论员", None, None),
        ("a5", "2026义博会印尼展收官 义乌企业揽获意向订单超5500万元", None, "■奋战二季度 实干创实绩", "全媒体记者 吴峰宇", None, None),
    ]
    assert seed.preamble == [] and seed.script == "simplified" and seed.encoding == "utf-8"


def test_seed_paragraph_and_heading_counts(seed):
    assert [len(a.paragraphs) for a in seed.articles] == [23, 6, 4, 5, 3]
    assert [len(a.body_paragraphs) for a in seed.articles] == [16, 6, 4, 5, 3]
    assert sum(len(a.paragraphs) for a in seed.articles) == 41
    assert sum(len(a.body_paragraphs) for a in seed.articles) == 34
    headings = [p.text for a in seed.articles for p in a.paragraphs if p.heading]
    assert headings == SEED_HEADINGS
    first = seed.articles[0].paragraphs
    assert [p.id for p in first if p.heading] == ["a1.p1", "a1.p5", "a1.p8", "a1.p11", "a1.p14", "a1.p17", "a1.p20"]


def test_seed_column_breaks_are_joined_without_a_space(seed):
    texts = {a.id: [p.text for p in a.paragraphs] for a in seed.articles}
    for article_id, before, after in SEED_JOINS:
        joined = [t for t in texts[article_id] if before + after in t]
        assert len(joined) == 1, (before, after)
    # Joined exactly: the page lines, nothing between them.
    lines = [line for line in seed.text.split("\n") if line.strip()]
    a3 = texts["a3"]
    assert a3[1] == lines[47] + lines[48] + lines[49]  # a paragraph broken twice
    assert a3[1].startswith("2008年，从货代行业转型的傅妙玲入驻刚开业的国际商贸城四区。")
    assert a3[1].endswith("都成了后来做外贸生意的坚实基础。")
    assert texts["a2"][3] == lines[37] + lines[38]
    assert texts["a2"][3].startswith("梯度培育主体，筑牢创新底盘。我市通过深入实施科技主体“双倍增”计划")
    assert texts["a1"][6].endswith("激发当年“敲糖帮”那股子敢闯敢拼的精气神，主动识变、应变、求变，在风浪中重塑发展新优势，续写新的传奇。")
    body_lines = sum(1 for line in lines) - sum(1 for a in seed.articles for f in ("title", "subtitle", "kicker", "byline", "source", "continued") for _ in a.field_spans.get(f, []))
    assert body_lines - 41 == 9  # nine line breaks repaired (two of them in one paragraph)


def test_seed_paragraph_texts_are_whole_lines_elsewhere(seed):
    lines = {line.strip() for line in seed.text.split("\n") if line.strip()}
    joined_paragraphs = {t for a in seed.articles for p in a.paragraphs for t in [p.text] if t not in lines}
    assert len(joined_paragraphs) == 8  # nine joins in eight paragraphs


def test_seed_sentences(seed):
    a1, a2 = seed.articles[0], seed.articles[1]
    assert [s.text for s in a2.paragraphs[0].sentences] == [
        "本报讯 5月15日，记者从市科技局获悉，今年一季度我市科技创新投入达23.66亿元，同比增长17.9%，总量、增速两项指标均居金华第一。"
    ]
    assert [s.text for s in a1.paragraphs[8].sentences] == [
        "义乌小商品市场之所以能持续繁荣，关键就在于市场与产业这对“孪生兄弟”的相互托举、双向奔赴。",
        "过去的“前店后厂”，让加工厂紧挨着档口，产品刚出车间就上货架，小商品由此撑起了规模扩张的底盘。",
        "在加快发展新质生产力的背景下，义乌制造正从“汗水驱动”转向“数智驱动”。",
        "数字贸易与数字智造双轮飞转，订单需求快速响应，车间里机械臂精准运作……",
        "2025年，全市规上工业总产值跃上1550亿元台阶，比上年增长10.5%，这是“数智”赋能的有力注脚。",
    ]
    quote = seed.articles[2].paragraphs[1].sentences
    assert "“位置偏没关系，采购商满市场逛，总能走到我这里。”" in [s.text for s in quote]


def test_seed_is_lossless_with_valid_offsets(seed):
    assert_lossless(seed)
    assert_offsets(seed)
    a3 = seed.articles[2]
    assert seed.text[a3.field_spans["continued"][0][0]:a3.field_spans["continued"][0][1]] == "(下转第二版)"


def test_seed_segmentation_is_idempotent(seed):
    again = segment_text(render_back(seed))
    assert structure(again) == structure(seed)


# --- line roles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, kind",
    [
        ("义乌商报 2026年5月16日 星期六", FURNITURE),
        ("第1版 要闻", FURNITURE),
        ("A2 要闻", FURNITURE),
        ("要闻 A02版", FURNITURE),
        ("责任编辑：张三", FURNITURE),
        ("本版编辑 张三 校对 李四", FURNITURE),
        ("版式：王五", FURNITURE),
        ("美编：赵六", FURNITURE),
        ("邮箱：news@example.com", FURNITURE),
        ("新闻热线：0579-85123456", FURNITURE),
        ("0579-85123456", FURNITURE),
        ("https://www.example.cn/news/1.html", FURNITURE),
        ("- 3 -", FURNITURE),
        ("国内统一连续出版物号 CN33-0001", FURNITURE),
        ("2026-05-15 10:23", FURNITURE),
        ("A02 城事", FURNITURE),
        ("B3版｜城市周刊", FURNITURE),
        ("第A01版", FURNITURE),
        ("本地新闻", FURNITURE),
        ("G20 峰会", TITLE),
        ("▶下转第3版", CONT_DOWN),
        ("下转第二版▶", CONT_DOWN),
        ("◀上接第一版", CONT_UP),
        ("（中央社）", SOURCE),
        ("（综合新华社、央视新闻）", SOURCE),
        ("（上海）", BODY),
        ("（作者系中国人民大学教授）", BODY),
        ("本报评论部", BYLINE),
        ("撰文：张三  摄影：李四", BYLINE),
        ("记者 林志明／台北报导", BYLINE),
        ("编辑部的故事", TITLE),
        ("市场监管总局：", TITLE),
        ("新华社记者 李明 摄）", BODY),
        ("中央社记者林志明台北5日电 经济部今天公布", DATELINE),
        ("【记者林志明／台北报导】经济部今天公布", DATELINE),
        ("(下转第二版)", CONT_DOWN),
        ("（下转第3版）", CONT_DOWN),
        ("（下转A2版）", CONT_DOWN),
        ("（转第４版）", CONT_DOWN),
        ("（下转第十二版）", CONT_DOWN),
        ("（上接第一版）", CONT_UP),
        ("(紧接第1版)", CONT_UP),
        ("（接第3版）", CONT_UP),
        ("来源：浙江宣传", SOURCE),
        ("来源:新华社", SOURCE),
        ("稿件来源：义乌市融媒体中心", SOURCE),
        ("（来源：人民日报）", SOURCE),
        ("本文来源：新华网", SOURCE),
        ("转自：学习强国", SOURCE),
        ("摘自《人民日报》", SOURCE),
        ("（据新华社）", SOURCE),
        ("2026-05-15 10:23 来源：新华网", SOURCE),
        ("全媒体记者 龚盈盈", BYLINE),
        ("本报记者 张三 李四", BYLINE),
        ("记者 王五 通讯员 赵六", BYLINE),
        ("融媒体记者 钱七", BYLINE),
        ("首席记者 孙八", BYLINE),
        ("见习记者 周九 实习生 吴十", BYLINE),
        ("特约记者 郑一", BYLINE),
        ("新华社记者 王二 陈三", BYLINE),
        ("本报评论员", BYLINE),
        ("浙江日报评论员", BYLINE),
        ("人民日报评论员", BYLINE),
        ("本报特约评论员", BYLINE),
        ("文/张三", BYLINE),
        ("文/图 李四", BYLINE),
        ("图/王五", BYLINE),
        ("文 张三 图 李四", BYLINE),
        ("张三 摄", BYLINE),
        ("■本报记者 张三", BYLINE),
        ("□记者 张三 通讯员 李四", BYLINE),
        ("◎ 本报驻京记者 欧阳修文", BYLINE),
        ("（记者 张三）", BYLINE),
        ("By John Smith", BYLINE),
        ("■实干论英雄 奋战第一线", KICKER),
        ("■“义乌发展经验”20年·“义”起见证", KICKER),
        ("◆奋战二季度", KICKER),
        ("★聚焦两会", KICKER),
        ("【编者按】", KICKER),
        ("——访国际商贸城四区市场经营户傅妙玲", SUBTITLE),
        ("—记全国劳动模范张三", SUBTITLE),
        ("--访市科技局局长", SUBTITLE),
        ("本报讯 5月15日，记者从市科技局获悉", DATELINE),
        ("本报5月15日讯（记者 张三）", DATELINE),
        ("新华社北京5月15日电", DATELINE),
        ("中新网5月15日电 据报道", DATELINE),
        ("潮新闻讯 记者今天获悉", DATELINE),
        ("一、总体要求", NUMBERED),
        ("（二）加快推进科技创新", NUMBERED),
        ("3.强化人才支撑", NUMBERED),
        ("何为经验？", QUESTION),
        ("一以贯之“坚持兴商建市”，义乌何为？", QUESTION),
        ("优化科技服务 厚植创新生态", TITLE),
        ("2026义博会印尼展收官", TITLE),
        ("2008年，从货代行业转型的傅妙玲", TITLE),
        ("记者手记", TITLE),
        ("本报讯 不是署名", DATELINE),
        ("市打造中国式现代化县域典范贡献科技力量。", BODY),
        ("梯度培育主体，筑牢创新底盘。我市", BODY),
        ("此后，", BODY),
        ("记者：你为什么选择义乌？", BODY),
        ("■第一，坚持规划引领。全市上下要统一思想。", BODY),
        # Other papers: Party dailies, city and evening papers, Taiwan and Hong Kong pages.
        ("据新华社电", SOURCE),
        ("据新华社", SOURCE),
        ("本报综合新华社电", SOURCE),
        ("本报综合报道", BYLINE),
        ("本报综合报道 4月4日，全市春季义务植树活动启动", DATELINE),
        ("本报综合报道 今年以来，", DATELINE),
        ("YMG全媒体记者 唐克 摄", BYLINE),
        ("YMG全媒体记者 于洋 通讯员 孙丽", BYLINE),
        ("记者陈治交∕台南报导", BYLINE),
        ("记者林佳蓉/台南报导", BYLINE),
        ("☉本报记者 张三", BYLINE),
        ("(记者陈治交摄)", BYLINE),
        ("新华社发", BYLINE),
        ("视觉中国供图", BYLINE),
        ("企业加快研发", TITLE),
        ("中华民国91年3月19日星期二", FURNITURE),
        ("香港文汇报　WEN WEI PO　2024年3月5日（星期二）　A12　香港新闻　责任编辑：张三　美术编辑：李四", FURNITURE),
        ("B2　台南新闻", FURNITURE),
        ("图片新闻", FURNITURE),
        ("济南起步区：“未来之城”崛起成势", TITLE),
    ],
)
def test_line_roles(line, kind):
    (only,) = split_lines(line)
    assert only.kind == kind


def test_glued_continuation_marks_become_lines_of_their_own():
    text = "市场持续繁荣。（下转第二版）\n（上接第一版）本报讯 记者获悉。"
    kinds = [(text[line.start:line.end], line.kind) for line in split_lines(text)]
    assert kinds == [("市场持续繁荣。", BODY), ("（下转第二版）", CONT_DOWN), ("（上接第一版）", CONT_UP), ("本报讯 记者获悉。", DATELINE)]


# --- synthetic pages ----------------------------------------------------------------------------

BODY1 = "今年一季度，全市实现地区生产总值480亿元，同比增长6.5%，增速高于全省平均水平。"
BODY2 = "工业生产稳中有进，规上工业增加值同比增长8.2%，其中高新技术产业增长12.4%。"
BODY3 = "消费市场持续回暖，社会消费品零售总额同比增长7.1%，网络零售额增长较快。"


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def fields(article) -> dict:
    return {k: v for k, v in vars(article).items() if k in ("title", "subtitle", "kicker", "byline", "source", "continued") and v}


def segmented(text: str):
    result = segment_text(text)
    assert_lossless(result)
    assert_offsets(result)
    return result


@pytest.mark.parametrize(
    "byline",
    ["本报记者 张三 李四", "记者 王五 通讯员 赵六", "融媒体记者 钱七", "首席记者 孙八", "见习记者 周九",
     "新华社记者 王二", "文/张三", "文/图 李四", "图/王五", "文 张三 图 李四", "张三 摄", "□本报记者 张三",
     "■记者 李四", "本报评论员", "特约记者 郑一 实习生 吴十"],
)
def test_byline_variants_in_a_headline_block(byline):
    result = segmented(page("全市经济运行稳中向好", byline, "本报讯 " + BODY1, BODY2))
    (article,) = result.articles
    assert fields(article) == {"title": "全市经济运行稳中向好", "byline": byline}
    assert [p.text for p in article.paragraphs] == ["本报讯 " + BODY1, BODY2]


@pytest.mark.parametrize(
    "source", ["来源：浙江宣传", "来源:新华社", "稿件来源：义乌发布", "（来源：人民日报）", "本文来源：新华网", "转自：学习强国", "（据新华社）"]
)
def test_a_source_line_ends_its_article(source):
    result = segmented(page("全市经济运行稳中向好", BODY1, BODY2, source, BODY3))
    first, second = result.articles
    assert fields(first) == {"title": "全市经济运行稳中向好", "source": source}
    assert [p.text for p in first.paragraphs] == [BODY1, BODY2]
    assert fields(second) == {} and [p.text for p in second.paragraphs] == [BODY3]


@pytest.mark.parametrize("mark", ["(下转第二版)", "（下转第3版）", "（下转A2版）", "(转第4版)", "（下转第１２版）"])
def test_a_down_mark_ends_its_article(mark):
    result = segmented(page("标题在这里", "■专栏名称", "记者 张三", BODY1, mark, "本报评论员", BODY2, BODY3))
    first, second = result.articles
    assert fields(first) == {"title": "标题在这里", "kicker": "■专栏名称", "byline": "记者 张三", "continued": mark}
    assert fields(second) == {"byline": "本报评论员"}
    assert [p.text for p in second.paragraphs] == [BODY2, BODY3]


@pytest.mark.parametrize("mark", ["（上接第一版）", "(紧接第1版)", "（接第3版）", "(上接A1版)"])
def test_an_up_mark_starts_an_article(mark):
    result = segmented(page("全市经济运行稳中向好", "本报讯 " + BODY1, mark, BODY2, BODY3))
    first, second = result.articles
    assert [p.text for p in first.paragraphs] == ["本报讯 " + BODY1]
    assert fields(second) == {"continued": mark}
    assert [p.text for p in second.paragraphs] == [BODY2, BODY3]


def test_up_mark_after_a_repeated_headline_and_both_marks_on_one_article():
    result = segmented(page("第2版 要闻", "与市场迭代发展同行并进", "（上接第一版）", BODY1, BODY2, "（下转第4版）"))
    (article,) = result.articles
    assert fields(article) == {"title": "与市场迭代发展同行并进", "continued": "（上接第一版） （下转第4版）"}
    assert result.preamble == ["第2版 要闻"]


def test_glued_marks_on_body_lines():
    result = segmented(page("（上接第一版）" + BODY1, BODY2 + "（下转第二版）", "本报评论员", BODY3))
    first, second = result.articles
    assert fields(first) == {"continued": "（上接第一版） （下转第二版）"}
    assert [p.text for p in first.paragraphs] == [BODY1, BODY2]
    assert fields(second) == {"byline": "本报评论员"}


def test_editorial_without_headline_after_another_article():
    result = segmented(page("全市经济运行稳中向好", "记者 张三", BODY1, BODY2, "浙江日报评论员", BODY3))
    first, second = result.articles
    assert [p.text for p in first.paragraphs] == [BODY1, BODY2]
    assert second.title is None and second.byline == "浙江日报评论员"
    assert [p.text for p in second.paragraphs] == [BODY3]


def test_headline_with_kicker_before_it_inside_a_page():
    result = segmented(page("上一篇的标题", BODY1, "■奋战二季度", "义乌企业揽获订单", "一季度外贸增长", BODY2))
    first, second = result.articles
    assert [p.text for p in first.paragraphs] == [BODY1]
    assert fields(second) == {"kicker": "■奋战二季度", "title": "义乌企业揽获订单 一季度外贸增长"}


def test_dateline_after_a_headline_starts_a_new_article():
    result = segmented(page("全市经济运行稳中向好", BODY1, "科技创新投入稳步增长", "本报讯 " + BODY2))
    assert [a.title for a in result.articles] == ["全市经济运行稳中向好", "科技创新投入稳步增长"]


def test_two_line_headline_followed_by_prose_starts_a_new_article():
    result = segmented(page("全市经济运行稳中向好", BODY1, "一季度经济数据出炉", "全市经济运行稳中有进", BODY2))
    assert [a.title for a in result.articles] == ["全市经济运行稳中向好", "一季度经济数据出炉 全市经济运行稳中有进"]
    # Not after a paragraph that stops mid-sentence, and not when a line reads as prose.
    result = segmented(page("全市经济运行稳中向好", "今年一季度，全市实现地区生产总值480亿元，同比增长", "一季度经济数据出炉", "全市经济运行稳中有进", BODY2))
    assert len(result.articles) == 1
    result = segmented(page("全市经济运行稳中向好", BODY1, "引题：稳中有进", "全市经济运行稳中有进", BODY2))
    assert len(result.articles) == 1


def test_section_headings_stay_in_their_article():
    result = segmented(page("全市经济运行稳中向好", "记者 张三", BODY1, "一、工业生产", BODY2, "（二）消费市场", BODY3, "投资结构持续优化", BODY1))
    (article,) = result.articles
    assert [(p.text, p.heading) for p in article.paragraphs] == [
        (BODY1, False), ("一、工业生产", True), (BODY2, False), ("（二）消费市场", True), (BODY3, False),
        ("投资结构持续优化", True), (BODY1, False),
    ]


def test_trailing_bracketed_credit_joins_the_byline_or_stays_a_paragraph():
    result = segmented(page("全市经济运行稳中向好", BODY1, BODY2, "（记者 张三）"))
    assert result.articles[0].byline == "（记者 张三）"
    assert [p.text for p in result.articles[0].paragraphs] == [BODY1, BODY2]
    result = segmented(page("全市经济运行稳中向好", "记者 李四", BODY1, "（通讯员 张三）"))
    assert result.articles[0].byline == "记者 李四"
    assert [p.text for p in result.articles[0].paragraphs] == [BODY1, "（通讯员 张三）"]


def test_banner_and_furniture_go_to_the_preamble_wherever_they_are():
    result = segmented(page("义乌商报 2026年5月16日 星期六", "A1 要闻", "全市经济运行稳中向好", BODY1, "责任编辑：张三 校对：李四", BODY2, "新闻热线：0579-85123456"))
    assert result.preamble == ["义乌商报 2026年5月16日 星期六", "A1 要闻", "责任编辑：张三 校对：李四", "新闻热线：0579-85123456"]
    (article,) = result.articles
    assert article.title == "全市经济运行稳中向好" and [p.text for p in article.paragraphs] == [BODY1, BODY2]


def test_headline_block_without_text_is_preamble_not_an_article():
    result = segmented(page("义博会印尼展收官", "（下转第3版）", "全市经济运行稳中向好", "记者 张三", BODY1))
    assert [a.title for a in result.articles] == ["全市经济运行稳中向好"]
    assert result.preamble == ["义博会印尼展收官", "（下转第3版）"]


def test_prose_without_any_headline_is_an_article():
    result = segmented(BODY1 + "\n" + BODY2)
    (article,) = result.articles
    assert fields(article) == {} and len(article.paragraphs) == 2


# --- paragraph repair ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first, second",
    [
        ("今年一季度，全市实现地区生产总值480亿元，同比增长6.5%，", "增速高于全省平均水平。"),  # ends with ，
        ("2008年，从货代行业转型的傅妙玲", "入驻刚开业的国际商贸城四区。"),  # short, comma inside
        ("梯度培育主体，筑牢创新底盘。我市", "通过深入实施科技主体“双倍增”计划。"),  # 。 inside
        ("工业生产稳中有进，规上工业增加值同比增长8.2%，其中高新技术产业增长较快，为我", "市打造中国式现代化县域典范贡献力量。"),  # long
        ("他说：“这是我们", "共同的目标。”"),  # open quote
        ("今天，我们一起探讨义乌是如何“撑竿跳高”的", "？面向未来，义乌又该如何继续抢占先机？"),  # B starts with punctuation
        ("本报讯（记者 张三）", "5月15日，记者从市科技局获悉，今年科技投入稳步增长。"),  # a dateline line
        ("他表示：", "“香港经济正稳步复苏，政府会继续审慎理财。”"),  # a short colon lead
        ("（图为5月15日，市民在新开通的地铁站候车。", "本报记者 王五 摄）"),  # bracket closed after a full stop
        ("“我们要把握机遇。", "大家一起努力。”她说。"),  # quote closed after a full stop
    ],
)
def test_column_breaks_are_joined(first, second):
    result = segmented(page("标题在这里", "记者 张三", BODY1, first, second, BODY2))
    assert [p.text for p in result.articles[0].paragraphs] == [BODY1, first + second, BODY2]


def test_a_paragraph_broken_twice_is_joined_twice():
    parts = ["2008年，从货代行业转型的傅妙玲", "入驻刚开业的国际商贸城四区，这份认知也", "让我始终对市场心怀感恩。"]
    result = segmented(page("标题在这里", "记者 张三", *parts, BODY2))
    assert [p.text for p in result.articles[0].paragraphs] == ["".join(parts), BODY2]


@pytest.mark.parametrize(
    "first, second",
    [
        (BODY1, BODY2),  # ends a sentence
        ("何为经验？", BODY2),  # a question heading
        ("守正创新，砥砺前行", BODY2),  # parallel phrases: a heading
        ("主要做法如下：", "一是加强组织领导，健全工作机制。"),  # a list intro
        ("一是加强组织领导；", "二是健全工作机制。"),  # list items
        ("“我们要把握机遇。", "“大家一起努力。”她说。"),  # a quotation over two paragraphs
        ("（图为5月15日，市民在新开通的地铁站候车。 本报记者 王五 摄）", BODY2),  # a whole caption
    ],
)
def test_not_joined(first, second):
    result = segmented(page("标题在这里", "记者 张三", BODY1, first, second, BODY3))
    texts = [p.text for p in result.articles[0].paragraphs]
    assert first in texts and second in texts


def test_a_list_intro_with_a_colon_is_not_a_heading():
    result = segmented(page("标题在这里", "记者 张三", BODY1, "主要做法如下：", "一、加强组织领导。", "二、健全工作机制。", BODY2))
    paragraphs = [(p.text, p.heading) for p in result.articles[0].paragraphs]
    assert ("主要做法如下：", False) in paragraphs


def test_no_join_across_page_furniture():
    result = segmented(page("标题在这里", "记者 张三", "全市实现地区生产总值480亿元，同比增长6.5%，", "第2版 要闻", "增速高于全省平均水平。"))
    assert [p.text for p in result.articles[0].paragraphs] == ["全市实现地区生产总值480亿元，同比增长6.5%，", "增速高于全省平均水平。"]


def test_hard_wrapped_page_is_rejoined():
    paragraphs = [BODY1 + BODY2, BODY3 + BODY1]
    lines = ["全市经济运行稳中向好", "", "记者 张三", ""]
    for text in paragraphs:
        lines += [text[i:i + 15] for i in range(0, len(text), 15)] + [""]
    result = segmented("\n".join(lines))
    (article,) = result.articles
    assert article.title == "全市经济运行稳中向好"
    assert [p.text for p in article.paragraphs] == paragraphs


def test_english_text_is_rejoined_with_spaces():
    text = "China's exports rise\n\nBy John Smith\n\nBEIJING, May 15 (Xinhua) -- Exports rose 8.1 percent in April, beating\nexpectations. Imports grew\n2.3 percent.\n"
    result = segmented(text)
    assert result.script == "other"
    (article,) = result.articles
    assert article.title == "China's exports rise" and article.byline == "By John Smith"
    assert article.paragraphs[0].text == "BEIJING, May 15 (Xinhua) -- Exports rose 8.1 percent in April, beating expectations. Imports grew 2.3 percent."
    assert [s.text for s in article.paragraphs[0].sentences][-1] == "Imports grew 2.3 percent."


# --- Traditional ---------------------------------------------------------------------------------

TRADITIONAL_PAGE = page(
    "義烏商報 2026年5月16日 星期六",
    "與市場迭代發展同行並進",
    "——訪國際商貿城四區市場經營戶傅妙玲",
    "■「義烏發展經驗」20年·「義」起見證",
    "全媒體記者 魏佳佳",
    "走進國際商貿城四區「捷豪竹木」商鋪，經營戶傅妙玲正忙著用手機回覆海外客戶的詢價資訊。",
    "2008年，從貨代行業轉型的傅妙玲",
    "入駐剛開業的國際商貿城四區。彼時，市場裡的經營主力多為行業前輩。",
    "(下轉第二版)",
    "浙江日報評論員",
    "總書記對義烏始終牽掛於心。我們必須站在新的起點上，推動高質量發展。",
)


def test_traditional_big5_page_is_segmented_with_original_characters(tmp_path):
    result = segment_file(tmp_path / "trad.txt", TRADITIONAL_PAGE.encode("big5"))
    assert result.script == "traditional" and result.encoding == "big5"
    assert_lossless(result)
    assert_offsets(result)
    first, second = result.articles
    assert fields(first) == {
        "title": "與市場迭代發展同行並進",
        "subtitle": "——訪國際商貿城四區市場經營戶傅妙玲",
        "kicker": "■「義烏發展經驗」20年·「義」起見證",
        "byline": "全媒體記者 魏佳佳",
        "continued": "(下轉第二版)",
    }
    assert [p.text for p in first.paragraphs][1] == "2008年，從貨代行業轉型的傅妙玲入駐剛開業的國際商貿城四區。彼時，市場裡的經營主力多為行業前輩。"
    assert fields(second) == {"byline": "浙江日報評論員"}
    assert result.preamble == ["義烏商報 2026年5月16日 星期六"]


def test_gbk_page(tmp_path):
    text = page("优化科技服务 厚植创新生态", "■实干论英雄 奋战第一线", "全媒体记者 龚盈盈", "本报讯 " + BODY1, "来源：义乌商报")
    result = segment_file(tmp_path / "gbk.txt", text.replace("\n", "\r\n").encode("gbk"))
    assert result.encoding == "gb18030"
    (article,) = result.articles
    assert fields(article) == {"title": "优化科技服务 厚植创新生态", "kicker": "■实干论英雄 奋战第一线", "byline": "全媒体记者 龚盈盈", "source": "来源：义乌商报"}


# --- robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "   \u3000  ", "。。。", "■", "——", "（）", "(下转第二版)", "本报评论员", "标题", "a" * 20_000,
     "中" * 20_000, "，" * 50 + "\n" + "。" * 50, "\x00\x01控制字符\x7f", "\r\r\n\n\r"],
)
def test_never_raises_and_never_loses_anything(text):
    result = segmented(text)
    assert segment_text(text) == result  # deterministic


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("本报讯 5月15日，记者从市科技局获悉。", "5月15日，记者从市科技局获悉。"),
        ("本报北京5月15日电 （记者 张三、李四）中共中央政治局召开会议。", "中共中央政治局召开会议。"),
        ("新华社福州5月15日电（记者 王五）福厦高铁正式开通运营。", "福厦高铁正式开通运营。"),
        ("本报讯（通讯员 李四）5月14日，我市举办活动。", "5月14日，我市举办活动。"),
        ("本报讯", "本报讯"),  # nothing left: keep it
        ("今天我市天气很好。", "今天我市天气很好。"),
    ],
)
def test_strip_dateline_for_summaries(sentence, expected):
    from summarize.segmentation.patterns import strip_dateline

    assert strip_dateline(sentence) == expected
