"""Chinese against English quantities: whether two say the same value (rounding, ranges, dates,
shares, currencies), whether two Chinese ones do, and every value a Chinese text mentions."""

from __future__ import annotations

import re
from decimal import Decimal

from .chinese import find_quantities
from .model import _AR_RE, EnglishQuantity, Quantity, _date_parts, _dec, _normalize, _quantum, _round_to, ends
from .numerals import _CN_DIGIT, _CN_RUN, _CN_SMALL, _parse_cn


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
        abbreviated = len(zh.text) == 2  # 九二共识 as "the 92 Consensus"
        return en.kind != "time" and (en_value == zh_value or abbreviated and en_value == zh_value % 100)
    if en.kind == "decade":
        return en_value < 100 and en_value == zh_value  # 50多岁: "in their 50s"
    if en.kind == "year" and en.text[:1] in "'’" and zh_value == en_value % 100:
        return True  # 92届: "the class of '92"
    if kind == "duration" and zh.unit == "months" and en.kind == "date" and en.upper is not None:
        # 前4月 as "January-April": the months from the start of the year
        return en_value == en.upper and _date_parts(en.value)[1] == 1 and _date_parts(en_value)[1] == zh_value
    if en.kind in ("date", "time"):
        return False
    if zh.qualifier == "several" or en.qualifier == "several":
        if zh.qualifier in ("over", "more than", "about") and en.qualifier == "several":
            return zh_value == en_value  # 百余位: "hundreds"
        return zh.qualifier == en.qualifier == "several" and zh_value == en_value
    if kind == "ordinal" or en.kind == "ordinal":
        return zh_value == en_value
    if en.kind == "discount" and kind != "discount":  # 优惠25%: "25% off"
        return kind in ("percent", "number") and 100 - en_value == zh_value
    if kind == "discount":  # 75折: "25% off", "75% of the price", "a 25% cut"
        if en.kind == "discount":
            return en_value == zh_value
        return en.kind in ("percent", "number") and en_value in (zh_value, 100 - zh_value)
    per_one = kind in _PER_ONE and (en.kind in _PER_ONE and en.kind != kind or en.spelled and en_value < 1)
    if kind == "fraction" or en.kind == "fraction" or per_one:
        return _share_matches(zh, zh_value, en, en_value)  # 百分之五十: "half"; 千分之三: "0.3%"
    if _kinds_conflict(zh, en):
        return False
    if en.kind == "multiple" and en.spelled and kind != "multiple" and zh.unit != "times":
        return False  # "double", "twice" say a multiple or a count of times (两次), not a plain 2
    if kind == "multiple" and zh.change == "up" and en.kind == "multiple" and en_value == zh_value + 1:
        return True  # 增长了3倍: up by 300%, "a fourfold increase"
    # a range states its ends exactly: 一万六七千 is not "about 16,700"
    approximate = (zh.qualifier is not None and zh.upper is None) or en.qualifier is not None
    if en.unit == "m" and values_close(zh_value, en_value * 10**6, a_rounded=approximate):
        return True  # 1.2m: millions
    for factor in _CONVERSIONS.get(zh.unit or "", ()):
        if values_close(zh_value * factor, en_value, a_rounded=True, tolerance=Decimal("0.1")):
            return True  # 20里 as "10 kilometers"
    return values_close(zh_value, en_value, a_rounded=approximate)


_PER_ONE = {"percent": Decimal(100), "permille": Decimal(1000), "fraction": Decimal(1)}


def _share_matches(zh: Quantity, zh_value: Decimal, en: EnglishQuantity, en_value: Decimal) -> bool:
    """三分之一 as "a third", "33%" or "1/3"; 百分之五十 as "1/2"; 万分之三 as "0.03%"."""
    if zh.kind not in _PER_ONE or en.kind not in (*_PER_ONE, "number"):
        return False
    zh_share = zh_value / _PER_ONE[zh.kind]
    en_share = en_value / _PER_ONE.get(en.kind, Decimal(1))
    return zh_share <= 1 and values_close(zh_share, en_share, a_rounded=True)


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
    zh_ends, en_ends = ends(zh), ends(en)
    if zh.kind == "duration" and en.kind == "date" and len(en_ends) == 2 > len(zh_ends):
        return endpoint_matches(zh, zh.value, en, en.upper)  # 前4月: "January to April"
    if len(zh_ends) != len(en_ends):
        return False
    return all(endpoint_matches(zh, a, en, b) for a, b in zip(zh_ends, en_ends))


def same_chinese_value(q: Quantity, a: Quantity) -> bool:
    """Whether two Chinese quantities say the same (a summary's and its article's): rounding
    allowed when `q` is marked approximate (超1500亿元 for 1550亿元)."""
    if q.kind in ("date", "year", "decade", "time") or a.kind in ("date", "year", "decade", "time"):
        return q.kind == a.kind and q.value == a.value and q.upper == a.upper
    ends_q, ends_a = ends(q), ends(a)
    if len(ends_q) != len(ends_a):
        return False
    approximate = q.qualifier is not None
    return all(values_close(x, y, a_rounded=approximate, b_rounded=False) for x, y in zip(ends_q, ends_a))


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
        for v in ends(q):
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
