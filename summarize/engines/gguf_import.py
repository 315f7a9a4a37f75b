"""GGUF model files (Ollama, LM Studio, llama.cpp) -> a Hugging Face checkpoint, for conversion.

transformers' GGUF loader dequantizes the tensors and rebuilds the tokenizer (chat template
included) from the file's metadata; the loaded model refuses `save_pretrained`, so its weights are
moved into a plain model of the same config, which is saved (bfloat16: half the disk of float32,
and no less precise than the 4- to 8-bit file it came from). The file is checked first, without
loading it: a truncated or foreign file, an architecture neither transformers nor CTranslate2
handles, or too little disk for the work is one clear error before minutes of work.
"""

from __future__ import annotations

import importlib.util
import io
import shutil
from contextlib import redirect_stderr
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError, OutputError


@dataclass(frozen=True)
class GGUFInfo:
    path: Path
    architecture: str
    parameters: int


def inspect_gguf(path: Path) -> GGUFInfo:
    """Architecture and parameter count of a GGUF file; ModelError if it is not a complete GGUF
    file of an architecture that can be converted."""
    if not path.is_file():
        raise ModelError("no such GGUF file", path=str(path), hint="Check the path")
    with path.open("rb") as handle:
        if handle.read(4) != b"GGUF":
            raise ModelError("not a GGUF file (it does not start with GGUF)", path=str(path), hint="Pass a .gguf model file")
    from gguf import GGUFReader

    try:
        reader = GGUFReader(str(path))
        architecture = _field_text(reader, "general.architecture")
        end = max((int(t.data_offset) + int(t.n_bytes) for t in reader.tensors), default=0)
        parameters = sum(int(t.n_elements) for t in reader.tensors)
    except (ValueError, IndexError, KeyError, OSError, TypeError) as exc:
        raise ModelError(f"the GGUF file is truncated or corrupt ({type(exc).__name__}: {exc})", path=str(path), hint="Download or copy it again") from exc
    size = path.stat().st_size
    if not reader.tensors or end > size:
        raise ModelError(f"the GGUF file is truncated ({size} bytes, {end} expected)", path=str(path), hint="Download or copy it again")
    supported = convertible_architectures()
    if architecture not in supported:
        raise ModelError(
            f"cannot convert GGUF architecture {architecture!r}",
            path=str(path),
            hint=f"Convertible: {', '.join(sorted(supported))}",
        )
    return GGUFInfo(path, architecture, parameters)


def _field_text(reader, key: str) -> str:
    field = reader.fields.get(key)
    if field is None:
        raise KeyError(f"no {key} in the metadata")
    return bytes(field.parts[field.data[0]]).decode("utf-8")


def convertible_architectures() -> set[str]:
    """GGUF architectures transformers reads whose model CTranslate2 converts."""
    from ctranslate2.converters.transformers import _MODEL_LOADERS
    from transformers.integrations.ggml import GGUF_CONFIG_MAPPING
    from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES

    return {arch for arch in GGUF_CONFIG_MAPPING if CONFIG_MAPPING_NAMES.get(arch) in _MODEL_LOADERS}


def check_disk(info: GGUFInfo, where: Path, quantization: str) -> None:
    """Room for the bfloat16 checkpoint (2 bytes a parameter) and the converted model."""
    needed = int(info.parameters * (2 + (1 if quantization == "int8" else 4)) * 1.05)
    free = shutil.disk_usage(where).free
    if free < needed:
        raise OutputError(
            f"too little disk to convert: about {needed / 2**30:.1f} GB needed, {free / 2**30:.1f} GB free",
            path=str(where),
            hint="Free some space, or choose another -o OUT on a larger disk",
        )


def gguf_to_checkpoint(info: GGUFInfo, out: Path) -> Path:
    """Write the GGUF model as a Hugging Face checkpoint (config, bfloat16 safetensors, tokenizer
    with its chat template, generation config) into `out`."""
    from .hf_backend import quiet_transformers

    quiet_transformers()
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    missing_packages = [package for package in ("gguf", "accelerate") if importlib.util.find_spec(package) is None]
    if missing_packages:
        raise ModelError(
            f"reading a GGUF file needs {' and '.join(missing_packages)}",
            path=str(info.path),
            hint="Install them: pip install 'summarize[transformers]'",
        )
    folder, name = str(info.path.parent), info.path.name
    try:
        with redirect_stderr(io.StringIO()):  # the loader's progress bar, which no setting turns off
            tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
            loaded = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    except Exception as exc:
        raise ModelError(f"transformers cannot load the GGUF file: {type(exc).__name__}: {exc}", path=str(info.path), hint="Check that the file is complete") from exc
    settings = loaded.config.to_dict()
    for key in ("quantization_config", "_name_or_path"):
        settings.pop(key, None)
    config = AutoConfig.for_model(**settings)
    with torch.device("meta"):
        model = type(loaded)(config)
    # assign=True moves the loaded tensors into the plain model: no second copy in memory.
    model.load_state_dict(loaded.state_dict(), strict=False, assign=True)
    if config.tie_word_embeddings:
        model.tie_weights()
    del loaded
    missing = [name for name, tensor in model.state_dict().items() if tensor.is_meta]
    if missing:
        raise ModelError(f"the GGUF file lacks weights the model needs: {', '.join(missing[:3])}", path=str(info.path), hint="Check that the file is complete")
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.to(torch.bfloat16).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out
