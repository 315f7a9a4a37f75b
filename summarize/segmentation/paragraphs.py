"""Body lines to paragraphs: column/page-break repair and section headings.

PDF dumps cut paragraphs where a column or page ends. Line A is joined with the next line B
(without a space between Chinese characters) when A does not end a sentence and reads as a piece
of prose: it ends with punctuation that needs more (`，、：“`), has sentence punctuation inside
(`2008年，从货代行业转型的傅妙玲`), has an unclosed quote or bracket, is wider than a headline can be,
or starts with a dateline; or B starts with punctuation that cannot begin a paragraph. B must be
body text (not a byline, kicker, subtitle or numbered heading), nothing may lie
between them (page furniture means the page went on elsewhere), and a list intro (`…如下：`,
`…；`) is not joined to the list item after it. A paragraph may be joined more than once.

A short line left on its own between body lines (a title-like line, `何为经验？`, `一、…`, a
kicker) is a section heading; a joined paragraph is judged the same way as one line (a heading
wrapped over two lines, `一以贯之“坚持兴商建市”，` `义乌何为？`), so that a page written back with
every paragraph on one line reads the same. A paragraph whose quote or bracket is closed by the
next one is joined with it (again as often as that holds). The last paragraph of an article is
never a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns
from .lines import (
    BODY,
    BYLINE,
    DATELINE,
    KICKER,
    NUMBERED,
    QUESTION,
    TITLE,
    Line,
    classify_text,
    closes_open_pair,
    core,
    ends_continuing,
    ends_enclosed,
    ends_terminal,
    ends_with_credit,
    fragment_evidence,
    unbalanced,
)

_HEADING_KINDS = (TITLE, QUESTION, NUMBERED, KICKER)
_JOINABLE_AFTER = (BODY, DATELINE, TITLE, QUESTION)  # what B may be
# Cannot begin a paragraph: B continues A.
_CONTINUES = re.compile(r"^[，。、；：！？,.;:!?”’」』）)》〉】…—%％]")
# Latin words wrapped at a line end get their space back: after a letter before a letter or
# digit (`grew` `2.3`), after `,;:!?.` before a letter; never after `.` before a digit (`17` `.9%`).
_SPACED = (re.compile(r"[A-Za-z]$"), re.compile(r"^[A-Za-z0-9(\"'“‘]")), (re.compile(r"[,.;:!?]$"), re.compile(r"^[A-Za-z]"))
_SPACED_DIGIT = (re.compile(r"[,;:!?]$"), re.compile(r"^[0-9]"))
_CHAIN_MAX_LINES = 8  # title-like lines looked at before the prose that a paragraph goes on with
_CREDITED_MAX_LINES = 3  # a caption or brief under a headline, and its credit


@dataclass
class ParagraphDraft:
    lines: list[Line]
    heading: bool


def build_paragraphs(body: list[Line]) -> list[ParagraphDraft]:
    paragraphs: list[ParagraphDraft] = []
    i = 0
    while i < len(body):
        group = [body[i]]
        joined = body[i].key
        while i + 1 < len(body) and joins(group, joined, body[i + 1]):
            i += 1
            group.append(body[i])
            joined += joiner(joined, body[i].key) + body[i].key
        while paragraphs and not paragraphs[-1].heading and _closes_previous(paragraphs[-1].lines, group):
            # `（图为…出口。` then `新华社记者 李明 摄）`: a bracket or quote left open after a full
            # stop and closed in the next paragraph; joined after both are built, so that a page
            # written back from the result joins the same way. The joined paragraph is looked at
            # again as a whole (it may close a quote opened one paragraph further up), as it is
            # when the page written back has it on one line.
            group = paragraphs.pop().lines + group
            joined = _joined(group)
        # A paragraph wrapped over two lines is judged as one line (a page written back from the
        # result has it on one): `一以贯之“坚持兴商建市”，` `义乌何为？` is a heading.
        kind = group[0].kind if len(group) == 1 else classify_text(joined)
        # A title-like line that reads as prose (`他说：`, `一一，一一1`) is not a heading.
        # So is one the page's layout sets like a section heading (an indented short line between
        # indented paragraphs: `　　路通了，山货出山了`), unless it is left open.
        set_as_heading = len(group) == 1 and group[0].head_evidence < 0 and not ends_continuing(joined) and not unbalanced(joined)
        heading = kind in _HEADING_KINDS and (set_as_heading or not (kind == TITLE and fragment_evidence(joined)))
        heading = heading and i + 1 < len(body)
        paragraphs.append(ParagraphDraft(group, heading))
        i += 1
    return paragraphs


def _closes_previous(previous: list[Line], group: list[Line]) -> bool:
    a, b = previous[-1], group[0]
    if b.seq != a.seq + 1 or b.kind not in _JOINABLE_AFTER:
        return False
    return closes_open_pair(_joined(previous), _joined(group))


def _joined(lines: list[Line]) -> str:
    joined = lines[0].key
    for line in lines[1:]:
        joined += joiner(joined, line.key) + line.key
    return joined


def joiner(before: str, after: str) -> str:
    """What goes between two pieces of one paragraph: nothing, or a space between Latin words."""
    for end, start in (*_SPACED, _SPACED_DIGIT):
        if end.search(before) and start.match(after):
            return " "
    return ""


def joins(group: list[Line], joined: str, b: Line) -> bool:
    """Whether body line `b` goes on the paragraph made of the lines `group` (text `joined`)."""
    a = group[-1]
    if b.seq != a.seq + 1 or b.kind not in _JOINABLE_AFTER or b.continues is False:
        return False
    if len(group) == 1 and a.kind not in (BODY, TITLE, DATELINE):
        return False
    if ends_with_credit(joined):
        return False  # `…空间。（记者李俐）`: the end of a story or caption
    if ends_terminal(joined) or ends_enclosed(joined):
        # The page's layout says a full line goes on in the next one (a sentence ended at the
        # end of a line), as an unindented line under it in an indented page.
        return bool(b.continues) and b.kind == BODY and (len(group) > 1 or a.kind in (BODY, DATELINE))
    if core(joined)[-1] in "；：;:" and patterns.is_enumerated(b.key):
        return False  # a list intro and its first item, or two list items
    if _CONTINUES.match(b.key):
        return True
    if len(group) > 1 or a.kind in (BODY, DATELINE):
        return True  # prose (wide, or with `。` inside) that stops mid-sentence
    return fragment_evidence(joined)


def opens_paragraph(lines: list[Line], j: int, *, inside: bool = False) -> bool:
    """A title-like line left open, right before prose: the first piece of a paragraph cut by a
    column break (`“这是我们`, `（图为5月15日`), never part of a headline. So is such a line, and
    inside an article any title-like line that reads as prose (`一一，一一1`), that paragraphs.py
    joins with what follows into prose: `“一一一` `一一，一` `一一。` are one paragraph, which a
    page written back from the result has on one line (and reads as prose the same way)."""
    line = lines[j]
    if line.kind != TITLE or j + 1 >= len(lines) or lines[j + 1].seq != line.seq + 1:
        return False
    left_open = ends_continuing(line.key) or unbalanced(line.key)
    if left_open and lines[j + 1].kind == BODY:
        return True
    if not (left_open or (inside and fragment_evidence(line.key))):
        return False
    group, joined = [line], line.key
    for following in lines[j + 1:j + _CHAIN_MAX_LINES]:
        if following.kind == DATELINE or not joins(group, joined, following):
            break  # a dateline starts the body under a headline
        if following.kind == BODY:
            return True
        group.append(following)
        joined += joiner(joined, following.key) + following.key
    return len(group) > 1 and classify_text(joined) == BODY


def credited(lines: list[Line], j: int) -> bool:
    """Whether the prose from line j is one paragraph, a caption or brief, closed by its credit:
    `…打卡。` `YMG全媒体记者 唐克 摄`, `…营业。（记者李俐）`."""
    for k in range(j, min(len(lines), j + _CREDITED_MAX_LINES)):
        line = lines[k]
        if line.kind == BYLINE:
            return k > j and _photo_credit(line)
        if line.kind not in (BODY, DATELINE, TITLE):  # (a title-like line: a piece of the caption)
            return False
        if ends_with_credit(line.key):
            return True
        if ends_terminal(line.key):  # the paragraph ends: only a photographer's credit may follow
            return k + 1 < len(lines) and lines[k + 1].kind == BYLINE and _photo_credit(lines[k + 1])
    return False


def _photo_credit(line: Line) -> bool:
    return core(line.key).endswith(("摄", "摄影"))
