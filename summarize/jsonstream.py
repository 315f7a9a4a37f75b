"""A JSON object written piece by piece, byte for byte as `json.dumps(obj, ensure_ascii=False,
indent=2)` writes it whole: huge outputs (a segmentation, a digest of a year of pages) go out one
article at a time instead of as one huge string."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


class JsonObjectWriter:
    """Writes an object through `write`: `field` for a key with its whole value, `begin_list`,
    `item`..., `end_list` for a key whose list comes item by item, then `close`. At `level` > 0
    every line is indented that many steps more (an object inside a top-level array)."""

    def __init__(self, write: Callable[[str], None], level: int = 0):
        self._write = write
        self._pad = "  " * level
        self._fields = 0
        self._items = 0
        write(self._pad + "{")

    def field(self, key: str, value: Any) -> None:
        self._key(key)
        self._write(_dumps(value, self._pad + "  "))

    def begin_list(self, key: str) -> None:
        self._key(key)
        self._write("[")
        self._items = 0

    def item(self, value: Any) -> None:
        pad = self._pad + "    "
        self._write(("," if self._items else "") + "\n" + pad + _dumps(value, pad))
        self._items += 1

    def end_list(self) -> None:
        self._write("\n" + self._pad + "  ]" if self._items else "]")

    def close(self) -> None:
        self._write("\n" + self._pad + "}" if self._fields else "}")

    def _key(self, key: str) -> None:
        self._write(("," if self._fields else "") + "\n" + self._pad + "  " + json.dumps(key, ensure_ascii=False) + ": ")
        self._fields += 1


def _dumps(value: Any, pad: str) -> str:
    # JSON strings never hold a raw line break: every "\n" of the dump is between lines.
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
