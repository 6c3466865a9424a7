"""The truth about every save, on real SQLite files and a real PostgreSQL server.

Each change carries an id written on its Activity rows; a change whose id is on the board is
not applied again, and an error at COMMIT is answered only after looking for the id: saved,
nothing was saved, or "could not confirm". The faults are injected at the driver's commit
(the database under it is real): either after the commit really happened, or instead of it.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import event, inspect, text

from renkei.domain.commands import Create, ValidationError
from renkei.store import confirm, migrate
from renkei.store.board_store import BoardStore, CouldNotConfirm, Step
from renkei.store.database import StorageError

ID = "0f3c5e1a9b7d4c2e8a6f1b3d5c7e9a0b"


@pytest.fixture(params=["sqlite", "postgresql"])
def board(request, tmp_path):
    """An empty board with one team, on a file or on the server."""
    if request.param == "sqlite":
        target = str(tmp_path / "team.renkei")
    else:
        target = request.getfixturevalue("pg_url")
    store = BoardStore.open(target)
    store.apply(Create("team", (("name", "Sales"),)), None)
    yield store
    store.dispose()


def add_task(title: str, store: BoardStore) -> Create:
    board = store.load()
    values = (
        ("title", title),
        ("status_id", board.ordered_statuses()[1].id),
        ("team_id", board.find_team("Sales").id),
    )
    return Create("task", values)


def rows_with(store: BoardStore, change_id: str) -> list[tuple[int, str, str]]:
    with store.engine.connect() as conn:
        found = conn.execute(
            text("SELECT revision, entity, field FROM activity WHERE change_id = :id ORDER BY id"),
            {"id": change_id},
        )
        return [tuple(row) for row in found]


def titles(store: BoardStore) -> list[str]:
    return sorted(t.title for t in store.load().tasks.values())


def driver_error(store: BoardStore, words: str) -> Exception:
    """The error the board's own driver raises for ``words`` (sqlite3 or psycopg)."""
    if store.engine.dialect.name == "sqlite":
        return sqlite3.OperationalError(words)
    import psycopg

    return psycopg.OperationalError(words)


LOST = {"sqlite": "disk I/O error", "postgresql": "server closed the connection unexpectedly"}


def fail_first_commit(monkeypatch, store: BoardStore, *, after: bool) -> dict:
    """The next COMMIT raises the driver's error: ``after`` the commit really happened (the
    reply was lost), or instead of it. Later commits (the check) work. Returns a record of
    what happened."""
    dialect = store.engine.dialect
    real = dialect.do_commit
    seen = {"failed": 0}

    def do_commit(dbapi_connection):
        if seen["failed"]:
            return real(dbapi_connection)
        seen["failed"] += 1
        if after:
            real(dbapi_connection)
        raise driver_error(store, LOST[dialect.name])

    monkeypatch.setattr(dialect, "do_commit", do_commit)
    return seen


# -- (a) the same change twice -------------------------------------------------------------


def test_a_change_applied_twice_with_one_id_is_saved_once(board):
    command = add_task("Call Kansai Foods", board)
    first = board.apply(command, None, change_id=ID)
    assert not first.already_saved and first.rows
    second = board.apply(command, None, change_id=ID)
    assert second.already_saved
    assert second.revision == first.revision and second.rows == ()
    assert board.revision() == first.revision  # no second revision
    assert titles(board) == ["Call Kansai Foods"]
    assert rows_with(board, ID) == [(first.revision, "task", "created")]


def test_each_change_gets_its_own_id_when_none_is_given(board):
    """Two identical commands without an id are two changes (two tasks), each with an id."""
    command = add_task("Same title", board)
    first = board.apply(command, None)
    second = board.apply(command, None)
    assert not second.already_saved and second.revision == first.revision + 1
    assert titles(board) == ["Same title", "Same title"]
    with board.engine.connect() as conn:
        ids = conn.execute(
            text("SELECT change_id FROM activity WHERE revision IN (:a, :b)"),
            {"a": first.revision, "b": second.revision},
        ).scalars()
        ids = list(ids)
    assert len(ids) == 2 and len(set(ids)) == 2
    assert all(len(found) == 32 and int(found, 16) >= 0 for found in ids)


def test_a_multi_step_change_is_saved_once(board):
    """apply_steps (a merge) carries one id over all its steps."""
    at = datetime(2026, 12, 1, 9, 0)
    steps = [Step((add_task("One", board),), None, at), Step((add_task("Two", board),), None, at)]
    done = board.apply_steps(steps, change_id=ID)
    assert len(done) == 2 and not any(c.already_saved for c in done)
    again = board.apply_steps(steps, change_id=ID)
    assert [c.already_saved for c in again] == [True]
    assert titles(board) == ["One", "Two"]
    assert [r[0] for r in rows_with(board, ID)] == [done[0].revision, done[1].revision]


def test_a_change_id_that_is_not_one_is_refused(board):
    with pytest.raises(ValidationError, match="is not a change id"):
        board.apply(add_task("x", board), None, change_id="two words")
    assert titles(board) == []


# -- (b) (c) (d) an error at COMMIT ---------------------------------------------------------


def test_an_error_after_the_commit_happened_is_answered_saved(board, monkeypatch):
    """The commit reached the disk (the server), then the driver raised: the change is found
    by its id and returned as saved; it is on the board once."""
    command = add_task("Landed", board)
    seen = fail_first_commit(monkeypatch, board, after=True)
    change = board.apply(command, None, change_id=ID)
    assert seen["failed"] == 1
    assert not change.already_saved and change.rows[0].row.title == "Landed"
    assert titles(board) == ["Landed"]
    assert rows_with(board, ID) == [(change.revision, "task", "created")]
    # A retry of it by a person who was not sure: still once.
    assert board.apply(command, None, change_id=ID).already_saved
    assert titles(board) == ["Landed"]


def test_an_error_instead_of_the_commit_is_answered_nothing_was_saved(board, monkeypatch):
    before = board.revision()
    command = add_task("Lost", board)
    seen = fail_first_commit(monkeypatch, board, after=False)
    with pytest.raises(StorageError, match="nothing was saved") as caught:
        board.apply(command, None, change_id=ID)
    assert not isinstance(caught.value, CouldNotConfirm)
    assert seen["failed"] == 1
    assert titles(board) == [] and board.revision() == before
    assert rows_with(board, ID) == []
    # Now true, and so a retry with the same id saves it (once).
    assert not board.apply(command, None, change_id=ID).already_saved
    assert titles(board) == ["Lost"]


@pytest.mark.parametrize("after", [True, False], ids=["committed", "not-committed"])
def test_a_board_unreadable_after_the_error_is_could_not_confirm(board, monkeypatch, after):
    """The check cannot read the board either: Renkei says it could not confirm, whether
    the commit happened or not, and never "nothing was saved"."""
    command = add_task("Unsure", board)
    seen = fail_first_commit(monkeypatch, board, after=after)
    dialect = board.engine.dialect.name

    def refuse(*_args):
        if seen["failed"]:
            raise driver_error(board, "unable to open database file")

    # On every new connection (also one made by a creator function, which skips do_connect).
    event.listen(board.engine, "connect", refuse)
    # No pooled connection (PostgreSQL) is left to the check: it opens a new one, refused.
    board.engine.pool.dispose()
    with pytest.raises(CouldNotConfirm) as caught:
        board.apply(command, None, change_id=ID)
    message = str(caught.value)
    assert message.startswith("Renkei could not confirm whether the change was saved (")
    assert message.endswith("look at the board's history before making it again.")
    assert LOST[dialect] in message and "unable to open database file" in message
    assert "nothing was saved" not in message
    assert caught.value.change_id == ID
    event.remove(board.engine, "connect", refuse)
    assert titles(board) == (["Unsure"] if after else [])
    # Retrying with the same id is safe either way: the task exists once.
    board.apply(command, None, change_id=ID)
    assert titles(board) == ["Unsure"]


def test_errors_before_commit_say_nothing_was_saved_without_a_check(board, monkeypatch):
    """A refused write never opens a second connection to look."""
    looked = []
    monkeypatch.setattr(confirm, "landed", lambda *a: looked.append(a))
    with pytest.raises(ValidationError, match="required"):
        board.apply(Create("task", (("title", ""),)), None, change_id=ID)
    assert looked == [] and rows_with(board, ID) == []


# -- migration 0006 --------------------------------------------------------------------------


def _downgrade(store: BoardStore, revision: str) -> None:
    from alembic import command

    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), revision)


def _columns(store: BoardStore) -> tuple[set[str], set[str]]:
    with store.engine.connect() as conn:
        found = inspect(conn)
        names = {c["name"] for c in found.get_columns("activity")}
        indexes = {i["name"] for i in found.get_indexes("activity")}
    return names, indexes


def test_a_0005_board_gains_change_ids_and_keeps_its_history(board, tmp_path):
    """0005 → 0006: the column and its index appear, old rows keep NULL, the next change
    writes its id; on PostgreSQL the append-only trigger of 0005 still refuses UPDATE."""
    board.apply(add_task("Before", board), None)
    history = board.history()
    _downgrade(board, "0005")
    names, _ = _columns(board)
    assert "change_id" not in names
    location = board.location
    board.dispose()
    store = BoardStore.open(location, create=False)
    try:
        names, indexes = _columns(store)
        assert "change_id" in names and "ix_activity_change_id" in indexes
        assert store.history() == history
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(change_id) FROM activity")).scalar() == 0
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == migrate.head_revision()  # 0006 and on
        store.apply(add_task("After", store), None, change_id=ID)
        assert [r[2] for r in rows_with(store, ID)] == ["created"]
        if store.engine.dialect.name == "postgresql":
            from sqlalchemy.exc import ProgrammingError

            with pytest.raises(ProgrammingError, match="append-only"), store.engine.begin() as c:
                c.execute(text("UPDATE activity SET change_id = 'x'"))
        else:
            assert list(tmp_path.glob("team.renkei.before-0005-*"))
    finally:
        store.dispose()


def test_an_older_renkei_refuses_a_0006_board(tmp_path, monkeypatch):
    """A build that knows only up to 0005 (so ignores the lock file) touches nothing."""
    path = tmp_path / "team.renkei"
    BoardStore.open(path).dispose()
    before = path.read_bytes()
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", migrate.KNOWN_REVISIONS[:-1])
    with pytest.raises(migrate.BoardRefused):
        BoardStore.open(path, create=False)
    assert path.read_bytes() == before


def test_two_tries_of_one_change_at_once_save_it_once(board):
    """Two connections race with the same id (a retry while the first try is still writing):
    the revision row serialises them, so one saves and the other finds it saved."""
    import threading

    command = add_task("Raced", board)
    other = BoardStore.open(board.location, create=False)
    results, errors = [], []
    start = threading.Barrier(2)

    def run(store):
        try:
            start.wait()
            results.append(store.apply(command, None, change_id=ID))
        except Exception as error:  # the test reports it below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(s,)) for s in (board, other)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        other.dispose()
    assert errors == []
    assert sorted(c.already_saved for c in results) == [False, True]
    assert titles(board) == ["Raced"]
    assert len(rows_with(board, ID)) == 1
