"""`summarize check`: audit any translation output given as JSON lines of {"zh": ..., "en": ...}.

Every line is read and validated before anything is printed, so a bad line stops the run with one
error naming the file and line, and no partial report.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checks import check_pair
from ..errors import ExitStatus, InputError, UsageError
from ..glossary import Glossary
from .context import Context


def check(ctx: Context, pairs: str, *, glossary: str | None, default_glossary: bool, fail_on_findings: bool) -> ExitStatus:
    """Print one JSON line per pair; ERROR with `fail_on_findings` when any pair has findings.
    `default_glossary` verifies the names of places and institutions in the packaged glossary
    (a user's `glossary` wins where both have a term); person names are always verified."""
    from ..glossary import default_glossary as packaged_glossary
    from ..glossary import load_glossary

    if pairs == "-" and ctx.stdin_isatty:
        raise UsageError("no pairs on stdin", hint="Pipe JSON lines in, or pass a file: summarize check pairs.jsonl")
    terms = load_glossary(glossary) if glossary else None
    if default_glossary:
        terms = packaged_glossary().proper_names().merged(terms or Glossary())
    any_findings = False
    for report in audit(read_pairs(pairs, ctx.stdin), terms):
        any_findings = any_findings or not report["ok"]
        ctx.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    return ExitStatus.ERROR if fail_on_findings and any_findings else ExitStatus.SUCCESS


@dataclass
class Pair:
    id: Any  # the line's "id", else its line number
    zh: str
    en: str


def read_pairs(path: str, stdin) -> list[Pair]:
    """Pairs from a JSONL file, or from `stdin` for "-"."""
    name = "<stdin>" if path == "-" else path
    try:
        data = stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=name, hint="Check the path") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a JSONL file of pairs", path=name, hint="Give a .jsonl file") from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", path=name, hint="Check the file and its permissions") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"line {line}: not UTF-8", path=name, hint="JSON lines are UTF-8") from None
    return parse_pairs(text, name)


def parse_pairs(text: str, name: str = "<pairs>") -> list[Pair]:
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not valid JSON ({exc.msg}; column {exc.colno})", path=name, hint="Fix that line: one JSON object per line") from None
        if not isinstance(item, dict):
            raise InputError(f'line {number}: expected an object like {{"zh": "...", "en": "..."}}', path=name, hint="Fix that line")
        for key in ("zh", "en"):
            if not isinstance(item.get(key), str):
                problem = "missing" if key not in item else "not a string"
                raise InputError(f'line {number}: "{key}" is {problem}', path=name,
                                 hint='Each line needs {"zh": "...", "en": "..."} (and may have "id")')  # fmt: skip
        pairs.append(Pair(item.get("id", number), item["zh"], item["en"]))
    return pairs


def audit(pairs: list[Pair], glossary: Glossary | None = None) -> Iterator[dict[str, Any]]:
    """One report per pair: {"id", "ok", "findings": [{check, unit_id, message, zh, en}]};
    `unit_id` is the pair's id as given (a number stays a number). Person names are checked too."""
    for pair in pairs:
        findings = check_pair(pair.zh, pair.en, unit_id=str(pair.id), glossary=glossary, names=True)
        yield {"id": pair.id, "ok": not findings, "findings": [{**f.to_dict(), "unit_id": pair.id} for f in findings]}
