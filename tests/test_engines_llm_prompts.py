"""Prompt files and their slots, and the cleaning and judging of chat answers (pure functions on
text: answers written here as chat models write them, no model involved)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.engines.chat import fill, load_task_prompt
from summarize.engines.guard import (
    clean_summary,
    clean_translation,
    complete_sentences,
    summary_problem,
    translation_problem,
)
from summarize.engines.pull import files_to_fetch
from summarize.errors import UsageError

ZH = "义乌市场成交额达1550亿元。"


def test_empty_slots_drop_their_line_and_values_are_never_read_as_slots():
    template = "Names: {terms}\nAmounts: {quantities}\nChinese: {text}"
    assert fill(template, {"text": "价格{text}上涨", "terms": ""}) == "Chinese: 价格{text}上涨"
    assert fill(template, {"text": "x", "terms": "义乌 = Yiwu", "quantities": "1550亿元 = 155 billion yuan"}).splitlines() == [
        "Names: 义乌 = Yiwu",
        "Amounts: 1550亿元 = 155 billion yuan",
        "Chinese: x",
    ]


@given(st.text(max_size=40))
def test_any_text_reaches_the_prompt_verbatim(text):
    assert fill("A: {text} :B", {"text": text}) == f"A: {text} :B".strip() or not text.strip()


def test_packaged_prompts_and_a_user_file(tmp_path):
    translate = load_task_prompt("translate")
    assert "{text}" in translate.user and "{" not in translate.system and translate.retry
    messages = translate.messages({"text": ZH}, retry=True)
    assert [m["role"] for m in messages] == ["system", "user"] and messages[1]["content"].endswith(translate.retry)
    own = tmp_path / "mine.toml"
    own.write_text('[translate]\nsystem = "Be brief."\nuser = "EN please: {text}"\n', encoding="utf-8")
    assert load_task_prompt("translate", own).user == "EN please: {text}"
    assert load_task_prompt("summarize", own) == load_task_prompt("summarize")  # not in the file: packaged


@pytest.mark.parametrize(
    "content, message",
    [
        ("[other]\nx = 1\n", "neither a \\[translate\\] nor a \\[summarize\\] table"),
        ('[translate]\nuser = "no slot"\n', "no \\{text\\} slot"),
        ('[translate]\nuser = "{text}"\ntemperature = 0.2\n', "unknown keys: temperature"),
        ("[translate\n", "not valid TOML"),
    ],
)
def test_bad_prompt_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_task_prompt("translate", path)
    with pytest.raises(UsageError, match="not found"):
        load_task_prompt("translate", tmp_path / "missing.toml")


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("Here is the translation:\nYiwu's market turnover reached 155 billion yuan.", "Yiwu's market turnover reached 155 billion yuan."),
        ('"Yiwu\'s market turnover reached 155 billion yuan."', "Yiwu's market turnover reached 155 billion yuan."),
        ("English: The market grew.\n\nNote: 亿 means a hundred million.", "The market grew."),
        ("Chinese: 义乌市场成交额达1550亿元。\nEnglish: The market grew.", "The market grew."),
        ("```\nThe market grew.\n```", "The market grew."),
        ("**The market grew.**", "The market grew."),
        ("Sure! The translation is: The market grew. (Note: literal.)", "The market grew."),
        # Seen from Qwen2.5-Coder-1.5B on the sample page: the English under a wrong label, or after
        # a lead-in that the trailing-note rule alone would have taken for a note.
        ("Chinese: The market grew.", "The market grew."),
        ('The Chinese text translates to: "The market grew."', "The market grew."),
        ("Names: 傅妙玲 = Fu Miaoling\nThe market grew.", "The market grew."),
    ],
)
def test_chatter_around_a_translation_is_removed(answer, expected):
    assert clean_translation(answer, ZH) == expected


def test_a_quoted_source_keeps_its_quotes():
    assert clean_translation("“Sell to the world.”", "“买全球，卖全球。”") == "“Sell to the world.”"


@pytest.mark.parametrize(
    "answer, problem",
    [
        ("", "empty"),
        ("义乌市场成交额达1550亿元。", "answered in Chinese"),
        ("I'm sorry, but I can't help with that.", "refusal"),
        ("Please provide the text you want translated.", "refusal"),
        ("This sentence means that the market in Yiwu is large.", "explanation"),
        ("The market grew. " * 20, "far longer"),
    ],
)
def test_answers_that_are_not_translations_are_named(answer, problem):
    assert problem in translation_problem(ZH, answer)


def test_a_translation_passes():
    assert translation_problem(ZH, "Yiwu's market turnover reached 155 billion yuan.") is None
    assert translation_problem(ZH, "Turnover at the 义乌 market reached 155 billion yuan.") is None  # Chinese left: the checks' job


def test_summaries_are_cleaned_and_judged():
    assert clean_summary("摘要：义乌市场成交额达1550亿元。\n同比增长。") == "义乌市场成交额达1550亿元。同比增长。"
    assert summary_problem("The market grew.") == "not in Chinese"
    assert summary_problem("义乌市场成交额达1550亿元。") is None
    assert complete_sentences("义乌市场成交额达1550亿元。同比增长百分之") == "义乌市场成交额达1550亿元。"
    assert complete_sentences("没有句号") == "没有句号"


def test_pull_fetches_every_small_non_weight_file_and_one_weight_format():
    sizes = {
        "config.json": 700,
        "tokenizer.json": 7_000_000,
        "vocab.json": 2_700_000,
        "merges.txt": 1_600_000,
        "tokenizer_config.json": 7_300,
        "generation_config.json": 240,
        "LICENSE": 11_000,
        "README.md": 4_900,
        "model-00001-of-00002.safetensors": 4_000_000_000,
        "model-00002-of-00002.safetensors": 3_000_000_000,
        "model.safetensors.index.json": 27_000,
        "pytorch_model.bin": 6_000_000_000,
        "flax_model.msgpack": 6_000_000_000,
        "big-table.csv": 900_000_000,
        ".gitattributes": 1_500,
    }
    wanted = files_to_fetch(sizes)
    assert wanted[-2:] == ["model.safetensors.index.json", "model-*.safetensors"]
    assert set(wanted[:-2]) == {"config.json", "tokenizer.json", "vocab.json", "merges.txt", "tokenizer_config.json", "generation_config.json", "LICENSE", "README.md"}
    assert files_to_fetch({"config.json": 1, "model.onnx": 10}) is None
