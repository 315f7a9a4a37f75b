"""JSON: the segmentation JSON of `summarize segment --json`, plus per article `summary_zh`,
`summary_en` (and `summary_en_kind`: "translation" or "gloss"), per paragraph `en` with `full`,
the models used and the findings."""

from __future__ import annotations

from dataclasses import asdict

from ..pipeline import PageDigest


def digest_to_dict(digest: PageDigest, *, full: bool = False, meta: dict | None = None) -> dict:
    from ..segment_output import page_to_dict

    data = page_to_dict(digest.page)
    translator = digest.translator
    en_kind = "gloss" if translator is not None and translator.kind == "gloss" else "translation"
    data["models"] = {
        role: {"name": info.name, "revision": info.revision, "backend": info.backend, "kind": info.kind}
        for role, info in (("summarizer", digest.summarizer), ("translator", translator))
        if info is not None
    }
    for article, ad in zip(data["articles"], digest.articles):
        article["title_en"] = ad.title.en if ad.title else None
        article["subtitle_en"] = ad.subtitle.en if ad.subtitle else None
        article["summary_zh"] = ad.summary_zh or None
        article["summary_en"] = ad.summary_en or None
        article["summary_en_kind"] = en_kind
        article["summary_sentences"] = [{"id": u.id, "zh": u.zh, "en": u.en} for u in ad.summary]
        article["summary_coverage"] = ad.coverage
        article["findings"] = [asdict(f) for f in ad.all_findings()]
        if full:
            for paragraph in article["paragraphs"]:
                paragraph["en"] = ad.paragraph_en(paragraph["id"])
    data["findings"] = [asdict(f) for f in digest.findings]
    if meta is not None:
        data["meta"] = meta
    return data
