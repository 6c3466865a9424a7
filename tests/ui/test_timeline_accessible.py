"""The timeline read through Qt's accessibility interfaces, as a screen reader reads it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtGui import QAccessible, QAccessibleActionInterface

from renkei.domain.commands import SetFields
from renkei.i18n.words import date_range_text
from renkei.ui.timeline.view import TimelineView, Zoom

Name = QAccessible.Text.Name
BUDGET = "Fill in missing budget for webinar leads"


@pytest.fixture
def view(qtbot, demo_session):
    widget = TimelineView(demo_session)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_tasks(sorted(demo_session.board.tasks))
    widget.set_zoom(Zoom.WEEK)
    return widget


def children(iface):
    return [iface.child(i) for i in range(iface.childCount())]


def bar_named(view, title):
    for group in children(QAccessible.queryAccessibleInterface(view)):
        for bar in children(group):
            if bar.text(Name).startswith(title):
                return bar
    raise AssertionError(f"no bar {title!r}")


def test_timeline_speaks_its_groups_and_bars(view, demo_session):
    """The chart is a named pane; its children are the groups with their counts, and each
    group's bars are named with the words the row paints: title, group, owner, dates,
    risks."""
    chart = QAccessible.queryAccessibleInterface(view)
    assert chart.text(Name) == "Timeline"
    assert chart.role() == QAccessible.Role.Pane
    assert [g.text(Name) for g in children(chart)] == [
        "Marketing, 13 tasks",
        "Inside Sales, 14 tasks",
        "Field Sales, 14 tasks",
        "Customer Success, 14 tasks",
    ]
    task = next(t for t in demo_session.board.tasks.values() if t.title == BUDGET)
    dates = date_range_text(task.start, task.due, demo_session.today())
    bar = bar_named(view, BUDGET)
    assert bar.text(Name) == (
        f"Fill in missing budget for webinar leads — Inside Sales, owner Daiki Sato, {dates}, "
        "at risk: Late, Stale"
    )
    assert bar.text(QAccessible.Text.Description) == "40% done"
    assert bar.role() == QAccessible.Role.ListItem
    assert bar.parent().text(Name) == "Inside Sales, 14 tasks"
    assert bar.parent().indexOfChild(bar) >= 0
    assert not bar.state().selected and bar.state().focusable
    actions = bar.actionInterface()
    assert [actions.localizedActionName(n) for n in actions.actionNames()] == [
        "Open the task",
        "Select the bar",
    ]


def test_the_current_bar_is_told_and_its_new_dates_announced(view, demo_session):
    """Choosing a bar tells it focused and selected; its dates moving are announced."""
    told = []
    view.accessibleEventPosted.connect(lambda kind, words: told.append((kind, words)))
    view.setFocus()
    task = next(t for t in demo_session.board.tasks.values() if t.title == BUDGET)
    bar = bar_named(view, BUDGET)
    bar.actionInterface().doAction(QAccessibleActionInterface.setFocusAction())
    assert view.current_task == task.id
    assert bar.state().focused and bar.state().selected
    assert told == [
        (QAccessible.Event.Focus, bar.text(Name)),
        (QAccessible.Event.Selection, bar.text(Name)),
    ]
    told.clear()
    later = task.due + timedelta(days=3)
    demo_session.apply(SetFields("task", task.id, (("due", later),)))
    view.set_tasks(sorted(demo_session.board.tasks))
    dates = date_range_text(task.start, later, demo_session.today())
    assert told == [(QAccessible.Event.Announcement, f"Moved to {dates}")]
