"""Property tests: a page gets the same articles and paragraphs however it is laid out (one
paragraph a line with blank lines everywhere, a PDF dump hard-wrapped with the `　　` indent,
blank lines between paragraphs or between stories only), wherever the layout is unambiguous;
and pages joined in one file never share an article."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from segmentation_checks import HEAD_FIELDS, assert_lossless

from summarize.segmentation import segment_text

# Written for these tests; prose sentences, headlines and heads as papers write them.
SENTENCES = [
    "今年以来，全市新建改建农村公路一百二十公里，打通了一批断头路。",
    "据统计，一季度全市外贸进出口总额同比增长百分之八点五。",
    "“以前买菜要走半个小时，现在出门就有便民市场。”家住城东的李大妈说。",
    "下一步，有关部门将继续加大投入，推动公共服务向农村延伸。",
    "活动现场，志愿者为居民提供义诊、法律咨询和家电维修等服务。",
    "专家认为，这一做法为同类城市提供了可以借鉴的经验。",
    "截至目前，已有三百多家企业入驻园区，带动就业两万余人。",
    "他表示，要坚持问题导向，把群众的急难愁盼当作工作重点。",
    "近年来，当地依托特色资源发展乡村旅游，农民收入稳步增加。",
    "会议要求，各地要压实责任，确保各项措施落地见效。",
]
HEADLINES = ["城东便民市场开门迎客", "我市外贸进出口稳中有升", "乡村旅游带火小山村", "农村公路通到家门口",
             "义诊服务走进社区", "园区建设跑出加速度", "老旧小区换新颜", "科技创新投入稳步增长",
             "全省乡镇企业上半年产值比去年同期增长三成以上",  # wider than most columns
             "济南起步区：“未来之城”崛起成势"]
KICKERS = ["■民生速递", "◆奋战二季度", "★聚焦乡村振兴"]
SUBTITLES = ["——我市推进城乡融合发展综述", "——访市发展改革委负责人", "——来自基层一线的报道"]
BYLINES = ["本报记者 张晓明", "记者 王丽 通讯员 陈刚", "新华社记者 李强", "□本报记者 赵云", "全媒体记者 周敏"]
DATELINES = ["本报讯 ", "新华社北京6月9日电 ", "本报综合报道 "]
HEADINGS = ["一、加快项目建设", "二、优化营商环境", "如何破解用地难题？", "记者手记"]
CREDITS = ["（记者李俐）", "（记者 王刚）"]
CAPTIONS = ["6月5日，市民在公园湖边赏荷拍照。", "清明假期，修缮一新的滨海栈道重新开放，游客沿着栈道散步观海。"]
PHOTO_CREDITS = ["YMG全媒体记者 唐克 摄", "本报记者 王伟 摄"]
BANNERS = ["江南日报　2023年6月10日　星期六　第3版", "城市晚报 2022年8月3日 星期三 A05 城事"]

paragraph = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3, unique=True).map("".join)


@st.composite
def article(draw):
    """(head lines, paragraphs as (text, is_heading), credit lines after them). Every head carries
    evidence that it starts a story whatever the layout: a byline, a subtitle, a kicker, a
    dateline under one line, or a caption closed by its credit."""
    kind = draw(st.integers(0, 3))
    if kind == 0:  # a brief: one headline line, a dateline, a credit at the end
        text = draw(st.sampled_from(DATELINES)) + draw(paragraph) + draw(st.sampled_from(CREDITS))
        return [draw(st.sampled_from(HEADLINES))], [(text, False)], []
    if kind == 1:  # photo news: one headline line, a caption, the photographer
        return [draw(st.sampled_from(HEADLINES))], [(draw(st.sampled_from(CAPTIONS)), False)], [draw(st.sampled_from(PHOTO_CREDITS))]
    head = [draw(st.sampled_from(KICKERS))] if draw(st.booleans()) else []
    head += draw(st.lists(st.sampled_from(HEADLINES), min_size=1, max_size=2, unique=True))
    if draw(st.booleans()):
        head.append(draw(st.sampled_from(SUBTITLES)))
    head.append(draw(st.sampled_from(BYLINES)))
    body = [(draw(paragraph), False)]
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.integers(0, 2)) == 0:
            body.append((draw(st.sampled_from(HEADINGS)), True))
        body.append((draw(paragraph), False))
    return head, body, []


page = st.tuples(st.sampled_from(BANNERS), st.lists(article(), min_size=1, max_size=4))


def wrap(text: str, width: int, indent: str) -> list[str]:
    """Hard-wrapped at `width` characters as typesetting does: no line starts with closing
    punctuation, and (so that the break is unambiguous) none ends a sentence at its end."""
    lines, line = [], indent
    for char in text:
        if len(line) >= width and char not in "，。、；：！？”） " and line[-1] not in "“（ " and line.rstrip("”）")[-1] not in "。！？":
            lines.append(line)
            line = ""
        line += char
    return lines + [line]


def lay_out(banner: str, articles, style: str, width: int) -> str:
    indent = "\u3000\u3000" if style in ("indented", "indented-wrapped") else ""
    out = [banner, ""]
    for head, body, tail in articles:
        out += head
        for text, is_heading in body:
            if style == "indented-wrapped" and not is_heading:
                out += wrap(text, width, indent)
            elif style == "wrapped-blank-paragraphs":
                out += (wrap(text, width, "") if not is_heading else [text]) + [""]
            else:
                out.append(indent + text)
            if style == "blank-everywhere":
                out.append("")
        out += tail + ([""] if tail and style == "blank-everywhere" else [])
        if style == "blank-between-stories":
            out.append("")
    return "\n".join(out) + "\n"


def structure(text: str) -> list:
    result = segment_text(text)
    assert_lossless(result)
    return [
        ([getattr(a, name) for name in HEAD_FIELDS], [(p.text, p.heading) for p in a.paragraphs])
        for a in result.articles
    ]


STYLES = ["indented", "indented-wrapped", "wrapped-blank-paragraphs", "blank-between-stories", "one-a-line"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page, st.sampled_from(STYLES), st.integers(14, 30))
@example(  # a wrapped headline over a photo caption and its credit stays a headline
    generated=(BANNERS[0], [
        (["城东便民市场开门迎客"], [("本报讯 " + SENTENCES[0] + CREDITS[0], False)], []),
        ([HEADLINES[8]], [(CAPTIONS[0], False)], [PHOTO_CREDITS[0]]),
        (["城东便民市场开门迎客"], [("本报讯 " + SENTENCES[0] + SENTENCES[1] + CREDITS[0], False)], []),
    ]),
    style="wrapped-blank-paragraphs",
    width=14,
)
def test_layout_does_not_change_articles_or_paragraphs(generated, style, width):
    banner, articles = generated
    plain = structure(lay_out(banner, articles, "blank-everywhere", width))
    assert [body for _, body, _ in articles] == [paragraphs for _, paragraphs in plain]
    assert structure(lay_out(banner, articles, style, width)) == plain


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(page, st.sampled_from(STYLES + ["blank-everywhere"]), st.integers(14, 30)), min_size=2, max_size=3))
def test_pages_joined_in_one_file_never_share_an_article(pages):
    texts = [lay_out(banner, articles, style, width) for (banner, articles), style, width in pages]
    assert structure("".join(texts)) == [article for text in texts for article in structure(text)]
