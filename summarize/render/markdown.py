"""Markdown: one document per page, summaries as two-column tables (中文 | English) that render on
GitHub and common viewers, findings as footnotes. The first line is an HTML comment carrying the
metadata `summarize export` uses to decide whether an output is up to date."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from ..digest import ArticleDigest, PageDigest, Unit, paragraph_english
from .notes import (
    PASSTHROUGH_NOTE,
    PREAMBLE_SEPARATOR,
    article_label,
    articles_count,
    english_label,
    footnotes,
    has_english,
)

META_PREFIX = "<!-- summarize "
META_SUFFIX = " -->"


class MarkdownWriter:
    """Writes the document of one page through `write` as its digest comes, part by part
    (pipeline.PagePart): articles numbered through the parts, a header that says when the page
    comes in parts, and then the article count at the end. `meta`: the export's metadata, in the
    first line; `note_prefix` keeps footnote labels unique when several pages go into one
    document."""

    def __init__(self, write: Callable[[str], None], *, full: bool = False, meta: dict | None = None, note_prefix: str = ""):
        self._write = write
        self._full, self._meta, self._note_prefix = full, meta, note_prefix
        self._articles = 0
        self._held = ""  # whitespace at the end of what came so far: the document ends with one newline

    def part(self, digest: PageDigest, *, first: bool = True, last: bool = True) -> None:
        lines = self._head(digest, whole=last) if first else []
        for ad in digest.articles:
            self._articles += 1
            lines += _article(self._articles, ad, digest, self._full, f"{self._note_prefix}{ad.article.id}-")
        if last and not first:
            lines.append(f"_{articles_count(self._articles)} in all._")
        if lines:
            self._emit(("" if first else "\n") + "\n".join(lines))
        if last:
            self._write("\n")

    def _head(self, digest: PageDigest, *, whole: bool) -> list[str]:
        lines: list[str] = []
        if self._meta is not None:
            # "--" may not appear inside an HTML comment; JSON can spell it with an escape.
            lines += [META_PREFIX + json.dumps(self._meta, ensure_ascii=False, sort_keys=True).replace("--", "-\\u002d") + META_SUFFIX, ""]
        lines += [f"# {_md(digest.page.label)}", ""]
        if digest.page.preamble:  # the page's banner: paper, date, page number
            lines += [f"> {_md(PREAMBLE_SEPARATOR.join(digest.page.preamble))}", ""]
        engines = [f"{role}: {_md(_engine_name(info))}" for role, info in (("summarizer", digest.summarizer), ("translator", digest.translator)) if info]
        size = articles_count(len(digest.page.articles)) if whole else "A long input, digested in parts"
        return lines + [f"_{size}" + ("; " + "; ".join(engines) if engines else "") + "_", ""]

    def _emit(self, text: str) -> None:
        body = text.rstrip()
        if body:
            self._write(self._held + body)
            self._held = text[len(body) :]
        else:
            self._held += text


def read_meta(first_line: str) -> dict | None:
    line = first_line.strip()
    if not (line.startswith(META_PREFIX) and line.endswith(META_SUFFIX)):
        return None
    try:
        return json.loads(line[len(META_PREFIX) : -len(META_SUFFIX)])
    except ValueError:
        return None


def _article(n: int, ad: ArticleDigest, digest: PageDigest, full: bool, note_label: str) -> list[str]:
    a = ad.article
    notes = footnotes(ad)

    def refs(unit_id: str) -> str:
        return "".join(f"[^{note_label}{n}]" for n in notes.of(unit_id))

    def english(unit: Unit) -> str:
        return _md(unit.shown_en) + refs(unit.id)

    lines = [f"## {n}. {_md(article_label(ad))}", ""]
    if has_english(ad.title, notes):
        lines += [f"*{_md(ad.title.shown_en)}*{refs(ad.title.id)}" if ad.title.shown_en else refs(ad.title.id), ""]
    subtitle = a.subtitle and _md(a.subtitle)
    if subtitle and has_english(ad.subtitle, notes):
        subtitle += f" ({english(ad.subtitle)})"
    meta = [
        ("Subtitle", subtitle),
        ("Kicker", a.kicker and _md(a.kicker)),
        ("Byline", a.title and a.byline and _md(a.byline)),  # an untitled article is named by it
        ("Source", a.source and _md(a.source)),
        ("Continued", a.continued and _md(a.continued)),
    ]
    meta = [(k, v) for k, v in meta if v]
    if meta:
        lines += [f"- **{k}:** {v}" for k, v in meta] + [""]
    if ad.summary:
        label = "摘要" + refs(f"{a.id}.summary")
        lines += _table([label, _md(english_label(digest))], [[_md(u.zh), english(u)] for u in ad.summary])
        if ad.coverage < 1.0:
            lines += [f"_Summary based on {ad.coverage:.0%} of the article (too long for the model)._", ""]
    if digest.page.script == "other":  # shown once, as it is: there is nothing to pair it with
        lines += [f"_{PASSTHROUGH_NOTE[0].upper()}{PASSTHROUGH_NOTE[1:]}._", ""]
        lines += [line for p in a.paragraphs for line in (f"**{_md(p.text)}**" if p.heading else _md(p.text), "")]
    elif full:
        rows = []
        for p in a.paragraphs:
            units = paragraph_english(ad.paragraphs.get(p.id, []))
            en = " ".join(_md(shown) + refs(u.id) for u, shown in units if shown or notes.of(u.id))
            zh = _md(p.text)
            if p.heading:
                zh, en = f"**{zh}**", f"**{en}**" if en else en
            rows.append([p.id, zh, en])
        lines += ["### Full text", ""] + _table(["", "中文", "English"], rows)
    for num, message in notes.notes:
        lines += [f"[^{note_label}{num}]: {_md(message)}"]
    if notes.notes:
        lines.append("")
    return lines


def _engine_name(info) -> str:
    return info.name if info.name == info.backend else f"{info.name} ({info.backend})"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Cells are Markdown already (escaped with `_md`)."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out + [""]


_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def _md(text: str) -> str:
    """Source or model text as literal Markdown on one line: a stray newline would break a table
    or a heading, a `|` a table row, and `*`, `_`, `[`, `<` would turn into markup, `&amp;` into `&`."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))
