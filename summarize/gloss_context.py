"""Where a sentence's context changes what the key-facts gloss may say about a word.

A gloss is read by someone who cannot check the Chinese, so a wrong word is worse than none.
These rules find the spans where a dictionary reading would mislead:
- days written in Chinese numerals are dates (十九日晚间 "the 19th", 本月九日), not durations;
- `郭姓男子` is "a man surnamed Guo", not a name "Guo Xing";
- four-character fixed expressions standing alone between punctuation (久久为功、为民谋利) and
  idioms are left out unless the news-sense table has them: word-by-word senses are wrong;
- text in quotation marks or title marks (“富春山居图”, 《…》) is a title, slogan or coined term:
  no pinyin guesses there;
- codes like 1+4+X are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import HAN_CHARS

_CN_DAY = re.compile(r"^[〇零一二三四五六七八九十廿卅两]{1,3}日$")
# A count of days (三十日内, 七日游, 五日后起): what follows says it is a duration.
_DURATION_AFTER = re.compile(r"^(?:内|以内|之内|以上|游|左右|为限|期限|时间)")
_WHO_SURNAMED = {
    "男子": "a man", "男": "a man", "男性": "a man", "先生": "Mr", "老汉": "an old man", "男孩": "a boy",
    "女子": "a woman", "女": "a woman", "女性": "a woman", "女士": "Ms", "老人": "an elderly person",
    "女孩": "a girl", "司机": "a driver", "市民": "a resident", "村民": "a villager", "学生": "a student",
    "嫌疑人": "a suspect", "犯罪嫌疑人": "a suspect", "老板": "a boss", "店主": "a shop owner",
}  # fmt: skip
_SURNAMED = re.compile(r"姓(?P<who>" + "|".join(sorted(_WHO_SURNAMED, key=len, reverse=True)) + ")")
# 周先生 "Mr Zhou", 刘大爷 "Mr Liu", 周阿姨 "Ms Zhou", 郭某 "Guo" (a name the report withholds).
_TITLED = {
    "先生": "Mr {}", "女士": "Ms {}", "小姐": "Ms {}", "大爷": "Mr {}", "大叔": "Mr {}", "阿姨": "Ms {}",
    "大妈": "Ms {}", "大姐": "Ms {}", "师傅": "{}", "某某": "{}", "某": "{}",
}  # fmt: skip
_TITLE_AFTER = re.compile(r"先生|女士|小姐|大爷|大叔|阿姨|大妈|大姐|师傅|某某|某(?![种些个项地天日年月处部单位企业公司人件次一])")
# A service number (12345热线, 拨打110): kept as written, not read as an amount.
_SERVICE_NUMBER = re.compile(r"(?<![0-9.])[0-9]{3,6}(?=(?:政务|便民)?(?:服务)?(?:热线|专线|电话|客服|平台))|(?<=拨打)[0-9]{3,6}")
_QUOTED = re.compile(r"“[^”]{1,30}”|《[^》]{1,40}》|「[^」]{1,30}」|『[^』]{1,30}』|〈[^〉]{1,30}〉")
_NUMBERED_LINE = re.compile(r"(?<![0-9])([0-9]{1,2})号线")
_CLAUSE_BREAK = re.compile(r"[，。；;,！？!?：:]")
_BUSINESSES = re.compile(r"企业|公司|商户|经营者|经营户|工商户|经营主体|市场主体|主体|网店|店铺|门店|商家|厂家")
_HAN_RUN = re.compile(f"[{HAN_CHARS}]+")
_WORD_CHAR = re.compile(r"[0-9A-Za-z０-９％%]")  # 210万种商品: a run after a digit is no expression
_CODE = re.compile(r"(?<![0-9A-Za-z+])[0-9A-Za-z]{1,3}(?:\+[0-9A-Za-z]{1,3}){1,5}(?![0-9A-Za-z+])")
_FIXED_LENGTH = 4
_IDIOM_TAGS = {"i", "l"}  # jieba: idiom, fixed locution


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    english: str | None = None  # None: say nothing for this span

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def ordinal_day(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"the {day}{suffix}"


def day_date(quantity, sentence: str) -> str | None:
    """"the 19th" for a day of the month in Chinese numerals (十九日晚间, 本月九日, 二十日上午), which
    the number module reads as a count of days; None for a real duration (三十日内)."""
    if quantity.kind != "duration" or not _CN_DAY.match(quantity.text.strip()):
        return None
    if _DURATION_AFTER.match(sentence[quantity.end :]) or quantity.qualifier or quantity.upper is not None:
        return None
    day = int(quantity.value)
    return ordinal_day(day) if 1 <= day <= 31 else None


def _surname_before(sentence: str, end: int) -> tuple[int, str] | None:
    """(start, romanized surname) of the surname CC-CEDICT knows ending at `end` (欧阳, 郭)."""
    from . import cedict

    for size in (2, 1):
        if end - size >= 0:
            surname = cedict.surname(sentence[end - size : end])
            if surname:
                return end - size, surname
    return None


def counted_period(quantity, sentence: str) -> str | None:
    """前三季度 "the first 3 quarters", 前两个月 "the first 2 months": the number module reads the
    count alone (third quarter, 2 months)."""
    if sentence[quantity.start - 1 : quantity.start] != "前" or quantity.qualifier or quantity.upper is not None:
        return None
    n = int(quantity.value)
    if quantity.kind == "ordinal" and quantity.unit == "quarter" and 1 < n <= 4:
        return f"the first {n} quarters"
    if quantity.kind == "duration" and quantity.unit == "months" and 1 < n <= 12:
        return f"the first {n} months"
    return None


def counts_businesses(quantity, sentence: str) -> bool:
    """户 counts businesses, not households, after 企业, 经营者, 工商户, 主体 in the same clause
    (新设企业1.35万户: 13,500 enterprises)."""
    if quantity.unit != "households":
        return False
    clause = _CLAUSE_BREAK.split(sentence[: quantity.start])[-1]
    return bool(_BUSINESSES.search(clause))


def surnamed(sentence: str) -> list[Span]:
    """`郭姓男子` -> "a man surnamed Guo", 周先生 -> "Mr Zhou", 郭某 -> "Guo"."""
    spans = []
    for match in _SURNAMED.finditer(sentence):
        found = _surname_before(sentence, match.start())
        if found:
            spans.append(Span(found[0], match.end(), f"{_WHO_SURNAMED[match['who']]} surnamed {found[1]}"))
    for match in _TITLE_AFTER.finditer(sentence):
        found = _surname_before(sentence, match.start())
        if found and not any(s.overlaps(found[0], match.end()) for s in spans):
            spans.append(Span(found[0], match.end(), _TITLED[match.group()].format(found[1])))
    return spans


def codes(sentence: str) -> list[Span]:
    """Codes like 1+4+X or 1+2+1+X and service numbers (12345热线), kept as written; numbered
    lines (1号线 "Line 1")."""
    found = [*_CODE.finditer(sentence), *_SERVICE_NUMBER.finditer(sentence)]
    spans = [Span(m.start(), m.end(), m.group()) for m in found]
    return spans + [Span(m.start(), m.end(), f"Line {m[1]}") for m in _NUMBERED_LINE.finditer(sentence)]


def quoted(sentence: str) -> list[Span]:
    """Text in quotation or title marks, marks included."""
    return [Span(m.start(), m.end()) for m in _QUOTED.finditer(sentence)]


def fixed_expressions(sentence: str, tokens, known, named) -> list[Span]:
    """Idioms (jieba's i and l tags) and four-character expressions standing alone between
    punctuation that are neither one word `known` knows nor made of such words (久久为功、为民谋利,
    not 订单不断): left out, or given the news-sense table's English when it has the whole. `known(text)` is that English,
    "" for a word a dictionary has, or None; an expression with a token that is `named(token)`
    (义乌何为: Yiwu) is left to the name rules."""
    spans = []
    for token in tokens:
        if token.tag in _IDIOM_TAGS or token.jieba_tag in _IDIOM_TAGS:
            spans.append(Span(token.start, token.end, known(token.word) or None))
    for run in _HAN_RUN.finditer(sentence):
        alone = not _WORD_CHAR.match(sentence[run.start() - 1 : run.start()]) and not _WORD_CHAR.match(
            sentence[run.end() : run.end() + 1]
        )
        if not alone or run.end() - run.start() != _FIXED_LENGTH or any(s.overlaps(run.start(), run.end()) for s in spans):
            continue
        pieces = [t for t in tokens if run.start() <= t.start and t.end <= run.end()]
        if any(named(t) for t in pieces):
            continue
        english = known(run.group())
        # 订单/不断 are two words; 久久/为/功 and 为民/谋利 (为民: no dictionary word) make one.
        made_of_words = all(len(t.word) > 1 and known(t.word) is not None for t in pieces)
        if english or (english is None and not made_of_words):
            spans.append(Span(run.start(), run.end(), english or None))
    return spans
