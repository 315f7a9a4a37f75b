"""Nothing summarize did not write is ever replaced: not an input (`run -o`, `export -o`), not a
user's file at an output path (unless --force), nothing through a link, nothing outside the
output folder."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from run_helpers import SAMPLE_PAGE, cli_command, cli_env, run_cli

from summarize.atomic import AtomicOutput, _temp_name
from summarize.errors import OutputError
from summarize.export import export
from summarize.output_guard import read_output_meta
from summarize.pipeline import RunOptions

BUILTIN = ["--summarizer", "extractive", "--translator", "gloss"]
PAGE = SAMPLE_PAGE.read_text(encoding="utf-8")
ONE_ARTICLE = "\n".join(PAGE.splitlines()[62:88])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(root: Path) -> dict[str, object]:
    """Every file's bytes and every link's target under `root`, links never followed."""
    found: dict[str, object] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                found[key] = ("link", os.readlink(path))
            elif path.is_file():
                found[key] = path.read_bytes()
            else:
                found[key] = "dir"
    return found


# --- run -o -------------------------------------------------------------------------------------


def test_run_refuses_to_write_over_its_input(tmp_path):
    page = write(tmp_path / "page.txt", PAGE)
    result = run_cli("run", "page.txt", "-o", "page.txt", *BUILTIN, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "summarize: error: page.txt: is one of the inputs, which the digest would replace; choose another output file"
    )
    assert page.read_text(encoding="utf-8") == PAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt"]


def test_run_refuses_an_output_that_is_any_input_or_links_to_one(tmp_path):
    a = write(tmp_path / "a.txt", PAGE)
    b = write(tmp_path / "b.txt", ONE_ARTICLE)
    (tmp_path / "latest.md").symlink_to("b.txt")
    for output in ("b.txt", "latest.md", str(b)):
        result = run_cli("run", "a.txt", "b.txt", "--format", "markdown", "-o", output, *BUILTIN, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert result.stderr.splitlines()[-1].startswith(f"summarize: error: {output}: is one of the inputs")
    assert a.read_text(encoding="utf-8") == PAGE and b.read_text(encoding="utf-8") == ONE_ARTICLE
    fresh = run_cli("run", "a.txt", "b.txt", "--format", "markdown", "-o", "digest.md", *BUILTIN, cwd=tmp_path)
    assert fresh.returncode == 0 and "义乌" in (tmp_path / "digest.md").read_text(encoding="utf-8")


def test_run_refuses_an_output_that_is_the_file_on_stdin(tmp_path):
    page = write(tmp_path / "page.txt", PAGE)
    with open(page, "rb") as stdin:
        proc = subprocess.run(cli_command("run", "-", "-o", "page.txt", *BUILTIN), stdin=stdin, capture_output=True, text=True, cwd=tmp_path, env=cli_env(), timeout=300)
    assert proc.returncode == 2 and "summarize: error: page.txt: is one of the inputs" in proc.stderr
    assert page.read_text(encoding="utf-8") == PAGE


# --- export: inputs, users' files, --force ------------------------------------------------------


def test_export_never_replaces_an_input(tmp_path):
    notes = write(tmp_path / "notes.md", ONE_ARTICLE)
    result = run_cli("export", "notes.md", "-o", ".", *BUILTIN, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "summarize: error: notes.md: is one of the inputs, which an export never replaces; choose another output directory"
    ]
    write(tmp_path / "e" / "page.txt", PAGE)
    mine = write(tmp_path / "e" / "page.md", ONE_ARTICLE)
    for flags in ([], ["--force"]):
        clash = run_cli("export", "e/page.txt", "e/page.md", "-o", "e", *BUILTIN, *flags, cwd=tmp_path)
        assert clash.returncode == 2
        assert clash.stderr.splitlines()[-1].startswith("summarize: error: e/page.md: is one of the inputs")
    assert notes.read_text(encoding="utf-8") == ONE_ARTICLE and mine.read_text(encoding="utf-8") == ONE_ARTICLE


def test_export_replaces_only_its_own_files_unless_forced(tmp_path):
    write(tmp_path / "docs" / "README.txt", ONE_ARTICLE)
    write(tmp_path / "docs" / "guide.txt", PAGE)
    readme = write(tmp_path / "docs" / "README.md", "# Hand-written\n")
    first = run_cli("export", "docs", "-o", "docs", *BUILTIN, cwd=tmp_path)
    assert first.returncode == 1
    assert first.stderr.splitlines() == [
        "summarize: error: docs/README.txt: its output docs/README.md: exists and was not written by summarize; "
        "move it away, or use --force to replace it",
        "summarize: exported 1, up to date 0, failed 1 -> docs",
    ]
    assert readme.read_text(encoding="utf-8") == "# Hand-written\n"
    guide = tmp_path / "docs" / "guide.md"
    write(tmp_path / "docs" / "guide.txt", PAGE.replace("23.66亿元", "24.66亿元"))
    again = run_cli("export", "docs/guide.txt", "-o", "docs", *BUILTIN, cwd=tmp_path)
    assert again.returncode == 0 and "24.66" in guide.read_text(encoding="utf-8")  # its own output: redone
    forced = run_cli("export", "docs", "-o", "docs", "--force", *BUILTIN, cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert read_output_meta(readme, "markdown")["input"] == "docs/README.txt"


def test_json_outputs_carry_their_mark_too(tmp_path):
    write(tmp_path / "in" / "a.txt", ONE_ARTICLE)
    write(tmp_path / "in" / "b.txt", PAGE)
    foreign = write(tmp_path / "out" / "a.json", '{"mine": true}\n')
    result = run_cli("export", "in", "-o", "out", "--format", "json", *BUILTIN, cwd=tmp_path)
    assert result.returncode == 1
    assert "in/a.txt: its output out/a.json: exists and was not written by summarize" in result.stderr
    assert foreign.read_text(encoding="utf-8") == '{"mine": true}\n'
    assert read_output_meta(tmp_path / "out" / "b.json", "json")["input"] == "in/b.txt"
    write(tmp_path / "in" / "b.txt", ONE_ARTICLE)  # changed: its own JSON output is redone
    assert run_cli("export", "in/b.txt", "-o", "out", "--format", "json", *BUILTIN, cwd=tmp_path).returncode == 0


# --- links --------------------------------------------------------------------------------------


def test_links_inside_the_output_folder_are_never_written_through(tmp_path):
    write(tmp_path / "pages" / "a.txt", ONE_ARTICLE)
    write(tmp_path / "pages" / "b.txt", PAGE)
    write(tmp_path / "pages" / "sub" / "c.txt", ONE_ARTICLE)
    precious = write(tmp_path / "outside" / "precious.txt", "precious\n")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.md").symlink_to("../outside/precious.txt")
    (tmp_path / "out" / "sub").symlink_to("../outside")
    result = run_cli("export", "pages", "-o", "out", *BUILTIN, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "summarize: error: pages/a.txt: its output out/a.md: is a symbolic link, which an export never writes "
        "through; remove it, or use --force to replace the link itself (not what it points to)",
        "summarize: error: pages/sub/c.txt: its output out/sub/c.md: its folder out/sub is a symbolic link, "
        "which an export never writes through; remove it or choose another output directory",
        "summarize: exported 1, up to date 0, failed 2 -> out",
    ]
    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["precious.txt"]
    forced = run_cli("export", "pages", "-o", "out", "--force", *BUILTIN, cwd=tmp_path)
    assert forced.returncode == 1  # the folder link is still refused
    link_replaced = tmp_path / "out" / "a.md"
    assert not link_replaced.is_symlink() and read_output_meta(link_replaced, "markdown")["input"] == "pages/a.txt"
    assert precious.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["precious.txt"]


def test_a_temporary_file_name_taken_by_a_link_is_not_written_through(tmp_path):
    precious = write(tmp_path / "precious.txt", "precious\n")
    target = tmp_path / "digest.md"
    (tmp_path / _temp_name("digest.md")).symlink_to(precious)
    with AtomicOutput(target) as out:
        out.write("digest\n")
    assert target.read_text(encoding="utf-8") == "digest\n"
    assert precious.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md", "precious.txt"]


# --- property: random layouts -------------------------------------------------------------------

_NAMES = st.sampled_from(["a", "b", "sub/c", "sub/d", "x/y/z"])
_THINGS = st.sampled_from(["foreign file", "link to outside file", "link to outside folder", "link to input", "folder", "old output"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    inputs=st.lists(_NAMES, min_size=1, max_size=4, unique=True),
    extra_input=st.sampled_from([None, "md", "json"]),
    out_name=st.sampled_from(["out", ".", "in"]),
    fmt=st.sampled_from(["markdown", "json"]),
    placed=st.lists(st.tuples(_NAMES, _THINGS), max_size=4),
    force=st.booleans(),
)
@example(inputs=["a", "sub/c"], extra_input=None, out_name="out", fmt="markdown", placed=[("sub/c", "link to outside folder"), ("a", "link to outside file")], force=True)
@example(inputs=["a", "b"], extra_input="json", out_name="in", fmt="json", placed=[("a", "link to input"), ("b", "foreign file")], force=True)
@example(inputs=["a"], extra_input="md", out_name=".", fmt="markdown", placed=[], force=True)
@example(inputs=["x/y/z", "b"], extra_input=None, out_name=".", fmt="json", placed=[("x/y/z", "folder"), ("b", "old output")], force=False)
def test_no_byte_outside_the_outputs_changes(inputs, extra_input, out_name, fmt, placed, force):
    suffix = {"markdown": ".md", "json": ".json"}[fmt]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i, name in enumerate(inputs):
            write(root / "in" / f"{name}.txt", ONE_ARTICLE.replace("23.66亿元", f"{i}.5亿元"))
        if extra_input:  # an input with the name an output would have
            write(root / "in" / f"{inputs[0]}.{extra_input}", ONE_ARTICLE)
        write(root / "outside" / "precious.txt", "precious\n")
        out = root / out_name
        for name, thing in placed:
            path = out / f"{name}{suffix}"  # where the output of in/NAME.txt goes
            if thing == "link to outside folder":  # the output's folder is a link
                path = path.parent
                if path == out:
                    continue
            if os.path.lexists(path) or any(p.is_symlink() or p.is_file() for p in path.parents):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if thing == "foreign file":
                path.write_text("user's notes\n", encoding="utf-8")
            elif thing == "link to outside file":
                path.symlink_to(root / "outside" / "precious.txt")
            elif thing == "link to outside folder":
                path.symlink_to(root / "outside")
            elif thing == "link to input":
                path.symlink_to(root / "in" / f"{inputs[0]}.txt")
            elif thing == "folder":
                path.mkdir()
            elif fmt == "markdown":  # an output of an earlier export
                path.write_text('<!-- summarize {"input": "old"} -->\nold\n', encoding="utf-8")
            else:
                path.write_text('{\n  "meta": {"input": "old"}\n}\n', encoding="utf-8")
        args = ["in"] + ([f"in/{inputs[0]}.{extra_input}"] if extra_input else [])
        before = snapshot(root)
        cwd = os.getcwd()
        os.chdir(root)
        try:
            report = export(args, Path(out_name), RunOptions(summarizer="extractive", translator="gloss"), fmt=fmt, force=force)
        except OutputError as exc:  # refused as a whole: only when an output would be an input
            assert "is one of the inputs" in str(exc), exc
            report = None
        finally:
            os.chdir(cwd)
        after = snapshot(root)
        written = {os.path.normpath(output) for output in (report.written if report else [])}
        for key in before.keys() | after.keys():
            if key not in written and not (key not in before and after[key] == "dir"):  # folders of outputs are made
                assert before.get(key) == after.get(key), f"{key} changed: {str(before.get(key))[:60]!r} -> {str(after.get(key))[:60]!r}"
        for output in written:
            assert not (root / output).is_symlink() and read_output_meta(root / output, fmt) is not None
