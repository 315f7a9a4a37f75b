"""Number repair: units that fail the number check are translated again with their quantities
written as exact English amounts, and the better English is kept.

The control flow is tested with `LatinCopyTestDouble`, a rule-based stand-in that is not a model
and does not pretend to translate: it returns the Latin-script words and figures of its input, which
is exactly the part of a rewritten input the repair relies on a model to copy. The real loading path
is exercised with the tiny random-weight Marian checkpoints of tests/tiny_models.py."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.glossary import parse_glossary
from summarize.registry import EngineInfo
from summarize.repair import repair_translations, rewrite_quantities
from summarize.wrappers import GlossaryProtected


class LatinCopyTestDouble:
    """Test double for a Translator: keeps the Latin-script words and figures of each input."""

    info = EngineInfo(name="latin-copy-test-double", backend="test", kind="translation")

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def translate(self, texts: Sequence[str], *, on_progress=None) -> list[str]:
        self.calls.append(list(texts))
        out = [" ".join(re.findall(r"[A-Za-z0-9][A-Za-z0-9.,%'-]*", t)) for t in texts]
        if on_progress:
            on_progress(len(texts))
        return out


def test_rewrite_quantities_writes_exact_english_amounts():
    assert rewrite_quantities("义乌汇聚超210万种商品") == "义乌汇聚 over 2.1 million 商品"
    assert rewrite_quantities("投入达23.66亿元，同比增长17.9%。") == (
        "投入达 2.366 billion yuan ， up 17.9% year on year 。"
    )


def test_failing_unit_is_retranslated_and_the_better_english_kept():
    translator = LatinCopyTestDouble()
    units = [
        ("s1", "义乌汇聚超210万种商品", "Yiwu gathers over 21 million products"),
        ("s2", "义乌汇聚超210万种商品", "Yiwu gathers over 2.1 million products"),
    ]
    results = repair_translations(units, translator)
    assert translator.calls == [["义乌汇聚 over 2.1 million 商品"]]  # only the failing unit, once
    first, second = results
    assert (first.id, first.repaired, first.en, first.findings) == ("s1", True, "over 2.1 million", [])
    assert first.original_en == "Yiwu gathers over 21 million products"
    assert (second.repaired, second.retry_en, second.en, second.findings) == (False, None, units[1][2], [])


def test_original_is_kept_when_the_retry_is_no_better():
    class WorseTestDouble(LatinCopyTestDouble):
        def translate(self, texts, *, on_progress=None):
            return ["Yiwu gathers 21 million products, 21 million of them"] * len(texts)

    (result,) = repair_translations([("s1", "义乌汇聚超210万种商品", "Yiwu gathers over 21 million products")], WorseTestDouble())
    assert not result.repaired
    assert result.en == "Yiwu gathers over 21 million products"
    assert [f.check for f in result.findings] == ["numbers"]
    assert result.retry_en == "Yiwu gathers 21 million products, 21 million of them"


def test_an_empty_or_echoed_retry_never_replaces_a_whole_translation():
    """A chat model's guard gives no English for an answer it cannot use: that must not win over a
    first translation whose only fault is a figure."""
    zh = "今年一季度，我市科技创新投入达23.66亿元，同比增长17.9%，总量、增速两项指标均居金华第一。"
    first = ("In the first quarter the city's investment in sci-tech innovation reached 23.66 billion yuan, up 17.9% "
             "year on year, first in Jinhua in both total and growth.")  # fmt: skip

    class AnswerTestDouble(LatinCopyTestDouble):
        def __init__(self, answer: str):
            super().__init__()
            self.answer = answer

        def translate(self, texts, *, on_progress=None):
            self.calls.append(list(texts))
            return [self.answer] * len(texts)

    for answer in ("", zh):
        translator = AnswerTestDouble(answer)
        (result,) = repair_translations([("a2.summary.s1", zh, first)], translator)
        assert len(translator.calls) == 1  # the figure was wrong: a retry was asked for
        assert (result.repaired, result.en, result.retry_en) == (False, first, answer)
        assert [f.check for f in result.findings] == ["numbers"]
    (result,) = repair_translations([("s1", zh, "")], AnswerTestDouble(first))
    assert result.en == "" and [f.check for f in result.findings] == ["missing"]  # no number finding: no retry


def test_glossary_is_protected_in_the_retry():
    translator = LatinCopyTestDouble()
    glossary = parse_glossary("义乌\tYiwu\n")
    (result,) = repair_translations([("s1", "义乌汇聚超210万种商品", "Xinyu gathers 21 million goods")], GlossaryProtected(translator, glossary), glossary)
    assert translator.calls == [["Yiwu 汇聚 over 2.1 million 商品"]]
    assert result.repaired and result.en == "Yiwu over 2.1 million"
    assert result.findings == []


def test_units_without_number_findings_are_not_retranslated():
    translator = LatinCopyTestDouble()
    results = repair_translations([("s1", "你好", "Hello")], translator)
    assert translator.calls == [] and results[0].en == "Hello"


def test_repair_with_a_real_tiny_model(tiny_marian_ct2):
    """Random weights translate nothing well: the repair must load and run the model through the
    real path, and never keep an English with more findings than the first."""
    from summarize.engines.factories import Seq2SeqOptions, make_translator

    translator = make_translator("ctranslate2", str(tiny_marian_ct2), Seq2SeqOptions())
    units = [("s1", "义乌汇聚超210万种商品", "Yiwu gathers over 21 million products")]
    (result,) = repair_translations(units, translator)
    assert result.retry_en is not None
    assert len(result.findings) <= 1
    assert result.en in (units[0][2], result.retry_en)


class WordEchoTestDouble:
    """Test double for a Translator that leaves words in Chinese, as a small chat model did with
    待遇, 谐音梗, 担当 and 工艺礼品 (its own fill-in echoed them back): it answers each sentence from a
    table of such answers, and anything else with the Chinese again."""

    info = EngineInfo(name="word-echo-test-double", backend="test", kind="translation")

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers

    def translate(self, texts: Sequence[str], *, on_progress=None) -> list[str]:
        return [self.answers.get(text, text) for text in texts]


ECHOED_WORDS = {
    "员工享受同等待遇。": "Employees enjoy equal 待遇.",
    "年轻干部要敢于担当。": "Young cadres must dare to show 担当.",
    "义乌工艺礼品出口增长。": "Exports of Yiwu 工艺礼品 grew.",
    "这个谐音梗很有趣。": "This 谐音梗 is funny.",
    "游客品尝稠州味小吃。": "Visitors tasted 稠州味 snacks.",
}


def test_words_left_in_chinese_are_filled_from_the_dictionary():
    from summarize.text import HAN
    from summarize.wrappers import Repairing

    texts = list(ECHOED_WORDS)
    english = Repairing(WordEchoTestDouble(ECHOED_WORDS)).run(texts)
    assert [e.en for e in english] == [
        "Employees enjoy equal treatment.",
        "Young cadres must dare to show responsibility.",
        "Exports of Yiwu craft gifts grew.",
        "This homophonic pun is funny.",
        "Visitors tasted chouzhouwei snacks.",  # no English known: the pinyin, not the Chinese
    ]
    assert not any(HAN.search(e.en) for e in english)
    notes = [e.notes for e in english]
    assert notes[0] == [("dictionary", "not translated by the model; filled from the dictionary: 待遇 = treatment")]
    assert notes[4] == [("dictionary", "not translated by the model; filled from the dictionary: 稠州味 = chouzhouwei (pinyin)")]
    assert all([check for check, _ in n] == ["dictionary"] for n in notes)


def test_the_glossary_comes_before_the_dictionary_and_the_chinese_in_brackets_stays():
    glossary = parse_glossary("工艺礼品\tcrafts and gifts\n")
    zh = "义乌工艺礼品出口增长。"
    en = "This year the exports of Yiwu (义乌) 工艺礼品 grew again."
    (result,) = repair_translations([("s1", zh, en)], WordEchoTestDouble({}), glossary)
    assert result.en == "This year the exports of Yiwu (义乌) crafts and gifts grew again."  # a gloss in brackets stays
    assert [(w.zh, w.en, w.pinyin) for w in result.filled] == [("工艺礼品", "crafts and gifts", False)]
    assert [f.check for f in result.findings] == ["dictionary"]


def test_an_echoed_translation_is_not_filled_word_by_word():
    zh = "员工享受同等待遇。"
    (result,) = repair_translations([("s1", zh, zh)], WordEchoTestDouble({}))
    assert result.en == zh and not result.filled
    assert [f.check for f in result.findings] == ["echo"]
