"""Fuzzing. Segmentation on generated pages beyond tests/test_segmentation_properties.py (mixed
scripts, text that lost its punctuation, huge pages cut into parts): never raises, never loses or
duplicates a character, is deterministic, keeps units within the model limits. The CLI on random
files (`segment`, `run`, `check`): exit 0, 1 or 2 only, never a traceback, every stderr line its
own."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import assert_clean, invoke
from segmentation_checks import assert_lossless, assert_offsets
from test_segmentation_properties import (
    control,
    han_word,
    newspaper_page,
    paragraph,
    sentence,
)

from summarize.decoding import normalize_text
from summarize.segmentation import iter_page_parts, segment_text
from summarize.text import (
    MAX_RUN_CHARS,
    MAX_SENTENCE_CHARS,
    split_sentences,
)

KANA = "あいうえおかきくけこさしすせそアイウエオカキクケコー"
HANGUL = "가나다라마바사아자차카타파하한국서울"
EMOJI = "😀👍🇨🇳🎉"
foreign = st.one_of(
    st.text(alphabet=KANA, min_size=1, max_size=12),
    st.text(alphabet=HANGUL, min_size=1, max_size=12),
    st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9), min_size=1, max_size=12).map(" ".join),
    st.text(alphabet=EMOJI, min_size=1, max_size=3),
    st.sampled_from(["１２３", "ＡＢＣ", "Ⅲ", "①②", "℃", "™", "\u0301", "\u200d"]),
)
marks = st.sampled_from(["，", "。", "、", "“", "”", " ", ". ", "!"])
mixed_sentence = st.lists(st.one_of(han_word, foreign, marks), max_size=30).map("".join)
LONG_URL = "http://example.cn/" + "a" * 150
# Big generated pages are slow to build and may be large: that is the point, not a problem.
SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example, HealthCheck.filter_too_much]
# Text that lost its punctuation (a PDF dump): long runs of words without any mark or space.
unpunctuated = st.lists(han_word, min_size=20, max_size=150).map("".join)


@st.composite
def mixed_page(draw):
    blocks = draw(st.lists(st.one_of(newspaper_page(), paragraph, mixed_sentence, unpunctuated, control), min_size=1, max_size=6))
    return "".join(block + draw(st.sampled_from(["\n", "\n\n", "", " "])) for block in blocks)


def check_units(page) -> None:
    for article in page.articles:
        for paragraph_ in article.paragraphs:
            for s in paragraph_.sentences:
                assert len(s.text) <= MAX_SENTENCE_CHARS or "http" in s.text or "www." in s.text, len(s.text)


@settings(max_examples=120, deadline=None, suppress_health_check=SLOW_OK)
@given(mixed_page())
def test_mixed_scripts_and_lost_punctuation_are_segmented_losslessly(text):
    page = segment_text(text)
    assert_lossless(page)
    assert_offsets(page)
    check_units(page)
    assert segment_text(text) == page


@settings(max_examples=100, deadline=None, suppress_health_check=SLOW_OK)
@given(st.lists(st.one_of(sentence, unpunctuated, foreign, st.sampled_from(["，", "、", " ", LONG_URL])), max_size=12).map("".join))
def test_sentence_units_cover_the_text_within_the_limits(text):
    spans = split_sentences(text)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a < b for a, b in spans) and all(b == c for (_, b), (c, _) in zip(spans, spans[1:]))
    for a, b in spans:
        piece = text[a:b]
        if "http" not in piece:
            assert len(piece) <= MAX_SENTENCE_CHARS
            longest_run = max((len(r) for r in re.split(r"[，、：,:;\s]", piece)), default=0)
            assert longest_run <= MAX_RUN_CHARS + 1 or len(piece) <= MAX_RUN_CHARS


@settings(max_examples=30, deadline=None, suppress_health_check=SLOW_OK)
@given(st.lists(newspaper_page(), min_size=2, max_size=5).map("\n\n".join), st.integers(60, 2_000))
def test_a_page_segmented_in_parts_loses_nothing(text, part_chars):
    """Huge inputs are segmented part by part (cut between articles where possible): whatever
    the cut points, the parts together are lossless, with valid offsets and ids numbered through."""
    text = normalize_text(text)
    parts = list(iter_page_parts(text, part_chars=part_chars))
    merged = parts[0]
    for part in parts[1:]:
        assert part.text is text  # the parts share the text: no copies
        merged.articles += part.articles
        merged.preamble += part.preamble
        merged.preamble_spans += part.preamble_spans
    assert_lossless(merged)
    assert_offsets(merged)
    again = list(iter_page_parts(text, part_chars=part_chars))
    assert [a for p in again for a in p.articles] == merged.articles


# --- the CLI on random files ---------------------------------------------------------------------

page_bytes = st.one_of(
    st.binary(max_size=600),
    mixed_page().map(lambda t: t.encode("utf-8")),
    st.tuples(newspaper_page(noise=False), st.sampled_from(["gb18030", "big5", "utf-16", "utf-8-sig"])).map(
        lambda t: t[0].encode(t[1], errors="ignore")
    ),
    st.tuples(newspaper_page(), st.binary(min_size=1, max_size=8), st.integers(0, 400)).map(
        lambda t: t[0].encode()[: t[2]] + t[1] + t[0].encode()[t[2] :]
    ),
)
FIXTURE_CHECKS = [HealthCheck.function_scoped_fixture, *SLOW_OK]


def _run_on(data: bytes, *command, capsys, monkeypatch):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_bytes(data)
        result = invoke(*command, path, capsys=capsys, monkeypatch=monkeypatch)
    assert_clean(result)
    return result


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURE_CHECKS)
@given(page_bytes)
def test_segment_never_shows_a_traceback(capsys, monkeypatch, data):
    result = _run_on(data, "segment", "--json", capsys=capsys, monkeypatch=monkeypatch)
    if result.returncode == 0:
        assert json.loads(result.stdout)["input"].endswith("page.txt")
    else:
        assert result.returncode == 2 and len(result.errors) == 1


@settings(max_examples=15, deadline=None, suppress_health_check=FIXTURE_CHECKS)
@given(page_bytes)
def test_run_never_shows_a_traceback(capsys, monkeypatch, data):
    result = _run_on(data, "run", "--format", "json", "--full", "--no-cache", capsys=capsys, monkeypatch=monkeypatch)
    if result.returncode == 0:
        digest = json.loads(result.stdout)
        for article in digest["articles"]:
            assert all("en" in p for p in article["paragraphs"])
    else:
        assert result.returncode == 2 and len(result.errors) == 1


pair_lines = st.one_of(
    st.binary(max_size=300),
    st.lists(
        st.one_of(
            st.fixed_dictionaries({"zh": st.text(max_size=40), "en": st.text(max_size=40)}).map(
                lambda d: json.dumps(d, ensure_ascii=False)
            ),
            st.text(max_size=40),
            st.just('{"zh": 1}'),
        ),
        max_size=5,
    ).map(lambda lines: "\n".join(lines).encode("utf-8", errors="surrogatepass")),
)


@settings(max_examples=30, deadline=None, suppress_health_check=FIXTURE_CHECKS)
@given(pair_lines)
def test_check_never_shows_a_traceback(capsys, monkeypatch, data):
    result = _run_on(data, "check", capsys=capsys, monkeypatch=monkeypatch)
    if result.returncode == 0:
        for line in result.stdout.splitlines():
            assert set(json.loads(line)) >= {"ok", "findings"}
    else:
        assert result.returncode == 2 and len(result.errors) == 1
