"""Decoder-only (chat) models behind two backends: CTranslate2 `Generator` (int8, the fast path:
no torch) and transformers `AutoModelForCausalLM` (the fallback). Both take a prompt as a static
prefix (the system message, the same for every unit: CTranslate2 computes its state once and
caches it) plus each unit's tokens, and return only the generated tokens, stopped at the model's
end-of-turn tokens."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from ..errors import ModelError
from .batching import VOCABULARY_BUFFERS, DecoderMemory
from .chat import ChatTemplate
from .checkpoint import Checkpoint
from .generation import Decoding, Output, Tokens

END_OF_TURN = ("<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<|end_of_text|>", "<end_of_turn>", "<|end|>", "</s>")
"""End-of-turn markers of the common chat formats: decoding stops at whichever the vocabulary has,
besides the eos tokens the checkpoint's generation config names."""
MAX_CONTEXT = 32768
UNUSED_ROW = re.compile(r"\[PAD\d+\]|<unused_?\d+>|<extra_id_\d+>")


class ChatModel(Protocol):
    backend: str
    path: str
    quantization: str | None
    max_context: int
    memory: DecoderMemory | None
    template: ChatTemplate

    def encode(self, text: str) -> Tokens:
        """Tokens of already-templated text (special tokens written in it are recognised; none added)."""
        ...

    def decode(self, outputs: Sequence[Tokens]) -> list[str]: ...

    def generate(self, prompts: Sequence[Tokens], decoding: Decoding, static: Tokens | None = None) -> list[Output]:
        """One output per prompt (each prompt follows `static`), generated tokens only."""
        ...


def chat_memory(config: dict[str, Any]) -> DecoderMemory | None:
    """Decoding memory per row of a decoder-only model: keys and values of every layer per token
    (grouped-query attention: the key/value heads only), plus vocabulary-sized buffers."""
    layers, hidden, vocab = config.get("num_hidden_layers"), config.get("hidden_size"), config.get("vocab_size")
    if not all(isinstance(value, int) and value > 0 for value in (layers, hidden, vocab)):
        return None
    heads = config.get("num_attention_heads") or 1
    width = (config.get("num_key_value_heads") or heads) * (config.get("head_dim") or hidden // heads)
    token_bytes = 2 * layers * width * 4
    return DecoderMemory(token_bytes=token_bytes, row_tokens=-(-VOCABULARY_BUFFERS * vocab * 4 // token_bytes))


def max_context(config: dict[str, Any]) -> int:
    positions = config.get("max_position_embeddings")
    return min(positions, MAX_CONTEXT) if isinstance(positions, int) and positions > 0 else 4096


def end_tokens(tokenizer_dir: Path, vocabulary: set[str], id_to_token) -> list[str]:
    """The tokens decoding stops at: the generation config's eos ids, the tokenizer's eos, and the
    end-of-turn markers the vocabulary has."""
    found: list[str] = []
    generation = _read(tokenizer_dir / "generation_config.json")
    eos = generation.get("eos_token_id")
    for token_id in eos if isinstance(eos, list) else [eos]:
        if isinstance(token_id, int) and (token := id_to_token(token_id)):
            found.append(token)
    tokenizer_eos = _read(tokenizer_dir / "tokenizer_config.json").get("eos_token")
    if isinstance(tokenizer_eos, dict):
        tokenizer_eos = tokenizer_eos.get("content")
    if isinstance(tokenizer_eos, str):
        found.append(tokenizer_eos)
    found += [token for token in END_OF_TURN if token in vocabulary]
    return list(dict.fromkeys(found))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError) as exc:
        raise ModelError(f"unreadable {path.name}: {exc}", path=str(path), hint="Copy it from the original checkpoint again") from exc
    return data if isinstance(data, dict) else {}


class CT2ChatModel:
    backend = "ctranslate2"

    def __init__(self, checkpoint: Checkpoint, threads: int | None = None):
        import logging

        import ctranslate2
        from tokenizers import Tokenizer

        ctranslate2.set_log_level(logging.ERROR)
        self.path = str(checkpoint.path)
        source = checkpoint.tokenizer_dir or checkpoint.path
        try:
            self._tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
        except Exception as exc:
            raise ModelError(f"corrupt tokenizer.json: {exc}", path=str(source), hint="Copy it from the original checkpoint again") from exc
        self.template = ChatTemplate.from_dir(source)
        self.quantization = checkpoint.metadata.get("quantization")
        self.max_context = int(checkpoint.metadata.get("max_context") or max_context(checkpoint.config))
        self.memory = chat_memory(checkpoint.config)
        vocabulary = self._tokenizer.get_vocab(with_added_tokens=True)
        # Embedding rows past the real vocabulary, named in GGUF files ([PAD151934]): never text.
        self._unused = {index for token, index in vocabulary.items() if UNUSED_ROW.fullmatch(token)}
        self._end = checkpoint.metadata.get("end_tokens") or end_tokens(source, set(vocabulary), self._tokenizer.id_to_token)
        from .ct2_backend import open_ct2_model

        self._generator = open_ct2_model(ctranslate2.Generator, self.path, threads)

    def encode(self, text: str) -> Tokens:
        return self._tokenizer.encode(text, add_special_tokens=False).tokens

    def decode(self, outputs: Sequence[Tokens]) -> list[str]:
        ids = [[i for i in map(self._tokenizer.token_to_id, tokens) if i is not None and i not in self._unused] for tokens in outputs]
        return [text.strip() for text in self._tokenizer.decode_batch(ids, skip_special_tokens=True)]

    def generate(self, prompts: Sequence[Tokens], decoding: Decoding, static: Tokens | None = None) -> list[Output]:
        results = self._generator.generate_batch(
            [list(tokens) for tokens in prompts],
            static_prompt=list(static) if static else None,
            include_prompt_in_result=False,
            end_token=self._end,
            beam_size=decoding.beam,
            max_length=decoding.max_new_tokens,
            min_length=decoding.min_new_tokens,
            no_repeat_ngram_size=decoding.no_repeat_ngram_size,
            repetition_penalty=decoding.repetition_penalty,
            length_penalty=decoding.length_penalty,
        )
        outputs = []
        for result in results:
            tokens = list(result.sequences[0])
            outputs.append(Output(tokens=tokens, finished=len(tokens) < decoding.max_new_tokens))
        return outputs


class HFChatModel:
    backend = "transformers"
    quantization = None

    def __init__(self, source: str, *, threads: int | None = None, offline: bool = False):
        from .hf_backend import quiet_transformers

        quiet_transformers()
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        if threads:
            torch.set_num_threads(threads)
        self.path = source
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=offline)
            self.model = AutoModelForCausalLM.from_pretrained(source, local_files_only=offline, dtype=torch.float32).eval()
        except Exception as exc:
            where = "directory" if os.path.isdir(source) else "hub id"
            raise ModelError(
                f"cannot load the chat model with transformers ({where}): {type(exc).__name__}: {exc}",
                path=source,
                hint="Check that it is a complete Hugging Face causal-LM checkpoint with its tokenizer",
            ) from exc
        if not self._tokenizer.chat_template:
            raise ModelError("no chat template in the tokenizer", path=source, hint="Use an instruct/chat checkpoint")
        specials = {k: v for k, v in self._tokenizer.special_tokens_map.items() if isinstance(v, str)}
        self.template = ChatTemplate(self._tokenizer.chat_template, specials, source)
        config = self.model.config.to_dict()
        self.max_context = max_context(config)
        self.memory = chat_memory(config)
        vocabulary = self._tokenizer.get_vocab()
        self._unused = {index for token, index in vocabulary.items() if UNUSED_ROW.fullmatch(token)}
        generation = self.model.generation_config
        eos = generation.eos_token_id if generation.eos_token_id is not None else config.get("eos_token_id")
        ids = set(eos if isinstance(eos, list) else [eos] if isinstance(eos, int) else [])
        ids.update(self._tokenizer.convert_tokens_to_ids(t) for t in END_OF_TURN if t in vocabulary)
        if self._tokenizer.eos_token_id is not None:
            ids.add(self._tokenizer.eos_token_id)
        self._end = sorted(ids)
        self._pad = self._tokenizer.pad_token_id if self._tokenizer.pad_token_id is not None else self._end[0]
        # Greedy or beam search only, whatever the checkpoint suggests: a translation must not vary.
        generation.do_sample = False
        generation.max_length = None
        for name in ("temperature", "top_p", "top_k"):
            setattr(generation, name, None)

    def encode(self, text: str) -> Tokens:
        return self._tokenizer(text, add_special_tokens=False)["input_ids"]

    def decode(self, outputs: Sequence[Tokens]) -> list[str]:
        kept = [[i for i in output if i not in self._unused] for output in outputs]
        return [text.strip() for text in self._tokenizer.batch_decode(kept, skip_special_tokens=True)]

    def generate(self, prompts: Sequence[Tokens], decoding: Decoding, static: Tokens | None = None) -> list[Output]:
        import torch

        rows = [list(static or []) + list(tokens) for tokens in prompts]
        longest = max(len(row) for row in rows)
        # Left padding: every row's last prompt token sits at the same position, generation follows.
        input_ids = torch.tensor([[self._pad] * (longest - len(row)) + row for row in rows])
        attention_mask = torch.tensor([[0] * (longest - len(row)) + [1] * len(row) for row in rows])
        with torch.inference_mode():
            sequences = self.model.generate(
                input_ids=input_ids,
                attention_mask=attention_mask,
                num_beams=decoding.beam,
                max_new_tokens=decoding.max_new_tokens,
                min_new_tokens=decoding.min_new_tokens or None,
                no_repeat_ngram_size=decoding.no_repeat_ngram_size,
                repetition_penalty=decoding.repetition_penalty,
                length_penalty=decoding.length_penalty,
                eos_token_id=self._end,
                pad_token_id=self._pad,
            )
        outputs = []
        for row in sequences.tolist():
            generated = row[longest:]
            end = next((i for i, token in enumerate(generated) if token in self._end), None)
            outputs.append(Output(tokens=generated if end is None else generated[:end], finished=end is not None))
        return outputs
