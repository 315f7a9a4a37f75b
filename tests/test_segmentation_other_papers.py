"""Pages of other papers than the seed, as users' files look (tests/pages: written for these tests,
each page with the segmentation it must get in a .json next to it): PDF dumps with hard wraps and
the `　　` indent, web copies with one paragraph a line, blank lines between stories only, photo
news and briefs with one-line headlines, credits and banners of Taiwan and Hong Kong papers, in
UTF-8, GBK and Big5. Also pages joined in one file, and a page repeated in a huge input."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from segmentation_checks import HEAD_FIELDS, assert_lossless, assert_offsets, segment_file

from summarize.segmentation import iter_page_parts, segment_text

PAGES = Path(__file__).parent / "pages"
NAMES = sorted(path.stem for path in PAGES.glob("*.json"))


def expected(name: str) -> dict:
    return json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))


def page_text(name: str) -> str:
    return (PAGES / f"{name}.txt").read_bytes().decode(expected(name)["encoding"])


def got(page) -> list[dict]:
    """The articles as the .json files write them."""
    return [
        {
            "fields": {name: getattr(a, name) for name in HEAD_FIELDS if getattr(a, name)},
            "paragraphs": [p.text for p in a.paragraphs],
            "headings": [p.text for p in a.paragraphs if p.heading],
        }
        for a in page.articles
    ]


@pytest.mark.parametrize("name", NAMES)
def test_page_of_another_paper(tmp_path, name):
    want = expected(name)
    page = segment_file(tmp_path / f"{name}.txt", (PAGES / f"{name}.txt").read_bytes())
    assert page.encoding.replace("-", "") in (want["encoding"].replace("-", ""), "gb18030")
    assert_lossless(page)
    assert_offsets(page)
    assert page.preamble == want["preamble"]
    assert got(page) == want["articles"]


def test_the_fixtures_cover_the_layouts():
    texts = {name: page_text(name) for name in NAMES}
    assert sum(len(expected(name)["articles"]) for name in NAMES) >= 30
    assert any("\n\u3000\u3000" in text and "\n\n" not in text for text in texts.values())  # indented PDF dump
    assert any("\n\n\n" in text for text in texts.values())  # blank lines between stories
    assert {expected(name)["encoding"] for name in NAMES} >= {"utf-8", "gbk", "big5"}


@pytest.mark.parametrize(("first", "second"), list(itertools.permutations(NAMES, 2)))
def test_pages_joined_in_one_file_never_share_an_article(first, second):
    """`cat first.txt second.txt`: each page's articles, as segmented alone, one after the other."""
    joined = segment_text(page_text(first) + page_text(second))
    assert_lossless(joined)
    assert got(joined) == expected(first)["articles"] + expected(second)["articles"]


@pytest.mark.parametrize("name", NAMES)
def test_a_page_repeated_gives_its_articles_again_and_again(name):
    page = segment_text(page_text(name) * 5)
    assert got(page) == expected(name)["articles"] * 5


def test_parts_of_a_huge_input_are_cut_between_articles(sample_page):
    """Cut into parts (small ones here, as a year of pages is cut at a million characters), the
    sample page repeated gives its five articles per copy, each whole."""
    text = sample_page.read_text(encoding="utf-8")
    alone = segment_text(text).articles
    parts = list(iter_page_parts(text * 12, part_chars=20_000))
    assert len(parts) > 3
    articles = [article for part in parts for article in part.articles]
    assert len(articles) == 5 * 12
    assert [[p.text for p in a.paragraphs] for a in articles] == [[p.text for p in a.paragraphs] for a in alone] * 12


def test_the_sample_page_repeated_200_times_gives_1000_articles(sample_page):
    page = segment_text(sample_page.read_text(encoding="utf-8") * 200)
    assert len(page.articles) == 1000


def test_a_page_of_heads_without_headlines_ends():
    """Two pages joined, each only a brief, its source, a continuation mark, a byline and the
    paper's banner: a page start where no headline begins opens one article, not endless ones."""
    one = "一一。\n来源：一一\n(下转第二版)\n全媒体记者 一一\n义乌商报 2026年5月16日 星期六\n"
    page = segment_text(one + "\n\n" + one)
    assert_lossless(page)
    assert_offsets(page)
    assert [[p.text for p in a.paragraphs] for a in page.articles] == [["一一。"], ["一一。"]]
    assert [a.source for a in page.articles] == ["来源：一一"] * 2


def test_a_form_feed_starts_a_new_page():
    """Text dumped from PDF marks each page with a form feed: the headline after it opens an
    article of the next page (without it, the line reads as a section heading of the story
    above); the form feed stays in the page text, in no unit."""
    first = "义乌市场迎来新客商\n本报讯 今年以来，义乌市场客流持续增长，外商采购热情高涨。\n市场负责人表示，将继续优化服务。\n"
    second = "城东便民市场开门迎客\n昨天上午，城东便民市场正式开业，市民纷纷前来选购蔬菜水果。\n"
    paged = segment_text(first + "\x0c" + second)
    assert_lossless(paged)
    assert_offsets(paged)
    assert [a.title for a in paged.articles] == ["义乌市场迎来新客商", "城东便民市场开门迎客"]
    assert [p.text for p in paged.articles[1].paragraphs] == ["昨天上午，城东便民市场正式开业，市民纷纷前来选购蔬菜水果。"]
    assert "\x0c" in paged.text and not any("\x0c" in p.text for a in paged.articles for p in a.paragraphs)
    joined = segment_text(first + second)
    assert [a.title for a in joined.articles] == ["义乌市场迎来新客商"]
