"""Every control one can reach by keyboard has a name a screen reader can say: the main
window (its three tabs and the detail pane) and every dialog it opens. The name is what Qt's
accessibility interface gives (an accessible name set, a button's text, or a label whose
buddy the control is)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QCheckBox, QWidget

from renkei.ui.main_window import MainWindow


def unnamed(top: QWidget) -> list[str]:
    """The focusable, shown controls of ``top`` without a name: "Class (parent class)"."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            continue
        if widget.focusProxy() is not None:  # the proxy is the stop, and is checked itself
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            parent = type(widget.parentWidget()).__name__
            hint = widget.toolTip() or getattr(widget, "placeholderText", str)()
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {parent} {hint!r}")
    return found


@pytest.fixture
def window(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_control_of_the_main_window_is_named(qtbot, window):
    """Board, Timeline and Handoffs, with a card chosen (the detail pane filled in)."""
    window.board_view.set_current_task(next(iter(window.model.task_ids())))
    missing = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        missing += unnamed(window)
    assert sorted(set(missing)) == [], "\n".join(sorted(set(missing)))


def open_handoff(board):
    return next(h for h in sorted(board.handoffs.values(), key=lambda h: h.id) if h.state.is_open)


def dialogs(session, window):
    """Every dialog the window can open, made directly (name, dialog)."""
    from importers_data import JIRA_SJIS, TRELLO_SAMPLE
    from renkei.app.settings import LocalSettings
    from renkei.ui.dialogs.about import AboutDialog
    from renkei.ui.dialogs.connect import ConnectDialog
    from renkei.ui.dialogs.export_pdf import ExportOptionsDialog
    from renkei.ui.dialogs.handoff_dialogs import (
        AnswerQuestionDialog,
        AskAboutItemDialog,
        RejectHandoffDialog,
        ReturnHandoffDialog,
        SendHandoffDialog,
    )
    from renkei.ui.dialogs.identity import IdentityDialog
    from renkei.ui.dialogs.import_dialog import ImportDialog
    from renkei.ui.dialogs.merge_copies import MergeOffer
    from renkei.ui.dialogs.move_to_server import MoveToServerDialog
    from renkei.ui.dialogs.preferences import PreferencesDialog
    from renkei.ui.dialogs.shortcuts import ShortcutsDialog
    from renkei.ui.dialogs.standup_order import StandupOrderDialog
    from renkei.ui.dialogs.task_editor import TaskEditor
    from renkei.ui.dialogs.template_editor import TemplateEditor
    from renkei.ui.file_actions import CSV, TRELLO

    board = session.board
    task = next(t for t in board.tasks.values() if t.start is not None and t.due is not None)
    handoff = open_handoff(board)
    sender = next(iter(board.people.values()))
    teams = [t.id for t in board.ordered_teams()]
    yield "task editor", TaskEditor(session, task.id)
    yield "new task", TaskEditor(session, None)
    yield "send handoff", SendHandoffDialog(board, task.id, sender.id)
    yield "reject handoff", RejectHandoffDialog(board, handoff)
    yield "return handoff", ReturnHandoffDialog(board, handoff)
    yield "ask about an item", AskAboutItemDialog(board, handoff)
    yield "answer a question", AnswerQuestionDialog(board, handoff)
    yield "about", AboutDialog("demo.renkei")
    yield "connect", ConnectDialog()
    yield "export PDF", ExportOptionsDialog(session)
    yield "identity", IdentityDialog(session)
    yield "import CSV", ImportDialog(session, CSV, JIRA_SJIS)
    yield "import Trello", ImportDialog(session, TRELLO, TRELLO_SAMPLE)
    yield "merge offer", MergeOffer([])
    yield "move to server", MoveToServerDialog("demo.renkei")
    yield "preferences", PreferencesDialog(LocalSettings(), save=False)
    yield "shortcuts", ShortcutsDialog(window)
    yield "standup order", StandupOrderDialog(board, teams)
    yield "templates", TemplateEditor(session)


def test_every_control_of_every_dialog_is_named(qtbot, window, demo_session):
    missing = []
    for name, dialog in dialogs(demo_session, window):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        missing += [f"{name}: {what}" for what in unnamed(dialog)]
        # What a ticked box reveals (a date, the "add me" form, a reason) is named too.
        for box in dialog.findChildren(QCheckBox):
            if box.isVisible() and box.isEnabled() and not box.isChecked():
                box.setChecked(True)
        qtbot.wait(10)
        missing += [f"{name}, boxes ticked: {what}" for what in unnamed(dialog)]
        dialog.hide()
    assert sorted(set(missing)) == [], "\n".join(sorted(set(missing)))
