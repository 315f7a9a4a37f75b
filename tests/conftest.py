"""Shared fixtures. Every test runs offline with its own user directory."""

from __future__ import annotations

from pathlib import Path

import pytest

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
