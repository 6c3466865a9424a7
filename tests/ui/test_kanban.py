"""The kanban window driven like a user would: drag, keys, quick add, filter, undo/redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from renkei.app.filtering import TaskFilter
from renkei.ui.app import create_application
from renkei.ui.kanban.model import LaneMode
from renkei.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_session):
    create_application()
    win = MainWindow(demo_session)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    return win


def _mouse(widget, kind, point: QPoint, buttons=Qt.MouseButton.LeftButton):
    button = Qt.MouseButton.LeftButton
    if kind == QEvent.Type.MouseMove:
        button = Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind,
        QPointF(point),
        widget.mapToGlobal(QPointF(point)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drag(view, start: QPoint, end: QPoint) -> None:
    viewport = view.viewport()
    _mouse(viewport, QEvent.Type.MouseButtonPress, start)
    steps = 6
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        _mouse(viewport, QEvent.Type.MouseMove, point)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def status_named(board, name):
    return board.find_status(name)


def test_kanban_model_passes_qt_model_tester(window, qtmodeltester):
    """The kanban model follows Qt's model contract."""
    qtmodeltester.check(window.model)


def test_drag_card_to_another_column_and_lane_records_activity(window, demo_session):
    """Dragging a Marketing 'To do' card into Inside Sales / 'In progress' moves both, logged."""
    board = demo_session.board
    todo, doing = status_named(board, "To do"), status_named(board, "In progress")
    marketing, inside = board.find_team("Marketing"), board.find_team("Inside Sales")
    task = next(
        t
        for t in board.tasks.values()
        if t.status_id == todo.id and t.team_id == marketing.id and not t.archived
    )
    view = window.board_view
    view.verticalScrollBar().setValue(0)
    start = view.card_rect(task.id).center().toPoint()
    lane = next(lane for lane in view.lanes if lane.key == inside.id)
    column_index = [s.id for s in view.columns].index(doing.id)
    # The top edge of the first card in the target cell: the card lands first there.
    target = view._slot_rect(lane, column_index, 0).topLeft().toPoint() + QPoint(40, 10)
    assert 0 < target.y() < view.viewport().height(), "target lane must be on screen"
    drag(view, start, target)

    moved = demo_session.board.tasks[task.id]
    assert moved.status_id == doing.id
    assert moved.team_id == inside.id
    rows = demo_session.history(task.id)
    changed = {(r.field, r.old, r.new, r.actor_id) for r in rows[-3:]}
    assert ("status_id", str(todo.id), str(doing.id), demo_session.actor_id) in changed
    assert ("team_id", str(marketing.id), str(inside.id), demo_session.actor_id) in changed
    assert view.current_task == task.id


def test_undo_and_redo_a_move(window, demo_session):
    """Edit → Undo puts the card back (and records it); Redo moves it again."""
    board = demo_session.board
    backlog, done = status_named(board, "Backlog"), status_named(board, "Done")
    task = next(t for t in board.tasks.values() if t.status_id == backlog.id)
    window.board_view.set_current_task(task.id)
    QTest.keyClick(window.board_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert demo_session.board.tasks[task.id].status_id != backlog.id
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert demo_session.board.tasks[task.id].status_id == backlog.id
    window.redo_action.trigger()
    assert demo_session.board.tasks[task.id].status_id == status_named(board, "To do").id
    fields = [r.field for r in demo_session.history(task.id)]
    assert fields.count("status_id") >= 3  # move, undo, redo: all in the audit trail
    assert done.id != backlog.id


def test_reorder_within_a_column_writes_one_position(window, demo_session):
    """Alt+Down moves a card below its neighbour by writing only its position."""
    view = window.board_view
    lane = next(lane for lane in view.lanes if lane.title == "Marketing")
    cell = next(ids for ids in lane.cells.values() if len(ids) >= 3)
    first, second = cell[0], cell[1]
    view.set_current_task(first)
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    lane = next(lane for lane in view.lanes if lane.title == "Marketing")
    new_cell = next(ids for ids in lane.cells.values() if first in ids)
    assert new_cell.index(first) == new_cell.index(second) + 1
    last = demo_session.history(first)[-1]
    assert last.field == "position"


def test_keyboard_navigation_moves_the_current_card(window, monkeypatch):
    """Arrow keys walk the cards; Enter opens the current one in the editor."""
    edited = []
    monkeypatch.setattr(
        "renkei.ui.dialogs.task_editor.TaskEditor.edit",
        lambda parent, session, task_id: edited.append(task_id) or False,
    )
    view = window.board_view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    first = view.current_task
    assert first is not None
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.current_task != first
    QTest.keyClick(view, Qt.Key.Key_Right)
    opened = []
    view.openRequested.connect(opened.append)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened == [view.current_task]
    assert edited == [view.current_task]


def test_quick_add_creates_a_card_in_that_column_and_lane(window, demo_session, qtbot):
    """Clicking '+ Add task', typing a title and Enter adds the card where it was typed."""
    view = window.board_view
    board = demo_session.board
    lane = next(lane for lane in view.lanes if lane.title == "Marketing")
    backlog = status_named(board, "Backlog")
    column_index = [s.id for s in view.columns].index(backlog.id)
    point = view._add_row_rect(lane, column_index).center().toPoint()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = view._quick_add
    assert editor is not None and editor.isVisible()
    QTest.keyClicks(editor, "Call the booth vendor about consent")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    created = [
        t
        for t in demo_session.board.tasks.values()
        if t.title == "Call the booth vendor about consent"
    ]
    assert len(created) == 1
    assert created[0].status_id == backlog.id
    assert created[0].team_id == board.find_team("Marketing").id
    assert view.current_task == created[0].id


def test_filter_bar_narrows_the_board(window, demo_session, qtbot):
    """The at-risk filter shows only at-risk cards; clearing shows all again."""
    total = window.model.rowCount()
    window.filter_bar.at_risk.setChecked(True)
    shown = window.model.task_ids()
    assert 0 < len(shown) < total
    assert all(demo_session.risk(task_id) for task_id in shown)
    window.filter_bar.search.setText("webinar")
    qtbot.waitUntil(lambda: window.model.task_filter.text == "webinar")
    assert all(
        "webinar" in demo_session.board.tasks[t].title.lower()
        or "webinar" in demo_session.board.tasks[t].description.lower()
        or "webinar" in " ".join(demo_session.board.tasks[t].tags).lower()
        for t in window.model.task_ids()
    )
    window.filter_bar.clear()
    assert window.model.rowCount() == total


def test_lanes_switch_and_collapse(window, demo_session):
    """Swimlanes by owner list people; collapsing a lane hides its cards."""
    window.set_lane_mode(LaneMode.OWNER)
    view = window.board_view
    titles = [lane.title for lane in view.lanes]
    assert "Haruka Aoki" in titles
    lane = view.lanes[0]
    some_card = next(ids[0] for ids in lane.cells.values() if ids)
    assert view.card_rect(some_card) is not None
    view.toggle_lane(lane)
    assert view.card_rect(some_card) is None
    window.set_lane_mode(LaneMode.NONE)
    assert len(view.lanes) == 1


def test_remote_style_change_keeps_selection(window, demo_session):
    """A change applied through the session repaints the card and keeps the current card."""
    view = window.board_view
    task_id = window.model.task_ids()[5]
    view.set_current_task(task_id)
    task = demo_session.board.tasks[task_id]
    from renkei.domain.commands import set_task

    demo_session.apply(set_task(task, title="Renamed while selected"))
    assert view.current_task == task_id
    assert window.model.face(task_id).title == "Renamed while selected"


def test_filter_value_is_what_the_bar_shows(window):
    """The filter bar's state becomes the model's filter."""
    window.filter_bar.at_risk.setChecked(True)
    assert window.model.task_filter == TaskFilter(at_risk_only=True)


def test_insert_adds_a_card_in_the_current_cell_by_keyboard(window, demo_session):
    """Insert opens "+ Add task" in the current card's column and lane; typing and Enter
    add the card there, and the board keeps the keyboard."""
    view = window.board_view
    board = demo_session.board
    task = next(t for t in board.tasks.values() if t.status_id == status_named(board, "To do").id)
    view.set_current_task(task.id)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Insert)
    editor = view._quick_add
    assert editor is not None and editor.isVisible() and editor.hasFocus()
    QTest.keyClicks(editor, "Call back Kaede Systems")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    added = [t for t in demo_session.board.tasks.values() if t.title == "Call back Kaede Systems"]
    assert len(added) == 1
    assert (added[0].status_id, added[0].team_id) == (task.status_id, task.team_id)


def test_ctrl_minus_folds_the_current_lane_and_ctrl_plus_unfolds_them(window, demo_session):
    view = window.board_view
    first_lane = next(lane for lane in view.lanes if not lane.collapsed)
    card = next(ids[0] for ids in first_lane.cells.values() if ids)
    view.set_current_task(card)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    folded = next(lane for lane in view.lanes if lane.key == first_lane.key)
    assert folded.collapsed
    assert view.current_task is not None and view.current_task != card  # on in an open lane
    QTest.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert not any(lane.collapsed for lane in view.lanes)
