"""English key-facts gloss: what an English reader needs to skim a Chinese sentence when no
translation model is available. It is a gloss, labelled as one, never a translation.

For each sentence, in the order they appear:
- every quantity, converted exactly by `summarize.quantities` (1550亿元 -> 155 billion yuan), with the
  noun it counts when the Chinese uses a measure word (超210万种商品 -> over 2.1 million kinds of
  commodities);
- names of people, places and organizations: the user's or default glossary, else CC-CEDICT's
  proper-noun entries (雅加达 -> Jakarta), else pinyin (傅妙玲 -> Fu Miaoling, 金华市 -> Jinhua City);
- the most informative other words: their news sense from the package's curated table
  (summarize/data/news_senses.tsv: 出口 -> export, 正值 -> just at, 种粮大户 -> large grain
  grower), else a short, common CC-CEDICT sense, else, for a compound CC-CEDICT lacks, the senses
  of its parts (统计分析司 -> statistics analysis department). A word jieba tags as a name but
  which is a common word or compound (惠及, 明显改善) is glossed as such, never written as pinyin.

The news-sense table is for the gloss only: unlike the glossary (summarize/glossary.py), whose
English is written into the Chinese before machine translation, it holds common words, whose
right English depends on context a translation model sees and a gloss does not.

    [gloss] May 15; municipal science and technology bureau; first quarter; 2.366 billion yuan; ...

Items are separated by "; ", sentences by " | ".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from .digest import GLOSS_LABEL, GLOSS_SENTENCE_SEPARATOR
from .registry import EngineInfo, EngineOptions, Progress
from .text import HAN as _HAN
from .text import sentence_texts

if TYPE_CHECKING:
    from .glossary import Glossary

REVISION = "keyfacts/3"  # bump when the output changes: caches and up-to-date exports key on it
LABEL = GLOSS_LABEL
ITEM_SEPARATOR = "; "
SENTENCE_SEPARATOR = GLOSS_SENTENCE_SEPARATOR
MAX_TERMS = 6  # per sentence; quantities and names are never dropped
MIN_TERM_IDF = 5.0  # words at least this rare in general news (jieba's IDF) are worth a gloss
MAX_PHRASE_TOKENS = 4  # a news-sense entry jieba cuts apart (种粮/大户) spans at most this many words

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.'’+-]*")
_NUMERAL_START = re.compile(r"^[0-9０-９一二三四五六七八九十两百千万]")

# jieba part-of-speech tags (ICTCLAS set).
_PERSON_TAGS = {"nr", "nrfg", "nrt"}
_PLACE_TAGS = {"ns"}
_ORG_TAGS = {"nt", "nz"}
_NOUN_TAGS = {"n", "nz", "nt", "ns", "j", "ng", "nl"}  # what a count can be of
_TERM_TAGS = {"n", "vn", "nz", "nt", "j", "an", "i", "nl", "v", "common"}
_CONJUNCTIONS = {"和", "与", "及", "以及", "、"}

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
}
_PLACE_ENDINGS = frozenset("省市县区镇乡村山江河湖岛")
# Single characters that head or end institutional compounds CC-CEDICT does not list.
_SINGLE_PREFIXES = {
    "省": "provincial", "市": "municipal", "县": "county", "区": "district", "国": "national",
    "新": "new", "总": "overall", "副": "deputy",
}  # fmt: skip
_SINGLE_SUFFIXES = {
    "局": "bureau", "厅": "department", "委": "committee", "院": "institute", "所": "institute",
    "馆": "hall", "站": "station", "厂": "factory", "店": "shop", "园": "park", "城": "city",
    "户": "household", "商": "merchant", "员": "staff", "展": "exhibition", "会": "fair",
    "部": "ministry", "办": "office", "队": "team", "组": "group", "港": "port", "司": "department",
}  # fmt: skip
# News furniture and reporting verbs that carry no fact.
_SKIP_WORDS = {"本报讯", "本报", "记者", "通讯员", "获悉", "据悉", "据了解", "了解到", "表示", "指出"}
# Measure words that say "kinds of" in English: 210万种商品 -> 2.1 million kinds of commodities.
_KIND_MEASURES = ("种", "类")
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


@dataclass
class _Token:
    word: str
    tag: str
    start: int
    end: int
    jieba_tag: str = ""  # before a name tag on a dictionary word became "common" (see _tokens)


@dataclass
class _Item:
    start: int
    text: str
    term_weight: float | None = None  # None: always kept (quantities, names)


def gloss(text: str, glossary: Glossary | None = None) -> str:
    """The labelled key-facts gloss of `text` (one or more sentences). `glossary` terms (names,
    institutions, policy terms) take their English from there first."""
    from .script import to_simplified

    parts = []
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates: not text
    text = to_simplified(text)  # jieba, the number module and the glossary read Simplified
    for sentence in sentence_texts(text) or [text]:
        items = key_facts(sentence, glossary)
        if items:
            parts.append(ITEM_SEPARATOR.join(items))
    return f"{LABEL} {SENTENCE_SEPARATOR.join(parts)}" if parts else LABEL


def key_facts(sentence: str, glossary: Glossary | None = None) -> list[str]:
    """The English key facts of one sentence, in their order in the sentence."""
    from .chinese_words import idf_table
    from .quantities import find_quantities, to_english

    idf, unseen = idf_table()
    tokens = _tokens(sentence)
    used = [False] * len(tokens)
    items: list[_Item] = []
    lookup = _lookup(glossary)
    quantities = find_quantities(sentence)

    if glossary is not None:
        for start, end, entry in glossary.find(sentence):
            if any(q.start < end and q.end > start for q in quantities):
                continue  # the number module says numbers (十五五), exactly
            items.append(_Item(start, entry.en))
            for k, token in enumerate(tokens):
                if token.start < end and token.end > start:
                    used[k] = True

    # Before the counts: 3个货柜意向合作 counts containers, not the first word of 意向合作.
    in_quantity = [any(q.start < t.end and q.end > t.start for q in quantities) for t in tokens]
    for start, end, english in _news_phrases(tokens, [u or q for u, q in zip(used, in_quantity)]):
        used[start:end] = [True] * (end - start)
        weight = max(idf.get(t.word, unseen) for t in tokens[start:end])
        if weight >= MIN_TERM_IDF:
            items.append(_Item(tokens[start].start, english, weight))

    for quantity in quantities:
        text = to_english(quantity)
        if not text:
            continue
        after = [k for k, t in enumerate(tokens) if t.start >= quantity.end]
        for k, token in enumerate(tokens):
            if token.start < quantity.end and token.end > quantity.start:
                used[k] = True
        if quantity.kind == "number" and quantity.unit is None:
            counted = _counted_noun(tokens, after, used, lookup, quantity.end)
            if counted:
                kinds = "kinds of " if quantity.text.rstrip().endswith(_KIND_MEASURES) else ""
                many = quantity.value != 1 or quantity.upper is not None or quantity.qualifier
                text = f"{text} {kinds}{_plural(counted) if many else counted}"
        items.append(_Item(quantity.start, text))

    k = 0
    while k < len(tokens):
        token = tokens[k]
        if used[k]:
            k += 1
            continue
        if token.word in _SKIP_WORDS:
            pass
        elif news_sense(token.word):  # before the name tags: jieba tags 惠及 ns, 新一轮 nz
            weight = idf.get(token.word, unseen)
            if weight >= MIN_TERM_IDF and (token.tag != "v" or weight >= MIN_TERM_IDF + 2):
                items.append(_Item(token.start, news_sense(token.word), weight))
        elif token.tag == "eng" or (_LATIN_WORD.fullmatch(token.word) and len(token.word) > 1):
            items.append(_Item(token.start, token.word))
        elif token.tag in _PERSON_TAGS or (token.tag in _PLACE_TAGS and _is_name(token.word)) or token.tag in _ORG_TAGS:
            word, tag = token.word, token.tag
            # jieba often splits a name after its surname: 龚/nr 盈盈/z, 欧阳/ns 娜娜/nrt.
            follower = tokens[k + 1] if k + 1 < len(tokens) else None
            if (
                follower is not None
                and (tag in _PERSON_TAGS or follower.tag in _PERSON_TAGS)
                and _surname(word)
                and follower.start == token.end
                and not used[k + 1]
                and 1 <= len(follower.word) <= 2
                and _HAN.search(follower.word)
                and (not _common_word(follower.word) or _given_name_after(token, follower))
            ):
                word, tag = word + follower.word, "nr"
                used[k + 1] = True
            # A lone surname is no name: jieba cut off a character of a longer word (统计分析/司/司长).
            name = None if tag in _PERSON_TAGS and len(word) == 1 else _name(word, tag, lookup)
            if name:
                items.append(_Item(token.start, name))
        elif _known_name(token.word):  # 美联储/j "US Federal Reserve", 亚运会/j "Asian Games"
            items.append(_Item(token.start, _known_name(token.word)))
        elif token.tag in _TERM_TAGS and len(token.word) > 1 and _HAN.search(token.word):
            weight = idf.get(token.word, unseen)
            if weight >= MIN_TERM_IDF and (token.tag != "v" or weight >= MIN_TERM_IDF + 2):
                english = _term(token.word, noun=token.tag != "v")
                if english:
                    items.append(_Item(token.start, english, weight))
        used[k] = True
        k += 1

    terms = sorted((i for i in items if i.term_weight is not None), key=lambda i: -i.term_weight)
    dropped = {id(i) for i in terms[MAX_TERMS:]}
    out: list[str] = []
    seen: set[str] = set()
    for item in sorted(items, key=lambda i: i.start):
        key = item.text.lower()
        if id(item) in dropped or key in seen:
            continue
        seen.add(key)
        out.append(item.text)
    return out


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
    """The news sense of `word` from the table, or None."""
    return news_senses().get(word)


def _news_phrases(tokens: list[_Token], taken: list[bool]) -> list[tuple[int, int, str]]:
    """Table entries jieba cuts into adjacent words (种粮/大户, 意向/订单, 总/基调) among tokens
    not `taken`, longest first, as (first token, token after the last, English)."""
    table = news_senses()
    found = []
    k = 0
    while k < len(tokens):
        for end in range(min(len(tokens), k + MAX_PHRASE_TOKENS), k + 1, -1):
            span = tokens[k:end]
            if any(taken[k:end]) or any(a.end != b.start for a, b in pairwise(span)):
                continue
            english = table.get("".join(t.word for t in span))
            if english:
                found.append((k, end, english))
                k = end - 1
                break
        k += 1
    return found


def _lookup(glossary: Glossary | None) -> Callable[[str], str | None] | None:
    if glossary is None:
        return None

    def lookup(zh: str) -> str | None:
        entry = glossary.get(zh)
        return entry.en if entry else None

    return lookup


def _tokens(sentence: str) -> list[_Token]:
    from .chinese_words import jieba_module

    jieba_module()
    import jieba.posseg

    tokens, position = [], 0
    for pair in jieba.posseg.lcut(sentence):
        word, tag = pair.word, pair.flag
        start = sentence.find(word, position)
        if start < 0:
            start = position
        position = start + len(word)
        if not word.strip():
            continue
        jieba_tag = tag
        if tag in _PERSON_TAGS | _ORG_TAGS and len(word) > 1 and not _is_name(word):
            tag = "common"  # a dictionary word jieba took for a name (齐全/nr, 联通/nz "to connect")
        tokens.append(_Token(word, tag, start, position, jieba_tag))
    return tokens


def _counted_noun(
    tokens: list[_Token],
    after: list[int],
    used: list[bool],
    lookup: Callable[[str], str | None] | None,
    start: int,
) -> str | None:
    """English for the noun phrase a count is about: the head (last) noun of each run of nouns
    right after the quantity, joined by "and" (230多个国家和地区 -> countries and regions)."""
    heads: list[str] = []
    run: list[int] = []
    next_start = start

    def close_run() -> None:
        if run:
            head = tokens[run[-1]]
            english = (lookup(head.word) if lookup else None) or _term(head.word, noun=True)
            if english:
                heads.append(english)
                used[run[-1]] = True
            run.clear()

    for k in after:
        token = tokens[k]
        if used[k] or (not run and not heads and token.start > next_start):
            break  # a glossary term, or not right after the number
        next_start = token.end
        if token.tag in _NOUN_TAGS and _HAN.search(token.word) and not _NUMERAL_START.match(token.word):
            run.append(k)
        elif token.word in _CONJUNCTIONS and run:
            close_run()
        else:
            break
    close_run()
    return " and ".join(heads) or None


def _plural(phrase: str) -> str:
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


def _given_name_after(surname: _Token, follower: _Token) -> bool:
    """Whether jieba, having cut a one-character surname off as a person (赵/nr), also took the
    word after it for a name although it is a dictionary word: 德才/nr "ethics and ability" in
    赵德才, 万安/nz "completely secure" in 蒋万安."""
    return len(surname.word) == 1 and surname.tag in _PERSON_TAGS and follower.jieba_tag in _PERSON_TAGS | {"nz"}


def _surname(word: str) -> bool:
    from . import cedict

    return len(word) <= 2 and cedict.surname(word) is not None


def _common_word(word: str) -> bool:
    from . import cedict

    return any(not e.proper for e in cedict.entries(word))


def _known_name(word: str) -> str | None:
    """The English name of a word CC-CEDICT lists as a proper noun only, whatever jieba's tag
    (abbreviations come tagged j: 美联储, 亚运会, 世贸组织)."""
    from . import cedict

    if len(word) < 2 or not _is_name(word):
        return None
    return cedict.proper_name(word)


def _is_name(word: str) -> bool:
    """jieba's name tags also land on common words (齐全/nr "complete", 联通/nz "to connect"): a
    name has no common CC-CEDICT entry (or a proper one only) and does not start with a numeral."""
    from . import cedict

    if _NUMERAL_START.match(word) or not _HAN.search(word):
        return False
    return not any(not e.proper for e in cedict.entries(word))


def _name(word: str, tag: str, lookup: Callable[[str], str | None] | None) -> str | None:
    if lookup:
        found = lookup(word)
        if found:
            return found
    if tag in _PERSON_TAGS:
        # A person's name never splits into common words: 明显改善/nr is "clear; improve".
        return (_compose(word, verbs=True) if len(word) >= 4 else None) or person_name(word)
    return place_name(word, lookup)


def chinese_person_name(word: str, tag: str) -> str | None:
    """How `word`, tagged a person by jieba, is written in English when it is a name whose
    spelling is known: CC-CEDICT's (习近平 -> Xi Jinping), else the pinyin of a Chinese name (傅妙玲
    -> Fu Miaoling); None otherwise. jieba's person tag also lands on common words (齐全, 明显改善,
    金点子), places (富春山, 胡志明市) and foreign names (圣保罗), whose English is not pinyin: a
    name here has 2 to 4 characters, starts with a surname, does not end like a place and, unless
    CC-CEDICT knows it, is not a surname and a common word, or common words."""
    from . import cedict

    if tag not in ("nr", "nrfg") or not 2 <= len(word) <= 4 or not _is_name(word):
        return None
    family = 2 if _surname(word[:2]) and len(word) >= 3 else 1
    if not _surname(word[:family]) or word[-1] in _PLACE_ENDINGS:
        return None
    known = cedict.proper_name(word)
    if known:
        return known
    if (len(word) - family >= 2 and _common_word(word[family:])) or (len(word) >= 4 and _compose(word, verbs=True)):
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


def place_name(word: str, lookup: Callable[[str], str | None] | None = None) -> str:
    """A place or organization name: CC-CEDICT's English name, else the name of its stem plus
    the English of an administrative suffix (金华市 -> Jinhua City), else pinyin (义乌 -> Yiwu)."""
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
    if suffixed:
        suffix, english = max(suffixed, key=lambda item: len(item[0]))
        return f"{romanize(word[: -len(suffix)])} {english}"
    return _compose(word) or romanize(word)


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


def _term(word: str, *, noun: bool) -> str | None:
    """A short CC-CEDICT sense of a common word, or for a noun CC-CEDICT lacks, the English of
    its parts (市科技局 -> municipal science and technology bureau)."""
    from . import cedict

    found = news_sense(word) or cedict.sense(word, reading=_reading(word), noun=noun)
    return found or (_compose(word) if noun else None)


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
        english = table.get(piece) or (None if _common_word(piece) else cedict.proper_name(piece))
        english = english or cedict.sense(piece, reading=_reading(piece), noun=True, strict=not verbs)
        if not english:
            return None
        parts.append(english.removeprefix("the ") if parts else english)  # broad public
        i = j
    return parts


def _reading(word: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(word, v_to_u=False, errors="ignore"))


class GlossTranslator:
    """The `gloss` translator backend: one labelled key-facts line per input text.

    Names and terms come from `glossary`, else `options.glossary`, else the package's default
    glossary."""

    def __init__(self, options: EngineOptions | None = None, glossary: Glossary | None = None):
        self.options = options or EngineOptions()
        self._glossary = glossary or self.options.glossary
        self.info = EngineInfo(name="gloss", backend="gloss", revision=REVISION, kind="gloss")

    @property
    def glossary(self) -> Glossary:
        if self._glossary is None:
            from .glossary import default_glossary

            self._glossary = default_glossary()
        return self._glossary

    def translate(self, texts: Sequence[str], *, on_progress: Progress | None = None) -> list[str]:
        out = []
        for text in texts:
            out.append(gloss(text, self.glossary))
            if on_progress:
                on_progress(1)
        return out


def _factory(model: str | None, options: EngineOptions) -> GlossTranslator:
    return GlossTranslator(options)


def register(registry) -> None:
    registry.add(
        "translator",
        "gloss",
        _factory,
        "built-in: English key facts (numbers, names, CC-CEDICT terms), labelled [gloss]; no download",
    )
