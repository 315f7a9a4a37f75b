import os
import subprocess
import sys

import pytest

from summarize.atomic import remove_stale_temps, write_atomic
from summarize.errors import OutputError


def test_write_atomic_creates_parents_and_replaces(tmp_path):
    target = tmp_path / "a" / "b" / "page.md"
    write_atomic(target, "one\n")
    write_atomic(target, "two\n")
    assert target.read_text(encoding="utf-8") == "two\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["page.md"]


def test_read_only_directory_is_a_clear_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores directory permissions")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="permission denied or read-only"):
            write_atomic(ro / "x.md", "x")
    finally:
        ro.chmod(0o700)


def test_file_where_a_directory_is_needed(tmp_path):
    (tmp_path / "a").write_text("I am a file")
    with pytest.raises(OutputError, match="a file is in the way"):
        write_atomic(tmp_path / "a" / "page.md", "x")
    assert (tmp_path / "a").read_text() == "I am a file"


def test_disk_full_keeps_the_old_output(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_text("old complete output\n")
    real_fsync = os.fsync

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="disk full"):
        write_atomic(target, "new output")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert target.read_text() == "old complete output\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_stale_temps_of_dead_writers_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    stale = tmp_path / "sub" / f".page.md.{dead_pid}.summarize-tmp"
    stale.parent.mkdir()
    stale.write_text("partial")
    live = tmp_path / f".other.md.{os.getpid()}.summarize-tmp"
    live.write_text("being written")
    assert remove_stale_temps(tmp_path) == 1
    assert not stale.exists() and live.exists()


def test_read_only_directory_simulated(tmp_path, monkeypatch):
    """Root ignores permissions, so simulate what a read-only filesystem answers."""
    import builtins

    real_open = builtins.open

    def read_only(file, mode="r", *args, **kwargs):
        if "w" in mode:
            raise OSError(30, "Read-only file system", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only)
    with pytest.raises(OutputError, match="read-only"):
        write_atomic(tmp_path / "x.md", "x")


@pytest.mark.parametrize("where", ["creating its temporary file", "before its caller holds it"])
def test_an_output_interrupted_before_anything_holds_it_is_still_discarded(tmp_path, monkeypatch, where):
    """A Ctrl-C right after the temporary file is made, before a `with` block or an assignment
    could discard it: the command's end (cli.main) discards what was not committed."""
    from summarize.atomic import AtomicOutput, discard_unfinished

    target = tmp_path / "digest.md"
    target.write_text("old\n")
    if where == "creating its temporary file":
        create = AtomicOutput._create_temp

        def create_then_interrupted(self, name, flags):
            create(self, name, flags)  # the file exists, and its fd is lost with the exception
            raise KeyboardInterrupt

        monkeypatch.setattr(AtomicOutput, "_create_temp", create_then_interrupted)
        with pytest.raises(KeyboardInterrupt):
            AtomicOutput(target)
    else:
        AtomicOutput(target).write("partial")  # the object is dropped, as an interrupt would drop it
    assert len(list(tmp_path.iterdir())) == 2  # the temporary file is there
    discard_unfinished()
    assert [p.name for p in tmp_path.iterdir()] == ["digest.md"] and target.read_text() == "old\n"
