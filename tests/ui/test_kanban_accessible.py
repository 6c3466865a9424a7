"""The kanban read through Qt's accessibility interfaces, as a screen reader reads it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtTest import QTest

import clock
from renkei.app.filtering import TaskFilter
from renkei.app.session import BoardSession
from renkei.domain.commands import SetFields
from renkei.ui.app import create_application
from renkei.ui.main_window import MainWindow

Name = QAccessible.Text.Name


@pytest.fixture
def window(qtbot, demo_session):
    create_application()
    win = MainWindow(demo_session)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    return win


def dump(iface, depth=0, limit=4, out=None):
    out = out if out is not None else []
    st = iface.state()
    flags = [n for n in ("focusable", "focused", "selectable", "selected", "offscreen",
                         "expandable", "expanded", "collapsed") if getattr(st, n)]
    acts = []
    ai = iface.actionInterface()
    if ai is not None:
        acts = [f"{n}={ai.localizedActionName(n)}" for n in ai.actionNames()]
    out.append("  " * depth + f"[{iface.role().name}] {iface.text(Name)!r} "
               f"desc={iface.text(QAccessible.Text.Description)!r} {flags} {acts}")
    for i in range(min(iface.childCount(), limit)):
        c = iface.child(i)
        if c is not None:
            dump(c, depth + 1, limit, out)
    return out


BUDGET = "Fill in missing budget for webinar leads"
IMPORT = "Import trade-show lead list into CRM"


def board_of(window):
    return QAccessible.queryAccessibleInterface(window.board_view)


def children(iface):
    return [iface.child(i) for i in range(iface.childCount())]


def card_named(window, title):
    """The accessible card whose task has ``title``, found by walking the tree."""
    for lane in children(board_of(window)):
        if lane.role() != QAccessible.Role.Grouping:
            continue
        for item in children(lane):
            if item.role() == QAccessible.Role.ListItem and item.text(Name).startswith(title):
                return item
    raise AssertionError(f"no card {title!r} in the tree")


def task_named(session, title):
    return next(t for t in session.board.tasks.values() if t.title == title)


def test_board_speaks_its_columns_lanes_and_cards(window):
    """The board is a named pane; its children are the columns with their counts, then the
    lanes with their cards, each card named with the words its face paints."""
    board = board_of(window)
    assert board.text(Name) == "Kanban board"
    assert board.role() == QAccessible.Role.Pane
    items = children(board)
    columns = [c.text(Name) for c in items if c.role() == QAccessible.Role.ColumnHeader]
    assert columns == [
        "Backlog, 10 tasks",
        "To do, 12 tasks",
        "In progress, 14 of 15 tasks",
        "Waiting, 7 of 5 tasks, over the limit",
        "Done, 17 tasks",
    ]
    lanes = [c for c in items if c.role() == QAccessible.Role.Grouping]
    assert [lane.text(Name) for lane in lanes][:3] == [
        "Marketing, 15 tasks",
        "Inside Sales, 15 tasks",
        "Field Sales, 15 tasks",
    ]
    card = card_named(window, BUDGET)
    assert card.text(Name) == (
        "Fill in missing budget for webinar leads — Inside Sales, owner Daiki Sato, "
        "2 days late, at risk: Late, Stale"
    )
    assert card.text(QAccessible.Text.Description) == "In progress, High, No handoff, 40% done"
    assert card.role() == QAccessible.Role.ListItem
    assert card.state().focusable and card.state().selectable
    assert not card.state().selected
    assert card.parent().text(Name) == "Inside Sales, 15 tasks"
    assert card.parent().indexOfChild(card) >= 0
    assert card.parent().parent().text(Name) == "Kanban board"
    assert card.rect().isValid() and board.rect().contains(card.rect().center())
    # What a screen reader asks of every item (AT-SPI asks for these): no crash, nothing.
    assert card.tableCellInterface() is None and card.textInterface() is None
    assert card.valueInterface() is None and card.attributesInterface() is None
    assert card.actionInterface() is not None
    assert card_named(window, IMPORT).text(Name) == (
        "Import trade-show lead list into CRM — Marketing, owner Emily Carter, due tomorrow, "
        "at risk: Flagged, Behind"
    )
    first_lane = lanes[0]
    adds = [c.text(Name) for c in children(first_lane) if c.role() == QAccessible.Role.Button]
    assert adds == [
        "Add a task to Backlog",
        "Add a task to To do",
        "Add a task to In progress",
        "Add a task to Waiting",
        "Show 2 more finished tasks",
    ]


def test_the_current_card_is_focused_selected_and_told(window, demo_session):
    """Choosing a card makes it the focused, selected child, and tells the screen reader."""
    view = window.board_view
    told = []
    view.accessibleEventPosted.connect(lambda kind, words: told.append((kind, words)))
    view.setFocus()
    QTest.qWait(0)
    task = task_named(demo_session, BUDGET)
    view.set_current_task(task.id)
    card = card_named(window, BUDGET)
    assert card.state().focused and card.state().selected
    assert board_of(window).focusChild().text(Name) == card.text(Name)
    assert not board_of(window).state().focused  # the card has the focus, not the pane
    assert board_of(window).text(QAccessible.Text.Description) == ""  # said once, by the card
    assert told == [
        (QAccessible.Event.Focus, card.text(Name)),
        (QAccessible.Event.Selection, card.text(Name)),
    ]


def test_focus_coming_back_to_the_board_lands_on_its_card(window, demo_session, qtbot):
    """Tabbing back to the board: the screen reader is told its current card has the focus."""
    view = window.board_view
    view.set_current_task(task_named(demo_session, IMPORT).id)
    view.clearFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    told = []
    view.accessibleEventPosted.connect(lambda kind, words: told.append((kind, words)))
    view.setFocus()
    qtbot.waitUntil(lambda: bool(told))
    assert told == [(QAccessible.Event.Focus, card_named(window, IMPORT).text(Name))]
    assert card_named(window, IMPORT).state().focused


def test_a_move_is_announced(window, demo_session):
    """Alt+→ moves the current card a column on, and the screen reader hears where to."""
    view = window.board_view
    told = []
    view.accessibleEventPosted.connect(lambda kind, words: told.append((kind, words)))
    view.setFocus()
    task = task_named(demo_session, BUDGET)
    view.set_current_task(task.id)
    told.clear()
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert told == [(QAccessible.Event.Announcement, "Moved to Waiting")]
    card = card_named(window, BUDGET)
    assert card.text(QAccessible.Text.Description).startswith("Waiting, ")
    assert card.state().focused


def test_a_move_within_the_column_says_the_place(window, demo_session):
    """Alt+↑ moves the card one place up: the screen reader hears its new place."""
    view = window.board_view
    told = []
    view.accessibleEventPosted.connect(lambda kind, words: told.append((kind, words)))
    view.setFocus()
    view.set_current_task(task_named(demo_session, "Merge duplicate contacts in CRM").id)
    told.clear()
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert told == [(QAccessible.Event.Announcement, "Moved to place 2 in In progress")]


def test_actions_move_and_fold(window, demo_session):
    """A screen reader's actions: move the card to a named column, fold a lane."""
    view = window.board_view
    told = []
    view.accessibleEventPosted.connect(lambda kind, words: told.append((kind, words)))
    card = card_named(window, IMPORT)
    actions = card.actionInterface()
    names = actions.actionNames()
    assert QAccessibleActionInterface.pressAction() in names
    words = [actions.localizedActionName(n) for n in names]
    assert words == [
        "Open the task",
        "Select the card",
        "Show the card's menu",
        "Move to To do",
        "Move to Waiting",
    ]
    actions.doAction("Move left")
    assert demo_session.board.tasks[task_named(demo_session, IMPORT).id].status_id == (
        demo_session.board.find_status("To do").id
    )
    assert (QAccessible.Event.Announcement, "Moved to To do") in told
    lane = card_named(window, IMPORT).parent()
    assert lane.actionInterface().localizedActionName(
        QAccessibleActionInterface.toggleAction()
    ) == "Fold the lane"
    lane.actionInterface().doAction(QAccessibleActionInterface.toggleAction())
    assert lane.state().collapsed and lane.childCount() == 0


def test_a_change_from_someone_else_on_the_focused_card_is_read(window, demo_session, demo_store):
    """Another person's change, arriving by the live feed, on the focused card is read out
    with their name; my own change is not."""
    view = window.board_view
    told = []
    view.accessibleEventPosted.connect(lambda kind, words: told.append((kind, words)))
    task = task_named(demo_session, BUDGET)
    view.set_current_task(task.id)
    daiki = demo_session.board.find_person("Daiki Sato").id
    colleague = BoardSession(demo_store, daiki, today=clock.today)
    colleague.apply(SetFields("task", task.id, (("title", "Budget for webinar leads"),)))
    told.clear()
    demo_session.pull()  # what the window's live feed does
    assert told == [
        (
            QAccessible.Event.Announcement,
            "Changed by Daiki Sato: Budget for webinar leads — Inside Sales, "
            "owner Daiki Sato, 2 days late, at risk: Late",  # no longer stale: just edited
        )
    ]
    told.clear()
    demo_session.apply(SetFields("task", task.id, (("progress", 60),)))
    assert told == []  # my own change: nothing to announce


def test_the_board_speaks_japanese(japanese_ui, qtbot, demo_session):
    """Under the Japanese catalogue the same tree speaks Japanese, with its punctuation."""
    win = MainWindow(demo_session)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    board = board_of(win)
    assert board.text(Name) == "カンバンボード"
    names = [c.text(Name) for c in children(board)]
    # Status and team names are the board's own (this demo board is the English one).
    assert names[2:4] == ["In progress、15件中14件", "Waiting、5件中7件、上限超過"]
    assert names[5] == "Marketing、15件"
    card = card_named(win, BUDGET)
    assert card.text(Name) == (
        "Fill in missing budget for webinar leads（Inside Sales）、担当者：Daiki Sato、"
        "2日超過、リスクあり：期限超過、停滞"
    )
    assert card.text(QAccessible.Text.Description) == (
        "In progress、高、記録なしで担当変更、進捗40%"
    )


def test_an_item_gone_from_the_board_says_so(window):
    """A card a filter hides is no longer a child; its old interface answers as invalid
    (a screen reader may still hold it) instead of failing, and comes back with the card."""
    card = card_named(window, IMPORT)
    window.model.set_filter(TaskFilter(text="Minato"))
    assert not card.isValid()
    assert card.text(Name) == "" and card.state().invalid
    assert card.actionInterface().actionNames() == []
    board = board_of(window)
    columns = [c.text(Name) for c in children(board) if c.role() == QAccessible.Role.ColumnHeader]
    assert columns[2] == "In progress, 2 of 14 tasks shown"
    window.model.set_filter(TaskFilter())
    assert card.isValid() and card.text(Name).startswith(IMPORT)


SECOND_APPLICATION = r"""
import sys
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from renkei.app.opening import open_store
from renkei.app.session import BoardSession
from renkei.ui.board_events import BoardEvents
from renkei.ui.kanban.model import KanbanModel
from renkei.ui.kanban.view import KanbanView


def board_view():
    session = BoardSession(open_store(sys.argv[1]), None)
    view = KanbanView(KanbanModel(session, BoardEvents(session)))
    return QAccessible.queryAccessibleInterface(view).role().name


first = QApplication(sys.argv[:1])
print(board_view())  # the factory installed under the first application
first.shutdown()  # Qt forgets its accessibility factories with the application
second = QApplication(sys.argv[:1])
print(board_view())
"""


def test_the_board_speaks_under_a_second_application(demo_store):
    """A process that ended one application and made another (the command line speaking
    Japanese, then the window; one test after another) still has painted views that speak."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SECOND_APPLICATION, demo_store.location],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["Pane", "Pane"]
