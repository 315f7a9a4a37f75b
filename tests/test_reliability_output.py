"""Outputs that cannot be written: a read-only output directory, a full disk, a file where a
directory is needed. Each is one line naming the path and saying what to do, with a meaningful
exit code, and nothing already written is lost or corrupted (earlier outputs stay byte-identical,
no temporary files are left). Root ignores permissions and no test can fill a disk on demand, so
those two are simulated where the OS would report them (the write itself)."""

from __future__ import annotations

import builtins
import errno
import json
import os
from pathlib import Path

import pytest
from reliability_helpers import SAMPLE_TEXT, assert_clean, cli, invoke, snapshot


@pytest.fixture
def pages(tmp_path) -> Path:
    """A folder of three pages (different texts) in a nested tree."""
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    paragraphs = SAMPLE_TEXT.split("\n\n")
    for number, path in enumerate([folder / "a.txt", folder / "b.txt", folder / "sub" / "c.txt"]):
        path.write_text("\n\n".join(paragraphs[number * 3 :]), encoding="utf-8")
    return folder


@pytest.fixture
def exported(pages, tmp_path, monkeypatch) -> Path:
    """DIR after a complete first export (JSON) of `pages`, run from their parent folder."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    result = cli("export", "pages", "-o", out, "--format", "json", cwd=tmp_path)
    assert_clean(result, codes=(0,))
    assert len(snapshot(out)) == 3
    return out


def _failing_writes(monkeypatch, error: int, *, after: int = 0) -> None:
    """Make writing temporary output files fail with `error` once `after` of them succeeded."""
    real_open = builtins.open
    writes = [0]

    def open_(file, mode="r", *args, **kwargs):
        if "w" in mode and str(file).endswith(".summarize-tmp"):
            writes[0] += 1
            if writes[0] > after:
                raise OSError(error, os.strerror(error), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", open_)


def test_disk_full_during_an_export_stops_it_and_keeps_every_finished_output(exported, pages, capsys, monkeypatch):
    before = snapshot(exported)
    _failing_writes(monkeypatch, errno.ENOSPC, after=1)
    result = invoke("export", "pages", "-o", exported, "--format", "json", "--force", capsys=capsys, monkeypatch=monkeypatch)
    assert_clean(result, codes=(1,))
    assert len(result.errors) == 1  # one line, not one per remaining file
    assert "disk full; free some space and run again (finished outputs are kept) (export stopped)" in result.errors[0]
    assert str(exported) in result.errors[0]
    assert snapshot(exported) == before  # the rewritten one is identical, the others untouched, no temp files


def test_read_only_output_directory(exported, capsys, monkeypatch):
    before = snapshot(exported)
    if os.geteuid() != 0:  # a real read-only directory
        for folder in [exported, *[p for p in exported.rglob("*") if p.is_dir()]]:
            folder.chmod(0o500)
    else:  # root writes anywhere: answer as a read-only file system would
        _failing_writes(monkeypatch, errno.EROFS)
    try:
        result = invoke("export", "pages", "-o", exported, "--format", "json", "--force", capsys=capsys, monkeypatch=monkeypatch)
    finally:
        for folder in [exported, *[p for p in exported.rglob("*") if p.is_dir()]]:
            folder.chmod(0o700)
    assert_clean(result, codes=(1, 2))
    assert len(result.errors) == 1 and str(exported) in result.errors[0]
    assert "choose another" in result.errors[0]
    assert snapshot(exported) == before


def test_output_directory_that_is_a_file(tmp_path, pages):
    target = tmp_path / "somefile"
    target.write_text("keep me\n")
    result = cli("export", pages, "-o", target)
    assert_clean(result, codes=(2,))
    assert result.errors == [f"summarize: error: {target}: exists and is not a directory; choose a directory for -o"]
    assert target.read_text() == "keep me\n"


def test_a_file_in_the_way_of_a_mirrored_subdirectory(exported, tmp_path, pages):
    before = snapshot(exported)
    blocked = exported / "sub"
    for child in blocked.iterdir():
        child.unlink()
    blocked.rmdir()
    blocked.write_text("a file named like the folder\n")
    (pages / "a.txt").write_text(SAMPLE_TEXT, encoding="utf-8")  # changed: must be redone
    result = cli("export", "pages", "-o", exported, "--format", "json", cwd=tmp_path)
    assert_clean(result, codes=(1,))  # a partial failure: the other files are done
    assert len(result.errors) == 1
    assert f"{blocked / 'c.json'}: a file is in the way where a directory is needed" in result.errors[0]
    assert blocked.read_text() == "a file named like the folder\n"
    after = snapshot(exported)
    assert after["b.json"] == before["b.json"]  # up to date: untouched
    assert len(json.loads(after["a.json"])["articles"]) == 5  # redone, complete
    assert not [name for name in after if ".summarize-tmp" in name]


def test_run_output_file_under_a_file(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SAMPLE_TEXT, encoding="utf-8")
    blocker = tmp_path / "notes"
    blocker.write_text("keep me\n")
    result = cli("run", page, "--format", "markdown", "-o", blocker / "page.md")
    assert_clean(result, codes=(2,))
    assert result.errors == [
        f"summarize: error: {blocker / 'page.md'}: a file is in the way where a directory is needed; "
        "move it or choose another output directory"
    ]
    assert blocker.read_text() == "keep me\n"


def test_run_output_on_a_full_disk_keeps_the_old_file(tmp_path, capsys, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(SAMPLE_TEXT, encoding="utf-8")
    target = tmp_path / "digest.md"
    target.write_text("the previous digest\n", encoding="utf-8")
    _failing_writes(monkeypatch, errno.ENOSPC)
    result = invoke("run", page, "--format", "markdown", "-o", target, capsys=capsys, monkeypatch=monkeypatch)
    assert_clean(result, codes=(2,))
    assert result.errors == [
        f"summarize: error: {target}: disk full; free some space and run again (finished outputs are kept)"
    ]
    assert target.read_text(encoding="utf-8") == "the previous digest\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md", "page.txt"]


def test_stdout_that_fails(tmp_path, capsys, monkeypatch):
    """A write error on stdout itself (a full disk under `> file`): one line, exit 1."""
    page = tmp_path / "page.txt"
    page.write_text(SAMPLE_TEXT, encoding="utf-8")

    class FullStdout:
        encoding = "utf-8"

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            pass

        def isatty(self):
            return False

    capsys.readouterr()
    monkeypatch.setattr("sys.stdout", FullStdout())
    result = invoke("segment", "--json", page, capsys=capsys, monkeypatch=monkeypatch)
    assert_clean(result, codes=(1,))
    assert result.errors == ["summarize: error: stdout: disk full; free some space and run again"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_on_dev_full_names_stdout(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SAMPLE_TEXT, encoding="utf-8")
    import subprocess
    import sys

    from reliability_helpers import env

    builtin = ["--summarizer", "extractive", "--translator", "gloss"]
    for args in (["segment", "--json", page], ["segment", page], ["run", page, *builtin], ["run", page, "-f", "md", *builtin]):
        with open("/dev/full", "w") as full:
            proc = subprocess.run([sys.executable, "-m", "summarize", *map(str, args)], check=False, stdout=full,
                                  stderr=subprocess.PIPE, env=env(), timeout=240)  # fmt: skip
        assert proc.returncode == 1, args  # one line, no "Exception ignored" traceback at exit (status 120)
        assert proc.stderr.decode() == "summarize: error: stdout: disk full; free some space and run again\n"


def test_run_output_to_a_fifo_writes_into_it_and_leaves_it_a_fifo(tmp_path):
    """-o /dev/stdout, /dev/null or a named pipe: written to, never replaced by a plain file."""
    import stat
    import threading

    page = tmp_path / "page.txt"
    page.write_text(SAMPLE_TEXT, encoding="utf-8")
    fifo = tmp_path / "digest.md"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = cli("run", page, "--format", "markdown", "-o", fifo, "--summarizer", "extractive", "--translator", "gloss")
    reader.join(timeout=60)
    assert_clean(result, codes=(0,))
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and "_5 articles; summarizer: extractive" in received[0].decode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md", "page.txt"]


def test_run_output_through_a_link_replaces_the_target_and_keeps_the_link(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SAMPLE_TEXT, encoding="utf-8")
    (tmp_path / "digests").mkdir()
    target = tmp_path / "digests" / "today.md"
    target.write_text("yesterday\n", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(target)
    result = cli("run", page, "--format", "markdown", "-o", link, "--summarizer", "extractive", "--translator", "gloss")
    assert_clean(result, codes=(0,))
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert "_5 articles; summarizer: extractive" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["today.md"]


def test_run_output_that_is_a_directory(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SAMPLE_TEXT, encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = cli("run", page, "--format", "json", "-o", tmp_path / "out", "--summarizer", "extractive", "--translator", "gloss")
    assert_clean(result, codes=(2,))
    assert result.errors == [f"summarize: error: {tmp_path / 'out'}: is a directory; give a file name, or a directory with `export -o`"]
    assert list((tmp_path / "out").iterdir()) == []
