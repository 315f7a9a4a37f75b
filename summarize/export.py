"""`summarize export`: a tree of pages in, a mirrored tree of Markdown or JSON digests out.

Each output is written atomically and carries its own metadata (input hash, engines, options), so
a rerun skips what is up to date and redoes only what is missing or stale: an export can be
interrupted at any moment and resumed. DIR holds the outputs and nothing else.

An export replaces only what an export wrote (output_guard): never one of its inputs, never another
file unless --force, and never writes through a link inside DIR or anywhere outside it.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from itertools import chain
from pathlib import Path

from . import __version__
from .atomic import AtomicOutput, StorageError, remove_stale_temps
from .digest import PageDigest
from .errors import ModelError, SummarizeError
from .interrupts import cleanup_on_stop
from .output_guard import (
    OutputFolder,
    OutputIsInputError,
    check_replaceable,
    input_identities,
)
from .pipeline import PIPELINE_VERSION, Engines, PagePart, RunOptions, StageCallback, run_pages
from .render.formats import DOCUMENT_FORMATS

FILES_PER_BATCH = 8

BatchResult = tuple[list[Path], list[tuple[str, str]]]  # (outputs written, (input, message) failed)
BatchRunner = Callable[[list[list["_Job"]], str, dict], Iterator[BatchResult]]
"""runner(batches, fmt, signature): runs `export_batch` on every batch, yields each result."""


@dataclass
class ExportReport:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    # (input as given, one-line message)
    failed: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Job:
    ref: object  # reading.InputRef
    output: Path  # as shown: DIR/relpath
    relpath: Path  # in the output folder
    source: object = None  # reading.Source, read up front for stdin (worker processes have none)
    replace_any: bool = False  # --force: any file at the output (not an input) is replaced
    input_sha256: str = ""  # of what was read, for the output's metadata


def export(
    inputs: Sequence[str],
    out_dir: Path,
    options: RunOptions,
    *,
    fmt: str = "markdown",
    force: bool = False,
    jobs: int = 1,
    progress: StageCallback | None = None,
    engines: Engines | None = None,
    runner: BatchRunner | None = None,
) -> ExportReport:
    """Digest every input into `out_dir` (see the module doc). `engines`: made from `options`
    when not given. `runner`: where the batches run (default: here, or in `jobs` processes);
    whatever runs them calls `export_batch`, so every runner writes the same files."""
    from .reading import discover

    folder = OutputFolder(out_dir)
    try:
        return _export(folder, discover(inputs), options, fmt=fmt, force=force, jobs=jobs, progress=progress, engines=engines, runner=runner)
    finally:
        folder.close()


def _export(folder: OutputFolder, items: list, options: RunOptions, *, fmt, force, jobs, progress, engines, runner) -> ExportReport:
    from .reading import read_source

    out_dir = folder.path
    remove_stale_temps(out_dir)
    report = ExportReport()
    engines = engines or Engines(options)
    signature = output_signature(engines, options, fmt)
    pending: list[_Job] = []
    claimed: dict[Path, str] = {}  # output -> the input it is for
    inputs = input_identities(items)
    for item in items:
        if isinstance(item, SummarizeError):
            report.failed.append((item.path or "?", str(item)))
            continue
        relpath = item.output_relpath.with_suffix(DOCUMENT_FORMATS[fmt].suffix)
        output = out_dir / relpath
        if output in claimed:
            report.failed.append((item.input, f"{item.label}: same output as {claimed[output]} ({output}); export them separately or from a common parent directory"))
            continue
        claimed[output] = item.input
        try:
            meta = check_replaceable(folder, relpath, fmt, force=force, inputs=inputs)
        except OutputIsInputError:
            raise  # exporting would replace an input: nothing is done
        except SummarizeError as exc:
            report.failed.append((item.input, f"{item.label}: its output {exc}"))
            continue
        if not force and _up_to_date(item, folder, relpath, meta, signature):
            report.skipped.append(output)
        elif item.path is None:
            try:
                pending.append(_Job(item, output, relpath, read_source(item), replace_any=force))
            except SummarizeError as exc:
                report.failed.append((item.input, str(exc)))
        else:
            pending.append(_Job(item, output, relpath, replace_any=force))
    total = len(pending) + len(report.skipped)
    done = len(report.skipped)
    # A long stream (stdin) is read as it is digested: in this process, never sent to a worker.
    streamed = [job for job in pending if getattr(job.source, "rest", None) is not None]
    pending = [job for job in pending if job not in streamed]
    batches = [pending[i : i + FILES_PER_BATCH] for i in range(0, len(pending), FILES_PER_BATCH)]
    if progress:
        progress("export", done, total, "")

    def model_stage(stage: str, _done: int, _total: int, where: str) -> None:
        if progress:  # the model work inside a batch, shown on the one bar
            progress("export", done, total, f"{stage.rstrip('e')}ing {where}".strip())  # "translating page.txt a3"

    if runner is None:

        def runner(batches, fmt, signature):
            return _run_batches(batches, options, fmt, signature, engines, jobs, folder, model_stage)

    try:
        in_process = (export_batch([job], fmt, signature, engines, folder, model_stage) for job in streamed)
        for written, failed in chain(in_process, runner(batches, fmt, signature)):
            report.written += written
            report.failed += failed
            done += len(written) + len(failed)
            if progress:
                progress("export", done, total, f"{len(report.failed)} failed" if report.failed else "")
    except StorageError as exc:  # disk full or read-only: the other files would fail the same way
        report.written += getattr(exc, "written", [])
        report.failed.append((exc.path or str(out_dir), f"{exc} (export stopped)"))
    return report


def output_signature(engines: Engines, options: RunOptions, fmt: str) -> dict:
    """What an output records of how it was made: an output whose signature differs is redone."""
    return {
        "version": __version__,
        "pipeline": PIPELINE_VERSION,
        "format": fmt,
        "summarizer": asdict(engines.summarizer.info),
        "translator": asdict(engines.translator.info),
        "options": options.fingerprint(),
        "glossary": engines.glossary.fingerprint(),
    }


def _input_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _up_to_date(ref, folder: OutputFolder, relpath: Path, meta: dict | None, signature: dict) -> bool:
    """Whether the existing output (its metadata `meta`) is of the same input and settings."""
    if meta is None or ref.path is None or not ref.path.is_file():  # stdin, a FIFO: always redone (reading them twice is not possible)
        return False
    try:
        output = folder.lstat(relpath)
        if output is None or output.st_mtime < ref.path.stat().st_mtime:
            return False
        return meta.get("signature") == signature and meta.get("input_sha256") == _input_hash(ref.path)
    except (OSError, SummarizeError):
        return False


def _run_batches(batches, options, fmt, signature, engines, jobs, folder: OutputFolder, model_stage: StageCallback):
    if jobs <= 1 or len(batches) <= 1:
        for batch in batches:
            yield export_batch(batch, fmt, signature, engines, folder, model_stage)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    worker_options = _options_for_workers(options, jobs)
    # After a kill -9 of this process, multiprocessing's resource tracker (a child that outlives
    # it) would print a UserWarning about leaked semaphores; its -W options come from ours.
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)
    context = multiprocessing.get_context("spawn")
    others = set(multiprocessing.active_children())
    stop_cleanup = cleanup_on_stop(lambda: remove_stale_temps(folder.path))  # what killed workers were writing
    with stop_cleanup, ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        try:
            with _ctrl_c_ignored():  # workers start (on submit) ignoring Ctrl-C: this process handles it
                futures = [pool.submit(_export_batch_in_worker, batch, fmt, signature, worker_options, folder) for batch in batches]
            for future in as_completed(futures):
                yield future.result()
        except BaseException:  # Ctrl-C, or a failure that ends the export: stop the workers now
            pool.shutdown(wait=False, cancel_futures=True)
            workers = set(multiprocessing.active_children()) - others
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.join()
            remove_stale_temps(folder.path)  # what the stopped workers were writing
            raise


_QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


@contextmanager
def _ctrl_c_ignored():
    """SIGINT ignored for the block (processes started in it inherit that), where possible."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _options_for_workers(options: RunOptions, jobs: int) -> RunOptions:
    from dataclasses import replace

    from .engines.generation import available_cores

    threads = options.engine.threads or available_cores()
    engine = replace(options.engine, threads=max(1, threads // jobs))
    return replace(options, engine=engine)


_worker_engines: Engines | None = None


def _exit_with_parent(parent_pid: int) -> None:
    """Worker initializer: a worker whose export was killed (kill -9 leaves workers waiting for
    work forever, models loaded) exits within a second. Its temporary file, if any, is removed by
    the next export."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _export_batch_in_worker(batch, fmt, signature, options, folder: OutputFolder):
    global _worker_engines
    if _worker_engines is None:  # one model load per worker process
        _worker_engines = Engines(options)
    try:
        return export_batch(batch, fmt, signature, _worker_engines, folder)
    finally:
        folder.close()


def export_batch(
    batch: list[_Job], fmt: str, signature: dict, engines: Engines, folder: OutputFolder, model_stage: StageCallback | None = None
) -> BatchResult:
    """Digest and write the outputs of `batch`, one batch stream for the models (a huge input part
    by part, its output written as each part is digested)."""
    from .pipeline import page_batches
    from .reading import read_source

    written: list[Path] = []
    failed: list[tuple[str, str]] = []
    given_up: set[Path] = set()  # outputs of inputs that failed part-way: their other parts are skipped

    def read(job: _Job):
        try:
            source = job.source or read_source(job.ref)
        except SummarizeError as exc:
            failed.append((job.ref.input, str(exc)))
            return None
        job.input_sha256 = _source_hash(source, job)
        return source

    outputs = _OutputFiles(folder, fmt, signature, full=engines.options.full)
    try:
        for parts in page_batches(batch, read):
            for part, digest in _digest_parts(parts, engines, failed, given_up, model_stage):
                job = part.item
                if job.output in given_up:  # its output failed at an earlier part of this batch
                    continue
                try:
                    if outputs.write(job, part, digest):
                        written.append(job.output)
                except StorageError as exc:
                    exc.written = written  # what this batch finished before the disk gave out
                    raise
                except SummarizeError as exc:
                    failed.append((job.ref.input, str(exc)))
                    given_up.add(job.output)
                    outputs.discard()
    finally:
        outputs.discard()  # interrupted, or the last input failed part-way
    return written, failed


class _OutputFiles:
    """The output files of a batch, each written as its input's parts are digested (one open at a
    time) and put in place only when complete."""

    def __init__(self, folder: OutputFolder, fmt: str, signature: dict, *, full: bool):
        self._folder, self._fmt, self._signature, self._full = folder, fmt, signature, full
        self._file: AtomicOutput | None = None
        self._document = None

    def write(self, job: _Job, part: PagePart, digest: PageDigest) -> bool:
        """Write the digest of a part of `job`'s input; True when that completed its output."""
        if part.first:
            self.discard()  # an output left open: its input failed part-way
            if not job.replace_any:  # a file may have appeared there since the export began
                check_replaceable(self._folder, job.relpath, self._fmt, force=False, inputs=set())
            self._file = self._folder.open_output(job.relpath)
            meta = {"signature": self._signature, "input": digest.page.input, "input_sha256": job.input_sha256}
            self._document = DOCUMENT_FORMATS[self._fmt].writer(self._file.write, full=self._full, meta=meta)
        self._document.part(digest, first=part.first, last=part.last)
        if not part.last:
            return False
        self._file.write(DOCUMENT_FORMATS[self._fmt].closing(several=False))
        complete, self._file = self._file, None
        complete.commit()
        return True

    def discard(self) -> None:
        if self._file is not None:
            self._file.discard()
            self._file = None


def _digest_parts(
    parts: list[PagePart], engines: Engines, failed: list[tuple[str, str]], given_up: set[Path], model_stage: StageCallback | None
) -> list[tuple[PagePart, PageDigest]]:
    """(part, digest) for each part, all in one batch stream; when the batch fails, part by part,
    so that an input that breaks something fails alone (reported in `failed`, its output in
    `given_up`, its other parts skipped)."""
    parts = [part for part in parts if part.item.output not in given_up]
    if not parts:
        return []
    try:
        return list(zip(parts, run_pages([part.page for part in parts], engines, progress=model_stage)))
    except ModelError:
        raise  # the model itself is broken: every page would fail the same way
    except Exception as exc:  # noqa: BLE001 - isolate it: the other files go on
        if len(parts) == 1:
            job = parts[0].item
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())
            failed.append((job.ref.input, f"{job.ref.label}: failed ({reason}); run it alone with --verbose and report it"))
            given_up.add(job.output)
            return []
    return [pair for part in parts for pair in _digest_parts([part], engines, failed, given_up, model_stage)]


def _source_hash(source, job: _Job) -> str:
    raw = getattr(source, "raw_sha256", None)
    if raw:
        return raw
    return _input_hash(job.ref.path) if job.ref.path is not None else hashlib.sha256(source.text.encode()).hexdigest()

