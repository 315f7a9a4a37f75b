"""The reference path: transformers + torch (`AutoTokenizer` + `AutoModelForSeq2SeqLM`) on a local
checkpoint or a hub id, for every supported family. Slower than CTranslate2 and heavy to import;
used when no converted copy exists, and to check that both backends agree."""

from __future__ import annotations

import inspect
import os
import warnings
from collections.abc import Sequence

from ..errors import ModelError
from .batching import DecoderMemory
from .checkpoint import check_seq2seq_config, default_max_input_tokens, default_max_output_tokens
from .generation import Decoding, Output, Tokens


def quiet_transformers() -> None:
    """No progress bars, advice or deprecation chatter on stderr in normal use."""
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    warnings.filterwarnings("ignore", category=UserWarning, module=r"transformers(\.|$)")
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"transformers(\.|$)")
    import transformers

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()


class HFGenerator:
    backend = "transformers"

    def __init__(self, source: str, *, threads: int | None = None, offline: bool = False):
        """`source`: a checkpoint directory or a hub id (then only the local cache when offline)."""
        quiet_transformers()
        import torch
        from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer

        if threads:
            torch.set_num_threads(threads)
        self.path = source
        try:
            config = AutoConfig.from_pretrained(source, local_files_only=offline)
            check_seq2seq_config(config.to_dict(), source)
            self.tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=offline)
            # float32 whatever the checkpoint was saved in: half precision on a CPU is slow and lossy.
            self.model = AutoModelForSeq2SeqLM.from_pretrained(source, local_files_only=offline, dtype=torch.float32).eval()
        except ModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - any loading failure is a model problem for the user
            if not os.path.isdir(source):
                where = "in the local Hugging Face cache" if offline else "on the Hugging Face hub"
                raise ModelError(
                    f"no such directory, and no seq2seq checkpoint {source!r} {where} ({type(exc).__name__})",
                    path=source,
                    hint="Pass a checkpoint directory or a model name from `summarize models list`",
                ) from exc
            # transformers logs the size report we silence and raises a pointer to it: say what it means.
            reason = (
                "its weights do not match its config.json (tensor sizes differ)"
                if "ignore_mismatched_sizes" in str(exc)
                else f"{type(exc).__name__}: {exc}"
            )
            raise ModelError(
                f"cannot load the checkpoint with transformers: {reason}",
                path=source,
                hint="Check that it is a complete Hugging Face seq2seq checkpoint",
            ) from exc
        config = self.model.config
        self.memory = DecoderMemory.from_config(config.to_dict())
        self.max_input_tokens = default_max_input_tokens(config.to_dict(), getattr(self.tokenizer, "model_max_length", None))
        self.max_output_tokens = default_max_output_tokens(config.to_dict())
        self._pad = config.pad_token_id if config.pad_token_id is not None else self.tokenizer.pad_token_id
        self._eos = _as_set(self.model.generation_config.eos_token_id) or _as_set(config.eos_token_id)
        # Length comes from max_new_tokens only (transformers warns on every call otherwise), and
        # no forced </s> at the length cap: the caller detects unfinished outputs itself, and
        # CTranslate2 behaves the same way, so both backends produce the same tokens. (generate()
        # fills unset options from the model's own generation config, so it is changed in place.)
        generation = self.model.generation_config
        generation.max_length = None
        generation.forced_eos_token_id = None
        generation.do_sample = False
        # Processors (no_repeat_ngram_size, min length) then renormalize, as CTranslate2 does:
        # without it beam search ranks hypotheses on unnormalized scores and the backends differ.
        generation.renormalize_logits = True
        for name in ("temperature", "top_p", "top_k"):
            setattr(generation, name, None)
        if config.model_type == "marian" and self._pad is not None and [self._pad] not in (generation.bad_words_ids or []):
            # Marian's <pad> only starts the decoder and is never output (opus-mt configs forbid it;
            # CTranslate2 drops it from the vocabulary): forbid it in checkpoints that do not say so.
            generation.bad_words_ids = [*(generation.bad_words_ids or []), [self._pad]]
        self._skip = 1 + (1 if generation.forced_bos_token_id is not None else 0)
        # transformers sizes generate()'s cache from the config's decoder layer count, which for
        # T5-family configs is the encoder's (num_layers), not num_decoder_layers: a model with a
        # deeper decoder than encoder would fail, so it gets a cache that grows as layers use it.
        decoder = config.get_text_config(decoder=True)
        self._lazy_cache = getattr(config, "num_decoder_layers", decoder.num_hidden_layers) != decoder.num_hidden_layers
        # Later 5.x releases renamed the models' (and generate()'s) past_key_values to cache.
        self._cache_argument = "cache" if "cache" in inspect.signature(self.model.forward).parameters else "past_key_values"

    def encode(self, texts: Sequence[str]) -> list[Tokens]:
        return list(self.tokenizer(list(texts), add_special_tokens=True)["input_ids"])

    def decode(self, outputs: Sequence[Tokens]) -> list[str]:
        return [text.strip() for text in self.tokenizer.batch_decode([list(o) for o in outputs], skip_special_tokens=True)]

    def generate(self, batch: Sequence[Tokens], decoding: Decoding) -> list[Output]:
        import torch

        longest = max(len(ids) for ids in batch)
        input_ids = torch.tensor([list(ids) + [self._pad] * (longest - len(ids)) for ids in batch])
        attention_mask = torch.tensor([[1] * len(ids) + [0] * (longest - len(ids)) for ids in batch])
        cache = {}
        if self._lazy_cache:
            from transformers import DynamicCache, EncoderDecoderCache

            cache[self._cache_argument] = EncoderDecoderCache(DynamicCache(), DynamicCache())
        with torch.inference_mode():
            sequences = self.model.generate(
                input_ids=input_ids,
                attention_mask=attention_mask,
                **cache,
                num_beams=decoding.beam,
                early_stopping=True if decoding.beam > 1 else None,
                max_new_tokens=decoding.max_new_tokens + self._skip - 1,
                min_new_tokens=decoding.min_new_tokens + self._skip - 1 if decoding.min_new_tokens else None,
                no_repeat_ngram_size=decoding.no_repeat_ngram_size,
                repetition_penalty=decoding.repetition_penalty,
                length_penalty=decoding.length_penalty,
            )
        outputs = []
        for row in sequences.tolist():
            generated = row[self._skip :]
            end = next((i for i, token in enumerate(generated) if token in self._eos), None)
            tokens = generated if end is None else generated[:end]
            outputs.append(Output(tokens=tokens, finished=end is not None))
        return outputs


def _as_set(value: int | list[int] | None) -> set[int]:
    if value is None:
        return set()
    return set(value) if isinstance(value, list) else {value}
