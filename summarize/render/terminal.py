"""Terminal view: per article a header, then Chinese and English side by side, sentence by sentence
(paragraph by paragraph, with their ids, with `full`). Narrow terminals get the two languages
stacked instead. rich measures CJK width; lines wrap between Chinese characters as a Chinese reader
expects (see `Wrapped`). On a non-terminal stdout the CLI writes plain text without colour codes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console, Group
from rich.measure import Measurement
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..digest import ArticleDigest, PageDigest, Unit, paragraph_english
from .notes import PREAMBLE_SEPARATOR, Footnotes, article_label, articles_count, english_label, footnotes

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

    def __init__(self, text: Text | str, style: str = ""):
        self.text = Text(text, style=style) if isinstance(text, str) else text

    def __rich_measure__(self, console, options) -> Measurement:
        widest = max((cell_len(m.group().rstrip()) for m in _TOKEN.finditer(self.text.plain)), default=0)
        return Measurement(min(widest, options.max_width), min(self.text.cell_len, options.max_width))

    def __rich_console__(self, console, options):
        for line in self.text.split("\n", allow_blank=True):
            for part in line.divide(_break_offsets(line.plain, options.max_width)):
                part.rstrip()
                yield part


def _break_offsets(text: str, width: int) -> list[int]:
    offsets: list[int] = []
    used = 0
    for match in _TOKEN.finditer(text):
        start, token = match.start(), match.group()
        size = cell_len(token.rstrip())
        if used and used + size > width:
            offsets.append(start)
            used = 0
        if size <= width:
            used += cell_len(token)
            continue
        pieces = chop_cells(token, width)  # longer than a line on its own: fold it
        for piece in pieces[:-1]:
            start += len(piece)
            offsets.append(start)
        used = cell_len(pieces[-1])
    return offsets


def render_terminal(digests: Sequence[PageDigest], console: Console, *, full: bool = False) -> None:
    view = TerminalWriter(console, full=full)
    for digest in digests:
        view.part(digest)


class TerminalWriter:
    """Prints the view of pages as their digests come, part by part (pipeline.PagePart): a page
    that comes in parts says so in its header and gives its article count at its end."""

    def __init__(self, console: Console, *, full: bool = False):
        self._console = console
        self._full = full
        self._side_by_side = console.width >= SIDE_BY_SIDE_MIN_WIDTH
        self._articles = 0

    def part(self, digest: PageDigest, *, first: bool = True, last: bool = True) -> None:
        console = self._console
        if first:
            self._articles = 0
            console.print(_page_header(digest, whole=last))
            if digest.page.preamble:  # the page's banner: paper, date, page number
                console.print(Text(PREAMBLE_SEPARATOR.join(digest.page.preamble), style="dim"))
        for ad in digest.articles:
            console.print(_article(ad, digest, side_by_side=self._side_by_side, full=self._full))
        self._articles += len(digest.articles)
        if last:
            if not self._articles:
                console.print(Text("  (no articles found)"))
            if not first:
                console.print(Text(f"{digest.page.label}: {articles_count(self._articles)}", style="dim"))
            console.print()


def _page_header(digest: PageDigest, *, whole: bool) -> Rule:
    size = articles_count(len(digest.page.articles)) if whole else "a long input, digested in parts"
    return Rule(Text(f"{digest.page.label} · {size}", style="bold"), align="left")


def _article(ad: ArticleDigest, digest: PageDigest, *, side_by_side: bool, full: bool) -> Group:
    notes = footnotes(ad)
    parts: list = [_header(ad, notes)]
    if ad.summary:
        rows = [("", Text(u.zh), _english(u, notes)) for u in ad.summary]
        heading = ("摘要" + _marks(notes.of(f"{ad.article.id}.summary")), english_label(digest))
        parts.append(_pairs(heading, rows, side_by_side))
        if ad.coverage < 1.0:
            parts.append(_note(f"summary based on {ad.coverage:.0%} of the article (too long for the model)"))
    elif digest.page.script == "other":
        parts.append(_note("no Chinese text: passed through untranslated"))
    if full:
        rows = []
        for p in ad.article.paragraphs:
            zh = Text(HEADING_MARK + p.text, style="bold") if p.heading else Text(p.text)
            en = _paragraph_english(ad.paragraphs.get(p.id, []), notes)
            if p.heading:
                en.stylize("bold")
            rows.append((p.id, zh, en))
        parts.append(_pairs(("全文", "English"), rows, side_by_side))
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
    if ad.title and (ad.title.shown_en or notes.of(ad.title.id)):
        lines.append(Wrapped(_english(ad.title, notes)))
    if a.subtitle:
        lines.append(Wrapped(a.subtitle))
        if ad.subtitle and (ad.subtitle.shown_en or notes.of(ad.subtitle.id)):
            lines.append(Wrapped(_english(ad.subtitle, notes)))
    meta = [v for v in (a.kicker, a.byline if a.title else None, a.source, a.continued) if v]
    if meta:
        lines.append(Wrapped(" · ".join(meta), style="dim"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text(a.id, style="dim"), Group(*lines))
    return grid


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


def _pairs(heading: tuple[str, str], rows: list[tuple[str, Text, Text]], side_by_side: bool):
    """Chinese and English of each row, side by side or stacked; rows are (id or "", zh, en)."""
    with_ids = any(row_id for row_id, _, _ in rows)
    if side_by_side:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
        if with_ids:
            table.add_column(Text(""), no_wrap=True, style="dim")
        table.add_column(Text(heading[0]), ratio=1)
        table.add_column(Text(heading[1]), ratio=1)
        for row_id, zh, en in rows:
            cells = [Wrapped(zh), Wrapped(en)]
            table.add_row(*([Text(row_id)] if with_ids else []), *cells)
        return Padding(table, (0, 0, 0, 2))
    lines: list = [Text(f"  {heading[0]} / {heading[1]}", style="bold")]
    for row_id, zh, en in rows:
        shown = Text.assemble((f"{row_id} ", "dim"), zh) if row_id else zh
        lines.append(Padding(Wrapped(shown), (0, 0, 0, 2)))
        lines.append(Padding(Wrapped(en), (0, 0, 0, 4)))
    return Group(*lines)
