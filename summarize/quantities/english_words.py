"""Numbers written in words in English: six, twenty-five, two and a half million, a quarter of a
million, a dozen, hundreds, two-thirds of, twice, threefold, first."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from .model import EnglishQuantity

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
_VAGUE_EN = re.compile(
    r"\b(?:(?P<tens>tens|hundreds) of )?(?P<mag>dozens|hundreds|thousands|millions|billions|trillions)\b",
    re.I,
)
_VAGUE_BASE = {"dozens": 10, "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9,
               "trillions": 10**12}  # fmt: skip
_WORD_NUM = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half|a\shalf)"
    r"(?:[\s-](?:and[\s-])?(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion|"
    r"trillion|dozen|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|half))*|zero|dozen)\b"
    r"(?:\s(?P<pct>percent|per\scent))?",
    re.I,
)
# "a quarter of", "two-thirds of": shares a translation may give for 25%, 67%.
_EN_FRACTION = re.compile(
    r"\b(?P<f>(?:a|one)[\s-](?:half|third|quarter|fifth|tenth)|half|(?:two|three|four)[\s-](?:thirds|quarters|fifths)"
    r"|(?:three|seven|nine)[\s-]tenths)\sof\b"
    r"|\b(?P<bare>(?:two|three|four)[\s-](?:thirds|quarters|fifths)|(?:three|seven|nine)[\s-]tenths"
    r"|(?:a|one)-(?:third|quarter|fifth|tenth)"
    r"|(?:a|one)\s(?:third|quarter|fifth|tenth)(?=\s(?:to|or)\s|[.,;:!?)]|$))\b", re.I
)
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
# "a quarter of a million", "half a billion" (a scale of its own: not a share of something).
_EN_SCALED_SHARE = re.compile(
    r"\b(?P<f>(?:a|one)[\s-](?:quarter|third|half)|three[\s-]quarters|two[\s-]thirds|half)\s(?:of\s)?an?\s"
    r"(?P<scale>million|billion|trillion|thousand)\b", re.I
)
_EN_FOLD = re.compile(r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten)[\s-]?fold"
                      r"|doubled?|tripled?|trebled|quadrupled?|twice|thrice)\b", re.I)  # fmt: skip
_FOLD_VERBS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "twice": 2, "thrice": 3, "double": 2,
               "triple": 3, "quadruple": 4}  # fmt: skip
# "in their thirties": an age given by its decade, as 三十多岁 may be.
_EN_AGE_DECADE = re.compile(r"\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.I)
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                 "eighties": 80, "nineties": 90}  # fmt: skip


def _fraction_parts(words: str) -> tuple[int, int]:
    """"two-thirds" -> (2, 3), "a quarter" -> (1, 4), "half" -> (1, 2)."""
    parts = re.split(r"[\s-]", words)
    if len(parts) == 1:
        return 1, 2
    numerator = 1 if parts[0] in ("a", "one") else _SMALL_WORDS[parts[0]]
    return numerator, _DENOMINATORS[parts[1].rstrip("s")]


_ORD_WORD = re.compile(r"\b(" + "|".join(_ORDINAL_WORD_VALUES) + r")\b", re.I)
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




def read_words(s: str, text: str) -> Iterator[EnglishQuantity]:
    """The spelled quantities of `s` (the normalized `text`), in the order they take precedence:
    the caller skips one whose span an earlier one took."""

    def quantity(m: re.Match, value: Decimal, end: int | None = None, **fields) -> EnglishQuantity:
        stop = m.end() if end is None else end
        return EnglishQuantity(text[m.start() : stop], m.start(), stop, value, spelled=True, **fields)

    for m in _EN_SCALED_SHARE.finditer(s):
        numerator, denominator = _fraction_parts(m["f"].lower())
        yield quantity(m, Decimal(numerator) / denominator * _SCALE_WORDS[m["scale"].lower()])
    for m in _EN_FRACTION.finditer(s):
        group = "f" if m["f"] else "bare"
        numerator, denominator = _fraction_parts(m[group].lower())
        yield quantity(m, Decimal(100 * numerator) / denominator, m.end(group), kind="percent")
    for m in _EN_FOLD.finditer(s):
        word = m.group().lower()
        value = _FOLD_VERBS.get(word) or _SMALL_WORDS[word.removesuffix("fold").rstrip("- ")]
        yield quantity(m, Decimal(value), kind="multiple", unit="times")
    for m in _EN_AGE_DECADE.finditer(s):
        yield quantity(m, Decimal(_DECADE_WORDS[m.group().lower()]), kind="decade")
    for m in _VAGUE_EN.finditer(s):
        base = Decimal(_VAGUE_BASE[m["mag"].lower()])
        if m["tens"]:
            base *= 10 if m["tens"].lower() == "tens" else 100
        yield quantity(m, base, qualifier="several")
    for m in _WORD_NUM.finditer(s):
        words = m.group()[: m.start("pct") - m.start()] if m["pct"] else m.group()
        value = _word_value(words)
        if value is not None:
            yield quantity(m, value, kind="percent" if m["pct"] else "number")
    for m in _ORD_WORD.finditer(s):
        yield quantity(m, Decimal(_ORDINAL_WORD_VALUES[m.group().lower()]), kind="ordinal")
