"""What follows a Chinese number: its kind and unit (元, %, 个百分点, 倍, 年, 人次, 公里, measure words)."""

from __future__ import annotations

import re

from ..text import HAN_CHARS
from .numerals import _Found, _Num

_CURRENCY = [
    ("人民币元", "yuan"), ("美元", "US dollars"), ("欧元", "euros"), ("英镑", "pounds"),
    ("日元", "yen"), ("港元", "Hong Kong dollars"), ("港币", "Hong Kong dollars"), ("韩元", "won"),
    ("澳元", "Australian dollars"), ("加元", "Canadian dollars"), ("卢布", "rubles"),
    ("新台币", "New Taiwan dollars"), ("人民币", "yuan"), ("元", "yuan"),
]  # fmt: skip

_CURRENCY_PREFIX = {"$": "US dollars", "US$": "US dollars", "￥": "yuan", "¥": "yuan", "£": "pounds",
                    "€": "euros", "人民币": "yuan", "新台币": "New Taiwan dollars", "台币": "New Taiwan dollars",
                    "港币": "Hong Kong dollars"}  # fmt: skip

_MEASURES = [
    ("平方公里", "square kilometers"), ("平方千米", "square kilometers"), ("平方米", "square meters"),
    ("立方米", "cubic meters"), ("公里", "km"), ("千米", "km"), ("厘米", "cm"), ("毫米", "mm"),
    ("米", "meters"), ("公顷", "hectares"), ("亩", "mu"), ("吨", "tonnes"),
    ("公斤", "kg"), ("千克", "kg"), ("克", "grams"), ("毫升", "ml"), ("升", "liters"),
    ("千瓦时", "kWh"), ("千瓦", "kW"), ("兆瓦", "MW"), ("瓦", "watts"), ("摄氏度", "degrees Celsius"),
    ("℃", "degrees Celsius"), ("华氏度", "degrees Fahrenheit"), ("英里", "miles"), ("英尺", "feet"),
    ("英寸", "inches"), ("海里", "nautical miles"), ("码", "yards"), ("磅", "pounds"),
    ("标准箱", "TEU"), ("户", "households"), ("例", "cases"), ("岁", "years old"),
    ("斤", "jin"), ("里", "li"), ("度", "degrees"),
]  # fmt: skip

# Measure words: a count of what the following noun names.
_CLASSIFIERS = (
    "个家项种笔位名件条批座所台辆架艘头只张本部场期轮栋幢套处款份篇句首支枚颗棵株片块层级类门段点宗起"
    "间扇副双对组队集串根粒匹封票单趟班列届"
)

_DURATIONS = [
    ("个多小时", "hours", "more than"), ("个多月", "months", "more than"), ("多个小时", "hours", "more than"),
    ("个小时", "hours", None), ("个钟头", "hours", None), ("个星期", "weeks", None), ("个月", "months", None),
    ("小时", "hours", None), ("分钟", "minutes", None), ("秒钟", "seconds", None), ("星期", "weeks", None),
    ("天", "days", None), ("周", "weeks", None), ("秒", "seconds", None),
]  # fmt: skip

# The sessions of a congress's term: 十四届全国人大三次会议 (the third session), 第二次全体会议.
_SESSION = re.compile(r"次(全体)?会议")

_SESSION_UNITS = {None: "session", "全体": "plenary meeting"}

_JIE_BEFORE = re.compile(rf"届[{HAN_CHARS}]{{0,10}}$")


def _with_unit(s: str, num: _Num) -> _Found | int | None:
    """Kind and unit from what follows the number; the position to resume at for a numeral that is
    not a quantity."""
    j = num.end + 1 if s[num.end : num.end + 1] == " " else num.end  # "2016 年": translations space units
    rest = s[j : j + 6]
    found = _Found(num.start, num.end, num.value, "number", upper=num.upper, qualifier=num.qualifier)

    def take(n: int, kind: str, unit: str | None = None) -> _Found:
        found.end, found.kind, found.unit = j + n, kind, unit
        return found

    if rest.startswith(("个百分点", "百分点")):
        return take(4 if rest[0] == "个" else 3, "points")
    if rest.startswith(("个基本点", "个基点", "基点", "基本点")):
        found.value = num.value / 100  # basis points, in percentage points
        return take(len(re.match(r"个?基本?点", rest).group()), "points")
    if rest.startswith("%"):
        return take(1, "percent")
    if rest.startswith("‰"):
        return take(1, "permille")
    if rest.startswith("倍"):
        take(1, "multiple", "times")
        if s.startswith("多", found.end):
            found.end, found.qualifier = found.end + 1, "more than"
        return found
    if rest.startswith("成") and num.value <= 10 and not num.has_mult and not _NOT_PERCENT_CHENG.match(rest):
        found.value = num.value * 10  # 三成: 30%
        found.upper = num.upper * 10 if num.upper is not None else None
        return take(1, "percent")
    for zh, en in _CURRENCY:
        if rest.startswith(zh):
            return take(len(zh), "money", en)
    if rest.startswith("年代"):
        return num.end
    if rest.startswith("年"):
        return _year_or_duration(s, num, found, j)
    if rest.startswith("世纪"):
        return take(2, "ordinal", "century")
    if rest.startswith("季度") and not num.arabic and num.value <= 4:
        return take(2, "ordinal", "quarter")
    if rest.startswith("周年"):
        return take(2, "ordinal", "anniversary")
    if rest.startswith("届") and not num.arabic:
        return take(1, "ordinal", "term")
    if rest.startswith("中全会") and not num.arabic and num.value <= 12:
        return take(3, "ordinal", "plenary session")  # 二十届三中全会: the third plenary session
    session = _SESSION.match(rest)
    if session and _JIE_BEFORE.search(s, max(0, num.start - 12), num.start):
        return take(session.end(), "ordinal", _SESSION_UNITS[session[1]])  # 十四届全国人大三次会议
    for zh, unit, qual in _DURATIONS:
        if rest.startswith(zh):
            take(len(zh), "duration", unit)
            if qual:
                found.qualifier = qual
            elif s.startswith("多", found.end) and not num.qualifier:
                found.end, found.qualifier = found.end + 1, "more than"
            return found if num.arabic or num.value != 1 or num.has_mult else num.end
    if rest.startswith(("日内", "日以内", "日之内")) or (rest.startswith("日") and not num.arabic):
        return take(1, "duration", "days") if num.arabic or num.value != 1 else num.end
    if rest.startswith("人次"):
        return take(2, "number", "visits")
    if rest.startswith("人"):
        return take(1, "number", "people") if num.arabic or num.value != 1 or num.has_mult else num.end
    for zh, en in _MEASURES:
        if rest.startswith(zh):
            return take(len(zh), "number", en)
    if rest.startswith("次"):
        return take(1, "number", "times") if num.arabic or num.value != 1 or num.has_mult else num.end
    if rest.startswith("分") and num.arabic:
        return take(1, "number", "points")
    if rest[:1] and rest[0] in _CLASSIFIERS:
        if not num.arabic and num.value == 1 and not num.has_mult and not num.qualifier:
            return num.end  # 一个, 一家: "a", not a figure
        take(1, "number")
        if rest.startswith("个多") and not num.qualifier:
            found.end, found.qualifier = found.end + 1, "more than"
        return found
    if rest.startswith("大") and not num.arabic and 2 <= num.value <= 10:
        return take(1, "number")  # 三大优势: three major strengths
    # A bare number. Digits always count. A Chinese numeral counts with a unit inside (一百二十)
    # or a qualifier (三十多), never as a lone digit (一, 两, 五): those are words (统一, 两岸).
    if num.arabic:
        return found
    if num.digit_sequence or s[num.end : num.end + 1] in ("”", '"', "’", "」", "』"):
        return num.end
    signed = s[num.start - 1 : num.start] == "负"
    decimal = "点" in s[num.start : num.end]
    if (num.qualifier and num.upper is None) or (num.value >= 10 and num.end - num.start >= 2) or signed or decimal:
        return found  # 二十, 一百二十, 三十多; not a lone 十 (十分重要: "very important")
    return num.end


_NOT_PERCENT_CHENG = re.compile(r"成[为功立长本员果就熟型绩交都了片群批套年人分效品真]")


def _year_or_duration(s: str, num: _Num, found: _Found, j: int) -> _Found | int:
    """2025年 is a year; 3年, 18年间, 20年来, 2000多年 are durations."""
    after = s[j + 1 : j + 4]
    raw = s[num.start : num.end]
    year_shape = num.digit_sequence or (
        num.arabic and raw.isdigit() and len(raw) == 4 and 1000 <= num.value <= 2100
    )
    if year_shape and not after.startswith(("间", "来", "多", "之久")) and not num.qualifier:
        found.end, found.kind = j + 1, "year"
        if s.startswith("度", found.end):
            found.end += 1
        return found
    if not num.arabic and num.value == 1 and not num.has_mult:
        return num.end  # 一年: "a year"
    if after.startswith("级"):
        found.end, found.kind, found.unit = j + 2, "ordinal", "grade"
        return found
    found.end, found.kind, found.unit = j + 1, "duration", "years"
    if s.startswith("多", found.end) and not num.qualifier:
        found.end, found.qualifier = found.end + 1, "more than"
    return found
