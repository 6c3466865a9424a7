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


def test_a_leads_health_and_the_appendix_reach_the_pdf(qtbot, demo_session, tmp_path):
    import subprocess

    from renkei.domain.health import Health, StatusLine

    dialog = ExportOptionsDialog(demo_session)
    qtbot.addWidget(dialog)
    rows = {name: (combo, line) for _k, _i, name, combo, line in dialog.status_rows}
    combo, line = rows["Field Sales"]
    assert not line.isEnabled()  # "Computed" until a word is chosen
    combo.setCurrentIndex(combo.findData(Health.OFF_TRACK))
    assert line.isEnabled()
    line.setText("waiting for legal review")
    dialog.full_check.setChecked(True)
    options = dialog.options()
    team = demo_session.board.find_team("Field Sales")
    assert options.full
    assert options.statuses == (
        ("team", team.id, StatusLine("Field Sales", Health.OFF_TRACK, "waiting for legal review")),
    )
    host = QWidget()
    qtbot.addWidget(host)
    out = tmp_path / "status.pdf"
    assert export_with_progress(host, demo_session, out, options)
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True
    ).stdout
    assert "waiting for legal review" in first
    assert "Set by the lead" in first
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert int(info.split("Pages:")[1].split()[0]) > 2  # the appendix follows the summary
