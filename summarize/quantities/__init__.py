"""Quantities in Chinese news text: find them, value them exactly, say them in English, and
find and compare quantities in English text.

    >>> [to_english(q) for q in find_quantities("今年一季度投入达23.66亿元，同比增长17.9%")]
    ['first quarter', '2.366 billion yuan', 'up 17.9% year on year']

Values are exact `Decimal`s in base units (1550亿元 -> 155000000000). `Quantity.kind` is one of:

- ``number``: a count or amount; `unit` says what of where the Chinese says it ("people" for 人,
  "visits" for 人次, "times" for 次, "households", "km", ...). Measure words (家, 个, 项, 种, 笔, 位)
  give `unit=None`: the noun that follows carries the meaning.
- ``money``: `unit` is the currency in English ("yuan", "US dollars", "euros", ...).
- ``percent`` (17.9 for 17.9%; 三成 -> 30), ``permille`` (‰, 千分之五), ``points`` (个百分点:
  percentage points), ``multiple`` (倍: `unit="times"`), ``fraction`` (a share of one: 三分之一 ->
  0.333..., 万分之三 -> 0.0003, 3/5 -> 0.6), ``discount`` (the share of the price paid, in percent:
  75折 -> 75, 九折 -> 90, 打对折 -> 50).
- ``date``: `value` packs year, month and day as YYYYMMDD with 0 for a part the text does not give:
  2025年5月15日 -> 20250515, 5月15日 -> 515, 15日 -> 15, 2025年5月 -> 20250500; 五四运动 -> 504.
  See `Quantity.date_parts`.
- ``year`` (2025年 -> 2025; 九二共识 -> 1992), ``decade`` (上世纪80年代 -> 1980; 90后 -> 1990 with
  `unit="generation"`), ``time`` (clock time as HHMM: 下午3点 -> 1500, 10:30 -> 1030; a match
  clock 3分35秒 -> 335, like "3:35").
- ``duration``: `unit` is "years", "months", "weeks", "days", "hours", "minutes" or "seconds"
  (18年间 -> 18 years; 3个月 -> 3 months).
- ``ordinal``: 第一 -> 1; `unit` for 季度 ("quarter"), 世纪 ("century"), 届 ("term": not said), 三中全会 and
  三次会议 ("plenary session", "session"),
  周年 ("anniversary"), 十五五 ("Five-Year Plan").

Values carry their sign (-22.2%, 气温-5℃, 零下5度); a sign after a change word turns the change
(增速为-3.5%: down 3.5%). 兆 is a trillion after a number and before a currency or more numerals,
and anywhere in Traditional text but before a unit of mega (兆瓦).

Ranges (3至5年, 10%—15%, 5月14日至16日, 一万六七千) are quantities of their kind with `upper` set. Vague amounts
(数十, 上千, 几百) have `qualifier="several"` and the order of magnitude as `value`.

`qualifier`: "over" (超, 超过, 逾, 余, 以上), "more than" (多: 三十多个, 10多次), "nearly" (近,
将近, 接近), "about" (约, 大约, 左右; also 五六百 "500 to 600"), "less than" (不到, 不足, 以下),
"at least", "up to" (多达, 高达), "past" (近3年: the past 3 years), "several" (vague). `change`:
"up" or "down" for 增长/增加/提高/下降/减少... before the number, with `basis` "year on year" (同比),
"month on month" (环比), "over the previous year" (比上年) ...; the span then starts at those words.

A number is "Arabic" when written with digits (full-width digits count) and "Chinese" when
written in Chinese numerals; checks treat small Chinese-numeral counts (两只手, 三篇文章) as
optional in a translation, since they are often rendered as words or idioms.

English side: `find_english_quantities` reads 155 billion, 155bn, £2.8bn, S$13.8 to S$14.3 billion,
155,000,000,000, 17.9 percent / per cent / %, -3.5%, 25% off, May 15, 2025, the 1980s, '92,
pre-2019, 3 p.m., six, twenty-five, two and a half million, a quarter of a million, a dozen, twice,
one in five, 5 per million, two decades, in their thirties, hundreds (vague). `same_value(zh, en)`
compares one Chinese and one English quantity (see
there for rounding); `mentioned_values(zh)` is the loose set of every value a Chinese text
mentions in any form.

Modules: `model` (the records, normalization), `numerals` (Chinese numerals), `chinese` with
`chinese_units`, `chinese_dates` and `chinese_shares` (the Chinese scanner), `render` (English for a
Chinese quantity), `english` with `english_words` (the English reader), `compare` (values across the two
languages) and `translation` (a translation's quantities against its source's).
"""

from __future__ import annotations

from .chinese import find_quantities
from .compare import endpoint_matches, mentioned_values, same_chinese_value, same_value, values_close
from .english import find_english_quantities
from .model import EnglishQuantity, Quantity, ends
from .render import format_amount, to_english
from .translation import NumberReport, compare_numbers, required_in_translation

__all__ = [
    "Quantity",
    "EnglishQuantity",
    "ends",
    "find_quantities",
    "find_english_quantities",
    "to_english",
    "format_amount",
    "same_value",
    "same_chinese_value",
    "endpoint_matches",
    "values_close",
    "mentioned_values",
    "required_in_translation",
    "compare_numbers",
    "NumberReport",
]
