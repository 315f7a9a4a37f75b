"""The Chinese reader against other projects' test cases (see peer_number_cases.py for sources and
licenses), and against cn2an where both read a bare numeral."""

from __future__ import annotations

from decimal import Decimal

import pytest
from peer_number_cases import LONE, NUMBERS, WORDS

from summarize.quantities import find_quantities

# A full-width comma is a clause comma in Chinese text: 233，577 are two numbers, so ４，５６５ is too.
KNOWN_DIFFERENT = {"４，５６５"}


def _values(text: str) -> list[tuple[Decimal, ...]]:
    return [(q.value,) if q.upper is None else (q.value, q.upper) for q in find_quantities(text)]


def _expected(values: list[str]) -> list[tuple[Decimal, ...]]:
    return [tuple(Decimal(v) for v in value.split("~")) for value in values]


@pytest.mark.parametrize(("source", "text", "values"), [c for c in NUMBERS if c[1] not in KNOWN_DIFFERENT])
def test_peer_numbers_read_with_the_peers_value(source, text, values):
    assert _values(text) == _expected(values), source


def test_peer_numbers_read_right_almost_everywhere():
    same = sum(_values(text) == _expected(values) for _, text, values in NUMBERS)
    assert same >= len(NUMBERS) - len(KNOWN_DIFFERENT)


@pytest.mark.parametrize("text", WORDS)
def test_numerals_inside_words_are_not_numbers(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", LONE)
def test_lone_numerals_are_skipped(text):
    assert all(q.value >= 10 or q.kind != "number" for q in find_quantities(text))


def test_bare_numerals_agree_with_cn2an():
    cn2an = pytest.importorskip("cn2an")
    compared = 0
    for _, text, values in NUMBERS:
        if len(values) != 1 or "~" in values[0]:
            continue
        try:
            theirs = Decimal(str(cn2an.cn2an(text, "smart")))
        except (ValueError, KeyError, TypeError):
            continue  # not a bare numeral to cn2an
        if "负" in text and theirs > 0:
            continue  # cn2an's smart mode drops 负 before digits (负10000 -> 10000)
        found = find_quantities(text)
        if len(found) == 1 and found[0].kind in ("number", "money"):
            compared += 1
            assert found[0].value == theirs, text
    assert compared >= 100
