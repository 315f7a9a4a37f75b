"""Repair translations whose numbers are wrong, where that is safe.

A unit whose English fails the number check is translated once more with its quantities written
into the Chinese as their exact English amounts ("1550亿元" -> "155 billion yuan", "超210万种" ->
"over 2.1 million"). A translation model copies Latin script and digits from its input far more
reliably than it converts 亿 and 万 (small models were seen here turning 1550亿元 into "1550 billion"
and 210万 into "21 million"). Placeholders restored after translation were the alternative; they
depend on the model keeping an opaque token intact, which small models often do not, while the
English amount is already the text we want in the output. The retranslation is kept only when its
findings are fewer (numbers first, then all checks) and it is an English at all: an empty, echoed
or truncated retranslation (a chat model's guard drops an answer it cannot use) never replaces a
whole first translation, whatever its figures. Otherwise the first translation and its findings
stand, and the findings go to the reader.

Chinese words still left in the English kept (a model's own word fill-in, summarize/engines/
instruct.py, gets echoes for lone words such as 生动) are then filled from the dictionary
(summarize/dictionary_fill.py: glossary, names, CC-CEDICT senses, else pinyin), with a
``dictionary`` finding naming them, so the reader knows these words are a dictionary's, not a
translation's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .checks import Finding, check_pair, untranslated_runs
from .dictionary_fill import FilledWord, fill_from_dictionary, filled_message
from .glossary import Glossary
from .quantities import Quantity, compare_numbers, find_quantities, required_in_translation, to_english
from .registry import Progress, Translator

__all__ = ["RepairResult", "repair_translations", "rewrite_quantities"]


@dataclass
class RepairResult:
    id: str
    zh: str
    en: str  # the English kept
    findings: list[Finding] = field(default_factory=list)  # on the English kept
    repaired: bool = False  # the retranslation replaced the first English
    original_en: str = ""
    retry_en: str | None = None  # the retranslation, when one was made
    filled: list[FilledWord] = field(default_factory=list)  # words put in from the dictionary


def rewrite_quantities(zh: str, quantities: Sequence[Quantity] | None = None) -> str:
    """`zh` with each quantity (all of them, or those given) replaced by its exact English amount,
    set off by spaces: "汇聚超210万种商品" -> "汇聚 over 2.1 million 商品"."""
    chosen = find_quantities(zh) if quantities is None else sorted(quantities, key=lambda q: q.start)
    out: list[str] = []
    last = 0
    for q in chosen:
        if q.start < last:
            continue
        out.append(zh[last : q.start])
        written = "".join(out)
        left = " " if written and not written[-1].isspace() else ""
        right = " " if q.end < len(zh) and not zh[q.end].isspace() else ""
        out.append(f"{left}{to_english(q)}{right}")
        last = q.end
    out.append(zh[last:])
    return "".join(out)


_NO_TRANSLATION = ("missing", "echo")


def _score(findings: list[Finding]) -> tuple[int, int, int]:
    """Lower is better: no English (or the Chinese again) is worse than a wrong figure."""
    checks = [f.check for f in findings]
    return (sum(c in _NO_TRANSLATION for c in checks), checks.count("numbers"), len(checks))


def repair_translations(
    units: Sequence[tuple[str, str, str]],
    translator: Translator,
    glossary: Glossary | None = None,
    *,
    on_progress: Progress | None = None,
) -> list[RepairResult]:
    """Check each (id, zh, en) unit; retranslate those that fail the number check with their
    quantities rewritten into English amounts, in one batch, and keep whichever English has fewer
    findings; then fill the Chinese words left in it from the dictionary. Returns one result per
    unit, in order. `glossary` is for the checks and the fill; to protect its terms in the
    retranslation, give a glossary-protected translator (summarize.wrappers)."""
    results = _repair_numbers(units, translator, glossary, on_progress)
    for result in results:
        _fill_untranslated(result, glossary)
    return results


def _repair_numbers(
    units: Sequence[tuple[str, str, str]],
    translator: Translator,
    glossary: Glossary | None,
    on_progress: Progress | None,
) -> list[RepairResult]:
    results = []
    retry: list[tuple[int, str]] = []  # (index, text for the model)
    for index, (unit_id, zh, en) in enumerate(units):
        findings = check_pair(zh, en, unit_id=unit_id, glossary=glossary)
        results.append(RepairResult(unit_id, zh, en, findings, original_en=en))
        if not any(f.check == "numbers" for f in findings):
            continue
        report = compare_numbers(zh, en)
        wrong = [q for q, _ in report.missing]
        if not wrong:  # only numbers the Chinese does not have: pin every figure it does have
            wrong = [q for q in find_quantities(zh) if required_in_translation(q)]
        if not wrong:
            continue
        retry.append((index, rewrite_quantities(zh, wrong)))
    if not retry:
        return results
    outputs = translator.translate([text for _, text in retry], on_progress=on_progress)
    for (index, _), second in zip(retry, outputs):
        result = results[index]
        result.retry_en = second
        findings = check_pair(result.zh, second, unit_id=result.id, glossary=glossary)
        if _score(findings) < _score(result.findings):
            result.en, result.findings, result.repaired = second, findings, True
    return results


def _fill_untranslated(result: RepairResult, glossary: Glossary | None) -> None:
    """The Chinese words left in `result`'s English put in from the dictionary, with a finding
    that says so in place of the ``untranslated`` one."""
    if not any(f.check == "untranslated" for f in result.findings):
        return  # also an echoed English: a word-for-word dictionary gloss is no translation of it
    en, filled = fill_from_dictionary(result.en, untranslated_runs(result.zh, result.en), glossary)
    if not filled:
        return
    findings = check_pair(result.zh, en, unit_id=result.id, glossary=glossary)
    findings.append(Finding("dictionary", result.id, filled_message(filled), result.zh, en))
    result.en, result.findings, result.filled = en, findings, filled
