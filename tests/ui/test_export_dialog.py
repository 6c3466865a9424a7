"""File → Export status as PDF: options, progress, cancel — from the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget

from renkei.ui.dialogs.export_pdf import ExportOptionsDialog, export_with_progress

pytestmark = pytest.mark.usefixtures("poppler")


def test_options_name_the_team_and_the_paper(qtbot, demo_session):
    dialog = ExportOptionsDialog(demo_session)
    qtbot.addWidget(dialog)
    team = demo_session.board.find_team("Inside Sales")
    dialog.team_combo.setCurrentIndex(dialog.team_combo.findData(team.id))
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("letter"))
    options = dialog.options()
    assert (options.team_id, options.paper) == (team.id, "letter")


def test_the_export_writes_the_report(qtbot, demo_session, tmp_path):
    host = QWidget()
    qtbot.addWidget(host)
    out = tmp_path / "status.pdf"
    assert export_with_progress(
        host, demo_session, out, ExportOptionsDialog(demo_session).options()
    )
    assert out.read_bytes().startswith(b"%PDF")


def test_cancelling_leaves_nothing_behind(qtbot, demo_session, tmp_path, monkeypatch):
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    host = QWidget()
    qtbot.addWidget(host)
    out = tmp_path / "status.pdf"
    options = ExportOptionsDialog(demo_session).options()
    before = set(tmp_path.iterdir())  # the board file lives here too
    assert not export_with_progress(host, demo_session, out, options)
    assert set(tmp_path.iterdir()) == before
