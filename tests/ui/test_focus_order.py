"""Dialogs tab in the order they are read, with no invisible stop: the task editor, the
send-handoff dialog, the detail pane."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from renkei.ui.dialogs.send_handoff import SendHandoffDialog
from renkei.ui.dialogs.task_editor import TaskEditor

DISCOVERY = "Discovery meeting with Minato Pharma"  # owned by Ryo Ito


@pytest.fixture
def shown(qtbot):
    def make(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        widget.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        return widget

    return make


def tab_walk(qtbot, start: QWidget, steps: int) -> list[QWidget]:
    """Focus on ``start``, then Tab ``steps`` times: where the focus went, one per key."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_the_task_editor_tabs_down_the_fields_then_the_list_then_flag_and_description(
    qtbot, demo_session, shown
):
    """Title, Status, Team, Owner, Project, Priority, Start, Due, Progress, Estimate, Tags as
    the labels go down the left; then what it waits for on the right; then the flag and the
    description below; then the buttons. Before, Description came second."""
    board = demo_session.board
    task = next(t for t in board.tasks.values() if t.due is not None and t.start is not None)
    editor = shown(TaskEditor(demo_session, task.id))
    e = editor
    # A date field takes a Tab per section (year, month, day) before it lets go: one stop.
    walked = tab_walk(qtbot, e.title_edit, 26)
    seen = [w for i, w in enumerate(walked) if i == 0 or w is not walked[i - 1]]
    expected = [
        e.status_combo,
        e.team_combo,
        e.owner_combo,
        e.project_combo,
        e.priority_combo,
        e.start_edit.check,
        e.start_edit.edit,
        e.due_edit.check,
        e.due_edit.edit,
        e.progress_slider,
        e.progress_spin,
        e.estimate_spin,
        e.tags_edit,
        e.dependency_search,
        e.dependency_only_checked,
        e.dependency_list,
        e.flag_check,
        e.flag_reason,
        e.description_edit,
    ]
    if not e.flag_reason.isEnabled():  # the reason is asked only once the box is ticked
        expected.remove(e.flag_reason)
    assert seen[: len(expected)] == expected
    assert seen[len(expected)] in e.buttons.buttons()


def test_the_send_dialog_goes_from_kind_to_the_packet_fields_then_the_note(
    qtbot, demo_session, shown
):
    """No stop between Kind and the first packet field (the scroll area took one, and what
    was typed there went nowhere); the note comes after the last field."""
    board = demo_session.board
    task = next(t for t in board.tasks.values() if t.title == DISCOVERY)
    sender = board.find_person("Ryo Ito")
    dialog = shown(SendHandoffDialog(board, task.id, sender.id))
    fields = list(dialog.item_edits.values())
    assert len(fields) >= 2
    seen = tab_walk(qtbot, dialog.template_combo, len(fields) + 1)
    assert seen == [*fields, dialog.note_edit]
    assert not dialog.packet_scroll.focusPolicy() & Qt.FocusPolicy.TabFocus
