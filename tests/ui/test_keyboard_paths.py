"""Driving the window with the keyboard alone: no table keeps Tab, Ctrl+1/2/3 put the
keyboard on the tab's main view, each tab starts at its view, the timeline's toolbar and the
shortcuts list are reached and used by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from renkei.render.timeline_rows import Zoom
from renkei.ui.dialogs.shortcuts import ShortcutsDialog
from renkei.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def key(qtbot, modifier=Qt.KeyboardModifier.NoModifier, which=Qt.Key.Key_Tab):
    """One key to whatever has the focus, as a person types it."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, which, modifier)


def ctrl(qtbot, window, which):
    """Ctrl+1/2/3, then the tab it shows laid out and the focus where it went."""
    qtbot.keyClick(window, which, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tabs.currentWidget().isVisible())
    qtbot.wait(20)


def test_ctrl_3_puts_the_keyboard_on_the_matrix_and_tab_walks_the_whole_tab(qtbot, window):
    """Ctrl+3: the matrix has the focus. Tab: the chain, the log's search, its two filters,
    the log table, and on out of the tab — never round the matrix's cells."""
    ctrl(qtbot, window, Qt.Key.Key_3)
    tab = window.handoffs_tab
    assert window.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.matrix)
    assert tab.matrix.isVisible()
    seen = []
    for _ in range(6):
        key(qtbot)
        seen.append(QApplication.focusWidget())
    log = tab.log
    assert seen[:5] == [tab.chain, log.search, log.kind_combo, log.state_combo, log.table]
    assert seen[5] is not tab.matrix and not tab.isAncestorOf(seen[5])


def test_tab_leaves_the_matrix_and_shift_tab_leaves_the_log(qtbot, window):
    """The old trap: Tab in the matrix walked its cells for ever; Shift+Tab in the log
    walked its rows. Both now move to the next control."""
    ctrl(qtbot, window, Qt.Key.Key_3)
    tab = window.handoffs_tab
    start = tab.matrix.currentIndex()
    key(qtbot)
    assert QApplication.focusWidget() is tab.chain
    assert tab.matrix.currentIndex() == start  # no cell walked
    tab.log.table.setFocus()
    key(qtbot, Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is tab.log.state_combo
    tab.log.table.setFocus()
    key(qtbot)
    assert not tab.log.table.hasFocus()
    key(qtbot, Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is tab.log.table


def test_ctrl_1_and_ctrl_2_put_the_keyboard_on_the_board_and_the_chart(qtbot, window):
    ctrl(qtbot, window, Qt.Key.Key_2)
    assert window.tabs.currentWidget() is window.timeline_tab
    assert QApplication.focusWidget() is window.timeline_tab.view
    ctrl(qtbot, window, Qt.Key.Key_1)
    assert window.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is window.board_view


def test_the_timeline_zooms_fits_and_shows_the_critical_path_by_keys(qtbot, window):
    """Alt+1…4 choose Day…Quarter, Ctrl+- and Ctrl+= zoom out and in, Ctrl+0 fits the chart
    to the current task, Ctrl+Shift+P outlines the critical path; Tab from the chart reaches
    the toolbar's buttons, and Space presses one."""
    ctrl(qtbot, window, Qt.Key.Key_2)
    tab = window.timeline_tab
    view = tab.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    key(qtbot, Qt.KeyboardModifier.AltModifier, Qt.Key.Key_3)
    assert view.zoom is Zoom.MONTH and tab.zoom_actions[Zoom.MONTH].isChecked()
    key(qtbot, Qt.KeyboardModifier.AltModifier, Qt.Key.Key_1)
    assert view.zoom is Zoom.DAY
    key(qtbot, Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Minus)
    assert view.zoom is Zoom.WEEK
    key(qtbot, Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Equal)
    assert view.zoom is Zoom.DAY
    key(qtbot, Qt.KeyboardModifier.AltModifier, Qt.Key.Key_4)
    assert view.zoom is Zoom.QUARTER
    fitted = []
    view.fit_to = lambda ids: fitted.append(list(ids))
    key(qtbot, Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_0)
    current = view.current_task
    assert fitted == [[current] if current is not None else view.shown_task_ids()]
    assert not tab.critical_action.isChecked()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    key(qtbot, ctrl_shift, Qt.Key.Key_P)
    assert tab.critical_action.isChecked()
    assert "Ctrl+Shift+P" in tab.critical_action.toolTip()

    view.setFocus()
    key(qtbot)
    day_button = tab.toolbar.widgetForAction(tab.zoom_actions[Zoom.DAY])
    assert QApplication.focusWidget() is day_button
    key(qtbot, which=Qt.Key.Key_Space)
    assert view.zoom is Zoom.DAY
    for _ in range(6):  # Week, Month, Quarter, Today, Fit, Critical path
        key(qtbot)
    assert QApplication.focusWidget() is tab.toolbar.widgetForAction(tab.critical_action)


def test_the_shortcuts_list_takes_the_keyboard_and_names_the_card_menu_keys(qtbot, window):
    """F1: the list is reached with Tab from its search and scrolls with Page Down; it says
    the card's menu opens with the Menu key and Shift+F10 too."""
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.search.setFocus()
    qtbot.waitUntil(dialog.search.hasFocus)
    key(qtbot)
    assert QApplication.focusWidget() is dialog.tree
    bar = dialog.tree.verticalScrollBar()
    assert bar.maximum() > 0
    for _ in range(3):
        key(qtbot, which=Qt.Key.Key_PageDown)
    assert bar.value() > 0
    card_rows = [r for r in dialog.visible_rows() if r[0] == "Cards on the board"]
    menu = "The card's menu: hand off, handoffs, archive"
    assert ("Cards on the board", menu, "Right-click, Menu key, Shift+F10") in card_rows
    dialog.close()


def test_shift_f10_opens_the_current_cards_menu(qtbot, window):
    view = window.board_view
    task_id = next(iter(window.model.task_ids()))
    view.set_current_task(task_id)
    asked = []
    view.menuRequested.disconnect()
    view.menuRequested.connect(lambda task, _where: asked.append(task))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    key(qtbot, Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_F10)
    assert asked == [task_id]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_tab_from_the_tab_bar_lands_on_the_tabs_main_view(qtbot, window, index):
    """Board, Timeline, Handoffs: the first stop after the tab's name is its main view."""
    window.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: window.tabs.currentWidget().isVisible())
    qtbot.wait(20)
    page = window.tabs.currentWidget()
    main = {0: window.board_view, 1: getattr(page, "view", None), 2: getattr(page, "matrix", None)}
    bar = window.tabs.tabBar()
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(bar.hasFocus)
    key(qtbot)
    assert QApplication.focusWidget() is main[index]


def test_enter_on_an_unscheduled_task_opens_it_to_give_it_dates(qtbot, window):
    """The tray is scheduled by dragging; by keyboard, Enter opens the task's editor."""
    ctrl(qtbot, window, Qt.Key.Key_2)
    tab = window.timeline_tab
    tab.set_tray_open(True)
    assert tab.tray.count() > 0
    opened = []
    tab.openRequested.disconnect()
    tab.openRequested.connect(opened.append)
    tab.tray.setFocus()
    qtbot.waitUntil(tab.tray.hasFocus)
    tab.tray.setCurrentRow(0)
    key(qtbot, which=Qt.Key.Key_Return)
    assert opened == [tab.tray.item(0).data(Qt.ItemDataRole.UserRole)]
