"""Driving the window with the keyboard alone: no table keeps Tab, Ctrl+1/2/3 put the
keyboard on the tab's main view, each tab starts at its view, the timeline's toolbar and the
shortcuts list are reached and used by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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
