import codecs

import pytest

from timeline.report_files import (
    MAX_REPORT_BYTES,
    ReportFileError,
    decode_report,
    read_report_file,
    report_paths,
)

TEXT = "---\npublished: 2022-05-18\n---\nKyiv’s mayor said the city was calm.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its BOM
        TEXT.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be"],
)
def test_unicode_encodings_decode_to_the_same_text(data):
    assert decode_report(data) == TEXT


def test_windows_1252_is_decoded():
    assert decode_report(TEXT.encode("cp1252")) == TEXT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20 + b"text", "binary"),
        (b"abc \x81\x8d\x8f\x90\x9d", "neither UTF-8"),
    ],
    ids=["empty", "blank", "png", "control-chars", "undecodable"],
)
def test_bad_bytes_are_refused_with_a_reason(data, message):
    with pytest.raises(ReportFileError, match=message):
        decode_report(data)


def test_missing_file(tmp_path):
    with pytest.raises(ReportFileError, match="no such file"):
        read_report_file(tmp_path / "nope.txt")


def test_oversized_file(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_REPORT_BYTES + 1))
    with pytest.raises(ReportFileError, match="limited to"):
        read_report_file(big)


def test_folders_expand_to_sorted_txt_files(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "notes.md").write_text("skip")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("c")
    single = tmp_path / "notes.md"
    found = report_paths([tmp_path, single])
    assert [p.name for p in found] == ["a.txt", "b.txt", "c.txt", "notes.md"]
