"""Quantities in Chinese news text: find them, value them exactly, say them in English, and
find and compare quantities in English text.

    >>> [to_english(q) for q in find_quantities("今年一季度投入达23.66亿元，同比增长17.9%")]
    ['first quarter', '2.366 billion yuan', 'up 17.9% year on year']

Values are exact `Decimal`s in base units (1550亿元 -> 155000000000). `Quantity.kind` is one of:

- ``number``: a count or amount; `unit` says what of where the Chinese says it ("people" for 人,
  "visits" for 人次, "times" for 次, "households", "km", ...). Measure words (家, 个, 项, 种, 笔, 位)
  give `unit=None`: the noun that follows carries the meaning.
- ``money``: `unit` is the currency in English ("yuan", "US dollars", "euros", ...).
- ``percent`` (17.9 for 17.9%), ``permille`` (‰), ``points`` (个百分点: percentage points),
  ``multiple`` (倍: `unit="times"`).
- ``date``: `value` packs year, month and day as YYYYMMDD with 0 for a part the text does not give:
  2025年5月15日 -> 20250515, 5月15日 -> 515, 15日 -> 15, 2025年5月 -> 20250500. See
  `Quantity.date_parts`.
- ``year`` (2025年 -> 2025), ``decade`` (上世纪80年代 -> 1980; 90后 -> 1990 with
  `unit="generation"`), ``time`` (clock time as HHMM: 下午3点 -> 1500, 10:30 -> 1030; a match
  clock 3分35秒 -> 335, like "3:35").
- ``duration``: `unit` is "years", "months", "weeks", "days", "hours", "minutes" or "seconds"
  (18年间 -> 18 years; 3个月 -> 3 months).
- ``ordinal``: 第一 -> 1; `unit` for 季度 ("quarter"), 世纪 ("century"), 届 ("term": not said), 三中全会 and
  三次会议 ("plenary session", "session"),
  周年 ("anniversary"), 十五五 ("Five-Year Plan").

Ranges (3至5年, 10%—15%, 5月14日至16日) are quantities of their kind with `upper` set. Vague amounts
(数十, 上千, 几百) have `qualifier="several"` and the order of magnitude as `value`.

`qualifier`: "over" (超, 超过, 逾, 余, 以上), "more than" (多: 三十多个, 10多次), "nearly" (近,
将近, 接近), "about" (约, 大约, 左右; also 五六百 "500 to 600"), "less than" (不到, 不足, 以下),
"at least", "up to" (多达, 高达), "past" (近3年: the past 3 years), "several" (vague). `change`:
"up" or "down" for 增长/增加/提高/下降/减少... before the number, with `basis` "year on year" (同比),
"month on month" (环比), "over the previous year" (比上年) ...; the span then starts at those words.

A number is "Arabic" when written with digits (full-width digits count) and "Chinese" when
written in Chinese numerals; checks treat small Chinese-numeral counts (两只手, 三篇文章) as
optional in a translation, since they are often rendered as words or idioms.

English side: `find_english_quantities` reads 155 billion, 155bn, £2.8bn, 155,000,000,000,
17.9 percent / per cent / %, May 15, 2025, the 1980s, 3 p.m., six, twenty-five, a dozen, two
decades, hundreds (vague). `same_value(zh, en)` compares one Chinese and one English quantity (see
there for rounding); `mentioned_values(zh)` is the loose set of every value a Chinese text
mentions in any form.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "Quantity",
    "EnglishQuantity",
    "find_quantities",
    "find_english_quantities",
    "to_english",
    "format_amount",
    "same_value",
    "endpoint_matches",
    "values_close",
    "mentioned_values",
]

# --- data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    text: str  # exact source span, including qualifier and change words (超210万, 同比增长17.9%)
    start: int
    end: int
    value: Decimal
    upper: Decimal | None = None
    kind: str = "number"
    unit: str | None = None
    qualifier: str | None = None  # over, more than, nearly, about, at least, less than, up to, past, several
    change: str | None = None  # "up" / "down"
    basis: str | None = None  # "year on year", "month on month", "over the previous year", ...

    @property
    def numeral(self) -> str:
        """"arabic" when the number is written with digits, else "chinese"."""
        return "arabic" if _HAS_DIGIT.search(_normalize(self.text)) else "chinese"

    @property
    def date_parts(self) -> tuple[int | None, int | None, int | None]:
        """(year, month, day) of a date, year or decade; None for parts not given."""
        return _date_parts(self.value) if self.kind == "date" else (
            (int(self.value), None, None) if self.kind in ("year", "decade") else (None, None, None)
        )


@dataclass(frozen=True)
class EnglishQuantity:
    text: str
    start: int
    end: int
    value: Decimal
    upper: Decimal | None = None
    kind: str = "number"  # number, money, percent, points, multiple, date, year, decade, time, ordinal
    unit: str | None = None
    qualifier: str | None = None  # "several" for dozens / hundreds / thousands of ...
    spelled: bool = False  # written in words ("six", "a dozen", "first")


# --- text normalization ------------------------------------------------------------------------

# One character in, one character out: offsets into the normalized text are offsets into the input.
# Full-width digits and signs, and the Traditional forms of the characters numbers are written with
# (1550億元, 230多個, 增長), so Traditional text reads like Simplified.
_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "％": "%", "－": "-", "～": "~", "：": ":",
        **dict(zip("萬億兩個點幾餘約噸長減項種筆條輛臺場屆層間組隊張隻歲週時鐘號紀歐鎊韓盧幣單雙對數漲環較華攝畝裡釐戶億達過門價",
                   "万亿两个点几余约吨长减项种笔条辆台场届层间组队张只岁周时钟号纪欧镑韩卢币单双对数涨环较华摄亩里厘户亿达过门价")),
    }
)  # fmt: skip
_HAS_DIGIT = re.compile(r"\d")


def _normalize(text: str) -> str:
    return text.translate(_FULLWIDTH)


def _dec(s: str) -> Decimal:
    return Decimal(s.replace(",", ""))


def _plain(d: Decimal) -> str:
    """Decimal as plain digits, no exponent, no trailing zeros: 2.366E+9 -> '2366000000'."""
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def _clean(d: Decimal | None) -> Decimal | None:
    """Exact value without representation noise: 2366000000.00 -> 2366000000, 22000.0 -> 22000."""
    if d is None:
        return None
    if d == d.to_integral_value():
        return Decimal(int(d))
    return d.normalize()


def _quantum(d: Decimal) -> Decimal:
    """The place value of the last significant digit: 1550 -> 10, 2.366E+9 -> 1E+6."""
    if d == 0:
        return Decimal(1)
    return Decimal(1).scaleb(d.normalize().as_tuple().exponent)


def _round_to(d: Decimal, quantum: Decimal) -> Decimal:
    return (d / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum


# --- Chinese numerals ----------------------------------------------------------------------------

_CN_DIGIT = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CN_CHARS = "".join(_CN_DIGIT) + "".join(_CN_SMALL) + "".join(_CN_BIG)
_CN_RUN = re.compile(f"[{_CN_CHARS}几]+(?:点[{''.join(_CN_DIGIT)}]+)?")


def _parse_cn(run: str) -> tuple[Decimal, bool] | None:
    """Value of a Chinese numeral (一百二十万, 十五, 两千零五, 二〇二五, 三点五, 一万五) and whether
    it holds 几 (十几, 几十: "more than" / "several"). None when it is not a well-formed numeral."""
    fraction = ""
    if "点" in run:
        run, frac = run.split("点", 1)
        fraction = "".join(str(_CN_DIGIT[c]) for c in frac)
    vague = "几" in run
    run = run.replace("几", "")
    if not run:
        return None
    if len(run) >= 2 and all(c in _CN_DIGIT for c in run):
        if fraction or len(run) == 2 and not set(run[1:]) <= set("〇零"):
            return None  # 两三, 七八: "two or three", not 23
        return Decimal("".join(str(_CN_DIGIT[c]) for c in run)), vague  # 二〇二五: digit by digit
    high = 0  # sum of finished 亿 groups
    wan = 0  # finished 万 group within the current 亿 group
    section = 0  # below 万
    digit: int | None = None
    last_unit = 0  # place value of the unit just before a trailing digit: 一万五 = 15000
    last_small = 10**5
    zero_gap = False
    for ch in run:
        if ch in _CN_DIGIT:
            if digit is not None:
                return None  # two digits side by side inside a numeral with units: 十五五
            d = _CN_DIGIT[ch]
            if d == 0:
                zero_gap = True
                continue
            digit = d
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            if unit >= last_small:
                return None  # 十百, 百百
            section += (digit if digit is not None else 1) * unit
            digit, last_small, last_unit, zero_gap = None, unit, unit, False
        else:
            unit = _CN_BIG[ch]
            if unit == 10**4:
                if wan:
                    return None
                wan = (section + (digit or 0)) * unit or unit
            else:
                high = (high + wan + section + (digit or 0)) * unit or unit
                wan = 0
            section, digit, last_small, last_unit, zero_gap = 0, None, 10**5, unit, False
    if digit is not None and last_unit >= 100 and not zero_gap and not fraction:
        digit *= last_unit // 10  # 一百五 = 150, 三千五 = 3500, 一万五 = 15000
    integer = high + wan + section + (digit or 0)
    value = Decimal(integer)
    if fraction:
        value = Decimal(f"{integer}.{fraction}")
    return value, vague


# --- vocabulary ---------------------------------------------------------------------------------

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]  # fmt: skip

# Multipliers written after Arabic digits; 千 not before 米/克/瓦 (千米 is km), 百 not before 分.
# 兆 is a trillion before a currency (Taiwan: 新台币1.5兆元), elsewhere mega (兆瓦) or megabytes (100兆流量).
_MULT = r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|兆(?=[美日韩港欧澳加]?元|新?台币|人民币)|千(?![米克瓦卡伏帕焦])|百(?!分))"
_MULT_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8, "兆": 10**12}

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
_DURATION_SINGULAR = {"years": "year", "months": "month", "weeks": "week", "days": "day", "hours": "hour",
                      "minutes": "minute", "seconds": "second", "times": "time", "people": "person",
                      "visits": "visit", "households": "household", "cases": "case"}  # fmt: skip

_PREFIX_QUALIFIERS = [
    ("超过", "over"), ("超出", "over"), ("逾", "over"), ("超", "over"), ("多于", "more than"),
    ("将近", "nearly"), ("接近", "nearly"), ("近", "nearly"), ("约为", "about"), ("大约", "about"),
    ("大概", "about"), ("约", "about"), ("不到", "less than"), ("不足", "less than"), ("低于", "less than"),
    ("少于", "less than"), ("至少", "at least"), ("最少", "at least"), ("最多", "up to"), ("至多", "up to"),
    ("多达", "up to"), ("高达", "up to"), ("最高", "up to"),
]  # fmt: skip
_SUFFIX_QUALIFIERS = [("以上", "over"), ("以下", "less than"), ("左右", "about"), ("之多", None),
                      ("有余", "over"), ("上下", "about")]  # fmt: skip
_CHANGE = re.compile(
    r"(?P<basis>同比|环比|比上年同期|比去年同期|较上年同期|较去年同期|比上年|比去年|较上年|较去年|比上月|较上月)?"
    r"\s?(?<![新递骤])(?P<verb>增长|增加|上升|提高|提升|上涨|增幅|增速|增|涨|下降|减少|降低|下跌|下滑|回落|降幅|降|减|跌)"
    r"(?:了|达|为|达到)?$"
)
_BASIS = {
    "同比": "year on year", "环比": "month on month", "比上月": "over the previous month",
    "较上月": "over the previous month",
}  # fmt: skip
_RATE_NOUNS = ("增速", "增幅", "降幅")
_DOWN = ("下降", "减少", "降低", "下跌", "下滑", "回落", "降幅", "降", "减", "跌")

# Idioms and set phrases whose numerals are not quantities.
_IDIOMS = (
    "三番五次", "四面八方", "五湖四海", "一年四季", "七上八下", "三心二意", "一举两得", "九牛一毛",
    "千方百计", "千家万户", "万无一失", "一五一十", "三三两两", "十全十美", "四通八达", "五花八门",
    "一心一意", "接二连三", "一干二净", "数一数二", "独一无二", "一模一样", "三令五申", "七嘴八舌",
    "乱七八糟", "一清二楚", "三言两语", "十有八九", "千千万万", "成千上万", "千篇一律", "一石二鸟",
    "三五成群", "八九不离十", "一穷二白", "两面三刀", "万众一心", "千军万马", "万紫千红", "百花齐放",
    "一日千里", "一落千丈", "九死一生", "百年大计", "千载难逢", "万事如意", "一年到头", "一五一十",
    "千里之外", "五颜六色", "十字路口", "百尺竿头", "一分为二", "三天两头", "一天到晚", "五星红旗",
    "三座大山", "万里长城", "两手抓", "两张皮", "一刀切", "一把手", "一条龙", "一站式", "一盘棋",
)  # fmt: skip
_IDIOM_RE = re.compile("|".join(sorted(_IDIOMS, key=len, reverse=True)))

# Latin letters glued to a number make it part of a name or code (5G, G20, COVID-19, www.12377.cn),
# except unit and scale suffixes.
_LATIN_SUFFIXES = {
    "st", "nd", "rd", "th", "s", "am", "pm", "bn", "tn", "mn", "mln", "m", "k", "km", "kg", "mph", "kph",
    "kmh", "ft", "cm", "mm", "g", "lb", "lbs", "kw", "mw", "gw", "kwh", "mwh", "ml", "l", "t", "ha",
    "million", "billion", "trillion", "thousand", "hundred", "percent", "pct", "yuan", "sq", "in",
    "mi", "x", "mins", "min", "h", "hrs", "hr", "sec", "secs", "c", "f", "bp", "bps", "nm", "gb", "tb", "mb",
}  # fmt: skip


def _glued_to_code(text: str, start: int, end: int) -> bool:
    """True when the digits at text[start:end] belong to a code or name rather than a quantity."""
    before = text[max(0, start - 2) : start]
    if before[-1:].isascii() and before[-1:].isalpha():
        return True  # G20, H1N1, A4
    if len(before) == 2 and before[1] in "-._/@#" and before[0].isascii() and before[0].isalpha():
        return True  # COVID-19, F-16, www.12377.cn
    m = re.match(r"[A-Za-z]+", text[end:])
    if m:
        word = m.group()
        if len(word) == 1 and word.isupper():
            return word not in "LKFCMBTWV"  # 5G, 3D, 4S are names; 2L, 50K, 6F, 33C are amounts
        return word.lower() not in _LATIN_SUFFIXES
    if re.match(r"[._/@][A-Za-z]|-[A-Za-z](?![A-Za-z])", text[end:]):
        return True  # 12377.cn, 3-D (but not 13-year-old)
    return False


# --- the Chinese scanner ------------------------------------------------------------------------

_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
_AR_RE = re.compile(_AR)
# Arabic digits, then 多/余 and a multiplier in either order: 1550亿, 30多万, 5500余万, 1万多, 10多.
_AR_MULT = re.compile(rf"(?P<num>{_AR})(?:\s?(?P<q1>[多余几])?\s?(?P<mult>{_MULT}))?(?P<q2>[多余])?")
_QUAL_SUFFIX = {"多": "more than", "余": "over", "几": "more than"}
_CN_DIGITS_ONLY = "〇零一二三四五六七八九"
_CN_DAY = r"(?:三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_DATE = re.compile(
    rf"(?:(?P<y>\d{{4}}|[{_CN_DIGITS_ONLY}]{{4}})\s?年(?:度)?\s?)?"
    rf"(?:(?P<m>\d{{1,2}}|{_CN_MONTH})\s?月(?:份)?\s?)?"
    rf"(?:(?P<d>\d{{1,2}}|{_CN_DAY})\s?(?P<dmark>[日号]))?"
)
_SEP = r"\s?(?:至|到|~|-|—|–|——)\s?"
_RANGE_SEP = re.compile(_SEP)
# 1-4月, 1至4月份, 14至16日: a range whose first end leaves out the 月/日 of the second.
_SHORT_DATE_RANGE = re.compile(
    rf"(?P<a>\d{{1,2}}|{_CN_MONTH}){_SEP}(?P<b>\d{{1,2}}|{_CN_MONTH})\s?(?P<mark>月份?|日)(?![\d{_CN_DIGITS_ONLY}])"
)
_ISO_DATE = re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?(?!\d)")
_CODE_CHAIN = re.compile(r"\d+(?:-\d+){2,}")
_CLOCK_CONTEXT = re.compile(r"(?:上午|下午|早上|晚上|凌晨|中午|傍晚|清晨|早晨|夜里|晚|早)\s?$")
_DECADE = re.compile(
    r"(?:(?P<cent>上个?世纪|本世纪|(?P<c>\d{2}|二十一|二十|十九|十八)\s?世纪)\s?)?"
    r"(?P<n>\d{4}|\d{2}|[一二三四五六七八九]十|[〇零]{2})\s?年代"
)
_GENERATION = re.compile(r"([0-9]0)后(?![来期续面])")  # 90后: people born in the 1990s
# With the 规划 that often follows ("十四五"规划): it is the same plan, not a second term.
# The sessions of a congress's term: 十四届全国人大三次会议 (the third session), 第二次全体会议.
_SESSION = re.compile(r"次(全体)?会议")
_SESSION_UNITS = {None: "session", "全体": "plenary meeting"}
_JIE_BEFORE = re.compile(r"届[\u4e00-\u9fff]{0,10}$")
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五(?:[”」]?规划)?(?![个年人家项种万亿元\d])")
_VAGUE = re.compile(r"(?P<pre>数|几|上)(?P<mag>十万|百万|千万|十亿|百亿|千亿|十|百|千|万|亿)(?![一二三四五六七八九])")
_CANDIDATE = re.compile(rf"\d|[{_CN_CHARS}几]|百分之|千分之|上个?世纪|本世纪|[数上](?=[十百千万亿])")
_NOT_CLOCK = ("时间", "时代", "时候", "时刻", "时段", "时节", "时光", "时尚", "时空", "时效", "时速")


@dataclass
class _Num:
    value: Decimal
    start: int
    end: int
    arabic: bool
    has_mult: bool = False
    qualifier: str | None = None
    digit_sequence: bool = False
    upper: Decimal | None = None  # 五六百: 500 to 600


def _read_number(s: str, i: int, *, allow_leading_unit: bool = False) -> _Num | None:
    """The number at s[i]: Arabic digits with optional Chinese multipliers and 多/余, or a
    Chinese numeral (一百二十万, 三十多, 千余)."""
    m = _AR_MULT.match(s, i)  # None for ² and other characters str.isdigit takes for digits
    if m:
        value = _dec(m["num"])
        for ch in m["mult"] or "":
            value *= _MULT_VALUE[ch]
        q = m["q1"] or m["q2"]
        return _Num(value, i, m.end(), True, bool(m["mult"]), _QUAL_SUFFIX[q] if q else None)
    m = _CN_RUN.match(s, i)
    if not m:
        return None
    run, end = m.group(), m.end()
    if "点" in run and (_CLOCK_CONTEXT.search(s[max(0, i - 4) : i]) or s.startswith(("十", "分"), end)):
        run = run.split("点", 1)[0]  # 下午三点五十分: a clock time, not 3.5
        end = i + len(run)
    if run[0] in "百佰千仟万萬亿億" and not allow_leading_unit and not (len(run) == 1 and s[end : end + 1] in ("余", "多")):
        return None  # 千万 (by all means), 百姓, 万一; but 千余笔 is "over a thousand"
    pair = _approximate_pair(run)
    if pair:
        low, high, used = pair
        return _Num(low, i, i + used, False, False, "about", upper=high)
    parsed = _parse_cn(run)
    while parsed is None and len(run) > 1:  # read 十七 of 十七个 but not 二十五五
        run = run[:-1]
        end -= 1
        parsed = _parse_cn(run)
    if parsed is None:
        return None
    value, vague = parsed
    qualifier = ("several" if run.startswith("几") else "more than") if vague else None
    if s[end : end + 1] in ("多", "余"):
        qualifier = _QUAL_SUFFIX[s[end]]
        end += 1
    seq = len(run) >= 3 and all(c in _CN_DIGIT for c in run) or len(run) == 2 and set(run) & set("〇零") == set(run[1:]) and run[0] in _CN_DIGIT
    return _Num(value, i, end, False, False, qualifier, bool(seq))


_PAIR = re.compile(r"(?P<pre>[二三四五六七八九]?十)?(?P<a>[一二两三四五六七八九])(?P<b>[二三四五六七八九])(?P<rest>[十百千万亿]*)")


def _approximate_pair(run: str) -> tuple[Decimal, Decimal, int] | None:
    """两三 (2 or 3), 五六百 (500 to 600), 三四十 (30 to 40), 十七八 (17 or 18)."""
    m = _PAIR.match(run)
    if not m:
        return None
    a, b = _CN_DIGIT[m["a"]], _CN_DIGIT[m["b"]]
    if not (b == a + 1 or (a, b) == (3, 5)) or (m["pre"] and m["rest"]):
        return None
    pre, rest = m["pre"] or "", m["rest"]
    low, high = _parse_cn(pre + m["a"] + rest), _parse_cn(pre + m["b"] + rest)
    if not low or not high:
        return None
    return low[0], high[0], m.end()


@dataclass
class _Found:
    start: int
    end: int
    value: Decimal
    kind: str
    upper: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in Chinese `text`, in order, non-overlapping. Never raises."""
    s = _normalize(text)
    found: list[Quantity] = []
    pos = floor = 0  # floor: end of the previous quantity; prefixes never reach behind it
    idioms = [(m.start(), m.end()) for m in _IDIOM_RE.finditer(s)]
    while pos < len(s):
        m = _CANDIDATE.search(s, pos)
        if not m:
            break
        i = m.start()
        inside = [b for a, b in idioms if a <= i < b]
        if inside:
            pos = inside[0]
            continue
        try:
            hit = _read_quantity(s, i)
        except (InvalidOperation, ValueError, IndexError, KeyError, ZeroDivisionError, OverflowError):
            hit = None
        if not isinstance(hit, _Found):
            pos = hit if isinstance(hit, int) and hit > i else i + 1
            continue
        q = _finish(s, text, hit, floor)
        found.append(q)
        pos = floor = q.end
    return found


def _read_quantity(s: str, i: int) -> _Found | int | None:
    """The quantity whose number starts at s[i]; or, for a number that is not a quantity (a code,
    a word like 统一), the position to resume scanning at; or None."""
    if s[i].isdigit():
        if i > 0 and (s[i - 1].isdigit() or s[i - 1] == "." and i > 1 and s[i - 2].isdigit()):
            return None
        digits = _AR_RE.match(s, i)
        if _glued_to_code(s, i, digits.end()):
            return digits.end()
        iso = _ISO_DATE.match(s, i)
        if iso and 1 <= int(iso["m"]) <= 12 and 1 <= int(iso["d"]) <= 31:
            value = int(iso["y"]) * 10000 + int(iso["m"]) * 100 + int(iso["d"])
            return _Found(i, iso.end(), Decimal(value), "date")
        chain = _CODE_CHAIN.match(s, i)
        if chain:
            return chain.end()  # 0579-8512-3456, 859-292-3680
        t = _TIME.match(s, i)
        if t and int(t["h"]) <= 24 and int(t["mi"]) < 60:
            return _Found(i, t.end(), Decimal(int(t["h"]) * 100 + int(t["mi"])), "time")
    if s.startswith(("百分之", "千分之"), i):
        return _read_fraction(s, i)
    decade = _DECADE.match(s, i)
    if decade:
        return _read_decade(decade, i)
    generation = _GENERATION.match(s, i)
    if generation:
        n = int(generation[1])
        return _Found(i, generation.end(), Decimal(n + (1900 if n >= 30 else 2000)), "decade", unit="generation")
    if s.startswith(("上世纪", "上个世纪", "本世纪"), i):
        return i + 3
    if re.search(r"第\s?$", s[max(0, i - 2) : i]):
        return _read_ordinal(s, i)
    five = _FIVE_YEAR_PLAN.match(s, i)
    if five:
        return _Found(i, five.end(), Decimal(10 + _CN_DIGIT[five[1]]), "ordinal", unit="Five-Year Plan")
    date = _read_date(s, i)
    if date:
        return date
    vague = _VAGUE.match(s, i)
    if vague and not (vague["pre"] == "上" and vague["mag"] == "十"):
        value = Decimal(1)
        for c in vague["mag"]:
            value *= _MULT_VALUE[c]
        return _with_unit(s, _Num(value, i, vague.end(), False, True, "several"))
    if s[i] in "数上":
        return None
    num = _read_number(s, i)
    if num is None:
        run = _CN_RUN.match(s, i)
        return run.end() if run else None
    rng = _read_range(s, num)
    if rng is not None:
        return rng
    clock = _read_clock(s, num)
    if clock:
        return clock
    return _with_unit(s, num)


def _read_fraction(s: str, i: int) -> _Found | int:
    """百分之十五 (15%), 千分之五 (5‰), 百分之十到百分之十五."""
    prefix = s[i : i + 3]
    num = _read_number(s, i + 3, allow_leading_unit=True) if i + 3 < len(s) else None
    if num is None:
        return i + 3
    found = _Found(i, num.end, num.value, "percent" if prefix == "百分之" else "permille", qualifier=num.qualifier)
    sep = _RANGE_SEP.match(s, num.end)
    if sep and s.startswith(prefix, sep.end()) and sep.end() + 3 < len(s):
        num2 = _read_number(s, sep.end() + 3, allow_leading_unit=True)
        if num2:
            found.end, found.upper = num2.end, num2.value
    return found


def _read_ordinal(s: str, i: int) -> _Found | int | None:
    """第一, 第 125 大街, 第一季度, 第三代, 第五次会议."""
    num = _read_number(s, i)
    if num is None or num.qualifier:
        return None if num is None else num.end
    found = _Found(i, num.end, num.value, "ordinal")
    session = _SESSION.match(s, num.end)
    if s.startswith("季度", num.end):
        found.end, found.unit = num.end + 2, "quarter"
    elif session:
        found.end, found.unit = session.end(), _SESSION_UNITS[session[1]]
    return found


def _read_range(s: str, num: _Num) -> _Found | int | None:
    """3至5年, 3-5年, 三到五年, 10%—15%, 1.5升至2升, 3万至5万元, 3至5万元 (30,000 to 50,000),
    0—24时 (a clock range)."""
    if num.qualifier or num.upper is not None:
        return None
    first: _Found | None = None
    sep = _RANGE_SEP.match(s, num.end)
    if not sep:
        unit = _with_unit(s, num)  # 1.5升至2升: the unit repeated on both ends
        if not isinstance(unit, _Found) or unit.kind in ("date", "time", "ordinal", "year") or unit.end == num.end:
            return None
        first, sep = unit, _RANGE_SEP.match(s, unit.end)
        if not sep:
            return None
    if sep.end() >= len(s):
        return None
    nxt = s[sep.end()]
    digits = _AR_RE.match(s, sep.end())  # not str.isdigit: that takes ² for a digit
    if num.arabic != bool(digits) or (not num.arabic and (nxt not in _CN_CHARS or sep.group().strip() not in ("至", "到"))):
        return None
    if _CODE_CHAIN.match(s, num.start) or (digits and _glued_to_code(s, sep.end(), digits.end())):
        return None
    num2 = _read_number(s, sep.end())
    if num2 is None or num2.upper is not None:
        return None
    clock = re.match(r"\s?[时点](?!间|期|代|候|刻|段|节|光|尚|空|效|速)", s[num2.end :])
    if clock and first is None and num.arabic and num.value <= 24 and num2.value <= 24 and not num2.has_mult:
        end = num2.end + clock.end()
        return _Found(num.start, end, num.value * 100, "time", upper=num2.value * 100)
    low = num.value
    if num2.has_mult and not num.has_mult and first is None:
        scale = num2.value / _dec(_AR_RE.match(s, num2.start).group())
        if num.value * scale <= num2.value:
            low = num.value * scale  # 3至5万: the multiplier of the upper end applies to both
    found = _with_unit(s, num2)
    if not isinstance(found, _Found):
        if not num.arabic or first is not None:
            return None if first is not None else found
        found = _Found(num2.start, num2.end, num2.value, "number")
    if first is not None and (found.kind, found.unit) != (first.kind, first.unit):
        return None
    if first is not None:
        low = first.value
    found.start, found.value, found.upper = num.start, low, found.value
    if found.kind == "year" and low < 1000:
        found.kind, found.unit = "duration", "years"
    if found.kind in ("ordinal", "time", "date", "year"):
        return None
    return found


def _read_clock(s: str, num: _Num) -> _Found | None:
    """下午3点, 上午十时, 15时30分, 13点10分, 晚12时; and stopwatch readings 3分35秒 (as 3:35)."""
    at = num.end + 1 if s[num.end : num.end + 1] == " " else num.end
    after = s[at : at + 1]
    if num.value != int(num.value) or num.has_mult or num.qualifier:
        return None
    stopwatch = _STOPWATCH.match(s, at) if num.arabic else None
    if stopwatch:
        return _Found(num.start, stopwatch.end(), Decimal(int(num.value) * 100 + int(stopwatch[1])), "time")
    if after not in ("点", "时") or num.value > 24:
        return None
    context = _CLOCK_CONTEXT.search(s[max(0, num.start - 4) : num.start])
    minutes_follow = re.match(r"[点时]\s?\d{1,2}\s?分", s[at:])
    if not context and not (num.arabic and (after == "时" and not s.startswith(_NOT_CLOCK, at) or minutes_follow)):
        return None
    end = at + 1
    minute = 0
    mm = re.compile(rf"\s?(\d{{1,2}}|[{_CN_CHARS}]+)\s?分(?!钟)").match(s, end)
    if mm:
        parsed = int(mm[1]) if mm[1].isdigit() else int((_parse_cn(mm[1]) or (Decimal(99),))[0])
        if parsed < 60:
            minute, end = parsed, mm.end()
    elif s.startswith("半", end):
        minute, end = 30, end + 1
    if s.startswith("许", end):
        end += 1
    hour = int(num.value)
    if context and context.group().strip() in _AFTERNOON and hour < 12:
        hour += 12  # 下午3点: 15:00
    return _Found(num.start, end, Decimal(hour * 100 + minute), "time")


_AFTERNOON = ("下午", "晚上", "傍晚", "晚", "夜里")
_STOPWATCH = re.compile(r"分\s?(\d{1,2})\s?秒")


def _read_decade(m: re.Match, i: int) -> _Found:
    """80年代, 上世纪80年代, 20世纪30年代, 八十年代, 2010年代."""
    n = m["n"]
    if n.isdigit():
        base = int(n)
    elif set(n) <= set("〇零"):
        base = 0
    else:
        base = _CN_DIGIT[n[0]] * 10
    if base < 100:
        if m["c"]:
            century = int(m["c"]) if m["c"].isdigit() else int(_parse_cn(m["c"])[0])
            base += (century - 1) * 100
        elif m["cent"]:
            base += 2000 if m["cent"].startswith("本") else 1900
        else:
            base += 1900 if base >= 30 else 2000
    return _Found(i, m.end(), Decimal(base), "decade")


def _cn_or_int(token: str | None) -> int | None:
    if token is None:
        return None
    if token.isdigit():
        return int(token)
    parsed = _parse_cn(token)
    return int(parsed[0]) if parsed else None


def _read_date(s: str, i: int) -> _Found | None:
    """2025年5月15日, 5月15日, 15日, 2025年5月, 5月, 九月三十日, 5月14日至16日, 1-4月."""
    short = _SHORT_DATE_RANGE.match(s, i)
    if short and (s[i].isdigit() == short["b"].isdigit()):
        a, b = _cn_or_int(short["a"]), _cn_or_int(short["b"])
        limit = 12 if short["mark"].startswith("月") else 31
        if a and b and a < b <= limit and not s.startswith("个", short.start("mark") - 1):
            scale = 100 if limit == 12 else 1
            return _Found(i, short.end(), Decimal(a * scale), "date", upper=Decimal(b * scale))
    m = _DATE.match(s, i)
    if not m or m.end() == i:
        return None
    y, mo, d = _cn_or_int(m["y"]), _cn_or_int(m["m"]), _cn_or_int(m["d"])
    if mo is None and (d is None or m["dmark"] == "号" or not m["d"].isdigit() or m["y"]):
        return None  # 2025年 alone is a year; 3号楼 a number; 三日 "three days"
    if mo is not None and not 1 <= mo <= 12 or d is not None and not 1 <= d <= 31:
        return None
    if d is not None and mo is None and re.match(r"\s?(?:内|以内|之内|左右|后|之后)", s[m.end() :]):
        return None  # 15日内: within 15 days
    if y is None and d is None and s[i - 1 : i] == "前" and i > 0:
        return _Found(i - 1, m.end(), Decimal(mo), "duration", unit="months", qualifier="first")  # 前4月
    found = _Found(i, m.end(), Decimal((y or 0) * 10000 + (mo or 0) * 100 + (d or 0)), "date")
    sep = _RANGE_SEP.match(s, m.end())
    m2 = _DATE.match(s, sep.end()) if sep else None
    if m2 and m2.end() > sep.end():
        y2, mo2, d2 = _cn_or_int(m2["y"]), _cn_or_int(m2["m"]), _cn_or_int(m2["d"])
        if (mo2 or d2) and (d2 is None) == (d is None) and (m2["dmark"] != "号" or mo2):
            if (mo2 is None or 1 <= mo2 <= 12) and (d2 is None or 1 <= d2 <= 31):
                found.upper = Decimal((y2 or y or 0) * 10000 + (mo2 or mo or 0) * 100 + (d2 or 0))
                found.end = m2.end()
    return found


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
    if (num.qualifier and num.upper is None) or (num.value >= 10 and num.end - num.start >= 2):
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


def _finish(s: str, text: str, hit: _Found, floor: int) -> Quantity:
    """Attach what stands around the number: 第, 超/近/约, 以上/左右, 负, a currency sign, and the
    change words before it (同比增长)."""
    start, end = hit.start, hit.end
    kind, unit, qualifier, value = hit.kind, hit.unit, hit.qualifier, hit.value
    change = basis = None

    def before() -> str:
        return s[max(floor, start - 12) : start]

    if kind == "ordinal" and re.search(r"第\s?$", before()):
        start -= len(re.search(r"第\s?$", before()).group())
    if kind not in ("date", "year", "decade", "time", "ordinal"):
        for zh, en in _SUFFIX_QUALIFIERS:
            if s.startswith(zh, end) and not (zh == "上下" and re.match(r"上下[游楼级班]", s[end : end + 3])):
                end += len(zh)
                qualifier = en or qualifier
                break
        for zh, en in _PREFIX_QUALIFIERS:
            b = before()
            if b.endswith(zh) and not re.search(r"(?:最近|附近|临近|靠近|赶超|接近)$" if zh in ("近", "超") else r"^$", b):
                start -= len(zh)
                if qualifier != "several":  # 多达数百: still "hundreds"
                    qualifier = "past" if zh in ("近", "将近") and kind == "duration" else en
                break
        neg = re.search(r"(?:负|零下)\s?$", before())
        if neg:
            start -= len(neg.group())
            value = -value
        cur = re.search(r"(?:US\$|\$|￥|¥|£|€|人民币|新?台币|港币)\s?$", before())
        if cur and (kind == "number" or kind == "money" and unit == "yuan"):  # 港币3亿元: 元 of the prefix
            start -= len(cur.group())
            kind, unit = "money", _CURRENCY_PREFIX[cur.group().strip()]
        ch = _CHANGE.search(before())
        # 增速/增幅/降幅 are nouns (a growth rate): they govern a rate, not a count (增速两项指标).
        if ch and ch["verb"] in _RATE_NOUNS and kind not in ("percent", "permille", "points"):
            ch = None
        if ch and kind != "duration":
            start -= len(ch.group())
            change = "down" if ch["verb"] in _DOWN else "up"
            if ch["basis"]:
                basis = _BASIS.get(ch["basis"]) or (
                    "over the same period of the previous year" if "同期" in ch["basis"] else "over the previous year"
                )
    return Quantity(
        text=text[start:end], start=start, end=end, value=_clean(value), upper=_clean(hit.upper), kind=kind, unit=unit,
        qualifier=qualifier, change=change, basis=basis,
    )  # fmt: skip


def _date_parts(value: Decimal) -> tuple[int | None, int | None, int | None]:
    v = int(value)
    year, month, day = v // 10000, v // 100 % 100, v % 100
    return (year or None, month or None, day or None)


# --- English rendering -------------------------------------------------------------------------

_ORDINAL_WORDS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth"]  # fmt: skip


def format_amount(value: Decimal) -> str:
    """Exact English amount: 155000000000 -> '155 billion', 2100000 -> '2.1 million',
    30000 -> '30,000', 23.66 -> '23.66'."""
    negative = value < 0
    v = abs(value)
    for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if v >= scale:
            text = f"{_plain(v / scale)} {word}"
            break
    else:
        integer = int(v)
        frac = _plain(v - integer)[1:] if v != integer else ""
        text = f"{integer:,}{frac}"
    return f"-{text}" if negative else text


def _ordinal_digits(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _ordinal(n: int) -> str:
    return _ORDINAL_WORDS[n] if 0 < n < len(_ORDINAL_WORDS) else _ordinal_digits(n)


def _date_english(value: Decimal) -> str:
    y, m, d = _date_parts(value)
    if m and d:
        text = f"{_MONTHS[m - 1]} {d}"
        return f"{text}, {y}" if y else text
    if m:
        return f"{_MONTHS[m - 1]} {y}" if y else _MONTHS[m - 1]
    if d:
        return f"the {_ordinal_digits(d)}"
    return str(y or "")


def _vague_english(value: Decimal) -> str:
    words = {10: "dozens", 100: "hundreds", 1000: "thousands", 10**4: "tens of thousands",
             10**5: "hundreds of thousands", 10**6: "millions", 10**7: "tens of millions",
             10**8: "hundreds of millions", 10**9: "billions", 10**10: "tens of billions",
             10**11: "hundreds of billions", 10**12: "trillions"}  # fmt: skip
    return words.get(int(value), format_amount(value))


def to_english(q: Quantity) -> str:
    """Exact English for a quantity: 1550亿元 -> '155 billion yuan', 近3万 -> 'nearly 30,000',
    同比增长17.9% -> 'up 17.9% year on year', 5月15日 -> 'May 15', 3至5年 -> '3 to 5 years'."""
    kind = q.kind
    if kind == "date":
        text = _date_english(q.value)
        if q.upper is not None:
            up = _date_english(q.upper)
            y1, m1, d1 = _date_parts(q.value)
            y2, m2, d2 = _date_parts(q.upper)
            if d1 and d2 and m1 == m2 and y1 == y2:
                up = str(d2)  # May 14 to 16
            text = f"{text} to {up}"
        return text
    if kind == "year":
        return _plain(q.value)
    if kind == "decade":
        if q.unit == "generation":
            return f"the post-{int(q.value) % 100:02d}s generation"
        return f"the {_plain(q.value)}s"
    if kind == "time":
        clock = [f"{int(v) // 100}:{int(v) % 100:02d}" for v in _ends(q.value, q.upper)]
        return " to ".join(clock)
    if kind == "ordinal":
        n = int(q.value)
        if q.unit == "Five-Year Plan":
            return f"the {_ordinal_digits(n)} Five-Year Plan"
        word = _ordinal(n)
        return f"{word} {q.unit}" if q.unit and q.unit != "term" else word  # 十四届全国人大: 14th NPC

    def amount(v: Decimal) -> str:
        if kind == "percent":
            return f"{_plain(v)}%"
        if q.qualifier == "several":
            return _vague_english(v)
        if kind == "number" and not q.unit and re.fullmatch(r"[12]\d{3}", _normalize(q.text)):
            return _normalize(q.text)  # 2026义博会: a year in a name, not "2,026"
        return format_amount(v)

    text = amount(q.value)
    if q.upper is not None:
        text = f"{text} to {amount(q.upper)}"
    unit = q.unit
    if kind == "permille":
        text += " per mille"
    elif kind == "points":
        text += " percentage point" if q.value == 1 and q.upper is None else " percentage points"
    elif unit:
        if q.value == 1 and q.upper is None and q.qualifier is None:
            unit = _DURATION_SINGULAR.get(unit, unit)
        if q.qualifier == "several":
            text += f" of {unit}"
        else:
            text += f" {unit}"
    qualifier = q.qualifier
    if qualifier in ("past", "first"):
        text = f"the {qualifier} {text}"
    elif qualifier and qualifier != "several":
        text = f"{qualifier} {text}"
    if q.change:
        text = f"{q.change} {text}"
        if q.basis:
            text += f" {q.basis}"
    return text


# --- English quantities -------------------------------------------------------------------------

_SMALL_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINAL_WORD_VALUES = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}  # fmt: skip
_SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE_ABBR = {"bn": 10**9, "tn": 10**12, "mn": 10**6, "mln": 10**6, "m": 10**6, "k": 1000, "b": 10**9}
_VAGUE_EN = re.compile(
    r"\b(?:(?P<tens>tens|hundreds) of )?(?P<mag>dozens|hundreds|thousands|millions|billions|trillions)\b",
    re.I,
)
_VAGUE_BASE = {"dozens": 10, "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9,
               "trillions": 10**12}  # fmt: skip
_MONTH_RE = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_EN_DATE = [
    re.compile(rf"\b{_MONTH_RE}\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,.]\d)(?:,?\s(?P<y>\d{{4}})(?!\d))?"),
    re.compile(rf"\b(?:the\s)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH_RE}(?:,?\s(?P<y>\d{{4}})(?!\d))?"),
    re.compile(rf"\b{_MONTH_RE}(?:\sof)?,?\s(?P<y>\d{{4}})(?!\d)"),
]
_EN_MONTH_ALONE = re.compile(rf"\b{_MONTH_RE}(?![\w])")
_EN_TIME = re.compile(
    r"(?<![\d.])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s?(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock)"
    r"|(?<![\d.:])(?P<h2>\d{1,2}):(?P<mi2>\d{2})(?::\d{2})?(?![\d:])",
    re.I,
)
_EN_NOON = re.compile(r"\b(?:noon|midday|midnight)\b", re.I)
_EN_DECADE = re.compile(r"(?<![\w$£€])'?(?P<n>1[0-9]\d0|20[0-9]0|[0-9]0)'?s\b")
_EN_NUMBER = re.compile(
    r"(?P<cur>US\$|HK\$|A\$|C\$|NT\$|\$|£|€|¥|RMB\s?|CNY\s?|USD\s?|EUR\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"
    r"(?P<ord>st|nd|rd|th)?"
    r"(?:(?P<gap>\s|-)?(?P<scale>(?i:trillion|billion|million|thousand|hundred|bn|tn|mn|mln)|m|k|K|b)(?![A-Za-z]))?"
)
_EN_AFTER = re.compile(
    r"\s?(?:(?P<pct>%|per\s?cent\b|percent\b|pct\b)|(?P<pts>percentage[\s-]points?\b)|(?P<bp>basis\spoints?\b|bps?\b)"
    r"|(?P<mul>times\b|-fold\b|fold\b)"
    r"|(?P<cur>(?:Chinese\s)?yuan\b|RMB\b|renminbi\b|(?:US\s|U\.S\.\s|Hong\sKong\s|(?:New\s)?Taiwan\s|Australian\s|Canadian\s)?dollars?\b"
    r"|euros?\b|pounds?\s(?:sterling)?|yen\b))",
    re.I,
)
_WORD_NUM = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half|a\shalf)"
    r"(?:[\s-](?:and\s)?(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion|"
    r"trillion|dozen|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a))*|zero|dozen)\b"
    r"(?:\s(?P<pct>percent|per\scent))?",
    re.I,
)
_EN_DECADES_SPAN = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|half\sa|\d{1,2})\s|(?<=\bpast\s)|(?<=\blast\s)|(?<=\bnext\s))"
    r"(?P<unit>decades?|centur(?:y|ies))\b", re.I
)
_AROUND_THE_CLOCK = re.compile(r"\b(?:a?round[\s-]the[\s-]clock|24/7|all\sday\sand\snight)", re.I)
# "a quarter of", "two-thirds of": shares a translation may give for 25%, 67%.
_EN_FRACTION = re.compile(
    r"\b(?P<f>(?:a|one)[\s-](?:half|third|quarter|fifth|tenth)|half|(?:two|three|four)[\s-](?:thirds|quarters|fifths)"
    r"|(?:three|seven|nine)[\s-]tenths)\s(?:of)\b", re.I
)
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_EN_FOLD = re.compile(r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten)[\s-]?fold|doubled|tripled|trebled|quadrupled)\b",
                      re.I)  # fmt: skip
_FOLD_VERBS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}


def _fraction_parts(words: str) -> tuple[int, int]:
    """"two-thirds" -> (2, 3), "a quarter" -> (1, 4), "half" -> (1, 2)."""
    parts = re.split(r"[\s-]", words)
    if len(parts) == 1:
        return 1, 2
    numerator = 1 if parts[0] in ("a", "one") else _SMALL_WORDS[parts[0]]
    return numerator, _DENOMINATORS[parts[1].rstrip("s")]


_ORD_WORD = re.compile(r"\b(" + "|".join(_ORDINAL_WORD_VALUES) + r")\b", re.I)
_EN_CUR = {"$": "US dollars", "US$": "US dollars", "HK$": "Hong Kong dollars", "A$": "Australian dollars",
           "C$": "Canadian dollars", "NT$": "New Taiwan dollars", "£": "pounds", "€": "euros", "¥": "yuan",
           "RMB": "yuan", "CNY": "yuan", "USD": "US dollars", "EUR": "euros"}  # fmt: skip


def _word_value(words: str) -> Decimal | None:
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if tokens == ["a"] or not tokens:
        return None
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for t in tokens:
        if t in ("a", "an"):
            continue  # "a million", "half a million": the scale word carries the value
        if t == "half":
            current += Decimal("0.5")
            seen = True
            continue
        if t == "dozen":
            current = (current or 1) * 12
            seen = True
            continue
        if t in _SMALL_WORDS:
            current += _SMALL_WORDS[t]
            seen = True
        elif t == "hundred":
            current = (current or 1) * 100
            seen = True
        elif t in _SCALE_WORDS:
            total += (current or 1) * _SCALE_WORDS[t]
            current = Decimal(0)
            seen = True
        else:
            return None
    return total + current if seen else None


def find_english_quantities(text: str) -> list[EnglishQuantity]:
    """Quantities in English text: 155 billion, 155bn, $1.5 trillion, 155,000,000,000, 17.9 percent,
    17.9%, nearly 30,000, May 15, 2025, the 1980s, 3 p.m., six, a dozen, first, hundreds. Never raises."""
    try:
        return _find_english(text)
    except (InvalidOperation, ValueError, IndexError, KeyError, ZeroDivisionError):  # pragma: no cover
        return []


def _find_english(text: str) -> list[EnglishQuantity]:
    s = _normalize(text)
    taken: list[tuple[int, int]] = []
    out: list[EnglishQuantity] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(q: EnglishQuantity) -> None:
        taken.append((q.start, q.end))
        out.append(dataclasses.replace(q, value=_clean(q.value), upper=_clean(q.upper)))

    for m in _ISO_DATE.finditer(s):
        if 1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31 and not s[m.end() : m.end() + 1].isdigit():
            value = int(m["y"]) * 10000 + int(m["m"]) * 100 + int(m["d"])
            add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), Decimal(value), kind="date"))
    for rx in _EN_DATE:
        for m in rx.finditer(s):
            if not free(m.start(), m.end()):
                continue
            month = _month_number(m["mon"])
            day = int(m.groupdict().get("d") or 0)
            year = int(m["y"] or 0)
            if day > 31:
                continue
            add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(),
                                Decimal(year * 10000 + month * 100 + day), kind="date"))  # fmt: skip
    for m in _EN_MONTH_ALONE.finditer(s):
        if not free(m.start(), m.end()):
            continue
        if m["mon"] == "May" and not re.search(r"(?:\b(?:in|of|since|until|by|early|late|mid|last|next|this|from|to|through|and|or)[\s-]|,\s)$",
                                              s[max(0, m.start() - 8) : m.start()], re.I):  # fmt: skip
            continue
        if m["mon"] not in _MONTHS and not m["mon"].endswith("."):
            continue  # Jan, Mar, Aug alone are names or words; Nov. and Sept. are months
        if m["mon"] == "March" and s[max(0, m.start() - 5) : m.start()] == "Long ":
            continue  # the Long March
        add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), Decimal(_month_number(m["mon"]) * 100),
                            kind="date"))  # fmt: skip
    for m in _EN_TIME.finditer(s):
        if not free(m.start(), m.end()):
            continue
        if m["h2"] is not None:
            h, mi, ap = int(m["h2"]), int(m["mi2"]), ""
        else:
            h, mi, ap = int(m["h"]), int(m["mi"] or 0), m["ap"].lower()
        if (h > 24 and m["h2"] is None) or mi >= 60:
            continue  # 27:37 is a match clock, 27 p.m. nothing
        if ap.startswith("p") and h < 12:
            h += 12
        add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), Decimal(h * 100 + mi), kind="time"))
    for m in _EN_NOON.finditer(s):
        if free(m.start(), m.end()):
            value = 1200 if m.group().lower() in ("noon", "midday") else 0
            add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), Decimal(value), kind="time", spelled=True))
    for m in _EN_DECADE.finditer(s):
        if free(m.start(), m.end()):
            add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), Decimal(int(m["n"])), kind="decade"))
    for m in _EN_DECADES_SPAN.finditer(s):
        if free(m.start(), m.end()):
            n = (m["n"] or "a").lower()
            count = Decimal(n) if n.isdigit() else Decimal(1) if n == "a" else _word_value(n)
            if count is not None:
                scale = 100 if m["unit"].lower().startswith("centur") else 10
                add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), count * scale, kind="number",
                                    unit="years", spelled=not n.isdigit()))  # fmt: skip
    for m in _AROUND_THE_CLOCK.finditer(s):
        if free(m.start(), m.end()):
            add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), Decimal(24), unit="hours", spelled=True))
    for m in _EN_NUMBER.finditer(s):
        a, b = m.start(), m.end()
        if not free(a, b):
            continue
        na, nb = m.start("num"), m.end("num")
        if na > 0 and (s[na - 1].isdigit() or s[na - 1] == "." and na > 1 and s[na - 2].isdigit()):
            continue
        if _glued_to_code(s, na, nb) and not m["ord"] and not m["scale"] and not (
            m["cur"] and not re.match(r"[A-Za-z]", s[nb : nb + 1])
        ):
            continue  # COVID-19, 5G; but RMB280
        if _CODE_CHAIN.match(s, na) and not m["scale"]:
            end = _CODE_CHAIN.match(s, na).end()
            taken.append((na, end))
            continue
        value = _dec(m["num"])
        scale = m["scale"]
        currency = (m["cur"] or "").strip()
        unit_m = False
        if scale:
            key = scale.lower()
            if key == "k" and not m["gap"] and value >= 10:
                value *= 1000  # 50K award, 10k run
            elif key in ("m", "k", "b") and (not currency or m["gap"]):
                if key == "m" and not m["gap"]:
                    unit_m = True  # 1.2m visitors or 6m tall: millions or metres, `same_value` takes either
                b = nb
                scale = None
            elif key in _SCALE_WORDS:
                value *= _SCALE_WORDS[key]
            else:
                value *= _SCALE_ABBR[key]
        if m["ord"]:
            add(EnglishQuantity(text[a:b], a, b, value, kind="ordinal"))
            continue
        kind, unit = "number", "m" if unit_m else None
        if currency:
            kind, unit = "money", _EN_CUR.get(currency.replace(" ", ""), currency)
        after = _EN_AFTER.match(s, b)
        if after:
            if after["pct"]:
                kind = "percent"
            elif after["pts"]:
                kind = "points"
            elif after["bp"]:
                kind, value = "points", value / 100
            elif after["mul"]:
                kind, unit = "multiple", "times"
            elif after["cur"] and kind == "number":
                kind, unit = "money", after["cur"].strip()
            b = after.end()
        elif kind == "number" and not scale and "." not in m["num"] and "," not in m["num"] and len(m["num"]) == 4 and 1800 <= value <= 2100:
            kind = "year"
        add(EnglishQuantity(text[a:b], a, b, value, kind=kind, unit=unit))
    for m in _EN_FRACTION.finditer(s):
        if free(m.start(), m.end("f")):
            numerator, denominator = _fraction_parts(m["f"].lower())
            add(EnglishQuantity(text[m.start() : m.end("f")], m.start(), m.end("f"),
                                Decimal(100 * numerator) / denominator, kind="percent", spelled=True))  # fmt: skip
    for m in _EN_FOLD.finditer(s):
        if free(m.start(), m.end()):
            word = m.group().lower()
            value = _FOLD_VERBS.get(word) or _SMALL_WORDS[word.removesuffix("fold").rstrip("- ")]
            add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), Decimal(value), kind="multiple",
                                unit="times", spelled=True))  # fmt: skip
    for m in _VAGUE_EN.finditer(s):
        if free(m.start(), m.end()):
            base = Decimal(_VAGUE_BASE[m["mag"].lower()])
            if m["tens"]:
                base *= 10 if m["tens"].lower() == "tens" else 100
            add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), base, qualifier="several", spelled=True))
    for m in _WORD_NUM.finditer(s):
        if not free(m.start(), m.end()):
            continue
        words = m.group()[: m.start("pct") - m.start()] if m["pct"] else m.group()
        value = _word_value(words)
        if value is None:
            continue
        add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), value,
                            kind="percent" if m["pct"] else "number", spelled=True))  # fmt: skip
    for m in _ORD_WORD.finditer(s):
        if free(m.start(), m.end()):
            add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(),
                                Decimal(_ORDINAL_WORD_VALUES[m.group().lower()]), kind="ordinal", spelled=True))  # fmt: skip
    out.sort(key=lambda q: q.start)
    return _join_english_ranges(s, text, out)


def _month_number(name: str) -> int:
    key = name.rstrip(".")[:3].lower()
    return [m[:3].lower() for m in _MONTHS].index(key) + 1


_EN_RANGE_SEP = re.compile(r"\s?(?:-|–|—|to)\s?", re.I)


def _join_english_ranges(s: str, text: str, qs: list[EnglishQuantity]) -> list[EnglishQuantity]:
    """3 to 5 million -> 3 million to 5 million; 10-15% -> 10% to 15%; between 2 and 3 billion."""
    out: list[EnglishQuantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev and prev.kind == q.kind == "date" and prev.upper is None and q.upper is None \
                and prev.value < 10000 and prev.value % 100 == 0 and q.value % 100 == 0 and prev.value % 10000 < q.value % 10000 \
                and re.fullmatch(r"\s?(?:-|–|—|to|through)\s?", s[prev.end : q.start], re.I):  # fmt: skip
            year = q.value // 10000 * 10000  # January to April 2025: the year of both
            out[-1] = EnglishQuantity(text[prev.start : q.end], prev.start, q.end, prev.value + year, q.value, "date")
            continue  # January to April, January-April: months
        if prev and prev.kind in ("number", "percent", "money", "points") and prev.upper is None and not prev.spelled \
                and not q.spelled and q.kind in ("number", "percent", "money", "points") \
                and not (prev.kind == q.kind == "money" and prev.unit != q.unit):  # fmt: skip  # $1 to RMB 7
            gap = s[prev.end : q.start]
            if _EN_RANGE_SEP.fullmatch(gap) or (
                gap.strip().lower() == "and" and re.search(r"\bbetween\s$", s[max(0, prev.start - 8) : prev.start], re.I)
            ):
                low = prev.value
                num_prev = _AR_RE.search(s, prev.start, prev.end)
                num_q = _AR_RE.search(s, q.start, q.end)
                if num_prev and num_q:
                    raw_low, raw_q = _dec(num_prev.group()), _dec(num_q.group())
                    if low == raw_low and raw_q and q.value != raw_q and raw_low < raw_q:
                        low = raw_low * (q.value / raw_q)  # 3 to 5 million
                kind = q.kind if prev.kind == "number" else prev.kind
                out[-1] = EnglishQuantity(text[prev.start : q.end], prev.start, q.end, low, q.value, kind,
                                          q.unit or prev.unit)  # fmt: skip
                continue
        out.append(q)
    return out


# --- comparison ---------------------------------------------------------------------------------


def values_close(a: Decimal, b: Decimal, *, a_rounded: bool = False, b_rounded: bool = True,
                 tolerance: Decimal = Decimal("0.05")) -> bool:  # fmt: skip
    """Equal, or equal after rounding one side to the precision the other is written with (2.366
    billion written as 2.37 or 2.4 billion), within `tolerance` relative difference. `b_rounded`:
    b may be a rounding of a; `a_rounded`: a may be a rounding of b. Signs are ignored (下降3% is
    "down 3%" or "-3%")."""
    a, b = abs(a), abs(b)
    if a == b:
        return True
    if a == 0 or b == 0 or abs(a - b) / max(a, b) > tolerance:
        return False
    return (b_rounded and _round_to(a, _quantum(b)) == b) or (a_rounded and _round_to(b, _quantum(a)) == a)


def _ends(value: Decimal, upper: Decimal | None) -> list[Decimal]:
    return [value] if upper is None else [value, upper]


def endpoint_matches(zh: Quantity, zh_value: Decimal, en: EnglishQuantity, en_value: Decimal) -> bool:
    """Whether one end of a Chinese quantity (its value or its upper end) equals one end of an
    English quantity, by the rules of `same_value`."""
    kind = zh.kind
    if kind == "date":
        return _date_matches(zh_value, en, en_value)
    if kind == "time":
        return _time_matches(int(zh_value), en, en_value)
    if kind == "decade":
        return en.kind in ("decade", "number", "year") and en_value in (zh_value, zh_value % 100)
    if kind == "year":
        if en.kind == "date":
            return _date_parts(en_value)[0] == int(zh_value)
        return en.kind != "time" and en_value == zh_value
    if en.kind == "decade":
        return en_value < 100 and en_value == zh_value  # 50多岁: "in their 50s"
    if kind == "duration" and zh.unit == "months" and en.kind == "date" and en.upper is not None:
        # 前4月 as "January-April": the months from the start of the year
        return en_value == en.upper and _date_parts(en.value)[1] == 1 and _date_parts(en_value)[1] == zh_value
    if en.kind in ("date", "time"):
        return False
    if zh.qualifier == "several" or en.qualifier == "several":
        if zh.qualifier in ("over", "more than") and en.qualifier == "several":
            return zh_value == en_value  # 百余位: "hundreds"
        return zh.qualifier == en.qualifier == "several" and zh_value == en_value
    if kind == "ordinal" or en.kind == "ordinal":
        return zh_value == en_value
    if _kinds_conflict(zh, en):
        return False
    if kind == "multiple" and zh.change == "up" and en.kind == "multiple" and en_value == zh_value + 1:
        return True  # 增长了3倍: up by 300%, "a fourfold increase"
    approximate = zh.qualifier is not None or en.qualifier is not None
    if en.unit == "m" and values_close(zh_value, en_value * 10**6, a_rounded=approximate):
        return True  # 1.2m: millions
    for factor in _CONVERSIONS.get(zh.unit or "", ()):
        if values_close(zh_value * factor, en_value, a_rounded=True, tolerance=Decimal("0.1")):
            return True  # 20里 as "10 kilometers"
    return values_close(zh_value, en_value, a_rounded=approximate)


def _kinds_conflict(zh: Quantity, en: EnglishQuantity) -> bool:
    """Same digits, different meaning: 1.7个百分点 as "1.7%" (percentage points are not percent),
    3.5亿美元 as "350 million yuan" (another currency)."""
    if {zh.kind, en.kind} == {"percent", "points"}:
        return True
    if zh.kind != "money" or en.kind != "money":
        return False
    zh_cur, en_cur = _currency(zh.unit, ""), _currency(en.unit, en.text)
    if zh_cur is None or en_cur is None or zh_cur == en_cur:
        return False
    if zh_cur == "yuan":
        return not en_cur.endswith("dollars")  # 元 is also the Hong Kong and Taiwan dollar
    if zh_cur.endswith("dollars") and en_cur == "dollars":
        return False  # 美元 as "$", "dollars"
    return True


def _currency(unit: str | None, text: str) -> str | None:
    """A currency name, comparable across languages; "dollars" for a dollar of no stated country;
    None when unknown or ambiguous (¥ is yuan or yen)."""
    if not unit or "¥" in text or "￥" in text:
        return None
    u = " ".join(unit.replace(".", "").split()).lower()
    if u in ("yuan", "chinese yuan", "rmb", "renminbi", "cny"):
        return "yuan"
    if "dollar" in u:
        if text.lstrip().startswith("$") or u in ("dollar", "dollars"):
            return "dollars"
        country = u.replace("dollars", "").replace("dollar", "").replace("new taiwan", "taiwan").strip()
        return f"{'us' if country in ('us', 'u s') else country} dollars"
    for name in ("euro", "pound", "yen", "won", "ruble"):
        if u.startswith(name):
            return name
    return None


# Chinese units a translation may convert: 里 to km, 斤 to kg, 亩 to hectares or acres.
_CONVERSIONS = {
    "li": (Decimal("0.5"),), "jin": (Decimal("0.5"),), "mu": (Decimal(1) / 15, Decimal("0.1647")),
}  # fmt: skip


def same_value(zh: Quantity, en: EnglishQuantity) -> bool:
    """Whether an English quantity says the same amount as a Chinese one.

    Values are compared; kinds only where the value means something else (a date, a clock time, a
    decade, a vague "thousands"). Rounding is accepted within 5%: the English may round an exact
    Chinese figure to the precision it writes (23.66亿 = 2.366 billion, also accepted as "2.37
    billion" or "about 2.4 billion"), and a Chinese figure marked approximate (近, 约, 余, 多, 超)
    may round the English one. Magnitude errors (1550亿 as "1550 billion") never pass. A range
    matches a range with the same ends; a date matches on the parts both give (5月15日 = "May 15,
    2025"; 15日 = "the 15th")."""
    zh_ends, en_ends = _ends(zh.value, zh.upper), _ends(en.value, en.upper)
    if zh.kind == "duration" and en.kind == "date" and len(en_ends) == 2 > len(zh_ends):
        return endpoint_matches(zh, zh.value, en, en.upper)  # 前4月: "January to April"
    if len(zh_ends) != len(en_ends):
        return False
    return all(endpoint_matches(zh, a, en, b) for a, b in zip(zh_ends, en_ends))


def _date_matches(zh_value: Decimal, en: EnglishQuantity, en_value: Decimal) -> bool:
    zy, zm, zd = _date_parts(zh_value)
    if en.kind == "date":
        ey, em, ed = _date_parts(en_value)
        if zm is not None and em is not None and zm != em:
            return False
        common = [(a, b) for a, b in ((zy, ey), (zm, em), (zd, ed)) if a is not None and b is not None]
        day_dropped = zd is not None and ed is None  # 5月15日 as "May"
        return bool(common) and all(a == b for a, b in common) and not day_dropped
    if en.kind in ("number", "ordinal") and zd is not None:
        return en_value == zd  # 15日 as "the 15th"; 7月22日至25日 as "July 22-25"
    return False


def _time_matches(zh_hhmm: int, en: EnglishQuantity, en_value: Decimal) -> bool:
    zh_h, zh_m = divmod(zh_hhmm, 100)
    if en.kind == "number":
        return zh_m == 0 and en_value in (zh_h, zh_h % 12)
    if en.kind != "time":
        return False
    en_h, en_m = divmod(int(en_value), 100)
    return zh_m == en_m and zh_h % 12 == en_h % 12


def mentioned_values(text: str) -> set[Decimal]:
    """Every value a Chinese text mentions in any way, loosely: its quantities, each digit run,
    each Chinese numeral run (with and without its multipliers), the parts of its dates and times.
    Tells an English number that has some source in the Chinese from an invented one."""
    s = _normalize(text)
    values: set[Decimal] = set()
    for q in find_quantities(text):
        for v in _ends(q.value, q.upper):
            values.add(abs(v))
            if q.kind == "date":
                values.update(Decimal(p) for p in _date_parts(v) if p)
            elif q.kind == "time":
                h, mi = divmod(int(v), 100)
                values.update({Decimal(h), Decimal(mi), Decimal(h % 12 or 12)})
            elif q.kind == "decade":
                values.add(v % 100)
    for m in _AR_RE.finditer(s):
        values.add(_dec(m.group()))
    for m in _CN_RUN.finditer(s):
        run = m.group().split("点")[0].replace("几", "")
        for part in [run, *re.split(r"[万亿萬億]", run)]:
            parsed = _parse_cn(part) if part else None
            if parsed:
                values.add(parsed[0])
        values.update(Decimal(_CN_DIGIT[c]) for c in run if c in _CN_DIGIT)
        values.update(Decimal(_CN_SMALL[c]) for c in run[:1] if c in _CN_SMALL)
    for word, value in _IMPLIED_NUMBERS:
        if word in s:
            values.add(Decimal(value))
    if "本世纪" in s:
        values.add(Decimal(2000))
    if "上世纪" in s or "上个世纪" in s:
        values.add(Decimal(1900))
    return values


# Words that imply a number an English translation may write in digits.
_IMPLIED_NUMBERS = (
    ("双", "2"), ("俩", "2"), ("仨", "3"), ("对", "2"), ("半", "0.5"), ("首", "1"), ("单", "1"),
    ("翻番", "2"), ("翻倍", "2"), ("旬", "10"), ("打", "12"), ("周", "7"), ("世纪", "100"),
    ("首次", "1"), ("冠军", "1"), ("亚军", "2"), ("季军", "3"), ("全天", "24"), ("昼夜", "24"),
)  # fmt: skip
