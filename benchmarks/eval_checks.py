"""False alarms and detection rates of the fidelity checks (summarize/checks.py).

    python benchmarks/eval_checks.py [--ntrex DIR] [--wmt DIR] [--mqm [DIR]] [--show N]

1. False alarms: every pair of NTREX-128 zh-en (1997 professional translations of WMT19 English
   news into Chinese; CC BY-SA 4.0, Federmann et al. 2022), checked as (Chinese, English). A
   correct translation should pass; a pair flagged is counted as a false alarm, even where the
   translator did change a figure (NTREX's Chinese sometimes does: 九月 for "November").
   With --wmt, the same on WMT21 newstest2021 zh-en (Chinese-original news with reference
   translation A; internal evaluation only: this script prints counts, and text only with --show).
2. Detection: errors of the kinds small models make, injected into the NTREX English, one at a
   time: a magnitude error (a figure written ten times too large: 2.1 million -> 21 million), a
   dropped figure, Chinese left in the English, a generation loop, a sentence said twice, a rise
   given as a fall (or the other way round), a translation cut short, an
   empty translation, an echo of the source. An injected error counts as detected when the check
   meant for it fires.
3. With --mqm, the checks against professional MQM error annotations of WMT23 MT output (see
   benchmarks/mqm.py): findings on segments no rater faulted, precision of each check, recall on
   wrong English numbers.

Reads the data in place (default ../shared/eval/...); nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from summarize.checks import check_pair  # noqa: E402
from summarize.quantities import find_english_quantities, find_quantities, required_in_translation, same_value  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"
HAN = re.compile(r"[\u3400-\u9fff]")


def load(zh_path: Path, en_path: Path) -> list[tuple[str, str]]:
    zh = zh_path.read_text(encoding="utf-8").split("\n")
    en = en_path.read_text(encoding="utf-8").split("\n")
    return [(z, e) for z, e in zip(zh, en) if z.strip() or e.strip()]


def false_alarms(name: str, pairs: list[tuple[str, str]], show: int) -> dict:
    started = time.perf_counter()
    by_check: Counter = Counter()
    flagged = 0
    shown = 0
    for index, (zh, en) in enumerate(pairs):
        findings = check_pair(zh, en)
        if findings:
            flagged += 1
            by_check.update({f.check for f in findings})
            if shown < show:
                shown += 1
                print(f"  [{name} {index}] " + " | ".join(f"{f.check}: {f.message}" for f in findings))
    seconds = time.perf_counter() - started
    return {"pairs": len(pairs), "flagged": flagged, "by_check": by_check, "seconds": seconds}


# --- injected errors ------------------------------------------------------------------------------


def _figures(zh: str, en: str):
    """Each required Chinese quantity with an English quantity that says it, written in digits."""
    english = [e for e in find_english_quantities(en) if not e.spelled and e.kind in ("number", "money", "percent")]
    for q in find_quantities(zh):
        if not required_in_translation(q) or q.upper is not None or q.kind not in ("number", "money", "percent"):
            continue
        for e in english:
            if e.upper is None and same_value(q, e) and re.search(r"\d", e.text):
                yield e
                break


def inject_magnitude(zh: str, en: str):
    """Each figure in turn written ten times too large: 2.1 million -> 21 million, 17.9% -> 179%."""
    for e in _figures(zh, en):
        digits = re.search(r"\d[\d,]*(?:\.\d+)?", e.text)
        number = digits.group()
        if "." in number:
            whole, frac = number.split(".")
            bigger = whole + frac[0] + ("." + frac[1:] if frac[1:] else "")
        else:
            bigger = number + "0" if "," not in number else number + ",000"
        yield en[: e.start] + e.text[: digits.start()] + bigger + e.text[digits.end() :] + en[e.end :]


def inject_drop(zh: str, en: str):
    """Each figure in turn replaced by "some"."""
    for e in _figures(zh, en):
        yield en[: e.start] + "some" + en[e.end :]


def inject_chinese(zh: str, en: str) -> str | None:
    words = [m for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", en)][1:]
    runs = re.findall(r"[\u3400-\u9fff]{2,4}", zh)
    if not words or not runs:
        return None
    m = words[0]
    return en[: m.start()] + runs[0] + en[m.end() :]


def inject_loop(zh: str, en: str) -> str | None:
    words = en.split()
    if len(words) < 6:
        return None
    tail = " ".join(words[-3:]).rstrip(".")
    return en.rstrip(".") + (" " + tail) * 5


def inject_truncation(zh: str, en: str) -> str | None:
    if len(HAN.findall(zh)) < 25:
        return None
    words = en.split()
    return " ".join(words[: max(1, len(words) // 5)])


def inject_doubled(zh: str, en: str) -> str | None:
    """The whole sentence said twice, as a model that repeats itself writes it."""
    return f"{en} {en}" if len(en.split()) >= 6 and en.rstrip()[-1:] in ".!?\"”" else None


_OPPOSITES = {"rose": "fell", "fell": "rose", "increased": "decreased", "decreased": "increased", "up": "down",
              "down": "up", "grew": "declined", "declined": "grew", "rise": "fall", "fall": "rise",
              "increase": "decrease", "decrease": "increase", "higher": "lower", "lower": "higher",
              "dropped": "rose", "growth": "decline", "decline": "growth"}  # fmt: skip


def inject_direction(zh: str, en: str) -> str | None:
    """A rise given as a fall and the other way round (同比增长5% as "down 5%"), in pairs whose
    Chinese says which way a figure went."""
    if not any(q.change for q in find_quantities(zh)):
        return None
    pattern = r"\b(" + "|".join(_OPPOSITES) + r")\b"
    flipped = re.sub(pattern, lambda m: _OPPOSITES[m.group()], en)
    return flipped if flipped != en else None


INJECTIONS = [
    ("magnitude error (x10), each figure", inject_magnitude, "numbers"),
    ("figure dropped, each figure", inject_drop, "numbers"),
    ("Chinese left in", inject_chinese, "untranslated"),
    ("loop", inject_loop, "repetition"),
    ("sentence said twice", inject_doubled, "repetition"),
    ("rise given as fall or fall as rise", inject_direction, "numbers"),
    ("cut to a fifth", inject_truncation, "missing"),
    ("empty", lambda zh, en: "" if HAN.search(zh) else None, "missing"),
    ("echo of the source", lambda zh, en: zh if HAN.search(zh) else None, "echo"),
]


def detection(pairs: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    rows = []
    for label, inject, check in INJECTIONS:
        tried = hit = 0
        for zh, en in pairs:
            if check_pair(zh, en):
                continue  # only pairs that pass as they are
            made = inject(zh, en)
            for bad in [made] if made is None or isinstance(made, str) else made:
                if bad is None or bad == en:
                    continue
                tried += 1
                hit += any(f.check == check for f in check_pair(zh, bad))
        rows.append((label, tried, hit))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ntrex", type=Path, default=SHARED / "ntrex128_zh_en")
    parser.add_argument("--wmt", type=Path, nargs="?", const=SHARED / "wmt21_newstest_zh_en", default=None)
    parser.add_argument("--mqm", type=Path, nargs="?", const=SHARED / "mqm_wmt23_zh_en", default=None,
                        help="only the WMT23 MQM evaluation")  # fmt: skip
    parser.add_argument("--show", type=int, default=0, help="print the first N flagged pairs' findings")
    args = parser.parse_args()
    if args.mqm:
        from mqm import report

        report(args.mqm, args.show)
        return

    ntrex = load(args.ntrex / "newstest2019-ref.zho-CN.txt", args.ntrex / "newstest2019-src.eng.txt")
    sets = [("NTREX-128", ntrex)]
    if args.wmt:
        sets.append(("WMT21 (internal)", load(args.wmt / "newstest2021.zh-en.src.zh", args.wmt / "newstest2021.zh-en.ref.A.en")))

    print("False alarms on professional translations\n")
    print("| set | pairs | flagged | rate | numbers | other checks | ms/pair |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, pairs in sets:
        r = false_alarms(name, pairs, args.show)
        numbers = r["by_check"]["numbers"]
        other = sum(v for k, v in r["by_check"].items() if k != "numbers")
        print(f"| {name} | {r['pairs']} | {r['flagged']} | {100 * r['flagged'] / r['pairs']:.2f}% | {numbers} | {other} | "
              f"{1000 * r['seconds'] / r['pairs']:.2f} |")  # fmt: skip

    print("\nErrors injected into NTREX-128 English (pairs that pass as they are)\n")
    print("| error | cases | detected | rate |")
    print("|---|---:|---:|---:|")
    for label, tried, hit in detection(ntrex):
        print(f"| {label} | {tried} | {hit} | {100 * hit / tried if tried else 0:.1f}% |")


if __name__ == "__main__":
    main()
