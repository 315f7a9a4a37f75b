"""What is in a model directory, checked before any heavy library loads it.

A Hugging Face checkpoint (config.json + weights + tokenizer files) or a CTranslate2 model
(model.bin + vocabulary + config.json, plus the tokenizer files and `summarize-model.json` that
`summarize models convert` adds). Every problem a user can cause is reported as one ModelError
naming the directory and the fix: not a model, a causal LM instead of an encoder-decoder, missing
or truncated weights, missing tokenizer files, a CTranslate2 directory with files missing.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import ModelError
from .tokenization import SENTENCEPIECE_FILES

SUPPORTED_FAMILIES = ("marian", "t5", "mt5", "umt5", "bart", "mbart")
METADATA_FILE = "summarize-model.json"
"""Written by `models convert` into a CTranslate2 directory: family, limits, source config."""

WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin", "pytorch_model.bin.index.json")
CT2_VOCABULARIES = (
    ("shared_vocabulary.json",),
    ("shared_vocabulary.txt",),
    ("source_vocabulary.json", "target_vocabulary.json"),
    ("source_vocabulary.txt", "target_vocabulary.txt"),
    ("vocabulary.json",),  # decoder-only models
    ("vocabulary.txt",),
)
CHAT_TEMPLATE_FILES = ("chat_template.jinja", "chat_template.json")
_CAUSAL_SUFFIXES = ("ForCausalLM", "LMHeadModel")
_CAUSAL_TYPES = {"gpt2", "gpt_neo", "gpt_neox", "gptj", "llama", "mistral", "qwen2", "qwen3", "gemma", "phi", "opt", "bloom", "falcon"}


@dataclass
class Checkpoint:
    path: Path
    format: Literal["hf", "ct2"]
    family: str | None
    """Hugging Face model_type (marian, t5, mt5, bart, mbart, ...); None if unknown."""
    config: dict[str, Any] = field(default_factory=dict)
    """The Hugging Face config.json (for a CTranslate2 model: the one it was converted from)."""
    metadata: dict[str, Any] = field(default_factory=dict)
    """summarize-model.json of a CTranslate2 model ({} for others)."""
    decoder_only: bool = False
    """A decoder-only chat model (translates and summarizes by instruction), not a seq2seq one."""
    tokenizer_dir: Path | None = None
    """Where its tokenizer files are, when not in `path` (a bare CTranslate2 conversion)."""

    @property
    def label(self) -> str:
        return "CTranslate2" if self.format == "ct2" else "Hugging Face"


def is_ct2_dir(path: Path) -> bool:
    return (path / "model.bin").is_file() or any((path / files[0]).is_file() for files in CT2_VOCABULARIES)


def inspect_dir(path: Path) -> Checkpoint:
    """Identify and check a model directory; ModelError for anything that cannot be loaded."""
    if not path.exists():
        raise ModelError("no such model directory", path=str(path), hint="Check the path, or pass a model name from `summarize models list`")
    if not path.is_dir():
        raise ModelError("not a directory (a model is a directory with config.json or model.bin)", path=str(path), hint="Pass the directory that holds the model files")
    if is_ct2_dir(path):
        return _inspect_ct2(path)
    if (path / "config.json").is_file():
        return _inspect_hf(path)
    raise ModelError(
        "not a model directory: no config.json (Hugging Face) or model.bin (CTranslate2)",
        path=str(path),
        hint="Pass a checkpoint directory, or a model name from `summarize models list`",
    )


def read_json(path: Path, what: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelError(f"cannot read {what}: {exc.strerror}", path=str(path), hint="Check its permissions") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{what} is not valid JSON ({exc})", path=str(path), hint="The file is damaged; download or convert the model again") from exc
    if not isinstance(data, dict):
        raise ModelError(f"{what} is not a JSON object", path=str(path), hint="The file is damaged; download or convert the model again")
    return data


def is_causal_config(config: dict[str, Any]) -> bool:
    family = config.get("model_type")
    architectures = config.get("architectures") or []
    causal = family in _CAUSAL_TYPES or any(str(a).endswith(_CAUSAL_SUFFIXES) for a in architectures)
    return causal and family not in SUPPORTED_FAMILIES and not config.get("is_encoder_decoder", False)


def has_chat_template(path: Path) -> bool:
    if any((path / name).is_file() for name in CHAT_TEMPLATE_FILES):
        return True
    config = path / "tokenizer_config.json"
    return config.is_file() and bool(read_json(config, "tokenizer_config.json").get("chat_template"))


def _inspect_hf(path: Path) -> Checkpoint:
    config = read_json(path / "config.json", "config.json")
    family = config.get("model_type")
    if is_causal_config(config):
        if not has_chat_template(path):
            raise ModelError(
                f"a causal language model ({family or 'unknown type'}) without a chat template: not an instruct model",
                path=str(path),
                hint="Use an instruct/chat checkpoint (its tokenizer has a chat template, e.g. summarize models pull "
                f"qwen2.5-1.5b-instruct), or a seq2seq model: {', '.join(SUPPORTED_FAMILIES)}",
            )
        _check_weights(path)
        _check_tokenizer_files(path, family)
        return Checkpoint(path=path, format="hf", family=family, config=config, decoder_only=True)
    check_seq2seq_config(config, path)
    _check_weights(path)
    _check_tokenizer_files(path, family)
    return Checkpoint(path=path, format="hf", family=family, config=config)


def check_seq2seq_config(config: dict[str, Any], path: Path | str) -> None:
    family = config.get("model_type")
    architectures = config.get("architectures") or []
    causal = family in _CAUSAL_TYPES or any(str(a).endswith(_CAUSAL_SUFFIXES) for a in architectures)
    if not config.get("is_encoder_decoder", family in SUPPORTED_FAMILIES) or (causal and family not in SUPPORTED_FAMILIES):
        kind = f"a causal language model ({family or 'unknown type'})" if causal else f"not an encoder-decoder model ({family or 'unknown type'})"
        raise ModelError(
            f"{kind}, not a seq2seq checkpoint",
            path=str(path),
            hint="Translators and summarizers need an encoder-decoder model: "
            f"{', '.join(SUPPORTED_FAMILIES)} (e.g. summarize models pull opus-mt-zh-en)",
        )
    if family not in SUPPORTED_FAMILIES:
        raise ModelError(
            f"unsupported seq2seq family {family!r}",
            path=str(path),
            hint=f"Supported: {', '.join(SUPPORTED_FAMILIES)}",
        )


def _check_weights(path: Path) -> None:
    present = [name for name in WEIGHT_FILES if (path / name).is_file()]
    if not present:
        raise ModelError(
            "no weight file (model.safetensors or pytorch_model.bin)",
            path=str(path),
            hint="Copy the complete checkpoint, or download it again",
        )
    name = present[0]
    if name.endswith(".index.json"):
        index = read_json(path / name, name)
        shards = sorted(set((index.get("weight_map") or {}).values()))
        if not shards:
            raise ModelError(f"{name} lists no weight shards", path=str(path), hint="Download or copy the checkpoint again")
        for shard in shards:
            if not (path / shard).is_file():
                raise ModelError(f"weight shard {shard} is missing", path=str(path), hint="Copy the complete checkpoint")
            _check_weight_file(path / shard)
    else:
        _check_weight_file(path / name)


def _check_weight_file(path: Path) -> None:
    if path.suffix == ".safetensors":
        check_safetensors(path)
    elif not zipfile.is_zipfile(path):
        raise ModelError(
            "weight file is truncated or corrupt (not a readable PyTorch archive)",
            path=str(path),
            hint="Download or copy the checkpoint again",
        )


def check_safetensors(path: Path) -> None:
    """Header and size check: catches truncated and non-safetensors files without torch."""
    hint = "Download or copy the checkpoint again"
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(8)
        length = int.from_bytes(head, "little") if len(head) == 8 else 0
        if length <= 0 or 8 + length > size:
            raise ModelError("weight file is truncated or corrupt (bad safetensors header)", path=str(path), hint=hint)
        try:
            header = json.loads(handle.read(length))
            end = max(
                (int(entry["data_offsets"][1]) for key, entry in header.items() if key != "__metadata__"), default=0
            )
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise ModelError("weight file is corrupt (unreadable safetensors header)", path=str(path), hint=hint) from exc
    if 8 + length + end > size:
        raise ModelError(
            f"weight file is truncated ({size} bytes, {8 + length + end} expected)", path=str(path), hint=hint
        )


def _check_tokenizer_files(path: Path, family: str | None) -> None:
    if family == "marian":
        missing = [name for name in ("source.spm", "target.spm", "vocab.json") if not (path / name).is_file()]
        if missing:
            raise ModelError(
                f"Marian tokenizer file(s) missing: {', '.join(missing)}",
                path=str(path),
                hint="Copy them from the original checkpoint",
            )
        return
    candidates = ("tokenizer.json", *SENTENCEPIECE_FILES, "vocab.txt")
    if any((path / name).is_file() for name in candidates):
        return
    if (path / "vocab.json").is_file() and (path / "merges.txt").is_file():
        return
    raise ModelError(
        "no tokenizer file (tokenizer.json or spiece.model)",
        path=str(path),
        hint="Copy the tokenizer files of the original checkpoint into this directory",
    )


def _inspect_ct2(path: Path) -> Checkpoint:
    if not (path / "model.bin").is_file():
        raise ModelError(
            "CTranslate2 directory without model.bin",
            path=str(path),
            hint="Convert the checkpoint again: summarize models convert HF_DIR -o OUT",
        )
    if not (path / "config.json").is_file():
        raise ModelError("CTranslate2 directory without config.json", path=str(path), hint="Convert the checkpoint again")
    if not any(all((path / name).is_file() for name in files) for files in CT2_VOCABULARIES):
        raise ModelError(
            "CTranslate2 directory without vocabulary files (shared_vocabulary.json)",
            path=str(path),
            hint="Convert the checkpoint again",
        )
    if (path / "model.bin").stat().st_size < 16:
        raise ModelError("model.bin is truncated", path=str(path), hint="Convert the checkpoint again")
    metadata = read_json(path / METADATA_FILE, METADATA_FILE) if (path / METADATA_FILE).is_file() else {}
    config = metadata.get("hf_config") or {}
    decoder_only = "Decoder" in ct2_spec_name(path / "model.bin")
    tokenizer_dir = None
    if decoder_only and not (path / "tokenizer.json").is_file():
        tokenizer_dir = _source_beside(path)
        config = config or read_json(tokenizer_dir / "config.json", "config.json")
    if decoder_only and not has_chat_template(tokenizer_dir or path):
        raise ModelError(
            "a decoder-only CTranslate2 model without a chat template", path=str(path),
            hint="Convert an instruct checkpoint with summarize models convert, which copies its tokenizer and chat template",
        )
    family = metadata.get("family") or config.get("model_type")
    return Checkpoint(
        path=path, format="ct2", family=family, config=config, metadata=metadata, decoder_only=decoder_only, tokenizer_dir=tokenizer_dir
    )


def ct2_spec_name(model_bin: Path) -> str:
    """The model specification a CTranslate2 model.bin was written from (its header: a version,
    then the name): TransformerSpec (encoder-decoder) or TransformerDecoderSpec (decoder only)."""
    with model_bin.open("rb") as handle:
        head = handle.read(6)
        length = int.from_bytes(head[4:6], "little") if len(head) == 6 else 0
        return handle.read(length).rstrip(b"\0").decode("ascii", errors="replace")


def _source_beside(path: Path) -> Path:
    """The Hugging Face checkpoint next to a bare CTranslate2 conversion whose vocabulary matches."""
    size = len(read_json_list(path / "vocabulary.json")) if (path / "vocabulary.json").is_file() else None
    for sibling in sorted(item for item in path.parent.iterdir() if item.is_dir() and item != path):
        config_path = sibling / "config.json"
        if not ((sibling / "tokenizer.json").is_file() and config_path.is_file()):
            continue
        if size is None or read_json(config_path, "config.json").get("vocab_size") == size:
            return sibling
    raise ModelError(
        "a decoder-only CTranslate2 model without its tokenizer (no tokenizer.json here or in a checkpoint beside it)",
        path=str(path),
        hint="Convert with summarize models convert, which copies the tokenizer, or copy tokenizer.json and the chat template into it",
    )


def read_json_list(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path.name}: {exc}", path=str(path), hint="Convert the checkpoint again") from exc
    return data if isinstance(data, list) else []


def default_max_output_tokens(config: dict[str, Any]) -> int:
    """Longest output: the decoder's position table (minus the start token) for Marian and BART;
    T5's relative positions have no hard limit."""
    positions = config.get("max_position_embeddings")
    if config.get("model_type") in ("marian", "bart", "mbart") and isinstance(positions, int) and positions > 1:
        return positions - 1
    return 1024


def default_max_input_tokens(config: dict[str, Any], tokenizer_limit: int | None = None) -> int:
    """Longest input the architecture accepts: learned/sinusoidal positions bound Marian and BART;
    T5 has relative positions, so its tokenizer's declared limit (or 512, its training length)."""
    positions = config.get("max_position_embeddings")
    if config.get("model_type") in ("marian", "bart", "mbart") and isinstance(positions, int) and positions > 0:
        return positions
    if tokenizer_limit and 0 < tokenizer_limit < 100_000:
        return tokenizer_limit
    return 512
