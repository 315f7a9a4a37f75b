"""Shares of a whole in Chinese: 百分之十五 (15%), 千分之五 (5‰), 三分之一, 五百分之二, 万分之三,
百万分之五, 3/5 (fractions), and discounts: 75折, 九折, 八五折, 对折 (the share of the price paid)."""

from __future__ import annotations

import re
from decimal import Decimal

from .chinese_dates import _RANGE_SEP
from .numerals import _CN_CHARS, _CN_DIGIT, _Found, _parse_cn, _read_number

# The denominator of X分之Y: a numeral (三, 五百, 百万) or digits.
_PER = re.compile(rf"(?P<den>\d+|[{_CN_CHARS}]+)分之")
# 3/5, １／２: a fraction; not a date (2023/2/11), a score or a round-the-clock 24/7.
_SLASH = re.compile(r"(?P<n>\d{1,3})/(?P<d>\d{1,4})(?![\d/])")
_DISCOUNT = re.compile(
    r"(?P<n>\d{1,2}(?:\.\d)?|[一二两三四五六七八九](?:点?[一二三四五六七八九])?|(?<=打)对|半)\s?折(?![合算旧叠射腾返服中价])"
)


def read_share(s: str, i: int) -> _Found | int | None:
    """The share that starts at s[i], if any; the position to resume at for a 分之 with no number."""
    per = _PER.match(s, i)
    if per:
        return _read_per(s, i, per)
    slash = _SLASH.match(s, i)
    if slash and (i == 0 or not s[i - 1].isdigit()):
        n, d = int(slash["n"]), int(slash["d"])
        if 0 < n < d:
            return _Found(i, slash.end(), Decimal(n) / Decimal(d), "fraction")
    discount = _DISCOUNT.match(s, i)
    if discount:
        return _read_discount(discount, i)
    return None


def _denominator(token: str) -> Decimal | None:
    if token.isdigit():
        return Decimal(token)
    parsed = _parse_cn(token)
    return parsed[0] if parsed and not parsed[1] else None


def _read_per(s: str, i: int, per: re.Match) -> _Found | int | None:
    """百分之十五, 千分之五, 三分之一, 百万分之五; 百分之十到百分之十五, 百分之十到十五."""
    den = _denominator(per["den"])
    num = _read_number(s, per.end(), allow_leading_unit=True) if per.end() < len(s) else None
    if den is None or den <= 1 or num is None:
        return per.end()
    found = _share(i, num.end, num.value, den, num.qualifier)
    sep = _RANGE_SEP.match(s, num.end)
    if sep:  # 四分之一至五分之一: the second may have a denominator of its own
        again = _PER.match(s, sep.end())
        den2 = _denominator(again["den"]) if again else den
        start = again.end() if again else sep.end()
        num2 = _read_number(s, start, allow_leading_unit=again is not None) if start < len(s) else None
        if num2 and den2 and den2 > 1 and (again or den in (100, 1000)):
            other = _share(i, num2.end, num2.value, den2, None)
            if other.kind == found.kind and other.value != found.value:
                found.end = num2.end
                found.value, found.upper = min(found.value, other.value), max(found.value, other.value)
    return found


def _share(start: int, end: int, numerator: Decimal, denominator: Decimal, qualifier: str | None) -> _Found:
    if denominator == 100:
        return _Found(start, end, numerator, "percent", qualifier=qualifier)
    if denominator == 1000:
        return _Found(start, end, numerator, "permille", qualifier=qualifier)
    return _Found(start, end, numerator / denominator, "fraction", qualifier=qualifier)


def _read_discount(m: re.Match, i: int) -> _Found:
    """75折 and 7.5折 (75% of the price), 九折 (90%), 八五折 (85%), 对折 (half price)."""
    n = m["n"].replace("点", "")
    if n in ("对", "半"):
        paid = Decimal(50)
    elif n[0].isdigit():
        paid = Decimal(n) * 10 if Decimal(n) < 10 else Decimal(n)
    else:
        paid = Decimal(_CN_DIGIT[n[0]] * 10 + (_CN_DIGIT[n[1]] if len(n) == 2 else 0))
    return _Found(i, m.end(), paid, "discount")
