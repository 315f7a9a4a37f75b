"""`summarize export`: the batch job (see summarize.export), with its progress bar, a last line
counting what was done, and on an interruption how far it got: a rerun finishes the rest."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitStatus, UsageError
from .context import Context
from .engines import EngineChoice
from .outcomes import Interrupted, Terminated

if TYPE_CHECKING:
    from ..distributed import RaySettings


def export(
    ctx: Context, inputs: list[str], out_dir: Path, options, choice: EngineChoice, *, force: bool, jobs: int, ray: RaySettings | None = None
) -> ExitStatus:
    """`ray`: run the batches on a Ray cluster (summarize.distributed) instead of here."""
    from ..export import export as export_tree
    from ..pipeline import Engines

    runner = None
    if ray is not None:
        if jobs > 1:
            raise UsageError("--jobs runs processes on this machine, --ray on a Ray cluster", hint="Drop --jobs or --ray")
        from ..distributed import ray_runner

        runner = ray_runner(ray, options, out_dir, notice=lambda line: ctx.report("notice", f"ray: {line}"))
    ctx.reading_stdin(inputs)
    engines = Engines(options)
    counts = {"done": 0, "total": 0}
    with ctx.progress_bars() as bars:

        def progress(stage: str, done: int, total: int, where: str = "") -> None:
            if stage == "export":
                counts.update(done=done, total=total)
            bars.update(stage, done, total, where)

        try:
            report = export_tree(
                inputs, out_dir, options, fmt=options.format, force=force, jobs=jobs, progress=progress, engines=engines, runner=runner
            )
        except (KeyboardInterrupt, Terminated) as exc:  # say how far it got
            done = f"{counts['done']} of {counts['total']} outputs finished; " if counts["total"] else ""
            stop = Terminated if isinstance(exc, Terminated) else Interrupted
            raise stop(f"{done}run the same command again to finish the rest") from exc
    if report.written:  # made with the built-in fallbacks? (nothing to say when all was up to date)
        choice.announce(ctx, engines)
    for _, message in report.failed:
        ctx.report("error", message)
    ctx.stderr.write(
        f"summarize: exported {len(report.written)}, up to date {len(report.skipped)}, failed {len(report.failed)} -> {out_dir}\n"
    )
    return ExitStatus.ERROR if report.failed else ExitStatus.SUCCESS
