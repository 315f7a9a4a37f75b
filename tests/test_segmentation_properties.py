"""Property tests: on realistic generated pages and on arbitrary text or bytes, segmentation
never raises, never loses or duplicates a character, keeps its offsets right, is deterministic,
and segmenting its own rendering gives the same structure."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from segmentation_checks import assert_lossless, assert_offsets, render_back, structure

from summarize.decoding import NotTextError, decode_bytes
from summarize.segmentation import segment_text

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
TRAD = "們這個來時會說對為從經發過還與國學後開關點實長車門見東問間體頭電聽讓變現書邊裡記報導業務進產區"
MARKS = "■□◆◇●○◎▲★☆►"

han_word = st.text(alphabet=HAN, min_size=2, max_size=6)
name = st.text(alphabet=HAN, min_size=2, max_size=3)
number = st.one_of(
    st.integers(0, 99999).map(str),
    st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]}"),
).flatmap(lambda n: st.sampled_from([n, n + "%", n + "亿元", n + "万人次", n + "年"]))
latin = st.sampled_from(["AI", "Chinagoods", "iPhone", "GDP", "5G", "app", "COVID-19", "https://www.example.cn/a?b=1"])
clause = st.lists(st.one_of(han_word, number, latin, st.text(alphabet=TRAD, min_size=1, max_size=3)), min_size=1, max_size=6).map("".join)
sentence = st.tuples(
    st.lists(clause, min_size=1, max_size=4).map("，".join),
    st.sampled_from(["。", "！", "？", "……", "；", "。”", "！”", "？」", ".", ""]),
    st.sampled_from(["", "“", "（"]),
).map(lambda t: t[2] + t[0] + t[1])
paragraph = st.lists(sentence, min_size=1, max_size=5).map("".join)
control = st.sampled_from(["\x00", "\x07", "\u200b", "\ufeff", "\t", "\r", "\f", "\v", "\u3000", "\xa0", "\x1b", "\u2028"])

title = st.lists(han_word, min_size=1, max_size=3).map(" ".join)
kicker = st.tuples(st.sampled_from(MARKS), title).map("".join)
subtitle = st.tuples(st.sampled_from(["——", "—", "--"]), title).map("".join)
role = st.sampled_from(["全媒体记者", "本报记者", "记者", "通讯员", "融媒体记者", "首席记者", "见习记者", "实习生", "特约记者", "新华社记者"])
byline = st.one_of(
    st.tuples(role, st.lists(name, min_size=1, max_size=3)).map(lambda t: t[0] + " " + " ".join(t[1])),
    st.sampled_from(["本报评论员", "浙江日报评论员", "人民日报评论员", "本报特约评论员"]),
    name.map(lambda n: f"文/{n}"),
    name.map(lambda n: f"{n} 摄"),
    st.tuples(st.sampled_from(["□", "■", "◎"]), role, name).map(lambda t: f"{t[0]}{t[1]} {t[2]}"),
    st.tuples(role, name).map(lambda t: f"（{t[0]} {t[1]}）"),
)
source = st.tuples(st.sampled_from(["来源：", "来源:", "稿件来源：", "（来源：", "转自", "本文来源："]), han_word).map(
    lambda t: t[0] + t[1] + ("）" if t[0].startswith("（") else "")
)
page_ref = st.sampled_from(["二", "3", "A2", "１２", "第一", "十"])
mark = st.tuples(
    st.sampled_from(["(下转第", "（下转第", "（上接第", "(紧接第", "(转第", "（接"]), page_ref, st.sampled_from(["版)", "版）"])
).map("".join)
dateline = st.tuples(st.sampled_from(["本报讯 ", "本报5月15日讯 ", "新华社北京5月15日电 ", "中新网5月15日电 ", "据新华社报道，"]), paragraph).map("".join)
banner = st.sampled_from(["义乌商报 2026年5月16日 星期六", "第1版 要闻", "A2 要闻", "责任编辑：张三 校对：李四", "版式：王五", "邮箱：news@example.cn", "0579-85123456"])
heading = st.one_of(
    st.tuples(st.sampled_from(["一、", "（二）", "3.", "①"]), title).map("".join),
    title.map(lambda t: t.replace(" ", "") + "？"),
)


@st.composite
def broken(draw):
    """A paragraph cut in two (or three) by column breaks. Long enough that, joined again, it
    cannot pass for a heading."""
    text = draw(paragraph.filter(lambda p: len(p) >= 40))
    # Typesetting never starts a line with closing punctuation nor ends one with an opening one.
    allowed = [i for i in range(8, len(text) - 8) if text[i] not in "，。、；：！？…”’」』）%" and text[i - 1] not in "“‘「『（"]
    cuts = sorted(draw(st.lists(st.sampled_from(allowed), max_size=2, unique=True))) if allowed else []
    cuts = [c for n, c in enumerate(cuts) if n == 0 or c - cuts[n - 1] >= 8]
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(text[last:cut])
        last = cut
    pieces.append(text[last:])
    return "\n\n".join(pieces)


@st.composite
def article(draw):
    lines = []
    if draw(st.booleans()):
        lines.append(draw(kicker))
    titles = draw(st.lists(title, max_size=3))
    lines += titles
    for part in (subtitle, kicker, byline):
        if draw(st.booleans()) and (titles or part is not subtitle):
            lines.append(draw(part))
    if draw(st.booleans()):
        lines.append(draw(dateline))
    lines += draw(st.lists(st.one_of(paragraph, paragraph, broken(), heading, dateline), min_size=1, max_size=6))
    for part in (source, mark, byline):
        if draw(st.integers(0, 3)) == 0:
            lines.append(draw(part))
    return lines


@st.composite
def newspaper_page(draw, noise=True):
    lines = draw(st.lists(banner, max_size=2))
    for block in draw(st.lists(article(), min_size=1, max_size=4)):
        lines += block
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(banner))
    text = ""
    for line in lines:
        text += line + draw(st.sampled_from(["\n", "\n\n", "\n\n", "\n \n", "\r\n\r\n"]))
    if noise:
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(control) + text[at:]
    return text


def check(text: str):
    page = segment_text(text)
    assert_lossless(page)
    assert_offsets(page)
    assert segment_text(text) == page
    return page


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(newspaper_page())
def test_realistic_pages_are_segmented_losslessly(text):
    check(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(newspaper_page(noise=False))
# A quote closed two paragraphs down: the joined paragraph closes the one before it too.
@example("本报讯 “一一。\n“一一。\n一一。”一一。”\n来源：一一\n全媒体记者 一一\n义乌商报 2026年5月16日 星期六\n")
# A kicker over a title-like line that opens a paragraph (not over a headline).
@example(
    "一一。\n来源：一一\n(下转第二版)\n全媒体记者 一一\n义乌商报 2026年5月16日 星期六\n■一一\n“参它基取五华……一\n\n"
    "一，一一一一一，一一一一一一一一，一一一一一一一一一0.0。\n来源：一一\n(下转第二版)\n全媒体记者 一一\n义乌商报 2026年5月16日 星期六\n"
)
# Title lines whose last one reads as prose and goes on in the next line: that line starts the body.
@example(
    "本报讯 一一。\n一一一一一一90\n\n04年999.99年\n\nChinagoods，一一一一一一一9993%\n一一。\n来源：一一\n(下转第二版)\n"
    "全媒体记者 一一\n义乌商报 2026年5月16日 星期六\n"
)
# A kicker over a quote left open over two title-like lines that go on in the prose after them.
@example(
    "一一\n■一一\n“一一一一一一一\n\n一一一Chinagoods，一\n\n一一一一一一一一一一一一0.0%。\n来源：一一\n(下转第二版)\n全媒体记者 一一\n"
    "义乌商报 2026年5月16日 星期六\n"
)
def test_segmenting_the_rendered_segmentation_gives_the_same_structure(text):
    page = segment_text(text)
    again = segment_text(render_back(page))
    assert structure(again) == structure(page)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["\n", "\n\n", " ", "。", "，", "？", "“", "”", "（", "）", "■", "——", "记者", "来源：",
                                           "(下转第二版)", "（上接第一版）", "本报讯", "一、", "第1版", "评论员"]),
                          han_word, number, control), max_size=60).map("".join))
def test_adversarial_fragments(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_either_rejected_or_segmented(data):
    try:
        decoded = decode_bytes(data)
    except NotTextError:
        return
    check(decoded.text)
