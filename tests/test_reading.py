"""Input discovery, decoding and normalization (summarize/reading.py, summarize/decoding.py)."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from summarize.decoding import NotTextError, decode_bytes, normalize_text
from summarize.errors import InputError
from summarize.reading import InputRef, Source, discover, iter_sources, read_source
from summarize.script import _TRADITIONAL_ONLY, detect_script, has_han, to_simplified, to_traditional

SIMPLIFIED = (
    "本报讯 5月15日，记者从市科技局获悉，今年一季度我市科技创新投入达23.66亿元，同比增长17.9%。\n\n"
    "据了解，科技创新投入主要由政府科技投入和企业科技投入构成。“科创投入增长是系统性工作。”\n"
)
TRADITIONAL = (
    "本報訊 5月15日，記者從市科技局獲悉，今年一季度我市科技創新投入達23.66億元，同比增長17.9%。\n\n"
    "據了解，科技創新投入主要由政府科技投入和企業科技投入構成。「科創投入增長是系統性工作。」\n"
)


# --- decoding -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, text, expected",
    [
        ("utf-8", SIMPLIFIED, "utf-8"),
        ("utf-8-sig", SIMPLIFIED, "utf-8-sig"),
        ("utf-16", SIMPLIFIED, "utf-16"),  # with BOM (native order)
        ("utf-32", SIMPLIFIED, "utf-32"),
        ("gbk", SIMPLIFIED, "gb18030"),
        ("gb2312", SIMPLIFIED, "gb18030"),
        ("gb18030", SIMPLIFIED + "𠮷字在GB18030四字节区。", "gb18030"),
        ("big5", TRADITIONAL, "big5"),
        ("cp950", TRADITIONAL, "big5"),
        ("utf-8", TRADITIONAL, "utf-8"),
        ("gbk", TRADITIONAL, "gb18030"),  # Traditional characters encoded in GBK
    ],
)
def test_round_trip_of_real_sentences(encoding, text, expected):
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == expected
    assert decoded.warnings == []


@pytest.mark.parametrize("bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_with_explicit_bom_in_both_byte_orders(bom, codec):
    decoded = decode_bytes(bom + SIMPLIFIED.encode(codec))
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding == "utf-16"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec):
    decoded = decode_bytes(SIMPLIFIED.encode(codec))
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding == codec


@pytest.mark.parametrize("sentence", ["短句。", "义乌", "與市場迭代發展同行並進", "台湾", "记者龚盈盈"])
def test_short_legacy_texts_are_not_mistaken_for_other_codepages(sentence):
    for codec in ("gbk", "big5"):
        try:
            data = sentence.encode(codec)
        except UnicodeEncodeError:
            continue
        assert decode_bytes(data).text == sentence


def test_valid_utf8_is_never_sent_to_the_detector(monkeypatch):
    import summarize.decoding as decoding

    monkeypatch.setattr(decoding, "_detect_legacy", lambda data: pytest.fail("detector called"))
    assert decode_bytes("Á".encode()).text == "Á"  # two bytes that are also valid GBK
    assert decode_bytes("中文".encode()).encoding == "utf-8"


def test_invalid_bytes_inside_utf8_are_dropped_with_a_warning():
    good = SIMPLIFIED.encode()
    cut = good.index("科技局".encode())
    decoded = decode_bytes(good[:cut] + b"\xff\xfe\x80" + good[cut:])
    assert decoded.encoding == "utf-8"
    assert decoded.text == SIMPLIFIED
    assert len(decoded.warnings) == 1 and "3 invalid UTF-8" in decoded.warnings[0]


def test_latin1_english_is_decoded_with_a_western_codepage():
    decoded = decode_bytes("Café prices in Zürich rose again, naïve analysts said.".encode("latin-1"))
    assert decoded.text == "Café prices in Zürich rose again, naïve analysts said."


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x00\x01\x02\x03" * 100, "control"),  # NULs on one parity: tried as UTF-16, still binary
        (b"\x00abc\x00\x00d" * 100, "NUL"),
        (bytes(range(1, 9)) * 50 + b"abc", "control"),
        (bytes((i * 37) % 256 for i in range(4096)), "not a text file"),
    ],
)
def test_binary_data_is_not_text(data, words):
    with pytest.raises(NotTextError, match="not a text file") as info:
        decode_bytes(data)
    assert words in str(info.value)


def test_normalization_keeps_full_width_punctuation_and_drops_invisible_characters():
    raw = "标题\r\n\r\n正文，１２３ＡＢＣ！\u200b\u200c\u200d\u2060\ufeff\x07\ttab\x0cnext\x0bline\rend\u3000全角空格"
    assert normalize_text(raw) == "标题\n\n正文，１２３ＡＢＣ！ tab\x0cnext\nline\nend\u3000全角空格"
    assert normalize_text(normalize_text(raw)) == normalize_text(raw)


def test_normalization_does_not_copy_clean_text():
    clean = "干净的文本。\n" * 10
    assert normalize_text(clean) is clean


# --- script -------------------------------------------------------------------------------------


def test_script_detection():
    assert detect_script(SIMPLIFIED) == "simplified"
    assert detect_script(TRADITIONAL) == "traditional"
    assert detect_script("China's exports rose 8.1 percent in April, data showed.") == "other"
    assert detect_script("Apple 发布 new iPhone models on Tuesday in California with 中国 prices") == "other"
    assert detect_script("国务院 State Council 发布通知，要求各地做好防汛工作。") == "simplified"


def test_simplified_page_does_not_import_opencc():
    import subprocess

    code = (
        "import sys; from summarize.script import detect_script;"
        f"assert detect_script({SIMPLIFIED!r}) == 'simplified'; assert 'opencc' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_traditional_only_precheck_characters_are_all_traditional():
    chars = _TRADITIONAL_ONLY.pattern.strip("[]")
    assert to_simplified(chars) != chars
    assert all(to_simplified(c) != c for c in chars)


def test_conversion_keeps_length_and_non_han_characters():
    assert to_simplified(TRADITIONAL) == SIMPLIFIED.replace("“", "「").replace("”", "」")
    assert len(to_simplified(TRADITIONAL)) == len(TRADITIONAL)
    assert to_traditional("发展经验") == "發展經驗"
    assert has_han("abc中") and not has_han("abc 123")


# --- discovery ----------------------------------------------------------------------------------


def test_directories_expand_to_sorted_txt_files_recursively(tmp_path, monkeypatch):
    root = tmp_path / "pages"
    for name in ["b/2.txt", "b/1.TXT", "a.txt", "c/d/e.txt", "notes.md", ".hidden/x.txt", "b/.draft.txt"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("正文。", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    refs = discover(["pages"])
    assert [r.input for r in refs] == ["pages/a.txt", "pages/b/1.TXT", "pages/b/2.txt", "pages/c/d/e.txt"]
    assert [r.output_relpath for r in refs] == [Path("a.txt"), Path("b/1.TXT"), Path("b/2.txt"), Path("c/d/e.txt")]


def test_output_relpath_mirrors_the_tree_below_each_input_folder(tmp_path, monkeypatch):
    """pages/a/b.txt -> a/b.txt wherever pages is; several folders: one subfolder each; a file
    named on its own: its name; stdin: stdin.txt."""
    inside = tmp_path / "work"
    outside = tmp_path / "elsewhere" / "pages"
    for folder in (inside / "a" / "b", outside / "b"):
        folder.mkdir(parents=True)
        (folder / "page.txt").write_text("正文。", encoding="utf-8")
    monkeypatch.chdir(inside)
    assert [r.output_relpath for r in discover(["."])] == [Path("a/b/page.txt")]
    assert [r.output_relpath for r in discover(["a"])] == [Path("b/page.txt")]
    assert [r.output_relpath for r in discover([str(outside)])] == [Path("b/page.txt")]
    assert [r.output_relpath for r in discover(["../elsewhere/pages/"])] == [Path("b/page.txt")]
    assert [r.output_relpath for r in discover(["a", str(outside)])] == [Path("a/b/page.txt"), Path("pages/b/page.txt")]
    assert [r.output_relpath for r in discover([str(inside / "a" / "b" / "page.txt")])] == [Path("page.txt")]
    assert [r.output_relpath for r in discover([str(outside / "b" / "page.txt")])] == [Path("page.txt")]
    assert [r.output_relpath for r in discover(["-"])] == [Path("stdin.txt")]


def test_discovery_reports_bad_inputs_and_goes_on(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty-dir").mkdir()
    (tmp_path / "ok.txt").write_text("正文。", encoding="utf-8")
    items = discover(["missing.txt", "empty-dir", "ok.txt", "ok.txt", "./ok.txt"])
    assert len(items) == 3  # the same file named three times is read once
    missing, empty, ok = items
    assert isinstance(missing, InputError) and str(missing) == "missing.txt: no such file or directory. Check the path"
    assert isinstance(empty, InputError) and "empty-dir: directory has no .txt files" in str(empty)
    assert isinstance(ok, InputRef) and ok.input == "ok.txt"


# --- reading ------------------------------------------------------------------------------------


def _ref(path: Path) -> InputRef:
    return InputRef(str(path), path, Path(path.name))


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the input is empty"),
        (b" \n\t\r\n\xe3\x80\x80\n", "only whitespace"),  # U+3000 ideographic space too
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not a text file: it looks like a PNG image"),
    ],
)
def test_unreadable_contents_raise_one_line_input_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_source(_ref(path))
    text = str(info.value)
    assert message in text and str(path) in text and "\n" not in text


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("正文。", encoding="utf-8")
    path.chmod(0)
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root reads anything: make the OS say no
        def deny(self):
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(InputError) as info:
        read_source(_ref(path))
    assert str(info.value) == f"{path}: permission denied. Check its permissions"


def test_file_that_disappears_after_discovery(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text("正文。", encoding="utf-8")
    ref = discover([str(path)])[0]
    path.unlink()
    with pytest.raises(InputError, match="no such file"):
        read_source(ref)


def test_read_source_decodes_and_normalizes(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(TRADITIONAL.replace("\n", "\r\n").encode("big5"))
    source = read_source(_ref(path))
    assert isinstance(source, Source)
    assert source.text == TRADITIONAL and source.encoding == "big5" and source.warnings == []
    assert source.path == path and source.label == str(path)


def test_stdin_is_read_as_bytes(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SIMPLIFIED.encode("gb18030"))))
    (source,) = list(iter_sources(["-"]))
    assert source.text == SIMPLIFIED and source.input == "-" and source.path is None
    assert source.label == "stdin" and source.output_relpath == Path("stdin.txt")


def test_empty_stdin_is_an_error(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    (error,) = list(iter_sources(["-"]))
    assert isinstance(error, InputError) and str(error).startswith("stdin: the input is empty")


def test_iter_sources_yields_errors_in_place(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SIMPLIFIED, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    items = list(iter_sources([str(tmp_path / "nope.txt"), str(empty), str(good)]))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Source"]
