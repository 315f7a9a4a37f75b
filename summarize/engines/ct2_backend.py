"""The fast path: a CTranslate2 model (int8 by default) driven with token strings from the
checkpoint's own sentencepiece/tokenizers files. Never imports torch or transformers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..errors import ModelError
from .batching import DecoderMemory
from .checkpoint import Checkpoint, default_max_input_tokens, default_max_output_tokens
from .generation import Decoding, Output, Tokens, available_cores
from .tokenization import load_tokenizer


class CT2Generator:
    backend = "ctranslate2"

    def __init__(self, checkpoint: Checkpoint, threads: int | None = None):
        import logging

        import ctranslate2

        ctranslate2.set_log_level(logging.ERROR)  # its warnings go straight to stderr

        self.path = str(checkpoint.path)
        ct2_config = _read_ct2_config(checkpoint.path)
        special = [ct2_config.get(key) for key in ("bos_token", "eos_token", "unk_token", "decoder_start_token")]
        self.tokenizer = load_tokenizer(checkpoint.path, [token for token in special if isinstance(token, str)])
        metadata = checkpoint.metadata
        self.max_input_tokens = int(metadata.get("max_input_tokens") or default_max_input_tokens(checkpoint.config))
        self.max_output_tokens = int(metadata.get("max_output_tokens") or default_max_output_tokens(checkpoint.config))
        self.quantization = metadata.get("quantization")
        self.memory = DecoderMemory.from_config(checkpoint.config)
        self._prefix: list[str] = list(metadata.get("target_prefix") or [])
        # Without a decoder_start_token in its config (mBART), CTranslate2 starts decoding from
        # the first prefix token and leaves it out of the result; the rest comes back as output.
        self._returned_prefix = self._prefix[1:] if ct2_config.get("decoder_start_token") is None else self._prefix
        self._translator = open_ct2_model(ctranslate2.Translator, self.path, threads)

    def encode(self, texts: Sequence[str]) -> list[Tokens]:
        return [self.tokenizer.encode(text) for text in texts]

    def decode(self, outputs: Sequence[Tokens]) -> list[str]:
        return [self.tokenizer.decode(tokens) for tokens in outputs]

    def generate(self, batch: Sequence[Tokens], decoding: Decoding) -> list[Output]:
        prefix, returned = self._prefix, self._returned_prefix
        results = self._translator.translate_batch(
            [list(tokens) for tokens in batch],
            target_prefix=[list(prefix) for _ in batch] if prefix else None,
            beam_size=decoding.beam,
            max_decoding_length=decoding.max_new_tokens + len(returned),
            min_decoding_length=decoding.min_new_tokens + len(returned),
            no_repeat_ngram_size=decoding.no_repeat_ngram_size,
            repetition_penalty=decoding.repetition_penalty,
            length_penalty=decoding.length_penalty,
            max_input_length=0,
            return_scores=False,
        )
        outputs = []
        for result in results:
            tokens = list(result.hypotheses[0])
            if returned and tokens[: len(returned)] == returned:
                tokens = tokens[len(returned) :]
            outputs.append(Output(tokens=tokens, finished=len(tokens) < decoding.max_new_tokens))
        return outputs


def open_ct2_model(kind, path: str, threads: int | None):
    """A CTranslate2 `kind` (Translator, Generator) on the CPU; a model that does not load is a
    ModelError that says what to do."""
    try:
        return kind(path, device="cpu", compute_type="default", intra_threads=threads or available_cores())
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelError(
            f"cannot load the CTranslate2 model: {exc}",
            path=path,
            hint="model.bin may be truncated or from an incompatible version; convert the checkpoint again",
        ) from exc


def _read_ct2_config(path: Path) -> dict:
    try:
        data = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"unreadable CTranslate2 config.json: {exc}", path=str(path), hint="Convert the checkpoint again") from exc
    return data if isinstance(data, dict) else {}
