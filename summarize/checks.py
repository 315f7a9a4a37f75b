"""Fidelity checks on (Chinese, English) units and on summaries against their article.

Each check is a small pure function `(zh, en) -> list[str]` of one-line messages; `check_pair` runs
them all and returns `Finding` records. The checks and what they catch:

- ``missing``: no English for a Chinese unit, or an English far too short to be its translation.
- ``echo``: the "translation" is mostly the Chinese source again.
- ``untranslated``: Chinese characters left in the English ("ranks first in金华").
- ``dictionary`` (written by the repair, summarize/repair.py, not checked here): Chinese words a
  model left untranslated, put into the English from the dictionary or as pinyin.
- ``repetition``: a loop: the same word or phrase over and over, or a whole clause said twice.
- ``length_ratio``: an English far longer than translations of that much Chinese are (an English
  far too short is ``missing``: part of the Chinese was dropped).
- ``numbers``: every quantity in the Chinese must be in the English with the same value, in any
  usual English form (155 billion, 155bn, 155,000,000,000); numbers in the English that the
  Chinese does not have are reported too, and so is a rise given as a fall (同比增长5% as "down
  5%"). See `summarize.quantities.same_value` for what counts as the same value (not another
  currency, not percent for percentage points).
- ``glossary``: a glossary term in the Chinese whose English is not in the translation.
- ``names`` (asked for with ``names=True``): a Chinese person's name whose spelling is not in the
  translation: 傅妙玲 must be Fu Miaoling (or Miaoling Fu, Fu Miao-ling), not "Fuyi Liang"; CC-CEDICT's
  spelling for the names it knows (习近平 -> Xi Jinping). See `summarize.gloss_words.chinese_person_name`
  for which words jieba tags as people are taken for names.

Summaries (``summary_numbers``, ``summary_names``, ``repetition``): every number and every name in a
summary must occur in its article, and a figure must not move from one place or person to another.

Length bounds are calibrated on professional translations: NTREX-128 (CC BY-SA 4.0) and, for
internal evaluation only, WMT21 newstest zh-en (see benchmarks/eval_checks.py). English letters
per Chinese character: median 2.8 (NTREX, translated Chinese) and 3.8 (WMT21, Chinese-original
news); 99.9% of pairs fall between 0.7 and 7.5.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable

from .digest import Finding
from .glossary import Glossary
from .quantities import (
    compare_numbers,
    ends,
    find_quantities,
    mentioned_values,
    required_in_translation,
    same_chinese_value,
    to_english,
)
from .text import HAN as _HAN
from .text import HAN_CHARS, sentence_texts

__all__ = [
    "Finding",
    "CHECK_NAMES",
    "check_pair",
    "check_summary",
    "check_missing",
    "check_echo",
    "check_untranslated",
    "untranslated_runs",
    "check_repetition",
    "check_length_ratio",
    "check_numbers",
    "check_glossary",
    "check_names",
    "check_summary_numbers",
    "check_summary_names",
]

CHECK_NAMES = (
    "missing", "echo", "untranslated", "dictionary", "repetition", "length_ratio", "numbers", "glossary",
    "names", "summary_numbers", "summary_names",
)  # fmt: skip


_HAN_RUN = re.compile(rf"[{HAN_CHARS}][{HAN_CHARS}\u3000-\u303f\uff00-\uffef]*")
_LATIN_ALNUM = re.compile(r"[A-Za-z0-9]")

# English letters and digits per Chinese character in professional translations (see module doc).
_MIN_HAN_FOR_RATIO = 15  # shorter units vary too much ("Big if true," he tweeted.)
_TOO_LONG = 9.0  # letters per Han character; 99.9th percentile of news translations is 7.5
_TOO_SHORT = 1.0  # 0.5th percentile of Chinese-original news is 2.1, of translated Chinese 1.35
_MIN_SHORTFALL = 40  # letters short of a typical translation (2.5 per character) before saying so


def _short_by(zh: str, en: str) -> float:
    han, ratio = _measure(zh, en)
    return han * (2.5 - ratio)


def _measure(zh: str, en: str) -> tuple[int, float]:
    """(Han characters in zh, English letters per Han character), not counting the Latin letters
    and digits the Chinese already has (names, numbers), which a translation keeps as they are."""
    han = len(_HAN.findall(zh))
    own = len(_LATIN_ALNUM.findall(zh))
    letters = len(_LATIN_ALNUM.findall(en))
    return han, (max(letters - own, 0) / han if han else math.inf)


# --- pair checks --------------------------------------------------------------------------------


def check_missing(zh: str, en: str) -> list[str]:
    if not _has_content(zh):
        return []
    if not en.strip():
        return ["no English for this Chinese"]
    han, ratio = _measure(zh, en)
    if han >= _MIN_HAN_FOR_RATIO and ratio < _TOO_SHORT and _han_share(en) < 0.5 and _short_by(zh, en) >= _MIN_SHORTFALL:
        return [f"the English is far too short to translate all of the Chinese ({len(_LATIN_ALNUM.findall(en))} "
                f"letters for {han} Chinese characters; translations run 1.3 to 7.5 per character): part of it "
                f"was dropped"]  # fmt: skip
    return []


def check_echo(zh: str, en: str) -> list[str]:
    if not en.strip() or not _HAN.search(zh):
        return []
    if _squash(en) == _squash(zh):
        return ["the English is the Chinese source again, not a translation"]
    if _han_share(en) >= 0.5:
        return ["the English is mostly Chinese, not a translation"]
    return []


def untranslated_runs(zh: str, en: str) -> list[re.Match[str]]:
    """The runs of Chinese left in `en`, a translator's gloss "Yiwu (义乌)" aside."""
    return [m for m in _HAN_RUN.finditer(en) if not _deliberate_gloss(en, m, zh)]


def check_untranslated(zh: str, en: str) -> list[str]:
    runs = untranslated_runs(zh, en)
    if not runs:
        return []
    shown = "、".join(dict.fromkeys(m.group().strip() for m in runs))
    if len(shown) > 40:
        shown = shown[:40] + "…"
    return [f"Chinese left in the English: {shown}"]


def _deliberate_gloss(en: str, m: re.Match, zh: str) -> bool:
    """Yiwu (义乌): Chinese in brackets right after an English word, copied from the source, is a
    translator's gloss, not a failure."""
    before, after = en[: m.start()].rstrip(), en[m.end() :]
    return before[-1:] in ("(", "（") and after[:1] in (")", "）") and m.group() in zh and bool(
        re.search(r"[A-Za-z][\w'’.-]*\s*[(（]$", before)
    )


def check_repetition(zh: str, en: str) -> list[str]:
    loop = _loop(en, words=False)
    if loop and not _loop_in_source(loop, zh):
        return [f"repeats {loop!r} over and over: a generation loop"]
    loop = _loop(en, words=True)
    if loop and not (_loop(en, words=True, times=6) is None and _repeats_itself(zh)):
        return [f"repeats {loop!r} over and over: a generation loop"]
    clause = _repeated_clause(en)
    if clause and not re.search(r"(.{5,}?)\1", "".join(_HAN.findall(zh))):
        shown = clause if len(clause) <= 60 else clause[:60] + "…"
        return [f"says {shown!r} twice in a row: a generation loop"]
    return []


def _repeated_clause(text: str, *, min_words: int = 6) -> str | None:
    """A sentence or clause of 6 words or more said twice in a row ("The rate rose 5%. The rate
    rose 5%."): a model that repeats itself. Both copies must be whole clauses: a translation may
    well repeat a phrase inside a clause ("10 are employees of X; ... employees of X make up 85%")."""
    found = list(re.finditer(r"[A-Za-z0-9]+(?:['’.][A-Za-z0-9]+)*", text))
    tokens = [m.group().lower() for m in found]
    gaps = [text[: found[0].start()] if found else ""] + [
        text[a.end() : b.start()] for a, b in zip(found, found[1:])
    ] + [text[found[-1].end() :] if found else ""]  # gaps[i]: the text before token i
    starts = [i for i in range(len(tokens) + 1)
              if i == 0 or i == len(tokens) or re.search(r"[.;:!?,，。；：！？]", gaps[i]) is not None]  # fmt: skip
    at_boundary = set(starts)
    for a in starts:
        for b in starts:
            n = b - a
            if n >= min_words and b + n in at_boundary and tokens[a:b] == tokens[b : b + n]:
                return " ".join(tokens[a:b])
    return None


def _repeats_itself(zh: str) -> bool:
    """没有、没有、绝对没有: a source that says something twice over may be translated "No, no, no"."""
    return re.search(r"(.{2,8}?)\1", "".join(_HAN.findall(zh))) is not None


def check_length_ratio(zh: str, en: str) -> list[str]:
    han, ratio = _measure(zh, en)
    if han < _MIN_HAN_FOR_RATIO or not en.strip() or _han_share(en) >= 0.5:
        return []
    letters = len(_LATIN_ALNUM.findall(en))
    if ratio > _TOO_LONG:
        return [f"the English is much longer than a translation of this Chinese ({letters} letters for "
                f"{han} Chinese characters, {ratio:.1f} per character; translations run 1.3 to 7.5)"]  # fmt: skip
    return []  # too short is reported as "missing"


def check_numbers(zh: str, en: str) -> list[str]:
    return compare_numbers(zh, en).messages()


def check_glossary(zh: str, en: str, glossary: Glossary | None) -> list[str]:
    if glossary is None or not en.strip():
        return []
    return [f"{entry.zh} should be translated as {entry.en} (glossary)" for entry in glossary.verify(zh, en)]


def check_names(zh: str, en: str) -> list[str]:
    if not en.strip():
        return []
    latin = _plain_latin(en)
    messages = []
    for name, spelling in _person_names(zh):
        if name not in en and not _has_name(latin, spelling):
            messages.append(f"{name} should be written {spelling} (pinyin), not found in the English")
    return messages


def _person_names(text: str) -> list[tuple[str, str]]:
    """(name, English spelling) of the Chinese person names in `text`, each once."""
    from .chinese_words import jieba_module
    from .gloss_words import chinese_person_name

    jieba_module()
    import jieba.posseg as pseg

    found: dict[str, str] = {}
    for pair in pseg.cut(text):
        spelling = chinese_person_name(pair.word, pair.flag)
        if spelling:
            found.setdefault(pair.word, spelling)
    return list(found.items())


def _plain_latin(text: str) -> str:
    """Lowercase, without accents (Miaolíng), curly apostrophes made straight."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _has_name(latin: str, spelling: str) -> bool:
    """`spelling` (surname first) in `latin` in either order, syllables run together or apart:
    Fu Miaoling, Miaoling Fu, Fu Miao-ling, FU Miao Ling."""
    words = [r"[-\s']?".join(map(re.escape, word.replace("'", ""))) for word in spelling.lower().split()]
    orders = [words, words[::-1]] if len(words) == 2 else [words]
    pattern = "|".join(r"[\s-]+".join(order) for order in orders)
    return re.search(rf"(?<![a-z])(?:{pattern})(?![a-z])", latin) is not None


PairCheck = Callable[[str, str], list[str]]
_PAIR_CHECKS: tuple[tuple[str, PairCheck], ...] = (
    ("untranslated", check_untranslated),
    ("repetition", check_repetition),
    ("length_ratio", check_length_ratio),
    ("numbers", check_numbers),
)


def check_pair(
    zh: str, en: str, *, unit_id: str = "", glossary: Glossary | None = None, names: bool = False
) -> list[Finding]:
    """All checks on one (Chinese, English) unit, and with `names` the spelling of person names.
    An empty, echoed or truncated translation is reported once, without the findings that would
    follow from it."""
    zh, en = zh or "", en or ""

    def findings(check: str, messages: list[str]) -> list[Finding]:
        return [Finding(check, unit_id, message, zh, en) for message in messages]

    gone = findings("missing", check_missing(zh, en))
    if gone and not en.strip():
        return gone
    echo = findings("echo", check_echo(zh, en))
    if echo:
        return echo
    out = list(gone)
    for name, check in _PAIR_CHECKS:
        if gone and name in ("length_ratio", "numbers"):
            continue
        out += findings(name, check(zh, en))
    out += findings("glossary", check_glossary(zh, en, glossary))
    if names:
        out += findings("names", check_names(zh, en))
    return out


# --- summaries ----------------------------------------------------------------------------------

_NAME_TAGS = ("nr", "nrfg", "nrt", "ns", "nt")
_NOT_NAMES = frozenset({"我市", "全市", "本市", "我省", "全省", "本省", "我国", "全国", "本报", "记者", "市委", "省委"})


def _names(text: str) -> list[tuple[str, str]]:
    """(name, kind) for the names in `text`: "person" for jieba's nr tags, "place" for places and
    organizations (jieba's ns and nt, and the proper names of the default glossary, which jieba
    often tags only nz: 义乌, 金华)."""
    from .chinese_words import jieba_module
    from .glossary import default_glossary

    jieba_module()  # loads the dictionary quietly
    import jieba.posseg as pseg

    seen: dict[str, str] = {}
    for _, _, entry in default_glossary().find(text):
        if entry.en[:1].isupper():
            seen.setdefault(entry.zh, "place")
    for pair in pseg.cut(text):
        word, tag = pair.word.strip(), pair.flag
        if tag in _NAME_TAGS and len(word) >= 2 and word not in _NOT_NAMES and _HAN.search(word):
            seen.setdefault(word, "person" if tag.startswith("nr") else "place")
    return list(seen.items())


def check_summary_numbers(summary_zh: str, article_text: str) -> list[str]:
    article_qs = find_quantities(article_text)
    mentioned = mentioned_values(article_text)
    messages = []
    for q in find_quantities(summary_zh):
        if any(same_chinese_value(q, a) for a in article_qs):
            continue
        if not required_in_translation(q) and all(abs(v) in mentioned for v in ends(q)):
            continue
        said = to_english(q)
        messages.append(f"{q.text} ({said}) in the summary is not in the article" if said != q.text
                        else f"{q.text} in the summary is not in the article")  # fmt: skip
    return messages


def check_summary_names(summary_zh: str, article_text: str) -> list[str]:
    messages = [f"{name} in the summary is not in the article" for name, _ in _names(summary_zh)
                if name not in article_text]  # fmt: skip
    messages += _moved_figures(summary_zh, article_text)
    return messages


_SELF_REFERENCE = re.compile(r"[我本全该][市省县区镇乡村国]")  # 我市: the paper's own city, named nowhere


def _moved_figures(summary_zh: str, article_text: str) -> list[str]:
    """A figure the summary gives for one place or person that the article gives only for another
    (义乌 1550亿元 in the article, 金华 1550亿元 in the summary). Said only when the article names
    someone else of the same kind in the figure's sentence, does not name the summary's one within
    two sentences of it, and does not speak of its own city there (我市, 全省)."""
    sentences = sentence_texts(article_text)
    quantities = [find_quantities(s) for s in sentences]
    messages = []
    for sentence in sentence_texts(summary_zh):
        qs = [q for q in find_quantities(sentence) if required_in_translation(q)]
        if not qs:
            continue
        names = [(n, kind) for n, kind in _names(sentence) if n in article_text]
        for q in qs:
            holders = [i for i, aq in enumerate(quantities) if any(same_chinese_value(q, a) for a in aq)]
            if not holders:
                continue
            windows = ["".join(sentences[max(0, i - 2) : i + 3]) for i in holders]
            if any(_SELF_REFERENCE.search(w) for w in windows):
                continue
            for name, kind in names:
                if any(name in w for w in windows):
                    continue
                others = [n for i in holders for n, k in _names(sentences[i]) if k == kind and n != name and n not in sentence]
                if others:
                    messages.append(f"{q.text} is given for {others[0]} in the article, not for {name}")
    return messages


def check_summary(summary_zh: str, article_text: str, *, unit_id: str = "") -> list[Finding]:
    """Every number and name in a Chinese summary must occur in its article; a summary that loops
    is reported too."""

    def findings(check: str, messages: list[str]) -> list[Finding]:
        return [Finding(check, unit_id, m, summary_zh, "") for m in messages]

    if not summary_zh.strip():
        return []
    out = findings("summary_numbers", check_summary_numbers(summary_zh, article_text))
    out += findings("summary_names", check_summary_names(summary_zh, article_text))
    loop = _loop(summary_zh, words=False)
    if loop and not _loop_in_source(loop, article_text):
        out += findings("repetition", [f"repeats {loop!r} over and over: a generation loop"])
    return out


# --- helpers ------------------------------------------------------------------------------------


def _has_content(text: str) -> bool:
    return bool(_HAN.search(text) or re.search(r"\w", text))


def _han_share(en: str) -> float:
    """Share of Chinese in a text, counting a Chinese character as three Latin letters."""
    han = len(_HAN.findall(en))
    letters = len(_LATIN_ALNUM.findall(en))
    return 3 * han / (3 * han + letters) if han or letters else 0.0


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


_WORD = re.compile(rf"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[{HAN_CHARS}]")


def _loop(text: str, *, words: bool, times: int | None = None) -> str | None:
    """The repeated unit of a loop: a word run 4+ times, a phrase of 2-8 words 3+ times, or a
    string of Chinese characters 3+ times (one character 6+ times); `times` asks for more."""
    if words:
        tokens = [t.lower() for t in re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", text)]
        for n in range(1, 9):
            need = times or (4 if n == 1 else 3)
            for i in range(0, len(tokens) - n * need + 1):
                unit = tokens[i : i + n]
                if all(tokens[i + k * n : i + (k + 1) * n] == unit for k in range(1, need)):
                    if n == 1 and unit[0].isdigit():
                        continue
                    return " ".join(unit)
        return None
    chars = "".join(_HAN.findall(text))
    m = re.search(r"(.)\1{5,}|(.{2,12}?)\2{2,}", chars)
    if m:
        return m.group(1) or m.group(2)
    return None


def _loop_in_source(unit: str, source: str) -> bool:
    """A repetition the source has too (哈哈哈, a list) is not a model loop."""
    if _HAN.search(unit):
        return unit * 3 in "".join(_HAN.findall(source)) or unit * 2 in source
    return False
