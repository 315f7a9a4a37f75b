"""Layout evidence: what a page's indentation and blank lines say, where it uses them consistently.

Pages dumped from PDF or copied from a web page mark paragraphs in one of a few ways, and the
rules in articles.py and paragraphs.py decide better with that mark than from the wording alone:

- indentation: most paragraphs start with an indent (`　　`). Then an indented line starts a
  paragraph and an unindented prose line goes on the one above it, even after a full stop at the
  end of a full line; an unindented title-like line is set like a headline, an indented one like
  a section heading; and an indented line as wide as the column is the first line of a wrapped
  paragraph, not a headline.
- blank lines between paragraphs, hard-wrapped lines without: a prose line right under a full
  line goes on its paragraph, even after a full stop.
- blank lines between stories only (one paragraph a line, briefs one after the other): a
  title-like line after a blank line is set like a headline, one right under a paragraph like a
  section heading.

Whether a page uses a mark is decided per page (per part of a huge input) from its statistics;
a page that does not (the sample: every line, even half a paragraph, between blank lines) gets
no layout evidence and is read from the wording alone. Headlines wider than the column (they
span columns) are recognized by their form and place: no prose punctuation, above a subtitle,
byline, source or dateline, above a caption or brief closed by its credit, or in an indented
page above an indented paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import (
    BODY,
    BYLINE,
    CONT_UP,
    DATELINE,
    FURNITURE,
    KICKER,
    NUMBERED,
    QUESTION,
    SOURCE,
    SUBTITLE,
    TITLE,
    TITLE_MAX_WIDTH,
    Line,
    ends_continuing,
    ends_enclosed,
    ends_terminal,
    ends_with_credit,
    fragment_evidence,
    page_ranges,
    unbalanced,
    wrap_width,
)
from .paragraphs import credited, opens_paragraph

PARAGRAPH_INDENT = (2, 8)  # `　　`, two to eight spaces; wider is a centred line, not an indent
_MIN_EVIDENCE = 3  # paragraph starts (or blank lines) needed before a page's habit counts
_SHARE = 0.75  # how consistently the page must use blank lines
_INDENT_SHARE = 0.6  # ... and indentation
_PROSE = (BODY, DATELINE)
_HEADS = (TITLE, QUESTION, NUMBERED, KICKER, CONT_UP)
_UNDER_HEADLINE = (SUBTITLE, BYLINE, SOURCE, DATELINE)
# A headline wider than the column has none of these (quotes, a colon, spaces and `·` it may have).
_PROSE_MARKS = re.compile(r"[，。、；！？,;!?…]|\.(?!\d)")
HEADLINE_MAX_WIDTH = 100


@dataclass(frozen=True)
class Layout:
    indented: bool  # most paragraphs start with an indent
    blank_between: str  # "paragraphs", "stories", or "" (blank lines say nothing)
    wrap: int | None  # the column width of a hard-wrapped page


def apply_layout(lines: list[Line]) -> None:
    """Decide each page's layout (pages joined in one file each have their own) and set each
    line's layout evidence (`continues`, `head_evidence`); wide headline lines and indented first
    lines get their kind from it."""
    for low, high in page_ranges([line.banner for line in lines]):
        _apply_page_layout(lines[low:high])


def _apply_page_layout(lines: list[Line]) -> None:
    layout = page_layout(lines)
    _mark_wide_headlines(lines, layout)
    for index, line in enumerate(lines):
        before = lines[index - 1] if index and lines[index - 1].seq == line.seq - 1 else None
        after = lines[index + 1] if index + 1 < len(lines) and lines[index + 1].seq == line.seq + 1 else None
        if layout.indented:
            _indent_evidence(line, before, after, layout)
        elif _first_of_indented_paragraph(line, after) and fragment_evidence(line.key):
            line.kind = BODY  # even where the page is too short to show a habit
        if layout.blank_between == "paragraphs" and before is not None and before.kind in _PROSE and line.kind in _PROSE:
            if not line.gap and _full(before, layout.wrap):
                line.continues = True
        if layout.blank_between == "stories" and line.kind in _HEADS and before is not None and before.kind in _PROSE:
            line.head_evidence = 1 if line.gap else -1


def page_layout(lines: list[Line]) -> Layout:
    wrap = wrap_width([line.key for line in lines], [line.width + line.indent for line in lines])
    starts = indented = 0  # prose lines that start a paragraph by their place, and how many are indented
    gaps = gaps_before_heads = 0
    gaps_after_sentence = sentence_ends = 0
    adjacent_after_sentence = adjacent_wrapped = 0
    # A title-like line that reads as prose and goes on in the prose under it is the first piece
    # of a paragraph (`Chinagoods，一一` `一一。`): counted as prose, as it is when a page has the
    # paragraph on one line.
    prose = [line.kind in _PROSE or opens_paragraph(lines, index, inside=True) for index, line in enumerate(lines)]
    previous: Line | None = None
    for index, line in enumerate(lines):
        if line.gap and previous is not None and previous.kind != FURNITURE:  # (not around the banner)
            gaps += 1
            gaps_before_heads += (line.kind in _HEADS and not prose[index]) or line.kind == FURNITURE
        # Lines where a paragraph starts by their place (after a full stop or a headline), but
        # not the unindented title-like ones among them (headlines, headings).
        indent = _is_indent(line)
        if previous is not None and (prose[index] or (indent and line.kind in _HEADS)):
            # (After a full line a sentence may have ended at the end of the line: not counted.)
            ended = (not prose[index - 1] or ends_terminal(previous.key)) and not _full(previous, wrap)
            if ended:
                starts += 1
                indented += indent
        if previous is not None and prose[index - 1] and line.kind != FURNITURE:
            if ends_terminal(previous.key):
                sentence_ends += 1
                gaps_after_sentence += line.gap
                adjacent_after_sentence += not line.gap
            elif not line.gap and prose[index]:
                adjacent_wrapped += 1
        previous = line
    # Captions and notes are often not indented in a page whose paragraphs are.
    uses_indent = indented >= _MIN_EVIDENCE and indented >= _INDENT_SHARE * starts
    blank_between = ""
    if gaps >= 2 and gaps_before_heads >= _SHARE * gaps and adjacent_after_sentence >= 2:
        blank_between = "stories"
    elif adjacent_wrapped >= _MIN_EVIDENCE and sentence_ends >= _MIN_EVIDENCE and gaps_after_sentence >= _SHARE * sentence_ends:
        blank_between = "paragraphs"
    return Layout(uses_indent, blank_between, wrap)


def _is_indent(line: Line) -> bool:
    return PARAGRAPH_INDENT[0] <= line.indent <= PARAGRAPH_INDENT[1]


def _full(line: Line, wrap: int | None) -> bool:
    """Whether a line fills the column (so the text may go on in the next one)."""
    return wrap is not None and line.width + line.indent >= wrap - 2


def _indent_evidence(line: Line, before: Line | None, after: Line | None, layout: Layout) -> None:
    indent = _is_indent(line)
    if _full(line, layout.wrap) and line.kind == TITLE and indent or _first_of_indented_paragraph(line, after):
        line.kind = BODY  # the first line of a wrapped paragraph, narrower by its indent
    if line.kind in _PROSE + (TITLE, QUESTION, NUMBERED):
        if indent:
            line.continues = False
        elif before is not None and (before.kind in _PROSE or before.continues is not None) and line.kind in _PROSE:
            line.continues = not ends_terminal(before.key) or _full(before, layout.wrap)
    if line.kind in _HEADS and line.indent < PARAGRAPH_INDENT[0]:
        line.head_evidence = 1
    elif line.kind in _HEADS and indent:
        line.head_evidence = -1


def _first_of_indented_paragraph(line: Line, after: Line | None) -> bool:
    """An indented title-like line over an unindented line that goes on with it."""
    return line.kind == TITLE and _is_indent(line) and after is not None and after.kind in _PROSE + (TITLE,) and not _is_indent(after)


def _mark_wide_headlines(lines: list[Line], layout: Layout) -> None:
    """Body lines that read as headline lines by form and place (see the module docstring)."""
    title_max = TITLE_MAX_WIDTH if layout.wrap is None else min(TITLE_MAX_WIDTH, layout.wrap - 4)
    for index, line in enumerate(lines):
        # Only lines read as prose for their width alone.
        if line.kind != BODY or not title_max < line.width <= HEADLINE_MAX_WIDTH or not _headline_form(line):
            continue
        before = lines[index - 1] if index else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if after is None or after.seq != line.seq + 1:
            continue
        two_before = lines[index - 2].key if index > 1 else ""
        placed = before is None or before.kind not in _PROSE or ends_terminal(before.key) or ends_with_credit(two_before + before.key)
        under = after.kind in _UNDER_HEADLINE or after.kind in (TITLE, SUBTITLE)
        indented_text = layout.indented and after.kind in _PROSE and _is_indent(after) and not _is_indent(line)
        # (A caption or brief closed by its credit under it: photo news, as under a narrow headline.)
        if placed and (under or indented_text or credited(lines, index + 1)):
            line.kind = TITLE


def _headline_form(line: Line) -> bool:
    key = line.key
    return not _PROSE_MARKS.search(key) and not ends_continuing(key) and not unbalanced(key) and not ends_enclosed(key)
