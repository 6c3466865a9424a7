"""The window tells where the board lives: in the sync indicator's tooltip always, and once as
a bar above the board for a synced folder or a share, with a way to move it to a server.

A Syncthing marker (.stfolder) beside the board makes a real synced folder: no mocks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import create_engine, inspect

from fakes import MemoryKeyring
from renkei.app.settings import LocalSettings
from renkei.store.board_store import BoardStore
from renkei.store.copy import CopyReport
from renkei.ui.dialogs.move_to_server import CopyWorker, MoveResult, MoveToServerDialog
from renkei.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def memory_keyring():
    """Never the real keyring of the machine running the tests."""
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def synced(board_path):
    """The board's folder is a Syncthing folder."""
    (board_path.parent / ".stfolder").mkdir()


def open_window(qtbot, session, opener=None) -> MainWindow:
    window = MainWindow(session, LocalSettings.load(), opener=opener)
    qtbot.addWidget(window)
    window.show()
    return window


def close(window: MainWindow) -> None:
    window.close()


# -- the banner ---------------------------------------------------------------------------------


def test_a_board_in_a_synced_folder_shows_the_banner(qtbot, synced, demo_session):
    """The bar names the place and says what it means, with both buttons ready."""
    window = open_window(qtbot, demo_session)
    banner = window.location_banner
    assert banner is not None and banner.isVisible()
    text = banner.label.text()
    assert text.startswith("team.renkei — In a folder synced by Syncthing.")
    assert "conflict copy" in text and "server" in text
    assert banner.move_button.text() == "Move this board to a server…"
    assert banner.dismiss_button.text() == "Got it"
    for control in (banner, banner.move_button, banner.dismiss_button):
        assert control.accessibleName()
    for button in (banner.move_button, banner.dismiss_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Never clipped: the words wrap inside the bar at the smallest window size we support.
    window.resize(1366, 768)
    qtbot.waitUntil(
        lambda: banner.label.height() >= banner.label.heightForWidth(banner.label.width())
    )
    close(window)


def test_a_local_board_shows_no_banner(qtbot, demo_session):
    window = open_window(qtbot, demo_session)
    assert window.location_banner is None
    close(window)


def test_got_it_hides_the_banner_for_good_for_this_board(qtbot, synced, demo_session):
    """'Got it' hides the bar and is remembered in the local settings, not in the board."""
    window = open_window(qtbot, demo_session)
    qtbot.mouseClick(window.location_banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not window.location_banner.isVisible()
    location = demo_session.store.location
    assert LocalSettings.load().location_notes_seen == [location]
    close(window)

    again = open_window(qtbot, demo_session)
    assert again.location_banner is None
    assert "Syncthing" in again.sync_status.toolTip()  # still told, quietly
    close(again)


def test_got_it_works_from_the_keyboard(qtbot, synced, demo_session):
    window = open_window(qtbot, demo_session)
    button = window.location_banner.dismiss_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert not window.location_banner.isVisible()
    assert LocalSettings.load().location_note_seen(demo_session.store.location)
    close(window)


# -- the tooltip --------------------------------------------------------------------------------


def test_the_sync_indicator_tooltip_says_where_the_board_lives(qtbot, synced, demo_session):
    window = open_window(qtbot, demo_session)
    tip = window.sync_status.toolTip()
    assert "In a folder synced by Syncthing" in tip
    assert "conflict copy" in tip
    assert all(len(line) <= 100 for line in tip.splitlines()[1:])  # wrapped, not one long line
    close(window)


def test_the_tooltip_of_a_local_board(qtbot, demo_session):
    window = open_window(qtbot, demo_session)
    assert "On this computer's disk" in window.sync_status.toolTip()
    close(window)


def test_the_tooltip_and_banner_in_japanese(qtbot, synced, demo_session, japanese_ui):
    window = open_window(qtbot, demo_session)
    tip = window.sync_status.toolTip()
    assert "Syncthing で同期されるフォルダーにあります" in tip
    assert not any(line.startswith(("。", "、")) for line in tip.splitlines())  # 禁則
    assert all(len(line) <= 60 for line in tip.splitlines()[1:])
    assert window.location_banner.dismiss_button.text() == "了解"
    assert "競合コピー" in window.location_banner.label.text()
    close(window)


# -- moving the board to a server ------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, board_path):
    made = MoveToServerDialog(str(board_path))
    qtbot.addWidget(made)
    made.show()
    return made


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "Type the server's address, for example postgresql://user@host:5432/database."),
        (
            "db.example.com",
            "“db.example.com” is not a server address. "
            "Write it as postgresql://user@host:5432/database.",
        ),
        (
            "postgresql://kenta:s3cret@/renkei",  # no host
            "“postgresql://kenta@/renkei” is not a server address. "
            "Write it as postgresql://user@host:5432/database.",
        ),
    ],
)
def test_a_bad_address_is_refused_with_a_clear_message(qtbot, dialog, typed, said):
    """Nothing is copied; the message says how to write it; the password never shows."""
    dialog.address_edit.setText(typed)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert dialog.problem_label.isVisible()
    assert dialog.problem_label.text() == said
    assert "s3cret" not in dialog.problem_label.text()
    assert dialog.worker is None and dialog.isVisible() and dialog.result_ is None


@pytest.mark.postgres
def test_the_board_is_copied_to_the_server_and_offered_to_open(
    qtbot, synced, demo_session, pg_url, monkeypatch
):
    """From the banner: the dialog copies the board (every row), then the window offers the
    server board and opens it through the opener, as File → Open does."""
    opened = []
    window = open_window(qtbot, demo_session, opener=lambda *a, **k: opened.append((a, k)))
    monkeypatch.setattr(MainWindow, "ask_open_server", classmethod(lambda cls, p, m: True))

    def fill_and_copy(parent, source):
        dialog = MoveToServerDialog(source, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.address_edit.setText(pg_url.replace("postgresql+psycopg://", "postgresql://"))
        dialog.start()
        assert not dialog.copy_button.isEnabled() and dialog.progress.isVisible()
        qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=60_000)
        return dialog.result_

    monkeypatch.setattr(MoveToServerDialog, "ask", staticmethod(fill_and_copy))
    qtbot.mouseClick(window.location_banner.move_button, Qt.MouseButton.LeftButton)

    [(args, kwargs)] = opened
    assert args[0] == pg_url
    server = BoardStore.open(pg_url, create=False)
    try:
        assert len(server.load().tasks) == len(demo_session.board.tasks)
    finally:
        server.dispose()
    close(window)


@pytest.mark.postgres
def test_a_cancelled_copy_leaves_the_server_empty(qtbot, demo_store, pg_url):
    """Cancel stops the copy inside its transaction: the database stays as it was."""
    worker = CopyWorker(demo_store.location, pg_url)
    worker.stop.set()
    with qtbot.waitSignal(worker.cancelled, timeout=60_000):
        worker.start()
    worker.wait()
    engine = create_engine(pg_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


def test_a_move_result_hides_its_password():
    report = CopyReport("team.renkei", "postgresql+psycopg://k@h:5432/d", "team", 3, {"tasks": 2})
    result = MoveResult("postgresql+psycopg://k@h:5432/d", "s3cret", report)
    assert "s3cret" not in repr(result) and "rows=2" in repr(result)
