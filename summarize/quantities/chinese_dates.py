"""Chinese dates, clock times and decades: 2025年5月15日, 5月14日至16日, 1-4月, 下午3点, 15时30分,
上世纪80年代."""

from __future__ import annotations

import re
from decimal import Decimal

from .numerals import _CLOCK_CONTEXT, _CN_CHARS, _CN_DIGIT, _Found, _Num, _parse_cn

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

_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?(?!\d)")

_DECADE = re.compile(
    r"(?:(?P<cent>上个?世纪|本世纪|(?P<c>\d{2}|二十一|二十|十九|十八)\s?世纪)\s?)?"
    r"(?P<n>\d{4}|\d{2}|[一二三四五六七八九]十|[〇零]{2})\s?年代"
)

# 90后, 95后, 九零后: people born in the 1990s (from 1995).
_GENERATION = re.compile(r"([0-9][05]|[〇零一二三四五六七八九][〇零五])后(?![来期续面])")

# Years and dates abbreviated to their digits, as names of events and days: 九二共识 (1992), 八二宪法
# (1982); 五四运动 (May 4), 八一勋章 (August 1), 九一八事变 (September 18), 一二·九运动 (December 9).
# Holidays (五一劳动节, 三八妇女节) are names, said in words ("May Day").
_ABBREVIATED_YEAR = re.compile(r"([〇零一二三四五六七八九]{2})(?=[”」\"]?(?:共识|宪法|南巡|回归|抗洪|奥运|金融危机))")
_ABBREVIATED_DATE = re.compile(
    r"(?P<digits>[一二三四五六七八九十]{1,2}[·・.]?[一二三四五六七八九十]{1,2})(?=[”」\"]?(?:运动|精神|事变|事件|惨案|起义|"
    r"勋章|奖章|讲话|假期|长假|小长假|黄金周))"
)
_DOUBLE_DAY = re.compile(r"双(十一|十二)")  # 双十一: November 11, the shopping festival


def _digit_by_digit(token: str) -> int | None:
    """一八 -> 18, 十二 -> 12: digits written one by one, or a numeral."""
    if token and all(c in _CN_DIGIT for c in token):
        return int("".join(str(_CN_DIGIT[c]) for c in token))
    parsed = _parse_cn(token) if token else None
    return int(parsed[0]) if parsed else None


def read_abbreviation(s: str, i: int) -> _Found | None:
    """九二共识 as the year 1992; 五四运动, 八一勋章, 九一八事变, 双十一 as their dates."""
    year = _ABBREVIATED_YEAR.match(s, i)
    if year and (i == 0 or s[i - 1] not in _CN_CHARS):
        n = _CN_DIGIT[year[1][0]] * 10 + _CN_DIGIT[year[1][1]]
        return _Found(i, year.end(), Decimal(n + (1900 if n >= 30 else 2000)), "year")
    double = _DOUBLE_DAY.match(s, i - 1) if i > 0 else None
    if double:
        month = int(_parse_cn(double[1])[0])
        return _Found(i - 1, double.end(), Decimal(month * 100 + month), "date")
    date = _ABBREVIATED_DATE.match(s, i)
    if date and (i == 0 or s[i - 1] not in _CN_CHARS):
        mark = re.search(r"[·・.]", date["digits"])
        digits = re.sub(r"[·・.]", "", date["digits"])
        for split in (mark.start(),) if mark else (1, 2):
            month, day = _digit_by_digit(digits[:split]), _digit_by_digit(digits[split:])
            if month and day and 1 <= month <= 12 and 1 <= day <= 31:
                return _Found(i, date.end(), Decimal(month * 100 + day), "date")
    return None

_NOT_CLOCK = ("时间", "时代", "时候", "时刻", "时段", "时节", "时光", "时尚", "时空", "时效", "时速")


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
