"""Terminal view: per article a header, then Chinese and English side by side, sentence by sentence
(paragraph by paragraph, with their ids, with `full`). Narrow terminals get the two languages
stacked instead. rich measures CJK width; lines wrap between Chinese characters as a Chinese reader
expects (see `Wrapped`). On a non-terminal stdout the CLI writes plain text without colour codes.

East Asian ambiguous-width characters (“ ” ‘ ’ … —) take one column in some terminals and two in
others (common with Chinese fonts and locales), and no program can tell which. On a terminal the
view therefore does not depend on them: text wraps as if they were wide, and the English column of
the side-by-side layout starts at an absolute column (a cursor move), not after counted spaces."""

from __future__ import annotations

import re
import unicodedata

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console, Group
from rich.control import Control
from rich.measure import Measurement
from rich.padding import Padding
from rich.rule import Rule
from rich.segment import ControlType, Segment, Segments
from rich.table import Table
from rich.text import Text

from ..digest import ArticleDigest, PageDigest, Unit, paragraph_english
from .notes import (
    PASSTHROUGH_NOTE,
    PREAMBLE_SEPARATOR,
    Footnotes,
    article_label,
    articles_count,
    english_label,
    footnotes,
    has_english,
)

SIDE_BY_SIDE_MIN_WIDTH = 100
HEADING_MARK = "# "

# A line may break before any token: an English word or number with what sticks to it, or one
# other character. Opening marks stay with what follows them, closing marks with what precedes.
_OPENING = "“‘（《「『【〈([{"
_CLOSING = "，。、；：？！）》」』】〉”’…,.;:!?)]}%|"
_TOKEN = re.compile(
    f"[{re.escape(_OPENING)}]*"
    r"(?:[0-9A-Za-z\u00c0-\u024f][^\s\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]*|\S)"
    f"[{re.escape(_CLOSING)}]*"
    r"\s*"
)


class Wrapped:
    """Text that wraps for Chinese as well as English. rich breaks lines only at spaces, so a
    Chinese sentence after a space ("本报讯 5月15日，…") moves whole to the next line and numbers
    get cut anywhere ("17" / ".9%"); here a line breaks between any two Chinese characters, never
    inside an English word or a number, never before closing punctuation."""

    def __init__(self, text: Text | str, style: str = "", *, aligned: bool = False):
        self.text = Text(text, style=style) if isinstance(text, str) else text
        self.aligned = aligned  # each line starts at the column the layout gives it (see the module doc)

    def __rich_measure__(self, console, options) -> Measurement:
        measure = _terminal_cells if console.is_terminal else cell_len
        widest = max((measure(m.group().rstrip()) for m in _TOKEN.finditer(self.text.plain)), default=0)
        longest = max((measure(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(min(widest, options.max_width), min(longest, options.max_width))

    def __rich_console__(self, console, options):
        measure = _terminal_cells if console.is_terminal else cell_len
        for line in self.text.split("\n", allow_blank=True):
            for part in line.divide(_break_offsets(line.plain, options.max_width, measure)):
                part.rstrip()
                if self.aligned and console.is_terminal:
                    yield _ALIGN_HERE
                yield part


# Where a line of the English column starts: made an absolute cursor move by TerminalWriter.
_ALIGN_HERE = Segment("", None, [(ControlType.CURSOR_MOVE_TO_COLUMN, -1)])


def _terminal_cells(text: str) -> int:
    """Columns `text` may take on a terminal: ambiguous-width characters counted as wide."""
    return cell_len(text) + sum(1 for c in text if c > "\x7f" and unicodedata.east_asian_width(c) == "A")


def _break_offsets(text: str, width: int, measure=cell_len) -> list[int]:
    offsets: list[int] = []
    used = 0
    for match in _TOKEN.finditer(text):
        start, token = match.start(), match.group()
        size = measure(token.rstrip())
        if used and used + size > width:
            offsets.append(start)
            used = 0
        if size <= width:
            used += measure(token)
            continue
        pieces = chop_cells(token, width)  # longer than a line on its own: fold it
        for piece in pieces[:-1]:
            start += len(piece)
            offsets.append(start)
        used = cell_len(pieces[-1])
    return offsets


class TerminalWriter:
    """Prints the view of pages as their digests come, part by part (pipeline.PagePart): a page
    that comes in parts says so in its header and gives its article count at its end."""

    def __init__(self, console: Console, *, full: bool = False):
        self._console = console
        self._full = full
        self._side_by_side = console.width >= SIDE_BY_SIDE_MIN_WIDTH
        self._terminal = console.is_terminal
        self._articles = 0

    def part(self, digest: PageDigest, *, first: bool = True, last: bool = True) -> None:
        console = _AlignedConsole(self._console)
        if first:
            self._articles = 0
            console.show(_page_header(digest, whole=last, terminal=self._terminal))
            if digest.page.preamble:  # the page's banner: paper, date, page number
                console.show(Wrapped(PREAMBLE_SEPARATOR.join(digest.page.preamble), style="dim"))
        for ad in digest.articles:
            console.show(_article(ad, digest, side_by_side=self._side_by_side, full=self._full, terminal=self._terminal))
        self._articles += len(digest.articles)
        if last:
            if not self._articles:
                console.show(Text("  (no articles found)"))
            if not first:
                console.show(Text(f"{digest.page.label}: {articles_count(self._articles)}", style="dim"))
            console.show()


class _AlignedConsole:
    """Prints on a console; on a terminal, line by line without trailing blanks (which would run
    past the edge when ambiguous-width characters show wide), each `_ALIGN_HERE` made a move to
    the column the layout put it at."""

    def __init__(self, console: Console):
        self._console = console

    def show(self, renderable="") -> None:
        console = self._console
        if not console.is_terminal:
            console.print(renderable)
            return
        segments: list[Segment] = []
        for line in console.render_lines(renderable, console.options, pad=False):
            column = 0
            for segment in _rstripped(line):
                if segment.control == _ALIGN_HERE.control:
                    segments.append(Control.move_to_column(column).segment)
                    continue
                segments.append(segment)
                column += segment.cell_length
            segments.append(Segment.line())
        console.print(Segments(segments), end="")


def _rstripped(line: list[Segment]) -> list[Segment]:
    line = list(line)
    while line and not line[-1].control and not line[-1].text.rstrip():
        line.pop()
    if line and not line[-1].control:
        last = line[-1]
        line[-1] = Segment(last.text.rstrip(), last.style)
    return line


def _page_header(digest: PageDigest, *, whole: bool, terminal: bool):
    size = articles_count(len(digest.page.articles)) if whole else "a long input, digested in parts"
    title = f"{digest.page.label} · {size}"
    if not terminal:
        return Rule(Text(title, style="bold"), align="left")
    # Box-drawing lines are ambiguous-width too: an ASCII rule, short of the edge by what the
    # title's ambiguous characters may add.
    spare = _terminal_cells(title) - cell_len(title)
    return Padding(Rule(Text(title, style="bold"), characters="-", align="left"), (0, spare, 0, 0))


def _article(ad: ArticleDigest, digest: PageDigest, *, side_by_side: bool, full: bool, terminal: bool) -> Group:
    notes = footnotes(ad)
    parts: list = [_header(ad, notes)]
    if ad.summary:
        rows = [("", Text(u.zh), _english(u, notes)) for u in ad.summary]
        heading = ("摘要" + _marks(notes.of(f"{ad.article.id}.summary")), english_label(digest))
        parts.append(_pairs(heading, rows, side_by_side, terminal))
        if ad.coverage < 1.0:
            parts.append(_note(f"summary based on {ad.coverage:.0%} of the article (too long for the model)"))
    if digest.page.script == "other":  # shown once, as it is: there is nothing to pair it with
        parts.append(_note(PASSTHROUGH_NOTE))
        parts += [Padding(Wrapped(_shown_paragraph(p)), (0, 0, 0, 2)) for p in ad.article.paragraphs]
    elif full:
        rows = []
        for p in ad.article.paragraphs:
            zh = _shown_paragraph(p)
            en = _paragraph_english(ad.paragraphs.get(p.id, []), notes)
            if p.heading:
                en.stylize("bold")
            rows.append((p.id, zh, en))
        parts.append(_pairs(("全文", "English"), rows, side_by_side, terminal))
    if notes.notes:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for n, message in notes.notes:
            grid.add_row(Text(f"⚠{n}", style="bold yellow"), Wrapped(message, style="yellow"))
        parts.append(Padding(grid, (0, 0, 0, 2)))
    return Group(*parts, Text(""))


def _header(ad: ArticleDigest, notes: Footnotes) -> Table:
    """The article id, then its headline fields with a hanging indent."""
    a = ad.article
    lines: list = [Wrapped(article_label(ad), style="bold cyan")]
    if has_english(ad.title, notes):
        lines.append(Wrapped(_english(ad.title, notes)))
    if a.subtitle:
        lines.append(Wrapped(a.subtitle))
        if has_english(ad.subtitle, notes):
            lines.append(Wrapped(_english(ad.subtitle, notes)))
    meta = [v for v in (a.kicker, a.byline if a.title else None, a.source, a.continued) if v]
    if meta:
        lines.append(Wrapped(" · ".join(meta), style="dim"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text(a.id, style="dim"), Group(*lines))
    return grid


def _shown_paragraph(p) -> Text:
    return Text(HEADING_MARK + p.text, style="bold") if p.heading else Text(p.text)


def _note(message: str) -> Padding:
    return Padding(Wrapped(message, style="dim"), (0, 0, 0, 2))


def _english(unit: Unit, notes: Footnotes) -> Text:
    return Text.assemble((unit.shown_en, "green"), (_marks(notes.of(unit.id)), "bold yellow"))


def _paragraph_english(units: list[Unit], notes: Footnotes) -> Text:
    pieces = [
        Text.assemble((shown, "green"), (_marks(notes.of(u.id)), "bold yellow"))
        for u, shown in paragraph_english(units)
    ]
    return Text(" ").join(piece for piece in pieces if piece.plain.strip())


def _marks(numbers: list[int]) -> str:
    return "".join(f" ⚠{n}" for n in numbers)


# SIMPLE_HEAD with an ASCII line under the heading, for terminals (see the module doc).
_ASCII_HEAD = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


def _pairs(heading: tuple[str, str], rows: list[tuple[str, Text, Text]], side_by_side: bool, terminal: bool):
    """Chinese and English of each row, side by side or stacked; rows are (id or "", zh, en)."""
    with_ids = any(row_id for row_id, _, _ in rows)
    if side_by_side:
        table = Table(box=_ASCII_HEAD if terminal else box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
        if with_ids:
            table.add_column(Text(""), no_wrap=True, style="dim")
        table.add_column(Text(heading[0]), ratio=1)
        table.add_column(Text(heading[1]), ratio=1)
        for row_id, zh, en in rows:
            cells = [Wrapped(zh), Wrapped(en, aligned=True)]
            table.add_row(*([Text(row_id)] if with_ids else []), *cells)
        return Padding(table, (0, 0, 0, 2))
    lines: list = [Text(f"  {heading[0]} / {heading[1]}", style="bold")]
    for row_id, zh, en in rows:
        shown = Text.assemble((f"{row_id} ", "dim"), zh) if row_id else zh
        lines.append(Padding(Wrapped(shown), (0, 0, 0, 2)))
        lines.append(Padding(Wrapped(en), (0, 0, 0, 4)))
    return Group(*lines)
