"""The three views of a digest: terminal (rich), Markdown and JSON, including findings."""

from __future__ import annotations

import copy
import io
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from run_helpers import (
    SAMPLE_PAGE,
    check_page_json,
    markdown_footnotes,
    markdown_tables,
)

from summarize import gloss
from summarize.checks import Finding
from summarize.digest import TRANSLATION
from summarize.pipeline import Engines, RunOptions, read_pages, run_pages
from summarize.render.formats import DOCUMENT_FORMATS
from summarize.render.markdown import read_meta
from summarize.render.terminal import TerminalWriter, Wrapped

CLOSING = "，。、；：？！）》」』”’"


@pytest.fixture(scope="module")
def sample_digest():
    pages, _ = read_pages([str(SAMPLE_PAGE)])
    [digest] = run_pages(pages, Engines(RunOptions(full=True, summarizer="extractive", translator="gloss", use_cache=False)))
    return digest


@pytest.fixture
def digest(sample_digest):
    return copy.deepcopy(sample_digest)


def terminal_lines(digests, width: int, *, full: bool = False) -> list[str]:
    """The terminal view, as `summarize run` writes it (one writer for all pages)."""
    out = io.StringIO()
    view = TerminalWriter(Console(file=out, width=width, color_system=None, force_terminal=False), full=full)
    for digest in digests:
        view.part(digest)
    return out.getvalue().splitlines()


def document(fmt: str, digest, *, full: bool = False, meta: dict | None = None, page: int = 1, several: bool = False) -> str:
    """One page's document in `fmt`, through the writer `run` and `export` use."""
    pieces: list[str] = []
    DOCUMENT_FORMATS[fmt].writer(pieces.append, full=full, meta=meta, page=page, several=several).part(digest)
    return "".join(pieces)


def render_markdown(digest, *, full: bool = False, meta: dict | None = None) -> str:
    return document("markdown", digest, full=full, meta=meta)


def add_finding(digest, unit, check="numbers", message="23.66亿元 (2.366 billion yuan) not found in the English"):
    unit.findings.append(Finding(check, unit.id, message, unit.zh, unit.en))


# --- terminal -----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [100, 140, 200])
def test_wide_terminal_shows_each_summary_sentence_beside_its_english(digest, width):
    lines = terminal_lines([digest], width)
    for ad in digest.articles:
        for unit in ad.summary:
            row = next(line for line in lines if line.strip().startswith(unit.zh[:8]))
            assert unit.en[:12] in row, (unit.zh, row)


@pytest.mark.parametrize("width", [60, 80, 99])
def test_narrow_terminal_stacks_chinese_over_english(digest, width):
    lines = terminal_lines([digest], width)
    for ad in digest.articles:
        for unit in ad.summary:
            at = next(i for i, line in enumerate(lines) if line.strip().startswith(unit.zh[:8]))
            assert unit.en[:8] not in lines[at]
            english = next(line for line in lines[at + 1 :] if unit.en[:8] in line)
            assert english.startswith("    ")


@pytest.mark.parametrize("width", [40, 80, 100, 140])
def test_no_line_is_wider_than_the_terminal(digest, width):
    for line in terminal_lines([digest], width, full=True):
        assert cell_len(line.rstrip()) <= width, line


@pytest.mark.parametrize("width", [80, 140])
def test_full_shows_every_paragraph_with_its_id_and_marks_headings(digest, width):
    text = "\n".join(terminal_lines([digest], width, full=True))
    for ad in digest.articles:
        for paragraph in ad.article.paragraphs:
            assert paragraph.id in text
            if paragraph.heading:
                assert f"# {paragraph.text}" in text
    assert "全文" in text


def test_header_shows_title_english_and_metadata(digest):
    text = "\n".join(terminal_lines([digest], 140))
    a3 = digest.articles[2]
    assert a3.article.subtitle in text and a3.article.byline in text and a3.article.continued in text
    assert a3.title.en in text
    assert "(no title) · 浙江日报评论员" in text  # an article without a title is named by its byline
    assert text.count("yiwu-front-page.txt · 5 articles") == 1


def test_findings_get_a_marker_and_a_footnote(digest):
    a2 = digest.articles[1]
    add_finding(digest, a2.summary[0])
    lines = terminal_lines([digest], 140)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(a2.summary[0].zh[:8]))
    assert "⚠1" in "".join(lines[at : at + 3])  # after the English, which wraps to a third line
    assert any(line.strip().startswith("⚠1 numbers: 23.66亿元") for line in lines)
    narrow = terminal_lines([digest], 80)
    assert any("⚠1" in line and line.startswith("    ") for line in narrow)


def test_chinese_wraps_between_characters_not_at_the_space():
    text = "本报讯 5月15日，记者从市科技局获悉，今年一季度我市科技创新投入达23.66亿元，同比增长17.9%，总量、增速两项指标均居金华第一。"
    out = io.StringIO()
    Console(file=out, width=30, color_system=None).print(Wrapped(text))
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("本报讯 5月15日，记者")  # rich alone puts 本报讯 on a line by itself
    assert all(line[:1] not in CLOSING for line in lines)
    assert "23.66亿元" in out.getvalue() and "17.9%" in out.getvalue()  # numbers are never cut
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


_MIXED = st.text(
    alphabet=st.sampled_from(list("义乌市场经济发展的一二三") + list(CLOSING) + list("“（《") + list("ab Z09.%,") + [" "]),
    max_size=120,
)


@settings(max_examples=200, deadline=None)
@given(text=_MIXED, width=st.integers(min_value=4, max_value=50))
def test_wrapped_text_fits_and_loses_nothing(text, width):
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(Wrapped(text))
    lines = out.getvalue().splitlines()
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_summaries_are_two_column_tables(digest):
    text = render_markdown(digest)
    tables = markdown_tables(text)
    summaries = [ad for ad in digest.articles if ad.summary]
    assert len(tables) == len(summaries) == 5
    for table, ad in zip(tables, summaries):
        header, *rows = table
        assert header[0] == "摘要" and header[1].startswith("English")
        assert len(rows) == len(ad.summary)
        assert [row[0] for row in rows] == [u.zh for u in ad.summary]
    assert [line.split(".")[0] for line in text.splitlines() if line.startswith("## ")] == [f"## {n}" for n in range(1, 6)]
    assert text.startswith(f"# {SAMPLE_PAGE}")


def test_markdown_full_text_aligns_paragraphs_by_id(digest):
    tables = markdown_tables(render_markdown(digest, full=True))
    full_tables = [t for t in tables if t[0] == ["", "中文", "English"]]
    assert len(full_tables) == 5
    for table, ad in zip(full_tables, digest.articles):
        rows = table[1:]
        assert [row[0] for row in rows] == [p.id for p in ad.article.paragraphs]
        for row, paragraph in zip(rows, ad.article.paragraphs):
            if paragraph.heading:
                assert row[1] == f"**{paragraph.text}**"
            assert row[2].count("[gloss]") <= 1  # a gloss paragraph keeps one label


def test_markdown_escapes_what_would_break_a_table_or_turn_into_markup(digest):
    unit = digest.articles[0].summary[0]
    unit.zh = "甲|乙 *强调* [链接](x) <b>"
    unit.en, unit.en_kind = "a | b *c* _d_ <script>\nnext line &amp;", TRANSLATION
    text = render_markdown(digest)
    table = markdown_tables(text)[0]
    assert table[1] == ["甲\\|乙 \\*强调\\* \\[链接\\](x) \\<b\\>", "a \\| b \\*c\\* \\_d\\_ \\<script\\> next line \\&amp;"]


def test_stdin_is_named_stdin_in_the_views(digest):
    digest.page.input = "-"
    assert render_markdown(digest).splitlines()[0] == "# stdin"
    assert terminal_lines([digest], 100)[0].startswith("stdin · 5 articles ")


def test_the_page_banner_is_shown_under_the_page_title(digest):
    digest.page.preamble = ["人民日报", "2025年3月5日 星期三 第1版 要闻"]
    lines = render_markdown(digest).splitlines()
    assert lines[1:3] == ["", "> 人民日报 · 2025年3月5日 星期三 第1版 要闻"]
    assert terminal_lines([digest], 100)[1] == "人民日报 · 2025年3月5日 星期三 第1版 要闻"
    digest.page.preamble = []
    assert render_markdown(digest).splitlines()[2].startswith("_5 articles")


def test_markdown_findings_are_footnotes(digest):
    a2 = digest.articles[1]
    add_finding(digest, a2.summary[0])
    add_finding(digest, a2.title, check="glossary", message="义乌 should be translated as Yiwu (glossary)")
    text = render_markdown(digest, full=True)
    referenced, defined = markdown_footnotes(text)
    assert set(defined) == {"a2-1", "a2-2"}
    assert "[^a2-1]: glossary: 义乌 should be translated as Yiwu (glossary)" in text
    assert "[^a2-2]: numbers: 23.66亿元 (2.366 billion yuan) not found in the English" in text
    summary_table = markdown_tables(text)[2]
    assert summary_table[1][1].endswith("[^a2-2]")
    markdown_tables(text)  # still well-formed


def test_markdown_footnote_labels_stay_unique_across_pages(digest):
    add_finding(digest, digest.articles[0].summary[0])
    pages = [document("markdown", digest, page=i, several=True) for i in (1, 2)]
    referenced, defined = markdown_footnotes("\n".join(pages))
    assert defined == ["p1-a1-1", "p2-a1-1"]


def test_markdown_metadata_line_round_trips(digest):
    meta = {"input_sha256": "ab", "signature": {"options": {"x": "a--b-->"}}}
    text = render_markdown(digest, meta=meta)
    first = text.split("\n", 1)[0]
    assert "--" not in first[4:-3]  # nothing that would end the HTML comment early
    assert read_meta(first) == meta


# --- JSON ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("full", [False, True])
def test_json_has_the_segmentation_shape_plus_the_digest(digest, full):
    add_finding(digest, digest.articles[1].summary[0])
    data = json.loads(document("json", digest, full=full))
    check_page_json(data, full=full)
    assert [a["id"] for a in data["articles"]] == [f"a{i}" for i in range(1, 6)]
    for article, ad in zip(data["articles"], digest.articles):
        assert article["summary_zh"] == ad.summary_zh and article["summary_en"] == ad.summary_en
        if full:
            assert [p["en"] for p in article["paragraphs"]] == [ad.paragraph_en(p.id) for p in ad.article.paragraphs]
    assert data["models"]["translator"] == {"name": "gloss", "revision": gloss.REVISION, "backend": "gloss", "kind": "gloss"}
    assert data["findings"] == [
        {"check": "numbers", "unit_id": "a2.summary.s1", "message": "23.66亿元 (2.366 billion yuan) not found in the English",
         "zh": digest.articles[1].summary[0].zh, "en": digest.articles[1].summary[0].en}
    ]


def test_a_finding_on_a_sentence_shown_twice_is_one_footnote(digest):
    a1 = digest.articles[0]
    summary_unit = a1.summary[0]
    [same_sentence] = [u for units in a1.paragraphs.values() for u in units if u.zh == summary_unit.zh]
    add_finding(digest, summary_unit)
    add_finding(digest, same_sentence)
    text = render_markdown(digest, full=True)
    referenced, defined = markdown_footnotes(text)
    assert defined == ["a1-1"] and referenced.count("a1-1") == 2
    terminal = "\n".join(terminal_lines([digest], 140, full=True))
    assert terminal.count("⚠1") == 3 and "⚠2" not in terminal


# --- ambiguous-width characters on a terminal -----------------------------------------------------

_CONTROL = re.compile(r"\x1b\[(\d*)([A-Za-z])")


def _screen_lines(output: str, *, ambiguous: int) -> list[tuple[int, list[tuple[int, int]]]]:
    """Each line of terminal `output` as a terminal whose ambiguous-width characters take
    `ambiguous` columns shows it: (columns used, for each cursor move: the column where the text
    before it ended, and where the move landed)."""
    import unicodedata

    def cells(text: str) -> int:
        return sum(ambiguous if unicodedata.east_asian_width(c) == "A" else cell_len(c) for c in text)

    lines = []
    for raw in output.split("\n"):
        column, moves, at = 0, [], 0
        for match in [*_CONTROL.finditer(raw), None]:
            text = raw[at : match.start() if match else len(raw)]
            ink = column + cells(text.rstrip())
            column += cells(text)
            if match is None:
                break
            if match.group(2) == "G":  # cursor to column N (1-based)
                column = int(match.group(1)) - 1
                moves.append((ink, column))
            at = match.end()
        lines.append((column, moves))
    return lines


@pytest.mark.parametrize("width", [100, 160])
def test_side_by_side_on_a_terminal_does_not_depend_on_ambiguous_widths(digest, width):
    """“ ” … — shown one or two columns wide: the English column starts where the layout put it
    (never over the Chinese), and no line runs past the edge."""
    out = io.StringIO()
    TerminalWriter(Console(file=out, width=width, force_terminal=True, color_system=None), full=True).part(digest)
    output = out.getvalue()
    assert "“" in output
    for ambiguous in (1, 2):
        lines = _screen_lines(output, ambiguous=ambiguous)
        assert all(used <= width for used, _ in lines), max(used for used, _ in lines)
        moves = [move for _, line_moves in lines for move in line_moves]
        assert len(moves) > 20 and all(ink < landing for ink, landing in moves)
    narrow = [landing for _, moves in _screen_lines(output, ambiguous=1) for _, landing in moves]
    wide = [landing for _, moves in _screen_lines(output, ambiguous=2) for _, landing in moves]
    assert narrow == wide
