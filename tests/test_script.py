"""Script detection and what is passed through untranslated (summarize/script.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarize.script import OTHER, SIMPLIFIED, TRADITIONAL, detect_script, passthrough_notice, to_simplified, to_traditional
from summarize.segmentation import segment_text


def test_a_few_traditional_characters_do_not_make_a_page_traditional():
    assert detect_script("国务院发布通知，要求各地做好防汛工作，文中引用了一个“這”字。") == SIMPLIFIED
    long_quote = "国务院发布通知，要求各地做好防汛工作、保障群众生命财产安全和社会稳定。引文：「這個」。"
    assert detect_script(long_quote) == SIMPLIFIED  # under 8% of its Han characters change
    assert detect_script("這個會議說明，經濟發展與國際貿易關係密切。") == TRADITIONAL
    assert detect_script("") == OTHER and detect_script("2026-05-15 12:00") == OTHER


def test_conversion_round_trip_of_common_words():
    assert to_simplified("經濟發展") == "经济发展"
    assert to_traditional("经济发展") == "經濟發展"


@given(st.text(alphabet=st.sampled_from(list("這個會議經濟發展與國際貿易關係乾隆后里面了解，。abc 123\n")), max_size=80))
def test_conversion_keeps_length_and_line_breaks(text):
    for converted in (to_simplified(text), to_traditional(text)):
        assert len(converted) == len(text)
        assert [i for i, c in enumerate(converted) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


def test_passthrough_notice_names_what_is_not_translated():
    english = segment_text("Exports rose 8.1 percent in April, customs data showed on Friday.\n")
    english.script = detect_script(english.text)
    assert "no Chinese text" in passthrough_notice(english)
    mixed = segment_text("标题\n\n今年一季度，全市生产总值增长6.5%。The economy grew faster than expected this year.\n")
    assert passthrough_notice(mixed) == "1 sentence(s) without Chinese (e.g. English) are shown as they are, not translated"
    chinese = segment_text("标题\n\n今年一季度，全市生产总值增长6.5%。\n")
    assert passthrough_notice(chinese) is None
