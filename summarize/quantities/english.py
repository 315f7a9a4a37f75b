"""Quantities in English text: 155 billion, 155bn, $1.5 trillion, 17.9 percent, May 15, 2025, the
1980s, 3 p.m., six, a dozen, first, hundreds."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal, InvalidOperation

from .english_words import _SCALE_WORDS, _word_value, read_words
from .model import (
    _AR_RE,
    _CODE_CHAIN,
    _ISO_DATE,
    _MONTHS,
    EnglishQuantity,
    _clean,
    _dec,
    _glued_to_code,
    _normalize,
)  # fmt: skip

_SCALE_ABBR = {"bn": 10**9, "tn": 10**12, "mn": 10**6, "mln": 10**6, "m": 10**6, "k": 1000, "b": 10**9}
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
# '92 (the year 1992): how a translation may write 九二共识 ("the '92 Consensus").
_EN_SHORT_YEAR = re.compile(r"(?<![\w'’])['’](?P<n>\d{2})(?![\w'’])")
# 1/2, 3/5: a share; 24/7 and dates (2/11) are not.
_EN_SLASH = re.compile(r"(?<![\d/.])(?P<n>\d)/(?P<d>\d{1,2})(?![\d/])")
# 5 per million, three parts per million, 3 in 10,000, 5 ppm.
_EN_PER = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\s(?:(?:parts?\s)?per|in|out\sof)\s"
    r"(?P<d>(?:a\s|one\s)?(?:million|hundred\sthousand|ten\sthousand|thousand)|1(?:0|,000)+"
    r"|two|three|four|five|six|seven|eight|nine|ten|hundred|\d)\b(?![,.]\d)"
    r"|\b(?P<ppm_n>\d+(?:\.\d+)?)\s?ppm\b", re.I
)
_EN_OFF = re.compile(r"\s(?:off|discount)\b", re.I)
_EN_DECADE = re.compile(r"(?<![\w$£€])'?(?P<n>1[0-9]\d0|20[0-9]0|[0-9]0)['-]?s\b")
_EN_NUMBER = re.compile(
    r"(?P<cur>US\$|HK\$|A\$|C\$|NT\$|S\$|NZ\$|\$|£|€|¥|₩|₹|RMB\s?|CNY\s?|USD\s?|EUR\s?|RM\s?)?"
    r"(?P<sign>(?<![\w)\].,-])-|\b[Mm]inus\s)?"
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
_EN_DECADES_SPAN = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|half\sa|\d{1,2})\s|(?<=\bpast\s)|(?<=\blast\s)|(?<=\bnext\s))"
    r"(?P<unit>decades?|centur(?:y|ies))\b", re.I
)
_AROUND_THE_CLOCK = re.compile(r"\b(?:a?round[\s-]the[\s-]clock|24/7|all\sday\sand\snight)", re.I)
_EN_CUR = {"$": "US dollars", "US$": "US dollars", "HK$": "Hong Kong dollars", "A$": "Australian dollars",
           "C$": "Canadian dollars", "NT$": "New Taiwan dollars",
           "S$": "Singapore dollars", "NZ$": "New Zealand dollars", "RM": "ringgit", "₩": "won", "₹": "rupees",
           "£": "pounds", "€": "euros", "¥": "yuan",
           "RMB": "yuan", "CNY": "yuan", "USD": "US dollars", "EUR": "euros"}  # fmt: skip


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
    for m in _EN_SHORT_YEAR.finditer(s):
        if free(m.start(), m.end()):
            n = int(m["n"])
            year = Decimal(n + (1900 if n >= 30 else 2000))
            add(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), year, kind="year"))
    for q in _shares(s, text):
        if free(q.start, q.end):
            add(q)
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
        value = -_dec(m["num"]) if m["sign"] else _dec(m["num"])
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
                off = _EN_OFF.match(s, after.end())
                if off:  # 25% off: a discount, stored as the share of the price paid (75)
                    kind, value = "discount", 100 - value
                    after = off
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
    for q in read_words(s, text):
        if free(q.start, q.end):
            add(q)
    out.sort(key=lambda q: q.start)
    return _join_english_ranges(s, text, out)


def _shares(s: str, text: str) -> list[EnglishQuantity]:
    """1/2, 3/5; 5 per million, 3 in 10,000: fractions (0.5, 0.6, 0.000005, 0.0003)."""
    out = []
    for m in _EN_SLASH.finditer(s):
        n, d = int(m["n"]), int(m["d"])
        if 0 < n < d <= 10:
            out.append(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), Decimal(n) / d, kind="fraction"))
    for m in _EN_PER.finditer(s):
        if m["ppm_n"]:
            n, d = _dec(m["ppm_n"]), Decimal(10**6)
        else:
            n = _dec(m["n"]) if m["n"][0].isdigit() else _word_value(m["n"])
            d = _dec(m["d"]) if m["d"][0].isdigit() else _word_value(m["d"])
        if n is not None and d and n < d:
            out.append(EnglishQuantity(text[m.start() : m.end()], m.start(), m.end(), n / d, kind="fraction",
                                       spelled=not m.group()[0].isdigit()))  # fmt: skip
    return out


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
                and not (prev.kind == q.kind == "money" and prev.unit != q.unit) \
                and (prev.kind == q.kind or "number" in (prev.kind, q.kind)):  # fmt: skip  # $1 to RMB 7; 21.2% to $31.5 billion
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
