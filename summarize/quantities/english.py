"""Quantities in English text: 155 billion, 155bn, $1.5 trillion, 17.9 percent, May 15, 2025, the
1980s, 3 p.m., six, a dozen, first, hundreds."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal, InvalidOperation

from .model import (
    _AR_RE, _CODE_CHAIN, _ISO_DATE, _MONTHS, EnglishQuantity, _clean, _dec, _glued_to_code, _normalize,
)  # fmt: skip


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
