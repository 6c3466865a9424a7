"""The window's unsaved-edit list keeps each edit's change id: a retry never applies twice.

The fault is real SQLite underneath: the commit of Haruka's new task reaches the file, the
driver then reports "disk I/O error", and the board cannot be opened to check. The window
says it could not confirm, keeps the edit in the list with that state, and its Retry (same id)
finds the task saved: one task, not two.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event

from renkei.app.session import BoardSession
from renkei.app.sync import SyncStatus
from renkei.domain.commands import Create
from renkei.store.board_store import BoardStore
from renkei.ui.app import create_application
from renkei.ui.main_window import MainWindow

TITLE = "Book the Osaka trade-show booth"


@pytest.fixture
def window(qtbot, demo_store, board_path):
    create_application()
    store = BoardStore.open(board_path)
    session = BoardSession(store, store.load().find_person("Haruka Aoki").id)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    yield window
    store.dispose()


class Fault:
    """The next commit that writes history reaches the file, then raises; until ``heal``,
    no new connection to the board opens (so nobody can check)."""

    def __init__(self, engine):
        self.engine = engine
        self.on = True
        self.writer = None
        self.failed = 0
        dialect = engine.dialect
        self.real_commit = dialect.do_commit
        dialect.do_commit = self.do_commit
        event.listen(engine, "before_cursor_execute", self.mark)
        event.listen(engine, "connect", self.refuse)

    def mark(self, conn, _cursor, statement, *_args):
        if self.on and statement.lstrip().upper().startswith("INSERT INTO ACTIVITY"):
            self.writer = conn.connection.dbapi_connection

    def do_commit(self, fairy):
        self.real_commit(fairy)
        if self.on and self.writer is not None and fairy.dbapi_connection is self.writer:
            self.writer = None
            self.failed += 1
            raise sqlite3.OperationalError("disk I/O error")

    def refuse(self, *_args):
        if self.on and self.failed:
            raise sqlite3.OperationalError("unable to open database file")

    def heal(self):
        self.on = False
        del self.engine.dialect.do_commit
        event.remove(self.engine, "before_cursor_execute", self.mark)
        event.remove(self.engine, "connect", self.refuse)


def test_a_save_that_could_not_be_confirmed_is_kept_and_retried_with_its_id(
    qtbot, window, monkeypatch
):
    store = window.session.store
    board = window.session.board
    values = (
        ("title", TITLE),
        ("status_id", board.ordered_statuses()[1].id),
        ("team_id", board.find_team("Marketing").id),
    )
    ids = []
    real_apply = store.apply_all

    def spy(*args, **kwargs):  # the real store, recording the id each try carries
        ids.append(kwargs.get("change_id"))
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(store, "apply_all", spy)
    shown = []
    monkeypatch.setattr(
        MainWindow, "show_not_saved", classmethod(lambda cls, p, title, text: shown.append(text))
    )
    fault = Fault(store.engine)

    assert not window.apply(Create("task", values), "Add task")

    assert fault.failed == 1
    assert len(shown) == 1
    assert "could not confirm whether your change was saved" in shown[0]
    assert "NOT saved" not in shown[0]
    [edit] = window.unsaved
    assert edit.unconfirmed and edit.change_id == ids[0] and len(ids[0]) == 32
    assert "could not confirm whether it was saved" in window.retry_button.toolTip()

    # A retry while the board still cannot be opened: this try never reached it, so the
    # first one's fate is still unknown — it stays "could not confirm", never "NOT saved".
    window.retry_unsaved()
    assert len(shown) == 2 and "could not confirm" in shown[1] and "NOT saved" not in shown[1]
    [edit] = window.unsaved
    assert edit.unconfirmed and edit.change_id == ids[0]

    fault.heal()
    qtbot.waitUntil(lambda: window.sync_status.status is SyncStatus.CONNECTED, timeout=5000)
    window.retry_button.click()

    assert ids == [ids[0]] * 3  # every retry carried the first try's id
    assert window.unsaved == [] and not window.retry_button.isVisibleTo(window)
    titles = [t.title for t in store.load().tasks.values()]
    assert titles.count(TITLE) == 1  # the commit had landed: not made twice
    assert [t.title for t in window.session.board.tasks.values()].count(TITLE) == 1
    assert "saved already" in window.statusBar().currentMessage()


def test_a_save_refused_at_commit_is_not_saved_and_its_retry_saves_it_once(
    qtbot, window, monkeypatch
):
    """The commit never happened (the driver raised instead): "NOT saved", kept with its id;
    the retry saves it, once."""
    store = window.session.store
    board = window.session.board
    values = (
        ("title", TITLE),
        ("status_id", board.ordered_statuses()[1].id),
        ("team_id", board.find_team("Marketing").id),
    )
    dialect = store.engine.dialect
    real_commit = dialect.do_commit
    state = {"armed": True}

    def do_commit(fairy):
        if state["armed"]:
            state["armed"] = False
            raise sqlite3.OperationalError("disk I/O error")
        real_commit(fairy)

    # Armed only for the save itself: the window's polls commit too.
    real_apply = store.apply_all

    def armed_apply(*args, **kwargs):
        dialect.do_commit = do_commit
        try:
            return real_apply(*args, **kwargs)
        finally:
            del dialect.do_commit  # the class's own again

    monkeypatch.setattr(store, "apply_all", armed_apply)
    shown = []
    monkeypatch.setattr(
        MainWindow, "show_not_saved", classmethod(lambda cls, p, title, text: shown.append(text))
    )
    assert not window.apply(Create("task", values), "Add task")
    assert len(shown) == 1 and "NOT saved" in shown[0] and "disk I/O error" in shown[0]
    [edit] = window.unsaved
    assert not edit.unconfirmed and edit.change_id
    assert TITLE not in [t.title for t in store.load().tasks.values()]

    qtbot.waitUntil(lambda: window.sync_status.status is SyncStatus.CONNECTED, timeout=5000)
    window.retry_button.click()
    assert window.unsaved == []
    assert [t.title for t in store.load().tasks.values()].count(TITLE) == 1


def test_an_import_that_could_not_be_confirmed_says_so_not_nothing_imported(
    qtbot, demo_session
):
    """File → Import: the commit landed, then the board could not be read. The dialog says
    it could not confirm (never "Nothing was imported"); importing again doubles nothing."""
    from importers_data import TRELLO_SAMPLE
    from renkei.ui.dialogs.import_dialog import ImportDialog
    from renkei.ui.file_actions import TRELLO

    create_application()
    dialog = ImportDialog(demo_session, TRELLO, TRELLO_SAMPLE)
    qtbot.addWidget(dialog)
    dialog.load()
    fault = Fault(demo_session.store.engine)
    try:
        dialog.start_import()
    finally:
        fault.heal()
    text = dialog.result_label.text()
    assert fault.failed == 1
    assert "could not confirm whether the import was saved" in text
    assert "Nothing was imported" not in text
    imported = [t for t in demo_session.store.load().tasks.values() if t.source_id]
    assert len(imported) == 10  # it had landed

    demo_session.pull()  # what the window's live feed does once the board reads again
    again = ImportDialog(demo_session, TRELLO, TRELLO_SAMPLE)
    qtbot.addWidget(again)
    again.load()
    again.start_import()
    assert again.summary is not None, again.result_label.text()
    assert again.summary.added == 0
    assert len([t for t in demo_session.store.load().tasks.values() if t.source_id]) == 10
