"""JSON written piece by piece (summarize/jsonstream.py) is byte for byte `json.dumps(...,
ensure_ascii=False, indent=2)` of the whole object."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from summarize.jsonstream import JsonObjectWriter

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)), max_leaves=8)
keys = st.text(max_size=8)


def written(fields: dict, items_key: str | None, items: list, level: int) -> str:
    out: list[str] = []
    writer = JsonObjectWriter(out.append, level)
    for key, value in fields.items():
        writer.field(key, value)
    if items_key is not None:
        writer.begin_list(items_key)
        for item in items:
            writer.item(item)
        writer.end_list()
    writer.close()
    return "".join(out)


@given(st.dictionaries(keys, values, max_size=4), st.one_of(st.none(), keys), st.lists(values, max_size=4))
def test_same_bytes_as_json_dumps(fields, items_key, items):
    whole = dict(fields)
    if items_key is not None:
        whole.pop(items_key, None)
        whole[items_key] = items
        fields = {k: v for k, v in fields.items() if k != items_key}
    assert written(fields, items_key, items, 0) == json.dumps(whole, ensure_ascii=False, indent=2)


@given(st.dictionaries(keys, values, max_size=3), st.lists(values, max_size=3), st.integers(1, 3))
def test_an_indented_object_is_the_dump_shifted(fields, items, level):
    fields = {k: v for k, v in fields.items() if k != "items"}
    dump = json.dumps({**fields, "items": items}, ensure_ascii=False, indent=2)
    assert written(fields, "items", items, level) == "\n".join("  " * level + line for line in dump.split("\n"))


def test_an_object_inside_an_array():
    out = ["[\n"]
    for index, name in enumerate(["甲", "乙"]):
        out.append(",\n" if index else "")
        writer = JsonObjectWriter(out.append, 1)
        writer.field("name", name)
        writer.begin_list("empty")
        writer.end_list()
        writer.close()
    out.append("\n]")
    assert "".join(out) == json.dumps([{"name": "甲", "empty": []}, {"name": "乙", "empty": []}], ensure_ascii=False, indent=2)
