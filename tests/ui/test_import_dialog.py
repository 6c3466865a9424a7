"""File → Import and File → Export tasks as CSV, driven through the dialog's methods."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressDialog, QWidget

from importers_data import JIRA_SJIS, TRELLO_SAMPLE
from renkei.ui.dialogs import import_dialog
from renkei.ui.dialogs.import_dialog import ImportDialog
from renkei.ui.file_actions import CSV, TRELLO, add_file_actions


def _counts(session):
    board = session.store.load()
    return board.revision, len(board.tasks), len(board.statuses), len(board.people)


def test_trello_mapping_proposes_statuses_and_imports(qtbot, demo_session, shots):
    """The lists find the board's columns by meaning; a list may go to a new status; the
    summary says what happened and the session shows the new tasks."""
    dialog = ImportDialog(demo_session, TRELLO, TRELLO_SAMPLE)
    qtbot.addWidget(dialog)
    dialog.load()
    proposed = [combo.currentData() for combo in dialog.list_combos.values()]
    assert proposed == ["Backlog", "To do", "In progress", "Done"]
    intro = dialog.statuses_intro.text()
    assert "Simple Project Board" in intro and "10 cards" in intro
    brainstorm = next(iter(dialog.list_combos.values()))
    brainstorm.setCurrentIndex(brainstorm.findData("BRAINSTORM 🤔"))
    dialog.show()
    dialog.grab().save(str(shots / "import_trello_mapping.png"))
    dialog.start_import()
    assert dialog.summary is not None and dialog.summary.added == 10
    text = dialog.result_label.text()
    assert "10 tasks added, 0 updated, 17 history entries, 0 handoffs." in text
    assert "1 new statuses" in text and dialog.close_button.isVisible()
    qtbot.waitUntil(lambda: dialog.close_button.geometry().width() > 0)
    dialog.grab().save(str(shots / "import_trello_summary.png"))
    board = demo_session.board
    assert board.find_status("BRAINSTORM 🤔") is not None
    assert sum(1 for t in board.tasks.values() if t.source_id) == 10


def test_csv_mapping_shows_encoding_columns_and_first_rows(qtbot, demo_session, shots):
    dialog = ImportDialog(demo_session, CSV, JIRA_SJIS)
    qtbot.addWidget(dialog)
    dialog.load()
    assert "cp932" in dialog.columns_intro.text() and "Jira export" in dialog.columns_intro.text()
    assert dialog.field_combos["Summary"].currentData() == "title"
    assert dialog.field_combos["Labels"].currentData() == "tags"
    table = dialog.columns_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Summary")
    assert "ミナト製薬 見積書の作成" in table.item(row, 2).text()
    combo = dialog.field_combos["Issue Type"]
    combo.setCurrentIndex(combo.findData("tags"))
    dialog.show()
    dialog.grab().save(str(shots / "import_csv_mapping.png"))
    summary = dialog.run()
    assert summary.added == 8
    task = next(t for t in demo_session.board.tasks.values() if t.source_id == "jira:CS-7")
    assert "Story" in task.tags


def test_a_mapping_without_titles_is_refused_and_nothing_changes(qtbot, demo_session):
    dialog = ImportDialog(demo_session, CSV, JIRA_SJIS)
    qtbot.addWidget(dialog)
    dialog.load()
    before = _counts(demo_session)
    combo = dialog.field_combos["Summary"]
    combo.setCurrentIndex(combo.findData("ignore"))
    dialog.next_step()
    assert "Nothing was imported" in dialog.result_label.text()
    assert "no column holds the task titles" in dialog.error
    assert _counts(demo_session) == before


def test_cancelling_the_import_leaves_the_board_unchanged(qtbot, demo_session, monkeypatch):
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    dialog = ImportDialog(demo_session, TRELLO, TRELLO_SAMPLE)
    qtbot.addWidget(dialog)
    dialog.load()
    before = _counts(demo_session)
    dialog.start_import()
    assert "cancelled" in dialog.result_label.text() and dialog.summary is None
    assert _counts(demo_session) == before


def test_ask_picks_a_file_and_refuses_a_broken_one(qtbot, demo_session, tmp_path, monkeypatch):
    """The whole gesture through the ask() seam: a PNG named .json is refused with a message."""
    host = QWidget()
    qtbot.addWidget(host)
    broken = tmp_path / "board.json"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, p, k: broken))
    shown = []
    monkeypatch.setattr(
        import_dialog.QMessageBox, "warning", lambda parent, title, text: shown.append(text)
    )
    assert ImportDialog.ask(host, demo_session, TRELLO) is None
    assert shown and "PNG image" in shown[0]

    def exec_(dialog):
        dialog.start_import()
        return 1

    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, p, k: TRELLO_SAMPLE))
    monkeypatch.setattr(ImportDialog, "exec", exec_)
    summary = ImportDialog.ask(host, demo_session, TRELLO)
    assert summary is not None and summary.added == 10


def test_file_menu_gains_import_and_csv_export(qtbot, demo_session, tmp_path, monkeypatch):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.session = demo_session
    menu = QMenu("File", window)
    add_file_actions(window, menu)
    texts = [a.text() for a in menu.actions()]
    assert "&Import" in texts and "Export tasks as &CSV…" in texts
    submenu = next(a.menu() for a in menu.actions() if a.text() == "&Import")
    assert [a.text() for a in submenu.actions()] == [
        "&Trello board…",
        "&CSV file (Jira, spreadsheet)…",
    ]
    out = tmp_path / "tasks.csv"
    monkeypatch.setattr(import_dialog, "choose_export_path", lambda parent, session: (out, True))
    next(a for a in menu.actions() if a.text() == "Export tasks as &CSV…").trigger()
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,source,title,status")
    assert data.count(b"\n") > 60


@pytest.mark.parametrize("excel", [True, False])
def test_export_tasks_writes_utf8_with_or_without_bom(qtbot, demo_session, tmp_path, excel):
    host = QWidget()
    qtbot.addWidget(host)
    out = tmp_path / "t.csv"
    assert import_dialog.export_tasks(host, demo_session, out, excel)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") == excel


def test_csv_next_offers_the_status_values(qtbot, demo_session, shots):
    """Next reads the file with the chosen columns and offers its status values: by meaning
    (In Review → Waiting, 完了 → Done), a new status for the rest; then Import."""
    dialog = ImportDialog(demo_session, CSV, JIRA_SJIS)
    qtbot.addWidget(dialog)
    dialog.load()
    assert dialog.import_button.text() == "Next"
    dialog.next_step()
    assert dialog.pages.currentIndex() == ImportDialog.STATUSES
    assert dialog.import_button.text() == "Import"
    chosen = {c.name: dialog.list_combos[c.key].currentData() for c in dialog.plan.columns}
    assert chosen["In Review"] == "Waiting" and chosen["完了"] == "Done"
    assert chosen["Waiting for customer"] == "Waiting for customer"
    assert "8 rows with 8 status values" in dialog.statuses_intro.text()
    waiting = dialog.list_combos["waiting for customer"]
    waiting.setCurrentIndex(waiting.findData("Waiting"))
    dialog.show()
    dialog.grab().save(str(shots / "import_csv_statuses.png"))
    dialog.next_step()
    assert dialog.summary is not None and dialog.summary.added == 8
    assert dialog.summary.statuses == 0
    task = next(t for t in demo_session.board.tasks.values() if t.source_id == "jira:CS-7")
    assert demo_session.board.statuses[task.status_id].name == "Waiting"
