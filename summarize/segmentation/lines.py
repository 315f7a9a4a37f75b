"""Split a page into lines with source offsets and give each line a role.

A line's role comes from its own text (patterns.py) and its shape: how wide it is (a CJK
character counts 2, others 1), how it ends (terminal punctuation `。！？…`, or a punctuation mark
that continues: `，、：“`), and whether it has sentence punctuation inside. Context (what comes
before and after) is left to articles.py and paragraphs.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from . import patterns

# Roles.
FURNITURE = "furniture"  # page banner, editor credits, page numbers: belongs to no article
CONT_DOWN = "cont_down"  # (下转第二版): ends its article
CONT_UP = "cont_up"  # (上接第一版): starts an article
SOURCE = "source"  # 来源：…
BYLINE = "byline"
KICKER = "kicker"  # ■…
SUBTITLE = "subtitle"  # ——…
DATELINE = "dateline"  # body line starting 本报讯 …
NUMBERED = "numbered"  # short numbered heading: 一、… （二）…
QUESTION = "question"  # short heading ending with ？ or ！: 何为经验？
TITLE = "title"  # short line without sentence punctuation: a headline or a section heading
BODY = "body"  # prose

# A headline or heading is at most this wide (34 CJK characters); wider lines are prose.
TITLE_MAX_WIDTH = 68
HEAD_LINE_MAX_WIDTH = 100  # kickers, subtitles
QUESTION_MAX_WIDTH = 48  # a heading that ends with ？ or ！ (wider: a sentence)
COLON_LEAD_MAX_WIDTH = 24  # `市场监管总局：` over the rest of its headline
# At most this many lines in one headline block (引题, 主题, 副题...).
MAX_TITLE_LINES = 4

TERMINALS = "。！？!?…"
CLOSERS = "”’」』）)》〉】〕]］\"'"
CONTINUING = "，、：；,;:“‘「『（(《〈【〔[［—-–·/"
INNER_PUNCTUATION = re.compile(r"[。，；：,;:]")
_LETTER = re.compile(f"[{patterns.HAN}A-Za-z]")
_HAN_ONLY = re.compile(f"^[{patterns.HAN}“”‘’「」《》·]+$")
_PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"), ("「", "」"), ("『", "』"), ("【", "】"))


@dataclass
class Line:
    start: int  # offsets of the stripped line in Page.text
    end: int
    key: str  # the stripped line of the analysis (Simplified) text; same length as the original
    kind: str
    seq: int  # position among all lines: lines are adjacent when their seq differ by 1
    width: int
    bracketed: bool = False  # a bracketed byline `（记者 张三）`
    indent: int = 0  # width of the whitespace before the line (`　　` is 4)
    gap: bool = False  # a blank line before it
    banner: bool = False  # furniture that opens a page (`人民日报 2024年3月5日 星期二`, `A05 城事`)
    page_break: bool = False  # a form feed before it: it opens a page
    # Layout evidence (layout.py), where the page uses indentation or blank lines consistently:
    continues: bool | None = None  # True: goes on the paragraph above; False: starts a paragraph
    head_evidence: int = 0  # +1: set apart like a headline; -1: set like a section heading


# Blocks whose every character is wide (East Asian Width W or F) are counted by the regex engine;
# only the few other non-ASCII characters (quotes, dashes, emoji) are looked up one by one.
_WIDE_BLOCKS = (
    "\u3000-\u303e\u3041-\u3096\u3099-\u30ff\u3105-\u312f\u3131-\u318e\u3190-\u31e3\u31f0-\u321e"
    "\u3220-\u3247\u3250-\u4dbf\u4e00-\u9fff\ua000-\ua48c\uac00-\ud7a3\uf900-\ufaff\uff01-\uff60"
    "\uffe0-\uffe6\U00020000-\U0002fffd\U00030000-\U0003fffd"
)
_NOT_WIDE_BLOCK = re.compile(f"[^{_WIDE_BLOCKS}]+")
_ASCII_OR_WIDE_BLOCK = re.compile(f"[\x00-\x7f{_WIDE_BLOCKS}]+")


def display_width(text: str, cap: int = 10_000) -> int:
    """Terminal width (CJK and full-width characters count 2), counting stops past `cap`."""
    if len(text) > cap:
        return cap + 1
    if text.isascii():
        return len(text)
    wide = len(_NOT_WIDE_BLOCK.sub("", text))
    others = _ASCII_OR_WIDE_BLOCK.sub("", text)
    return len(text) + wide + sum(1 for c in others if unicodedata.east_asian_width(c) in "WF")


def core(text: str) -> str:
    """The text without trailing closing quotes and brackets."""
    return text.rstrip(CLOSERS) or text


def ends_terminal(text: str) -> bool:
    """Ends a sentence: `。！？…` (or `.` `!` `?`), possibly followed by closing quotes/brackets."""
    return core(text)[-1] in TERMINALS or core(text)[-1] == "."


def ends_continuing(text: str) -> bool:
    """Ends with punctuation that needs more text after it: `，、：；“（《—`."""
    return text[-1] in CONTINUING or core(text)[-1] in "，、：；,;:—-"


def is_balanced_heading(text: str) -> bool:
    """Parallel phrases around commas, as in headings (`守正创新，砥砺前行`, `义乌，再出发`)."""
    parts = re.split("[，,]", text)
    if len(parts) not in (2, 3) or any(not _HAN_ONLY.match(p) or len(p) > 12 for p in parts):
        return False
    lengths = [len(p) for p in parts]
    return max(lengths) - min(lengths) <= 1


def unbalanced(text: str) -> bool:
    """An opening quote or bracket that is not closed on the line."""
    return any(text.count(o) > text.count(c) for o, c in _PAIRS)


def _closes_unopened(text: str) -> bool:
    """A closing quote or bracket with no opening one: the end of something begun on an earlier
    line, never a headline."""
    return any(text.count(c) > text.count(o) for o, c in _PAIRS)


def ends_enclosed(text: str) -> bool:
    """Ends with a closing bracket that closes the whole line or something begun on an earlier
    line: a caption `（图为… 本报记者 王五 摄）` or its last line `本报记者 王五 摄）` is complete."""
    for o, c in (("（", "）"), ("(", ")"), ("【", "】")):
        if text[-1] == c and (text[0] == o or text.count(c) > text.count(o)):
            return True
    return False


_BRACKETED_TAIL = re.compile(r"[（(]([^（）()]{2,40})[）)]$")
_END_MARK = re.compile(r"[（(](?:完|全文完|终|本文完)[）)]$")


def ends_with_credit(text: str) -> bool:
    """Ends with a credit that closes a story or caption: `…空间。（记者李俐）`, `…增多。本报记者
    王伟摄`, `…留念。(记者陈治交摄)`, or an end mark `（完）`."""
    if _END_MARK.search(text):
        return True
    match = _BRACKETED_TAIL.search(text)
    if match:
        before = text[:match.start()].rstrip()
        return bool(before) and ends_terminal(before) and patterns.byline(match.group(1)) is not None
    end = max(text.rfind(mark) for mark in "。！？!?")
    tail = text[end + 1:].strip()
    return 0 < end and 0 < len(tail) <= 30 and patterns.byline(tail) is not None


def closes_open_pair(before: str, after: str) -> bool:
    """`after` closes a quote or bracket left open in `before` (a caption or quotation that goes
    on over a line break after a full stop: `（图为…出口。` `新华社记者 李明 摄）`)."""
    return any(before.count(o) > before.count(c) and after.count(c) > after.count(o) for o, c in _PAIRS)


def fragment_evidence(text: str) -> bool:
    """Whether an unterminated short line reads as a piece of prose rather than a heading."""
    if ends_continuing(text) or unbalanced(text):
        return True
    if _COLON_HEADLINE.match(text):
        return False  # `济南起步区：“未来之城”崛起成势`: who or where, then what
    return INNER_PUNCTUATION.search(text[:-1]) is not None and not is_balanced_heading(text)


# A headline split at its colon: a short subject, then the rest (longer than a label's value in
# `引题：稳中有进`), no other punctuation.
_COLON_HEADLINE = re.compile(r"^[^，。；：,;:]{2,12}[：:][^，。；：,;:]{6,}$")


def split_lines(key_text: str, base: int = 0) -> list[Line]:
    """Non-blank lines of the page, stripped, with offsets and roles. `key_text` is the analysis
    copy of the page text (same length, so offsets hold for both), or of the part of it that
    starts at offset `base`. A 下转 mark glued to the end of a line and a 上接 mark glued to its
    start become lines of their own."""
    raw: list[tuple[int, str, int, bool, bool]] = []
    offset = base
    gap = page_break = False
    # A form feed (a page break in text dumped from PDF) ends a line as a line break does.
    for piece, separator in zip(_LINE_ENDS.split(key_text), _LINE_ENDS.findall(key_text) + [""]):
        stripped = piece.strip()
        if stripped:
            indent = len(piece) - len(piece.lstrip())
            raw.append((offset + indent, stripped, display_width(piece[:indent], 40), gap, page_break))
            gap = page_break = False
        else:
            gap = True
        if separator == "\x0c":
            gap = page_break = True
        offset += len(piece) + 1
    # Pages joined in one file may be wrapped at different widths: each is measured on its own.
    title_max_of = {}
    starts = [(patterns.is_banner(key) and patterns.is_furniture(key)) or brk for _, key, _, _, brk in raw]
    for low, high in page_ranges(starts):
        page = raw[low:high]
        wrap = wrap_width([r[1] for r in page], [display_width(r[1], 400) + r[2] for r in page])
        title_max_of[low] = TITLE_MAX_WIDTH if wrap is None else min(TITLE_MAX_WIDTH, wrap - 4)
    lines: list[Line] = []
    title_max = TITLE_MAX_WIDTH
    for index, (start, key, indent, gap, page_break) in enumerate(raw):
        title_max = title_max_of.get(index, title_max)
        for number, (piece_start, piece_end) in enumerate(_split_marks(key)):
            span = key[piece_start:piece_end]
            piece = span.strip()
            lead = start + piece_start + len(span) - len(span.lstrip())
            line = _line(lead, lead + len(piece), piece, len(lines), title_max)
            if number == 0:
                line.indent, line.gap, line.page_break = indent, gap, page_break
            lines.append(line)
    return lines


_LINE_ENDS = re.compile("[\n\x0c]")


def page_ranges(banners: list[bool]) -> list[tuple[int, int]]:
    """(start, end) index ranges of the pages in a list of lines, given which lines are page
    banners: a page starts at the first banner line of a run (pages joined in one file)."""
    starts = [0] + [i for i, banner in enumerate(banners) if banner and i > 0 and not banners[i - 1]]
    return list(zip(starts, starts[1:] + [len(banners)]))


def classify_text(text: str) -> str:
    """The role a stripped text would have as a line of its own."""
    return _line(0, len(text), text, 0, TITLE_MAX_WIDTH).kind


def _split_marks(key: str) -> list[tuple[int, int]]:
    """Spans of `key`: the line itself, or the line and a glued continuation mark."""
    if patterns.continuation(key):
        return [(0, len(key))]
    cut = patterns.trailing_continuation(key)
    if cut is not None and key[:cut].strip():
        return [(0, cut), (cut, len(key))]
    cut = patterns.leading_continuation(key)
    if cut is not None and key[cut:].strip():
        return [(0, cut), (cut, len(key))]
    return [(0, len(key))]


def _line(start: int, end: int, key: str, seq: int, title_max: int) -> Line:
    width = display_width(key, 400)
    line = Line(start, end, key, BODY, seq, width)
    line.kind = _classify(line, title_max)
    return line


def _classify(line: Line, title_max: int) -> str:
    key, width = line.key, line.width
    if width <= patterns.BANNER_MAX_WIDTH and patterns.is_furniture(key):
        line.banner = patterns.is_banner(key)
        if width <= patterns.FURNITURE_MAX_WIDTH or line.banner:
            return FURNITURE
    direction = patterns.continuation(key)
    if direction:
        return CONT_DOWN if direction == patterns.DOWN else CONT_UP
    if width <= patterns.SOURCE_MAX_WIDTH and patterns.is_source(key):
        return SOURCE
    credit = patterns.byline(key)
    if credit:
        line.bracketed = credit.bracketed
        return BYLINE
    rest = patterns.marker_rest(key)
    if rest is not None:
        if rest and patterns.is_source(rest):
            return SOURCE
        if not rest or (width <= HEAD_LINE_MAX_WIDTH and "。" not in rest and not ends_terminal(rest)):
            return KICKER
        return BODY  # a bulleted paragraph
    if width <= TITLE_MAX_WIDTH and patterns.is_label(key):
        return KICKER
    rest = patterns.subtitle_rest(key)
    if rest is not None and width <= HEAD_LINE_MAX_WIDTH and "。" not in rest and not ends_continuing(rest):
        return SUBTITLE
    if patterns.is_dateline(key):
        return DATELINE
    if _is_colon_lead(key):
        return TITLE  # a headline's first half (`市场监管总局：`), or `他说：` (joined to what follows)
    if width > title_max or "。" in core(key)[:-1] or "；" in key or ends_continuing(key) or _closes_unopened(key):
        return BODY
    if key[0] in "（(" and ends_enclosed(key):
        return BODY  # a note in brackets (`（作者系中国人民大学教授）`, `（完）`), never a headline
    if patterns.is_numbered(key) and (not ends_terminal(key) or core(key)[-1] in "？?"):
        return NUMBERED
    if _is_question(key):
        return QUESTION if width <= QUESTION_MAX_WIDTH else BODY
    if not ends_terminal(key) and _LETTER.search(key):
        return TITLE
    return BODY


def _is_colon_lead(key: str) -> bool:
    """A short line that ends with a colon and has no other punctuation: `市场监管总局：`."""
    return key[-1] in "：:" and display_width(key) <= COLON_LEAD_MAX_WIDTH and _HAN_ONLY.match(key[:-1]) is not None


def _is_question(key: str) -> bool:
    """A short heading that ends with ？ or ！ and has no other sentence punctuation or colon."""
    body = core(key).rstrip("？！?!")
    if body == core(key) or not body or not _LETTER.search(body):
        return False
    return re.search(r"[。！？!?；;：:]", body) is None


def wrap_width(lines: list[str], widths: list[int]) -> int | None:
    """The width a hard-wrapped page is wrapped at (many lines of one width that stop
    mid-sentence), or None. A headline is narrower than that, since a line that fills the width
    goes on in the next."""
    wide = [(w, k) for w, k in zip(widths, lines) if w >= 16 and not patterns.is_furniture(k) and not patterns.is_numbered(k)]
    if len(wide) < _WRAP_MIN_LINES:
        return None
    counts = Counter(w for w, _ in wide)
    best_width, best_count = 0, 0
    for width in counts:
        count = sum(counts.get(width - d, 0) for d in range(4))
        if count > best_count or (count == best_count and width > best_width):
            best_width, best_count = width, count
    if best_count < _WRAP_MIN_LINES or best_count < 0.4 * len(wide):
        return None
    at_width = [k for w, k in wide if best_width - 3 <= w <= best_width]
    if sum(1 for k in at_width if not ends_terminal(k)) < 0.8 * len(at_width):
        return None
    # Wrapped prose has punctuation on most lines; a stack of headlines does not.
    if sum(1 for k in at_width if _PROSE_PUNCTUATION.search(k)) < 0.5 * len(at_width):
        return None
    return best_width


_WRAP_MIN_LINES = 8
_PROSE_PUNCTUATION = re.compile(r"[，。；：,.;:]")
