"""The task editor: every field, checked as you type, saved as one signed, conflict-aware edit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from renkei.domain.commands import set_task
from renkei.domain.model import Priority
from renkei.store.board_store import BoardStore
from renkei.ui.dialogs.task_editor import TaskEditor


def task_titled(board, title):
    return next(t for t in board.tasks.values() if t.title == title)


@pytest.fixture
def open_editor(qtbot):
    def make(session, task_id=None, defaults=None):
        editor = TaskEditor(session, task_id, defaults)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return make


def when_shown(kind, action, tries=200):
    """Run ``action(dialog)`` once a modal ``kind`` dialog is up (the seams call exec())."""

    def poll(left=tries):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            action(dialog)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def test_edit_saves_changed_fields_signed_by_the_user(demo_session, open_editor):
    """Changing title, due date and owner writes exactly those three Activity rows, by the actor."""
    board = demo_session.board
    task = task_titled(board, "Enterprise proposal for Minato Pharma")
    kenta = board.find_person("Kenta Mori")
    before = len(demo_session.history(task.id))
    editor = open_editor(demo_session, task.id)

    editor.title_edit.setText("Enterprise proposal v2 for Minato Pharma")
    editor.due_edit.set_date(task.due + timedelta(days=5))
    editor.owner_combo.setCurrentIndex(editor.owner_combo.findData(kenta.id))
    editor.accept()

    assert editor.result() == QDialog.DialogCode.Accepted and editor.saved
    saved = demo_session.board.tasks[task.id]
    assert saved.title == "Enterprise proposal v2 for Minato Pharma"
    assert saved.due == task.due + timedelta(days=5)
    assert saved.owner_id == kenta.id
    rows = demo_session.history(task.id)[before:]
    assert {row.field for row in rows} == {"title", "due", "owner_id"}
    assert {row.actor_id for row in rows} == {demo_session.actor_id}
    assert demo_session.undo_label() == "Edit task"


def test_saving_without_changes_writes_nothing(demo_session, open_editor):
    """OK on an untouched task closes the dialog and adds no Activity, even when the stored
    estimate has more decimals than shown and the description has Windows line ends."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    demo_session.apply(set_task(task, estimate_hours=7.25, description="31 leads.\r\nOn hold."))
    task = demo_session.board.tasks[task.id]
    before = demo_session.history(task.id)
    editor = open_editor(demo_session, task.id)
    editor.accept()
    assert editor.result() == QDialog.DialogCode.Accepted and not editor.saved
    assert demo_session.history(task.id) == before


def test_empty_title_disables_ok_and_says_why(demo_session, open_editor):
    """Clearing the title disables Save and shows that a title is required."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    editor = open_editor(demo_session, task.id)
    editor.title_edit.clear()
    assert not editor.ok_button.isEnabled()
    assert "A title is required." in editor.message()
    editor.accept()
    assert editor.isVisible() and demo_session.board.tasks[task.id].title == task.title
    editor.title_edit.setText("Qualify leads")
    assert editor.ok_button.isEnabled() and editor.message() == ""


def test_control_characters_are_refused_inline(demo_session, open_editor):
    """A control character pasted into the title, description or a tag is named before saving,
    by the same field checks the store and the command line use."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    editor = open_editor(demo_session, task.id)
    editor.title_edit.setText("Qualify\x01 leads")
    assert "The title holds a character that cannot be saved" in editor.message()
    assert not editor.ok_button.isEnabled()
    editor.title_edit.setText("Qualify leads")
    editor.description_edit.setPlainText("Line one\n\tindented\x1b[0m")
    assert "The description holds a character that cannot be saved" in editor.message()
    editor.description_edit.setPlainText("Line one\n\tindented")
    editor.tags_edit.setText("lead, ph\x07one")
    assert "The tag “ph\x07one” holds a character that cannot be saved." in editor.message()
    editor.tags_edit.setText("lead, phone")
    assert editor.ok_button.isEnabled() and editor.message() == ""


def test_overlong_title_and_tags_are_refused_inline(demo_session, open_editor):
    """A 201-character title, a 41-character tag and 21 tags are each named before saving."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    editor = open_editor(demo_session, task.id)
    editor.title_edit.setText("x" * 201)
    assert "too long: 201 characters, at most 200" in editor.message()
    editor.title_edit.setText("x" * 200)
    editor.tags_edit.setText("y" * 41)
    assert "at most 40 characters" in editor.message() and not editor.ok_button.isEnabled()
    editor.tags_edit.setText(", ".join(f"t{i}" for i in range(21)))
    assert "Too many tags: 21, at most 20." in editor.message()
    editor.tags_edit.setText("a, b, a")
    assert editor.ok_button.isEnabled()


def test_due_before_start_is_refused(demo_session, open_editor):
    """A due date before the start date disables Save; clearing the start date allows it."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    editor = open_editor(demo_session, task.id)
    editor.due_edit.set_date(task.start - timedelta(days=1))
    assert not editor.ok_button.isEnabled()
    assert "The due date is before the start date." in editor.message()
    editor.accept()
    assert editor.isVisible()

    editor.start_edit.check.setChecked(False)  # start is optional
    assert editor.ok_button.isEnabled()
    editor.accept()
    saved = demo_session.board.tasks[task.id]
    assert saved.start is None and saved.due == task.start - timedelta(days=1)


def test_flag_needs_a_reason_and_saves_a_risk_flag(demo_session, open_editor):
    """Ticking "Flag as at risk" needs a reason; saving stores a RiskFlag set by the user."""
    task = task_titled(demo_session.board, "Write call script for webinar leads")
    assert task.flag is None
    editor = open_editor(demo_session, task.id)
    editor.flag_check.setChecked(True)
    assert not editor.ok_button.isEnabled()
    assert "Say why the task is at risk" in editor.message()
    editor.flag_reason.setText("Script owner is out sick this week")
    assert editor.ok_button.isEnabled()
    editor.accept()

    flag = demo_session.board.tasks[task.id].flag
    assert flag.reason == "Script owner is out sick this week"
    assert flag.set_by == demo_session.actor_id and flag.set_at is not None
    assert demo_session.history(task.id)[-1].field == "flag"


def test_unticking_the_flag_clears_it(demo_session, open_editor):
    """A flagged task whose box is unticked is saved without a flag."""
    task = task_titled(demo_session.board, "Enterprise proposal for Minato Pharma")
    assert task.flag is not None
    editor = open_editor(demo_session, task.id)
    editor.flag_check.setChecked(False)
    editor.accept()
    assert demo_session.board.tasks[task.id].flag is None


def test_create_mode_uses_the_defaults(demo_session, open_editor):
    """A new task starts from the given status, team and owner and is created by the actor."""
    board = demo_session.board
    todo = board.find_status("To do")
    team = board.find_team("Inside Sales")
    yuki = board.find_person("Yuki Tanaka")
    editor = open_editor(
        demo_session, None, {"status_id": todo.id, "team_id": team.id, "owner_id": yuki.id}
    )
    assert editor.status_combo.currentData() == todo.id
    assert editor.team_combo.currentData() == team.id
    assert editor.owner_combo.currentText() == "Yuki Tanaka — Inside Sales"
    assert not editor.ok_button.isEnabled()  # no title yet

    editor.title_edit.setText("Call back Hoshi Media")
    editor.priority_combo.setCurrentIndex(editor.priority_combo.findData(Priority.HIGH))
    editor.tags_edit.setText("callback, media")
    editor.accept()

    created = demo_session.board.tasks[editor.created_id]
    assert (created.title, created.status_id, created.team_id, created.owner_id) == (
        "Call back Hoshi Media",
        todo.id,
        team.id,
        yuki.id,
    )
    assert created.priority == Priority.HIGH and created.tags == ("callback", "media")
    assert created.start is None and created.due is None and created.estimate_hours is None
    history = demo_session.history(created.id)
    assert history[0].field == "created" and history[0].actor_id == demo_session.actor_id


def test_dependencies_are_searched_and_checked(demo_session, open_editor):
    """The search box narrows the task list; checking a task makes it a predecessor."""
    board = demo_session.board
    task = task_titled(board, "Partner co-selling plan")
    other = task_titled(board, "Publish webinar recap article")
    editor = open_editor(demo_session, task.id)
    proxy = editor.dependency_filter
    everything = proxy.rowCount()
    editor.dependency_search.setText("recap")
    assert 0 < proxy.rowCount() < everything
    assert all("recap" in proxy.index(r, 0).data().lower() for r in range(proxy.rowCount()))
    row = next(
        r
        for r in range(proxy.rowCount())
        if proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) == other.id
    )
    proxy.setData(proxy.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert other.title in editor.dependency_count.text()
    editor.dependency_search.clear()
    editor.dependency_only_checked.setChecked(True)
    assert proxy.rowCount() == len(task.depends_on) + 1
    editor.accept()
    assert other.id in demo_session.board.tasks[task.id].depends_on


def test_conflicting_edit_is_reported_and_the_dialog_stays_open(
    demo_session, open_editor, board_path
):
    """Someone else retitles the task meanwhile: saving says so, keeps the dialog, and a second
    save replaces their title with ours."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    editor = open_editor(demo_session, task.id)
    other = BoardStore.open(board_path)
    try:
        colleague = other.load().find_person("Yuki Tanaka")
        other.apply(set_task(other.load().tasks[task.id], title="Their title"), colleague.id)
    finally:
        other.dispose()

    editor.title_edit.setText("My title")
    editor.accept()

    assert editor.isVisible() and not editor.saved
    assert "Someone else changed this task" in editor.message()
    assert "Title is now “Their title”" in editor.message()
    assert demo_session.store.load().tasks[task.id].title == "Their title"

    editor.accept()
    assert editor.saved and demo_session.store.load().tasks[task.id].title == "My title"


def test_enter_in_a_line_edit_saves(demo_session, open_editor):
    """Return in the title field saves a valid form."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    editor = open_editor(demo_session, task.id)
    editor.title_edit.setText("Qualify webinar leads (SQL)")
    QTest.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert editor.result() == QDialog.DialogCode.Accepted and editor.saved
    assert demo_session.board.tasks[task.id].title == "Qualify webinar leads (SQL)"


def test_enter_does_nothing_while_invalid(demo_session, open_editor):
    """Return with an empty title neither saves nor closes."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    editor = open_editor(demo_session, task.id)
    editor.title_edit.clear()
    QTest.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert editor.isVisible() and not editor.saved


def test_ctrl_enter_in_the_description_saves(demo_session, open_editor):
    """Ctrl+Return in the description saves instead of adding a line."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    editor = open_editor(demo_session, task.id)
    editor.description_edit.setPlainText("Waiting for the criteria.")
    QTest.keyClick(editor.description_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.saved
    assert demo_session.board.tasks[task.id].description == "Waiting for the criteria."


def test_edit_seam_returns_false_on_escape(qtbot, demo_session):
    """TaskEditor.edit() returns False when the user presses Esc, and nothing is written."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    before = demo_session.history(task.id)

    def escape(dialog):
        dialog.title_edit.setText("Not saved")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    when_shown(TaskEditor, escape)
    assert TaskEditor.edit(None, demo_session, task.id) is False
    assert demo_session.history(task.id) == before


def test_create_seam_returns_the_new_id(qtbot, demo_session):
    """TaskEditor.create() returns the id of the task the user added."""

    def fill(dialog):
        dialog.title_edit.setText("Prepare the winter webinar")
        dialog.accept()

    when_shown(TaskEditor, fill)
    new_id = TaskEditor.create(None, demo_session, {})
    assert demo_session.board.tasks[new_id].title == "Prepare the winter webinar"
