"""Several Renkei processes editing one SQLite board file at the same moment."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import editor_process as ep

from renkei.app.session import BoardSession
from renkei.app.sync import BoardSync, SyncStatus
from renkei.domain.commands import set_task
from renkei.store.board_store import BoardStore

WORKERS = 4
EDITS = 75


def test_concurrent_processes_lose_nothing_on_one_sqlite_file(tmp_path):
    """4 processes × 75 read-modify-write edits: none lost or doubled, conflicts reported."""
    board = ep.prepare_edit_board(str(tmp_path / "shared.renkei"), WORKERS)
    outcomes = ep.run_edit_workers(tmp_path, board, EDITS, timeout=120)

    counts = ep.check_edit_board(board, outcomes, WORKERS, EDITS)

    assert counts["applied"] == WORKERS * EDITS
    # Stale snapshots on the shared tasks must have collided at least once, or the test
    # exercised no contention at all.
    assert counts["conflicts"] > 0
    with closing(sqlite3.connect(board.target)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "delete"
    assert not (tmp_path / "shared.renkei-wal").exists()
    assert not (tmp_path / "shared.renkei-journal").exists()


def test_viewer_stays_connected_while_another_writer_holds_the_file(tmp_path):
    """A colleague's long write locks the file: the viewer waits, it is not "reconnecting"."""
    path = tmp_path / "shared.renkei"
    board = ep.prepare_edit_board(str(path), workers=1, shared=0)
    viewer = BoardSession(BoardStore.open(path), None)
    sync = BoardSync(viewer)
    sync.start()
    editor = BoardStore.open(path)
    try:
        with closing(sqlite3.connect(path, isolation_level=None, timeout=5)) as importer:
            importer.execute("BEGIN EXCLUSIVE")  # as a big import does once its cache spills
            sync.tick()
            assert sync.state.status is SyncStatus.CONNECTED, sync.state
            importer.execute("ROLLBACK")
        task = editor.load().tasks[board.own[0]]
        editor.apply(set_task(task, title="Send proposal to Hikari Motors"), None)
        sync.tick()
        assert sync.state.status is SyncStatus.CONNECTED, sync.state
        assert viewer.board.tasks[task.id].title == "Send proposal to Hikari Motors"
    finally:
        editor.dispose()
        sync.stop()
        viewer.store.dispose()


def test_processes_opening_a_new_board_file_at_once_create_it_once(tmp_path):
    """Three first opens of one new path at once: all succeed, exactly one made the board."""
    path = tmp_path / "new.renkei"
    workers = ep.Workers(tmp_path)
    try:
        for _ in range(3):
            workers.start("open", str(path))
        workers.go()
        workers.wait(timeout=60)
        opened = workers.outcomes()
    finally:
        workers.close()

    assert [o["statuses"] for o in opened] == [5, 5, 5]
    assert sorted(o["created"] for o in opened) == [False, False, True]
