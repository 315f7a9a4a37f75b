"""`summarize backends`: the registered translators and summarizers, built-in and plugins, with
their own options, as text for people (or JSON)."""

from __future__ import annotations

import json

from .context import Context


def list_backends(ctx: Context, *, as_json: bool) -> None:
    from ..registry import registry

    entries = [backend.to_dict() for backend in registry().backends()]
    if as_json:
        ctx.stdout.write(json.dumps(entries, ensure_ascii=False, indent=2) + "\n")
        return
    width = max((len(entry["name"]) for entry in entries), default=0)
    for entry in entries:
        options = f"  (options: {', '.join(entry['options'])})" if entry["options"] else ""
        ctx.stdout.write(f"{entry['kind']:<10}  {entry['name']:<{width}}  {entry['description']}{options}\n")
