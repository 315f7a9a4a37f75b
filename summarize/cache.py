"""Persistent cache of model outputs (sqlite3 in the user directory).

Keys hash everything that determines an output: the engine (backend, name, revision), the options
that change generation, and the exact source text. WAL mode makes two runs at once safe. A corrupt
database is set aside with a warning and rebuilt; an unusable cache never stops a run, and a cache
locked by another process is never waited on: that batch goes without it (one warning per run).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
_HOME_SETTING = "SUMMARIZE_HOME"  # the user directory the cache lives in (summarize/home.py)
# How long a lock held by another process is waited for before a batch goes without the cache.
BUSY_TIMEOUT_S = 0.25


class CacheWarning(UserWarning):
    pass


def cache_key(namespace: str, engine: dict[str, Any], options: dict[str, Any], text: str) -> str:
    payload = json.dumps([SCHEMA_VERSION, namespace, engine, options, text], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Cache:
    """`get_many`/`put_many` over a key -> JSON value table. `Cache(None)` is a disabled cache."""

    def __init__(self, path: Path | None):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._warned_locked = False
        if path is not None:
            self._db = self._open(path)

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _open(self, path: Path) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect(path)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):  # busy, read-only, no space: not corrupt
                return self._disabled(f"cache {path} cannot be used ({exc}); running without it (check {_HOME_SETTING})")
            aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            try:
                os.replace(path, aside)
                for suffix in ("-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                warnings.warn(f"cache {path} was corrupt ({exc}); moved it to {aside.name} and started a new one", CacheWarning, stacklevel=3)
                return self._connect(path)
            except (OSError, sqlite3.DatabaseError) as exc2:
                return self._disabled(f"cache {path} is unusable ({exc2}); running without it")
        except OSError as exc:
            return self._disabled(
                f"cannot create the cache in {path.parent} ({exc.strerror or exc}); running without it "
                f"(set {_HOME_SETTING} to a writable directory)"
            )

    def _disabled(self, message: str) -> None:
        warnings.warn(message, CacheWarning, stacklevel=4)
        return None

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL NOT NULL)")
            # Reading a page proves the file really is a database (a truncated file fails here).
            db.execute("SELECT count(*) FROM (SELECT key FROM entries LIMIT 1)").fetchone()
            (verdict,) = db.execute("PRAGMA quick_check(1)").fetchone()
            if verdict != "ok":  # damage it can read around is reported, not raised
                raise sqlite3.DatabaseError(f"quick_check: {verdict}")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        keys = list(dict.fromkeys(keys))
        if self._db is None or not keys:
            return {}
        found: dict[str, Any] = {}
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                for key, value in self._db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk):
                    found[key] = json.loads(value)
        except (sqlite3.DatabaseError, ValueError) as exc:
            self._fail(exc)
            return {}
        return found

    def put_many(self, items: dict[str, Any]) -> None:
        if self._db is None or not items:
            return
        now = time.time()
        rows = [(k, json.dumps(v, ensure_ascii=False), now) for k, v in items.items()]
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO entries (key, value, created) VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError as exc:
            self._fail(exc)

    def _fail(self, exc: Exception) -> None:
        if _is_locked(exc):  # another process is writing: this batch goes without, the next tries again
            if not self._warned_locked:
                self._warned_locked = True
                warnings.warn(f"cache {self.path} is locked by another process; going on without it while it is", CacheWarning, stacklevel=3)
            return
        warnings.warn(f"cache {self.path} failed ({exc}); continuing without it", CacheWarning, stacklevel=3)
        self.close()

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            finally:
                self._db = None


def _is_locked(exc: Exception) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and any(word in str(exc) for word in ("locked", "busy"))
