"""Group classified lines into articles: headline block (head) and body lines.

A head is: optional kickers (or a 上接 mark), a run of title lines, then in any order subtitle,
kicker, byline and 上接 lines. `title` keeps all title lines (引题 and 主题) in order.

A new article starts:
- at the start of the page (after furniture), and after an article-ending line (a source line
  `来源：…` after body text, or a 下转 mark): the next content starts an article, with whatever
  head it has (possibly none);
- inside an article, at a head with evidence: title lines followed by a subtitle, kicker, byline,
  上接 mark or a dateline-led paragraph (`本报讯 …`); a kicker before title lines; two or more
  plain title lines followed by prose, after a finished paragraph; a bare byline (`浙江日报评论员`) followed by prose (an
  editorial without headline); a 上接 mark.
Anything else short inside an article is a section heading, decided in paragraphs.py.
A title-like line that paragraphs.py would join with the prose after it (a line left open, or
inside an article one that reads as prose, possibly over several such lines) is never a headline
line: it starts a paragraph, so a page that has that paragraph on one line is read the same way.
Furniture lines go to the preamble wherever they are; so do the head lines of an "article" that
ends up without any paragraph (a teaser, a table of contents), unless its last title line ends
with ？ or ！ or reads as prose: then that line is its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import apply_layout
from .lines import (
    BODY,
    BYLINE,
    CONT_DOWN,
    CONT_UP,
    DATELINE,
    FURNITURE,
    KICKER,
    MAX_TITLE_LINES,
    QUESTION,
    SOURCE,
    SUBTITLE,
    TITLE,
    Line,
    ends_continuing,
    ends_terminal,
    ends_with_credit,
    fragment_evidence,
)
from .paragraphs import credited, opens_paragraph
from .patterns import is_marked_name, is_paper_name

FIELDS = ("title", "subtitle", "kicker", "byline", "source", "continued")
_FIELD_OF = {KICKER: "kicker", SUBTITLE: "subtitle", BYLINE: "byline", CONT_UP: "continued", SOURCE: "source"}
_HEAD_STARTS = (KICKER, TITLE, QUESTION, BYLINE, CONT_UP)
_PROSE = (BODY, DATELINE)


@dataclass
class Draft:
    """An article under construction: headline fields as lists of lines, and body lines."""

    fields: dict[str, list[Line]] = field(default_factory=lambda: {name: [] for name in FIELDS})
    body: list[Line] = field(default_factory=list)
    closed: bool = False  # ended by a source line or a 下转 mark: the next content is a new article
    finished: bool = False  # its last line is a credit (`（记者李俐）`, `YMG全媒体记者 唐克 摄`) or `（完）`


@dataclass
class _Head:
    fields: dict[str, list[Line]]
    end: int  # index of the first line after the head
    strong: bool  # enough evidence to start a new article inside another one


def group_articles(lines: list[Line]) -> tuple[list[Draft], list[Line]]:
    """Articles (with at least one body line) and the preamble lines, in page order."""
    _mark_mastheads(lines)
    apply_layout(lines)
    preamble = [line for line in lines if line.kind == FURNITURE]
    content, page_starts = _content(lines)
    drafts: list[Draft] = []
    current: Draft | None = None
    i = opened_at = 0
    while i < len(content):
        line = content[i]
        if current is not None and i in page_starts and i != opened_at and not (_open_paragraph(current) and line.kind in _PROSE):
            current.closed = True  # a page banner between: the next page (pages joined in one file)
        if current is None or current.closed:
            if current is not None and _attach_trailing(current, line):
                i += 1
                continue
            if current is None and line.kind == CONT_DOWN:  # a 下转 mark with no article before it
                preamble.append(line)
                i += 1
                continue
            head = _parse_head(content, i, at_start=True)
            current = Draft(fields=head.fields)
            drafts.append(current)
            opened_at = i  # a head of no lines: the article starts with line i, not closed before it
            i = head.end
            continue
        if line.kind in _HEAD_STARTS:
            head = _parse_head(content, i, at_start=False, open_paragraph=_open_paragraph(current), finished=current.finished)
            if head.strong:
                current = Draft(fields=head.fields)
                drafts.append(current)
                i = head.end
                continue
        _add_to_article(current, line)
        i += 1
    articles = []
    for draft in drafts:
        titles = draft.fields["title"]
        if not draft.body and titles and (titles[-1].kind == QUESTION or fragment_evidence(titles[-1].key)):
            # A one-sentence item (`我市举办科技活动周！`) or a piece of prose, not a headline.
            draft.body.append(titles.pop())
        if draft.body:
            articles.append(draft)
        else:  # headline lines without any text: a teaser or table of contents, not an article
            preamble.extend(line for name in FIELDS for line in draft.fields[name])
    preamble.sort(key=lambda line: line.start)
    return articles, preamble


def _content(lines: list[Line]) -> tuple[list[Line], set[int]]:
    """The lines that are not furniture, and the indices among them of those right under a page
    banner or a form feed (where a page starts)."""
    content: list[Line] = []
    page_starts: set[int] = set()
    under_banner = False
    for line in lines:
        if line.kind == FURNITURE:
            under_banner = under_banner or line.banner or line.page_break
            continue
        if under_banner or line.page_break:
            page_starts.add(len(content))
            under_banner = False
        content.append(line)
    return content, page_starts


def _mark_mastheads(lines: list[Line]) -> None:
    """The paper's name alone on a line (`人民日报`, `聯合報`) is page furniture when it opens the
    page or sits right above the date banner; elsewhere such a line may be a headline."""
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        at_banner = index == 0 or (following is not None and following.kind == FURNITURE)
        if line.kind == TITLE and at_banner and is_paper_name(line.key):
            line.kind = FURNITURE
            line.banner = True


def _add_to_article(draft: Draft, line: Line) -> None:
    fields = draft.fields
    if line.kind == SOURCE:
        fields["source"].append(line)
        draft.closed = bool(draft.body)
    elif line.kind == CONT_DOWN:
        fields["continued"].append(line)
        draft.closed = True
    elif line.kind == BYLINE and (not draft.body or not fields["byline"]):
        fields["byline"].append(line)  # in the head, or a trailing credit `（记者 张三）`
    elif line.kind in (SUBTITLE, KICKER) and not draft.body and fields["title"] and not fields[_FIELD_OF[line.kind]]:
        fields[_FIELD_OF[line.kind]].append(line)
    else:
        draft.body.append(line)
    # (A credit wrapped over two lines, `…八点五。（记` `者李俐）`, ends the story too.)
    tail = line.key if len(draft.body) < 2 or draft.body[-1] is not line else draft.body[-2].key + line.key
    draft.finished = bool(draft.body) and (line.kind == BYLINE or ends_with_credit(tail))


def _attach_trailing(draft: Draft, line: Line) -> bool:
    """Right after an article ended: its missing source, 下转 mark or bracketed credit."""
    fields = draft.fields
    if line.kind == CONT_DOWN and not fields["continued"]:
        fields["continued"].append(line)
    elif line.kind == SOURCE and not fields["source"]:
        fields["source"].append(line)
    elif line.kind == BYLINE and line.bracketed and not fields["byline"]:
        fields["byline"].append(line)
    else:
        return False
    return True


def _open_paragraph(draft: Draft) -> bool:
    """Whether the article's last body line stops mid-sentence (its paragraph goes on)."""
    last = draft.body[-1] if draft.body else None
    # A title-like line in the body is a section heading or, when nothing ends it, a piece of prose.
    return last is not None and last.kind in _PROSE + (TITLE,) and not ends_terminal(last.key) and not draft.finished


def _parse_head(lines: list[Line], i: int, *, at_start: bool, open_paragraph: bool = False, finished: bool = False) -> _Head:
    fields: dict[str, list[Line]] = {name: [] for name in FIELDS}
    n = len(lines)
    j = i
    while j < n and lines[j].kind in (KICKER, CONT_UP):
        fields[_FIELD_OF[lines[j].kind]].append(lines[j])
        j += 1
    kickers_before = bool(fields["kicker"])
    title_start = j
    while j < n and lines[j].kind in (TITLE, QUESTION) and not opens_paragraph(lines, j, inside=not at_start or j > title_start):
        j += 1
    titles = lines[title_start:j]
    if at_start and len(titles) > MAX_TITLE_LINES:
        # Too many lines for a headline: title-like lines that read as prose and go on in the
        # prose after them are the first paragraph (as when a page has them on one line).
        cut = next((k for k in range(title_start, j) if opens_paragraph(lines, k, inside=True)), j)
        titles, j = lines[title_start:cut], cut
    if len(titles) > MAX_TITLE_LINES or (titles and ends_continuing(titles[-1].key)):
        titles, j = [], title_start  # a run of short lines, or `他说：` before what he said: prose
    while j < n:
        kind = lines[j].kind
        if kind == SUBTITLE and not titles:
            break
        if kind == BYLINE and lines[j].bracketed and not titles:
            break
        if kind == KICKER and j + 1 < n and lines[j + 1].kind in (TITLE, QUESTION) and not opens_paragraph(lines, j + 1, inside=True):
            break  # the kicker over the next headline (not over the first piece of a paragraph)
        if kind == SOURCE and not (titles or (at_start and any(fields.values()))):
            break  # a source under a headline (`据新华社电`) is part of its head
        if kind not in _FIELD_OF:
            break
        name = "byline" if kind == KICKER and titles and is_marked_name(lines[j].key) else _FIELD_OF[kind]
        fields[name].append(lines[j])
        j += 1
    following = lines[j] if j < n else None
    # Prose follows: a body line, or a title-like line that is the first piece of a paragraph.
    prose_follows = following is not None and (following.kind in _PROSE or opens_paragraph(lines, j, inside=not at_start))
    evidence = (
        any(fields[name] for name in ("subtitle", "byline", "continued"))
        or (bool(fields["source"]) and bool(titles))
        or (bool(fields["kicker"]) and (bool(titles) or bool(fields["byline"])))
        or (following is not None and following.kind == DATELINE and bool(titles))
    )
    set_apart = bool(titles) and titles[0].head_evidence
    if titles and not evidence and set_apart >= 0:
        plain = _leading_plain_titles(titles)
        if at_start and len(plain) < len(titles):
            titles, j = plain, title_start + len(plain)
            fields["source"] = []  # lines after the cut are read again as body
        elif not open_paragraph and (len(plain) == len(titles) >= 2 and prose_follows or 2 <= len(plain) < len(titles) == j - title_start):
            # Two headline lines over prose, or over the first section heading (`何为经验？`).
            titles, j = plain, title_start + len(plain)
            evidence = not any(fragment_evidence(line.key) for line in titles)
        elif not open_paragraph and prose_follows and len(plain) == len(titles) and (finished or set_apart > 0 or credited(lines, j)):
            # One headline line over prose, where the story before has ended with its credit, the
            # page's layout sets the line apart as a headline, or the prose is a caption or brief
            # closed by its credit: briefs, photo news.
            evidence = not any(fragment_evidence(line.key) for line in titles)
    fields["title"] = titles
    if at_start:
        return _Head(fields, j, True)
    strong = evidence and (bool(titles) or prose_follows or bool(fields["continued"]))
    if kickers_before and not titles and not fields["byline"] and not fields["continued"]:
        strong = False
    return _Head(fields, j, strong)


def _leading_plain_titles(titles: list[Line]) -> list[Line]:
    """Title lines before the first question-like one: without other evidence, `何为经验？`
    under a headline is the first section heading, not part of the headline."""
    plain = []
    for line in titles:
        if line.kind != TITLE:
            break
        plain.append(line)
    return plain
