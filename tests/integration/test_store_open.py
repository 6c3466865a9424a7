"""Opening a board file: check → back up → migrate → open, and refusals that touch nothing."""

from __future__ import annotations

import gc
import os
import sqlite3
from datetime import date

import pytest

from renkei.domain.commands import Create
from renkei.domain.model import DEFAULT_STATUSES
from renkei.store import migrate
from renkei.store.board_store import BoardStore

OLD_MTIME_NS = 1_700_000_000_000_000_000  # 2023-11-14: any fixed time in the past


def _age(path):
    """Give a file a known old modification time, so a write would show."""
    os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))


def _state(path):
    """Everything a refusal must leave alone: the bytes, the mtime, and the folder's contents."""
    folder = path.parent
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in folder.iterdir())


def _sqlite_rows(path, query):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _open_and_close(path, **kwargs):
    store = BoardStore.open(path, **kwargs)
    try:
        return store.load(), store.created
    finally:
        store.dispose()


def _assert_default_board(board):
    statuses = board.ordered_statuses()
    assert [s.name for s in statuses] == list(DEFAULT_STATUSES)
    assert [s.position for s in statuses] == [0, 1, 2, 3, 4]
    assert [s.is_done for s in statuses] == [False, False, False, False, True]
    assert board.tasks == {} and board.teams == {} and board.people == {}
    assert board.revision == 0


# -- new boards ----------------------------------------------------------------------------


def test_new_path_creates_board_with_default_workflow(board_path):
    """A path that does not exist yet becomes a board named after the file, with 5 columns."""
    board, created = _open_and_close(board_path)
    assert created is True
    assert board.name == "team"
    _assert_default_board(board)
    assert _sqlite_rows(board_path, "SELECT version_num FROM alembic_version") == [
        (migrate.head_revision(),)
    ]
    assert _sqlite_rows(board_path, "SELECT application FROM board") == [("renkei",)]


def test_new_board_takes_the_given_name(tmp_path):
    """The name passed at creation is the board's name, Japanese included."""
    board, _ = _open_and_close(tmp_path / "b.renkei", name="営業 × マーケティング")
    assert board.name == "営業 × マーケティング"


def test_reopening_a_board_creates_nothing(board_path):
    """A second open finds the board at head: not 'created', same columns, no duplicates."""
    first, _ = _open_and_close(board_path)
    again, created = _open_and_close(board_path)
    assert created is False
    assert again == first


def test_open_without_create_on_existing_board(board_path):
    """create=False opens a board that is there."""
    _open_and_close(board_path)
    board, created = _open_and_close(board_path, create=False)
    assert created is False
    assert len(board.statuses) == 5


def test_empty_file_is_refused_and_left_as_it_is(board_path):
    """A 0-byte file may be a board a sync client is still downloading: never a new board."""
    board_path.touch()
    _age(board_path)
    before = _state(board_path)
    with pytest.raises(migrate.BoardEmpty, match="sync client"):
        _open_and_close(board_path)
    with pytest.raises(migrate.BoardEmpty):
        _open_and_close(board_path, create=False)
    assert _state(board_path) == before


def test_sqlite_file_without_tables_is_refused(board_path):
    """An SQLite database with no tables at all is not a board either; it keeps its bytes."""
    conn = sqlite3.connect(board_path)
    conn.execute("CREATE TABLE scratch (x)")
    conn.execute("DROP TABLE scratch")
    conn.commit()
    conn.close()
    assert board_path.stat().st_size > 0
    _age(board_path)
    before = _state(board_path)
    with pytest.raises(migrate.BoardEmpty, match="empty SQLite database"):
        _open_and_close(board_path)
    assert _state(board_path) == before


def test_path_with_spaces_and_japanese(tmp_path):
    """Folders and file names in Japanese, with spaces and '#', open and reopen."""
    folder = tmp_path / "営業 共有#1"
    folder.mkdir()
    path = folder / "チーム ボード.renkei"
    _open_and_close(path)
    board, created = _open_and_close(path)
    assert created is False
    assert board.name == "チーム ボード"


# -- refusals ------------------------------------------------------------------------------


def _assert_refused_untouched(path, match):
    _age(path)
    before = _state(path)
    with pytest.raises(migrate.BoardRefused, match=match):
        BoardStore.open(path)
    assert _state(path) == before


def test_text_file_is_refused_untouched(tmp_path):
    """A text file is not a board; it keeps every byte and its mtime."""
    path = tmp_path / "notes.renkei"
    path.write_text("Standup notes: call Minato Pharma\n", encoding="utf-8")
    _assert_refused_untouched(path, "not an SQLite database")


def test_binary_file_is_refused_untouched(tmp_path):
    """A PNG picked by mistake is refused untouched."""
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    _assert_refused_untouched(path, "not a Renkei board")


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    """Another program's SQLite database is refused and left exactly as it was."""
    path = tmp_path / "crm.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Minato Pharma')")
    conn.commit()
    conn.close()
    _assert_refused_untouched(path, "not a Renkei board")


def test_other_sqlite_database_in_wal_mode_is_refused_untouched(tmp_path):
    """Many programs keep their database in WAL mode; checking it must not leave -wal/-shm
    files beside it (in a synced folder those would travel to every colleague)."""
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('call back')")
    conn.commit()
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]
    _assert_refused_untouched(path, "not a Renkei board")


def test_sqlite_with_board_table_of_another_application_is_refused(tmp_path):
    """Tables named like ours are not enough: the board row must say it is Renkei's."""
    path = tmp_path / "lookalike.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE board (id INTEGER PRIMARY KEY, application TEXT)")
    conn.execute("INSERT INTO board VALUES (1, 'kanboard')")
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.commit()
    conn.close()
    _assert_refused_untouched(path, "not a Renkei board")


def test_corrupt_sqlite_file_is_refused_untouched(tmp_path):
    """A file with an SQLite header and garbage behind it is refused, not repaired."""
    path = tmp_path / "broken.renkei"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    _assert_refused_untouched(path, "is damaged and cannot be opened safely")


def test_board_from_a_newer_renkei_is_refused_untouched(board_path):
    """A board at a revision this build does not know was made by a newer Renkei."""
    _open_and_close(board_path)
    conn = sqlite3.connect(board_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    _assert_refused_untouched(board_path, "newer version of Renkei")


def test_folder_is_refused(tmp_path):
    """Choosing a folder is refused; nothing is created inside it."""
    folder = tmp_path / "boards"
    folder.mkdir()
    (folder / "readme.txt").write_text("shared boards", encoding="utf-8")
    with pytest.raises(migrate.BoardRefused, match="is a folder"):
        BoardStore.open(folder)
    assert [p.name for p in folder.iterdir()] == ["readme.txt"]


def test_new_board_in_missing_folder_is_refused(tmp_path):
    """A new board's folder must exist; it is not created behind the user's back."""
    path = tmp_path / "nowhere" / "team.renkei"
    with pytest.raises(migrate.BoardRefused, match="does not exist"):
        BoardStore.open(path)
    assert not path.parent.exists()


def test_open_without_create_on_missing_path_is_refused(board_path):
    """create=False on a path with no file says there is no board, and makes none."""
    with pytest.raises(migrate.BoardRefused, match="There is no board"):
        BoardStore.open(board_path, create=False)
    assert not board_path.exists()


# -- SQLite settings -----------------------------------------------------------------------


def test_journal_mode_is_delete_after_a_write(store, board_path):
    """The board keeps a rollback journal (never WAL): read back from the file after a write."""
    store.apply(Create("team", (("name", "Marketing"),)), None)
    assert _sqlite_rows(board_path, "PRAGMA journal_mode") == [("delete",)]
    assert not (board_path.parent / (board_path.name + "-wal")).exists()


def test_wal_file_is_switched_to_rollback_journal(board_path):
    """A board switched to WAL mode by another tool is switched back to DELETE.

    Garbage collection is paused while opening: the file check must close its own
    connection rather than rely on the collector, or the switch finds the file busy."""
    _open_and_close(board_path)
    conn = sqlite3.connect(board_path)
    assert conn.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    conn.close()
    gc.collect()
    gc.disable()
    try:
        store = BoardStore.open(board_path)
    finally:
        gc.enable()
    try:
        store.apply(Create("team", (("name", "Marketing"),)), None)
    finally:
        store.dispose()
    assert _sqlite_rows(board_path, "PRAGMA journal_mode") == [("delete",)]


def test_engine_connections_are_synchronous_full(store):
    """Every connection writes with synchronous=FULL and enforces foreign keys."""
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"


# -- backups -------------------------------------------------------------------------------


def _beside(path):
    """Files next to the board that start with its name (backups, journals)."""
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def _board_with_content(path):
    store = BoardStore.open(path)
    status = store.load().ordered_statuses()[1]
    store.apply(Create("team", (("name", "Marketing"),)), None)
    store.apply(
        Create(
            "task",
            (
                ("title", "展示会リードの取り込み"),
                ("status_id", status.id),
                ("due", date(2026, 12, 1)),
            ),
        ),
        None,
    )
    store.dispose()


def test_backup_sqlite_copies_every_row(board_path):
    """The backup beside the board is a readable SQLite file holding the same rows."""
    _board_with_content(board_path)
    _age(board_path)
    before = _state(board_path)[:2]
    backup = migrate.backup_sqlite(board_path, "0001")
    assert backup.parent == board_path.parent
    assert backup.name.startswith("team.renkei.before-0001-")
    assert backup.name.endswith(".bak")
    for query in (
        "SELECT id, title, due, version FROM tasks ORDER BY id",
        "SELECT id, name FROM teams ORDER BY id",
        "SELECT id, name, position, is_done FROM statuses ORDER BY id",
        "SELECT * FROM activity ORDER BY id",
        "SELECT version_num FROM alembic_version",
    ):
        assert _sqlite_rows(backup, query) == _sqlite_rows(board_path, query)
    assert _sqlite_rows(backup, "SELECT title FROM tasks") == [("展示会リードの取り込み",)]
    assert _state(board_path)[:2] == before


def test_opening_a_board_at_head_makes_no_backup(board_path):
    """A board that needs no migration is opened without writing a backup."""
    _board_with_content(board_path)
    _open_and_close(board_path)
    assert _beside(board_path) == []


def test_opening_an_older_board_backs_it_up_first(board_path, monkeypatch):
    """When this build's head is newer than the board, open copies the board before migrating."""
    _board_with_content(board_path)
    monkeypatch.setattr(migrate, "head_revision", lambda: "0002_next")
    _open_and_close(board_path)
    backups = _beside(board_path)
    assert len(backups) == 1
    assert backups[0].name.startswith(f"team.renkei.before-{migrate.KNOWN_REVISIONS[-1]}-")
    assert _sqlite_rows(backups[0], "SELECT title FROM tasks") == [("展示会リードの取り込み",)]
