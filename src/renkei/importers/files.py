"""Checks every import makes before reading a file: its size and what it really is."""

from __future__ import annotations

from pathlib import Path

from renkei.importers.model import MAX_FILE_BYTES, MAX_FILE_TEXT, ImportProblem

# Magic numbers of files people pick by mistake, and what to call them.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Excel workbook (.xlsx): save the sheet as CSV first"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file (.xls/.doc): save the sheet as CSV first"),
    (b"SQLite format 3\x00", "an SQLite database (perhaps a Renkei board)"),
    (b"\x1f\x8b", "a gzip-compressed file: unpack it first"),
)


def check_size(path: Path) -> int:
    """The file's size, or ImportProblem when it is missing, a folder, empty or too big."""
    try:
        if path.is_dir():
            raise ImportProblem(f"{path.name} is a folder, not a file.")
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportProblem(f"There is no file {path}.") from None
    except OSError as error:
        raise ImportProblem(f"{path.name} cannot be read: {error.strerror or error}.") from None
    if size == 0:
        raise ImportProblem(f"{path.name} is empty.")
    if size > MAX_FILE_BYTES:
        raise ImportProblem(
            f"{path.name} is {size / 1024 / 1024:.0f} MB; imports are limited to "
            f"{MAX_FILE_TEXT}. Export fewer boards or projects at a time."
        )
    return size


def read_bytes(path: Path) -> bytes:
    check_size(path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise ImportProblem(f"{path.name} cannot be read: {error.strerror or error}.") from None


def refuse_binary(head: bytes, name: str, expected: str) -> None:
    """A file that is really an image, a PDF, a workbook… is named for what it is."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ImportProblem(f"{name} is not {expected}: it is {what}.")
    sample = head[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportProblem(f"{name} is not {expected}: it holds binary data, not text.")
