"""A page given whole or in parts (segmentation.iter_page_parts): the views take either."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from ..document import Page


def first_parts(page: Page | Iterable[Page]) -> tuple[Page, Iterator[Page] | None]:
    """The first part, and an iterator over all parts when there is more than one (else None)."""
    if isinstance(page, Page):
        return page, None
    parts = iter(page)
    first = next(parts)
    second = next(parts, None)
    if second is None:
        return first, None
    return first, chain((first, second), parts)
