"""The window's exports refuse what the command line refuses (renkei.files), and say why in a
message box in the user's language — never a traceback, and the file is left as it was."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from renkei.ui.dialogs import export_pdf as export_pdf_dialog
from renkei.ui.dialogs import import_dialog
from renkei.ui.dialogs.export_pdf import ExportOptionsDialog, export_with_progress
from renkei.ui.file_actions import add_file_actions


@pytest.fixture
def shown(monkeypatch):
    """The texts of the warnings the dialogs show."""
    texts: list[str] = []

    def warn(parent, title, text):
        texts.append(text)

    monkeypatch.setattr(export_pdf_dialog.QMessageBox, "warning", warn)
    monkeypatch.setattr(import_dialog.QMessageBox, "warning", warn)
    return texts


def _read_only(path):
    path.write_bytes(b"the approved version\n")
    path.chmod(0o444)
    return path


def test_the_pdf_export_refuses_a_read_only_file(qtbot, demo_session, tmp_path, shown):
    host = QWidget()
    qtbot.addWidget(host)
    out = _read_only(tmp_path / "status.pdf")
    options = ExportOptionsDialog(demo_session).options()
    assert not export_with_progress(host, demo_session, out, options)
    assert shown == [
        f"Could not write {out}: it is a read-only file; it was left as it is. Choose another "
        "name, or make the file writable first."
    ]
    assert out.read_bytes() == b"the approved version\n"


def test_file_export_tasks_as_csv_refuses_a_fifo(qtbot, demo_session, tmp_path, monkeypatch, shown):
    """The whole gesture from the File menu, onto a named pipe: refused, the pipe kept."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.session = demo_session
    menu = QMenu("File", window)
    add_file_actions(window, menu)
    fifo = tmp_path / "tasks.csv"
    os.mkfifo(fifo)
    monkeypatch.setattr(import_dialog, "choose_export_path", lambda parent, session: (fifo, True))
    next(a for a in menu.actions() if a.text() == "Export tasks as &CSV…").trigger()
    assert len(shown) == 1 and "it is not a regular file" in shown[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_the_reason_is_in_japanese(qtbot, demo_session, tmp_path, shown, japanese_ui):
    host = QWidget()
    qtbot.addWidget(host)
    out = _read_only(tmp_path / "tasks.csv")
    assert not import_dialog.export_tasks(host, demo_session, out, excel=False)
    assert len(shown) == 1 and "読み取り専用のファイルです" in shown[0], shown
