"""`summarize export --ray`: the export's batches run on a Ray cluster instead of this machine.

This process plans the export exactly as a local one does (what is up to date, which pages go in
which batch); Ray Data carries the batches to a pool of actors, each holding one summarizer and
one translator loaded once, and each actor runs `export.export_batch`, the function a local export
runs, so outputs are written by the same atomic writer and are byte for byte the same. Actors
read the inputs and write into DIR themselves: on a cluster of several machines, inputs and DIR
must be at the same path on every node (a shared filesystem).

Ray is an optional extra, imported only here, only for `--ray`.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import pickle
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ModelError, OutputError, SummarizeError, UsageError
from .export import BatchResult, BatchRunner, export_batch, output_signature
from .pipeline import RunOptions

RAY_EXTRA = "pip install 'summarize[ray]'"
DEFAULT_CPUS_PER_ACTOR = 2
# Only batches of file names and results travel through the object store: a fresh local instance
# needs little of it (Ray's default reserves 30% of the machine's memory).
LOCAL_OBJECT_STORE_BYTES = 100 * 1024 * 1024
# Passed on to the actors, whose environment on another node is not this one's.
FORWARDED_ENV = ("SUMMARIZE_HOME", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")


class RayJobError(SummarizeError):
    """The cluster failed the job (an actor or node lost): outputs written so far are kept."""

    exit_code = 1


@dataclass(frozen=True)
class RaySettings:
    address: str | None = None  # None: a fresh local instance; "auto", "HOST:PORT", "ray://HOST:10001"
    actors: int | None = None  # None: as many as the cluster's CPUs allow (each takes --threads CPUs)


def ray_settings(*, flag: bool, address: str | None, actors: int | None, config: dict) -> RaySettings | None:
    """The Ray settings of an export, or None for a local one: `--ray`, `--ray-address` or
    `engine = "ray"` in config.toml turn Ray on; the address is `--ray-address`, else $RAY_ADDRESS,
    else `ray_address` from config.toml, else a fresh local instance."""
    engine = config.get("engine", "local")
    if engine not in ("local", "ray"):
        raise UsageError(f"setting 'engine' must be \"local\" or \"ray\", not {engine!r}", hint="Fix config.toml")
    if not (flag or address or engine == "ray"):
        if actors:
            raise UsageError("--ray-actors sizes a Ray export", hint="Add --ray (or --ray-address)")
        return None
    return RaySettings(address=address or os.environ.get("RAY_ADDRESS") or config.get("ray_address"), actors=actors)


def ray_runner(settings: RaySettings, options: RunOptions, out_dir: Path, notice: Callable[[str], None] | None = None) -> BatchRunner:
    """A runner for `export.export` that runs the batches on Ray (see the module doc). Fails at
    once, naming the command that installs it, when Ray is missing."""
    if importlib.util.find_spec("ray") is None:  # imported only once there is work for it
        raise UsageError("--ray needs Ray, an optional extra", hint=f"Install it: {RAY_EXTRA}")

    def run(batches: list[list], fmt: str, signature: dict) -> Iterator[BatchResult]:
        if not batches:  # everything up to date: no cluster needed
            return
        from .atomic import remove_stale_temps

        _connect(settings.address)
        try:
            yield from _run(batches, fmt, signature, options, settings, out_dir, notice)
        except BaseException:  # Ctrl-C, or an error that stops the export: stop the actors first
            _disconnect()
            remove_stale_temps(out_dir)  # what the stopped actors were writing
            raise
        _disconnect()

    return run


def _connect(address: str | None) -> None:
    import ray
    import ray.data
    from ray.data import DataContext

    # Start-up and scheduling chatter, and tracebacks of failures the export reports in one line.
    logging.getLogger("ray").setLevel(logging.ERROR)
    logging.getLogger("ray.data").setLevel(logging.CRITICAL)
    DataContext.get_current().enable_progress_bars = False
    env = {name: os.environ[name] for name in FORWARDED_ENV if name in os.environ}
    common = {"runtime_env": {"env_vars": env}, "logging_level": logging.ERROR, "log_to_driver": False}
    try:
        if address is None:
            ray.init(address="local", include_dashboard=False, object_store_memory=LOCAL_OBJECT_STORE_BYTES, **common)
        else:
            ray.init(address=address, **common)
    except (ConnectionError, ValueError, RuntimeError) as exc:
        where = "start a local Ray instance" if address is None else f"connect to the Ray cluster at {address}"
        raise UsageError(f"cannot {where}: {exc}", hint="Check the address (auto, HOST:PORT or ray://HOST:10001) and that the cluster is up") from exc


def _disconnect() -> None:
    """Leaves the cluster; a local instance this process started stops with it (its actors too)."""
    import ray

    ray.shutdown()


def _run(batches, fmt, signature, options, settings: RaySettings, out_dir: Path, notice) -> Iterator[BatchResult]:
    import ray

    cluster_cpus = int(ray.cluster_resources().get("CPU", 1))
    cpus = options.engine.threads or min(DEFAULT_CPUS_PER_ACTOR, cluster_cpus)  # each actor's, its models' threads
    options = replace(options, engine=replace(options.engine, threads=cpus))
    actors = min(settings.actors or max(1, cluster_cpus // cpus), len(batches))
    if actors * cpus > cluster_cpus:  # a fixed pool that does not fit would wait forever
        raise UsageError(
            f"{actors} Ray actors of {cpus} CPUs need {actors * cpus} CPUs; the cluster has {cluster_cpus}",
            hint="Lower --ray-actors or --threads (the CPUs of each actor)",
        )
    if notice:
        notice(f"{actors} actor{'s' * (actors > 1)} of {cpus} CPU{'s' * (cpus > 1)} on a Ray cluster of {cluster_cpus} CPUs")
    # Actors on other nodes see absolute paths only; results name outputs as this process does.
    given = {}
    rows = []
    for batch in batches:
        absolute = [_absolute(job) for job in batch]
        given.update({job.output: original.output for job, original in zip(absolute, batch)})
        rows.append({"batch": pickle.dumps(absolute)})
    pages = ray.data.from_items(rows, override_num_blocks=len(rows))  # one block per batch: spread over the actors
    with warnings.catch_warnings():
        # max_restarts has no named parameter yet: the generic remote arguments are deprecated.
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
        results = pages.map_batches(
            _BatchExporter,
            batch_size=1,  # one export batch per call: the same model batches as a local export
            # A batch is minutes of work: queued on the first actor ready, the next ones would
            # wait there while the others sit idle.
            compute=ray.data.ActorPoolStrategy(size=actors, max_tasks_in_flight_per_actor=1),
            num_cpus=cpus,
            fn_constructor_kwargs={"options": options, "fmt": fmt, "signature": signature, "out_dir": str(out_dir.absolute())},
            # An actor that dies (out of memory, a lost node) stops the export rather than being
            # restarted on the same page without end; run it again to resume.
            max_restarts=0,
        )
    try:
        for row in results.iter_rows():
            written, failed, stop = pickle.loads(row["result"])
            written = [given[path] for path in written]
            if stop is not None:
                stop.written = written  # for a StorageError: what the batch finished before the disk gave out
                raise stop
            yield written, failed
    except ray.exceptions.RayError as exc:
        reason = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
        raise RayJobError(f"the Ray job stopped: {type(exc).__name__}: {reason}", hint="Run the export again to resume") from exc


def _absolute(job):
    """An export job (`export._Job`) with absolute paths."""
    ref = job.ref if job.ref.path is None else replace(job.ref, path=job.ref.path.absolute())
    return replace(job, ref=ref, output=job.output.absolute())


class _BatchExporter:
    """A Ray Data actor: one summarizer and one translator, loaded once, then `export_batch` on
    batch after batch. An error that stops the export (no models, no DIR, a full disk) goes back
    as a result, raised by the driver as the same one-line error a local export gives."""

    def __init__(self, *, options: RunOptions, fmt: str, signature: dict, out_dir: str):
        self._fmt, self._signature = fmt, signature
        self._engines = self._folder = None
        self._error: SummarizeError | None = None
        try:
            if not Path(out_dir).is_dir():
                raise OutputError(
                    f"not visible from the Ray node {_node()}", path=out_dir,
                    hint="Put the inputs and the output directory on a filesystem every node mounts at the same path",
                )
            from .output_guard import OutputFolder
            from .pipeline import Engines

            # Opened here, by path: on another node the same shared folder is another inode.
            self._folder = OutputFolder(Path(out_dir))
            engines = Engines(options)
            if output_signature(engines, options, fmt) != signature:
                raise ModelError(
                    f"the Ray node {_node()} chooses other engines ({engines.describe()}) than this machine",
                    hint="Install the same models on every node, or point SUMMARIZE_HOME at a shared directory",
                )
            self._engines = engines
        except SummarizeError as exc:
            self._error = exc

    def __call__(self, rows: dict) -> dict:
        results = []
        for batch in rows["batch"]:
            if self._error is not None:
                results.append(pickle.dumps(([], [], self._error)))
                continue
            try:
                written, failed = export_batch(pickle.loads(batch), self._fmt, self._signature, self._engines, self._folder)
                results.append(pickle.dumps((written, failed, None)))
            except SummarizeError as exc:  # a full disk, a broken model: the export stops, as a local one does
                results.append(pickle.dumps((getattr(exc, "written", []), [], exc)))
        return {"result": results}


def _node() -> str:
    import socket

    return socket.gethostname()
