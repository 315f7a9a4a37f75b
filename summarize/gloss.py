"""English key-facts gloss: what an English reader needs to skim a Chinese sentence when no
translation model is available. It is a gloss, labelled as one, never a translation.

For each sentence, in the order they appear:
- every quantity, converted exactly by `summarize.quantities` (1550亿元 -> 155 billion yuan), with the
  noun it counts when the Chinese uses a measure word (超210万种商品 -> over 2.1 million kinds of
  commodities);
- names of people, places and organizations, and the most informative other words, in English
  from summarize/gloss_words.py: glossary, CC-CEDICT's proper nouns, pinyin where a name is surely
  meant (傅妙玲 -> Fu Miaoling, 金华市 -> Jinhua City), the news-sense table (出口 -> export), a
  short CC-CEDICT sense, or a compound's parts (统计分析司 -> statistics analysis department).

A wrong word is worse than none: where the sentence's context changes a word's reading or makes it
doubtful (十九日 is a date, 郭姓男子 someone surnamed Guo, 久久为功 a set phrase, “富春山居图” a
title, 同行 read two ways, 铺/展出 a doubtful cut), the gloss says the right thing or nothing
(summarize/gloss_context.py and the checks below).

    [gloss] May 15; municipal science and technology bureau; first quarter; 2.366 billion yuan; ...

Items are separated by "; ", sentences by " | ".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from .digest import GLOSS_LABEL, GLOSS_SENTENCE_SEPARATOR
from .gloss_words import (
    LEFT_OUT,
    NUMERAL_START,
    ORG_TAGS,
    PERSON_TAGS,
    PLACE_TAGS,
    glossary_lookup,
    is_common_word,
    is_name,
    is_surname,
    known_name,
    left_out,
    name_english,
    news_sense,
    news_senses,
    plural,
    term_english,
)
from .registry import EngineInfo, EngineOptions, Progress
from .text import HAN as _HAN
from .text import sentence_texts

if TYPE_CHECKING:
    from .glossary import Glossary

REVISION = "keyfacts/4"  # bump when the output changes: caches and up-to-date exports key on it
LABEL = GLOSS_LABEL
ITEM_SEPARATOR = "; "
SENTENCE_SEPARATOR = GLOSS_SENTENCE_SEPARATOR
MAX_TERMS = 6  # per sentence; quantities and names are never dropped
MIN_TERM_IDF = 5.0  # words at least this rare in general news (jieba's IDF) are worth a gloss
MAX_PHRASE_TOKENS = 4  # a news-sense entry jieba cuts apart (种粮/大户) spans at most this many words

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.'’+-]*")

_NOUN_TAGS = {"n", "nz", "nt", "ns", "j", "ng", "nl", "s"}  # what a count can be of
_TERM_TAGS = {"n", "vn", "nz", "nt", "j", "an", "i", "nl", "v", "common"}
_CONJUNCTIONS = {"和", "与", "及", "以及", "、"}


# News furniture and reporting verbs that carry no fact.
_SKIP_WORDS = {"本报讯", "本报", "记者", "通讯员", "获悉", "据悉", "据了解", "了解到", "表示", "指出"}
# Measure words that say "kinds of" in English: 210万种商品 -> 2.1 million kinds of commodities.
_KIND_MEASURES = ("种", "类")


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
    end: int  # the Chinese it glosses is sentence[start:end]
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
    return [english for _, english in key_fact_pairs(sentence, glossary)]


def key_fact_pairs(sentence: str, glossary: Glossary | None = None) -> list[tuple[str, str]]:
    """(the Chinese, its English) for each key fact of one sentence, in sentence order."""
    from . import cedict
    from . import gloss_context as context
    from .chinese_words import idf_table
    from .quantities import find_quantities, to_english

    idf, unseen = idf_table()
    tokens = _tokens(sentence)
    used = [False] * len(tokens)
    items: list[_Item] = []
    lookup = glossary_lookup(glossary)

    def cover(start: int, end: int, *, partly: bool = True) -> None:
        for k, token in enumerate(tokens):
            if (token.start < end and token.end > start) if partly else (start <= token.start and token.end <= end):
                used[k] = True

    # Context first: 郭姓男子 is someone surnamed Guo, 1+4+X a code, not three numbers.
    fixed = context.surnamed(sentence) + context.codes(sentence)
    for span in fixed:
        items.append(_Item(span.start, span.end, span.english))
        cover(span.start, span.end)
    quantities = [
        q
        for q in find_quantities(sentence)
        if not any(s.overlaps(q.start, q.end) for s in fixed) and not _word_not_number(q)
    ]
    quoted = context.quoted(sentence)

    if glossary is not None:
        for start, end, entry in glossary.find(sentence):
            if any(q.start < end and q.end > start for q in quantities) or any(s.overlaps(start, end) for s in fixed):
                continue  # the number module says numbers (十五五), exactly
            items.append(_Item(start, end, entry.en))
            cover(start, end)

    def known(text: str) -> str | None:
        return news_sense(text) or ("" if cedict.contains(text) or (lookup and lookup(text)) else None)

    def named(token: _Token) -> bool:
        return bool(lookup and lookup(token.word)) or bool(known_name(token.word))

    for span in context.fixed_expressions(sentence, tokens, known, named):
        if span.english:
            items.append(_Item(span.start, span.end, span.english, idf.get(sentence[span.start : span.end], unseen)))
        cover(span.start, span.end, partly=False)

    # Before the counts: 3个货柜意向合作 counts containers, not the first word of 意向合作.
    in_quantity = [any(q.start < t.end and q.end > t.start for q in quantities) for t in tokens]
    for start, end, english in _news_phrases(tokens, [u or q for u, q in zip(used, in_quantity)]):
        used[start:end] = [True] * (end - start)
        weight = max(idf.get(t.word, unseen) for t in tokens[start:end])
        if weight >= MIN_TERM_IDF and english != LEFT_OUT:
            items.append(_Item(tokens[start].start, tokens[end - 1].end, english, weight))

    for quantity in quantities:
        text = context.day_date(quantity, sentence) or context.counted_period(quantity, sentence)
        text = text or to_english(quantity)
        if not text:
            continue
        if context.counts_businesses(quantity, sentence):
            text = text.removesuffix(" households").removesuffix(" household")
        end = quantity.end
        after = [k for k, t in enumerate(tokens) if t.start >= quantity.end]
        cover(quantity.start, quantity.end)
        if quantity.kind == "number" and quantity.unit is None:
            counted = _counted_noun(tokens, after, used, lookup, quantity.end)
            if counted:
                noun, end = counted
                kinds = "kinds of " if quantity.text.rstrip().endswith(_KIND_MEASURES) else ""
                many = quantity.value != 1 or quantity.upper is not None or quantity.qualifier
                text = f"{text} {kinds}{plural(noun) if many else noun}"
        items.append(_Item(quantity.start, end, text))

    k = 0
    while k < len(tokens):
        token = tokens[k]
        if used[k]:
            k += 1
            continue
        if token.word in _SKIP_WORDS or left_out(token.word):
            pass
        elif news_sense(token.word):  # before the name tags: jieba tags 惠及 ns, 新一轮 nz
            weight = idf.get(token.word, unseen)
            if weight >= MIN_TERM_IDF and (token.tag != "v" or weight >= MIN_TERM_IDF + 2):
                items.append(_Item(token.start, token.end, news_sense(token.word), weight))
        elif token.tag == "eng" or (_LATIN_WORD.fullmatch(token.word) and len(token.word) > 1):
            if len(token.word) > 1:  # a lone letter (C位, A股) says nothing on its own
                items.append(_Item(token.start, token.end, token.word))
        elif token.tag in PERSON_TAGS or (token.tag in PLACE_TAGS and is_name(token.word)) or token.tag in ORG_TAGS:
            word, tag, end = token.word, token.tag, token.end
            # jieba often splits a name after its surname: 龚/nr 盈盈/z, 欧阳/ns 娜娜/nrt.
            follower = tokens[k + 1] if k + 1 < len(tokens) else None
            if (
                follower is not None
                and (tag in PERSON_TAGS or follower.tag in PERSON_TAGS)
                and is_surname(word)
                and follower.start == token.end
                and not used[k + 1]
                and 1 <= len(follower.word) <= 2
                and _HAN.search(follower.word)
                and (not is_common_word(follower.word) or _given_name_after(token, follower))
            ):
                word, tag, end = word + follower.word, "nr", follower.end
                used[k + 1] = True
            # A lone surname is no name: jieba cut off a character of a longer word (统计分析/司/司长).
            # In quotation or title marks a name-like word is a title or a coined term (“富春山居图”):
            # no pinyin guesses there.
            # Nor where jieba's cut is in doubt: a word with a lone character before it (铺/展出),
            # a name after a lone character it also took for a name (普/惠小微: not Mr Hui).
            lone_name_before = k > 0 and len(tokens[k - 1].word) == 1 and tokens[k - 1].tag in PERSON_TAGS
            lone_name_before = lone_name_before and tokens[k - 1].end == token.start
            guess = not any(q.overlaps(token.start, end) for q in quoted)
            guess = guess and not _cut_in_doubt(tokens, k) and not lone_name_before
            name = None if tag in PERSON_TAGS and len(word) == 1 else name_english(word, tag, lookup, guess=guess)
            if name:
                items.append(_Item(token.start, end, name))
        elif known_name(token.word):  # 美联储/j "US Federal Reserve", 亚运会/j "Asian Games"
            items.append(_Item(token.start, token.end, known_name(token.word)))
        elif token.tag in _TERM_TAGS and len(token.word) > 1 and _HAN.search(token.word):
            weight = idf.get(token.word, unseen)
            if weight >= MIN_TERM_IDF and (token.tag != "v" or weight >= MIN_TERM_IDF + 2):
                ambiguous = _cut_in_doubt(tokens, k)
                english = None if ambiguous else term_english(token.word, noun=token.tag != "v")
                if english:
                    items.append(_Item(token.start, token.end, english, weight))
        used[k] = True
        k += 1

    terms = sorted((i for i in items if i.term_weight is not None), key=lambda i: -i.term_weight)
    dropped = {id(i) for i in terms[MAX_TERMS:]}
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for item in sorted(items, key=lambda i: i.start):
        key = item.text.lower()
        if id(item) in dropped or key in seen:
            continue
        seen.add(key)
        out.append((sentence[item.start : item.end], item.text))
    return out


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
        if tag in PERSON_TAGS | ORG_TAGS and len(word) > 1 and not is_name(word):
            tag = "common"  # a dictionary word jieba took for a name (齐全/nr, 联通/nz "to connect")
        tokens.append(_Token(word, tag, start, position, jieba_tag))
    return tokens


def _counted_noun(
    tokens: list[_Token],
    after: list[int],
    used: list[bool],
    lookup: Callable[[str], str | None] | None,
    start: int,
) -> tuple[str, int] | None:
    """English for the noun phrase a count is about, and where it ends: the head (last) noun of
    each run of nouns right after the quantity, joined by "and" (230多个国家和地区 -> countries
    and regions)."""
    heads: list[str] = []
    run: list[int] = []
    next_start = end = start

    def close_run() -> None:
        nonlocal end
        if run:
            head = tokens[run[-1]]
            english = (lookup(head.word) if lookup else None) or term_english(head.word, noun=True)
            if english:
                heads.append(english)
                used[run[-1]] = True
                end = head.end
            run.clear()

    for k in after:
        token = tokens[k]
        if used[k] or (not run and not heads and token.start > next_start):
            break  # a glossary term, or not right after the number
        next_start = token.end
        if len(token.word) == 1 and token.tag in _NOUN_TAGS:
            run.clear()  # a unit the number module does not know (20吉瓦时), not what is counted
            break
        if token.tag in _NOUN_TAGS and _HAN.search(token.word) and not NUMERAL_START.match(token.word):
            run.append(k)
        elif token.word in _CONJUNCTIONS and run:
            close_run()
        else:
            break
    close_run()
    return (" and ".join(heads), end) if heads else None


def _cut_in_doubt(tokens: list[_Token], k: int) -> bool:
    """Whether jieba may have cut the word at `k` wrongly: its first character makes a dictionary
    word with the character before (铺/展出: 铺展 "spread out"; 上/好学: 上好 "first-rate"), or its
    last with the one after. Then its own dictionary sense may not be what the sentence says."""
    from . import cedict

    word = tokens[k].word
    before = tokens[k - 1] if k > 0 and tokens[k - 1].end == tokens[k].start else None
    after = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].start == tokens[k].end else None
    pairs = []
    if before and len(before.word) == 1 and _HAN.match(before.word):
        pairs.append(before.word + word[0])
    if after and len(after.word) == 1 and _HAN.match(after.word):
        pairs.append(word[-1] + after.word)
    return any(any(not e.proper for e in cedict.entries(pair)) for pair in pairs)


def _word_not_number(quantity) -> bool:
    """A word the number module reads as a count: 零 starting a word (零部件 "parts"), or 一 and a
    measure word that make a dictionary word (一度 "for a time", 一线 "front line")."""
    from . import cedict

    text = quantity.text.strip()
    if quantity.value == 0 and quantity.unit is None and text[:1] in ("零", "〇"):
        return True
    return text[:1] == "一" and len(text) == 2 and any(not e.proper for e in cedict.entries(text))


def _given_name_after(surname: _Token, follower: _Token) -> bool:
    """Whether jieba, having cut a one-character surname off as a person (赵/nr), also took the
    word after it for a name although it is a dictionary word: 德才/nr "ethics and ability" in
    赵德才, 万安/nz "completely secure" in 蒋万安."""
    return len(surname.word) == 1 and surname.tag in PERSON_TAGS and follower.jieba_tag in PERSON_TAGS | {"nz"}


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
