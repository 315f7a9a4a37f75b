"""`summarize models pull NAME`: download a card's checkpoint at its pinned revision into the user
directory (models/<name>/hf), then convert it to CTranslate2 int8 (models/<name>/ct2-int8).

Every small file at the top of the repository that is not a weight file is fetched (tokenizer
files differ between repositories: tokenizer.json, spiece.model, vocab.txt, chat templates,
merges.txt...), plus one weight format (safetensors when the repository has them, shards
included); the tokenizer must load before anything is converted.
Offline (`--offline` or HF_HUB_OFFLINE=1) nothing touches the network: a present checkpoint is
still converted if needed, a missing one is a one-line error.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import socket
from pathlib import Path

from ..errors import ModelError, OutputError
from .cards import Card, require_card
from .checkpoint import inspect_dir
from .convert import convert
from .locate import CT2_DIRNAME, HF_DIRNAME, card_dir, local_copies

WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".ckpt", ".h5", ".msgpack", ".onnx", ".gguf", ".ot", ".tflite", ".pb", ".npz", ".mlmodel")
SMALL_FILE = 64 * 2**20
"""Non-weight files up to this size are fetched (Qwen2.5's tokenizer.json: 7 MB)."""
WEIGHT_CHOICES = (
    ("model.safetensors",),
    ("model.safetensors.index.json", "model-*.safetensors"),
    ("pytorch_model.bin",),
    ("pytorch_model.bin.index.json", "pytorch_model-*.bin"),
)


def hub_offline(offline: bool = False) -> bool:
    return offline or os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def require_converter(what: str) -> None:
    """Converting to CTranslate2 loads the checkpoint with torch and transformers (the
    `transformers` extra); say so before any work (or download) is done, not after."""
    missing = [name for name in ("torch", "transformers") if importlib.util.find_spec(name) is None]
    if missing:
        raise ModelError(
            f"{what} needs torch and transformers to convert the model ({', '.join(missing)} not installed)",
            hint="Install them: pip install torch==2.13.0 && pip install 'summarize[transformers]'",
        )


def pull(name: str, *, offline: bool = False, force: bool = False) -> dict[str, Path]:
    """Make the card's Hugging Face and CTranslate2 int8 copies present; returns them."""
    card = require_card(name)
    copies = local_copies(card)
    if force or "ct2" not in copies:
        require_converter(f"summarize models pull {card.name}")
    if force or "hf" not in copies:
        if hub_offline(offline):
            raise ModelError(
                f"{card.name} is not downloaded and downloads are disabled (--offline or HF_HUB_OFFLINE=1)",
                hint=f"run `summarize models pull {card.name}` with network access, "
                "or convert a local checkpoint: summarize models convert DIR -o OUT",
            )
        download(card)
    if force or "ct2" not in local_copies(card):
        convert(card_dir(card) / HF_DIRNAME, card_dir(card) / CT2_DIRNAME, quantization="int8", force=True, revision=card.revision)
    return local_copies(card)


def _check_reachable(where: str) -> None:
    """Fail at once when the hub's host name does not resolve (no network), instead of after the
    hub client's retries; skipped behind a proxy, which resolves names itself."""
    from urllib.parse import urlparse

    from huggingface_hub import constants

    if any(os.environ.get(name) for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return
    host = urlparse(constants.ENDPOINT).hostname
    try:
        socket.getaddrinfo(host, 443)
    except (socket.gaierror, UnicodeError) as exc:
        raise ModelError(
            f"cannot download {where}: {host} is unreachable (no network?)",
            hint="Connect to the internet and run it again, or convert a local copy of the checkpoint: summarize models convert DIR -o OUT",
        ) from exc


def download(card: Card) -> Path:
    """The card's checkpoint at its pinned revision, into models/<name>/hf (replaced whole)."""
    from huggingface_hub import HfApi, snapshot_download

    target = card_dir(card) / HF_DIRNAME
    partial = card_dir(card) / f".{HF_DIRNAME}.partial"
    where = f"{card.hub_id}@{card.revision[:10]}"
    _check_reachable(where)
    hub_log = logging.getLogger("huggingface_hub")
    level = hub_log.level
    hub_log.setLevel(logging.ERROR)  # its retry warnings would bury the one line that matters
    try:
        entries = HfApi().list_repo_tree(card.hub_id, revision=card.revision, recursive=False)
        sizes = {entry.path: getattr(entry, "size", None) for entry in entries if hasattr(entry, "size")}
        wanted = files_to_fetch(sizes)
        if wanted is None:
            raise ModelError(f"{where} has no weight file the tool can load (safetensors or pytorch_model.bin)", hint="Report it: the model card points at an unusable revision")
        # Resumable: a .partial directory left by an interrupted pull is reused.
        snapshot_download(card.hub_id, revision=card.revision, local_dir=partial, allow_patterns=wanted)
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(
            f"download of {where} failed: {type(exc).__name__}: {exc}",
            hint="Check the network connection and try again; an interrupted download resumes",
        ) from exc
    finally:
        hub_log.setLevel(level)
    inspect_dir(partial)
    check_tokenizer(partial, where)
    shutil.rmtree(partial / ".cache", ignore_errors=True)
    try:
        if target.exists():
            shutil.rmtree(target)
        partial.rename(target)
    except OSError as exc:
        raise OutputError(f"cannot move the download into place: {exc.strerror}", path=str(target), hint="Check the permissions and free space, then run again") from exc
    return target


def files_to_fetch(sizes: dict[str, int | None]) -> list[str] | None:
    """Of a repository's top-level files (name -> size), what to download: every small file that
    is not a weight file, and the first weight format of WEIGHT_CHOICES it has (None: none)."""
    weights = next((list(choice) for choice in WEIGHT_CHOICES if choice[0] in sizes), None)
    if weights is None:
        return None
    small = [
        name for name, size in sizes.items()
        if not name.lower().endswith((*WEIGHT_SUFFIXES, ".index.json")) and not name.startswith(".") and (size or 0) <= SMALL_FILE
    ]  # fmt: skip
    return sorted(small) + weights


def check_tokenizer(path: Path, where: str) -> None:
    """The downloaded tokenizer loads with transformers (the converter needs it to)."""
    from .hf_backend import quiet_transformers

    quiet_transformers()
    from transformers import AutoTokenizer

    try:
        AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    except Exception as exc:
        raise ModelError(
            f"the tokenizer of {where} does not load ({type(exc).__name__}: {exc})",
            path=str(path),
            hint="Run the pull again (an interrupted download resumes); if it persists, report it",
        ) from exc
