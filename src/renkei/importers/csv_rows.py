"""A CSV file opened as text: its encoding found from its first bytes, its delimiter from its
first line, and its rows read one by one, each with where it is ("row 5") for messages."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Marked
from renkei.importers.files import CSV_FILE, check_size, refuse_binary
from renkei.importers.model import ImportProblem, Place, said

SAMPLE_BYTES = 64 * 1024
_SAVE_AS_UTF8 = QT_TRANSLATE_NOOP(
    "Import", "%1, row %2: the text is not valid %3 (byte %4); save the file as “CSV UTF-8”."
)
_NOT_ENCODING = QT_TRANSLATE_NOOP(
    "Import", "%1, row %2: the text is not %3 (%4); save the file as “CSV UTF-8”."
)

# The fields a column can feed, in the order the dialog offers them.


def detect_encoding(head: bytes, name: str) -> str:
    refuse_binary(head, name, CSV_FILE)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for encoding in ("utf-8", "cp932"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            decoder.decode(head, final=len(head) < SAMPLE_BYTES)
        except UnicodeDecodeError:
            continue
        return encoding
    raise ImportProblem(
        QT_TRANSLATE_NOOP(
            "Import",
            "%1 is neither UTF-8 nor Shift_JIS text. Save it from your spreadsheet as “CSV UTF-8”.",
        ),
        name,
    )


def open_csv(path: Path, encoding: str | None) -> tuple[io.TextIOWrapper, str, str]:
    check_size(path)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ImportProblem(
                QT_TRANSLATE_NOOP(
                    "Import", "%1 is not an encoding Python knows (e.g. utf-8, cp932)."
                ),
                repr(encoding[:40]),
            ) from None
    with path.open("rb") as raw:
        head = raw.read(SAMPLE_BYTES)
    found = encoding or detect_encoding(head, path.name)
    if encoding:
        refuse_binary(head, path.name, CSV_FILE)
    text = head.decode(found, errors="replace")
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    try:
        handle = path.open(encoding=found, newline="", errors="strict")
    except LookupError:
        unknown = QT_TRANSLATE_NOOP("Import", "%1 is not an encoding Python knows.")
        raise ImportProblem(unknown, repr(encoding)) from None
    return handle, found, delimiter


def csv_rows(handle, delimiter: str, name: str) -> Iterator[tuple[Marked, list[str]]]:
    """(where, cells) per row; where is "row 5" as a spreadsheet numbers it (the header is
    row 1), with the file's line when a cell spans lines."""
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as error:
            at = f"{number + 1:,}"
            raise ImportProblem(_SAVE_AS_UTF8, name, at, handle.encoding, error.start) from None
        except UnicodeError as error:  # e.g. "UTF-16 stream does not start with BOM"
            at = f"{number + 1:,}"
            raise ImportProblem(_NOT_ENCODING, name, at, handle.encoding, error) from None
        except csv.Error as error:
            reason = str(error)
            detail: Place = reason
            if "field larger" in reason:
                longer = QT_TRANSLATE_NOOP("Import", "a cell is longer than %1 characters")
                detail = said(longer, f"{csv.field_size_limit():,}")
            elif "end of data" in reason or "EOF" in reason:
                detail = said(
                    QT_TRANSLATE_NOOP(
                        "Import", "the file ends inside a quoted cell (is it cut off?)"
                    )
                )
            bad = QT_TRANSLATE_NOOP("Import", "%1, row %2: %3.")
            raise ImportProblem(bad, name, f"{number + 1:,}", detail) from None
        number += 1
        where = said(QT_TRANSLATE_NOOP("Import", "row %1"), f"{number:,}")
        if reader.line_num != number:
            spans = QT_TRANSLATE_NOOP("Import", "row %1 (line %2)")
            where = said(spans, f"{number:,}", f"{reader.line_num:,}")
        yield where, row
