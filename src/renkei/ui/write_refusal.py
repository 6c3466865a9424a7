"""Why an export could not be written, in the user's language.

renkei.files refuses a folder, a device, a read-only file… with an English sentence for the
command line and a ``kind`` for windows; this turns the kind into the window's words. Any other
error keeps the operating system's own wording, as before."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from renkei.files import UnsafeTarget
from renkei.i18n import arg


def write_error_text(error: OSError) -> str:
    if not isinstance(error, UnsafeTarget):
        return error.strerror or str(error)
    folder = str(error.path.parent)
    if error.kind == "folder":
        return QCoreApplication.translate(
            "WriteRefusal", "it is a folder; nothing was written. Give a file name."
        )
    if error.kind == "special":
        return QCoreApplication.translate(
            "WriteRefusal",
            "it is not a regular file (a device, pipe or socket); it was left as it is. "
            "Choose a file name.",
        )
    if error.kind == "read_only":
        return QCoreApplication.translate(
            "WriteRefusal",
            "it is a read-only file; it was left as it is. Choose another name, or make the "
            "file writable first.",
        )
    if error.kind == "read_only_folder":
        return arg(
            QCoreApplication.translate(
                "WriteRefusal",
                "the folder %1 is read-only for you; nothing was written. Choose another folder.",
            ),
            folder,
        )
    if error.kind == "no_folder":
        return arg(
            QCoreApplication.translate(
                "WriteRefusal", "the folder %1 does not exist; nothing was written."
            ),
            folder,
        )
    if error.kind == "loop":
        return QCoreApplication.translate(
            "WriteRefusal", "it is a symbolic link that leads round in a loop; nothing was written."
        )
    return error.strerror or str(error)
