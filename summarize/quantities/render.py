"""Exact English for a Chinese quantity: 1550亿元 -> "155 billion yuan", 近3万 -> "nearly 30,000"."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from .model import _MONTHS, Quantity, _date_parts, _normalize, _plain, ends

_DURATION_SINGULAR = {"years": "year", "months": "month", "weeks": "week", "days": "day", "hours": "hour",
                      "minutes": "minute", "seconds": "second", "times": "time", "people": "person",
                      "visits": "visit", "households": "household", "cases": "case"}  # fmt: skip


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


_FRACTION_WORDS = {(1, 2): "half", (1, 3): "one third", (2, 3): "two thirds", (1, 4): "a quarter",
                   (3, 4): "three quarters", (1, 5): "one fifth", (1, 10): "one tenth"}  # fmt: skip


def fraction_english(value: Decimal) -> str:
    """0.5 -> 'half', 0.333... -> 'one third', 0.0003 -> '3 in 10,000', 0.000005 -> '5 per million',
    0.004 -> '1/250'."""
    share = Fraction(value).limit_denominator(10**7)
    key = (share.numerator, share.denominator)
    if key in _FRACTION_WORDS:
        return _FRACTION_WORDS[key]
    for denominator, words in ((10**4, "in 10,000"), (10**5, "in 100,000"), (10**6, "per million")):
        if share.denominator <= denominator and denominator % share.denominator == 0 and share.denominator > 1000:
            return f"{_plain(value * denominator)} {words}"
    return f"{share.numerator}/{share.denominator}"


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
            n = int(q.value) % 100
            return f"the post-{n:02d}{'s' if n % 10 == 0 else ''} generation"
        return f"the {_plain(q.value)}s"
    if kind == "time":
        clock = [f"{int(v) // 100}:{int(v) % 100:02d}" for v in ends(q)]
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
        if kind == "fraction":
            return fraction_english(v)
        if kind == "discount":
            return f"{_plain(100 - v)}% off"
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
