"""The timeline (Gantt) view driven like a user would: drag bars, their ends and link
handles, drop tasks from outside, zoom and scroll; and what it draws, on the demo board."""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QEvent, QLocale, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from renkei.app.session import BoardSession
from renkei.domain.commands import Create, set_task
from renkei.domain.schedule import critical_path, span_of, violations
from renkei.render.theme import LIGHT
from renkei.store.board_store import BoardStore
from renkei.ui.kanban.model import LaneMode
from renkei.ui.text import risk_sentence
from renkei.ui.timeline.view import (
    HEADER_HEIGHT,
    LABEL_WIDTH,
    TASK_MIME,
    TimelineView,
    Zoom,
)

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
PYSIDE_VERSION = tuple(PySide6.__version_info__[:2])


@pytest.fixture
def view(qtbot, demo_session, app_font):
    widget = TimelineView(demo_session)
    widget.setFont(app_font)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_tasks(sorted(demo_session.board.tasks))
    widget.set_zoom(Zoom.DAY)
    return widget


def recorder(signal) -> list[tuple]:
    calls: list[tuple] = []
    signal.connect(lambda *args: calls.append(args))
    return calls


def drag(view, start: QPointF, end: QPointF, steps: int = 6) -> None:
    viewport = view.viewport()
    a, b = start.toPoint(), end.toPoint()
    QTest.mouseMove(viewport, a)
    QTest.mousePress(viewport, LEFT, NO_MOD, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, a + (b - a) * (i / steps))
    QTest.mouseRelease(viewport, LEFT, NO_MOD, b)


def open_tasks(session: BoardSession, min_days: int = 3, max_days: int = 8):
    """Unfinished tasks with both dates, lasting between ``min_days`` and ``max_days``."""
    board = session.board
    done = board.done_status_ids()
    found = []
    for task in sorted(board.tasks.values(), key=lambda t: t.id):
        span = span_of(task)
        dated = task.start and task.due and task.status_id not in done
        if dated and min_days <= span.days <= max_days:
            found.append(task)
    return found


def shown_bar(view, task_id: int):
    view.ensure_visible(task_id)
    rect = view.bar_rect(task_id)
    assert rect is not None
    assert rect.left() > LABEL_WIDTH and rect.right() < view.viewport().width() - 40
    assert rect.top() > HEADER_HEIGHT and rect.bottom() < view.viewport().height()
    return rect


# -- what is shown ------------------------------------------------------------------------


def test_set_tasks_leaves_out_tasks_without_dates(view, demo_session):
    """Undated tasks get no row and no bar (the tab keeps them in a tray)."""
    board = demo_session.board
    undated = [t.id for t in board.tasks.values() if span_of(t) is None]
    dated = [t.id for t in board.tasks.values() if span_of(t) is not None]
    assert undated and dated
    for task_id in undated:
        assert view.row_of(task_id) == -1
        assert view.bar_rect(task_id) is None
    assert sorted(view.shown_task_ids()) == sorted(dated)
    view.set_tasks(undated)
    assert view.shown_task_ids() == []


def test_rows_group_by_team_in_board_order_sorted_by_first_day(view, demo_session):
    """A header row per team, teams in the kanban's lane order; inside, (first day, id)."""
    board = demo_session.board
    layout = view._layout
    team_names = [t.name for t in board.ordered_teams()]
    titles = [g.title for g in layout.groups]
    assert titles == [name for name in team_names if name in titles]
    for group in layout.groups:
        assert layout.tasks[group.row] is None  # the header row
        ids = layout.tasks[group.row + 1 : group.row + 1 + group.count]
        assert all(board.tasks[i].team_id == group.key for i in ids)
        keys = [(span_of(board.tasks[i]).first, i) for i in ids]
        assert keys == sorted(keys)


def test_grouping_by_owner_gives_one_header_per_owner(view, demo_session):
    board = demo_session.board
    view.set_group_mode(LaneMode.OWNER)
    assert view.group_mode is LaneMode.OWNER
    dated = [t for t in board.tasks.values() if span_of(t) is not None]
    owners = {t.owner_id for t in dated}
    layout = view._layout
    headers = [row for row, task_id in enumerate(layout.tasks) if task_id is None]
    assert len(headers) == len(owners) == len(layout.groups)
    assert {g.key for g in layout.groups} == owners
    named = {g.key: g.title for g in layout.groups if g.key is not None}
    assert named == {i: board.people[i].name for i in owners if i is not None}
    view.set_group_mode(LaneMode.NONE)
    assert None not in view._layout.tasks  # no header rows when ungrouped


def test_x_of_and_day_at_round_trip_at_every_zoom(view):
    for zoom in Zoom:
        view.set_zoom(zoom)
        ppd = zoom.pixels_per_day
        for x in range(LABEL_WIDTH, view.viewport().width(), 37):
            day = view.day_at(x)
            assert view.x_of(day) <= x + 1e-6 < view.x_of(day) + ppd
            assert view.day_at(view.x_of(day)) == day
            assert view.x_of(day + timedelta(days=1)) - view.x_of(day) == pytest.approx(ppd)


def test_bar_runs_from_first_to_last_day_inclusive(view, demo_session):
    task = open_tasks(demo_session)[0]
    span = span_of(task)
    rect = shown_bar(view, task.id)
    assert rect.left() == pytest.approx(view.x_of(span.first))
    assert rect.right() == pytest.approx(view.x_of(span.last + timedelta(days=1)))
    assert rect.width() == pytest.approx(span.days * Zoom.DAY.pixels_per_day)


# -- editing with the mouse -------------------------------------------------------------


def test_dragging_a_bar_moves_both_dates_by_whole_days(view, demo_session):
    task = open_tasks(demo_session)[0]
    moved = recorder(view.taskRescheduled)
    rect = shown_bar(view, task.id)
    ppd = Zoom.DAY.pixels_per_day
    start = rect.center()
    drag(view, start, start + QPointF(3 * ppd + 6, 0))  # a little past 3 days snaps to 3
    three = timedelta(days=3)
    assert moved == [(task.id, task.start + three, task.due + three)]
    assert view.current_task == task.id
    moved.clear()
    drag(view, start, start - QPointF(2 * ppd, 0))
    assert moved == [(task.id, task.start - timedelta(days=2), task.due - timedelta(days=2))]


def test_a_drag_shorter_than_half_a_day_emits_nothing(view, demo_session):
    task = open_tasks(demo_session)[0]
    moved = recorder(view.taskRescheduled)
    rect = shown_bar(view, task.id)
    drag(view, rect.center(), rect.center() + QPointF(Zoom.DAY.pixels_per_day * 0.4, 0))
    assert moved == []


def test_dragging_the_right_end_changes_only_the_due_date(view, demo_session):
    task = open_tasks(demo_session)[0]
    moved = recorder(view.taskRescheduled)
    rect = shown_bar(view, task.id)
    grip = QPointF(rect.right() - 2, rect.center().y())
    assert view.hit(grip) == ("end", task.id)
    QTest.mouseMove(view.viewport(), grip.toPoint())
    assert view.viewport().cursor().shape() == Qt.CursorShape.SizeHorCursor
    drag(view, grip, grip + QPointF(2 * Zoom.DAY.pixels_per_day, 0))
    assert moved == [(task.id, task.start, task.due + timedelta(days=2))]


def test_dragging_the_left_end_past_the_right_end_stops_at_one_day(view, demo_session):
    task = open_tasks(demo_session, 3, 6)[0]
    moved = recorder(view.taskRescheduled)
    rect = shown_bar(view, task.id)
    grip = QPointF(rect.left() + 2, rect.center().y())
    assert view.hit(grip) == ("start", task.id)
    drag(view, grip, QPointF(rect.right() + 2.4 * Zoom.DAY.pixels_per_day, grip.y()))
    assert moved == [(task.id, task.due, task.due)]


def test_dragging_a_milestone_moves_the_dates_it_has(view, demo_session):
    board = demo_session.board
    today = demo_session.today()
    todo = board.find_status("To do")
    marketing = board.find_team("Marketing")
    change = demo_session.apply(
        Create(
            "task",
            (
                ("title", "Launch day"),
                ("status_id", todo.id),
                ("team_id", marketing.id),
                ("due", today + timedelta(days=2)),
            ),
        )
    )
    task_id = change.rows[0].entity_id
    view.set_tasks(sorted(demo_session.board.tasks))
    rect = shown_bar(view, task_id)
    day = today + timedelta(days=2)
    assert rect.center().x() == pytest.approx(view.x_of(day) + Zoom.DAY.pixels_per_day / 2)
    assert rect.width() == pytest.approx(rect.height())  # a diamond, not a bar
    moved = recorder(view.taskRescheduled)
    drag(view, rect.center(), rect.center() + QPointF(4 * Zoom.DAY.pixels_per_day, 0))
    assert moved == [(task_id, None, day + timedelta(days=4))]


def test_escape_cancels_a_drag(view, demo_session):
    task = open_tasks(demo_session)[0]
    moved = recorder(view.taskRescheduled)
    rect = shown_bar(view, task.id)
    viewport = view.viewport()
    a = rect.center().toPoint()
    b = a + QPoint(int(3 * Zoom.DAY.pixels_per_day), 0)
    QTest.mousePress(viewport, LEFT, NO_MOD, a)
    QTest.mouseMove(viewport, a + QPoint(20, 0))
    QTest.mouseMove(viewport, b)
    assert view._dragging
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, LEFT, NO_MOD, b)
    assert moved == []


def test_dragging_from_the_link_handle_onto_a_bar_requests_a_dependency(view, demo_session):
    view.set_zoom(Zoom.WEEK)
    source, target = open_tasks(demo_session, 3, 12)[:2]
    linked = recorder(view.dependencyRequested)
    shown_bar(view, source.id)
    handle = view.link_handle_rect(source.id)
    target_rect = view.bar_rect(target.id)
    assert handle is not None and view.hit(handle.center()) == ("handle", source.id)
    assert LABEL_WIDTH < target_rect.center().x() < view.viewport().width()
    assert HEADER_HEIGHT < target_rect.center().y() < view.viewport().height()
    drag(view, handle.center(), target_rect.center())
    assert linked == [(source.id, target.id)]
    # Onto itself or onto empty chart: nothing.
    linked.clear()
    drag(view, handle.center(), view.bar_rect(source.id).center())
    empty = QPointF(handle.center().x() + 200, HEADER_HEIGHT + 2)
    drag(view, handle.center(), QPointF(empty.x(), view.viewport().height() - 5))
    assert linked == []


def drag_event(kind, point: QPoint, action, data: QMimeData):
    """A drag enter or move event at ``point``. PySide6 6.12 deprecates the QPoint
    constructors for the QPointF ones, which earlier versions do not have."""
    at = QPointF(point) if PYSIDE_VERSION >= (6, 12) else point
    return kind(at, action, data, LEFT, NO_MOD)


def test_a_task_dropped_from_outside_is_scheduled_on_the_day_under_it(view, demo_session):
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    scheduled = recorder(view.taskScheduled)
    data = QMimeData()
    data.setData(TASK_MIME, b"13")
    day = demo_session.today() + timedelta(days=5)
    view.go_to_today()
    x = view.x_of(day) + Zoom.DAY.pixels_per_day / 2
    point = QPoint(int(x), 300)
    copy = Qt.DropAction.CopyAction
    viewport = view.viewport()
    enter = drag_event(QDragEnterEvent, point, copy, data)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = drag_event(QDragMoveEvent, point, copy, data)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    assert view._drop_day == day.toordinal()  # the drop indicator's day
    # Over the label column nothing is accepted.
    over_labels = drag_event(QDragMoveEvent, QPoint(50, 300), copy, data)
    QApplication.sendEvent(viewport, over_labels)
    assert not over_labels.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point), copy, data, LEFT, NO_MOD))
    assert scheduled == [(13, day)]
    assert view._drop_day is None
    other = QMimeData()
    other.setText("13")
    refused = drag_event(QDragEnterEvent, point, copy, other)
    QApplication.sendEvent(viewport, refused)
    assert not refused.isAccepted()


def test_click_makes_a_task_current_and_double_click_opens_it(view, demo_session):
    task = open_tasks(demo_session)[1]
    changed = recorder(view.currentChanged)
    opened = recorder(view.openRequested)
    rect = shown_bar(view, task.id)
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, rect.center().toPoint())
    assert changed == [(task.id,)] and view.current_task == task.id
    label = QPoint(60, int(rect.center().y()))
    QTest.mouseDClick(view.viewport(), LEFT, NO_MOD, label)
    assert opened == [(task.id,)]


# -- zoom and scrolling -------------------------------------------------------------------


def test_zoom_keeps_the_date_at_the_centre(view):
    centre = LABEL_WIDTH + (view.viewport().width() - LABEL_WIDTH) / 2
    view.go_to_today()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 333)
    before = view.day_at(centre)
    for zoom in (Zoom.WEEK, Zoom.QUARTER, Zoom.MONTH, Zoom.DAY):
        view.set_zoom(zoom)
        assert view.zoom is zoom
        assert abs((view.day_at(centre) - before).days) <= 1


def test_ctrl_wheel_zooms_one_step_around_the_mouse(view):
    zooms = recorder(view.zoomChanged)
    x = LABEL_WIDTH + 300
    before = view.day_at(x)

    def wheel(delta: int, modifiers) -> None:
        position = QPointF(x, 300)
        event = QWheelEvent(
            position,
            view.viewport().mapToGlobal(position),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)

    wheel(-120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom is Zoom.WEEK and zooms == [(Zoom.WEEK,)]
    assert abs((view.day_at(x) - before).days) <= 1
    vertical = view.verticalScrollBar().value()
    wheel(-120, NO_MOD)
    assert view.verticalScrollBar().value() > vertical
    horizontal = view.horizontalScrollBar().value()
    wheel(-120, Qt.KeyboardModifier.ShiftModifier)
    assert view.horizontalScrollBar().value() > horizontal
    assert view.zoom is Zoom.WEEK


def test_go_to_today_puts_today_a_third_from_the_left(view, demo_session):
    today = demo_session.today()
    view.horizontalScrollBar().setValue(0)
    assert view.x_of(today) > view.viewport().width() or view.x_of(today) < LABEL_WIDTH
    view.go_to_today()
    chart = view.viewport().width() - LABEL_WIDTH
    assert view.x_of(today) == pytest.approx(LABEL_WIDTH + chart / 3, abs=2)
    view.horizontalScrollBar().setValue(0)
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert view.x_of(today) == pytest.approx(LABEL_WIDTH + chart / 3, abs=2)


def test_fit_to_picks_the_largest_zoom_that_shows_the_tasks(view, demo_session):
    board = demo_session.board
    spans = {t.id: span_of(t) for t in board.tasks.values() if span_of(t)}
    short = min(spans, key=lambda i: spans[i].days)
    view.set_zoom(Zoom.QUARTER)
    view.fit_to([short])
    assert view.zoom is Zoom.DAY
    everything = list(spans)
    view.fit_to(everything)
    first = min(s.first for s in spans.values())
    last = max(s.last for s in spans.values())
    days = (last - first).days + 1
    chart = view.viewport().width() - LABEL_WIDTH
    assert days * view.zoom.pixels_per_day <= chart
    if view.zoom is not Zoom.DAY:
        assert days * view.zoom.zoomed_in().pixels_per_day > chart - 80
    assert view.x_of(first) >= LABEL_WIDTH
    assert view.x_of(last + timedelta(days=1)) <= view.viewport().width()


def test_keyboard_moves_between_task_rows_and_opens(view):
    opened = recorder(view.openRequested)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    layout = view._layout
    first = next(t for t in layout.tasks if t is not None)
    assert view.current_task == first
    # Down walks past group headers to the next task row.
    task_rows = [r for r, t in enumerate(layout.tasks) if t is not None]
    for row in task_rows[1:16]:
        QTest.keyClick(view, Qt.Key.Key_Down)
        assert view.current_task == layout.tasks[row]
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert view.current_task == layout.tasks[task_rows[14]]
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened == [(layout.tasks[task_rows[14]],)]


def test_refresh_follows_changed_dates_and_keeps_the_scroll(view, demo_session):
    task = open_tasks(demo_session)[0]
    before = shown_bar(view, task.id)
    vertical = view.verticalScrollBar().value()
    horizontal = view.horizontalScrollBar().value()
    two = timedelta(days=2)
    demo_session.apply(set_task(task, start=task.start + two, due=task.due + two))
    view.refresh()
    after = view.bar_rect(task.id)
    assert after.left() - before.left() == pytest.approx(2 * Zoom.DAY.pixels_per_day)
    assert view.verticalScrollBar().value() == vertical
    assert view.horizontalScrollBar().value() == horizontal


# -- what it tells -------------------------------------------------------------------------


def test_a_violated_dependency_is_told_on_the_successor(view, demo_session):
    board = demo_session.board
    found = violations(board)
    assert found, "the demo has a dependency conflict"
    v = found[0]
    rect = shown_bar(view, v.successor)
    text = view.tooltip_at(rect.center())
    predecessor = board.tasks[v.predecessor].title
    days = f"{v.overlap} day" if v.overlap == 1 else f"{v.overlap} days"
    assert f"Starts before “{predecessor}” ends ({days} overlap)" in text
    assert (v.predecessor, v.successor) in view._violated


def test_a_risky_bar_tells_its_reasons_and_dates(view, demo_session):
    board = demo_session.board
    task_id = next(i for i in view.shown_task_ids() if demo_session.risk(i))
    rect = shown_bar(view, task_id)
    text = view.tooltip_at(rect.center())
    task = board.tasks[task_id]
    assert task.title in text
    for reason in demo_session.risk(task_id):
        assert risk_sentence(reason) in text
    owner = board.people.get(task.owner_id)
    assert (owner.name if owner else "No owner") in text


def test_hovering_a_bar_shows_its_tooltip(view, demo_session, qtbot):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    task = open_tasks(demo_session)[0]
    point = shown_bar(view, task.id).center().toPoint()
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == view.task_tooltip(task.id)
    assert task.title in QToolTip.text()
    QToolTip.hideText()


def test_a_handoff_waiting_for_acknowledgement_is_marked(view, demo_session):
    from renkei.domain.handoff import HandoffState

    board = demo_session.board
    waiting = next(h for h in board.handoffs.values() if h.state is HandoffState.SENT)
    shown_bar(view, waiting.task_id)
    marks = view.face(waiting.task_id).handoffs
    day = next(m.day for m in marks if m.handoff_id == waiting.id)
    top = view.row_top(view.row_of(waiting.task_id))
    point = QPointF(view.x_of(date.fromordinal(day)) + 20, top + view._marker_y())
    receiver = board.people[waiting.receiver_id].name
    text = view.tooltip_at(point)
    assert receiver in text and "waiting" in text


def test_critical_path_outlines_exactly_its_tasks(view, demo_session):
    board = demo_session.board
    shown = view.shown_task_ids()
    expected = critical_path(board, shown)
    assert expected
    assert view.critical_ids == frozenset()
    view.set_critical_path(True)
    assert view.critical_ids == expected
    critical = min(expected)
    plain = next(i for i in open_tasks(demo_session) if i.id not in expected).id

    def outlined(task_id: int) -> float:
        """The share of the strip just above the bar drawn in the critical-path ink."""
        rect = shown_bar(view, task_id)
        image = view.viewport().grab().toImage()
        ink = LIGHT.critical.name()
        xs = range(int(rect.left()) + 4, int(rect.right()) - 4)
        ys = range(math.floor(rect.top()) - 3, math.floor(rect.top()) - 1)
        found = [image.pixelColor(x, y).name() == ink for x in xs for y in ys]
        return sum(found) / len(found)

    assert outlined(critical) > 0.4
    assert outlined(plain) == 0
    view.set_critical_path(False)
    assert outlined(critical) == 0


def test_header_labels_never_overlap(view, demo_session):
    for zoom in Zoom:
        view.set_zoom(zoom)
        for shift in (-900, 0, 450, 1300):
            view.go_to_today()
            view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + shift)
            labels = view.header_labels()
            assert labels
            today_box = view.today_box()
            for tier in (0, 1):
                boxes = sorted((box for t, box, _ in labels if t == tier), key=lambda b: b.left())
                for a, b in zip(boxes, boxes[1:], strict=False):
                    assert a.right() <= b.left(), (zoom, shift, tier)
                for box in boxes:
                    assert box.left() >= LABEL_WIDTH
                    if tier == 1 and today_box is not None:
                        assert not box.intersects(today_box)


# -- pictures ----------------------------------------------------------------------------


def test_pictures_at_every_zoom(view, demo_session, shots: Path):
    """English demo at every zoom (look at them with RENKEI_SHOTS set)."""
    view.set_critical_path(True)
    view.set_current_task(violations(demo_session.board)[0].successor)
    for zoom in Zoom:
        view.set_zoom(zoom)
        view.go_to_today()
        picture = view.grab()
        assert picture.width() >= 1400
        assert picture.save(str(shots / f"timeline_en_{zoom.value}.png"))
        # The today line crosses the chart in the selection colour, between the bars.
        image = view.viewport().grab().toImage()
        x = round(view.x_of(demo_session.today()) + zoom.pixels_per_day / 2)
        colours = [image.pixelColor(x, y).name() for y in range(HEADER_HEIGHT + 5, 700, 3)]
        assert colours.count("#0072b2") > 20


def test_japanese_board_pictures(qtbot, app_font, tmp_path, shots: Path, demo_boards):
    store = BoardStore.open(demo_boards.copy(tmp_path / "ja.renkei", "ja"))
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
        session = BoardSession(store, None)
        view = TimelineView(session)
        view.setFont(app_font)
        qtbot.addWidget(view)
        view.resize(1400, 800)
        view.show()
        qtbot.waitExposed(view)
        view.set_tasks(sorted(session.board.tasks))
        for zoom in Zoom:
            view.set_zoom(zoom)
            view.go_to_today()
            assert view.grab().save(str(shots / f"timeline_ja_{zoom.value}.png"))
        texts = [text for _, _, text in view.header_labels()]
        assert any("年" in text for text in texts)
    finally:
        QLocale.setDefault(previous)
        store.dispose()
