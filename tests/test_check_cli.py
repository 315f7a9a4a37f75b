"""`summarize check PAIRS.jsonl`: one JSON report per pair, glossary options, exit codes, and
one-line errors naming the file and line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

OUTPUT_ZH = "2025年，全市规上工业总产值跃上1550亿元台阶，比上年增长10.5%"
PAIRS = [
    {"id": "wrong", "zh": OUTPUT_ZH, "en": "In 2025, the city's industrial output above designated size reached 1550 billion yuan, up 10.5%"},
    {"id": "right", "zh": OUTPUT_ZH, "en": "In 2025, the city's industrial output above designated size reached 155 billion yuan, up 10.5% over the previous year"},
    {"zh": "义乌汇聚超210万种商品", "en": "Yiwu gathers over 21 million products"},
    {"zh": "义乌汇聚超210万种商品", "en": "Yiwu gathers over 2.1 million products"},
    {"zh": "总量居金华第一", "en": "ranks first in金华"},
]


def summarize(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args], input=stdin, capture_output=True, cwd=REPO, env=env, timeout=120
    )


def jsonl(items) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def reports(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def test_one_report_per_pair_flags_the_errors_and_passes_the_fixes(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text(jsonl(PAIRS[:2]) + "\n" + jsonl(PAIRS[2:]), encoding="utf-8")  # a blank line is skipped
    result = summarize("check", str(path))
    assert result.returncode == 0, result.stderr
    out = reports(result)
    assert [r["id"] for r in out] == ["wrong", "right", 4, 5, 6]  # no "id": the line number
    assert [r["ok"] for r in out] == [False, True, False, True, False]
    wrong = out[0]["findings"]
    assert wrong == [{
        "check": "numbers", "unit_id": "wrong",
        "message": "1550亿元 (155 billion yuan) not found in the English; found 1550 billion yuan",
        "zh": OUTPUT_ZH, "en": PAIRS[0]["en"],
    }]  # fmt: skip
    assert "21 million" in out[2]["findings"][0]["message"]
    assert [f["unit_id"] for f in out[2]["findings"]] == [4]  # the id's type is kept: a line number stays a number
    assert out[4]["findings"][0]["check"] == "untranslated"
    assert "义乌" in result.stdout.decode("utf-8")  # not \u-escaped


def test_stdin_and_fail_on_findings():
    result = summarize("check", "-", "--fail-on-findings", stdin=jsonl(PAIRS[:1]).encode())
    assert result.returncode == 1 and reports(result)[0]["ok"] is False
    result = summarize("check", "-", "--fail-on-findings", stdin=jsonl(PAIRS[1:2]).encode())
    assert result.returncode == 0 and reports(result)[0]["ok"] is True


def test_glossary_file_and_default_glossary(tmp_path):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("# names\n义乌\tYiwu\n", encoding="utf-8")
    pair = jsonl([{"zh": "义乌汇聚超210万种商品", "en": "Xinyu gathers over 2.1 million products"}]).encode()
    assert reports(summarize("check", "-", "--no-default-glossary", stdin=pair))[0]["ok"] is True  # no glossary at all
    (report,) = reports(summarize("check", "-", "--no-default-glossary", "--glossary", str(glossary), stdin=pair))
    assert report["findings"][0]["message"] == "义乌 should be translated as Yiwu (glossary)"
    (report,) = reports(summarize("check", "-", "--default-glossary", stdin=pair))
    assert report["findings"][0]["check"] == "glossary"


def test_places_and_institutions_of_the_default_glossary_and_person_names_are_checked_by_default():
    zh = "浙江大学和义乌市副市长傅妙玲出席跨境电商论坛。"
    pairs = [
        {"id": "place", "zh": zh, "en": "Zhejiang University and Xinyu vice mayor Fu Miaoling attended a cross-border e-commerce forum."},
        {"id": "person", "zh": zh, "en": "Zhejiang University and Yiwu vice mayor Fuyi Liang attended a cross-border e-commerce forum."},
        {"id": "term", "zh": zh, "en": "Zhejiang University and Yiwu vice mayor Fu Miaoling attended a forum on online exports."},
    ]  # fmt: skip
    result = summarize("check", "-", stdin=jsonl(pairs).encode())
    assert result.returncode == 0, result.stderr
    by_id = {r["id"]: [(f["check"], f["message"]) for f in r["findings"]] for r in reports(result)}
    assert by_id == {
        "place": [("glossary", "义乌 should be translated as Yiwu (glossary)")],
        "person": [("names", "傅妙玲 should be written Fu Miaoling (pinyin), not found in the English")],
        "term": [],  # a common term (跨境电商) may be reworded: only names are verified by default
    }
    opted_out = {r["id"]: [f["check"] for f in r["findings"]]
                 for r in reports(summarize("check", "-", "--no-default-glossary", stdin=jsonl(pairs).encode()))}  # fmt: skip
    assert opted_out == {"place": [], "person": ["names"], "term": []}


def test_bad_glossary_line_is_a_usage_error(tmp_path):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("义乌\tYiwu\n金华 Jinhua\n", encoding="utf-8")
    result = summarize("check", "-", "--glossary", str(glossary), stdin=jsonl(PAIRS[:1]).encode())
    assert result.returncode == 2 and result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert f"{glossary}:2:" in err and err.count("\n") == 1 and "Traceback" not in err


def test_bad_lines_stop_with_one_line_naming_file_and_line(tmp_path):
    cases = [
        ('{"zh": "a", "en": "b"}\n{bad json\n', "line 2: not valid JSON"),
        ('{"zh": "a", "en": "b"}\n["zh", "en"]\n', "line 2: expected an object"),
        ('{"zh": "a"}\n', 'line 1: "en" is missing'),
        ('{"zh": 3, "en": "b"}\n', 'line 1: "zh" is not a string'),
    ]
    for text, words in cases:
        path = tmp_path / "pairs.jsonl"
        path.write_text(text, encoding="utf-8")
        result = summarize("check", str(path))
        err = result.stderr.decode("utf-8")
        assert result.returncode == 2, (text, err)
        assert result.stdout == b""  # nothing half-reported
        assert err.startswith(f"summarize: error: {path}: {words}") and err.count("\n") == 1


def test_missing_file_and_binary_input(tmp_path):
    result = summarize("check", str(tmp_path / "nope.jsonl"))
    assert result.returncode == 2 and "nope.jsonl: file not found" in result.stderr.decode()
    binary = tmp_path / "pairs.jsonl"
    binary.write_bytes(b'{"zh": "\xff\xfe", "en": "x"}\n')
    result = summarize("check", str(binary))
    assert result.returncode == 2 and "line 1: not UTF-8" in result.stderr.decode()
