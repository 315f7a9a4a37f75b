"""Glossaries: fixed English for Chinese terms, applied before translation and verified after.

File format (UTF-8), one entry a line::

    # comment
    义乌<TAB>Yiwu
    西安<TAB>Xi'an|Xian          # alternatives after "|": the first is the one inserted

`load_glossary(path)` raises `UsageError` naming the file and line for a line without a tab, an
empty side, or a term given twice with different English. `default_glossary()` is the one shipped
in the package (summarize/data/glossary.tsv: Chinese provinces and cities, Zhejiang counties,
countries, institutions and fixed policy terms).

Before translation `Glossary.protect(zh)` writes each term's English into the Chinese text (the
model copies Latin words it sees in the source far more reliably than it recalls a rare name:
义乌 otherwise comes out as "Xinyu"); the returned `restore` puts the glossary's capitalization
back and tidies spacing. `Glossary.verify(zh, en)` lists the terms whose English is missing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import UsageError

__all__ = ["GlossaryEntry", "Glossary", "load_glossary", "parse_glossary", "default_glossary"]


@dataclass(frozen=True)
class GlossaryEntry:
    zh: str
    en: str  # the preferred English, inserted by `protect`
    alternatives: tuple[str, ...] = ()  # other accepted English forms (verify only)
    source: str = ""
    line: int = 0

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.en, *self.alternatives)


def _fold(text: str) -> str:
    """Case, hyphens, curly apostrophes and spacing do not matter when verifying:
    year-on-year = Year on year, Xi’an = Xi'an."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return " ".join(re.sub(r"[-\u2010-\u2014]", " ", text).split())


class Glossary:
    def __init__(self, entries: Iterable[GlossaryEntry] = ()):
        self._entries: dict[str, GlossaryEntry] = {}
        for entry in entries:
            self._entries[entry.zh] = entry
        self._pattern: re.Pattern | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, zh: object) -> bool:
        return zh in self._entries

    def __iter__(self):
        return iter(self._entries.values())

    def get(self, zh: str) -> GlossaryEntry | None:
        return self._entries.get(zh)

    def fingerprint(self) -> str:
        """A short hash of the entries: part of cache keys, so a changed glossary retranslates."""
        digest = hashlib.sha256()
        for zh in sorted(self._entries):
            digest.update(f"{zh}\t{'|'.join(self._entries[zh].forms)}\n".encode())
        return digest.hexdigest()[:16]

    def merged(self, other: Glossary) -> Glossary:
        """This glossary with `other`'s entries added; `other` wins where both have a term."""
        return Glossary([*self._entries.values(), *other._entries.values()])

    def proper_names(self) -> Glossary:
        """The entries whose English is a name (capitalized): places, institutions, organizations;
        not the common terms (同比 -> year-on-year), which a good translation may well reword."""
        return Glossary(entry for entry in self if entry.en[:1].isupper())

    def _regex(self) -> re.Pattern | None:
        if self._pattern is None and self._entries:
            terms = sorted(self._entries, key=len, reverse=True)  # longest first: 浙江大学 before 浙江
            self._pattern = re.compile("|".join(map(re.escape, terms)))
        return self._pattern

    def find(self, zh: str) -> list[tuple[int, int, GlossaryEntry]]:
        """Occurrences of glossary terms in `zh`: (start, end, entry), left to right, longest
        match first, non-overlapping."""
        rx = self._regex()
        if rx is None:
            return []
        return [(m.start(), m.end(), self._entries[m.group()]) for m in rx.finditer(zh)]

    def terms_in(self, zh: str) -> list[GlossaryEntry]:
        seen: dict[str, GlossaryEntry] = {}
        for _, _, entry in self.find(zh):
            seen.setdefault(entry.zh, entry)
        return list(seen.values())

    def protect(self, zh: str) -> tuple[str, Callable[[str], str]]:
        """(text for the model, restore): each term replaced by its English, set off by spaces
        from the Chinese around it; `restore(translation)` gives the protected terms back the
        glossary's capitalization and removes doubled spaces."""
        hits = self.find(zh)
        if not hits:
            return zh, _tidy
        parts: list[str] = []
        last = 0
        for start, end, entry in hits:
            parts.append(zh[last:start])
            written = "".join(parts)
            left = " " if written and not written[-1].isspace() else ""
            right = " " if end < len(zh) and not zh[end].isspace() else ""
            parts.append(f"{left}{entry.en}{right}")
            last = end
        parts.append(zh[last:])
        used = {entry.en for _, _, entry in hits if entry.en != entry.en.lower()}

        def restore(en: str) -> str:
            for term in sorted(used, key=len, reverse=True):
                en = re.sub(rf"(?<![\w']){re.escape(term)}(?![\w])", term, en, flags=re.I)
            return _tidy(en)

        return "".join(parts), restore

    def verify(self, zh: str, en: str) -> list[GlossaryEntry]:
        """Entries whose term is in `zh` but none of whose English forms is in `en`."""
        folded = f" {_fold(en)} "
        missing = []
        for entry in self.terms_in(zh):
            if not any(_contains_form(folded, _fold(form)) for form in entry.forms):
                missing.append(entry)
        return missing


def _contains_form(folded_text: str, form: str) -> bool:
    """`form` as whole words (a trailing 's or s is fine: Yiwu's, enterprises)."""
    if not form:
        return True
    return re.search(rf"(?<![\w']){re.escape(form)}(?:'s|s|es)?(?![\w])", folded_text) is not None


def _tidy(en: str) -> str:
    en = re.sub(r"[ \t]{2,}", " ", en)
    en = re.sub(r" ([,.;:!?)])", r"\1", en)
    return en.strip()


def parse_glossary(text: str, source: str = "<glossary>") -> Glossary:
    entries: dict[str, GlossaryEntry] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip("\r\n").strip(" \ufeff")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{source}:{number}"
        if "\t" not in line:
            raise UsageError(
                f"{where}: no tab between the Chinese term and its English in {line.strip()!r}",
                hint="Write one entry a line as 中文<TAB>English",
            )
        zh, _, en = line.partition("\t")
        zh, en = zh.strip(), en.strip()
        if "\t" in en:
            raise UsageError(f"{where}: more than one tab in {line.strip()!r}", hint="Write 中文<TAB>English")
        forms = [f.strip() for f in en.split("|")]
        if not zh or not en or not all(forms):
            side = "Chinese term" if not zh else "English"
            raise UsageError(f"{where}: the {side} is empty in {line.strip()!r}", hint="Write 中文<TAB>English")
        entry = GlossaryEntry(zh, forms[0], tuple(forms[1:]), source, number)
        previous = entries.get(zh)
        if previous is not None and previous.forms != entry.forms:
            raise UsageError(
                f"{where}: {zh} is already in the glossary as {previous.en!r} (line {previous.line}), "
                f"now as {entry.en!r}",
                hint="Keep one translation per term (list alternatives as English|Other)",
            )
        entries[zh] = entry
    return Glossary(entries.values())


def load_glossary(path: str | Path) -> Glossary:
    """Read a glossary file (`中文<TAB>English` lines, `#` comments). UsageError on a missing or
    unreadable file and on bad lines, naming the file and line."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise UsageError("glossary file not found", path=str(p), hint="Check the path given with --glossary or as glossary in config.toml") from None
    except IsADirectoryError:
        raise UsageError("is a directory, not a glossary file", path=str(p), hint="Pass the glossary file itself") from None
    except OSError as exc:
        raise UsageError(f"cannot read the glossary ({exc.strerror or exc})", path=str(p), hint="Check its permissions") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UsageError(f"{p}:{line}: the glossary is not UTF-8", hint="Save it as UTF-8") from None
    return parse_glossary(text, str(p))


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The glossary shipped in the package (summarize/data/glossary.tsv)."""
    text = resources.files("summarize").joinpath("data", "glossary.tsv").read_text(encoding="utf-8")
    return parse_glossary(text, "summarize/data/glossary.tsv")
