"""Standup mode from the main window: F11 presents the board, "held" is recorded on the
board (so the next standup starts there), and the team order the lead chose is kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from renkei.app.settings import LocalSettings
from renkei.ui.dialogs.standup_order import StandupOrderDialog
from renkei.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_session, monkeypatch):
    monkeypatch.setattr(MainWindow, "choose_screen", classmethod(lambda cls, w: None))
    window = MainWindow(demo_session, LocalSettings())
    window.remember = False  # never write the user's settings from a test
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_f11_presents_the_board_since_the_last_standup(qtbot, window, demo_session):
    last = demo_session.board.last_standup()
    QTest.keyClick(window, Qt.Key.Key_F11)
    standup = window.standup
    assert standup is not None and standup.isVisible()
    standup.resize(1920, 1080)  # the projector (the offscreen screen is small)
    assert standup.slide_title(0) == "Marketing"
    assert any("Since last standup" in text for text in standup.texts())
    assert last is not None  # the demo held one three days ago


def test_marking_the_standup_held_records_it_on_the_board(qtbot, window, demo_session):
    before = demo_session.board.last_standup()
    window.start_standup()
    standup = window.standup
    standup.go_to(standup.slide_count - 1)
    QTest.keyClick(standup, Qt.Key.Key_H)
    held = demo_session.board.last_standup()
    assert held != before and held.held_by == demo_session.actor_id
    assert held.held_at > before.held_at
    QTest.keyClick(standup, Qt.Key.Key_Escape)
    assert window.standup is None
    window.start_standup()  # the next one starts at the one just held
    window.standup.resize(1920, 1080)
    assert not any("Since last standup" in t for t in window.standup.texts())


def test_the_chosen_team_order_is_used(qtbot, window, demo_session, monkeypatch):
    board = demo_session.board
    order = [t.id for t in reversed(board.ordered_teams())]
    monkeypatch.setattr(StandupOrderDialog, "ask", classmethod(lambda c, p, b, o: order))
    window.edit_standup_order()
    assert window.settings.standup_order[demo_session.store.location] == order
    window.start_standup()
    assert window.standup.slide_title(0) == board.teams[order[0]].name


def test_the_order_dialog_lists_every_team_in_the_current_order(qtbot, demo_session):
    board = demo_session.board
    order = [board.find_team("Field Sales").id]
    dialog = StandupOrderDialog(board, order)
    qtbot.addWidget(dialog)
    names = [board.teams[i].name for i in dialog.order()]
    assert names[0] == "Field Sales" and sorted(names) == sorted(
        t.name for t in board.teams.values()
    )


def test_the_order_is_set_by_keyboard_too(qtbot, demo_session):
    """Alt+↓ / Alt+↑ on the list, or the Move up / Move down buttons, move the chosen team;
    it stays chosen, and nothing moves past either end."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    board = demo_session.board
    dialog = StandupOrderDialog(board, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # (shortcuts reach the active window only)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    first, second = dialog.order()[:2]
    dialog.teams.setFocus()
    QTest.keyClick(dialog.teams, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert dialog.order()[:2] == [second, first]
    assert dialog.teams.currentItem().data(Qt.ItemDataRole.UserRole) == first
    dialog.up.click()
    assert dialog.order()[:2] == [first, second]
    dialog.up.click()  # at the top already
    assert dialog.order()[:2] == [first, second]


def test_the_standup_order_survives_a_restart(tmp_path):
    path = tmp_path / "settings.json"
    settings = LocalSettings(standup_order={"/boards/team.renkei": [3, 1, 2]})
    settings.save(path)
    assert LocalSettings.load(path).standup_order == {"/boards/team.renkei": [3, 1, 2]}
