"""Memory and time of `summarize run` on a huge input: a page of --mb megabytes made of copies of
the sample page (every number shifted and every sentence numbered, so that no two copies share a
text for the cache or the translator's deduplication to collapse), digested with the built-in
engines (extractive summaries, English gloss: no downloads), cache off, output to a file.

    python benchmarks/bench_big_input.py [--mb 50] [--format terminal|markdown|json] [--full]

`summarize run` runs in its own process on the big page, then on the sample page alone; wall time
and peak RSS of each are printed. What the big input costs over the sample is its text (about two
bytes a character) and one batch of parts, not its digest: `run` writes each batch out before it
reads the next. The last line of output is one JSON object with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = REPO / "samples" / "yiwu-front-page.txt"
ENGINES = ["--summarizer", "extractive", "--translator", "gloss", "--no-cache"]


def varied_page(copy: int, first_mark: int = 0) -> str:
    """The sample page with every number shifted by `copy` and every sentence end marked with a
    running number from `first_mark`: copies of it share no sentence. (tests/test_streaming.py
    builds its inputs with it too.)"""
    marks = iter(range(first_mark + 1, 1 << 62))
    text = re.sub(r"\d+", lambda m: str(int(m.group()) + copy), SAMPLE_PAGE.read_text(encoding="utf-8"))
    return re.sub("。", lambda m: f"（{next(marks)}）。", text)


def write_big_page(path: Path, megabytes: float) -> int:
    """Copies of `varied_page` until the file has `megabytes` MB; returns its size in characters."""
    chars = 0
    with open(path, "w", encoding="utf-8") as f:
        for copy in range(1 << 30):
            if f.tell() >= megabytes * 1e6:
                break
            text = ("\n\n" if copy else "") + varied_page(copy, first_mark=10_000 * copy)
            f.write(text)
            chars += len(text)
    return chars


def timed_run(page: Path, args: list[str], out: Path, home: Path) -> dict:
    """Wall time and peak RSS (wait4 on exactly that process) of `summarize run PAGE ARGS`."""
    command = [sys.executable, "-m", "summarize", "run", str(page), *ENGINES, *args, "-o", str(out)]
    env = {**os.environ, "SUMMARIZE_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    start = time.monotonic()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    errors = proc.stderr.read().decode("utf-8", errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"summarize run failed:\n{errors}")
    return {"wall_s": round(wall, 1), "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the generated page (default 50)")
    parser.add_argument("--format", default="terminal", choices=["terminal", "markdown", "json"])
    parser.add_argument("--full", action="store_true", help="also translate every paragraph (much slower)")
    options = parser.parse_args(argv)
    args = ["--format", options.format, *(["--full"] if options.full else [])]
    with tempfile.TemporaryDirectory(prefix="bench-big-") as work:
        work = Path(work)
        page = work / "big.txt"
        chars = write_big_page(page, options.mb)
        size_mb = page.stat().st_size / 1e6
        print(f"page: {size_mb:.1f} MB, {chars:,} characters; summarize run {' '.join(args)} (extractive + gloss, cache off)", flush=True)
        big = timed_run(page, args, work / "big.out", work / "home")
        print(f"big page:    {big['wall_s']:7.1f} s wall, {big['cpu_s']:7.1f} s CPU, peak RSS {big['peak_rss_mb']} MB", flush=True)
        sample = timed_run(SAMPLE_PAGE, args, work / "sample.out", work / "home")
        print(f"sample page: {sample['wall_s']:7.1f} s wall, {sample['cpu_s']:7.1f} s CPU, peak RSS {sample['peak_rss_mb']} MB")
    result = {
        "input_mb": round(size_mb, 1),
        "input_chars": chars,
        "big": big,
        "sample": sample,
        "extra_peak_rss_mb": big["peak_rss_mb"] - sample["peak_rss_mb"],
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
