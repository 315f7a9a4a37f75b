"""Resolve what the user named (`--translator NAME|PATH`) to something loadable: a card's local
copy in the user directory (models/<name>/ct2-int8 first, then models/<name>/hf), a local Hugging
Face or CTranslate2 directory (detected by its files), or a hub id (transformers only)."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError
from ..home import models_dir
from .cards import Card, find_card, get_card, load_cards
from .checkpoint import Checkpoint, inspect_dir

_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")
"""owner/name: a Hugging Face hub id (the transformers backend loads it; offline from the cache)."""
CT2_DIRNAME = "ct2-int8"
HF_DIRNAME = "hf"


@dataclass
class ModelRef:
    name: str
    """Card name, directory name or hub id: what EngineInfo reports."""
    card: Card | None = None
    checkpoint: Checkpoint | None = None
    """The local directory to load (None for a hub id)."""
    hub_id: str | None = None

    @property
    def format(self) -> str:
        return self.checkpoint.format if self.checkpoint else "hub"

    @property
    def revision(self) -> str | None:
        if self.card is not None:
            return self.card.revision
        if self.checkpoint is not None:
            return self.checkpoint.metadata.get("revision") or fingerprint(self.checkpoint.path)
        return None


def card_dir(card: Card | str) -> Path:
    return models_dir() / (card if isinstance(card, str) else card.name)


def local_copies(card: Card) -> dict[str, Path]:
    """The card's copies present in the user directory: {"ct2": path, "hf": path}."""
    base = card_dir(card)
    found = {}
    if (base / CT2_DIRNAME / "model.bin").is_file():
        found["ct2"] = base / CT2_DIRNAME
    if (base / HF_DIRNAME / "config.json").is_file():
        found["hf"] = base / HF_DIRNAME
    return found


def not_pulled(card: Card) -> ModelError:
    return ModelError(
        f"model {card.name} is not downloaded (looked in {card_dir(card)})",
        hint=f"run: summarize models pull {card.name}",
    )


def resolve(spec: str, *, want: str | None = None) -> ModelRef:
    """`want`: "ct2" or "hf" to require that format (a backend was named), None for the best."""
    path = Path(spec).expanduser()
    # A card's hub id means that card: its pinned, converted local copy.
    card = find_card(spec)
    if card is not None and not path.exists():
        copies = local_copies(card)
        choice = want if want else ("ct2" if "ct2" in copies else "hf")
        if choice not in copies:
            if not copies:
                raise not_pulled(card)
            if "hf" in copies:  # downloaded, not converted: pull converts without downloading
                raise ModelError(f"model {card.name} has no CTranslate2 copy yet", hint=f"run: summarize models pull {card.name}")
            raise ModelError(
                f"model {card.name} has only a CTranslate2 copy (no Hugging Face checkpoint in {card_dir(card)})",
                hint=f"run: summarize models pull {card.name} --force to download it again, or use the ctranslate2 backend",
            )
        return ModelRef(name=card.name, card=card, checkpoint=inspect_dir(copies[choice]))
    if path.exists():
        checkpoint = inspect_dir(path)
        _check_format(checkpoint, want)
        return ModelRef(name=_dir_name(path), card=_owning_card(path), checkpoint=checkpoint)
    if _HUB_ID.fullmatch(spec) and want != "ct2":
        return ModelRef(name=spec, hub_id=spec)
    if os.sep in spec or spec.startswith((".", "~")):
        inspect_dir(path)  # raises: no such model directory
    known = ", ".join(load_cards()) or "none"
    raise ModelError(
        f"no model named {spec!r} and no such directory",
        hint=f"Known models: {known} (summarize models list); or pass the path of a checkpoint directory",
    )


def _check_format(checkpoint: Checkpoint, want: str | None) -> None:
    if want == "ct2" and checkpoint.format != "ct2":
        raise ModelError(
            "is a Hugging Face checkpoint, not a CTranslate2 model",
            path=str(checkpoint.path),
            hint=f"Convert it first: summarize models convert {checkpoint.path} -o OUT (or use the transformers backend)",
        )
    if want == "hf" and checkpoint.format != "hf":
        raise ModelError(
            "is a CTranslate2 model; the transformers backend needs the Hugging Face checkpoint",
            path=str(checkpoint.path),
            hint="Pass the original checkpoint directory, or use the ctranslate2 backend",
        )


def _dir_name(path: Path) -> str:
    resolved = path.resolve()
    if resolved.name in (CT2_DIRNAME, HF_DIRNAME) and resolved.parent.name:
        return resolved.parent.name
    return resolved.name


def _owning_card(path: Path) -> Card | None:
    """A path inside models/<card>/ (the user directory) still gets its card's settings."""
    resolved = path.resolve()
    try:
        relative = resolved.relative_to(models_dir().resolve())
    except ValueError:
        return None
    return get_card(relative.parts[0]) if relative.parts else None


def fingerprint(path: Path) -> str:
    """Identifies a local checkpoint for cache keys: its config and the size and time of its
    weight files (cheap; no need to hash hundreds of megabytes)."""
    digest = hashlib.sha256()
    for name in sorted(os.listdir(path)):
        item = path / name
        if not item.is_file():
            continue
        stat = item.stat()
        digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
        if name in ("config.json", "summarize-model.json"):
            digest.update(item.read_bytes())
    return "local-" + digest.hexdigest()[:12]
