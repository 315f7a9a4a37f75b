"""The engines of a command that runs models, and the one notice about them: when no model is
installed and the built-in fallbacks run, one short line says so, once, and only when a page has
Chinese for them to work on (an English-only page or an empty one needs no models) and, in `run`,
when they have work to do (a page served from the cache needs none)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Page
    from ..pipeline import Engines
    from .context import Context

# What the built-in fallbacks give, by which ones run (summarizer fell back, translator fell back).
# Short: the notice fits one 80-column line.
_FALLBACK_NOTICES = {
    (True, True): "built-in engines (no models installed)",
    (True, False): "built-in summaries (no summary model)",
    (False, True): "built-in gloss (no translation model)",
}
_HOW = "summarize models list"


@dataclass
class EngineChoice:
    """Whether the user named the engines (then they are what runs, and nothing needs saying)."""

    explicit: bool = False
    announced: bool = False

    def announce(self, ctx: Context, engines: Engines, pages: Sequence[Page] | None = None) -> None:
        """The notice, unless said already or no page of `pages` (when given) has Chinese."""
        if self.announced or self.explicit or (pages is not None and not any(map(_has_chinese, pages))):
            return
        self.announced = True
        fallbacks = (engines.summarizer.info.kind == "extractive", engines.is_gloss)
        if engines.notices:
            report_fallbacks(ctx, *fallbacks)


def report_fallbacks(ctx: Context, summarizer: bool, translator: bool) -> None:
    """The notice for the built-in engines that run in place of missing models."""
    notice = _FALLBACK_NOTICES.get((summarizer, translator))
    if notice:
        ctx.report("notice", f"{notice}: {_HOW}")


def _has_chinese(page: Page) -> bool:
    return page.script != "other" and bool(page.articles)
