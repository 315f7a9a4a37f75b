"""The line patterns of a Chinese newspaper page, in one place.

Each predicate takes one stripped line of the Simplified analysis text (Traditional pages are
analysed on a Simplified copy, so `记者`, `来源`, `下转` cover `記者`, `來源`, `下轉`).

- furniture: page banner and page furniture that belongs to no article: `义乌商报 2026年5月16日
  星期六`, `中华民国91年3月19日星期二`, a Hong Kong banner with its editors as wide as the page,
  `第1版 要闻`, `A2 要闻`, `A02 城事`, `B2　台南新闻`, `本地新闻`, `图片新闻`, `责任编辑：…`,
  `编辑 … 校对 …`, `版式：…`, `邮箱：…`, a phone number, URL or page number alone; the paper's
  name alone at the top (articles.py). Banners (dates, page numbers) open a page (`is_banner`).
- continuation marks: `(下转第二版)`, `（下转A2版）`, `(转第4版)` end an article; `（上接第一版）`,
  `(紧接第1版)`, `(接第3版)` start one. Half- or full-width brackets, Chinese, Arabic or
  full-width numerals, an arrow around (`▶下转第3版`).
- source: `来源：浙江宣传`, `稿件来源：…`, `（来源：人民日报）`, `转自…`, `摘自…`, `（据新华社）`,
  an agency alone in brackets `（中央社）`, or after 据 or 综合: `据新华社电`, `本报综合新华社电`.
- byline: role words and names, no sentence punctuation: `全媒体记者 龚盈盈`, `本报记者 张三 李四`,
  `记者 王五 通讯员 赵六`, `新华社记者 X`, `浙江日报评论员`, `本报特约评论员`, `文/X`, `文/图 X`,
  `图/X`, `文 X 图 X`, `X 摄`, `YMG全媒体记者 X 摄`, `记者 X／台北报导` (also `∕`, `/`), `本报综合报道`,
  photo sources `新华社发`, `视觉中国供图`, optionally after a marker (`□本报记者 张三`, `☉`) or in
  brackets (`（记者 张三）`); a marker and a bare name under a headline (`□ 王晓晨`, `☉林文雄`).
- kicker: a short line after a marker: `■实干论英雄 奋战第一线`; also a short `【…】` label.
- subtitle: `——访…` (also `—`, `--`).
- dateline (starts the first body paragraph and stays in it): `本报讯`, `本报5月15日讯`, `本报综合报道 …`,
  `新华社北京5月15日电`, `中新网5月15日电`, `潮新闻讯`, `据新华社报道`, `记者…从…获悉`.
- numbered heading prefixes: `一、` `（二）` `3.` `①` `第一章`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import HAN_CHARS as HAN

CN_DIGITS = "一二三四五六七八九十百零〇○两"
NUM = rf"(?:[0-9０-９]{{1,4}}|[{CN_DIGITS}]{{1,4}})"
OPEN_BRACKETS = re.escape("（(〔【[［")  # for use inside [...]
CLOSE_BRACKETS = re.escape("）)〕】]］")

KICKER_MARKS = "■□◆◇●○◎☉⊙◉▲△▼▽★☆►▶▷◀◁◈❖♦▌▍▎※◢◣"
_MARKER = re.compile(rf"^[{KICKER_MARKS}]+\s*")
_LABEL = re.compile(r"^【[^】]{1,24}】$")

# --- continuation marks -------------------------------------------------------------------------

_CONT_DOWN_WORDS = "下转|转下|转至|转到|转"
_CONT_UP_WORDS = "上接|紧接|接上|承上|接|续"
_CONT_BODY = rf"""(?P<word>{_CONT_DOWN_WORDS}|{_CONT_UP_WORDS})\s*(?:第|本报)?\s*
    (?:[A-Za-zＡ-Ｚａ-ｚ]\s*[0-9０-９]{{0,3}}|{NUM})\s*(?:版|页|面)?[^（）()\[\]【】]{{0,10}}?"""
_CONT_BRACKETED = rf"[{OPEN_BRACKETS}]\s*{_CONT_BODY}\s*[{CLOSE_BRACKETS}]"
_CONT_BARE = rf"(?P<bare>下转|上接|紧接)\s*第?\s*(?:[A-Za-zＡ-Ｚａ-ｚ]\s*[0-9０-９]{{0,3}}|{NUM})\s*(?:版|页)"
_CONT_ENGLISH = r"\(?(?P<en>[Cc]ontinued|[Cc]ont'd)\s+(?P<en_dir>on|from)\s+(?:[Pp]age|[Pp]\.|A)\s*[A-Z]?\d{1,3}\)?"
_CONT_LINE = re.compile(rf"^(?:{_CONT_BRACKETED}|{_CONT_BARE}|{_CONT_ENGLISH})$", re.X)
_CONT_TRAILING = re.compile(rf"(?P<mark>{_CONT_BRACKETED})$", re.X)
_CONT_LEADING = re.compile(rf"^(?P<mark>{_CONT_BRACKETED})", re.X)

DOWN = "down"
UP = "up"


_ARROWS = "▶►▷◀◁◄→←➡⬅"


def continuation(line: str) -> str | None:
    """DOWN for a mark that ends an article (下转), UP for one that starts one (上接), else None.
    An arrow around the mark (`▶下转第3版`, `下转第二版▶`) is part of it."""
    match = _CONT_LINE.match(line.strip(_ARROWS + " \u3000"))
    return _direction(match) if match else None


def trailing_continuation(line: str) -> int | None:
    """Where a 下转 mark glued to the end of a body line starts (`…节点。（下转第二版）`)."""
    match = _CONT_TRAILING.search(line)
    if match and match.start() > 0 and _direction(match) == DOWN:
        return match.start()
    return None


def leading_continuation(line: str) -> int | None:
    """Where the body after a 上接 mark glued to the start of a line begins."""
    match = _CONT_LEADING.match(line)
    if match and match.end() < len(line) and _direction(match) == UP:
        return match.end()
    return None


def _direction(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups.get("en"):
        return DOWN if groups["en_dir"] == "on" else UP
    word = groups.get("word") or groups.get("bare") or ""
    return DOWN if re.fullmatch(_CONT_DOWN_WORDS, word) else UP


# --- source lines -------------------------------------------------------------------------------

_DATE_TIME_PREFIX = r"(?:(?:\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s+)?"
_SOURCE = re.compile(
    rf"""^{_DATE_TIME_PREFIX}[{OPEN_BRACKETS}]?\s*(?:
        (?:稿件|本文|文章|信息|新闻|内容|素材|图片|视频|资料|数据)?来源(?:于)?\s*[：:｜|丨/]
      | 稿源\s*[：:｜|丨/] | 出处\s*[：:]
      | (?:本文|本稿)?(?:转自|转载自|转载于|摘自|摘编自|选自|原载于|原载|刊于)
      | [Ss]ource\s*:
      | 据[^，。,]{{1,24}}[{CLOSE_BRACKETS}]$
    )""",
    re.X,
)
# A news agency or paper alone in brackets at the end of a story: `（中央社）`, `（综合新华社、央视新闻）`.
_AGENCY = rf"[{HAN}A-Za-z]{{2,12}}?(?:通讯社|社|网|报|电视台|台|新闻|客户端)"
_AGENCY_CREDIT = re.compile(
    rf"^(?:[（(]\s*(?:综合|据)?\s*{_AGENCY}(?:\s*[、，,]\s*{_AGENCY})*\s*[）)]"
    rf"|(?:据|(?:本报)?综合)\s*{_AGENCY}(?:\s*[、，,]\s*{_AGENCY})*\s*(?:电|消息|报道|报导)?|本报综合消息)$"
)
SOURCE_MAX_WIDTH = 80


def is_source(line: str) -> bool:
    return (_SOURCE.match(line) is not None or _AGENCY_CREDIT.match(line) is not None) and "。" not in line.rstrip("。")


# --- bylines ------------------------------------------------------------------------------------

_ORG_SUFFIX = (
    "日报|晚报|早报|商报|时报|周报|周刊|导报|快报|都市报|报社|报|通讯社|新闻社|社|广播电视台|电视台|"
    "广播电台|电台|台|网|新闻|客户端|传媒|融媒体中心|中心|杂志|视|号|频道"
)
_ORG = rf"(?:本报|本台|本刊|本网|本社|本站|[{HAN}A-Za-z]{{1,12}}?(?:{_ORG_SUFFIX}))"
_QUALIFIER = rf"(?:全媒体|融媒体|首席|见习|特约|实习|资深|高级|特派|驻站|驻[{HAN}]{{1,6}}?|摄影|文字|视频|主任|专栏|本报)"
_ROLE = "(?:特约评论员|评论员|评论部|编辑部|通讯员|记者|实习生|撰稿人|撰稿|撰文|摄影|摄像|编译|主持人|作者|报道员|观察员)"
_NAME = rf"(?:[{HAN}]{{1,4}}|[{HAN}]{{1,6}}[·•・][{HAN}]{{1,8}}|[A-Z][A-Za-z.'-]+)"
# Where a reporter filed from, after a slash (Taiwan and Hong Kong papers): `林志明／台北报导`.
_SLASHES = "/／∕"
_FILED_FROM = rf"[{_SLASHES}][{HAN}]{{1,8}}?(?:综合)?(?:报导|报道)"
_ROLE_TOKEN = re.compile(rf"^(?:[A-Z]{{2,6}})?{_ORG}?{_QUALIFIER}*{_ROLE}(?:[：:{_SLASHES}]?(?P<name>{_NAME})(?:{_FILED_FROM})?)?$")
_CREDIT_TOKEN = re.compile(r"^(?:文/图|文／图|图/文|图／文|文/摄|文图|图文|文|图|摄|摄影|报道|整理|编译)$")
# A story put together from several sources, credited without a name: `本报综合报道`.
_COMPILED_REPORT = re.compile(r"^(?:本报|本刊|本台|本网|本社)?综合(?:报道|报导)$")
_SLASH_CREDIT = re.compile(
    rf"^(?:(?:文|图|摄|摄影|文/图|文／图|图/文)[{_SLASHES}：:]{_NAME}|{_NAME}[{_SLASHES}](?:文|图|摄|摄影|文/图|文／图)|{_NAME}{_FILED_FROM})$"
)
_PHOTO_CREDIT = re.compile(rf"^[{HAN}]{{2,4}}摄$")
# A photo's source under it: `新华社发`, `新华社发（张三 摄）`, `视觉中国供图`, `CFP供图`, `资料图片`.
_PHOTO_SOURCE = re.compile(rf"^(?:(?:{_ORG}发|(?:[{HAN}]{{2,8}}|[A-Za-z]{{2,8}})供图)(?:\s*[（(][^（）()]{{1,24}}[）)])?|资料(?:图片|照片|图))$")
_NAME_TOKEN = re.compile(rf"^{_NAME}$")
_TRAILING_CREDITS = {"摄", "摄影", "报道", "整理", "编译", "文/图", "文／图", "图/文", "文", "图"}
# Words that follow 记者 in column names rather than names (`记者手记`, `记者观察`).
_NOT_NAMES = {"手记", "观察", "调查", "专访", "随笔", "笔记", "札记", "视线", "来信", "探访", "走访", "见闻",
              "连线", "体验", "节日", "会上", "证件", "之家", "生涯", "实录", "日记", "故事"}
_NOT_NAME_STARTS = set("的之是在了们")  # `编辑部的故事`, `记者们`: no name starts with these
_BYLINE_SPLIT = re.compile(r"[\s、，,|｜]+")
_BYLINE_FORBIDDEN = re.compile(r"[。！？；…“”\"《》0-9０-９!?;]")
_ENGLISH_BYLINE = re.compile(r"^By\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})*$")
BYLINE_MAX_WIDTH = 60


@dataclass(frozen=True)
class Byline:
    bracketed: bool  # `（记者 张三）`: a trailing credit, never the start of an article


def byline(line: str) -> Byline | None:
    """A Byline when the whole line is a byline, else None."""
    text = _MARKER.sub("", line)
    bracketed = len(text) > 2 and text[0] in "（(" and text[-1] in "）)"
    if bracketed:
        text = text[1:-1].strip()
    if not text or _ENGLISH_BYLINE.match(text) or _COMPILED_REPORT.match(text) or _PHOTO_SOURCE.match(text):
        return Byline(bracketed) if text else None
    if len(text) > BYLINE_MAX_WIDTH or _BYLINE_FORBIDDEN.search(text) or text[-1] in "，、,":
        return None  # (a byline never stops at a comma: `本报综合报道 今年以来，` goes on)
    tokens = [t for t in _BYLINE_SPLIT.split(text) if t]
    if not tokens or len(tokens) > 12:
        return None
    kinds = [_token_kind(t) for t in tokens]
    if None in kinds or not any(k in ("role", "credit") for k in kinds):
        return None
    if kinds[0] == "name" and tokens[-1] not in _TRAILING_CREDITS and kinds[-1] != "credit":
        return None
    return Byline(bracketed)


def _token_kind(token: str) -> str | None:
    match = _ROLE_TOKEN.match(token)
    if match:
        name = match.group("name")
        if name is None or (len(name) >= 2 and name not in _NOT_NAMES and name[0] not in _NOT_NAME_STARTS):
            return "role"
    if _CREDIT_TOKEN.match(token) or _SLASH_CREDIT.match(token) or _PHOTO_CREDIT.match(token):
        return "credit"
    if _NAME_TOKEN.match(token):
        return "name"
    return None


# --- kickers and subtitles ----------------------------------------------------------------------


def marker_rest(line: str) -> str | None:
    """The text after a kicker marker (`■实干论英雄` -> `实干论英雄`), or None without a marker."""
    match = _MARKER.match(line)
    return line[match.end():] if match else None


def is_marked_name(line: str) -> bool:
    """A marker and a person's name only (`□ 王晓晨`): under a headline, the byline of a column."""
    rest = marker_rest(line)
    return rest is not None and len(rest.strip()) in (2, 3) and _NAME_TOKEN.match(rest.strip()) is not None


def is_label(line: str) -> bool:
    """A short bracketed label line: `【奋战二季度】`, `【编者按】`."""
    return _LABEL.match(line) is not None


_SUBTITLE = re.compile(r"^(?:——|──|－－|--|—|―|－)\s*(?P<rest>[^—─－\-―\s].*)$")


def subtitle_rest(line: str) -> str | None:
    match = _SUBTITLE.match(line)
    return match.group("rest") if match else None


# --- datelines ----------------------------------------------------------------------------------

_DATE = rf"(?:{NUM}月)?{NUM}日"  # Taiwan agencies give the day only: `中央社记者林志明台北5日电`
_NEWS_ORG = rf"[{HAN}A-Za-z]{{1,12}}?(?:社|网|报|台|新闻|客户端)"
_DATELINE = re.compile(
    rf"""^(?:
        (?:本报|本刊|本台|本网|本社)[^，。,\s]{{0,16}}?讯
      | (?:本报|本刊|本台|本网|本社)综合(?:报道|报导)\s*\S
      | {_NEWS_ORG}[^，。,\s]{{0,16}}?{_DATE}(?:电|讯)
      | {_NEWS_ORG}讯
      | 据[^，。,\s]{{1,16}}?(?:社|网|报|台|新闻|媒体|客户端)[^，。]{{0,16}}?(?:报道|消息|电)
      | (?:{_DATE}(?:上午|下午|晚间|晚上|早上|中午)?[，,]?\s*)?(?:本报)?记者[^，。]{{0,12}}?从[^。]{{1,30}}?(?:获悉|了解到|得知)
      | 【[^】]{{1,30}}?(?:讯|电|报道|报导)】
      | [A-Z][A-Z .'-]{{1,30}},\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}\s+\((?:Xinhua|Reuters|AP|AFP|Bloomberg|CNA)\)
    )""",
    re.X,
)


# Just the agency part of a dateline, with a credit in brackets after it: what a summary drops.
_DATELINE_TAG = re.compile(
    rf"""^\s*(?:
        (?:本报|本刊|本台|本网|本社)[^，。,\s]{{0,16}}?讯
      | {_NEWS_ORG}[^，。,\s]{{0,16}}?{_DATE}(?:电|讯)
      | {_NEWS_ORG}讯
      | 【[^】]{{1,30}}?(?:讯|电|报道|报导)】
    )\s*(?:[（(][^）)]{{1,30}}[）)])?\s*""",
    re.X,
)


def strip_dateline(sentence: str) -> str:
    """`本报讯 5月15日，记者…` -> `5月15日，记者…`: the sentence without its dateline tag."""
    match = _DATELINE_TAG.match(sentence)
    return sentence[match.end() :] if match and match.end() < len(sentence) else sentence


def is_dateline(line: str) -> bool:
    """Whether the line starts with a dateline (`本报讯 …`): the first paragraph of a body."""
    return _DATELINE.match(line) is not None


# --- numbered headings and enumerations ---------------------------------------------------------

_NUMBERED = re.compile(
    rf"""^(?:
        [{CN_DIGITS}]{{1,3}}[、．.]
      | [（(][{CN_DIGITS}]{{1,3}}[）)]
      | [（(][0-9０-９]{{1,2}}[）)]
      | [0-9０-９]{{1,2}}(?:[、]|[．.](?![0-9０-９]))
      | 第[{CN_DIGITS}0-9]{{1,3}}[章节部分篇编]
      | [①-⑳⑴-⒇⒈-⒛]
      | [ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{{1,4}}[、．.]
    )""",
    re.X,
)
_ENUMERATION = re.compile(rf"^(?:[{CN_DIGITS}]是|其[{CN_DIGITS}][，,、]|第[{CN_DIGITS}][，,、])")


def is_numbered(line: str) -> bool:
    """Starts like a numbered heading or list item: `一、`, `（二）`, `3.`, `①`."""
    return _NUMBERED.match(line) is not None


def is_enumerated(line: str) -> bool:
    """Starts a list item: a numbered prefix, `一是`, `其二，`, `第三，`."""
    return is_numbered(line) or _ENUMERATION.match(line) is not None


# --- page furniture -----------------------------------------------------------------------------

_SECTIONS = (
    "要闻|综合|新闻|时评|评论|经济|财经|国际|国内|体育|文化|文体|副刊|社会|民生|城市|专版|专题|广告|地方|县域|"
    "视点|观察|理论|市场|教育|健康|天下|调查|法治|科技|声音|关注|聚焦|时事|商贸|深读|深度|特别报道|本地|都市|乡村|"
    "农村|政务|党建|生活|读书|人物|environment|公告|服务|资讯|头版|封面|导读|一版|二版|图片|图说|简讯|快讯|短讯"
)
_EDITORIAL_ROLES = (
    "责任编辑|责编|编辑|校对|审校|审读|审核|一审|二审|三审|终审|签发|值班编辑|版式设计|版式|美术编辑|美编|"
    "排版|组版|制版|摄影编辑|图片编辑|新媒体编辑|主编|值班主任"
)
_LETTER_PAGE = r"[A-Z]\s*[0-9０-９]{1,2}"
# Unambiguous page numbers (`G20` in `G20峰会` is not one): zero-padded or followed by 版.
_PAGE_NUMBER = r"(?:[A-Z]\s*[0０][1-9１-９]\s*版?|[A-Z]\s*[0-9０-９]{1,2}\s*版|第\s*[A-Z]?\s*[0-9０-９]{1,3}\s*版)"
# Page numbers with the page's name: `第2版 要闻`, `A05 城事`, `要闻 A02版`, `B2　台南新闻`.
_PAGE_TOP = [
    re.compile(rf"^第\s*(?:{NUM}|{_LETTER_PAGE})\s*版(?:\s*[|｜:：·]?\s*\S{{0,12}})?$"),
    re.compile(rf"^[A-Z]\s*[0-9０-９]{{1,2}}\s*(?:版)?(?:\s*[|｜:：·]?\s*(?:{_SECTIONS}))?$"),
    re.compile(rf"^(?:{_SECTIONS})\s*[|｜:：·]?\s*(?:第\s*{NUM}\s*版|[A-Z]\s*[0-9０-９]{{1,2}}(?:\s*版)?)$"),
    # A page number the way a paper writes it (`A02`, `B3版`) with any section name: `A02 城事`.
    re.compile(rf"^{_PAGE_NUMBER}\s*[|｜:：·]?\s*[{HAN}]{{1,6}}$"),
    re.compile(rf"^[{HAN}]{{1,6}}\s*[|｜:：·]?\s*{_PAGE_NUMBER}$"),
    re.compile(rf"^{_LETTER_PAGE}(?:\s*版)?(?:\s+|\s*[|｜:：·]\s*)[{HAN}]{{0,4}}(?:{_SECTIONS})$"),
]
_FURNITURE = [
    re.compile(rf"^(?:本版)?(?:{_EDITORIAL_ROLES})\s*[：:／/\s]\s*\S"),
    re.compile(r"^(?:视觉设计|设计|制图|视觉|插图)\s*[：:／/]\s*\S"),
    re.compile(
        r"^(?:邮箱|电子邮箱|投稿邮箱|E-?mail|电话|联系电话|新闻热线|热线电话|热线|投诉热线|广告热线|发行热线|"
        r"订阅热线|传真|邮编|邮政编码|地址|社址|网址|官网|微信公众号|公众号|微信|微博|QQ|客服|印刷|定价|零售价|"
        r"广告经营许可证|发行)\s*[：:]",
        re.I,
    ),
    *_PAGE_TOP,
    re.compile(rf"^(?:今日|本期|本报今日)\s*{NUM}\s*版"),
    re.compile(rf"^(?:{_SECTIONS})(?:{_SECTIONS})?$"),  # a section name alone: `要闻`, `本地新闻`
    re.compile(r"^总第\s*[0-9０-９]+\s*期"),
    re.compile(r"^[-－—–\s]*[0-9０-９]{1,3}[-－—–\s]*$"),
    re.compile(r"^(?:[(（]?0\d{2,3}[)）]?[-－\s]?)?\d{7,8}(?:[-－转]\d{1,4})?$"),
    re.compile(r"^1[3-9]\d{9}$"),
    re.compile(r"^(?:https?://|www\.)[!-~]+$"),
    re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"),
    re.compile(r"^(?:国内统一连续出版物号|国内统一刊号|CN\s*\d{2}\s*[-－]\s*\d{4}|ISSN\s*\d{4}-\d{3}[\dX])"),
]
_FULL_DATE = (
    rf"(?:\d{{4}}|[{CN_DIGITS}]{{4}}|(?:中华)?民国\s*{NUM})\s*年\s*{NUM}\s*月\s*{NUM}\s*日|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}"
)
_WEEKDAY = r"(?:星期|礼拜|周)[一二三四五六日天]"
_MASTHEAD = [
    re.compile(rf"^[^\s，。]{{2,12}}(?:报|刊|新闻)\s*[|｜·]?\s*(?:{_FULL_DATE})"),
    re.compile(rf"(?:{_FULL_DATE}).*(?:{_WEEKDAY}|农历|第\s*{NUM}\s*[版期])"),
    re.compile(rf"(?:{_WEEKDAY}|农历|第\s*{NUM}\s*[版期]).*(?:{_FULL_DATE})"),
    re.compile(rf"^(?:{_FULL_DATE})(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$"),
    re.compile(rf"^(?:【[^】]{{0,20}}】\s*)*【\s*(?:{_EDITORIAL_ROLES})\s*[：:][^】]{{0,20}}】"),
]
FURNITURE_MAX_WIDTH = 90
_PAPER_NAME = re.compile(
    rf"^[{HAN}]{{2,8}}?(?:日报|晚报|早报|晨报|商报|时报|周报|导报|快报|都市报|青年报|法治报|报|周刊|新闻)"
    r"(?:\s*[(（][^()（）]{1,12}[)）])?$"
)


def is_paper_name(line: str) -> bool:
    """A newspaper's name alone: `人民日报`, `新京报`, `联合报`, `中国日报（海外版）`."""
    return _PAPER_NAME.match(line) is not None


def is_furniture(line: str) -> bool:
    """Page banner and furniture lines (belong to no article). Never a line with `。` or `，`."""
    if "。" in line or "，" in line:
        return False
    return any(p.match(line) for p in _FURNITURE) or any(p.search(line) for p in _MASTHEAD)


BANNER_MAX_WIDTH = 200  # a Hong Kong banner with the editors' names is as wide as the page


def is_banner(line: str) -> bool:
    """A furniture line that opens a page: the date banner (`人民日报 2024年3月5日 星期二`) or the
    page number with its name (`A05 城事`). Where pages joined in one file meet."""
    if "。" in line or "，" in line:
        return False
    return any(p.search(line) for p in _MASTHEAD[:4]) or any(p.match(line) for p in _PAGE_TOP)
