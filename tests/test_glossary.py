"""Glossary files: loading with loud, located errors; protecting terms before translation;
verifying them after."""

from __future__ import annotations

import pytest

from summarize.errors import UsageError
from summarize.glossary import Glossary, default_glossary, load_glossary, parse_glossary


def write(tmp_path, text: str, name: str = "terms.tsv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_comments_blank_lines_and_alternatives(tmp_path):
    path = write(tmp_path, "\ufeff# place names\n\n义乌\tYiwu\n  # indented comment\n西安\tXi'an|Xian\n同比\tyear on year\n")
    g = load_glossary(path)
    assert len(g) == 3
    assert g.get("义乌").en == "Yiwu"
    assert g.get("西安").forms == ("Xi'an", "Xian")
    assert (g.get("同比").source, g.get("同比").line) == (str(path), 6)


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("义乌\tYiwu\n金华 Jinhua\n", 2, ["no tab", "金华 Jinhua"]),
        ("义乌\t\n", 1, ["English is empty"]),
        ("\tYiwu\n", 1, ["Chinese term is empty"]),
        ("义乌\tYiwu\n# c\n义乌\tXinyu\n", 3, ["义乌", "'Yiwu' (line 1)", "'Xinyu'"]),
        ("义乌\tYiwu\tcity\n", 1, ["more than one tab"]),
        ("义乌\tYiwu|\n", 1, ["English is empty"]),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(UsageError) as err:
        load_glossary(path)
    message = str(err.value)
    assert f"{path}:{line}:" in message
    assert "\n" not in message
    for word in words:
        assert word in message


def test_same_term_twice_with_the_same_english_is_fine(tmp_path):
    assert len(load_glossary(write(tmp_path, "义乌\tYiwu\n义乌\tYiwu\n"))) == 1


def test_missing_directory_and_non_utf8_files(tmp_path):
    with pytest.raises(UsageError, match="not found"):
        load_glossary(tmp_path / "nope.tsv")
    with pytest.raises(UsageError, match="directory"):
        load_glossary(tmp_path)
    bad = tmp_path / "gbk.tsv"
    bad.write_bytes("义乌\tYiwu\n".encode("gbk"))
    with pytest.raises(UsageError, match=r"gbk.tsv:1: the glossary is not UTF-8"):
        load_glossary(bad)


def test_default_glossary_is_large_and_well_formed():
    g = default_glossary()
    assert len(g) >= 300
    for zh, en in [("义乌", "Yiwu"), ("金华", "Jinhua"), ("浙江", "Zhejiang"), ("国家高新技术企业", "national high-tech enterprises")]:
        assert g.get(zh).en == en


def test_longest_term_wins_and_protect_inserts_english():
    g = parse_glossary("浙江\tZhejiang\n浙江大学\tZhejiang University\n义乌\tYiwu\n")
    assert [e.zh for _, _, e in g.find("浙江大学义乌研究院在浙江")] == ["浙江大学", "义乌", "浙江"]
    text, restore = g.protect("浙江大学义乌研究院")
    assert text == "Zhejiang University Yiwu 研究院"
    assert restore("the zhejiang university  yiwu institute , ok") == "the Zhejiang University Yiwu institute, ok"


def test_protect_without_terms_is_identity():
    text, restore = Glossary().protect("今天天气很好")
    assert text == "今天天气很好"
    assert restore("  The weather is fine .") == "The weather is fine."


def test_verify_tolerates_case_hyphens_and_possessives():
    g = parse_glossary("同比\tyear on year\n义乌\tYiwu\n西安\tXi'an|Xian\n")
    assert g.verify("同比增长17.9%，义乌", "Yiwu's output was up 17.9% Year-on-Year") == []
    assert g.verify("西安", "in Xian") == []
    assert [e.zh for e in g.verify("义乌和西安", "Xinyu and Xi’an")] == ["义乌"]


def test_fingerprint_changes_with_entries():
    a = parse_glossary("义乌\tYiwu\n")
    b = parse_glossary("义乌\tYiwu City\n")
    assert a.fingerprint() == parse_glossary("# same\n义乌\tYiwu\n").fingerprint()
    assert a.fingerprint() != b.fingerprint()
    assert a.merged(b).get("义乌").en == "Yiwu City"


def test_proper_names_keep_places_and_institutions_not_common_terms():
    g = parse_glossary("义乌\tYiwu\n国务院\tState Council\n同比\tyear-on-year|year on year\n市委\tmunicipal Party committee\n")
    assert sorted(entry.zh for entry in g.proper_names()) == ["义乌", "国务院"]
    names = default_glossary().proper_names()
    assert "金华" in names and "浙江大学" in names and "跨境电商" not in names and "跨境电商" in default_glossary()
