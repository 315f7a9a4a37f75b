"""`summarize export`: a tree of pages in, a mirrored tree of Markdown or JSON digests out.

Each output is written atomically and carries its own metadata (input hash, engines, options), so
a rerun skips what is up to date and redoes only what is missing or stale: an export can be
interrupted at any moment and resumed. DIR holds the outputs and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__
from .atomic import AtomicOutput, StorageError, remove_stale_temps
from .digest import PageDigest
from .errors import ModelError, OutputError, SummarizeError
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
    output: Path
    source: object = None  # reading.Source, read up front for stdin (worker processes have none)
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
    from .reading import discover, read_source

    _prepare_out_dir(out_dir)
    report = ExportReport()
    engines = engines or Engines(options)
    signature = output_signature(engines, options, fmt)
    pending: list[_Job] = []
    claimed: dict[Path, str] = {}  # output -> the input it is for
    for item in discover(inputs):
        if isinstance(item, SummarizeError):
            report.failed.append((item.path or "?", str(item)))
            continue
        output = out_dir / item.output_relpath.with_suffix(DOCUMENT_FORMATS[fmt].suffix)
        if output in claimed:
            report.failed.append((item.input, f"{item.label}: same output as {claimed[output]} ({output}); export them separately or from a common parent directory"))
            continue
        claimed[output] = item.input
        if not force and _up_to_date(item, output, signature, fmt):
            report.skipped.append(output)
        elif item.path is None:
            try:
                pending.append(_Job(item, output, read_source(item)))
            except SummarizeError as exc:
                report.failed.append((item.input, str(exc)))
        else:
            pending.append(_Job(item, output))
    total = len(pending) + len(report.skipped)
    done = len(report.skipped)
    batches = [pending[i : i + FILES_PER_BATCH] for i in range(0, len(pending), FILES_PER_BATCH)]
    if progress:
        progress("export", done, total, "")

    def model_stage(stage: str, _done: int, _total: int, where: str) -> None:
        if progress:  # the model work inside a batch, shown on the one bar
            progress("export", done, total, f"{stage.rstrip('e')}ing {where}".strip())  # "translating page.txt a3"

    if runner is None:

        def runner(batches, fmt, signature):
            return _run_batches(batches, options, fmt, signature, engines, jobs, out_dir, model_stage)

    try:
        for written, failed in runner(batches, fmt, signature):
            report.written += written
            report.failed += failed
            done += len(written) + len(failed)
            if progress:
                progress("export", done, total, f"{len(report.failed)} failed" if report.failed else "")
    except StorageError as exc:  # disk full or read-only: the other files would fail the same way
        report.written += getattr(exc, "written", [])
        report.failed.append((exc.path or str(out_dir), f"{exc} (export stopped)"))
    return report


def _prepare_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError("exists and is not a directory; choose a directory for -o", path=str(out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output directory: {exc.strerror or exc}", path=str(out_dir), hint="Check the permissions of its parent, or choose another directory with -o") from exc
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError("output directory is not writable; choose another one with -o", path=str(out_dir))
    remove_stale_temps(out_dir)


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


def _up_to_date(ref, output: Path, signature: dict, fmt: str) -> bool:
    if ref.path is None or not ref.path.is_file():  # stdin, a FIFO: always redone (reading them twice is not possible)
        return False
    try:
        if output.stat().st_mtime < ref.path.stat().st_mtime:
            return False
        meta = read_output_meta(output, fmt)
        return meta is not None and meta.get("signature") == signature and meta.get("input_sha256") == _input_hash(ref.path)
    except OSError:
        return False


def read_output_meta(output: Path, fmt: str) -> dict | None:
    """The metadata an export wrote into an output, or None if it is missing or unreadable."""
    try:
        if fmt == "json":
            return _json_meta(output)
        from .render.markdown import read_meta

        with open(output, encoding="utf-8") as f:
            return read_meta(f.readline())
    except (OSError, ValueError):
        return None


# A JSON output ends with its metadata, the top-level key "meta" (the only key indented by two
# spaces that can follow a line break): read from the end, a huge output is not loaded to check it.
_JSON_META_KEY = '\n  "meta": '
_JSON_META_MAX_BYTES = 1 << 16


def _json_meta(output: Path) -> dict | None:
    with open(output, "rb") as f:
        if f.read(1) != b"{":
            return None
        f.seek(0, os.SEEK_END)
        f.seek(max(1, f.tell() - _JSON_META_MAX_BYTES))
        tail = f.read().decode("utf-8", errors="replace")  # a character cut at the start is not the metadata
    at = tail.rfind(_JSON_META_KEY)
    if at < 0:
        return None
    meta, end = json.JSONDecoder().raw_decode(tail, at + len(_JSON_META_KEY))
    return meta if isinstance(meta, dict) and tail[end:].strip() == "}" else None


def _run_batches(batches, options, fmt, signature, engines, jobs, out_dir: Path, model_stage: StageCallback):
    if jobs <= 1 or len(batches) <= 1:
        for batch in batches:
            yield export_batch(batch, fmt, signature, engines, model_stage)
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
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        try:
            with _ctrl_c_ignored():  # workers start (on submit) ignoring Ctrl-C: this process handles it
                futures = [pool.submit(_export_batch_in_worker, batch, fmt, signature, worker_options) for batch in batches]
            for future in as_completed(futures):
                yield future.result()
        except BaseException:  # Ctrl-C, or a failure that ends the export: stop the workers now
            pool.shutdown(wait=False, cancel_futures=True)
            workers = set(multiprocessing.active_children()) - others
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.join()
            remove_stale_temps(out_dir)  # what the stopped workers were writing
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


def _export_batch_in_worker(batch, fmt, signature, options):
    global _worker_engines
    if _worker_engines is None:  # one model load per worker process
        _worker_engines = Engines(options)
    return export_batch(batch, fmt, signature, _worker_engines)


def export_batch(
    batch: list[_Job], fmt: str, signature: dict, engines: Engines, model_stage: StageCallback | None = None
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

    outputs = _OutputFiles(fmt, signature, full=engines.options.full)
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

    def __init__(self, fmt: str, signature: dict, *, full: bool):
        self._fmt, self._signature, self._full = fmt, signature, full
        self._file: AtomicOutput | None = None
        self._document = None

    def write(self, job: _Job, part: PagePart, digest: PageDigest) -> bool:
        """Write the digest of a part of `job`'s input; True when that completed its output."""
        if part.first:
            self.discard()  # an output left open: its input failed part-way
            self._file = AtomicOutput(job.output)
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

