"""`summarize segment`: JSON shape, readable view, errors, stdin, start-up cost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "yiwu-front-page.txt"
PAGE = "全市经济运行稳中向好\n\n记者 张三\n\n本报讯 今年一季度，全市生产总值同比增长6.5%。\n\n消费市场持续回暖。\n"


def summarize(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args], input=stdin, capture_output=True, cwd=cwd or REPO, env=env, timeout=60
    )


def test_json_for_one_input_is_one_object_in_the_documented_shape():
    result = summarize("segment", "--json", "samples/yiwu-front-page.txt")
    assert result.returncode == 0 and result.stderr == b""
    data = json.loads(result.stdout.decode("utf-8"))
    assert "义乌" in result.stdout.decode("utf-8")  # not \u-escaped
    assert data["input"] == "samples/yiwu-front-page.txt" and data["encoding"] == "utf-8"
    assert data["preamble"] == []
    assert len(data["articles"]) == 5
    for article in data["articles"]:
        assert set(article) >= {"id", "title", "subtitle", "kicker", "byline", "source", "continued", "paragraphs"}
        for name in ("title", "subtitle", "kicker", "byline", "source", "continued"):
            assert article[name] is None or isinstance(article[name], str)
        for paragraph in article["paragraphs"]:
            assert isinstance(paragraph["id"], str) and isinstance(paragraph["text"], str)
            assert isinstance(paragraph["heading"], bool)
            assert "".join(paragraph["sentences"]) == paragraph["text"]
    a3 = data["articles"][2]
    assert (a3["title"], a3["byline"], a3["continued"]) == ("与市场迭代发展同行并进", "全媒体记者 魏佳佳", "(下转第二版)")
    assert data["articles"][3]["title"] is None and data["articles"][3]["byline"] == "浙江日报评论员"
    assert sum(len(a["paragraphs"]) for a in data["articles"]) == 41
    assert sum(p["heading"] for a in data["articles"] for p in a["paragraphs"]) == 7


def test_several_inputs_give_an_array_and_bad_ones_are_reported_on_stderr(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = summarize("segment", "--json", str(tmp_path / "missing.txt"), str(good), str(empty), "samples/yiwu-front-page.txt")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert [d["input"] for d in data] == [str(good), "samples/yiwu-front-page.txt"]
    errors = result.stderr.decode().splitlines()
    assert errors == [
        f"summarize: error: {tmp_path / 'missing.txt'}: no such file or directory. Check the path",
        f"summarize: error: {empty}: the input is empty. Give it some Chinese text",
    ]


def test_a_directory_gives_an_array_even_with_one_file(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "one.txt").write_text(PAGE, encoding="utf-8")
    result = summarize("segment", "--json", "pages", cwd=tmp_path)
    assert result.returncode == 0
    (only,) = json.loads(result.stdout)
    assert only["input"] == "pages/one.txt" and only["articles"][0]["byline"] == "记者 张三"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.txt", None, "no such file or directory"),
        ("empty-dir", "DIR", "directory has no .txt files"),
        ("empty.txt", b"", "the input is empty"),
        ("blank.txt", b"  \n\n\t \r\n", "only whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not a text file: it looks like a PNG image"),
        ("random.txt", bytes((i * 7919) % 251 for i in range(5000)), "not a text file"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    for extra in ([], ["--json"]):
        result = summarize("segment", *extra, str(path))
        assert result.returncode == 2
        # A directory always gives an array (empty here); a file gives nothing.
        assert result.stdout == (b"[]\n" if extra and content == "DIR" else b"")
        stderr = result.stderr.decode()
        assert stderr.count("\n") == 1 and "Traceback" not in stderr
        assert stderr.startswith(f"summarize: error: {path}: ") and message in stderr


def test_readable_view_is_plain_text_when_piped():
    result = summarize("segment", "samples/yiwu-front-page.txt")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0].startswith("samples/yiwu-front-page.txt") and "5 article(s)" in lines[0]
    assert "a1  坚持和深化“义乌发展经验” 加快打造中国式现代化县域典范 义乌，再出发" in lines
    assert "a4  (no title) · 浙江日报评论员" in lines and "    byline: 浙江日报评论员" in lines
    assert "  a1.p1     # 何为经验？" in lines
    assert any(line.startswith("  a2.p4     梯度培育主体，筑牢创新底盘。我市通过") for line in lines)
    # Paragraphs are never wrapped: every paragraph is one output line.
    assert sum(1 for line in lines if line.startswith("  a")) == 41


def test_readable_view_through_cli_runner(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("A1 要闻\n\n" + PAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["segment", str(path)])
    assert result.exit_code == 0
    assert "preamble  A1 要闻" in result.output
    assert "a1  全市经济运行稳中向好" in result.output and "a1.p2" in result.output


def test_stdin_in_a_legacy_encoding():
    result = summarize("segment", "--json", "-", stdin=PAGE.encode("gb18030"))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["input"] == "-" and data["encoding"] == "gb18030"
    assert data["articles"][0]["title"] == "全市经济运行稳中向好"


def test_empty_stdin_is_an_error():
    result = summarize("segment", "-", stdin=b"")
    assert result.returncode == 2 and result.stderr.decode() == "summarize: error: stdin: the input is empty. Give it some Chinese text\n"


def test_invalid_bytes_give_a_warning_not_an_error(tmp_path):
    path = tmp_path / "broken.txt"
    data = PAGE.encode()
    cut = data.index("消费".encode())
    path.write_bytes(data[:cut] + b"\xff\xfe" + data[cut:])
    result = summarize("segment", "--json", str(path))
    assert result.returncode == 0
    assert result.stderr.decode() == (
        f"summarize: warning: {path}: dropped 2 invalid UTF-8 byte sequence(s); the rest of the file is valid UTF-8\n"
    )
    data = json.loads(result.stdout)
    assert data["warnings"] and data["articles"][0]["paragraphs"][1]["text"] == "消费市场持续回暖。"


def test_segment_needs_no_heavy_libraries_and_starts_fast():
    code = f"""
import sys, io, contextlib, time
start = time.perf_counter()
sys.argv = ["summarize", "segment", {str(SAMPLE)!r}]
from summarize import cli
out = io.StringIO()
try:
    with contextlib.redirect_stdout(out):
        cli.main()
except SystemExit as exit:
    assert exit.code == 0, exit.code
assert "浙江日报评论员" in out.getvalue()
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "transformers", "ctranslate2", "jieba", "pypinyin", "sentencepiece", "numpy"))
assert not heavy, heavy
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_streamed_json_equals_one_dump():
    from summarize.render.pagejson import iter_page_json
    from summarize.segmentation import segment_text

    for text in (SAMPLE.read_text(encoding="utf-8"), "第1版 要闻", PAGE):
        page = segment_text(text)
        assert "".join(iter_page_json(page)) == json.dumps(page.to_dict(), ensure_ascii=False, indent=2)
        for level in (1, 2):
            assert json.loads("".join(iter_page_json(page, level=level))) == page.to_dict()
