"""The Timeline tab in the main window: the board's filter applies, the tray holds undated
work, and every drag becomes one signed, undoable change (moving what waits for it when the
lead says so)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from renkei.app.filtering import TaskFilter
from renkei.domain.commands import Create, set_task
from renkei.domain.schedule import span_of, violations
from renkei.ui.main_window import MainWindow
from renkei.ui.timeline.tab import TimelineTab


@pytest.fixture
def window(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    window.tabs.setCurrentWidget(window.timeline_tab)
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def answers(monkeypatch):
    """What the lead answers to "move the tasks that wait for it?", and what was asked."""
    asked: list[list[str]] = []
    reply = {"value": True}

    def ask(cls, parent, titles):
        asked.append(titles)
        return reply["value"]

    monkeypatch.setattr(TimelineTab, "ask_shift_dependents", classmethod(ask))
    return asked, reply


def linked_pair(board):
    """A predecessor and its dependent, both scheduled and unfinished, with slack between."""
    done = board.done_status_ids()
    for task in board.tasks.values():
        for before_id in task.depends_on:
            before = board.tasks[before_id]
            if task.status_id in done or before.status_id in done:
                continue
            a, b = span_of(before), span_of(task)
            if a and b and b.first > a.last:
                return before, task
    raise AssertionError("the demo has no scheduled dependency with slack")


def test_the_chart_and_the_tray_follow_the_board_filter(window, demo_session):
    tab = window.timeline_tab
    board = demo_session.board
    shown = set(tab.view.shown_task_ids())
    undated = set(tab.tray.task_ids())
    visible = set(window.model.task_ids())
    assert shown | undated == visible and not shown & undated
    assert all(span_of(board.tasks[i]) is None for i in undated)
    team = board.find_team("Field Sales")
    window.model.set_filter(TaskFilter(team_ids=frozenset({team.id})))
    assert {board.tasks[i].team_id for i in tab.view.shown_task_ids()} == {team.id}


def test_dragging_a_predecessor_late_makes_the_conflict_appear(window, demo_session, answers):
    """The lead moves a task past the start of the one waiting for it and says no to
    moving that one: the conflict is on the chart and on the card; undo takes it away."""
    asked, reply = answers
    reply["value"] = False
    before, after = linked_pair(demo_session.board)
    gap = (span_of(after).first - span_of(before).last).days
    start, due = (d + timedelta(days=gap + 2) if d else None for d in (before.start, before.due))
    window.timeline_tab.view.taskRescheduled.emit(before.id, start, due)
    assert asked and after.title in asked[0]
    moved = demo_session.board.tasks[before.id]
    assert (moved.start, moved.due) == (start, due)
    assert (before.id, after.id) in {
        (v.predecessor, v.successor) for v in violations(demo_session.board)
    }
    assert any(r.kind.value == "dependency" for r in demo_session.risk(after.id))
    assert demo_session.undo_label() == "Move task"
    demo_session.undo()
    assert demo_session.board.tasks[before.id].due == before.due


def test_moving_what_waits_for_it_is_one_undoable_change(window, demo_session, answers):
    before, after = linked_pair(demo_session.board)
    gap = (span_of(after).first - span_of(before).last).days
    start, due = (d + timedelta(days=gap + 2) if d else None for d in (before.start, before.due))
    window.timeline_tab.view.taskRescheduled.emit(before.id, start, due)
    pushed = demo_session.board.tasks[after.id]
    assert span_of(pushed).first == span_of(demo_session.board.tasks[before.id]).last + timedelta(
        days=1
    )
    assert span_of(pushed).days == span_of(after).days
    assert violations(demo_session.board, [after.id]) == []
    demo_session.undo()
    undone = demo_session.board.tasks[after.id]
    assert (undone.start, undone.due) == (after.start, after.due)


def test_linking_two_bars_adds_a_dependency(window, demo_session):
    board = demo_session.board
    a, b = [t for t in board.tasks.values() if span_of(t) and not t.depends_on][:2]
    window.timeline_tab.view.dependencyRequested.emit(a.id, b.id)
    assert a.id in demo_session.board.tasks[b.id].depends_on
    assert demo_session.undo_label() == "Add dependency"


def test_a_link_that_closes_a_loop_is_refused(window, demo_session, monkeypatch):
    """Linking a task to the one that waits for it would close a loop: said, not saved."""
    warned = []
    monkeypatch.setattr(MainWindow, "warn", classmethod(lambda c, p, t, x: warned.append(x)))
    before, after = linked_pair(demo_session.board)
    revision = demo_session.board.revision
    window.timeline_tab.view.dependencyRequested.emit(after.id, before.id)
    assert demo_session.board.revision == revision
    assert after.id not in demo_session.board.tasks[before.id].depends_on
    assert warned and "loop" in warned[0]


def test_a_task_dropped_from_the_tray_gets_dates_for_its_estimate(window, demo_session):
    board = demo_session.board
    status = board.find_status("To do")
    demo_session.apply(
        Create(
            "task",
            (
                ("title", "Draft the onboarding deck"),
                ("status_id", status.id),
                ("estimate_hours", 20.0),
            ),
        )
    )
    task = next(
        t for t in demo_session.board.tasks.values() if t.title == "Draft the onboarding deck"
    )
    tab = window.timeline_tab
    assert task.id in tab.tray.task_ids()
    day = demo_session.today() + timedelta(days=3)
    tab.view.taskScheduled.emit(task.id, day)
    scheduled = demo_session.board.tasks[task.id]
    assert (scheduled.start, scheduled.due) == (day, day + timedelta(days=2))  # 20 h: 3 days
    assert task.id not in tab.tray.task_ids() and task.id in tab.view.shown_task_ids()


def test_selection_is_shared_with_the_board(window, demo_session):
    tab = window.timeline_tab
    task_id = tab.view.shown_task_ids()[3]
    tab.view.currentChanged.emit(task_id)
    assert window.board_view.current_task == task_id
    assert window.detail.task_id == task_id
    other = tab.view.shown_task_ids()[5]
    window.board_view.set_current_task(other)
    assert tab.view.current_task == other


def test_done_when_a_lead_drags_a_task_late_and_sees_the_conflict(
    qtbot, window, demo_session, answers
):
    """With the mouse, as a lead would: drag a predecessor's bar past the start of the task
    waiting for it, decline moving that one, and the dependent's conflict is on the chart
    (its tooltip names the overlap) and among its risk reasons."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    asked, reply = answers
    reply["value"] = False
    before, after = linked_pair(demo_session.board)
    view = window.timeline_tab.view
    gap = (span_of(after).first - span_of(before).last).days
    view.ensure_visible(before.id)
    bar = view.bar_rect(before.id)
    start = QPointF(bar.center().x(), bar.center().y())
    shift = view.x_of(span_of(before).first + timedelta(days=gap + 1)) - view.x_of(
        span_of(before).first
    )
    end = QPointF(start.x() + shift, start.y())
    viewport = view.viewport()
    QTest.mouseMove(viewport, start.toPoint())
    QTest.mousePress(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start.toPoint()
    )
    for i in range(1, 7):
        QTest.mouseMove(viewport, (start + (end - start) * (i / 6)).toPoint())
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end.toPoint()
    )
    moved = demo_session.board.tasks[before.id]
    assert span_of(moved).last == span_of(before).last + timedelta(days=gap + 1)
    assert asked and after.title in asked[0]
    assert (before.id, after.id) in {
        (v.predecessor, v.successor) for v in violations(demo_session.board)
    }
    assert "Starts before" in view.task_tooltip(after.id)
    assert any(r.kind.value == "dependency" for r in demo_session.risk(after.id))


def test_a_colleagues_300_new_tasks_rebuild_the_shown_chart_once(window, demo_session, monkeypatch):
    """The tab follows the board once per Change, not once per row signal of the model."""
    tab = window.timeline_tab
    rebuilt = []
    rebuild = tab.view._rebuild
    monkeypatch.setattr(tab.view, "_rebuild", lambda: (rebuilt.append(1), rebuild()))
    status = demo_session.board.find_status("Backlog").id
    scattered = sorted(demo_session.board.tasks.values(), key=lambda t: t.id)[:20]
    new = [
        Create("task", (("title", f"Lead {n}"), ("status_id", status), ("position", 1e9 + n)))
        for n in range(279)
    ] + [
        Create("task", (("title", "Dated lead"), ("status_id", status), ("position", 2e9),
                        ("due", demo_session.today() + timedelta(days=3))))
    ] + [
        Create("task", (("title", f"Near {t.id}"), ("status_id", t.status_id),
                        ("position", t.position + 1e-4)))
        for t in scattered
    ]  # fmt: skip
    demo_session.apply_all(new, "Import")
    assert len(rebuilt) == 1
    assert tab.tray.count() == len(
        [i for i in window.model.task_ids() if span_of(demo_session.board.tasks[i]) is None]
    )


def test_new_undated_tasks_keep_the_charts_rows_and_reach_the_tray(window, demo_session):
    """A colleague's 300 tasks with no dates change no row, bar or link: the chart keeps its
    rows (no rebuild, on 10,000 tasks the dearest part of a live update) and the tray lists
    them; a dated one among them rebuilds it (the test above)."""
    tab = window.timeline_tab
    rows_before = tab.view.shown_task_ids()
    rebuilt = []
    rebuild = tab.view._rebuild
    tab.view._rebuild = lambda: (rebuilt.append(1), rebuild())
    status = demo_session.board.find_status("To do").id
    new = [
        Create("task", (("title", f"Lead {n}"), ("status_id", status), ("position", 1e9 + n)))
        for n in range(300)
    ]  # fmt: skip
    demo_session.apply_all(new, "Import")
    assert rebuilt == []
    assert tab.view.shown_task_ids() == rows_before
    undated = [i for i in window.model.task_ids() if span_of(demo_session.board.tasks[i]) is None]
    assert tab.tray.task_ids() == undated and len(undated) >= 300
    assert tab.tray_action.text() == f"Unscheduled ({len(undated)})"


def test_the_tray_is_left_as_it_is_when_its_tasks_did_not_change(window, demo_session):
    """Moving a scheduled task rebuilds the chart, not the tray (its scroll and selection
    stay); a renamed undated task is shown by its new name."""
    tab = window.timeline_tab
    first = tab.tray.item(0)
    board = demo_session.board
    dated = next(board.tasks[i] for i in tab.view.shown_task_ids())
    window.apply([set_task(dated, due=dated.due + timedelta(days=1))], "Move")
    assert tab.tray.item(0) is first
    undated = board.tasks[first.data(Qt.ItemDataRole.UserRole)]
    window.apply([set_task(undated, title="Renamed in the tray")], "Rename")
    assert tab.tray.item(0).text() == "Renamed in the tray"


def test_the_timeline_and_handoffs_tabs_are_made_when_their_tab_is_chosen(qtbot, demo_session):
    """The window opens on the Board with the other two tabs labelled but not yet made;
    choosing one (a click, Ctrl+Tab) makes it in its place and shows it, the card chosen."""
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    assert window._timeline_tab is None and window._handoffs_tab is None
    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert labels == ["Board", "Timeline", "Handoffs"]
    first = next(iter(window.model.task_ids()))
    window.board_view.set_current_task(first)
    window.tabs.setCurrentIndex(1)
    assert window.tabs.currentWidget() is window._timeline_tab is not None
    assert window.timeline_tab.isVisible() and window.tabs.currentIndex() == 1
    window.tabs.setCurrentIndex(2)
    assert window.tabs.currentWidget() is window._handoffs_tab is not None
    assert window.handoffs_tab.isVisible() and window.handoffs_tab._task_id == first
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == labels


def test_the_tray_keeps_its_items_as_tasks_arrive_and_lists_afresh_when_one_goes(qtbot):
    """Tasks that arrive are put in their places and renamed ones retitled, the items already
    listed staying as they are; a task that leaves (or moves) lists the tray afresh."""
    from types import SimpleNamespace

    from renkei.ui.timeline.tab import UnscheduledTray

    def board_of(**titles: str):
        tasks = {int(key[1:]): SimpleNamespace(title=title) for key, title in titles.items()}
        return SimpleNamespace(tasks=tasks)

    tray = UnscheduledTray()
    qtbot.addWidget(tray)
    board = board_of(t1="Call", t2="Write", t3="Plan", t4="Book")
    tray.show_tasks(board, [1, 3])
    first, second = tray.item(0), tray.item(1)
    tray.show_tasks(board, [2, 1, 4, 3])  # two arrive, one before, one between
    assert tray.task_ids() == [2, 1, 4, 3]
    assert tray.item(1) is first and tray.item(3) is second
    board.tasks[3].title = "Plan the webinar"
    tray.show_tasks(board, [2, 1, 4, 3])
    assert tray.item(3) is second and second.text() == "Plan the webinar"
    tray.show_tasks(board, [2, 4, 3])  # one goes
    assert tray.task_ids() == [2, 4, 3]
    assert [tray.item(row).text() for row in range(3)] == ["Write", "Book", "Plan the webinar"]
    tray.show_tasks(board, [3, 2, 4])  # one moves
    assert tray.task_ids() == [3, 2, 4]
