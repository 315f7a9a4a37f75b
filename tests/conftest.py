"""Shared fixtures. Every test runs offline with its own user directory."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests draw the same examples on every run, so a run passes or fails on the code,
# not on luck; HYPOTHESIS_PROFILE=explore draws new ones (to look for new counterexamples).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = REPO / "samples" / "yiwu-front-page.txt"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("summarize-home")
    monkeypatch.setenv("SUMMARIZE_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(home / "hf"))
    return home


@pytest.fixture
def sample_page() -> Path:
    return SAMPLE_PAGE


@pytest.fixture
def fake_backends(monkeypatch) -> str:
    """The process's registry with the `fake` translator and summarizer of tests/fake_backends.py
    added by their `register` function, as a plugin's entry point adds its backends. Returns the
    backends' name."""
    import fake_backends

    from summarize import registry as registry_module

    registry = registry_module.load_registry()
    fake_backends.register(registry)
    monkeypatch.setattr(registry_module, "_registry", registry)
    return fake_backends.NAME


# --- tiny seq2seq checkpoints (tests/tiny_models.py), built once per session ---------------------
# Random weights, real file layouts: load them exactly as a real checkpoint loads
# (--translator DIR / --summarizer DIR). HF dirs need torch+transformers; *_ct2 are CTranslate2 int8.


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory) -> Path:
    """Marian zh->en (opus-mt layout: source.spm, target.spm, vocab.json); input limit 64 tokens."""
    from tiny_models import build_marian

    return build_marian(tmp_path_factory.mktemp("tiny") / "marian")


@pytest.fixture(scope="session")
def tiny_marian_ct2(tiny_marian, tmp_path_factory) -> Path:
    from tiny_models import convert_ct2

    return convert_ct2(tiny_marian, tmp_path_factory.mktemp("tiny") / "marian-ct2")


@pytest.fixture(scope="session")
def tiny_t5(tmp_path_factory) -> Path:
    """T5 summarizer (spiece.model + tokenizer_config.json, like the older hub checkpoints)."""
    from tiny_models import build_t5

    return build_t5(tmp_path_factory.mktemp("tiny") / "t5")


@pytest.fixture(scope="session")
def tiny_t5_ct2(tiny_t5, tmp_path_factory) -> Path:
    from tiny_models import convert_ct2

    return convert_ct2(tiny_t5, tmp_path_factory.mktemp("tiny") / "t5-ct2")


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory) -> Path:
    """Chinese BART summarizer (tokenizer.json; embedding rows past the tokenizer); input limit 128."""
    from tiny_models import build_bart

    return build_bart(tmp_path_factory.mktemp("tiny") / "bart")


@pytest.fixture(scope="session")
def tiny_bart_ct2(tiny_bart, tmp_path_factory) -> Path:
    from tiny_models import convert_ct2

    return convert_ct2(tiny_bart, tmp_path_factory.mktemp("tiny") / "bart-ct2")


# --- tiny chat (decoder-only) checkpoints: Qwen2 layout, its CTranslate2 copy and a GGUF file ---


@pytest.fixture(scope="session")
def tiny_qwen(tmp_path_factory) -> Path:
    """Qwen2ForCausalLM with tokenizer.json and a ChatML chat template (Hugging Face layout)."""
    from tiny_models import build_qwen2

    return build_qwen2(tmp_path_factory.mktemp("tiny") / "qwen2")


@pytest.fixture(scope="session")
def tiny_qwen_ct2(tiny_qwen, tmp_path_factory) -> Path:
    from tiny_models import convert_ct2

    return convert_ct2(tiny_qwen, tmp_path_factory.mktemp("tiny") / "qwen2-ct2")


@pytest.fixture(scope="session")
def tiny_qwen_gguf(tiny_qwen, tmp_path_factory) -> Path:
    """The same weights and tokenizer as one GGUF file (float32 tensors), as llama.cpp tools keep them."""
    from tiny_models import write_qwen2_gguf

    return write_qwen2_gguf(tiny_qwen, tmp_path_factory.mktemp("tiny") / "qwen2.gguf")


@pytest.fixture
def cli(capsys, monkeypatch):
    """`summarize ARGS` in this process (stdin given as text): (exit code, stdout, stderr)."""
    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        from summarize.cli import main

        monkeypatch.setattr(sys, "argv", ["summarize", *args])
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
        with pytest.raises(SystemExit) as exit_info:
            main()
        out, err = capsys.readouterr()
        return exit_info.value.code, out, err

    return run
