"""Two people on one board: each sees the other's edits without losing their place, undo asks
before replacing someone else's value, and a lost connection is shown, never silent."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

import pg
from renkei.app import credentials
from renkei.app.errors import StorageError
from renkei.app.session import BoardSession
from renkei.app.sync import SyncStatus
from renkei.domain.commands import set_task
from renkei.store.board_store import BoardStore
from renkei.ui.app import create_application
from renkei.ui.dialogs.task_editor import TaskEditor
from renkei.ui.main_window import MainWindow


def task_titled(board, title):
    return next(t for t in board.tasks.values() if t.title == title)


def shown_title(window, task_id) -> str:
    model = window.model
    return model.data(model.index(model.row_of(task_id)), Qt.ItemDataRole.DisplayRole)


@pytest.fixture
def open_window(qtbot):
    """A window as a person has it: its own store and session on the shared board."""
    create_application()
    stores = []

    def make(target, person: str, size=(1600, 1000)):
        store = (
            credentials.open_server_board(target, None)
            if credentials.is_server_url(str(target))
            else BoardStore.open(target)
        )
        stores.append(store)
        session = BoardSession(store, store.load().find_person(person).id)
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for store in stores:
        store.dispose()


@pytest.fixture
def two_windows(demo_store, board_path, open_window):
    """Haruka and Yuki, each with a window on the same board file."""
    return open_window(board_path, "Haruka Aoki"), open_window(board_path, "Yuki Tanaka")


# -- PostgreSQL ----------------------------------------------------------------------------


@pytest.fixture
def pg_board(pg_demo_url, pg_database):
    """The demo board on a fresh server database; also an admin connection and its name."""
    with pg.admin_connection() as admin:
        yield pg_demo_url, admin, pg_database


# -- live updates on a shared file --------------------------------------------------------


def test_an_edit_in_one_window_appears_in_the_other_without_moving_its_place(
    qtbot, demo_store, board_path, open_window
):
    """Haruka retitles the card Yuki is looking at: Yuki's board shows it within the poll,
    with the same card current, the same scroll position and the detail pane updated."""
    haruka = open_window(board_path, "Haruka Aoki")
    yuki = open_window(board_path, "Yuki Tanaka", size=(900, 520))
    view = yuki.board_view
    # A card far enough down that Yuki had to scroll to it.
    target = max(
        (t for t in yuki.session.board.tasks.values() if not t.archived and view.card_rect(t.id)),
        key=lambda t: view.card_rect(t.id).top(),
    )
    view.set_current_task(target.id)
    bar = view.verticalScrollBar()
    assert bar.value() > 0, "the board must be scrolled for this test to mean anything"
    scroll = (bar.value(), view.horizontalScrollBar().value())

    edited = haruka.session.board.tasks[target.id]
    assert haruka.apply(set_task(edited, title="Renamed by Haruka"), "Edit task")

    qtbot.waitUntil(lambda: shown_title(yuki, target.id) == "Renamed by Haruka", timeout=3000)
    assert view.current_task == target.id
    assert (bar.value(), view.horizontalScrollBar().value()) == scroll
    assert yuki.detail.title_label.text() == "Renamed by Haruka"
    assert yuki.sync_status.status is SyncStatus.CONNECTED
    assert yuki.sync_status.text().startswith("Connected · synced ")


def test_an_open_editor_keeps_the_typed_text_and_reports_the_clash_on_save(qtbot, two_windows):
    """Yuki is typing a new title when Haruka saves hers: Yuki's text stays in the editor,
    and saving says the title was changed meanwhile instead of overwriting it."""
    haruka, yuki = two_windows
    task = task_titled(yuki.session.board, "Qualify webinar leads as SQL")
    editor = TaskEditor(yuki.session, task.id, parent=yuki)
    qtbot.addWidget(editor)
    editor.show()
    editor.title_edit.setText("Yuki's title")
    editor.description_edit.setPlainText("Typed while Haruka was editing.")

    assert haruka.apply(set_task(task, title="Haruka's title"), "Edit task")
    qtbot.waitUntil(lambda: shown_title(yuki, task.id) == "Haruka's title", timeout=3000)

    assert editor.title_edit.text() == "Yuki's title"
    assert editor.description_edit.toPlainText() == "Typed while Haruka was editing."
    editor.accept()
    assert editor.isVisible() and not editor.saved
    assert "Title is now “Haruka's title”" in editor.message()
    assert yuki.session.store.load().tasks[task.id].title == "Haruka's title"


# -- undo over someone else's change -----------------------------------------------------


@pytest.mark.parametrize("anyway", [False, True])
def test_undo_after_someone_else_changed_the_field_asks_first(
    qtbot, two_windows, monkeypatch, anyway
):
    """Haruka retitles a task, Yuki retitles it again, Haruka presses Undo: she is asked,
    shown Yuki's title and her old one; No leaves Yuki's title, Yes puts hers back."""
    haruka, yuki = two_windows
    task = task_titled(haruka.session.board, "Qualify webinar leads as SQL")
    original = task.title
    assert haruka.apply(set_task(task, title="Haruka's title"), "Edit task")
    qtbot.waitUntil(lambda: shown_title(yuki, task.id) == "Haruka's title", timeout=3000)
    assert yuki.apply(
        set_task(yuki.session.board.tasks[task.id], title="Yuki's title"), "Edit task"
    )
    qtbot.waitUntil(lambda: shown_title(haruka, task.id) == "Yuki's title", timeout=3000)

    asked = []

    def answer(parent, subject, clashes):
        asked.append((subject, clashes))
        return anyway

    monkeypatch.setattr(MainWindow, "ask_undo_anyway", classmethod(lambda cls, *a: answer(*a)))
    haruka.undo()

    assert len(asked) == 1
    subject, clashes = asked[0]
    assert subject == "“Yuki's title”"
    assert [(c.field, c.current, c.restored, c.changed_by) for c in clashes] == [
        ("Title", "Yuki's title", original, "Yuki Tanaka")
    ]
    stored = haruka.session.store.load().tasks[task.id].title
    if anyway:
        assert stored == original
        assert not haruka.session.can_undo and haruka.session.can_redo
        qtbot.waitUntil(lambda: shown_title(yuki, task.id) == original, timeout=3000)
    else:
        assert stored == "Yuki's title"
        assert shown_title(haruka, task.id) == "Yuki's title"
        assert haruka.session.can_undo  # the step stays: she may still change her mind


# -- a save that cannot reach the board ----------------------------------------------------


def test_a_save_that_loses_the_connection_says_so_and_shows_the_edit(
    qtbot, two_windows, monkeypatch
):
    """The board cannot be reached while Haruka saves: a message says NOT saved, why, and
    which task and values; the status bar says reconnecting, then connected again."""
    haruka, _yuki = two_windows
    store = haruka.session.store
    task = task_titled(haruka.session.board, "Qualify webinar leads as SQL")
    lost = StorageError("server closed the connection")

    def unreachable(*args, **kwargs):
        raise lost

    monkeypatch.setattr(store, "apply_all", unreachable)
    monkeypatch.setattr(store, "load", unreachable)  # the reconnect's full read fails too
    shown = []
    monkeypatch.setattr(
        MainWindow, "show_not_saved", classmethod(lambda cls, p, title, text: shown.append(text))
    )

    assert not haruka.apply(set_task(task, title="Never lost", progress=40), "Edit task")

    assert len(shown) == 1
    text = shown[0]
    assert "NOT saved" in text
    assert "server closed the connection" in text
    assert "• “Qualify webinar leads as SQL”\n    Title → Never lost\n    Progress → 40%" in text
    assert haruka.sync_status.status is SyncStatus.RECONNECTING
    assert haruka.sync_status.text().startswith("Reconnecting… (attempt 1)")
    assert haruka.session.board.tasks[task.id].title == task.title
    # Kept for a retry, which waits for the connection.
    assert haruka.retry_button.isVisibleTo(haruka)
    assert haruka.retry_button.text() == "1 unsaved change — Retry"
    assert not haruka.retry_button.isEnabled()

    monkeypatch.undo()  # the board is reachable again: the next retry reconnects
    qtbot.waitUntil(lambda: haruka.sync_status.status is SyncStatus.CONNECTED, timeout=4000)
    assert haruka.sync_status.text().startswith("Connected · synced ")
    assert haruka.retry_button.isEnabled()

    haruka.retry_button.click()
    assert not haruka.retry_button.isVisibleTo(haruka) and haruka.unsaved == []
    stored = haruka.session.store.load().tasks[task.id]
    assert (stored.title, stored.progress) == ("Never lost", 40)
    assert shown_title(haruka, task.id) == "Never lost"


def test_a_retried_edit_that_someone_overtook_is_reported_not_forced(
    qtbot, two_windows, monkeypatch
):
    """Yuki retitles the task while Haruka's edit waits for a retry: the retry shows the
    clash and asks; keeping theirs leaves Yuki's title."""
    haruka, yuki = two_windows
    store = haruka.session.store
    task = task_titled(haruka.session.board, "Qualify webinar leads as SQL")
    real_apply = store.apply_all

    def unreachable(*args, **kwargs):
        raise StorageError("server closed the connection")

    monkeypatch.setattr(store, "apply_all", unreachable)
    monkeypatch.setattr(MainWindow, "show_not_saved", classmethod(lambda cls, p, title, text: None))
    assert not haruka.apply(set_task(task, title="Haruka's title"), "Edit task")
    monkeypatch.setattr(store, "apply_all", real_apply)
    assert yuki.apply(set_task(task, title="Yuki's title"), "Edit task")
    qtbot.waitUntil(lambda: haruka.sync_status.status is SyncStatus.CONNECTED, timeout=4000)

    asked = []

    def keep_theirs(parent, text):
        asked.append(text)
        return False

    monkeypatch.setattr(
        MainWindow, "ask_replace_theirs", classmethod(lambda c, p, t: keep_theirs(p, t))
    )
    haruka.retry_unsaved()
    assert len(asked) == 1
    assert "Someone else changed “Yuki's title” since you last saw it" in asked[0]
    assert "• Title: now “Yuki's title”; yours “Haruka's title”" in asked[0]
    assert haruka.session.store.load().tasks[task.id].title == "Yuki's title"
    assert haruka.session.board.tasks[task.id].title == "Yuki's title"
    assert haruka.unsaved == [] and not haruka.retry_button.isVisibleTo(haruka)


def test_closing_with_unsaved_edits_asks_first(two_windows, monkeypatch):
    """Edits still waiting for a retry are not dropped by closing the window unasked."""
    haruka, _yuki = two_windows

    def unreachable(*args, **kwargs):
        raise StorageError("server closed the connection")

    monkeypatch.setattr(haruka.session.store, "apply_all", unreachable)
    monkeypatch.setattr(MainWindow, "show_not_saved", classmethod(lambda cls, *a: None))
    task = task_titled(haruka.session.board, "Qualify webinar leads as SQL")
    assert not haruka.apply(set_task(task, title="Pending"), "Edit task")
    answers = [False, True]
    asked = []

    def answer(parent, unsaved):
        asked.append([edit.lines for edit in unsaved])
        return answers.pop(0)

    monkeypatch.setattr(MainWindow, "ask_close_unsaved", classmethod(lambda cls, *a: answer(*a)))
    haruka.close()
    assert haruka.isVisible() and haruka.sync_driver.running
    assert asked == [[("• “Qualify webinar leads as SQL”", "    Title → Pending")]]
    haruka.close()
    assert not haruka.isVisible() and not haruka.sync_driver.running


def test_closing_the_window_stops_watching(two_windows, monkeypatch):
    """A closed window polls no more and closes its watcher (a server's listening connection;
    on a file it only forgets what it saw: nothing is held open between looks)."""
    haruka, _yuki = two_windows
    watcher = haruka.sync_driver.sync.watcher
    closed = []
    close = watcher.close

    def recorded_close():
        closed.append(True)
        close()  # the real close runs: a stand-in would leave a connection open

    monkeypatch.setattr(watcher, "close", recorded_close)
    assert haruka.sync_driver.running
    haruka.close()
    assert not haruka.sync_driver.running
    assert closed == [True]


# -- PostgreSQL ----------------------------------------------------------------------------


@pytest.mark.postgres
def test_server_edit_appears_in_the_other_window_within_a_second(qtbot, pg_board, open_window):
    """On a PostgreSQL board the change notice brings Haruka's edit to Yuki in under 1 s."""
    url, _admin, _name = pg_board
    haruka = open_window(url, "Haruka Aoki")
    yuki = open_window(url, "Yuki Tanaka")
    assert yuki.sync_driver.sync.push
    task = task_titled(haruka.session.board, "Qualify webinar leads as SQL")
    yuki.board_view.set_current_task(task.id)

    started = time.monotonic()
    assert haruka.apply(set_task(task, title="Pushed by the server"), "Edit task")
    qtbot.waitUntil(lambda: shown_title(yuki, task.id) == "Pushed by the server", timeout=1000)
    assert time.monotonic() - started < 1.0
    assert yuki.board_view.current_task == task.id
    assert yuki.sync_status.text().startswith("Connected · synced ")


def renkei_connections(admin, database: str) -> int:
    """Renkei's connections to the board's database, as the server counts them."""
    return admin.execute(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = %s AND application_name LIKE 'Renkei%%'",
        (database,),
    ).fetchone()[0]


@pytest.mark.postgres
def test_each_window_holds_one_server_connection(qtbot, pg_board, open_window):
    """Two windows that read, save and listen for each other's edits: two connections to
    the server, not a pool and a listener each."""
    url, admin, name = pg_board
    haruka = open_window(url, "Haruka Aoki")
    yuki = open_window(url, "Yuki Tanaka")
    task = task_titled(haruka.session.board, "Qualify webinar leads as SQL")
    assert haruka.apply(set_task(task, title="Both windows listening"), "Edit task")
    qtbot.waitUntil(lambda: shown_title(yuki, task.id) == "Both windows listening", timeout=2000)
    qtbot.waitUntil(lambda: not yuki.sync_driver.waiting, timeout=2000)
    yuki.sync_driver.tick()  # the safety poll reads in the worker thread, on the same connection
    qtbot.waitUntil(lambda: not yuki.sync_driver.waiting, timeout=2000)
    assert yuki.sync_status.status is SyncStatus.CONNECTED

    assert renkei_connections(admin, name) == 2


@pytest.mark.postgres
def test_a_killed_connection_shows_reconnecting_then_connected(qtbot, pg_board, open_window):
    """The server drops the window's connection, the one it listens on: the status bar says
    so, Renkei reconnects, and edits made meanwhile are on screen afterwards."""
    url, admin, name = pg_board
    yuki = open_window(url, "Yuki Tanaka")
    assert yuki.sync_status.status is SyncStatus.CONNECTED
    killed = admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = %s AND application_name LIKE 'Renkei%%'",
        (name,),
    ).fetchall()
    assert len(killed) == 1

    qtbot.waitUntil(lambda: yuki.sync_status.status is SyncStatus.RECONNECTING, timeout=3000)
    assert yuki.sync_status.text().startswith("Reconnecting… (attempt 1)")
    # Written while Yuki's listener is away: its notice is lost, the full read finds it.
    other = credentials.open_server_board(url, None)
    try:
        task = task_titled(other.load(), "Qualify webinar leads as SQL")
        other.apply(set_task(task, title="Written while away"), None)
    finally:
        other.dispose()

    qtbot.waitUntil(lambda: yuki.sync_status.status is SyncStatus.CONNECTED, timeout=5000)
    assert yuki.sync_status.text().startswith("Connected · synced ")
    qtbot.waitUntil(lambda: shown_title(yuki, task.id) == "Written while away", timeout=1000)
