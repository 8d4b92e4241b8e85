"""Finding report files and decoding them into text, with a clear error for each bad file."""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from pathlib import Path

MAX_REPORT_BYTES = 10 * 1024 * 1024  # far beyond any live blog; keeps a stray dump out
REPORT_SUFFIX = ".txt"


class ReportFileError(ValueError):
    """A report file that cannot be imported, with the reason in words."""


def report_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The report files named: files as given, folders expanded to their .txt files."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob(f"*{REPORT_SUFFIX}") if p.is_file()))
        else:
            found.append(path)
    return found


def read_report_file(path: Path) -> str:
    """The text of a report file, or ReportFileError saying why it cannot be read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReportFileError("no such file") from None
    except OSError as exc:
        raise ReportFileError(f"cannot read the file: {exc.strerror}") from None
    if size > MAX_REPORT_BYTES:
        raise ReportFileError(
            f"file is {size / 1_048_576:.1f} MB; reports are limited to "
            f"{MAX_REPORT_BYTES // 1_048_576} MB"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportFileError(f"cannot read the file: {exc.strerror}") from None
    return decode_report(data)


def decode_report(data: bytes) -> str:
    """Decode a report: UTF-8 (BOM optional), UTF-16 with a BOM, or Windows-1252."""
    if not data.strip():
        raise ReportFileError("file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReportFileError("file has a UTF-16 mark but is not valid UTF-16") from None
    if b"\x00" in data:
        raise ReportFileError("file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # Old Windows tools still save reports this way; ftfy repairs the rest later.
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ReportFileError("file is neither UTF-8, UTF-16 nor Windows-1252 text") from None
    if _control_ratio(text) > 0.01:
        raise ReportFileError("file is binary, not text")
    return text


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(text)
