"""What the Chinese and the English readers share: the quantity records, normalization (full-width
and Traditional forms read like Simplified), exact decimal arithmetic and the shapes of digits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


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
        **{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "％": "%", "－": "-", "−": "-", "負": "负",
        "／": "/", "～": "~", "：": ":",
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


def ends(q: Quantity | EnglishQuantity) -> list[Decimal]:
    """A quantity's value, and its upper end when it is a range."""
    return [q.value] if q.upper is None else [q.value, q.upper]


def _date_parts(value: Decimal) -> tuple[int | None, int | None, int | None]:
    v = int(value)
    year, month, day = v // 10000, v // 100 % 100, v % 100
    return (year or None, month or None, day or None)


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]  # fmt: skip

_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"

_AR_RE = re.compile(_AR)

_ISO_DATE = re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")

_CODE_CHAIN = re.compile(r"\d+(?:-\d+){2,}")

# Latin letters glued to a number make it part of a name or code (5G, G20, COVID-19, www.12377.cn),
# except unit and scale suffixes.
_LATIN_SUFFIXES = {
    "st", "nd", "rd", "th", "s", "am", "pm", "bn", "tn", "mn", "mln", "m", "k", "km", "kg", "mph", "kph",
    "kmh", "ft", "cm", "mm", "g", "lb", "lbs", "kw", "mw", "gw", "kwh", "mwh", "ml", "l", "t", "ha",
    "million", "billion", "trillion", "thousand", "hundred", "percent", "pct", "yuan", "sq", "in",
    "mi", "x", "mins", "min", "h", "hrs", "hr", "sec", "secs", "c", "f", "bp", "bps", "nm", "gb", "tb", "mb",
}  # fmt: skip


# Words glued to a year or an age by a hyphen: pre-2019, post-90s, mid-2023, over-60s.
_TIME_PREFIXES = {"pre", "post", "mid", "late", "early", "over", "under"}


def _glued_to_code(text: str, start: int, end: int) -> bool:
    """True when the digits at text[start:end] belong to a code or name rather than a quantity."""
    before = text[max(0, start - 2) : start]
    if before[-1:].isascii() and before[-1:].isalpha():
        return True  # G20, H1N1, A4
    if len(before) == 2 and before[1] in "-._/@#" and before[0].isascii() and before[0].isalpha():
        word = re.search(r"[A-Za-z]+-$", text[max(0, start - 8) : start])
        return not (word and word.group()[:-1].lower() in _TIME_PREFIXES)  # COVID-19, F-16; not pre-2019

    m = re.match(r"[A-Za-z]+", text[end:])
    if m:
        word = m.group()
        if len(word) == 1 and word.isupper():
            return word not in "LKFCMBTWV"  # 5G, 3D, 4S are names; 2L, 50K, 6F, 33C are amounts
        return word.lower() not in _LATIN_SUFFIXES
    if re.match(r"[._/@][A-Za-z]|-[A-Za-z](?![A-Za-z])", text[end:]):
        return True  # 12377.cn, 3-D (but not 13-year-old)
    return False
