"""Every error the user sees: one line on stderr, naming the file or setting, saying what to do;
exit 2 for bad input or usage, 1 for a partial failure or an internal error, 130 for Ctrl-C; a
traceback only with --verbose. Also what happens when stdout cannot show Chinese."""

from __future__ import annotations

import ast
import json
import re
import signal
import subprocess
import sys
import time

import pytest
from reliability_helpers import REPO, SAMPLE, assert_clean, cli, env, invoke

ERROR_CLASSES = {"InputError", "UsageError", "ModelError", "OutputError", "StorageError", "SummarizeError"}


def _raise_sites():
    for path in sorted((REPO / "summarize").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
                if name in ERROR_CLASSES or (name == "error" and path.name == "atomic.py"):
                    yield f"{path.relative_to(REPO)}:{node.lineno}", node.exc


def _literal(node) -> str | None:
    """The text of a string or f-string literal (placeholders as {}), None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def test_every_error_raised_says_what_to_do():
    """Audit of every raise site: a `hint=`, or a message that carries its advice after "; "."""
    missing = []
    sites = list(_raise_sites())
    assert len(sites) > 50  # the scan sees them
    for where, call in sites:
        keywords = {k.arg for k in call.keywords}
        message = _literal(call.args[0]) if call.args else None
        if "hint" in keywords or message is None or "; " in message:
            continue
        missing.append(f"{where}: {message}")
    assert not missing, "errors without a what-to-do hint:\n" + "\n".join(missing)


# --- exit codes, --verbose ------------------------------------------------------------------------


def test_an_internal_error_is_one_line_and_verbose_shows_the_traceback(capsys, monkeypatch):
    import summarize.commands.segment as segment_command

    def broken(*args, **kwargs):
        raise RuntimeError("something\nunexpected")

    monkeypatch.setattr(segment_command, "segment", broken)
    quiet = invoke("segment", SAMPLE, capsys=capsys, monkeypatch=monkeypatch)
    assert quiet.returncode == 1 and "Traceback" not in quiet.stderr
    assert quiet.stderr.splitlines() == [
        "summarize: error: internal error: RuntimeError: something unexpected (run with --verbose and report it)"
    ]
    loud = invoke("--verbose", "segment", SAMPLE, capsys=capsys, monkeypatch=monkeypatch)
    assert loud.returncode == 1
    assert loud.stderr.startswith("Traceback (most recent call last):") and 'raise RuntimeError("something' in loud.stderr
    assert loud.stderr.splitlines()[-1] == quiet.stderr.splitlines()[0]


def test_verbose_also_shows_where_a_user_error_came_from(tmp_path):
    missing = tmp_path / "nope"
    quiet = cli("run", "--translator", missing, SAMPLE)
    assert_clean(quiet, codes=(2,))
    assert quiet.errors == [
        f"summarize: error: {missing}: no such model directory. Check the path, or pass a model name from `summarize models list`"
    ]
    loud = cli("-v", "run", "--translator", missing, SAMPLE)
    assert loud.returncode == 2 and "Traceback" in loud.stderr and "ModelError" in loud.stderr
    assert loud.stderr.splitlines()[-1] == quiet.errors[0]
    at_the_end = cli("run", "--translator", missing, SAMPLE, "--verbose")  # where users put it
    assert at_the_end.returncode == 2 and "Traceback" in at_the_end.stderr
    assert at_the_end.stderr.splitlines()[-1] == quiet.errors[0]


@pytest.mark.parametrize(
    "args, words",
    [
        (["run"], "Missing argument 'INPUT...'. See: "),
        (["run", "--bogus", "x.txt"], "No such option: --bogus. See: "),
        (["run", "--beam", "99", "x.txt"], "Invalid value for '--beam'"),
        (["export", "x.txt"], "Missing option '--output' / '-o'. See: "),
        (["frobnicate"], "No such command 'frobnicate'. See: "),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args, words):
    result = cli(*args)
    assert_clean(result, codes=(2,))
    assert len(result.stderr.splitlines()) == 1 and words in result.errors[0]
    assert result.errors[0].endswith(" ".join(args[:1]) + " --help" if args[0] != "frobnicate" else "summarize --help")


def test_ctrl_c_exits_130_with_one_line():
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "segment", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    )
    proc.stdin.write("半截的文本".encode())  # and then nothing more: it waits for the rest
    proc.stdin.flush()
    time.sleep(1.5)  # started and reading stdin
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    proc.stdin.close()
    assert proc.returncode == 130
    assert err.decode().splitlines() == ["summarize: interrupted"]


@pytest.mark.parametrize(("sig", "status", "word"), [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")])
def test_a_stopped_export_says_how_far_it_got_and_leaves_no_partial_output(tmp_path, sig, status, word):
    """kill, timeout, a service manager or Ctrl-C: one line saying how many outputs were finished
    and that the same command finishes the rest, exit 143 or 130, and no half-written or
    temporary file left in the output directory."""
    pages = tmp_path / "pages"
    pages.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (pages / "big.txt").write_text((text + "\n") * 400, encoding="utf-8")  # about 2 MB: takes a while
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "export", str(pages), "-o", str(out), "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    )
    deadline = time.monotonic() + 120
    while not list(out.rglob("*.summarize-tmp")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the export ended before it could be stopped"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == status
    assert err.decode().splitlines() == [
        f"summarize: {word}: 0 of 1 outputs finished; run the same command again to finish the rest"
    ]
    assert [p for p in out.rglob("*") if p.is_file()] == []


def test_an_export_with_a_bad_file_exits_1_and_an_all_bad_batch_too(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("标题\n\n本报讯 一句正文。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    partial = cli("export", good, bad, "-o", tmp_path / "out", cwd=tmp_path)
    assert_clean(partial, codes=(1,))
    assert len(partial.errors) == 1 and f"{bad}: the input is empty" in partial.errors[0]
    assert partial.stderr.splitlines()[-1].startswith("summarize: exported 1, up to date 0, failed 1")


# --- stdout that cannot show Chinese --------------------------------------------------------------


@pytest.mark.parametrize("command", [["segment"], ["segment", "--json"], ["run"], ["run", "--format", "json"]])
def test_an_ascii_stdout_is_one_clear_line(command):
    result = cli(*command, SAMPLE, PYTHONIOENCODING="ascii")
    assert_clean(result, codes=(2,))
    assert len(result.errors) == 1
    assert "the output uses the ascii encoding, which has no Chinese; set PYTHONIOENCODING=utf-8" in result.errors[0]


def test_the_c_locale_still_prints_chinese():
    environment = {k: v for k, v in env().items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LANG", "LC_ALL", "LC_CTYPE")}
    proc = subprocess.run(
        [sys.executable, "-m", "summarize", "segment", "--json", str(SAMPLE)],
        capture_output=True,
        env={**environment, "LANG": "C", "LC_ALL": "C"},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["articles"][0]["title"].startswith("坚持和深化")


def test_output_to_a_closed_pipe_is_not_an_error():
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "segment", "--json", str(SAMPLE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    )
    proc.stdout.read(10)  # like `| head -c 10`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert proc.returncode in (0, 1) and "Traceback" not in err and "error" not in err


def test_no_module_prints_to_stderr_on_its_own():
    """Library code reports through exceptions and warnings, never by printing: only the CLI
    writes to stderr, so every line there has the `summarize: ` shape."""
    offenders = []
    for path in sorted((REPO / "summarize").rglob("*.py")):
        if path.name in ("context.py", "_entry.py", "progress.py"):  # the CLI's streams, by default the process's
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"sys\.(stderr|__stderr__)|(?<![\w.])print\(", line):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_warnings_and_errors_of_a_batch_each_name_their_file(tmp_path):
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes("本报讯 一句正文。".encode() + b"\xff" + "第二句。".encode())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for command in (["segment"], ["run"]):
        result = cli(*command, damaged, empty)
        assert_clean(result, codes=(2,))
        for line in result.stderr.splitlines():
            if line.startswith(("summarize: warning:", "summarize: error:")):
                assert str(damaged) in line or str(empty) in line, line
        assert any(str(damaged) in line and "warning" in line for line in result.stderr.splitlines())
        assert result.errors == [f"summarize: error: {empty}: the input is empty. Give it some Chinese text"]
