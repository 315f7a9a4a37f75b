"""Streams that never end, signals at any moment, a cache another process holds: memory stays
bounded, SIGTERM and Ctrl-C stop the process with nothing partial, nothing waits on the cache."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import warnings
from itertools import islice
from pathlib import Path

import pytest
from run_helpers import SAMPLE_PAGE, cli_command, cli_env, run_cli

from summarize import reading
from summarize.cache import Cache, CacheWarning
from summarize.decoding import decode_bytes
from summarize.reading import STDIN, STDIN_RELPATH, InputRef, read_source
from summarize.segmentation import iter_source_parts, segment_text

BUILTIN = ["--summarizer", "extractive", "--translator", "gloss"]
PAGE = SAMPLE_PAGE.read_text(encoding="utf-8")
LINE = "义乌汇聚超210万种商品。\n".encode()


class EndlessStream(io.RawIOBase):
    """`yes 义乌汇聚超210万种商品。`: a line forever; counts the bytes handed out."""

    def __init__(self, line: bytes = LINE):
        self.line, self.given = line, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        # Fills the whole buffer, a line cut anywhere (0 bytes would mean the end).
        size, start = len(buffer), self.given % len(self.line)
        buffer[:size] = (self.line * (2 + size // len(self.line)))[start : start + size]
        self.given += size
        return size


def stdin_ref() -> InputRef:
    return InputRef(STDIN, None, STDIN_RELPATH)


def with_stdin(monkeypatch, raw: io.RawIOBase | bytes) -> None:
    buffer = io.BufferedReader(raw) if isinstance(raw, io.RawIOBase) else io.BufferedReader(io.BytesIO(raw))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(buffer, encoding="utf-8"))


def test_an_endless_stream_is_read_part_by_part(monkeypatch):
    endless = EndlessStream()
    with_stdin(monkeypatch, endless)
    source = read_source(stdin_ref())
    assert source.rest is not None and source.raw_sha256 == ""
    pages = list(islice(iter_source_parts(source), 40))
    # 40 parts are taken, and only a few bytes parts beyond them were ever read
    taken = sum(len(page.text.encode()) for page in pages)
    assert endless.given <= taken + 3 * reading.STREAM_READ_BYTES
    assert all(len(page.text) <= reading.STREAM_PART_CHARS * 1.5 for page in pages)
    numbers = [article.id for page in pages for article in page.articles]
    assert numbers == [f"a{n}" for n in range(1, len(numbers) + 1)]  # numbered across the parts
    assert all(paragraph.text == "义乌汇聚超210万种商品。" for page in pages for a in page.articles for paragraph in a.paragraphs)


def test_a_long_finite_stream_loses_nothing(monkeypatch):
    data = (PAGE + "\n\n").encode("gb18030") * 250  # ~ 3 MiB of GB18030: several bytes parts
    with_stdin(monkeypatch, data)
    source = read_source(stdin_ref())
    assert source.rest is not None and source.encoding == "gb18030"
    texts = list(source.texts())
    assert len(texts) > 3 and "".join(texts) == decode_bytes(data).text
    articles = [a for page in iter_source_parts(read_source_again(monkeypatch, data)) for a in page.articles]
    assert [a.id for a in articles] == [f"a{n}" for n in range(1, len(articles) + 1)]
    # as segmenting all of it at once, but around cuts (at most one article more or less per cut)
    assert abs(len(articles) - len(segment_text(decode_bytes(data).text).articles)) <= len(texts) - 1


def read_source_again(monkeypatch, data: bytes):
    with_stdin(monkeypatch, data)
    return read_source(stdin_ref())


def test_a_short_stream_is_read_as_a_file_is(monkeypatch):
    with_stdin(monkeypatch, PAGE.encode())
    source = read_source(stdin_ref())
    assert source.rest is None and source.text == PAGE and source.raw_sha256


def test_endless_binary_is_refused_at_once(tmp_path):
    result = run_cli("run", "/dev/zero", *BUILTIN, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "summarize: error: /dev/zero: not a text file: it contains NUL bytes. Give a plain-text file"


def test_sigterm_stops_an_endless_run_with_nothing_partial(tmp_path):
    """`yes ... | summarize run - -o digest.txt`, then SIGTERM: exit 143, no output, no temp file."""
    proc = subprocess.Popen(
        cli_command("run", "-", "-o", "digest.txt", *BUILTIN), cwd=tmp_path, env=cli_env(),
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    fed = 0
    while fed < 3 * reading.STREAM_READ_BYTES:  # it is reading, and more is coming
        proc.stdin.write(LINE * 4096)
        fed += len(LINE) * 4096
    proc.send_signal(signal.SIGTERM)
    try:
        proc.stdin.close()
    except BrokenPipeError:
        pass
    proc.wait(timeout=120)
    stderr = proc.stderr.read().decode()
    assert proc.returncode == 143, stderr
    assert "summarize: terminated" in stderr and "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


_STUCK = textwrap.dedent(
    """
    import signal, sqlite3, sys
    from pathlib import Path
    from summarize.atomic import AtomicOutput
    from summarize.interrupts import watch_signals

    watch_signals()
    signal.signal(signal.SIGTERM, lambda signum, frame: None)  # a main thread that never gets to act on it
    out = AtomicOutput(Path("digest.md"))
    out.write("half a digest")
    db = sqlite3.connect("locked.sqlite3", timeout=600, isolation_level=None)
    print("stuck", flush=True)
    db.execute("BEGIN IMMEDIATE")  # waits in C for the lock another process holds
    """
)


def test_a_process_stuck_in_a_c_call_is_stopped_and_leaves_nothing_partial(tmp_path):
    holder = sqlite3.connect(tmp_path / "locked.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    (tmp_path / "digest.md").write_text("yesterday's digest\n")
    proc = subprocess.Popen([sys.executable, "-c", _STUCK], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "stuck\n"
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    holder.close()
    assert proc.returncode == 143 and stderr == "summarize: terminated\n"
    assert (tmp_path / "digest.md").read_text() == "yesterday's digest\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md", "locked.sqlite3"]


def test_a_locked_cache_is_skipped_with_one_warning_and_used_again_after(tmp_path):
    path = tmp_path / "cache.sqlite3"
    cache = Cache(path)
    cache.put_many({"before": 1})
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cache.put_many({"during": 2})
        cache.put_many({"during too": 3})
        assert cache.get_many(["before"]) == {"before": 1}  # WAL: reading is not blocked
    assert [str(w.message) for w in caught if issubclass(w.category, CacheWarning)] == [
        f"cache {path} is locked by another process; going on without it while it is"
    ]
    holder.rollback()
    holder.close()
    cache.put_many({"after": 4})
    assert cache.get_many(["before", "during", "after"]) == {"before": 1, "after": 4}
    assert cache.enabled


@pytest.mark.parametrize("name", ["a.txt"])
def test_a_fifo_named_on_the_command_line_is_a_stream(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"cat '{SAMPLE_PAGE}' > '{fifo}'"])
    result = run_cli("run", str(fifo), "--format", "markdown", *BUILTIN, cwd=tmp_path)
    writer.wait(timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n## ") == 5
    assert Path(fifo).exists()
