"""Tokenizers for the CTranslate2 path, built from the checkpoint's own tokenizer files with the
`tokenizers` and `sentencepiece` libraries only: this module never imports torch or
transformers, so the fast path starts in a fraction of a second.

Three layouts, in order of preference:
- tokenizer.json (T5/mT5/BART/mBART saved by transformers, and what `models convert` writes
  for any tokenizer transformers runs on the `tokenizers` library): exactly the tokenization the
  transformers backend applies, post-processor (</s>, <s> ... </s>) included;
- Marian: source.spm to encode, target.spm to decode, </s> appended;
- a bare sentencepiece model (spiece.model, sentencepiece.bpe.model): pieces + </s>.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from ..errors import ModelError

SENTENCEPIECE_FILES = ("spiece.model", "sentencepiece.bpe.model", "sentencepiece.model", "spm.model")
TOKENIZER_FILES = (
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "added_tokens.json",
    "source.spm",
    "target.spm",
    "vocab.json",
    "target_vocab.json",
    "merges.txt",
    "vocab.txt",
    *SENTENCEPIECE_FILES,
)
"""Every file a Hugging Face tokenizer may be made of (copied next to a converted model)."""

_SENTINEL = re.compile(r"<extra_id_\d+>|<unused_\d+>")


class TextTokenizer(Protocol):
    def encode(self, text: str) -> list[str]:
        """Source tokens for the model, special tokens included."""
        ...

    def decode(self, tokens: Sequence[str]) -> str:
        """Text of target tokens, special tokens dropped."""
        ...


def load_tokenizer(model_dir: Path, special_tokens: Sequence[str] = ()) -> TextTokenizer:
    """The tokenizer stored in `model_dir`. `special_tokens`: tokens to drop when decoding
    (from the model's config), besides those the tokenizer files declare."""
    specials = set(special_tokens) | _declared_special_tokens(model_dir)
    if (model_dir / "tokenizer.json").is_file():
        return JsonTokenizer(model_dir / "tokenizer.json")
    if (model_dir / "source.spm").is_file():
        target = model_dir / "target.spm"
        if not target.is_file():
            raise ModelError(
                "Marian checkpoint has source.spm but no target.spm", path=str(model_dir),
                hint="Copy target.spm from the original checkpoint into this directory",
            )
        return SentencePieceTokenizer(model_dir / "source.spm", target, specials)
    for name in SENTENCEPIECE_FILES:
        if (model_dir / name).is_file():
            return SentencePieceTokenizer(model_dir / name, model_dir / name, specials)
    raise ModelError(
        "no tokenizer file (tokenizer.json, source.spm/target.spm or spiece.model)",
        path=str(model_dir),
        hint="Convert with `summarize models convert`, which copies the tokenizer, "
        "or copy the tokenizer files of the original checkpoint into this directory",
    )


def _declared_special_tokens(model_dir: Path) -> set[str]:
    tokens: set[str] = set()
    for name in ("special_tokens_map.json", "tokenizer_config.json"):
        path = model_dir / name
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"unreadable {name}: {exc}", path=str(model_dir), hint="The file is damaged; copy it from the original checkpoint again") from exc
        for key, value in data.items():
            if key.endswith("_token") or key in ("additional_special_tokens", "extra_special_tokens"):
                tokens.update(_token_strings(value))
    return tokens


def _token_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("content"), str):
        return [value["content"]]
    if isinstance(value, list):
        return [token for item in value for token in _token_strings(item)]
    return []


class SentencePieceTokenizer:
    """Marian (two models: source to encode, target to decode) or a single sentencepiece model."""

    def __init__(self, source: Path, target: Path, specials: set[str]):
        import sentencepiece

        try:
            self._source = sentencepiece.SentencePieceProcessor(model_file=str(source))
            self._target = (
                self._source if target == source else sentencepiece.SentencePieceProcessor(model_file=str(target))
            )
        except (OSError, RuntimeError) as exc:
            raise ModelError(f"corrupt sentencepiece model: {exc}", path=str(source), hint="Copy it from the original checkpoint again") from exc
        self._eos = "</s>"
        self._specials = specials | {"</s>", "<s>", "<pad>", "<unk>"}

    def encode(self, text: str) -> list[str]:
        return [*self._source.encode(text, out_type=str), self._eos]

    def decode(self, tokens: Sequence[str]) -> str:
        pieces = [t for t in tokens if t not in self._specials and not _SENTINEL.fullmatch(t)]
        return self._target.decode_pieces(pieces).replace("\u2581", " ").strip()


class JsonTokenizer:
    """A `tokenizers` tokenizer.json: encoding and decoding exactly as transformers does."""

    def __init__(self, path: Path):
        from tokenizers import Tokenizer

        try:
            self._tokenizer = Tokenizer.from_file(str(path))
        except Exception as exc:  # noqa: BLE001 - the library raises a bare Exception on bad JSON
            raise ModelError(f"corrupt tokenizer.json: {exc}", path=str(path), hint="Copy it from the original checkpoint again") from exc

    def encode(self, text: str) -> list[str]:
        return self._tokenizer.encode(text).tokens

    def decode(self, tokens: Sequence[str]) -> str:
        ids = [i for i in map(self._tokenizer.token_to_id, tokens) if i is not None]
        return self._tokenizer.decode(ids, skip_special_tokens=True).strip()
