"""Checks every import makes before reading a file: its size and what it really is."""

from __future__ import annotations

from pathlib import Path

from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.importers.model import MAX_FILE_BYTES, MAX_FILE_TEXT, ImportProblem, Place, said

# What a file was expected to be, for "x.png is not a CSV file: …".
CSV_FILE = said(QT_TRANSLATE_NOOP("Import", "a CSV file"))
TRELLO_EXPORT = said(QT_TRANSLATE_NOOP("Import", "a Trello export"))

# Magic numbers of files people pick by mistake, and what to call them.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", QT_TRANSLATE_NOOP("Import", "a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("Import", "a JPEG image")),
    (b"GIF8", QT_TRANSLATE_NOOP("Import", "a GIF image")),
    (b"%PDF", QT_TRANSLATE_NOOP("Import", "a PDF document")),
    (
        b"PK\x03\x04",
        QT_TRANSLATE_NOOP(
            "Import", "a ZIP archive or an Excel workbook (.xlsx): save the sheet as CSV first"
        ),
    ),
    (
        b"\xd0\xcf\x11\xe0",
        QT_TRANSLATE_NOOP(
            "Import", "an old Excel or Word file (.xls/.doc): save the sheet as CSV first"
        ),
    ),
    (
        b"SQLite format 3\x00",
        QT_TRANSLATE_NOOP("Import", "an SQLite database (perhaps a Renkei board)"),
    ),
    (b"\x1f\x8b", QT_TRANSLATE_NOOP("Import", "a gzip-compressed file: unpack it first")),
)


def check_size(path: Path) -> int:
    """The file's size, or ImportProblem when it is missing, a folder, empty or too big."""
    try:
        if path.is_dir():
            raise ImportProblem(
                QT_TRANSLATE_NOOP("Import", "%1 is a folder, not a file."), path.name
            )
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportProblem(QT_TRANSLATE_NOOP("Import", "There is no file %1."), path) from None
    except OSError as error:
        raise unreadable(path.name, error) from None
    if size == 0:
        raise empty(path.name)
    if size > MAX_FILE_BYTES:
        raise ImportProblem(
            QT_TRANSLATE_NOOP(
                "Import",
                "%1 is %2 MB; imports are limited to %3. Export fewer boards or projects at a "
                "time.",
            ),
            path.name,
            f"{size / 1024 / 1024:.0f}",
            MAX_FILE_TEXT,
        )
    return size


def read_bytes(path: Path) -> bytes:
    check_size(path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise unreadable(path.name, error) from None


def unreadable(name: str, error: OSError) -> ImportProblem:
    """The system's reason (its own words) why ``name`` cannot be read."""
    reason = error.strerror or str(error)
    return ImportProblem(QT_TRANSLATE_NOOP("Import", "%1 cannot be read: %2."), name, reason)


def empty(name: str) -> ImportProblem:
    return ImportProblem(QT_TRANSLATE_NOOP("Import", "%1 is empty."), name)


def refuse_binary(head: bytes, name: str, expected: Place) -> None:
    """A file that is really an image, a PDF, a workbook… is named for what it is."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ImportProblem(
                QT_TRANSLATE_NOOP("Import", "%1 is not %2: it is %3."), name, expected, said(what)
            )
    sample = head[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportProblem(
            QT_TRANSLATE_NOOP("Import", "%1 is not %2: it holds binary data, not text."),
            name,
            expected,
        )
