"""`summarize models list` and `models info`: what is known about the local models, as text for
people (or JSON)."""

from __future__ import annotations

import json

from .context import Context


def list_models(ctx: Context, *, as_json: bool) -> None:
    from ..engines.catalog import human_size, list_models

    entries = list_models()
    if as_json:
        _print(ctx, json.dumps(entries, ensure_ascii=False, indent=2))
        return
    for entry in entries:
        default = " (default)" if entry["default"] else ""
        _print(
            ctx,
            f"{entry['name']}  {entry['task']}{default}  {entry['family']} {entry['parameters']}  "
            f"{entry['license']}  {entry['hub_id']}@{entry['revision'][:10]}",
        )
        if not entry["local"]:
            _print(ctx, f"    not downloaded: summarize models pull {entry['name']}")
        for backend, copy in entry["local"].items():
            _print(ctx, f"    {backend:<12} {copy['path']} ({human_size(copy['size'])})")


def model_info(ctx: Context, spec: str, *, as_json: bool) -> None:
    from ..engines.catalog import human_size, model_info

    info = model_info(spec)
    if as_json:
        _print(ctx, json.dumps(info, ensure_ascii=False, indent=2))
        return
    copies = info.pop("copies", None)
    for block in [info, *(copies or [])]:
        files = block.pop("files", {})
        for key, value in block.items():
            _print(ctx, f"{key + ':':<18}{_shown(key, value, human_size)}")
        for name, size in files.items():
            _print(ctx, f"  {name:<32}{human_size(size):>10}")
        if copies is not None and block is info:
            _print(ctx, "copies:" if copies else f"copies:           none (summarize models pull {info['name']})")


def _shown(key: str, value, human_size) -> str:
    if key == "local":
        return ", ".join(f"{k} {v['path']}" for k, v in value.items()) or "not downloaded"
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key == "size":
        return human_size(value)
    if isinstance(value, str):
        return " ".join(value.split())
    return str(value)


def _print(ctx: Context, line: str) -> None:
    ctx.stdout.write(line + "\n")
