"""Terminal view: per article a header, then Chinese and English side by side, sentence by sentence
(paragraph by paragraph with `full`). Narrow terminals get the two languages stacked instead.
rich measures CJK width; on a non-terminal stdout it writes plain text without colour codes."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..pipeline import ArticleDigest, PageDigest, Unit
from .notes import Footnotes, article_label, english_label, footnotes

SIDE_BY_SIDE_MIN_WIDTH = 100


def render_terminal(digests: Sequence[PageDigest], console: Console, *, full: bool = False) -> None:
    side_by_side = console.width >= SIDE_BY_SIDE_MIN_WIDTH
    for digest in digests:
        console.print(_page_header(digest))
        if not digest.page.articles:
            console.print("  (no articles found)")
        for ad in digest.articles:
            console.print(_article(ad, digest, side_by_side=side_by_side, full=full))
        console.print()


def _page_header(digest: PageDigest) -> Rule:
    count = len(digest.page.articles)
    title = f"{digest.page.input} · {count} article{'s' if count != 1 else ''}"
    return Rule(Text(title, style="bold"), align="left")


def _article(ad: ArticleDigest, digest: PageDigest, *, side_by_side: bool, full: bool) -> Group:
    notes = footnotes(ad)
    parts: list = [_header(ad, notes)]
    if ad.summary:
        rows = [(u.zh, _english(u, notes)) for u in ad.summary]
        heading = ("摘要" + _marks(notes.of(f"{ad.article.id}.summary")), english_label(digest))
        parts.append(_pairs(heading, rows, side_by_side))
        if ad.coverage < 1.0:
            parts.append(Text(f"  summary based on {ad.coverage:.0%} of the article (too long for the model)", style="dim"))
    elif digest.page.script == "other":
        parts.append(Text("  no Chinese text: passed through untranslated", style="dim"))
    if full:
        rows = []
        for p in ad.article.paragraphs:
            units = ad.paragraphs.get(p.id, [])
            zh = Text(p.text, style="bold" if p.heading else "")
            en = Text(" ").join(_english(u, notes) for u in units) if units else Text("")
            if p.heading:
                en.stylize("bold")
            rows.append((zh, en))
        parts.append(_pairs(("全文", "English"), rows, side_by_side))
    if notes.notes:
        parts.append(Text("\n".join(f"  [{n}] {msg}" for n, msg in notes.notes), style="yellow"))
    return Group(*parts, Text(""))


def _header(ad: ArticleDigest, notes: Footnotes) -> Group:
    a = ad.article
    lines = [Text.assemble((f"{a.id} ", "dim"), (article_label(ad), "bold cyan"))]
    if ad.title and ad.title.en:
        lines.append(Text.assemble("   ", _english(ad.title, notes)))
    if a.subtitle:
        lines.append(Text(f"   {a.subtitle}"))
        if ad.subtitle and ad.subtitle.en:
            lines.append(Text.assemble("   ", _english(ad.subtitle, notes)))
    meta = [v for v in (a.kicker, a.byline if a.title else None, a.source, a.continued) if v]
    if meta:
        lines.append(Text("   " + " · ".join(meta), style="dim"))
    return Group(*lines)


def _english(unit: Unit, notes: Footnotes) -> Text:
    text = Text(unit.en, style="green")
    marks = _marks(notes.of(unit.id))
    if marks:
        text.append(marks, style="bold yellow")
    return text


def _marks(numbers: list[int]) -> str:
    return "".join(f" ⚠{n}" for n in numbers)


def _pairs(heading: tuple[str, str], rows: list[tuple], side_by_side: bool):
    if side_by_side:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
        table.add_column(heading[0], ratio=1, overflow="fold")
        table.add_column(heading[1], ratio=1, overflow="fold")
        for zh, en in rows:
            table.add_row(zh, en)
        return Padding(table, (0, 0, 0, 2))
    lines: list = [Text(f"  {heading[0]} / {heading[1]}", style="bold")]
    for zh, en in rows:
        lines.append(Padding(Text(zh) if isinstance(zh, str) else zh, (0, 0, 0, 2)))
        lines.append(Padding(Text(en) if isinstance(en, str) else en, (0, 0, 0, 4)))
    return Group(*lines)
