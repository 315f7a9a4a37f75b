"""A translation's quantities against its source's: which Chinese quantities the English lacks
(and what it says instead), which English figures have no source, and which changes it turns
around (a rise given as a fall, a negative figure given as positive)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .chinese import find_quantities
from .compare import endpoint_matches, mentioned_values, values_close
from .english import find_english_quantities
from .model import EnglishQuantity, Quantity, _normalize, ends
from .render import to_english


def required_in_translation(q: Quantity) -> bool:
    """Whether a translation must carry this quantity. Optional: ordinals (第一 may become "top"),
    vague amounts (数十), 0 and 1 (一个, 1名: "a"), and small counts in Chinese numerals (两只手,
    三篇文章), which good translations often turn into words or idioms."""
    if q.kind == "ordinal" or q.qualifier == "several":
        return False
    if q.kind in ("date", "year", "decade", "time"):
        return q.numeral == "arabic" or q.kind in ("year", "decade")
    if q.kind in ("fraction", "discount"):
        return True
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
    # a negative figure given as a positive one (-3.5% as "growth of 3.5%"): (Chinese, English)
    unsigned: list[tuple[Quantity, EnglishQuantity]] = field(default_factory=list)

    def messages(self) -> list[str]:
        out = []
        for q, suspect in self.missing:
            said = to_english(q)
            text = f"{q.text} ({said})" if said != q.text else q.text
            out.append(f"{text} not found in the English" + (f"; found {suspect.text}" if suspect else ""))
        out += [f"{e.text} in the English is not in the Chinese" for e in self.extra]
        out += [f"{q.text} ({to_english(q)}) is given as {'a fall' if q.change == 'up' else 'a rise'} in the English "
                f"({word!r})" for q, word in self.reversed]  # fmt: skip
        out += [f"{q.text} ({to_english(q)}) is negative; the English gives {e.text}" for q, e in self.unsigned]
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
        matched = [e for e in en_qs if id(e) in used - before]
        if q.change and found:
            word = _opposite_direction(q.change, en, matched)
            if word:
                report.reversed.append((q, word))
        elif q.value < 0 and found and _sign_lost(en, matched):
            report.unsigned.append((q, matched[0]))
        missing = len(found) < len(ends(q))
        if q.upper is not None and q.qualifier == "about" and found and all(e.upper is None for e in matched):
            missing = False  # 五六百米 as "about 500 meters" (but not as "500 to 60 meters")
        if missing and q.kind == "date" and _WEEKDAY_BEFORE.search(zh[: q.start]):
            missing = False  # 本周五（2月10日）: "on Friday" says it
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


_NEGATIVE_WORDS = _DOWN_WORDS | frozenset(
    "minus negative below deficit deficits loss losses contraction contracted shrinking shrink shrinks".split()
)


_WEEKDAY_BEFORE = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天][(（]\s*$")


def _sign_lost(en: str, matched: list[EnglishQuantity]) -> bool:
    """Whether the English gives a negative figure as positive: no match is negative and no word
    near one says so ("fell 3.5%", "minus 5", "5 degrees below zero")."""
    for e in matched:
        if e.value < 0:
            return False
        head = re.split(r"[,;:.!?()]\s|\d", en[: e.start])[-1]
        tail = re.split(r"[,;:.!?()]|\d", en[e.end :])[0]
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", head)[-4:] + re.findall(r"[A-Za-z]+", tail)[:3]]
        if any(w in _NEGATIVE_WORDS for w in words):
            return False
    return bool(matched)


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
    if e.kind == "discount":
        candidates.append(100 - v)  # 25% off: the 25 the Chinese may give (优惠25%)
    if e.kind == "fraction":
        candidates += [v * 100, v * 1000]  # 1 in 5: 20%; 3 in 1,000: 3‰
    if e.kind == "year" and e.text.startswith(("'", "’")):
        candidates.append(v % 100)  # '92: 92届
    for c in candidates:
        if c in mentioned or any(values_close(m, c, a_rounded=True) for m in mentioned if m):
            return True
    return False
