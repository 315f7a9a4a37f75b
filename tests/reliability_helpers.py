"""Helpers for the reliability tests (tests/test_reliability_*.py, tests/test_fuzz_cli.py): the CLI
in a subprocess with its peak memory, the CLI in-process (to simulate failures the OS will not
produce on demand: a full disk, a read-only file system as root), and checks that every line on
stderr is one of the tool's own."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "yiwu-front-page.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")

# A Traditional Chinese page (Big5-encodable), written for these tests.
TRADITIONAL_PAGE = (
    "義烏市場迭代發展 外貿訂單穩步增長\n\n"
    "記者 王小明\n\n"
    "本報訊 5月15日，記者從市商務局獲悉，今年一季度義烏市進出口總值達到1500億元，同比增長17.9%。\n\n"
    "據了解，外貿增長主要來自新興市場。「我們的訂單比去年多了三成。」一位經營戶說。\n\n"
    "業內人士表示，市場採購貿易方式試點以來，義烏的國際貿易便利化水平不斷提高，"
    "越來越多的中小企業通過這一方式走向世界。\n"
)


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("summarize: error: ")]


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "PYTHONUNBUFFERED")}
    return {**base, "PYTHONIOENCODING": "utf-8", **extra}


def cli(*args, stdin: bytes | None = None, cwd: Path | None = None, timeout: float = 240, **extra: str) -> Result:
    """`python -m summarize ARGS` (what the console script runs)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", *map(str, args)],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env(**extra),
    )
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    return Result(proc.returncode, out.decode("utf-8"), err.decode("utf-8"))


def cli_peak_rss(*args, stdout: Path | None = None, timeout: float = 300) -> tuple[int, int]:
    """(exit code, peak RSS in bytes) of `python -m summarize ARGS`, measured with wait4 on
    exactly that process; its stdout goes to the file `stdout` (default: discarded)."""
    return peak_rss([sys.executable, "-m", "summarize", *map(str, args)], stdout=stdout, timeout=timeout)


def peak_rss(command: list[str], *, stdout: Path | None = None, timeout: float = 300, **popen) -> tuple[int, int]:
    """(exit code, peak RSS in bytes) of `command`, measured with wait4 on exactly that process;
    its stdout goes to the file `stdout` (default: discarded). `popen`: more arguments of Popen
    (default: environment `env()`, stderr discarded)."""
    popen = {"env": env(), "stderr": subprocess.DEVNULL, **popen}
    with open(stdout or os.devnull, "wb") as out:
        proc = subprocess.Popen(command, stdout=out, **popen)
        try:
            _, status, usage = _wait4(proc.pid, timeout)
        except BaseException:
            proc.kill()
            raise
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss * 1024


def _wait4(pid: int, timeout: float):
    import time

    deadline = time.monotonic() + timeout
    while True:
        waited, status, usage = os.wait4(pid, os.WNOHANG)
        if waited == pid:
            return waited, status, usage
        if time.monotonic() > deadline:
            raise TimeoutError(f"process {pid} still running after {timeout}s")
        time.sleep(0.05)


def invoke(*args, capsys, monkeypatch) -> Result:
    """The CLI in this process: `summarize.cli.main()` with ARGS, its exit code and output."""
    from summarize.cli import main

    monkeypatch.setattr(sys, "argv", ["summarize", *map(str, args)])
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        main()
    out, err = capsys.readouterr()
    return Result(info.value.code, out, err)


def assert_clean(result: Result, *, codes=(0, 1, 2)) -> None:
    """Exit code in `codes`, no traceback, and every stderr line is one of the tool's lines."""
    assert result.returncode in codes, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    for line in result.stderr.splitlines():
        assert line.startswith("summarize: "), f"stray stderr line: {line!r}"
    assert "internal error" not in result.stderr, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def strip_space(text: str) -> str:
    return "".join(text.split())
