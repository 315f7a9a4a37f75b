"""`summarize export --ray`: a real local Ray instance (started by the CLI, stopped with it), tiny
real models in its actors, and the same bytes in DIR as a local export, interrupted or not."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from run_helpers import cli_command, cli_env, run_cli
from test_export import check_markdown_output, files_under, make_pages

needs_ray = pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="the ray extra: pip install 'summarize[ray]'")

# A fresh local instance; one model thread per actor, two actors: fits CI and a 2-core laptop.
FRESH_RAY = ["--ray", "--ray-actors", "2", "--threads", "1"]


@pytest.fixture(scope="module")
def ray_cluster() -> str:
    """An existing cluster to connect to (as on a real one): a local instance started here, small."""
    import ray

    ray.init(address="local", num_cpus=2, include_dashboard=False, object_store_memory=100 * 2**20, logging_level="ERROR")
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


@pytest.fixture
def tiny_engines(tiny_marian_ct2, tiny_t5_ct2) -> list[str]:
    return ["--translator", str(tiny_marian_ct2), "--summarizer", str(tiny_t5_ct2)]


def contents(root: Path) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in files_under(root)}


@needs_ray
def test_same_files_as_a_local_export_and_nothing_redone(tmp_path, tiny_engines, ray_cluster):
    """On an existing cluster (its actors see this test's SUMMARIZE_HOME only as passed on)."""
    make_pages(tmp_path / "in", 10)  # two batches: one for each actor
    (tmp_path / "in" / "empty.txt").write_bytes(b"")  # fails on its actor, named here
    local = run_cli("export", "in", "-o", "local", "--no-cache", "--threads", "1", *tiny_engines, cwd=tmp_path)
    on_cluster = ["--ray-address", ray_cluster, "--ray-actors", "2", "--threads", "1"]
    on_ray = run_cli("export", "in", "-o", "out", *on_cluster, *tiny_engines, cwd=tmp_path)

    assert local.returncode == on_ray.returncode == 1, on_ray.stderr
    assert on_ray.stderr.splitlines()[-1] == "summarize: exported 10, up to date 0, failed 1 -> out"
    assert "summarize: notice: ray: 2 actors of 1 CPU" in on_ray.stderr
    errors = [line for line in on_ray.stderr.splitlines() if line.startswith("summarize: error: ")]
    assert errors == [line for line in local.stderr.splitlines() if line.startswith("summarize: error: ")]
    assert len(errors) == 1 and "in/empty.txt: the input is empty" in errors[0]
    assert "ray" in on_ray.loaded and "ray" not in local.loaded
    assert "ctranslate2" not in on_ray.loaded  # the models ran in the actors, not here
    assert contents(tmp_path / "out") == contents(tmp_path / "local")
    assert len(files_under(tmp_path / "out")) == 10

    again = run_cli("export", "in", "-o", "out", *on_cluster, *tiny_engines, cwd=tmp_path)
    assert again.stderr.splitlines()[-1] == "summarize: exported 0, up to date 10, failed 1 -> out"
    assert "summarize: notice: ray: 1 actor of 1 CPU" in again.stderr  # for the one that failed, tried again
    (tmp_path / "in" / "empty.txt").unlink()
    done = run_cli("export", "in", "-o", "out", *on_cluster, *tiny_engines, cwd=tmp_path)
    assert done.returncode == 0 and done.stderr.splitlines()[-1] == "summarize: exported 0, up to date 10, failed 0 -> out"
    assert "ray:" not in done.stderr and "ray" not in done.loaded  # nothing to do: no cluster started


@needs_ray
def test_interrupted_then_resumed_from_the_config(tmp_path, tiny_engines, _isolated_home):
    """Ctrl-C, then kill -9, part-way: every output there is complete, the cluster and its actors
    are gone; `engine = "ray"` in config.toml resumes it to the same files as a local export."""
    sources = {p.relative_to(tmp_path / "in").with_suffix(".md"): p for p in make_pages(tmp_path / "in", 20)}
    local = run_cli("export", "in", "-o", "local", "--no-cache", "--threads", "1", *tiny_engines, cwd=tmp_path)
    assert local.returncode == 0, local.stderr
    out = tmp_path / "out"
    for sig in (signal.SIGINT, signal.SIGKILL):
        proc = subprocess.Popen(
            cli_command("export", "in", "-o", "out", "--force", "--no-cache", *FRESH_RAY, *tiny_engines),
            cwd=tmp_path, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, text=True,
        )
        _wait_for_outputs(out, proc)
        if sig == signal.SIGINT:
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole foreground group
        else:
            proc.kill()  # kill -9 of the driver only: the local cluster and its actors go with it
        _, stderr = proc.communicate(timeout=120)
        if sig == signal.SIGINT:
            assert "Traceback" not in stderr, stderr
            assert proc.returncode == 130 and "summarize: interrupted" in stderr or "exported 20," in stderr, stderr
        _wait_for_session_to_exit(proc.pid)
        temps = list(out.rglob("*.summarize-tmp"))
        assert sig == signal.SIGKILL or not temps, f"temporary files left after Ctrl-C: {temps}"
        for path in out.rglob("*.md"):
            check_markdown_output(path, sources[path.relative_to(out)])

    (_isolated_home / "config.toml").write_text('engine = "ray"\n', encoding="utf-8")
    resumed = run_cli("export", "in", "-o", "out", "--ray-actors", "2", "--threads", "1", *tiny_engines, cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert "summarize: notice: ray: " in resumed.stderr
    assert contents(out) == contents(tmp_path / "local")  # no temporary files, no partial outputs
    final = run_cli("export", "in", "-o", "out", *tiny_engines, cwd=tmp_path)
    assert final.stderr.splitlines()[-1] == "summarize: exported 0, up to date 20, failed 0 -> out"


def _wait_for_outputs(out: Path, proc: subprocess.Popen, timeout: float = 240.0) -> None:
    """Until the export has written some outputs, not all (it writes them batch by batch)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if any(out.rglob("*.md")):
            return
        time.sleep(0.2)
    pytest.fail(f"no output within {timeout} s: {proc.stderr.read() if proc.poll() is not None else ''}")


def _wait_for_session_to_exit(session: int, timeout: float = 60.0) -> None:
    """Ray's processes set their own process groups; they stay in the session of the CLI."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _session_members(session):
            return
        time.sleep(0.2)
    pytest.fail(f"processes of the stopped export still running after {timeout} s: {_session_members(session)}")


def _session_members(session: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == session:
                    members.append(int(entry.name))
            except OSError:  # exited meanwhile
                pass
    return members


# --- without Ray, or asked for it wrongly: one line, nothing started, nothing written -------------

_WITHOUT_RAY = "import sys; sys.modules['ray'] = None; sys.argv[0] = 'summarize'; from summarize.cli import main; main()"


def test_without_the_extra_one_line_names_it(tmp_path):
    make_pages(tmp_path / "in", 1)
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_RAY, "export", "in", "-o", "out", "--ray"],
        cwd=tmp_path, env=cli_env(), capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "pip install 'summarize[ray]'" in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("config", "flags", "message"),
    [
        ('engine = "cluster"\n', [], "setting 'engine' must be \"local\" or \"ray\""),
        ("", ["--ray", "--jobs", "2"], "Drop --jobs or --ray"),
        ("", ["--ray-actors", "2"], "Add --ray"),
        ("ray_address = 3\n", [], "setting 'ray_address' must be a string"),
    ],
)
def test_bad_ray_settings(tmp_path, _isolated_home, config, flags, message):
    make_pages(tmp_path / "in", 1)
    (_isolated_home / "config.toml").write_text(config, encoding="utf-8")
    result = run_cli("export", "in", "-o", "out", "--summarizer", "extractive", "--translator", "gloss", *flags, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr
    assert "ray" not in result.loaded and not (tmp_path / "out").exists()
