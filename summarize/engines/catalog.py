"""What `summarize models list` and `models info` show: the cards, their local copies, and the
architecture, limits, format and files of any model directory. Reads files only; loads no model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .cards import Card, get_card, load_cards
from .checkpoint import Checkpoint, default_max_input_tokens, inspect_dir
from .locate import local_copies

# Field names per family: (d_model, encoder layers, decoder layers, heads, feed-forward).
_DIMENSIONS = {
    "t5": ("d_model", "num_layers", "num_decoder_layers", "num_heads", "d_ff"),
    "bart": ("d_model", "encoder_layers", "decoder_layers", "encoder_attention_heads", "encoder_ffn_dim"),
}
_DIMENSIONS.update(mt5=_DIMENSIONS["t5"], umt5=_DIMENSIONS["t5"], marian=_DIMENSIONS["bart"], mbart=_DIMENSIONS["bart"])


def list_models() -> list[dict[str, Any]]:
    return [_card_entry(card) for card in load_cards().values()]


def _card_entry(card: Card) -> dict[str, Any]:
    return {
        "name": card.name,
        "task": card.task,
        "default": card.default,
        "family": card.family,
        "parameters": card.parameters,
        "license": card.license,
        "hub_id": card.hub_id,
        "revision": card.revision,
        "description": card.description,
        "local": {
            ("ctranslate2" if kind == "ct2" else "transformers"): {"path": str(path), "size": directory_size(path)}
            for kind, path in local_copies(card).items()
        },
    }


def model_info(spec: str) -> dict[str, Any]:
    """Card and local copies for a card name; architecture and files for a directory."""
    card = get_card(spec)
    if card is not None and not Path(spec).exists():
        info = _card_entry(card)
        info["max_input_tokens"] = card.max_input_tokens
        info["generation"] = dict(card.generation.__dict__)
        info["prompt"] = card.template
        info["why"] = card.why
        info["architecture"] = architecture(card.architecture_config()) if card.architecture else {}
        info["copies"] = [checkpoint_info(inspect_dir(path)) for path in local_copies(card).values()]
        return info
    return checkpoint_info(inspect_dir(Path(spec).expanduser()))


def checkpoint_info(checkpoint: Checkpoint) -> dict[str, Any]:
    path = checkpoint.path
    info: dict[str, Any] = {"path": str(path), "family": checkpoint.family or "unknown"}
    if checkpoint.format == "ct2":
        info["format"] = f"CTranslate2 ({checkpoint.metadata.get('quantization') or 'quantization unknown'})"
        info["vocab"] = _ct2_vocab_size(path)
    else:
        info["format"] = "Hugging Face (transformers)"
    arch = architecture(checkpoint.config)
    if checkpoint.format == "ct2" and arch:
        arch["vocab"] = info["vocab"]
    info.update(arch)
    if checkpoint.decoder_only:
        from .chat_models import max_context

        info["max_context"] = checkpoint.metadata.get("max_context") or max_context(checkpoint.config)
        if checkpoint.tokenizer_dir is not None:
            info["tokenizer"] = str(checkpoint.tokenizer_dir)
    else:
        limit = checkpoint.metadata.get("max_input_tokens") or (default_max_input_tokens(checkpoint.config) if checkpoint.config else None)
        info["max_input_tokens"] = limit
    files = sorted(item for item in path.iterdir() if item.is_file())
    info["files"] = {item.name: item.stat().st_size for item in files}
    info["size"] = sum(info["files"].values())
    return info


def architecture(config: dict[str, Any]) -> dict[str, Any]:
    names = _DIMENSIONS.get(config.get("model_type", ""))
    if not names and isinstance(config.get("num_hidden_layers"), int):  # decoder-only (chat) models
        heads = config.get("num_attention_heads")
        kv = config.get("num_key_value_heads") or heads
        return {
            "vocab": config.get("vocab_size"),
            "d_model": config.get("hidden_size"),
            "layers": f"{config['num_hidden_layers']} (decoder only)",
            "heads": heads if kv == heads else f"{heads} ({kv} key/value)",
            "ffn": config.get("intermediate_size"),
            "context": config.get("max_position_embeddings"),
        }
    if not names:
        return {}
    values = [config.get(name) for name in names]
    if values[2] is None:  # T5 configs may omit num_decoder_layers (= num_layers)
        values[2] = values[1]
    return {
        "vocab": config.get("vocab_size"),
        "d_model": values[0],
        "layers": f"{values[1]}+{values[2]}",
        "heads": values[3],
        "ffn": values[4],
    }


def _ct2_vocab_size(path: Path) -> int | None:
    for name in ("shared_vocabulary.json", "target_vocabulary.json", "vocabulary.json"):
        if (path / name).is_file():
            try:
                return len(json.loads((path / name).read_text(encoding="utf-8")))
            except (OSError, ValueError):
                return None
    for name in ("shared_vocabulary.txt", "target_vocabulary.txt", "vocabulary.txt"):
        if (path / name).is_file():
            return sum(1 for _ in (path / name).open(encoding="utf-8"))
    return None


def directory_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def human_size(size: int | None) -> str:
    if size is None:
        return "?"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
