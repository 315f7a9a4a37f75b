"""Hugging Face checkpoint (seq2seq or chat) or GGUF file -> self-sufficient CTranslate2
directory (int8 by default).

The output holds model.bin + vocabulary (CTranslate2), the tokenizer the checkpoint uses (its
files, plus tokenizer.json written from the loaded transformers tokenizer when it runs on the
`tokenizers` library, so the fast path tokenizes exactly like transformers), and
summarize-model.json (family, input limit, forced target prefix, the source config; for a chat
model its context length and end-of-turn tokens, and its chat template beside the tokenizer).
A GGUF file is first unpacked into a Hugging Face checkpoint inside the work directory
(summarize.engines.gguf_import).

Written to a temporary sibling directory and renamed into place at the end: an interrupted or
failed conversion leaves nothing half-made, and an existing OUT is only replaced with force=True.
"""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..errors import ModelError, OutputError
from .checkpoint import CHAT_TEMPLATE_FILES, METADATA_FILE, default_max_input_tokens, default_max_output_tokens, inspect_dir, is_causal_config
from .tokenization import TOKENIZER_FILES

QUANTIZATIONS = ("int8", "float32")


def convert(source: Path, out: Path, *, quantization: str = "int8", force: bool = False, revision: str | None = None) -> Path:
    """Convert the checkpoint in `source` (a directory, or a GGUF file) to CTranslate2 in `out`;
    returns `out`."""
    if quantization not in QUANTIZATIONS:
        raise ModelError(f"unknown quantization {quantization!r}", hint=f"Choose {' or '.join(QUANTIZATIONS)}")
    gguf = source.suffix.lower() == ".gguf" and not source.is_dir()
    if gguf:
        from .gguf_import import inspect_gguf

        gguf_info = inspect_gguf(source)
    else:
        checkpoint = inspect_dir(source)
        if checkpoint.format != "hf":
            raise ModelError("already a CTranslate2 model; convert the Hugging Face checkpoint it came from", path=str(source))
    out = out.expanduser()
    if out.exists() and not force:
        raise OutputError("already exists", path=str(out), hint="Choose another -o OUT, or pass --force to replace it")
    if out.exists() and not out.is_dir():
        raise OutputError("exists and is not a directory", path=str(out), hint="Choose another -o OUT")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"cannot create the output directory: {exc.strerror}", path=str(out.parent), hint="Check its permissions and free space, or choose another -o OUT") from exc
    try:
        if gguf:
            from .gguf_import import check_disk, gguf_to_checkpoint

            check_disk(gguf_info, out.parent, quantization)
            unpacked = gguf_to_checkpoint(gguf_info, work / ".checkpoint")
            _convert_into(inspect_dir(unpacked).path, work, quantization, revision, origin=source)
            shutil.rmtree(unpacked)
        else:
            _convert_into(checkpoint.path, work, quantization, revision)
        _replace(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return out


def _convert_into(source: Path, work: Path, quantization: str, revision: str | None, origin: Path | None = None) -> None:
    """`origin`: what the user converted, when `source` is an intermediate checkpoint (GGUF)."""
    from .hf_backend import quiet_transformers

    quiet_transformers()
    converter = _converter_class()(str(source))
    try:
        converter.convert(str(work / "model"), quantization=quantization, force=True)
    except (ValueError, RuntimeError, OSError, KeyError, AttributeError, NotImplementedError) as exc:
        raise ModelError(f"conversion to CTranslate2 failed: {type(exc).__name__}: {exc}", path=str(source), hint="Check that it is a complete checkpoint of a supported family; if it is, report it") from exc
    model_dir = work / "model"
    for item in model_dir.iterdir():
        item.rename(work / item.name)
    model_dir.rmdir()
    for name in TOKENIZER_FILES:
        if (source / name).is_file() and not (work / name).exists():
            shutil.copy2(source / name, work / name)
    tokenizer = converter.tokenizer
    if getattr(tokenizer, "is_fast", False):
        # The tokenizer as transformers runs it (post-processor included), for the fast path.
        tokenizer.backend_tokenizer.save(str(work / "tokenizer.json"))
    hf_config = json.loads((source / "config.json").read_text(encoding="utf-8"))
    if is_causal_config(hf_config):
        _write_chat_metadata(work, source, hf_config, quantization, revision, tokenizer, origin or source)
        return
    metadata = {
        "format": 1,
        "family": hf_config.get("model_type"),
        "quantization": quantization,
        "source": str(source),
        "revision": revision,
        "max_input_tokens": default_max_input_tokens(hf_config, getattr(tokenizer, "model_max_length", None)),
        "max_output_tokens": default_max_output_tokens(hf_config),
        "target_prefix": converter.target_prefix,
        "hf_config": hf_config,
        "versions": _versions(),
    }
    (work / METADATA_FILE).write_text(json.dumps(metadata, ensure_ascii=False, indent=2), encoding="utf-8")


def _write_chat_metadata(
    work: Path, source: Path, hf_config: dict[str, Any], quantization: str, revision: str | None, tokenizer: Any, origin: Path
) -> None:
    """summarize-model.json of a chat model: its context length and the tokens decoding stops at."""
    from tokenizers import Tokenizer

    from .chat_models import end_tokens, max_context

    for name in ("generation_config.json", *CHAT_TEMPLATE_FILES):
        if (source / name).is_file() and not (work / name).exists():
            shutil.copy2(source / name, work / name)
    if not any((work / name).is_file() for name in CHAT_TEMPLATE_FILES) and getattr(tokenizer, "chat_template", None):
        (work / "chat_template.jinja").write_text(tokenizer.chat_template, encoding="utf-8")
    backend = Tokenizer.from_file(str(work / "tokenizer.json"))
    metadata = {
        "format": 1,
        "family": hf_config.get("model_type"),
        "chat": True,
        "quantization": quantization,
        "source": str(origin),
        "revision": revision,
        "max_context": max_context(hf_config),
        "end_tokens": end_tokens(work, set(backend.get_vocab(with_added_tokens=True)), backend.id_to_token),
        "hf_config": hf_config,
        "versions": _versions(),
    }
    (work / METADATA_FILE).write_text(json.dumps(metadata, ensure_ascii=False, indent=2), encoding="utf-8")


def _replace(work: Path, out: Path) -> None:
    """Put `work` at `out`; an existing `out` is moved aside first and removed only afterwards."""
    backup = None
    if out.exists():
        backup = out.with_name(f".{out.name}.old")
        shutil.rmtree(backup, ignore_errors=True)
        out.rename(backup)
    try:
        work.rename(out)
    except OSError as exc:
        if backup is not None:
            backup.rename(out)
        raise OutputError(f"cannot move the converted model into place: {exc.strerror}", path=str(out), hint="Check the permissions and free space, then run again") from exc
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("ctranslate2", "transformers", "torch")}


def _converter_class() -> type:
    """CTranslate2's TransformersConverter with the fixes transformers 5 checkpoints need."""
    from ctranslate2.converters import TransformersConverter

    class Converter(TransformersConverter):
        tokenizer: Any = None
        target_prefix: list[str] = []

        def load_model(self, model_class, model_name_or_path, **kwargs):
            import torch

            # Float32 master weights whatever the checkpoint was saved in (Randeng: float16), so
            # int8 means int8 weights with float32 compute on any CPU (no int8_float16 fallback).
            kwargs["dtype"] = torch.float32
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            config = model.config
            if config.model_type in ("bart", "mbart") and not hasattr(config, "normalize_before"):
                # BartConfig no longer carries it; BART is post-norm, mBART pre-norm.
                config.normalize_before = config.model_type == "mbart"
            self.model = model
            return model

        def load_tokenizer(self, tokenizer_class, model_name_or_path, **kwargs):
            self.tokenizer = super().load_tokenizer(tokenizer_class, model_name_or_path, **kwargs)
            return self.tokenizer

        def _load(self):
            spec = super()._load()
            config = self.model.config
            if not hasattr(spec, "get_source_vocabulary_size"):  # decoder-only (chat) model
                _pad_decoder_vocabulary(spec)
                return spec
            if config.model_type in ("t5", "mt5", "umt5"):
                # transformers 5 keeps tie_word_embeddings=True for every (m)T5 and says whether
                # to scale the decoder output in scale_decoder_outputs (mT5: never).
                from ctranslate2.specs import model_spec

                scale = bool(getattr(config, "scale_decoder_outputs", False))
                spec.decoder.scale_outputs = config.d_model**-0.5 if scale else model_spec.OPTIONAL
            if getattr(self.tokenizer, "separate_vocabs", False):
                _use_target_vocabulary(spec, self.tokenizer)
            _pad_vocabularies(spec)
            _set_special_tokens(spec.config, self.model, self.tokenizer)
            self.target_prefix = _target_prefix(self.model, self.tokenizer, spec)
            return spec

    return Converter


def _pad_decoder_vocabulary(spec: Any) -> None:
    """Names for a decoder's embedding rows past its tokenizer (Qwen2.5: 151,665 tokens, 151,936
    rows), each once, so that CTranslate2 accepts the model."""
    vocabulary = spec._vocabulary
    taken = set(vocabulary)
    unused = (name for name in map("<unused_{}>".format, itertools.count()) if name not in taken)
    while len(vocabulary) < spec.get_vocabulary_size():
        vocabulary.append(next(unused))


def _use_target_vocabulary(spec: Any, tokenizer: Any) -> None:
    """A Marian checkpoint with separate source and target vocabularies (vocab.json and
    target_vocab.json): CTranslate2's loader registers the source one on both sides, so the output
    side gets its own here, without the <pad> that only starts the decoder. (The loader has already
    dropped that row from the weights: Marian's two vocabularies have the same size, <pad> last.)"""
    target = sorted(tokenizer.target_encoder, key=tokenizer.target_encoder.get)
    if target[-1] == tokenizer.pad_token:
        target.pop()
    spec._vocabularies["target"] = [target]


def _pad_vocabularies(spec: Any) -> None:
    """Checkpoints often have more embedding rows than tokenizer entries (padded to a multiple of
    8, or a reused template config): give the unused rows names so CTranslate2 accepts the model.
    CTranslate2's T5 loader names them <extra_id_N>, repeating the sentinels of a tokenizer that
    already has them: the repeats are renamed too, so that each name in the vocabulary file is one
    row (a token-to-id map read from the file would send a sentinel to an unused row)."""
    sizes = {"source": spec.get_source_vocabulary_size(), "target": spec.get_target_vocabulary_size()}
    for side, expected in sizes.items():
        for vocabulary, size in zip(spec._vocabularies[side], expected if isinstance(expected, list) else [expected]):
            taken = set(vocabulary)
            unused = (name for name in map("<unused_{}>".format, itertools.count()) if name not in taken)
            seen: set[str] = set()
            for position, token in enumerate(vocabulary):
                if token in seen:
                    vocabulary[position] = next(unused)
                seen.add(token)
            while len(vocabulary) < size:
                vocabulary.append(next(unused))


def _set_special_tokens(config: Any, model: Any, tokenizer: Any) -> None:
    """CTranslate2 stops decoding at config.eos_token: make it the token transformers stops at
    (the model's eos id, which need not be the tokenizer's), and fill the tokens a tokenizer
    without <s>/</s> leaves unset (a BERT vocabulary under a Chinese BART: [CLS]/[SEP] from the
    model's config) instead of writing nulls that CTranslate2 cannot load."""
    eos = model.generation_config.eos_token_id
    eos = eos[0] if isinstance(eos, list) and eos else eos
    if eos is None:
        eos = model.config.eos_token_id
    if isinstance(eos, int):
        config.eos_token = tokenizer.convert_ids_to_tokens(eos)
    if config.bos_token is None and model.config.bos_token_id is not None:
        config.bos_token = tokenizer.convert_ids_to_tokens(model.config.bos_token_id)
    for name in ("bos_token", "unk_token"):
        if getattr(config, name) is None:
            setattr(config, name, config.eos_token)


def _target_prefix(model: Any, tokenizer: Any, spec: Any) -> list[str]:
    """Tokens transformers forces at the start of the output (mBART language code, BART <s>),
    which CTranslate2 must be given as a target prefix to decode the same way."""
    prefix = []
    if spec.config.decoder_start_token is None and model.config.decoder_start_token_id is not None:
        prefix.append(tokenizer.convert_ids_to_tokens(model.config.decoder_start_token_id))
    forced = model.generation_config.forced_bos_token_id
    if forced is not None:
        prefix.append(tokenizer.convert_ids_to_tokens(forced))
    return prefix
