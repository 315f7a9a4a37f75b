"""English for one Chinese word in the key-facts gloss (summarize/gloss.py): a name (glossary,
CC-CEDICT's proper nouns, or pinyin where a name is surely meant), a news sense from the package's
table (summarize/data/news_senses.tsv), a short CC-CEDICT sense, or a compound's parts; and English
plurals for counted nouns.

The news-sense table is for the gloss only: unlike the glossary (summarize/glossary.py), whose
English is written into the Chinese before machine translation, it holds common words, whose right
English depends on context a translation model sees and a gloss does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from .text import HAN as _HAN

if TYPE_CHECKING:
    from .glossary import Glossary

NUMERAL_START = re.compile(r"^[0-9０-９一二三四五六七八九十两百千万]")
# jieba part-of-speech tags (ICTCLAS set).
PERSON_TAGS = {"nr", "nrfg", "nrt"}
PLACE_TAGS = {"ns"}
ORG_TAGS = {"nt", "nz"}
# Administrative and institutional suffixes of names: 金华市 -> Jinhua City.
_NAME_SUFFIXES = {
    "省": "Province",
    "市": "City",
    "县": "County",
    "区": "District",
    "镇": "Town",
    "乡": "Township",
    "村": "Village",
    "街道": "Subdistrict",
    "自治区": "Autonomous Region",
    "自治州": "Autonomous Prefecture",
    "路": "Road",
    "大道": "Avenue",
}
# Last characters of place names that jieba may tag as people (富春山, 胡志明市).
_PLACE_ENDINGS = frozenset("省市县区镇乡村山江河湖岛")
# Single characters that head or end institutional compounds CC-CEDICT does not list.
_SINGLE_PREFIXES = {
    "省": "provincial", "市": "municipal", "县": "county", "区": "district", "国": "national",
    "新": "new", "总": "overall", "副": "deputy",
}  # fmt: skip
_SINGLE_SUFFIXES = {
    "局": "bureau", "厅": "department", "委": "committee", "院": "institute", "所": "institute",
    "馆": "hall", "站": "station", "厂": "factory", "店": "shop", "园": "park", "城": "city",
    "户": "household", "商": "merchant", "员": "staff", "展": "exhibition",
    "部": "ministry", "办": "office", "队": "team", "组": "group", "港": "port", "司": "department",
    "会": "meeting",
}  # fmt: skip
_UNCOUNTABLE = {
    "information", "equipment", "news", "software", "furniture", "merchandise", "research",
    "evidence", "staff", "personnel", "capital", "money", "data", "traffic", "cargo", "freight",
    "wood", "bamboo", "machinery", "livestock", "poultry", "grain", "clothing", "hardware",
    "advice", "progress", "knowledge", "investment", "funding", "infrastructure", "population",
}  # fmt: skip
_IRREGULAR_PLURALS = {
    "person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet",
    "tooth": "teeth", "mouse": "mice", "leaf": "leaves", "life": "lives", "wife": "wives",
    "knife": "knives", "shelf": "shelves", "half": "halves", "analysis": "analyses",
    "crisis": "crises", "phenomenon": "phenomena", "criterion": "criteria",
}  # fmt: skip
LEFT_OUT = "-"  # in the table: a word whose sense only context tells (转机, 街道); never glossed


@lru_cache(maxsize=1)
def news_senses() -> dict[str, str]:
    """The package's news-sense table (summarize/data/news_senses.tsv, `中文<TAB>English`, `#`
    comments): the English a news reader expects for words whose first CC-CEDICT sense is wrong
    in news (出口 "an exit" -> export) or which CC-CEDICT lacks (新一轮 -> new round)."""
    from importlib import resources

    text = resources.files("summarize").joinpath("data", "news_senses.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        zh, tab, en = line.partition("\t")
        if tab and zh.strip() and not zh.startswith("#") and en.strip():
            table[zh.strip()] = en.strip()
    return table


def news_sense(word: str) -> str | None:
    """The news sense of `word` from the table, or None (also for a word the table leaves out)."""
    english = news_senses().get(word)
    return None if english == LEFT_OUT else english


def left_out(word: str) -> bool:
    """Whether the table says to leave `word` out of a gloss."""
    return news_senses().get(word) == LEFT_OUT


def plural(phrase: str) -> str:
    parts = phrase.split(" and ")
    return " and ".join(_plural_noun(p) for p in parts)


def _plural_noun(phrase: str) -> str:
    head, of, tail = phrase.partition(" of ")
    if of and head:  # scope of authority -> scopes of authority
        return f"{_plural_noun(head)} of {tail}"
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    lower = last.lower()
    if lower in _UNCOUNTABLE or not lower.isalpha() or (lower.endswith("s") and not lower.endswith("ss")):
        return phrase
    if lower in _IRREGULAR_PLURALS:
        plural = _IRREGULAR_PLURALS[lower]
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u"):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return " ".join(words[:-1] + [plural])


def _jieba_word(word: str) -> bool:
    """Whether jieba's dictionary has `word` as a common word (夏秋 "summer and autumn")."""
    from .chinese_words import jieba_module

    jieba_module()
    import jieba.posseg

    tag = jieba.posseg.dt.word_tag_tab.get(word, "")
    return jieba.dt.FREQ.get(word, 0) > 0 and tag not in PERSON_TAGS | PLACE_TAGS | ORG_TAGS


def is_surname(word: str) -> bool:
    from . import cedict

    return len(word) <= 2 and cedict.surname(word) is not None


def is_common_word(word: str) -> bool:
    from . import cedict

    return any(not e.proper for e in cedict.entries(word))


def known_name(word: str) -> str | None:
    """The English name of a word CC-CEDICT lists as a proper noun only, whatever jieba's tag
    (abbreviations come tagged j: 美联储, 亚运会, 世贸组织)."""
    from . import cedict

    if len(word) < 2 or not is_name(word):
        return None
    return cedict.proper_name(word)


def is_name(word: str) -> bool:
    """jieba's name tags also land on common words (齐全/nr "complete", 联通/nz "to connect"): a
    name has no common CC-CEDICT entry (or a proper one only) and does not start with a numeral."""
    from . import cedict

    if NUMERAL_START.match(word) or not _HAN.search(word):
        return False
    return not any(not e.proper for e in cedict.entries(word))


def name_english(word: str, tag: str, lookup: Callable[[str], str | None] | None, *, guess: bool = True) -> str | None:
    """English of a name: the glossary's, CC-CEDICT's, or its parts'; pinyin only where a name is
    surely meant (`guess`): a person's name with a known surname, a place with an administrative
    suffix (金华市), a place jieba knows that is no doubled word (美美). An organization or event
    jieba tags (全运会/nz) is never written as pinyin: its English is a translation."""
    from . import cedict

    if lookup:
        found = lookup(word)
        if found:
            return found
    if tag in PERSON_TAGS:
        # A person's name never splits into common words: 明显改善/nr is "clear; improve".
        composed = _compose(word, verbs=True) if len(word) >= 4 else None
        known = composed or cedict.proper_name(word)
        if known or not guess or len(word) > 4:
            return known
        if len(word) == 3 and (is_common_word(word[:2]) or _jieba_word(word[:2])) and not is_surname(word[:2]):
            return None  # 夏秋航(季): "summer and autumn", not a Mr Xia
        return person_name(word) if is_surname(word[:1]) or is_surname(word[:2]) else None
    # Pinyin only for a place with an administrative suffix on a name of its own (佛堂镇): a bare
    # word jieba takes for a place is often a common one (新区 "new district", 美美).
    suffix = next((s for s in _NAME_SUFFIXES if word.endswith(s) and len(word) - len(s) >= 2), None)
    return place_name(word, lookup, guess=guess and suffix is not None)


def chinese_person_name(word: str, tag: str) -> str | None:
    """How `word`, tagged a person by jieba, is written in English when it is a name whose
    spelling is known: CC-CEDICT's (习近平 -> Xi Jinping), else the pinyin of a Chinese name (傅妙玲
    -> Fu Miaoling); None otherwise. jieba's person tag also lands on common words (齐全, 明显改善,
    金点子), places (富春山, 胡志明市) and foreign names (圣保罗), whose English is not pinyin: a
    name here has 2 to 4 characters, starts with a surname, does not end like a place and, unless
    CC-CEDICT knows it, is not a surname and a common word, or common words."""
    from . import cedict

    if tag not in ("nr", "nrfg") or not 2 <= len(word) <= 4 or not is_name(word):
        return None
    family = 2 if is_surname(word[:2]) and len(word) >= 3 else 1
    if not is_surname(word[:family]) or word[-1] in _PLACE_ENDINGS:
        return None
    known = cedict.proper_name(word)
    if known:
        return known
    if (len(word) - family >= 2 and is_common_word(word[family:])) or (len(word) >= 4 and _compose(word, verbs=True)):
        return None
    return person_name(word)


def person_name(word: str) -> str:
    """A Chinese person's name in pinyin, surname first: 傅妙玲 -> Fu Miaoling; a name CC-CEDICT
    knows keeps its spelling there (习近平 -> Xi Jinping)."""
    from . import cedict

    known = cedict.proper_name(word)
    if known:
        return known
    split = 2 if len(word) >= 3 and cedict.surname(word[:2]) else 1
    family = cedict.surname(word[:split]) or romanize(word[:split])
    given = romanize(word[split:])
    return f"{family} {given}".strip() if given else family


def place_name(word: str, lookup: Callable[[str], str | None] | None = None, *, guess: bool = True) -> str | None:
    """A place or organization name: CC-CEDICT's English name, else the name of its stem plus
    the English of an administrative suffix (金华市 -> Jinhua City), else its parts' English, else
    (when `guess`) pinyin (稠城 -> Choucheng)."""
    from . import cedict

    suffixed = [(s, e) for s, e in _NAME_SUFFIXES.items() if word.endswith(s) and len(word) - len(s) >= 2]
    for suffix, english in sorted(suffixed, key=lambda item: -len(item[0])):
        stem = word[: -len(suffix)]
        stem_name = (lookup(stem) if lookup else None) or cedict.proper_name(stem)
        if stem_name:
            return f"{stem_name} {english}"
    known = cedict.proper_name(word)
    if known:
        return known
    composed = _compose(word)  # 西北地区: northwest region, not "Xibeidi District"
    if composed or not guess:
        return composed
    if suffixed:
        suffix, english = max(suffixed, key=lambda item: len(item[0]))
        return f"{romanize(word[: -len(suffix)])} {english}"
    return romanize(word)


def romanize(chars: str) -> str:
    """Hanyu pinyin of `chars` as one capitalized word, with an apostrophe before a syllable
    that starts with a vowel (西安 -> Xi'an). Characters without a reading are kept."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(chars, v_to_u=True, errors=lambda text: list(text))
    word = ""
    for syllable in syllables:
        if word and syllable[:1] in ("a", "o", "e") and word[-1:].isalpha():
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def term_english(word: str, *, noun: bool) -> str | None:
    """A short CC-CEDICT sense of a common word, or for a noun CC-CEDICT lacks, the English of
    its parts (市科技局 -> municipal science and technology bureau)."""
    from . import cedict

    if news_sense(word) or left_out(word):
        return news_sense(word)
    if len({e.pinyin.lower() for e in cedict.entries(word) if not e.proper}) > 1:
        return None  # 同行: tóngháng "peers" or tóngxíng "go together", 背着: bēi or bèi; context decides
    return cedict.sense(word, reading=_reading(word), noun=noun) or (_compose(word) if noun else None)


def glossary_lookup(glossary: Glossary | None) -> Callable[[str], str | None] | None:
    """The glossary's English for a word, as the `lookup` of the functions here."""
    if glossary is None:
        return None

    def lookup(zh: str) -> str | None:
        entry = glossary.get(zh)
        return entry.en if entry else None

    return lookup


def word_english(word: str, tag: str, lookup: Callable[[str], str | None] | None = None) -> str | None:
    """English for one word (jieba's `tag`) seen without its sentence: the glossary's (`lookup`),
    a name's (pinyin only where a name is surely meant), or a news or CC-CEDICT sense; None when
    none is known or context would decide."""
    if lookup:
        found = lookup(word)
        if found:
            return found
    if tag in PERSON_TAGS | PLACE_TAGS | ORG_TAGS and is_name(word):
        named = name_english(word, tag, lookup)
        if named:
            return named
    return known_name(word) or term_english(word, noun=tag != "v")


def _compose(word: str, *, verbs: bool = False) -> str | None:
    """English of a compound noun from dictionary or news-sense words of two or more characters,
    plus one leading or trailing institutional character (省政府 -> provincial government, 经营户
    -> None: 经营 is a verb, unless `verbs`). None unless every part is found. The single
    characters are tried as affixes first, then as part of a word (福特公司: 公司, not 司)."""
    prefix = _SINGLE_PREFIXES.get(word[:1], "") if len(word) > 2 else ""
    suffix = _SINGLE_SUFFIXES.get(word[-1:], "") if len(word) > 2 else ""
    for lead, tail in dict.fromkeys(((prefix, suffix), (prefix, ""), ("", suffix), ("", ""))):
        core = word[1 if lead else 0 : -1 if tail else len(word)]
        middle = _compose_parts(core, word, verbs)
        if middle is None:
            continue
        parts = ([lead] if lead else []) + middle + ([tail] if tail else [])
        if len(parts) >= 2:
            return " ".join(parts)
    return None


def _compose_parts(core: str, word: str, verbs: bool) -> list[str] | None:
    """The English of `core` as dictionary or news-sense words of two or more characters, longest
    first from the left; None unless every part is found."""
    from . import cedict

    table = news_senses()
    parts = []
    i = 0
    while i < len(core):
        for j in range(len(core), i + 1, -1):
            piece = core[i:j]
            if piece != word and (piece in table or cedict.contains(piece)):
                break
        else:
            return None
        if table.get(piece) == LEFT_OUT:
            return None
        english = table.get(piece) or (None if is_common_word(piece) else cedict.proper_name(piece))
        english = english or cedict.sense(piece, reading=_reading(piece), noun=True, strict=not verbs)
        if not english:
            return None
        parts.append(english.removeprefix("the ") if parts else english)  # broad public
        i = j
    return parts


def _reading(word: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(word, v_to_u=False, errors="ignore"))
