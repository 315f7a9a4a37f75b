"""Pages per minute and peak memory of `summarize export`: locally, and on Ray with 1 and 2 actors.

    python benchmarks/bench_ray.py [--pages N] [--smoke]     # needs the ray extra

Models: as in bench_speed.py, random weights with the exact architectures of the default cards,
converted to CTranslate2 int8 into a temporary SUMMARIZE_HOME, output lengths forced (48 tokens a
sentence, 96 a summary) so they do the work real ones do; number repair off (random English fails
every number check). Pages: N copies of the sample page (default 16: two export batches), each
sentence made the page's own (its page number before every 。) so that no page reuses another's
model work; `--full`, cache off.

Variants, each a fresh process sharing every core of the machine:
  local  `export` in one process, models on all cores;
  ray-1  a fresh local Ray instance, 1 actor with all cores;
  ray-2  2 actors with half the cores each.
Measured: wall time from the start of the process to the last output (Ray: the instance's start
included, and shown apart), pages per minute over that wall time and after start-up, peak RSS of
each process holding the models (local: the export's process; Ray: each actor, sampled every 0.2 s
with psutil) and of Ray's own processes together (GCS, raylet, agents, idle workers). Every
variant must write byte-identical files. --smoke: tiny models, 2 pages (numbers mean nothing).
The last line of output is one JSON object with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_speed  # noqa: E402  its model builder and forced-length options (after the path above)

ACTOR_TITLE = "ray::MapWorker"  # Ray Data's actor processes are titled after the map they run


def make_pages(root: Path, count: int) -> list[Path]:
    text = bench_speed.DEFAULT_PAGE.read_text(encoding="utf-8")
    root.mkdir(parents=True)
    paths = [root / f"page{i:03d}.txt" for i in range(count)]
    for i, path in enumerate(paths):
        path.write_text(text.replace("。", f"{i}。"), encoding="utf-8")
    return paths


# --- the child: one export -----------------------------------------------------------------------


def child_export(work: Path, variant: str) -> dict:
    """`export pages -o out-VARIANT --full --no-cache`; variant "local" or "ray-N" (N actors)."""
    from summarize.export import export

    start = time.perf_counter()
    cores = bench_speed.cores()
    options = bench_speed.run_options(repair=False)
    runner, started = None, {}
    if variant != "local":
        from summarize.distributed import RaySettings, ray_runner

        actors = int(variant.split("-")[1])
        options = replace(options, engine=replace(options.engine, threads=max(1, cores // actors)))
        runner = ray_runner(RaySettings(actors=actors), options, work / f"out-{variant}", notice=lambda _: started.setdefault("at", time.perf_counter()))
    report = export([str(work / "pages")], work / f"out-{variant}", options, runner=runner)
    wall = time.perf_counter() - start
    if report.failed:
        raise SystemExit(f"bench_ray: {variant}: {report.failed[:3]}")
    return {
        "wall_s": wall,
        "startup_s": started["at"] - start if started else 0.0,
        "pages": len(report.written),
        "threads": options.engine.threads or cores,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


# --- the parent ----------------------------------------------------------------------------------


def run_child(env: dict, work: Path, name: str, arg: str) -> tuple[dict, dict]:
    """Runs a child and samples the memory of its descendants: ({actor pid: peak MB}, peak MB of
    the other descendants together), alongside the child's own JSON result."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--work", str(work), "--arg", arg]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    actors: dict[int, float] = {}
    others = 0.0
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        total = 0.0
        try:
            descendants = parent.children(recursive=True)
        except psutil.Error:
            break
        for process in descendants:
            try:
                rss = process.memory_info().rss / 2**20
                title = " ".join(process.cmdline())
            except psutil.Error:
                continue
            if title.startswith(ACTOR_TITLE):
                actors[process.pid] = max(actors.get(process.pid, 0.0), rss)
            else:
                total += rss
        others = max(others, total)
        time.sleep(0.2)
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"bench_ray: the {name} {arg} step failed:\n{stderr[-3000:]}")
    return json.loads(stdout.strip().splitlines()[-1]), {"actors_peak_mb": sorted(actors.values()), "ray_processes_peak_mb": others}


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=None, help="pages to export (default 16; --smoke 2)")
    parser.add_argument("--smoke", action="store_true", help="tiny models, 2 pages: checks that the benchmark runs")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--arg", default="", help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child = {"build": lambda work, arg: bench_speed.child_build(work, arg == "smoke"), "export": child_export}[args.child]
        print(json.dumps(child(args.work, args.arg)))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-ray-") as tmp:
        result = run_benchmark(Path(tmp), pages=args.pages or (2 if args.smoke else 16), smoke=args.smoke)
    print(json.dumps(result))
    return 0


def run_benchmark(work: Path, *, pages: int, smoke: bool) -> dict:
    env = {
        **os.environ,
        "SUMMARIZE_HOME": str(work / "home"),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HOME": str(work / "hf-home"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")])),
    }
    load_before = os.getloadavg()[0]
    print(f"building the models ({'tiny' if smoke else 'default cards, random weights'})...", flush=True)
    run_child(env, work, "build", "smoke" if smoke else "")
    make_pages(work / "pages", pages)
    print(f"{pages} pages, {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, load average {load_before:.1f}")
    print(f"{'variant':<8} {'wall s':>8} {'start s':>8} {'pages/min':>10} {'after start':>12} {'models proc. MB':>16} {'Ray procs MB':>13}")
    rows = {}
    for variant in ("local", "ray-1", "ray-2"):
        result, memory = run_child(env, work, "export", variant)
        wall, startup = result["wall_s"], result["startup_s"]
        row = {
            **result,
            **memory,
            "pages_per_min": 60 * result["pages"] / wall,
            "pages_per_min_after_start": 60 * result["pages"] / (wall - startup),
        }
        holders = memory["actors_peak_mb"] or [result["peak_rss_mb"]]
        print(
            f"{variant:<8} {wall:8.1f} {startup:8.1f} {row['pages_per_min']:10.2f} {row['pages_per_min_after_start']:12.2f} "
            f"{' + '.join(f'{mb:.0f}' for mb in holders):>16} {memory['ray_processes_peak_mb']:13.0f}"
        )
        rows[variant] = row
    local = tree_bytes(work / "out-local")
    identical = all(tree_bytes(work / f"out-{v}") == local for v in ("ray-1", "ray-2"))
    print(f"outputs byte-identical across variants: {'yes' if identical else 'NO'}; load average now {os.getloadavg()[0]:.1f}")
    if not identical:
        raise SystemExit("bench_ray: the Ray outputs differ from the local ones")
    return {"pages": pages, "smoke": smoke, "cores": psutil.cpu_count(), "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)], "variants": rows}


if __name__ == "__main__":
    sys.exit(main())
