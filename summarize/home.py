"""The one user directory: models, cache and config.

`SUMMARIZE_HOME` overrides the platform default (platformdirs' user data dir).
Layout: `models/<name>/hf` (Hugging Face copy), `models/<name>/ct2-int8` (CTranslate2 copy),
`cache/cache.sqlite3`, `config.toml`.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


def home_dir() -> Path:
    env = os.environ.get("SUMMARIZE_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("summarize", appauthor=False))


def models_dir() -> Path:
    return home_dir() / "models"


def cache_path() -> Path:
    return home_dir() / "cache" / "cache.sqlite3"


def config_path() -> Path:
    return home_dir() / "config.toml"


def load_config() -> dict[str, Any]:
    """The user's config.toml as a dict ({} when absent). Keys: `summarizer`, `translator`,
    `beam`, `threads`, `summary_chars`, `glossary`: defaults for the matching CLI options."""
    return _load_config(config_path())


@lru_cache(maxsize=4)
def _load_config(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise UsageError(f"cannot read config: {exc.strerror}", path=str(path)) from exc
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"invalid config file: {exc}", path=str(path), hint="Fix or delete it") from exc
