"""Hostile and odd inputs, end to end through the CLI (`segment`, `run` with the built-in engines,
`export`): every bad input gets one line naming it and exit 2 (exit 1 for export, where it is a
partial failure of the batch), the other inputs are still processed, every encoding decodes to the
same Chinese, and nothing is lost."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import threading
from pathlib import Path

import pytest
from reliability_helpers import (
    SAMPLE_TEXT,
    TRADITIONAL_PAGE,
    assert_clean,
    cli,
    cli_peak_rss,
    invoke,
    strip_space,
)

from summarize.script import _TRADITIONAL_ONLY, to_simplified
from summarize.text import sentence_texts

BAD_INPUTS = {
    # name: (bytes or None for a path that does not exist, "DIR" for a folder without .txt, words of the message)
    "missing.txt": (None, "no such file or directory"),
    "no-text-here": ("DIR", "directory has no .txt files"),
    "empty.txt": (b"", "the input is empty"),
    "blank.txt": (b" \n\t\r\n\xe3\x80\x80\n\n", "only whitespace"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not a text file: it looks like a PNG image"),
}


def make_bad_inputs(folder: Path) -> list[Path]:
    paths = []
    for name, (content, _) in BAD_INPUTS.items():
        path = folder / name
        if content == "DIR":
            path.mkdir()
            (path / "notes.md").write_text("not a page", encoding="utf-8")
        elif content is not None:
            path.write_bytes(content)
        paths.append(path)
    return paths


def assert_one_line_per_bad_input(result, folder: Path) -> None:
    for name, (_, words) in BAD_INPUTS.items():
        lines = [line for line in result.errors if f"{folder / name}:" in line]
        assert len(lines) == 1, (name, result.stderr)
        assert words in lines[0]


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_each_bad_input_alone_is_one_line_and_exit_2(tmp_path, name):
    (path,) = [p for p in make_bad_inputs(tmp_path) if p.name == name]
    for command in (["segment", "--json"], ["run"]):
        result = cli(*command, path)
        assert_clean(result, codes=(2,))
        assert result.errors == [line for line in result.stderr.splitlines() if "error" in line]
        assert len(result.errors) == 1 and f"{path}:" in result.errors[0] and BAD_INPUTS[name][1] in result.errors[0]
        assert result.stdout.strip() in ("", "[]")


def test_bad_inputs_in_a_batch_do_not_stop_the_good_ones(tmp_path):
    bad = make_bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE_TEXT, encoding="utf-8")
    inputs = [*bad[:3], good, *bad[3:]]

    segmented = cli("segment", "--json", *inputs)
    assert_clean(segmented, codes=(2,))
    assert_one_line_per_bad_input(segmented, tmp_path)
    assert [page["input"] for page in json.loads(segmented.stdout)] == [str(good)]

    ran = cli("run", "--format", "json", *inputs)
    assert_clean(ran, codes=(2,))
    assert_one_line_per_bad_input(ran, tmp_path)
    digest = json.loads(ran.stdout)
    assert digest["input"] == str(good) and len(digest["articles"]) == 5

    out = tmp_path / "out"
    exported = cli("export", *inputs, "-o", out, "--format", "json", cwd=tmp_path)
    assert_clean(exported, codes=(1,))  # a batch with failures: partial failure
    assert_one_line_per_bad_input(exported, tmp_path)
    assert [p.name for p in out.rglob("*") if p.is_file()] == ["good.json"]
    assert len(json.loads((out / "good.json").read_text(encoding="utf-8"))["articles"]) == 5


# --- encodings ------------------------------------------------------------------------------------

ENCODED = {
    "gbk.txt": lambda text: text.encode("gbk"),
    "gb18030.txt": lambda text: text.encode("gb18030"),
    "utf16le-bom.txt": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf16be-bom.txt": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf8-bom.txt": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf8.txt": lambda text: text.encode("utf-8"),
}


def segment_texts(page: dict) -> list:
    """What a page's segmentation says, without where it came from."""
    return [
        [a["title"], a["byline"], a["source"], [(p["text"], p["heading"], p["sentences"]) for p in a["paragraphs"]]]
        for a in page["articles"]
    ]


def test_every_encoding_decodes_to_the_same_chinese(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, encode in ENCODED.items():
        (pages / name).write_bytes(encode(SAMPLE_TEXT))
    (pages / "big5.txt").write_bytes(TRADITIONAL_PAGE.encode("big5"))
    (pages / "big5-as-utf8.txt").write_text(TRADITIONAL_PAGE, encoding="utf-8")

    segmented = cli("segment", "--json", pages)
    assert_clean(segmented, codes=(0,))
    assert segmented.stderr == ""
    by_name = {Path(p["input"]).name: p for p in json.loads(segmented.stdout)}
    reference = segment_texts(by_name["utf8.txt"])
    assert "坚持和深化“义乌发展经验”" in reference[0][0]
    for name in ENCODED:
        assert segment_texts(by_name[name]) == reference, name
    assert {by_name[n]["encoding"] for n in ("gbk.txt", "gb18030.txt")} == {"gb18030"}
    assert by_name["utf16le-bom.txt"]["encoding"] == by_name["utf16be-bom.txt"]["encoding"] == "utf-16"
    assert by_name["utf8-bom.txt"]["encoding"] == "utf-8-sig"
    assert by_name["big5.txt"]["encoding"] == "big5"
    assert segment_texts(by_name["big5.txt"]) == segment_texts(by_name["big5-as-utf8.txt"])
    assert by_name["big5.txt"]["articles"][0]["title"] == "義烏市場迭代發展 外貿訂單穩步增長"

    ran = cli("run", "--format", "json", "--full", pages)
    assert_clean(ran, codes=(0,))
    digests = {Path(d["input"]).name: d for d in json.loads(ran.stdout)}
    summaries = [a["summary_zh"] for a in digests["utf8.txt"]["articles"]]
    assert all(summaries) and "23.66亿元" in "".join(summaries)
    for name in ENCODED:
        assert [a["summary_zh"] for a in digests[name]["articles"]] == summaries, name
        assert segment_texts(digests[name]) == reference, name


def test_invalid_bytes_inside_utf8_are_dropped_with_a_warning_and_the_rest_is_right(tmp_path):
    data = SAMPLE_TEXT.encode("utf-8")
    cut = data.index("科技局".encode())
    page = tmp_path / "damaged.txt"
    page.write_bytes(data[:cut] + b"\xff\xfe\x80" + data[cut:])

    for command in (["segment", "--json"], ["run", "--format", "json"]):
        result = cli(*command, page)
        assert_clean(result, codes=(0,))
        warnings = [line for line in result.stderr.splitlines() if "warning" in line]
        dropped = "dropped 3 invalid UTF-8 byte sequence(s); the rest of the file is valid UTF-8"
        assert warnings == [f"summarize: warning: {page}: {dropped}"]
        data_out = json.loads(result.stdout)
        text = "".join(p["text"] for a in data_out["articles"] for p in a["paragraphs"])
        assert "记者从市科技局获悉" in text
    assert "23.66亿元" in data_out["articles"][1]["summary_zh"]


def test_a_page_cut_short_in_the_middle_of_a_character(tmp_path):
    """A copy or a pipe that stopped early: what arrived is processed, the broken last character
    is dropped with a warning, whatever the encoding."""
    for name, data in {"utf8.txt": SAMPLE_TEXT.encode()[:-2], "gbk.txt": SAMPLE_TEXT.encode("gbk")[:-1]}.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = cli("segment", "--json", path)
        assert_clean(result, codes=(0,))
        assert "warning" in result.stderr and "\n" not in result.stderr.strip()
        got = strip_space("".join(p["text"] for a in json.loads(result.stdout)["articles"] for p in a["paragraphs"]))
        assert got.endswith("越南胡志明市等地举办义博会系列海外展")  # all but the last "。"


# --- Traditional, English --------------------------------------------------------------------------


def test_traditional_is_shown_traditional_and_the_models_get_simplified(tmp_path, capsys, monkeypatch):
    from summarize.extractive import ExtractiveSummarizer
    from summarize.gloss import GlossTranslator

    seen: list[str] = []
    summarize, translate = ExtractiveSummarizer.summarize, GlossTranslator.translate

    def spy_summarize(self, requests, **kwargs):
        seen.extend(s for r in requests for s in [r.title or "", *r.sentences])
        return summarize(self, requests, **kwargs)

    def spy_translate(self, texts, **kwargs):
        seen.extend(texts)
        return translate(self, texts, **kwargs)

    monkeypatch.setattr(ExtractiveSummarizer, "summarize", spy_summarize)
    monkeypatch.setattr(GlossTranslator, "translate", spy_translate)
    page = tmp_path / "big5.txt"
    page.write_bytes(TRADITIONAL_PAGE.encode("big5"))

    result = invoke("run", "--format", "json", "--full", "--no-cache", page, capsys=capsys, monkeypatch=monkeypatch)
    assert_clean(result, codes=(0,))
    (article,) = json.loads(result.stdout)["articles"]
    assert article["title"] == "義烏市場迭代發展 外貿訂單穩步增長" and article["byline"] == "記者 王小明"
    body = "".join(p["text"] for p in article["paragraphs"])
    assert strip_space(body) in strip_space(TRADITIONAL_PAGE)  # shown exactly as written
    # The summary is Traditional too: sentences of the article as the article has them.
    summary = article["summary_zh"]
    assert summary and _TRADITIONAL_ONLY.search(summary)
    assert all(strip_space(s) in strip_space(body) for s in sentence_texts(summary))  # the key sentences
    # Every text the models got is Simplified: nothing left that Traditional -> Simplified changes.
    assert seen and all(text == to_simplified(text) for text in seen)
    assert any("据了解" in text for text in seen)


def test_english_and_mixed_pages_pass_through_with_a_notice(tmp_path):
    english = tmp_path / "english.txt"
    english.write_text(
        "China's exports rose 8.1 percent in April, customs data showed on Tuesday.\n\n"
        "The trade surplus widened to 72 billion dollars, beating forecasts.\n",
        encoding="utf-8",
    )
    mixed = tmp_path / "mixed.txt"
    mixed.write_text(
        "全市经济运行稳中向好\n\n本报讯 今年一季度，全市生产总值同比增长6.5%。\n\n"
        "The city economy grew 6.5 percent in the first quarter, officials said.\n\n消费市场持续回暖。\n",
        encoding="utf-8",
    )
    result = cli("run", "--format", "json", "--full", english, mixed)
    assert_clean(result, codes=(0,))
    notices = [line for line in result.stderr.splitlines() if "notice" in line and "built-in engines" not in line]
    assert notices == [
        f"summarize: notice: {english}: no Chinese text to speak of; shown as it is, not summarized or translated",
        f"summarize: notice: {mixed}: 1 sentence(s) without Chinese (e.g. English) are shown as they are, not translated",
    ]
    english_page, mixed_page = json.loads(result.stdout)
    (article,) = english_page["articles"]
    assert article["summary_zh"] in (None, "") and article["summary_en"] in (None, "")
    for paragraph in article["paragraphs"]:  # passed through, not glossed or "translated"
        assert paragraph["en"] == paragraph["text"]
    by_text = {p["text"]: p["en"] for p in mixed_page["articles"][0]["paragraphs"]}
    line = "The city economy grew 6.5 percent in the first quarter, officials said."
    assert by_text[line] == line
    assert "[gloss]" in by_text["本报讯 今年一季度，全市生产总值同比增长6.5%。"]


# --- size and shape -------------------------------------------------------------------------------


def test_a_20000_character_line_without_punctuation(tmp_path):
    """Over-long unpunctuated runs are cut into units of at most 100 characters (sentences of
    real news stay whole): no hang, a summary within its budget, nothing lost."""
    words = "经济发展科技创新义乌市场国际商贸城市建设"
    line = (words * (20_000 // len(words) + 1))[:20_000]
    page = tmp_path / "line.txt"
    page.write_text(line, encoding="utf-8")

    segmented = cli("segment", "--json", page, timeout=60)
    assert_clean(segmented, codes=(0,))
    (article,) = json.loads(segmented.stdout)["articles"]
    sentences = [s for p in article["paragraphs"] for s in p["sentences"]]
    assert "".join(sentences) == line and max(map(len, sentences)) <= 100

    ran = cli("run", "--format", "json", page, timeout=120)
    assert_clean(ran, codes=(0,))
    (article,) = json.loads(ran.stdout)["articles"]
    assert 0 < len(article["summary_zh"]) <= 120 and article["summary_zh"] in line


def test_a_large_file_is_segmented_in_bounded_memory(tmp_path):
    """A 20 MB file (CI size; 50 MB behaves the same, see README) is segmented part by part and
    written as it goes: peak memory stays near the file's own size (bytes, then text), not the
    ~8x that holding the whole segmentation took."""
    block = (SAMPLE_TEXT + "\n\n").encode("utf-8")
    copies = 20 * 1024 * 1024 // len(block)
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        for _ in range(copies):
            f.write(block)
    size = big.stat().st_size
    small = tmp_path / "small.txt"
    small.write_bytes(block)

    rc, baseline = cli_peak_rss("segment", "--json", small)
    assert rc == 0
    output = tmp_path / "big.json"
    rc, peak = cli_peak_rss("segment", "--json", big, stdout=output)
    assert rc == 0
    assert peak - baseline < 2 * size + 40 * 1024 * 1024, (peak >> 20, baseline >> 20, size >> 20)
    # And the output is complete JSON (not loaded here: it is three times the input): the head,
    # then every article of every copy, numbered through, up to the last sentence of the input.
    with open(output, "rb") as f:
        head = f.read(200).decode("utf-8", errors="ignore")
        f.seek(-3000, os.SEEK_END)
        tail = f.read().decode("utf-8", errors="ignore")
    assert head.startswith('{\n  "input": ') and tail.rstrip().endswith("}")
    assert "举办义博会系列海外展。" in tail and '"preamble": []' in tail
    last_id = int(tail[tail.rindex('"id": "a') + 8 :].split(".")[0].split('"')[0])
    assert last_id >= copies * 4


# --- files that change, streams that close ---------------------------------------------------------


def test_files_that_change_or_vanish_during_an_export(tmp_path, capsys, monkeypatch):
    import summarize.reading as reading

    pages = tmp_path / "pages"
    pages.mkdir()
    original = SAMPLE_TEXT
    edited = SAMPLE_TEXT.replace("23.66亿元", "99.99亿元")
    for name in ("a.txt", "b.txt", "c.txt"):
        (pages / name).write_text(original, encoding="utf-8")
    real_read = reading.read_source

    def racing_read(ref):
        if ref.path.name == "a.txt":  # deleted between discovery and reading
            ref.path.unlink()
        source = real_read(ref)
        if ref.path.name == "b.txt":  # rewritten right after it was read
            ref.path.write_text(edited, encoding="utf-8")
        return source

    monkeypatch.setattr(reading, "read_source", racing_read)
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)
    result = invoke("export", "pages", "-o", out, "--format", "json", capsys=capsys, monkeypatch=monkeypatch)
    assert_clean(result, codes=(1,))
    assert len(result.errors) == 1 and "pages/a.txt: no such file or directory" in result.errors[0]
    b = json.loads((out / "b.json").read_text(encoding="utf-8"))
    # The output is of what was read, and says so: the hash of the bytes read, not of the file now.
    assert "23.66亿元" in json.dumps(b, ensure_ascii=False) and "99.99亿元" not in json.dumps(b, ensure_ascii=False)
    assert b["meta"]["input_sha256"] == hashlib.sha256(original.encode()).hexdigest()
    assert (out / "c.json").is_file()

    monkeypatch.setattr(reading, "read_source", real_read)
    (pages / "a.txt").write_text(original, encoding="utf-8")
    again = invoke("export", "pages", "-o", out, "--format", "json", capsys=capsys, monkeypatch=monkeypatch)
    assert_clean(again, codes=(0,))
    assert again.stderr.splitlines()[-1].startswith("summarize: exported 2, up to date 1, failed 0")
    assert "99.99亿元" in (out / "b.json").read_text(encoding="utf-8")  # the change was noticed


def _feed_fifo(path: Path, data: bytes) -> threading.Thread:
    def write():
        with open(path, "wb") as fifo:
            fifo.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_that_closes_early(tmp_path):
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    partial = SAMPLE_TEXT.encode()[:3001]  # the writer stops in the middle of a character
    writer = _feed_fifo(fifo, partial)
    result = cli("segment", "--json", fifo, timeout=60)
    writer.join(5)
    assert_clean(result, codes=(0,))
    page = json.loads(result.stdout)
    assert page["articles"][0]["title"].startswith("坚持和深化“义乌发展经验”")
    expected = strip_space(partial.decode("utf-8", errors="ignore"))
    pieces = [a["title"] or "" for a in page["articles"]] + [p["text"] for a in page["articles"] for p in a["paragraphs"]]
    got = strip_space("".join(pieces))
    assert sorted(got) == sorted(expected)

    writer = _feed_fifo(fifo, b"")  # nothing arrived at all
    result = cli("run", fifo, timeout=60)
    writer.join(5)
    assert_clean(result, codes=(2,))
    assert result.errors == [f"summarize: error: {fifo}: the input is empty. Give it some Chinese text"]


def test_a_fifo_inside_a_folder_is_not_waited_for(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    (tmp_path / "page.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # nobody writes to it: reading it would wait forever
    result = cli("segment", "--json", tmp_path, timeout=60)
    assert_clean(result, codes=(0,))
    assert [Path(p["input"]).name for p in json.loads(result.stdout)] == ["page.txt"]


def test_stdin_that_closes_early_and_stdin_with_nothing(tmp_path):
    at = next(i for i in range(1000, len(SAMPLE_TEXT)) if "\u4e00" <= SAMPLE_TEXT[i] <= "\u9fff")
    partial = SAMPLE_TEXT[:at].encode("gbk") + SAMPLE_TEXT[at].encode("gbk")[:1]  # cut inside a character
    result = cli("run", "--format", "json", "-", stdin=partial)
    assert_clean(result, codes=(0,))
    assert "summarize: warning: stdin:" in result.stderr
    assert json.loads(result.stdout)["articles"][0]["title"].startswith("坚持和深化“义乌发展经验”")

    for command in (["segment"], ["run"]):
        empty = cli(*command, "-", stdin=b"")
        assert_clean(empty, codes=(2,))
        assert empty.errors == ["summarize: error: stdin: the input is empty. Give it some Chinese text"]


def test_symlinks_broken_links_and_link_loops(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE_TEXT, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(good)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop-a.txt").symlink_to(tmp_path / "loop-b.txt")
    (tmp_path / "loop-b.txt").symlink_to(tmp_path / "loop-a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop: not followed
    result = cli("segment", "--json", tmp_path, timeout=60)
    assert_clean(result, codes=(2,))
    assert [Path(p["input"]).name for p in json.loads(result.stdout)] == ["good.txt"]  # the link is the same file
    errors = sorted(result.errors)
    assert len(errors) == 3
    assert "broken.txt: broken symbolic link" in errors[0]
    assert "loop-a.txt: symbolic link loop" in errors[1] and "loop-b.txt: symbolic link loop" in errors[2]


def test_names_with_spaces_chinese_undecodable_bytes_and_great_length(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    names = ["有 空格 的 名字.txt", "长" * 80 + ".txt"]
    for name in names:
        (pages / name).write_text(SAMPLE_TEXT, encoding="utf-8")
    with open(os.path.join(os.fsencode(pages), b"bad\xff\xfename.txt"), "wb") as f:
        f.write(SAMPLE_TEXT.encode())
    out = tmp_path / "out"
    result = cli("export", "pages", "-o", out, "--format", "json", cwd=tmp_path)
    assert_clean(result, codes=(0,))
    outputs = sorted(os.listdir(out))
    assert len(outputs) == 3 and not [n for n in outputs if n.startswith(".")]
    inputs = sorted(json.loads(Path(out / name).read_bytes())["input"] for name in outputs)
    assert inputs == sorted(["pages/bad\\xff\\xfename.txt", *(f"pages/{n}" for n in names)])
    segmented = cli("segment", "--json", pages)
    assert_clean(segmented, codes=(0,))
    assert len(json.loads(segmented.stdout)) == 3


# --- decoding odd bytes (library level: fast, many cases) ------------------------------------------

KOREAN = "서울시는 5일 신규 확진자가 120명 발생했다고 밝혔다. 정부는 오늘 새로운 경제 정책을 발표했습니다."
JAPANESE = "東京都は５日、新型ウイルスの感染者が新たに１２０人確認されたと発表した。"
WESTERN = "“Smart quotes” – and dashes — cost €5 in Zürich." * 3


@pytest.mark.parametrize(
    "text, codec",
    [(KOREAN, "euc_kr"), (JAPANESE, "shift_jis"), (JAPANESE, "euc_jp"), (WESTERN, "cp1252"), ("Café prices in Zürich rose again, naïve analysts said.", "latin-1")],
)
def test_other_legacy_encodings_are_not_read_as_chinese(text, codec):
    from summarize.decoding import decode_bytes

    assert decode_bytes(text.encode(codec)).text == text


def test_lines_in_gbk_among_utf8_lines_are_each_decoded_in_their_encoding():
    from summarize.decoding import decode_bytes

    lines = SAMPLE_TEXT.split("\n")
    middle = "\n".join(lines[10:20])
    data = "\n".join(lines[:10]).encode() + b"\n" + middle.encode("gbk") + b"\n" + "\n".join(lines[20:]).encode()
    decoded = decode_bytes(data)
    assert decoded.text == SAMPLE_TEXT and decoded.encoding == "utf-8+gb18030"
    assert decoded.warnings == [f"{sum(1 for line in lines[10:20] if not line.isascii())} line(s) are in gb18030, "
                                "the rest in UTF-8; each was decoded in its own encoding"]


def test_stray_nul_bytes_in_text_are_dropped_but_binary_is_refused():
    from summarize.decoding import NotTextError, decode_bytes

    data = SAMPLE_TEXT.encode()
    at = data.index("。".encode()) + 3
    decoded = decode_bytes(data[:at] + b"\x00" + data[at:])
    assert decoded.text == SAMPLE_TEXT and decoded.warnings == ["dropped 1 NUL byte(s)"]
    with pytest.raises(NotTextError):
        decode_bytes((b"\x00" * 50 + data[:200]) * 20)


def test_a_short_page_with_a_few_terminal_control_codes_is_text():
    """Colour codes, a bell and a backspace left in a scraped page (9 of 400 characters) are
    dropped, not taken for binary data."""
    from summarize.decoding import decode_bytes

    page = "前4月我市外贸进出口同比增长12.6%\n\n本报讯 记者从市商务局获悉，今年1至4月，我市实现外贸进出口总额856.3亿元。" * 3
    noisy = page.replace("。", "。\x1b[31m\x07\x08")
    decoded = decode_bytes(noisy.encode())
    assert decoded.text == page.replace("。", "。[31m")


def test_display_width_is_east_asian_width_for_every_character():
    import unicodedata

    from summarize.segmentation.lines import display_width

    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert display_width(char) == (2 if unicodedata.east_asian_width(char) in "WF" else 1), hex(code)
    assert display_width("中文“引号”—— abc　１２") == 4 + 1 + 4 + 1 + 2 + 1 + 3 + 2 + 4  # “”— are narrow
