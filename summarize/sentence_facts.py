"""What a news sentence says, for the extractive summarizer: the figures it states, the names
it gives, whether it is a quote, a scene or a thesis, and the credit a summary must not start with.

A reader's summary carries an article's key facts: who did what, how much, where. These are
cheap surface signals of them, read with the number module (figures) and jieba's part-of-speech
tags (names); nothing here is tuned to one page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .text import HAN_CHARS

# Quantity kinds that are an article's figures (amounts, counts, shares); dates, clock times,
# years, ordinals and durations say when, not how much.
_FIGURE_KINDS = {"money", "percent", "points", "multiple", "permille", "number"}
MIN_PLAIN_FIGURE = 10  # a bare count below this (两项, 3个) is rarely what an article is about
_NAME_TAGS = {"nr", "nrfg", "nrt", "ns", "nt", "nz"}
_PERSON_TAGS = {"nr", "nrfg", "nrt"}
# She or he, as a profile calls the person its headline names (not 其他, 他人, 他乡).
_PERSONAL_PRONOUN = re.compile(r"她|(?<!其)他(?![人乡国处])")
_DATE_KINDS = {"date", "year", "time", "ordinal", "duration", "decade"}

_HAN = HAN_CHARS
# Credits and datelines a summary must not start with: 本报讯, 拉萨讯：, 记者江宝章报道：,
# (记者 张三 通讯员 李四), 新华社北京7月26日电, and several of them in a row.
_LEADING_CREDIT = re.compile(
    rf"""^\s*(?:
        [（(【\[][^）)】\]]{{0,40}}?(?:记者|通讯员|报道|摄)[^）)】\]]{{0,40}}?[）)】\]]
      | (?:本报|本刊|全媒体|融媒体|首席|特约|实习)*记者[{_HAN}·、\s]{{2,20}}?
        (?:报道|采写|整理|发自[{_HAN}]{{1,10}}|电)\s*[：:，,]
      | 通讯员[{_HAN}·、\s]{{2,16}}?[：:]
      | (?:本报|本刊|本台|本网)[^，。,\s：:]{{0,16}}?(?:讯|电)\s*[：:]?
      | [{_HAN}A-Za-z]{{1,12}}?(?:社|网|报|台|新闻|客户端)[^，。,\s]{{0,16}}?(?:\d{{1,2}}月)?\d{{1,2}}日(?:电|讯)
      | [{_HAN}]{{2,8}}讯\s*[：:]
    )\s*""",
    re.VERBOSE,
)
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")
_OPENS_WITH_QUOTE = re.compile(r"^\s*[“「『\"]")
# Scene-setting openings of features and profiles: where the reporter walks in, the time of day,
# the season, someone busy at work.
_SCENE = re.compile(
    r"^\s*(?:走进|走入|步入|来到|推开|走在|漫步|穿过|清晨|一大早|大清早|早上|凌晨|傍晚|夜幕|入夜|"
    r"初夏|盛夏|初秋|深秋|金秋|寒冬|隆冬|初春|早春|春日|夏日|秋日|冬日|眼下|近日的一个)"
    r"|正忙着|正忙于|忙碌着|映入眼帘|只见"
)
_YEAR = re.compile(r"(?:18|19|20)\d\d")
_QUESTION = re.compile(r"[？?][”’」』）)\"']*\s*$")
_CONTENT = re.compile(rf"[0-9A-Za-z{_HAN}]")


def strip_credit(sentence: str) -> str:
    """`sentence` without the credits and datelines it starts with (记者江宝章报道：, 拉萨讯：,
    本报讯, 新华社北京7月26日电, (记者 张三)); unchanged when nothing would be left."""
    text = sentence
    while True:
        match = _LEADING_CREDIT.match(text)
        if not match or not match.end() or not _CONTENT.search(text[match.end() :]):
            return text if text.strip() else sentence
        text = text[match.end() :]


def is_credit(text: str) -> bool:
    """Whether `text` is nothing but credits and datelines (记者江宝章报道：)."""
    match = _LEADING_CREDIT.match(text)
    return bool(match) and not _CONTENT.search(text[match.end() :])


@dataclass(frozen=True)
class Figure:
    value: Decimal
    kind: str

    def matches(self, other: Figure) -> bool:
        """Same amount, told the same way or as a bare number (超5500万元 ~ 5500余万元 ~ 5500万)."""
        return self.value == other.value and (self.kind == other.kind or "number" in (self.kind, other.kind))


@dataclass
class SentenceFacts:
    figures: list[Figure] = field(default_factory=list)  # amounts, counts, shares
    names: set[str] = field(default_factory=set)  # people, places, organizations
    pronoun: bool = False  # speaks of someone as she or he
    dated: bool = False  # says when
    quote: bool = False  # mostly someone's words in quotation marks
    scene: bool = False  # sets a scene rather than stating a fact
    question: bool = False

    @property
    def factual(self) -> float:
        """1 for a sentence that says how much or when, 0.5 for one that only names who or where,
        0 for an abstract thesis."""
        return 1.0 if self.figures or self.dated else 0.5 if self.names else 0.0


def figures(text: str) -> list[Figure]:
    """The amounts, counts and shares `text` states (not its dates, times or durations)."""
    from .quantities import find_quantities

    found = []
    for q in find_quantities(text):
        if q.kind not in _FIGURE_KINDS or (q.kind == "number" and q.value < MIN_PLAIN_FIGURE):
            continue
        if q.kind == "number" and _YEAR.fullmatch(q.text.strip()):
            continue  # 2026义博会: the year of an event's name
        found.append(Figure(q.value, q.kind))
    return found


def names(text: str, *, people_only: bool = False) -> set[str]:
    """Names of people, places and organizations (or people only) jieba finds in `text`."""
    from .chinese_words import jieba_module

    jieba_module()
    import jieba.posseg

    tags = _PERSON_TAGS if people_only else _NAME_TAGS
    return {p.word for p in jieba.posseg.lcut(text) if p.flag in tags and len(p.word) > 1}


def sentence_facts(text: str) -> SentenceFacts:
    from .quantities import find_quantities

    quantities = find_quantities(text)
    content = len(_CONTENT.findall(text)) or 1
    quoted = sum(len(_CONTENT.findall(m.group())) for m in _QUOTED.finditer(text))
    return SentenceFacts(
        figures=figures(text),
        names=names(text),
        pronoun=bool(_PERSONAL_PRONOUN.search(text)),
        dated=any(q.kind in _DATE_KINDS for q in quantities),
        quote=bool(_OPENS_WITH_QUOTE.match(text)) and quoted / content >= 0.5 or quoted / content >= 0.8,
        scene=bool(_SCENE.search(text)),
        question=bool(_QUESTION.search(text)),
    )
