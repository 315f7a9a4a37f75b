"""The fidelity checks against professional MQM error annotations (`eval_checks.py --mqm`).

WMT23 Chinese->English news: 10 MT systems' outputs for 377 source segments, each annotated by three
professional raters with MQM error spans (google/wmt-mqm-human-evaluation, Apache-2.0; a copy in
../shared/eval/mqm_wmt23_zh_en). Three figures:

- quiet: findings on the segments no rater faulted (no error above Neutral from any rater), and on
  those with no accuracy error (fluency and style errors only);
- precision of each check: a flagged segment is right when a rater marked an accuracy error on the
  words the finding is about (the English figure it names, the Chinese one it misses or the English
  figures said in its place; the Chinese left in; the repeated phrase; for length and omission, any
  addition or omission);
- recall on wrong English numbers: segments where a rater marked a Major accuracy error on a span
  holding a figure written in digits that says the same as no quantity of the source; caught when
  the number check flags the segment.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from summarize.checks import check_pair
from summarize.quantities import compare_numbers, find_english_quantities, find_quantities, same_value
from summarize.text import HAN_CHARS

_HAN_RUN = re.compile(f"[{HAN_CHARS}]+")
_QUOTED = re.compile(r"'(.+?)'")


def load(folder: Path) -> list[tuple[str, str, str, list[dict]]]:
    """(id, zh, en, annotations) per system segment."""
    labels = {}
    with open(folder / "labels.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            labels[row["id"]] = row["annotations"]
    out = []
    with open(folder / "pairs.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            out.append((row["id"], row["zh"], row["en"], labels.get(row["id"], [])))
    return out


def _faulted(annotations: list[dict]) -> bool:
    return any(a["severity"] not in ("No-error", "Neutral") and a["category"] != "No-error" for a in annotations)


def _accuracy(annotations: list[dict], major: bool = False) -> list[dict]:
    return [a for a in annotations if (a["category"].startswith("Accuracy") or a["category"] == "Non-translation!")
            and (a["severity"] == "Major" or not major and a["severity"] == "Minor")]  # fmt: skip


def _overlaps(words: str, span: str) -> bool:
    words, span = words.strip().lower(), span.strip().lower()
    if not words or not span:
        return False
    if words in span or span in words:
        return True
    digits = set(re.findall(r"\d[\d,.]*\d|\d", words))
    return bool(digits & set(re.findall(r"\d[\d,.]*\d|\d", span)))


def _number_words(zh: str, en: str) -> tuple[list[str], list[str]]:
    """(English words, Chinese words) the number check's findings are about."""
    report = compare_numbers(zh, en)
    english = [e.text for e in report.extra] + [s.text for _, s in report.missing if s is not None]
    if report.missing:  # what the English says instead: its figures that say no Chinese quantity
        source = find_quantities(zh)
        english += [e.text for e in find_english_quantities(en) if not any(same_value(q, e) for q in source)]
    chinese = [q.text for q, _ in report.missing] + [q.text for q, _ in report.reversed]
    return english, chinese


def _confirmed(check: str, findings: list, zh: str, en: str, annotations: list[dict]) -> bool:
    accuracy = _accuracy(annotations)
    if check == "numbers":
        english, chinese = _number_words(zh, en)
        return any(
            any(_overlaps(w, a["target_span"]) for w in english) or any(_overlaps(w, a["source_span"]) for w in chinese)
            for a in accuracy
        )
    if check in ("untranslated", "echo"):
        runs = [r for f in findings for r in _HAN_RUN.findall(f.message)] or _HAN_RUN.findall(en)
        return any(any(_overlaps(r, a["target_span"]) for r in runs) for a in accuracy) or any(
            a["category"] in ("Non-translation!", "Accuracy/Source language fragment") for a in accuracy
        )
    if check == "repetition":
        phrases = [m.group(1) for f in findings for m in _QUOTED.finditer(f.message)]
        return any(any(_overlaps(p, a["target_span"]) for p in phrases) for a in accuracy)
    return any("Omission" in a["category"] or "Addition" in a["category"] for a in accuracy)


def _wrong_number(zh: str, annotations: list[dict]) -> bool:
    """A rater marked a Major accuracy error on a span with a figure in digits that says the same
    as no quantity of the source."""
    source = find_quantities(zh)
    for a in _accuracy(annotations, major=True):
        for e in find_english_quantities(a["target_span"]):
            if re.search(r"\d", e.text) and not any(same_value(q, e) for q in source):
                return True
    return False


def evaluate(folder: Path, show: int = 0) -> dict:
    rows = load(folder)
    clean = flagged_clean = accurate = flagged_accurate = 0
    by_check: Counter = Counter()
    right: Counter = Counter()
    targets = caught = 0
    shown = 0
    for id_, zh, en, marks in rows:
        findings = check_pair(zh, en)
        checks = {f.check for f in findings}
        if not _faulted(marks):
            clean += 1
            flagged_clean += bool(findings)
            if findings and shown < show:
                shown += 1
                print(f"  [clean {id_}] " + " | ".join(f"{f.check}: {f.message}" for f in findings))
        if not _accuracy(marks):
            accurate += 1
            flagged_accurate += bool(findings)
        for check in checks:
            by_check[check] += 1
            ok = _confirmed(check, [f for f in findings if f.check == check], zh, en, marks)
            right[check] += ok
            if not ok and shown < show:
                shown += 1
                print(f"  [unconfirmed {id_}] " + " | ".join(f.message for f in findings if f.check == check))
        if _wrong_number(zh, marks):
            targets += 1
            caught += "numbers" in checks
            if "numbers" not in checks and shown < show:
                shown += 1
                print(f"  [missed {id_}] {zh[:60]} || {en[:100]}")
    return {"segments": len(rows), "clean": clean, "flagged_clean": flagged_clean, "accurate": accurate,
            "flagged_accurate": flagged_accurate, "by_check": by_check, "right": right, "targets": targets,
            "caught": caught}  # fmt: skip


def report(folder: Path, show: int = 0) -> None:
    r = evaluate(folder, show)
    print("WMT23 zh-en MQM (10 MT systems, 3 professional raters per segment)\n")
    print(f"Segments no rater faulted: {r['clean']} of {r['segments']}; flagged by any check: {r['flagged_clean']}")
    print(f"Segments with no accuracy error (fluency or style only): {r['accurate']}; "
          f"flagged: {r['flagged_accurate']}\n")  # fmt: skip
    print("| check | segments flagged | a rater marked an accuracy error on those words | precision |")
    print("|---|---:|---:|---:|")
    for check, n in sorted(r["by_check"].items(), key=lambda kv: -kv[1]):
        print(f"| {check} | {n} | {r['right'][check]} | {100 * r['right'][check] / n:.0f}% |")
    print(f"\nWrong English numbers (Major accuracy error on a figure the source does not have): "
          f"{r['caught']} of {r['targets']} segments caught by the number check")  # fmt: skip
