"""The Chinese scanner: every quantity in a text, with the words around it (超, 约, 同比增长, 第)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..text import HAN, HAN_CHARS
from .chinese_dates import (
    _DECADE,
    _GENERATION,
    _RANGE_SEP,
    _TIME,
    _read_clock,
    _read_date,
    _read_decade,
    read_abbreviation,
)  # fmt: skip
from .chinese_shares import read_share
from .chinese_units import _CURRENCY_PREFIX, _SESSION, _SESSION_UNITS, _with_unit
from .model import _AR_RE, _CODE_CHAIN, _ISO_DATE, Quantity, _clean, _dec, _glued_to_code, _normalize
from .numerals import _CN_CHARS, _CN_DIGIT, _CN_RUN, _MULT_VALUE, TRILLION, _Found, _Num, _read_number

_PREFIX_QUALIFIERS = [
    ("不超过", "up to"), ("不高于", "up to"), ("不低于", "at least"), ("不少于", "at least"),
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
    "伤敌一千", "自损八百", "一点一滴", "两点一线", "三点一线", "一成不变", "七折八扣", "一针见血", "一目了然", "一言九鼎", "一马当先", "三顾茅庐", "百发百中",
)  # fmt: skip

_IDIOM_RE = re.compile("|".join(sorted(_IDIOMS, key=len, reverse=True)))

# With the 规划 that often follows ("十四五"规划): it is the same plan, not a second term.
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五(?:[”」]?规划)?(?![个年人家项种万亿元\d])")

_VAGUE = re.compile(r"(?P<pre>数|几|上)(?P<mag>十万|百万|千万|十亿|百亿|千亿|十|百|千|万|亿)(?![一二三四五六七八九])")

_CANDIDATE = re.compile(rf"\d|[{_CN_CHARS}几]|上个?世纪|本世纪|[数上](?=[十百千万亿])|(?<=打)对(?=\s?折)|半(?=\s?折)")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in Chinese `text`, in order, non-overlapping. Never raises."""
    s = _mark_trillions(text, _normalize(text))
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


# Characters only Traditional Chinese writes: in such a text 兆 is a trillion (Taiwan: 2兆元).
_TRADITIONAL = re.compile("[億萬與為們這個來時會說對經發過還國後開關點實長門見東問間體總統]")
# What follows a 兆 that means mega: 兆瓦 (MW), 兆赫 (MHz), 兆字节, 100兆宽带.
_MEGA = re.compile(r"[瓦赫帕焦欧位]|字节|比特|像素|宽带|流量|[A-Za-z]")


def _mark_trillions(text: str, s: str) -> str:
    """`s` with each 兆 that means a trillion replaced by `TRILLION`: after a number, before a
    currency or more numerals (四十九兆九千五百九十二億元), or anywhere but before a unit of
    mega in a Traditional text."""
    if "兆" not in s:
        return s
    traditional = bool(_TRADITIONAL.search(text))
    out = list(s)
    for m in re.finditer("兆", s):
        k = m.start()
        if k == 0 or not (s[k - 1].isdigit() or s[k - 1] in _CN_CHARS or s[k - 1] in "多余"):
            continue  # 兆头, 预兆
        after = s[k + 1 : k + 5]
        more = re.match(rf"[多余]?(?:[美日韩港欧澳加]?元|新?台币|人民币)|[{_CN_CHARS}\d]", after)
        if more or (traditional and not _MEGA.match(after)):
            out[k] = TRILLION
    return "".join(out)


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
    share = read_share(s, i)
    if share is not None:
        return share
    abbreviation = read_abbreviation(s, i)
    if abbreviation:
        return abbreviation
    decade = _DECADE.match(s, i)
    if decade:
        return _read_decade(decade, i)
    generation = _GENERATION.match(s, i)
    if generation:
        g = generation[1]
        n = int(g) if g.isdigit() else _CN_DIGIT[g[0]] * 10 + _CN_DIGIT[g[1]]
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


# What may stand before a minus sign: a space, a Chinese word or an opening mark.
_SIGN_AFTER = re.compile(rf"[\s{HAN_CHARS}（(：:，,、；;“\"]")


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
        minus = start > floor and s[start - 1] == "-"
        designation = kind == "number" and not unit and HAN.match(s[start - 2 : start - 1])  # 歼-20
        if not neg and minus and not designation and _SIGN_AFTER.match(s[start - 2 : start - 1] or " "):
            neg = re.search("-$", before())  # -22.2%, 气温-5℃; not 1-3, 14½-13½
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
            if value < 0:  # 增速为-3.5%: growth of -3.5% is a fall of 3.5%
                change, value = "down", -value
            if ch["basis"]:
                basis = _BASIS.get(ch["basis"]) or (
                    "over the same period of the previous year" if "同期" in ch["basis"] else "over the previous year"
                )
    return Quantity(
        text=text[start:end], start=start, end=end, value=_clean(value), upper=_clean(hit.upper), kind=kind, unit=unit,
        qualifier=qualifier, change=change, basis=basis,
    )  # fmt: skip
