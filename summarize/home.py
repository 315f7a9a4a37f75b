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
    `beam`, `threads`, `summary_chars`, `glossary`: defaults for the matching CLI options;
    `engine` ("local" or "ray") and `ray_address`: where `export` runs."""
    return _load_config(config_path())


@lru_cache(maxsize=4)
def _load_config(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # no config (SUMMARIZE_HOME may not be a directory)
        return {}
    except OSError as exc:
        raise UsageError(f"cannot read config: {exc.strerror}", path=str(path), hint="Check its permissions") from exc
    try:
        config = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"invalid config file: {exc}", path=str(path), hint="Fix or delete it") from exc
    _check_config(config, path)
    return config


# The type of each setting (the defaults of the options of the same names).
_CONFIG_TYPES: dict[str, type] = {
    "summarizer": str,
    "translator": str,
    "glossary": str,
    "beam": int,
    "threads": int,
    "summary_chars": int,
    "engine": str,  # where `export` runs: "local" or "ray"
    "ray_address": str,
}


def _check_config(config: dict[str, Any], path: Path) -> None:
    for key, value in config.items():
        expected = _CONFIG_TYPES.get(key)
        if expected is None:
            raise UsageError(
                f"unknown setting {key!r}", path=str(path), hint=f"Known settings: {', '.join(_CONFIG_TYPES)}"
            )
        if not isinstance(value, expected) or isinstance(value, bool) or (expected is int and value < 1):
            kind = "a positive whole number" if expected is int else "a string"
            raise UsageError(f"setting {key!r} must be {kind}, not {value!r}", path=str(path), hint="Fix or delete it")
