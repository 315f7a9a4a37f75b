"""JSON: the segmentation JSON of `summarize segment --json`, plus per article `summary_zh`,
`summary_en` (and `summary_en_kind`: "translation" or "gloss"), per paragraph `en` with `full`,
the models used and the findings."""

from __future__ import annotations

from collections.abc import Callable

from ..digest import ArticleDigest, PageDigest
from ..jsonstream import JsonObjectWriter


class DigestJsonWriter:
    """Writes the page's JSON (as `json.dumps(..., ensure_ascii=False, indent=2)` would, indented
    `level` steps more) through `write` as the digest comes, part by part (pipeline.PagePart). For
    a page in parts, "preamble" follows "articles": the preamble of later parts is known only at
    the end (as in `summarize segment --json`)."""

    def __init__(self, write: Callable[[str], None], *, full: bool = False, meta: dict | None = None, level: int = 0):
        self._write = write
        self._full, self._meta, self._level = full, meta, level
        self._object: JsonObjectWriter | None = None
        self._preamble: list[str] | None = None  # of a page in parts, so far
        self._findings: list[dict] = []

    def part(self, digest: PageDigest, *, first: bool = True, last: bool = True) -> None:
        from .pagejson import head_to_dict

        if first:
            self._object = JsonObjectWriter(self._write, self._level)
            head = head_to_dict(digest.page)
            self._preamble = None if last else head.pop("preamble")
            for key, value in head.items():
                self._object.field(key, value)
            self._object.begin_list("articles")
            self._findings = []
        elif self._preamble is not None:
            self._preamble += digest.page.preamble
        for ad in digest.articles:
            article = _article_to_dict(ad, digest, self._full)
            self._object.item(article)
            self._findings += article["findings"]
        if last:
            self._object.end_list()
            if self._preamble is not None:
                self._object.field("preamble", self._preamble)
            for key, value in _tail(digest, self._findings, self._meta).items():
                self._object.field(key, value)
            self._object.close()


def _article_to_dict(ad: ArticleDigest, digest: PageDigest, full: bool) -> dict:
    translator = digest.translator
    article = ad.article.to_dict()
    article["title_en"] = ad.title.shown_en if ad.title else None
    article["subtitle_en"] = ad.subtitle.shown_en if ad.subtitle else None
    article["summary_zh"] = ad.summary_zh or None
    article["summary_en"] = ad.summary_en or None
    article["summary_en_kind"] = None if not ad.summary else "gloss" if translator is not None and translator.kind == "gloss" else "translation"
    article["summary_sentences"] = [{"id": u.id, "zh": u.zh, "en": u.shown_en} for u in ad.summary]
    article["summary_coverage"] = ad.coverage
    article["findings"] = [f.to_dict() for f in ad.all_findings()]
    if full:
        for paragraph in article["paragraphs"]:
            paragraph["en"] = ad.paragraph_en(paragraph["id"])
    return article


def _tail(digest: PageDigest, findings: list[dict], meta: dict | None) -> dict:
    """The keys after the articles: the models, every finding of the page, the export's metadata."""
    models = {
        role: {"name": info.name, "revision": info.revision, "backend": info.backend, "kind": info.kind}
        for role, info in (("summarizer", digest.summarizer), ("translator", digest.translator))
        if info is not None
    }
    return {"models": models, "findings": findings} | ({"meta": meta} if meta is not None else {})
