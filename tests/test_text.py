"""Chinese text basics (summarize/text.py): the Han character class and sentence splitting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.text import HAN, has_han, sentence_texts, split_sentences


def sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    assert "".join(text[a:b] for a, b in spans) == text
    return [text[a:b] for a, b in spans]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        ("前半句；后半句。", ["前半句；", "后半句。"]),
        ("车间里机械臂精准运作……2025年，产值增长。", ["车间里机械臂精准运作……", "2025年，产值增长。"]),
        ("真的吗？！当然。", ["真的吗？！", "当然。"]),
        ("他说：“我们要加油。”大家都笑了。", ["他说：“我们要加油。”", "大家都笑了。"]),
        ("“这是最好的时代！”他说。", ["“这是最好的时代！”", "他说。"]),
        ("她问：『真的吗？』我点头。", ["她问：『真的吗？』", "我点头。"]),
        ("（详见第3版。）下一句。", ["（详见第3版。）", "下一句。"]),
        ("《通知》指出：「要做好准备。」", ["《通知》指出：「要做好准备。」"]),
        ("比上年增长10.5%，达23.66亿元。", ["比上年增长10.5%，达23.66亿元。"]),
        ("详见https://www.example.cn/a?b=1&c=2!更多信息。", ["详见https://www.example.cn/a?b=1&c=2!更多信息。"]),
        ("访问 www.example.com/x?y=1 了解。", ["访问 www.example.com/x?y=1 了解。"]),
        ("没有结束标点的尾巴", ["没有结束标点的尾巴"]),
        ("一句完整的话。还有没写完的", ["一句完整的话。", "还有没写完的"]),
        ("Exports rose 8.1 percent. Imports grew 2.3 percent.", ["Exports rose 8.1 percent. ", "Imports grew 2.3 percent."]),
        ("Mr. Li met Dr. Wang in the U.S. today. Then he left!", ["Mr. Li met Dr. Wang in the U.S. today. ", "Then he left!"]),
        ("Really? Yes! OK.", ["Really? ", "Yes! ", "OK."]),
        ("中文句子。English sentence. 又一句。", ["中文句子。", "English sentence. ", "又一句。"]),
        ("", []),
        ("。", ["。"]),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


@given(st.text(alphabet=st.sampled_from(list("中文字。！？；…”’」』）,.!? \n0123456789%abcXY“（/:")), max_size=200))
def test_spans_always_cover_the_text_in_order_without_empty_sentences(text):
    spans = split_sentences(text)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))
    assert all(text[a:b].strip() for a, b in spans) or not text.strip()


def test_unpunctuated_text_is_cut_between_words():
    """A run with no punctuation at all is cut into units, never inside a word (东南亚 whole)."""
    from summarize.chinese_words import jieba_module

    base = "义乌商户借助跨境电商平台拓展海外市场今年以来多家企业精准切入东南亚市场订单同比增长明显"
    for shift in range(40):
        text = "甲" * shift + base * 3
        spans = split_sentences(text)
        assert len(spans) > 1 and "".join(text[a:b] for a, b in spans) == text
        words_end = {0}
        for word in jieba_module().lcut(text):
            words_end.add(max(words_end) + len(word))
        assert all(b in words_end for _, b in spans), (shift, [text[b - 2 : b + 2] for _, b in spans])


# --- the Han character class ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "char, name",
    [
        ("中", "basic block"),
        ("㐀", "extension A"),
        ("\U00020000", "extension B"),
        ("\U00030000", "extension G"),
        ("\uf900", "compatibility ideograph"),
    ],
)
def test_han_characters(char, name):
    assert HAN.fullmatch(char), name
    assert has_han(f"abc{char}123")


@pytest.mark.parametrize(
    "char, name",
    [
        ("。", "ideographic full stop"),
        ("，", "fullwidth comma"),
        ("Ａ", "fullwidth letter"),
        ("あ", "hiragana"),
        ("한", "hangul"),
        ("䷀", "Yijing hexagram symbol"),
        ("a", "Latin"),
    ],
)
def test_not_han_characters(char, name):
    assert not HAN.fullmatch(char), name
    assert not has_han(f"abc {char} 123")


# --- sentence texts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("第一句。 第二句！\n", ["第一句。", "第二句！"]),
        ("前半句；后半句。", ["前半句；", "后半句。"]),
        ("上一行没有标点\n下一行。", ["上一行没有标点", "下一行。"]),
        ("他说：“好。”\n\n  ", ["他说：“好。”"]),
        ("  \n ", []),
    ],
)
def test_sentence_texts_are_stripped_and_end_at_line_breaks(text, expected):
    assert sentence_texts(text) == expected


@given(st.text(alphabet=st.sampled_from(list("中文字。！？；…”’」』）,.!? \n0123456789%abcXY“（/:")), max_size=200))
def test_sentence_texts_keep_every_visible_character_in_order(text):
    def visible(t: str) -> str:
        return "".join(t.split())

    found = sentence_texts(text)
    assert visible("".join(found)) == visible(text)
    assert all(s == s.strip() and s for s in found)
