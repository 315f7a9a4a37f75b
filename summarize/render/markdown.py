"""Markdown: one document per page, summaries as two-column tables (中文 | English) that render on
GitHub and common viewers, findings as footnotes. The first line is an HTML comment carrying the
metadata `summarize export` uses to decide whether an output is up to date."""

from __future__ import annotations

import json

from ..pipeline import ArticleDigest, PageDigest, Unit
from .notes import Footnotes, article_label, english_label, footnotes

META_PREFIX = "<!-- summarize "
META_SUFFIX = " -->"


def render_markdown(digest: PageDigest, *, full: bool = False, meta: dict | None = None) -> str:
    lines: list[str] = []
    if meta is not None:
        # "--" may not appear inside an HTML comment; JSON can spell it with an escape.
        lines += [META_PREFIX + json.dumps(meta, ensure_ascii=False, sort_keys=True).replace("--", "-\\u002d") + META_SUFFIX, ""]
    page = digest.page
    count = len(page.articles)
    lines += [f"# {_inline(page.input)}", ""]
    engines = []
    if digest.summarizer:
        engines.append(f"summarizer: {digest.summarizer.name} ({digest.summarizer.backend})")
    if digest.translator:
        engines.append(f"translator: {digest.translator.name} ({digest.translator.backend})")
    lines += [f"_{count} article{'s' if count != 1 else ''}" + ("; " + "; ".join(engines) if engines else "") + "_", ""]
    for n, ad in enumerate(digest.articles, 1):
        lines += _article(n, ad, digest, full)
    return "\n".join(lines).rstrip() + "\n"


def read_meta(first_line: str) -> dict | None:
    line = first_line.strip()
    if not (line.startswith(META_PREFIX) and line.endswith(META_SUFFIX)):
        return None
    try:
        return json.loads(line[len(META_PREFIX) : -len(META_SUFFIX)])
    except ValueError:
        return None


def _article(n: int, ad: ArticleDigest, digest: PageDigest, full: bool) -> list[str]:
    a = ad.article
    notes = footnotes(ad)
    lines = [f"## {n}. {_inline(article_label(ad))}", ""]
    if ad.title and ad.title.en:
        lines += [f"*{_inline(ad.title.en)}*{_refs(ad, notes, ad.title.id)}", ""]
    meta = [
        ("Subtitle", a.subtitle and a.subtitle + (f" ({ad.subtitle.en})" if ad.subtitle and ad.subtitle.en else "")),
        ("Kicker", a.kicker),
        ("Byline", a.byline),
        ("Source", a.source),
        ("Continued", a.continued),
    ]
    meta = [(k, v) for k, v in meta if v]
    if meta:
        lines += [f"- **{k}:** {_inline(v)}" for k, v in meta] + [""]
    if ad.summary:
        label = "摘要" + _refs(ad, notes, f"{a.id}.summary")
        lines += _table([label, english_label(digest)], [[u.zh, _english(ad, notes, u)] for u in ad.summary])
        if ad.coverage < 1.0:
            lines += [f"_Summary based on {ad.coverage:.0%} of the article (too long for the model)._", ""]
    elif digest.page.script == "other":
        lines += ["_No Chinese text: passed through untranslated._", ""]
    if full:
        rows = []
        for p in a.paragraphs:
            en = " ".join(_english(ad, notes, u) for u in ad.paragraphs.get(p.id, []))
            zh = p.text
            if p.heading:
                zh, en = f"**{zh}**", f"**{en}**" if en else en
            rows.append([p.id, zh, en])
        lines += ["### Full text", ""] + _table(["", "中文", "English"], rows)
    for num, message in notes.notes:
        lines += [f"[^{a.id}-{num}]: {_inline(message)}"]
    if notes.notes:
        lines.append("")
    return lines


def _english(ad: ArticleDigest, notes: Footnotes, unit: Unit) -> str:
    return unit.en + _refs(ad, notes, unit.id)


def _refs(ad: ArticleDigest, notes: Footnotes, unit_id: str) -> str:
    return "".join(f"[^{ad.article.id}-{n}]" for n in notes.of(unit_id))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|")


def _inline(text: str) -> str:
    # Table cells and headings are single lines; a stray newline would break the table.
    return " ".join(text.split())
