"""Chinese against English quantities: whether two say the same value, and which of a Chinese text's
quantities an English translation lacks or adds."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .chinese import find_quantities
from .english import find_english_quantities
from .model import _AR_RE, EnglishQuantity, Quantity, _date_parts, _dec, _normalize, _quantum, _round_to, ends
from .numerals import _CN_DIGIT, _CN_RUN, _CN_SMALL, _parse_cn
from .render import to_english


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
    zh_ends, en_ends = ends(zh), ends(en)
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


# --- a translation's quantities against its source's ---------------------------------------------


def required_in_translation(q: Quantity) -> bool:
    """Whether a translation must carry this quantity. Optional: ordinals (第一 may become "top"),
    vague amounts (数十), 0 and 1 (一个, 1名: "a"), and small counts in Chinese numerals (两只手,
    三篇文章), which good translations often turn into words or idioms."""
    if q.kind == "ordinal" or q.qualifier == "several":
        return False
    if q.kind in ("date", "year", "decade", "time"):
        return q.numeral == "arabic" or q.kind in ("year", "decade")
    if q.upper is None and abs(q.value) <= 1 and q.kind not in ("percent", "money", "points", "permille"):
        return False
    if q.numeral == "chinese" and abs(q.value) <= 10:
        return False
    return True


@dataclass
class NumberReport:
    """What the number check found: Chinese quantities missing from the English (each with the
    English quantity most likely meant as it, if any) and English quantities with no source."""

    missing: list[tuple[Quantity, EnglishQuantity | None]]
    extra: list[EnglishQuantity]
    # a rise given as a fall or the other way round: (Chinese quantity, English word that says so)
    reversed: list[tuple[Quantity, str]] = field(default_factory=list)

    def messages(self) -> list[str]:
        out = []
        for q, suspect in self.missing:
            said = to_english(q)
            text = f"{q.text} ({said})" if said != q.text else q.text
            out.append(f"{text} not found in the English" + (f"; found {suspect.text}" if suspect else ""))
        out += [f"{e.text} in the English is not in the Chinese" for e in self.extra]
        out += [f"{q.text} ({to_english(q)}) is given as {'a fall' if q.change == 'up' else 'a rise'} in the English "
                f"({word!r})" for q, word in self.reversed]  # fmt: skip
        return out


def compare_numbers(zh: str, en: str) -> NumberReport:
    zh_qs = find_quantities(zh)
    en_qs = find_english_quantities(en)
    report = NumberReport([], [])
    if not zh_qs and not en_qs:
        return report
    en_ends = [(e, v) for e in en_qs for v in ends(e)]
    used: set[int] = set()
    cited: set[int] = set()
    for q in zh_qs:
        before = set(used)
        found = [v for v in ends(q) if _matching(q, v, en_ends, used)]
        if q.change and found:
            word = _opposite_direction(q.change, en, [e for e in en_qs if id(e) in used - before])
            if word:
                report.reversed.append((q, word))
        missing = len(found) < len(ends(q))
        if q.upper is not None and q.qualifier == "about" and found:
            missing = False  # 五六百米 as "about 500 meters"
        if missing and _digits_copied(q, en):
            missing = False
        if missing and required_in_translation(q):
            suspect = _suspect(q, en_ends, used | cited)
            if suspect is not None:
                cited.add(id(suspect))
            report.missing.append((q, suspect))
    mentioned = mentioned_values(zh)
    for e in en_qs:
        if id(e) in used or id(e) in cited or e.spelled or e.qualifier == "several":
            continue
        if not all(_accounted(e, v, mentioned) for v in ends(e)):
            report.extra.append(e)
    return report


_UP_WORDS = frozenset(
    "up rise rises rose risen rising grew grow grows grown growing growth increase increased increases increasing "
    "gain gains gained higher climb climbed jumped surged soared hike hiked boosted rebounded".split()
)
_DOWN_WORDS = frozenset(
    "down fall falls fell fallen falling drop drops dropped dropping decline declines declined declining decrease "
    "decreased decreases decreasing lower lowered slipped slid shrank shrunk contracted slumped plunged tumbled "
    "dipped reduced reduction".split()
)


def _opposite_direction(change: str, en: str, matched: list[EnglishQuantity]) -> str | None:
    """The word that gives a change the other way round (同比增长5% as "down 5%"): read in the
    clause of each English figure that matched, up to four words before it and two after; None
    when a word there goes the right way or none says a way at all."""
    same, opposite = (_UP_WORDS, _DOWN_WORDS) if change == "up" else (_DOWN_WORDS, _UP_WORDS)
    for e in matched:
        head = re.split(r"[,;:.!?()]\s|\d", en[: e.start])[-1]
        tail = re.split(r"[,;:.!?()]|\d", en[e.end :])[0]
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", head)[-4:] + re.findall(r"[A-Za-z]+", tail)[:2]]
        if any(w in same for w in words):
            return None
        wrong = next((w for w in words if w in opposite), None)
        if wrong is None:
            return None
    return wrong if matched else None


def _matching(q: Quantity, v: Decimal, en_ends: list[tuple[EnglishQuantity, Decimal]], used: set[int]) -> bool:
    hits = [e for e, ev in en_ends if endpoint_matches(q, v, e, ev)]
    used.update(id(e) for e in hits)
    return bool(hits)


def _digits_copied(q: Quantity, en: str) -> bool:
    """A plain number the English carries inside a name or code (247体育 as "247sports")."""
    if q.kind != "number" or q.unit or q.upper is not None:
        return False
    digits = re.fullmatch(r"\d{2,}", _normalize(q.text))
    return bool(digits) and re.search(rf"(?<![\d.,]){digits.group()}(?![\d])", en) is not None


def _suspect(q: Quantity, en_ends: list[tuple[EnglishQuantity, Decimal]], taken: set[int]) -> EnglishQuantity | None:
    """The English quantity most likely meant as `q`: unmatched, of a comparable kind, preferring
    one off by a power of ten (1550 billion for 155 billion) or nearest in value."""
    dated = q.kind in ("date", "time", "year", "decade")
    best: tuple[float, EnglishQuantity] | None = None
    for e, ev in en_ends:
        if id(e) in taken or e.spelled or (e.kind in ("date", "time", "decade", "year")) != dated or ev == 0 or q.value == 0:
            continue
        if e.kind in ("percent", "points") and q.kind not in ("percent", "points", "permille"):
            continue  # a share is not what a count or an amount was turned into
        ratio = abs(math.log10(abs(float(ev)) / abs(float(q.value))))
        score = ratio - round(ratio) if round(ratio) >= 1 and abs(ratio - round(ratio)) < 0.01 else ratio + 1
        if best is None or abs(score) < best[0]:
            best = (abs(score), e)
    return best[1] if best else None


def _accounted(e: EnglishQuantity, v: Decimal, mentioned: set[Decimal]) -> bool:
    """Whether an English value has a source in the Chinese at all (loosely)."""
    if e.kind == "date":
        parts = [Decimal(int(v) // 10000), Decimal(int(v) // 100 % 100), Decimal(int(v) % 100)]
        return all(p in mentioned for p in parts if p)
    if e.kind == "time":
        h, m = divmod(int(v), 100)
        return (Decimal(h) in mentioned or Decimal(h % 12) in mentioned) and (m == 0 or Decimal(m) in mentioned)
    candidates = [abs(v)]
    if e.unit == "m":
        candidates.append(abs(v) * 10**6)
    if e.kind == "decade" and v < 100:
        candidates += [v + 1900, v + 2000]
    for c in candidates:
        if c in mentioned or any(values_close(m, c, a_rounded=True) for m in mentioned if m):
            return True
    return False
