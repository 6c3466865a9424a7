"""Starting the desktop app: the default board with the demo, who you are, refusals."""

from __future__ import annotations

from damage import scribble_on_history
from renkei.app import paths
from renkei.app.settings import LocalSettings
from renkei.ui.app import WindowKeeper, create_application


def _close_all(keeper: WindowKeeper) -> None:
    for window in keeper.windows:
        window.close()


def test_first_start_makes_the_demo_board_and_asks_who_you_are(qtbot, monkeypatch):
    """No board yet: the default board is created with the demo; the chosen person is kept."""
    create_application()
    asked = []

    def pick_first(parent, session):
        asked.append(True)
        return session.board.find_person("Yuki Tanaka").id

    monkeypatch.setattr("renkei.ui.dialogs.identity.IdentityDialog.ask", pick_first)
    keeper = WindowKeeper(LocalSettings.load())
    assert keeper.open(None)
    window = keeper.windows[0]
    qtbot.addWidget(window)
    assert paths.default_board_path().exists()
    assert len(window.session.board.tasks) >= 50
    assert window.session.board.people[window.session.actor_id].name == "Yuki Tanaka"
    assert asked == [True]
    remembered = LocalSettings.load()
    assert remembered.identity(str(paths.default_board_path())) == "Yuki Tanaka"
    assert remembered.recent[0] == str(paths.default_board_path())
    _close_all(keeper)

    # The second start remembers: no question asked.
    again = WindowKeeper(LocalSettings.load())
    assert again.open(None)
    qtbot.addWidget(again.windows[0])
    assert asked == [True]
    assert again.windows[0].session.board.people[again.windows[0].session.actor_id].name == (
        "Yuki Tanaka"
    )
    _close_all(again)


def test_as_name_skips_the_question(qtbot, monkeypatch, demo_store, board_path):
    """--as NAME signs the session in without a dialog."""
    create_application()
    monkeypatch.setattr(
        "renkei.ui.dialogs.identity.IdentityDialog.ask",
        lambda *a: (_ for _ in ()).throw(AssertionError("must not ask")),
    )
    keeper = WindowKeeper(LocalSettings.load())
    assert keeper.open(str(board_path), actor="Daiki Sato")
    window = keeper.windows[0]
    qtbot.addWidget(window)
    assert window.session.board.people[window.session.actor_id].name == "Daiki Sato"
    _close_all(keeper)


def test_a_file_that_is_not_a_board_is_refused_with_a_message(qtbot, monkeypatch, tmp_path):
    """Opening a text file shows 'not a Renkei board' and leaves the file as it was."""
    create_application()
    shown = []
    monkeypatch.setattr(
        "renkei.ui.app.QMessageBox.critical", lambda parent, title, text: shown.append(text)
    )
    notes = tmp_path / "notes.renkei"
    notes.write_text("meeting notes, not a board\n", encoding="utf-8")
    before = notes.read_bytes()
    keeper = WindowKeeper(LocalSettings.load())
    assert not keeper.open(str(notes))
    assert keeper.windows == []
    assert len(shown) == 1 and "not a Renkei board" in shown[0]
    assert notes.read_bytes() == before


def test_declining_to_choose_an_identity_opens_nothing(qtbot, monkeypatch, demo_store, board_path):
    """Cancelling 'who are you' does not open a window that would record changes anonymously."""
    create_application()
    monkeypatch.setattr("renkei.ui.dialogs.identity.IdentityDialog.ask", lambda *a: None)
    keeper = WindowKeeper(LocalSettings.load())
    assert not keeper.open(str(board_path))
    assert keeper.windows == []


def test_conflict_copies_are_pointed_out_on_open(qtbot, monkeypatch, demo_store, board_path):
    """Opening a board with a sync conflict copy beside it offers to merge the copy."""
    from renkei.ui.dialogs.merge_copies import MergeOffer

    create_application()
    offered = []
    monkeypatch.setattr(
        MergeOffer, "ask", classmethod(lambda cls, parent, copies: offered.append(copies))
    )
    copy = board_path.parent / f"{board_path.stem}.sync-conflict-20261127-101500-ABC.renkei"
    copy.write_bytes(b"copy")
    keeper = WindowKeeper(LocalSettings.load())
    assert keeper.open(str(board_path), actor="Daiki Sato")
    qtbot.addWidget(keeper.windows[0])
    assert offered == [[copy]]
    _close_all(keeper)


def test_a_damaged_board_is_salvaged_from_the_window(qtbot, monkeypatch, tmp_path, demo_boards):
    """Opening a damaged board offers salvage; choosing it makes a new board with what can be
    read, opens that one, and leaves the damaged file as it was."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    create_application()
    damaged = demo_boards.copy(tmp_path / "team.renkei", "en")
    scribble_on_history(damaged)
    before = damaged.read_bytes()
    salvaged = tmp_path / "saved.renkei"
    monkeypatch.setattr(
        "renkei.ui.app.QFileDialog.getSaveFileName", lambda *a, **k: (str(salvaged), "")
    )
    informed = []
    monkeypatch.setattr(
        "renkei.ui.app.QMessageBox.information", lambda p, t, text: informed.append(text)
    )
    monkeypatch.setattr(
        "renkei.ui.dialogs.identity.IdentityDialog.ask",
        lambda parent, session: session.board.find_person("Yuki Tanaka").id,
    )
    offered = []

    def choose_salvage():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, choose_salvage)
            return
        offered.append(box.text())
        button = next(b for b in box.buttons() if "Salvage" in b.text())
        button.click()

    QTimer.singleShot(0, choose_salvage)
    keeper = WindowKeeper(LocalSettings.load())
    assert keeper.open(str(damaged))
    window = keeper.windows[0]
    qtbot.addWidget(window)
    assert "damaged" in offered[0]
    assert window.session.store.location == str(salvaged)
    assert sum(not t.archived for t in window.session.board.tasks.values()) == 60
    assert "rows were copied" in informed[0]
    assert damaged.read_bytes() == before
    _close_all(keeper)
