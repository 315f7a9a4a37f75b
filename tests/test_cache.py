import sqlite3
import threading

import pytest

from summarize.cache import Cache, CacheWarning, cache_key


def test_round_trip_and_keys_depend_on_everything(tmp_path):
    cache = Cache(tmp_path / "c.sqlite3")
    engine = {"name": "opus-mt-zh-en", "backend": "ctranslate2", "revision": "abc"}
    k1 = cache_key("translation", engine, {"beam": 1}, "义乌，再出发")
    assert k1 != cache_key("translation", engine, {"beam": 4}, "义乌，再出发")
    assert k1 != cache_key("translation", {**engine, "revision": "def"}, {"beam": 1}, "义乌，再出发")
    assert k1 != cache_key("summary", engine, {"beam": 1}, "义乌，再出发")
    assert k1 != cache_key("translation", engine, {"beam": 1}, "义乌，再出发！")
    cache.put_many({k1: "Yiwu, set out again"})
    assert cache.get_many([k1, "missing"]) == {k1: "Yiwu, set out again"}
    cache.close()
    assert Cache(tmp_path / "c.sqlite3").get_many([k1]) == {k1: "Yiwu, set out again"}


def test_disabled_cache_is_a_no_op():
    cache = Cache(None)
    cache.put_many({"k": 1})
    assert cache.get_many(["k"]) == {}
    assert not cache.enabled


@pytest.mark.parametrize("content", [b"this is not a database" * 100, b"SQLite format 3\x00" + b"\x00" * 50])
def test_corrupt_or_truncated_database_is_set_aside_and_rebuilt(tmp_path, content):
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(content)
    with pytest.warns(CacheWarning, match="corrupt"):
        cache = Cache(path)
    assert cache.enabled
    cache.put_many({"k": "v"})
    assert cache.get_many(["k"]) == {"k": "v"}
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content


def test_truncated_real_database(tmp_path):
    path = tmp_path / "cache.sqlite3"
    cache = Cache(path)
    cache.put_many({f"k{i}": "x" * 500 for i in range(200)})
    cache.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.warns(CacheWarning, match="corrupt"):
        cache = Cache(path)
    cache.put_many({"new": "v"})
    assert cache.get_many(["new"]) == {"new": "v"}


def test_unwritable_directory_runs_without_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.warns(CacheWarning, match="without it"):
        cache = Cache(blocker / "cache" / "c.sqlite3")
    assert not cache.enabled
    assert cache.get_many(["k"]) == {}


def test_two_writers_at_once(tmp_path):
    path = tmp_path / "c.sqlite3"
    Cache(path).close()
    errors = []

    def writer(n):
        try:
            cache = Cache(path)
            for i in range(50):
                cache.put_many({f"{n}-{i}": i})
            cache.close()
        except Exception as exc:  # noqa: BLE001 - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    cache = Cache(path)
    assert len(cache.get_many(f"{n}-{i}" for n in range(4) for i in range(50))) == 200
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
