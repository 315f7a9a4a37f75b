"""Chinese numerals and the numbers of Chinese text: 一百二十万, 两千零五, 二〇二五, 三点五, 五六百,
and Arabic digits with Chinese multipliers (1550亿, 30多万)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .model import _AR, _dec

_CN_DIGIT = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# 兆 is a trillion only where the scanner marks it so (`TRILLION`); elsewhere it is mega (兆瓦).
TRILLION = "\ue000"
_CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, TRILLION: 10**12}
_FINANCIAL = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
_CN_CHARS = "".join(_CN_DIGIT) + "".join(_CN_SMALL) + "".join(_CN_BIG)
_CN_RUN = re.compile(f"[{_CN_CHARS}几]+(?:点[{''.join(_CN_DIGIT)}]+[万亿萬億{TRILLION}]*)?")


def _parse_cn(run: str) -> tuple[Decimal, bool] | None:
    """Value of a Chinese numeral (一百二十万, 十五, 两千零五, 二〇二五, 三点五, 三点五亿, 一万五) and
    whether it holds 几 (十几, 几十: "more than" / "several"). None when it is not a well-formed
    numeral."""
    fraction = ""
    scale = 1
    if "点" in run:
        run, frac = run.split("点", 1)
        for ch in frac.lstrip("".join(_CN_DIGIT)):  # 三点五亿: a multiplier after the decimals
            scale *= _CN_BIG[ch]
        fraction = "".join(str(_CN_DIGIT[c]) for c in frac if c in _CN_DIGIT)
    vague = "几" in run
    run = run.replace("几", "")
    if not run:
        return None
    if len(run) >= 2 and all(c in _CN_DIGIT for c in run):
        if fraction or len(run) == 2 and not set(run[1:]) <= set("〇零"):
            return None  # 两三, 七八: "two or three", not 23
        return Decimal("".join(str(_CN_DIGIT[c]) for c in run)), vague  # 二〇二五: digit by digit
    top = 0  # sum of finished 兆 groups
    high = 0  # sum of finished 亿 groups within the current 兆 group
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
            elif unit == 10**8:
                high = (high + wan + section + (digit or 0)) * unit or unit
                wan = 0
            else:
                if top:
                    return None
                top = (high + wan + section + (digit or 0)) * unit or unit
                high = wan = 0
            section, digit, last_small, last_unit, zero_gap = 0, None, 10**5, unit, False
    if digit is not None and last_unit >= 100 and not zero_gap:
        digit *= last_unit // 10  # 一百五 = 150, 三千五 = 3500, 一万五 = 15000
    integer = top + high + wan + section + (digit or 0)
    value = Decimal(integer)
    if fraction:
        value = Decimal(f"{integer}.{fraction}") * scale
    return value, vague


# Multipliers written after Arabic digits; 千 not before 米/克/瓦 (千米 is km), 百 not before 分.
_MULT = rf"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|{TRILLION}|千(?![米克瓦卡伏帕焦])|百(?!分))"

_MULT_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8, TRILLION: 10**12}

# Arabic digits, then 多/余 and a multiplier in either order: 1550亿, 30多万, 5500余万, 1万多, 10多.
_AR_MULT = re.compile(rf"(?P<num>{_AR})(?:\s?(?P<q1>[多余几])?\s?(?P<mult>{_MULT}))?(?P<q2>[多余])?")

_LOWER_GROUPS = re.compile(r"(\d{1,4})([万千百])")

_CURRENCY_AFTER = re.compile(r"(?:[美日韩港欧澳加]?元|人民币|新?台币|英镑|卢布)")

_QUAL_SUFFIX = {"多": "more than", "余": "over", "几": "more than"}

_CLOCK_CONTEXT = re.compile(r"(?:上午|下午|早上|晚上|凌晨|中午|傍晚|清晨|早晨|夜里|晚|早)\s?$")


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
        end = m.end()
        if m["mult"] in ("万", "亿") and not q:  # 5万4千6百, 5亿1万: lower groups in digits too
            for part in _LOWER_GROUPS.finditer(s, end):
                if part.start() != end or _MULT_VALUE[part[2]] >= _MULT_VALUE[m["mult"]]:
                    break
                value += _dec(part[1]) * _MULT_VALUE[part[2]]
                end = part.end()
        return _Num(value, i, end, True, bool(m["mult"]), _QUAL_SUFFIX[q] if q else None)
    m = _CN_RUN.match(s, i)
    if not m:
        return None
    run, end = m.group(), m.end()
    if "点" in run and (_CLOCK_CONTEXT.search(s[max(0, i - 4) : i]) or s.startswith(("十", "分"), end)):
        run = run.split("点", 1)[0]  # 下午三点五十分: a clock time, not 3.5
        end = i + len(run)
    led_by_unit = run[0] in f"百佰千仟万萬亿億{TRILLION}"
    if led_by_unit and not allow_leading_unit and not (len(run) == 1 and s[end : end + 1] in ("余", "多")):
        if set(run) <= set(f"百千万亿{TRILLION}") and _CURRENCY_AFTER.match(s, end):
            return _Num(_parse_cn(run)[0], i, end, False, True, "about")  # 蒸发千亿美元, 万亿元: round amounts
        return None  # 千万 (by all means), 百姓, 万一; but 千余笔 is "over a thousand"
    if len(run) == 1 and run in _FINANCIAL and not allow_leading_unit:
        return None  # 登陆, 拾起, 大陆: a word, not a numeral written in capitals
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
    scale = None
    if s[end : end + 1] in ("多", "余"):
        qualifier = _QUAL_SUFFIX[s[end]]
        end += 1
        scale = re.match(rf"\s?(万亿|千万|百万|十万|万|亿|{TRILLION})", s[end:])
        if scale and not seq_like(run):
            for ch in scale[1]:  # 一千多万, 十多万, 二百三十余万: the multiplier follows 多/余
                value *= _MULT_VALUE[ch]
            end += scale.end()
        else:
            scale = None
    return _Num(value, i, end, False, scale is not None, qualifier, seq_like(run))


def seq_like(run: str) -> bool:
    """二〇二五, 九〇: digits one by one, as years and codes are written."""
    return len(run) >= 3 and all(c in _CN_DIGIT for c in run) or (
        len(run) == 2 and set(run) & set("〇零") == set(run[1:]) and run[0] in _CN_DIGIT
    )


_PAIR = re.compile(r"(?P<pre>[一二两三四五六七八九十百千]*[万亿]|[二三四五六七八九]?十)?(?P<a>[一二两三四五六七八九])(?P<b>[二三四五六七八九])(?P<rest>[十百千万亿]*)")


def _approximate_pair(run: str) -> tuple[Decimal, Decimal, int] | None:
    """两三 (2 or 3), 五六百 (500 to 600), 三四十 (30 to 40), 十七八 (17 or 18), 一万六七千 (16,000
    to 17,000)."""
    m = _PAIR.match(run)
    if not m:
        return None
    a, b = _CN_DIGIT[m["a"]], _CN_DIGIT[m["b"]]
    if not (b == a + 1 or (a, b) == (3, 5)) or (m["pre"] and m["pre"].endswith("十") and m["rest"]):
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
