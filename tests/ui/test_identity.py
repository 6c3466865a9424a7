"""Who am I on this board: pick yourself from the people grouped by team, or add yourself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from renkei.app.errors import StorageError
from renkei.app.session import BoardSession
from renkei.ui.dialogs.identity import PERSON_ROLE, IdentityDialog


@pytest.fixture
def anonymous(demo_store):
    """A session whose user has not said who they are yet."""
    return BoardSession(demo_store, None)


@pytest.fixture
def dialog(qtbot, anonymous):
    dialog = IdentityDialog(anonymous)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def when_shown(action, tries=200):
    """Run ``action(dialog)`` once the modal identity dialog is up (ask() calls exec())."""

    def poll(left=tries):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, IdentityDialog) and dialog.isVisible():
            action(dialog)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def item_for(dialog, person_id):
    tree = dialog.people
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        for c in range(group.childCount()):
            if group.child(c).data(0, PERSON_ROLE) == person_id:
                return group.child(c)
    raise LookupError(person_id)


def test_people_are_listed_under_their_team(dialog, anonymous):
    """Every person appears once, under their team's heading, with their role."""
    board = anonymous.board
    tree = dialog.people
    headings = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert headings == [t.name for t in board.ordered_teams()]
    kenta = board.find_person("Kenta Mori")
    item = item_for(dialog, kenta.id)
    assert item.parent().text(0) == "Marketing" and item.text(1) == "Content marketer"
    assert not dialog.ok_button.isEnabled()  # nobody chosen yet


def test_picking_a_person_returns_their_id(dialog, anonymous):
    """Choosing a name and pressing OK gives that person's id."""
    kenta = anonymous.board.find_person("Kenta Mori")
    dialog.select_person(kenta.id)
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.person_id == kenta.id


def test_enter_on_a_person_accepts(dialog, anonymous):
    """Return on a highlighted name accepts it."""
    aya = anonymous.board.find_person("Aya Yamamoto")
    dialog.select_person(aya.id)
    QTest.keyClick(dialog.people, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.person_id == aya.id


def test_double_click_on_a_person_accepts(dialog, anonymous):
    """Double-clicking a name accepts it."""
    daiki = anonymous.board.find_person("Daiki Sato")
    item = item_for(dialog, daiki.id)
    tree = dialog.people
    tree.scrollToItem(item)
    centre = tree.visualItemRect(item).center()
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.person_id == daiki.id


def test_filter_narrows_the_list(dialog):
    """Typing part of a name or role hides everyone else and empty teams."""
    dialog.filter_edit.setText("success lead")
    tree = dialog.people
    shown = [
        tree.topLevelItem(g).child(c).text(0)
        for g in range(tree.topLevelItemCount())
        for c in range(tree.topLevelItem(g).childCount())
        if not tree.topLevelItem(g).child(c).isHidden()
    ]
    assert shown == ["Aya Yamamoto"]


def test_adding_yourself_creates_a_person(dialog, anonymous):
    """ "I'm not listed" with a name, team and role creates that person and returns the id."""
    team = anonymous.board.find_team("Inside Sales")
    dialog.add_check.setChecked(True)
    assert not dialog.ok_button.isEnabled()  # a name is required
    dialog.name_edit.setText("Mina Kato")
    dialog.team_combo.setCurrentIndex(dialog.team_combo.findData(team.id))
    dialog.role_edit.setText("SDR (new)")
    assert dialog.ok_button.isEnabled()
    dialog.accept()

    person = anonymous.board.people[dialog.person_id]
    assert (person.name, person.team_id, person.role) == ("Mina Kato", team.id, "SDR (new)")
    assert anonymous.store.load().find_person("Mina Kato") is not None


def test_adding_yourself_while_the_board_is_out_of_reach_keeps_the_dialog(
    dialog, anonymous, monkeypatch
):
    """The save cannot reach the board: the dialog says why and keeps the name typed."""

    def unreachable(*args, **kwargs):
        raise StorageError("The board could not be reached: disk I/O error")

    monkeypatch.setattr(anonymous.store, "apply_all", unreachable)
    dialog.add_check.setChecked(True)
    dialog.name_edit.setText("Mina Kato")
    dialog.accept()

    assert dialog.isVisible() and dialog.person_id is None
    assert dialog.message() == ("Could not add you: The board could not be reached: disk I/O error")
    assert dialog.name_edit.text() == "Mina Kato"


def test_adding_a_listed_name_points_to_the_list(dialog):
    """Typing a name that is already on the board disables OK and says to pick it instead."""
    dialog.add_check.setChecked(True)
    dialog.name_edit.setText("Haruka Aoki")
    assert not dialog.ok_button.isEnabled()
    assert "already on the list" in dialog.message()


def test_ask_seam_returns_the_choice(qtbot, anonymous):
    """IdentityDialog.ask() returns the chosen id, or None when cancelled."""
    yuki = anonymous.board.find_person("Yuki Tanaka")

    def choose(dialog):
        dialog.select_person(yuki.id)
        dialog.accept()

    when_shown(choose)
    assert IdentityDialog.ask(None, anonymous) == yuki.id

    when_shown(lambda dialog: QTest.keyClick(dialog, Qt.Key.Key_Escape))
    assert IdentityDialog.ask(None, anonymous) is None
