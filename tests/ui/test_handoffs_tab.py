"""The Handoffs tab in the main window, used as a new team lead would: "where did this
lead's information get lost, and which team pair loses the most?" in two clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from renkei.domain.handoff import HandoffState
from renkei.ui.main_window import MainWindow

KITAHAMA = "Hand off Kitahama Logistics to Customer Success"


def titled(board, title):
    return next(t for t in board.tasks.values() if t.title == title)


@pytest.fixture
def window(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    return window


def click_card(window, task_id):
    view = window.board_view
    view.ensure_visible(task_id)
    rect = view.card_rect(task_id)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def click_tab(window, index):
    bar = window.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_two_clicks_from_a_card_to_where_its_information_got_lost(window, demo_session):
    """Click the Kitahama card, then the Handoffs tab: its chain names hop 2 (Field Sales →
    Customer Success) as where budget and consent went missing, the matrix names the pair
    that loses the most, and the detail pane still shows the task."""
    board = demo_session.board
    task = titled(board, KITAHAMA)
    click_card(window, task.id)  # 1
    click_tab(window, window.tabs.indexOf(window.handoffs_tab))  # 2
    tab = window.handoffs_tab
    assert window.tabs.currentWidget() is tab and tab.isVisible()
    assert tab.chain.task_id == task.id
    rows = tab.chain.hop_rows()
    assert [r["breaking"] for r in rows] == [False, True]
    assert rows[1]["label"].endswith("Field Sales → Customer Success")
    assert {"budget", "consent"} <= set(rows[1]["lost"])
    assert "Field Sales → Customer Success" in tab.chain.verdict()
    teams = {t.name: t.id for t in board.teams.values()}
    analysis = demo_session.handoff_analysis()
    worst = analysis.worst_pair()
    assert tab.matrix.worst() == (worst.from_team_id, worst.to_team_id)
    assert worst.from_team_id == teams["Marketing"] and worst.to_team_id == teams["Inside Sales"]
    assert "Marketing → Inside Sales" in tab.worst_label.text()
    assert window.detail.task_id == task.id


def test_a_matrix_cell_opens_its_handoffs_and_a_log_row_opens_its_task(qtbot, window):
    """Clicking Inside Sales → Field Sales keeps only that pair's handoffs in the log;
    choosing a row makes its task current on the board and in the detail pane."""
    board = window.session.board
    teams = {t.name: t.id for t in board.teams.values()}
    pair = (teams["Inside Sales"], teams["Field Sales"])
    window.show_handoffs(None)
    tab = window.handoffs_tab
    rect = tab.matrix.cell_rect(*pair)
    QTest.mouseClick(tab.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    entries = tab.log.visible_entries()
    cell = window.session.handoff_analysis().matrix[pair]
    assert sorted(e.handoff.id for e in entries) == sorted(cell.handoff_ids)
    assert "Only Inside Sales → Field Sales" in tab.log.scope_label.text()
    tab.log.table.selectRow(0)
    chosen = tab.log.current_entry()
    assert window.board_view.current_task == chosen.task_id
    assert window.detail.task_id == chosen.task_id
    assert tab.chain.task_id == chosen.task_id
    tab.log.clear_scope()
    assert len(tab.log.visible_entries()) == len(window.session.handoff_analysis().entries)


def test_log_filters_by_finding_kind_and_text(window):
    window.show_handoffs(None)
    log = window.handoffs_tab.log
    log.kind_combo.setCurrentIndex(log.kind_combo.findData("silent_handoff"))
    [silent] = log.visible_entries()
    assert silent.handoff is None and silent.state == "silent"
    log.kind_combo.setCurrentIndex(log.kind_combo.findData(""))
    log.search.setText("kitahama")
    assert {e.task_id for e in log.visible_entries()} == {titled(window.session.board, KITAHAMA).id}


def test_the_card_menu_offers_the_receivers_actions(qtbot, window, monkeypatch):
    """Right-clicking a card makes it current and asks for its menu; as its receiver, the
    menu holds Acknowledge … and choosing Accept moves the task, in the tab too."""
    session = window.session
    task = titled(session.board, "Confirm consent records with the booth vendor")
    session.set_actor(session.board.find_person("Misaki Nakamura").id)
    asked = []
    window.board_view.menuRequested.connect(lambda task_id, _pos: asked.append(task_id))
    monkeypatch.setattr(MainWindow, "show_card_menu", lambda self, *a: None)
    view = window.board_view
    view.ensure_visible(task.id)
    centre = view.card_rect(task.id).center().toPoint()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, centre, view.viewport().mapToGlobal(centre)
    )
    QApplication.sendEvent(view.viewport(), event)
    assert asked == [task.id] and view.current_task == task.id
    actions = window.handoff_actions.menu_actions(task.id, window)
    texts = [a.text() for a in actions if a.isEnabled()]
    assert texts[:2] == ["Acknowledge", "Accept — take the task over"]
    actions[2].trigger()  # Accept
    handoff = session.board.handoffs_of(task.id)[-1]
    assert handoff.state is HandoffState.ACCEPTED
    window.show_handoffs(task.id)
    assert window.handoffs_tab.chain.hop_rows()[-1]["state"] == "Accepted"


def test_the_tabs_are_reached_from_the_keyboard(window):
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.handoffs_tab
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.timeline_tab
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.board_view
