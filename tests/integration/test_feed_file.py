"""The SQLite live feed learns that the board changed from a short read of the file's header,
and holds nothing open between looks: commits, a replaced file, a file missing or half
written for a moment, all on a real board file."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from renkei.app.sync import BoardSync, SyncStatus
from renkei.domain.commands import set_task
from renkei.store.board_store import BoardStore
from renkei.store.database import StorageError
from renkei.store.feed import FILE_PATIENCE_SECONDS, SqliteWatch
from renkei.store.migrate import journal_of


class Clock:
    """A monotonic clock the test moves by hand (patience is counted in seconds)."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float = 0.5) -> None:
        self.now += seconds


@pytest.fixture
def board(demo_store) -> Path:
    return Path(demo_store.location)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def watch(board, clock):
    watch = SqliteWatch(board, clock=clock)
    assert watch.changed() is False  # the first look only learns where the file stands
    yield watch
    watch.close()


def retitle(path: Path, task_id: int, title: str) -> None:
    """An edit made by another Renkei: its own store, its own connection, committed."""
    store = BoardStore.open(path, create=False)
    try:
        store.apply(set_task(store.load().tasks[task_id], title=title), None)
    finally:
        store.dispose()


def first_task(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT min(id) FROM tasks").fetchone()[0]


def board_fds(path: Path) -> list[str]:
    """This process's open descriptors on the board file."""
    target = os.path.realpath(path)
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == target:
                found.append(fd)
        except OSError:
            continue  # closed between listing and reading
    return found


def test_a_commit_by_another_renkei_is_seen_once(watch, board, clock):
    """Another process's store commits an edit: the next look says so, the one after not."""
    retitle(board, first_task(board), "Renewal call with Hikari Motors")
    clock.tick()
    assert watch.changed() is True
    clock.tick()
    assert watch.changed() is False


def test_a_commit_by_plain_sqlite_is_seen(watch, board):
    """Any committing writer bumps the header's change counter, Renkei or not."""
    with closing(sqlite3.connect(board, isolation_level=None)) as conn:
        conn.execute("UPDATE tasks SET title = title || '!' WHERE id = 1")
    assert watch.changed() is True


def test_nothing_is_held_open_between_looks(watch, board):
    """The point of the feed: between looks the board file is not open in this process."""
    if not Path("/proc/self/fd").is_dir():
        pytest.fail("needs /proc/self/fd to count open files (Linux)")
    for _ in range(5):
        watch.changed()
        assert board_fds(board) == []


def test_a_copy_replacing_the_board_is_a_change(watch, board, tmp_path):
    """A sync client renames another copy over the board. The copy is byte for byte the same
    board with the same times (shutil.copy2): only the file's identity tells them apart."""
    copy = tmp_path / "download.tmp"
    shutil.copy2(board, copy)
    os.replace(copy, board)
    assert watch.changed() is True
    assert watch.changed() is False


def test_a_newer_copy_replacing_the_board_reaches_the_screen(demo_session, board, tmp_path):
    """The window's loop: a newer version renamed over the board is read and shown."""
    sync = BoardSync(demo_session)
    sync.start()
    try:
        copy = tmp_path / "newer.renkei"
        shutil.copy2(board, copy)
        task_id = first_task(board)
        retitle(copy, task_id, "Edited on the other laptop")
        os.replace(copy, board)
        sync.tick()
        assert sync.state.status is SyncStatus.CONNECTED, sync.state
        assert demo_session.board.tasks[task_id].title == "Edited on the other laptop"
    finally:
        sync.stop()


@pytest.mark.parametrize(
    "half_written",
    [b"", b"SQLite format 3\x00" + b"\x00" * 20, bytes(range(256)) * 16],
    ids=["0 bytes", "short header", "noise"],
)
def test_a_half_written_file_for_a_moment_is_not_an_error(
    watch, board, clock, tmp_path, half_written
):
    """A download in progress or a writer mid-write: look again next tick, then see the
    change once the whole board is there."""
    whole = tmp_path / "whole.renkei"
    shutil.copy2(board, whole)
    board.write_bytes(half_written)
    for _ in range(3):
        clock.tick()
        assert watch.changed() is False
    os.replace(whole, board)
    clock.tick()
    assert watch.changed() is True


def test_a_file_missing_for_a_moment_is_not_an_error(watch, board, clock, tmp_path):
    """A sync client moves the board away and back: no error, and a change when it is back."""
    away = tmp_path / "away.renkei"
    os.replace(board, away)
    for _ in range(3):
        clock.tick()
        assert watch.changed() is False
    os.replace(away, board)
    clock.tick()
    assert watch.changed() is True


def test_a_file_gone_for_good_is_said_plainly(watch, board, clock, tmp_path):
    """Missing past the patience: a StorageError that names the file and what may be going on."""
    os.replace(board, tmp_path / "elsewhere.renkei")
    clock.tick()
    assert watch.changed() is False
    clock.tick(FILE_PATIENCE_SECONDS)
    with pytest.raises(StorageError, match="is not there") as raised:
        watch.changed()
    assert str(board) in str(raised.value)


def test_a_file_half_written_for_good_is_said_plainly(watch, board, clock):
    """Garbled past the patience: a StorageError saying it does not look like a board."""
    board.write_bytes(b"")
    watch.changed()
    clock.tick(FILE_PATIENCE_SECONDS)
    with pytest.raises(StorageError, match="does not look like a board"):
        watch.changed()


def test_a_missing_board_is_waited_for_and_never_recreated_empty(
    demo_session, board, clock, tmp_path
):
    """The window's loop: the board gone past the patience shows "reconnecting"; the
    reconnect does not read a missing file (which would leave an empty one in its place); a
    newer copy put back is read in full."""
    sync = BoardSync(demo_session, watcher=SqliteWatch(board, clock=clock))
    sync.start()
    try:
        away = tmp_path / "away.renkei"
        os.replace(board, away)
        sync.tick()
        clock.tick(FILE_PATIENCE_SECONDS)
        sync.tick()
        assert sync.state.status is SyncStatus.RECONNECTING
        assert "is not there" in sync.state.problem
        sync.tick()  # a reconnect attempt while it is still away
        assert sync.state.status is SyncStatus.RECONNECTING
        assert not board.exists()
        task_id = first_task(away)
        retitle(away, task_id, "Written while it was away")
        os.replace(away, board)
        sync.tick()
        assert sync.state.status is SyncStatus.CONNECTED, sync.state
        assert demo_session.board.tasks[task_id].title == "Written while it was away"
    finally:
        sync.stop()


def test_a_look_never_touches_the_journal(watch, board, clock):
    """The watcher reads only the header: a journal beside the board is the writer's business
    (and the store's, under the lease), and a look on a network mount would be cached."""
    journal = journal_of(board)
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\x00" * 504)
    clock.tick()
    assert watch.changed() is False  # nothing about the board itself changed
    assert journal.read_bytes()[:8] == b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"


def test_no_look_while_this_process_holds_the_lease(watch, board, clock):
    """Closing a descriptor of the board drops this process's fcntl locks: while one of its
    connections holds the lease the watcher waits for the next tick."""
    from renkei.store import lease

    ticket = lease.acquire(board)
    try:
        newer = board.with_name("newer.renkei")
        shutil.copy2(board, newer)
        retitle(newer, first_task(newer), "Changed while we held the lease")
        os.replace(newer, board)
        clock.tick()
        assert watch.changed() is False
    finally:
        ticket.release()
    clock.tick()
    assert watch.changed() is True


def test_after_a_reconnect_the_first_look_reports_a_change(watch, board):
    """A commit between a reconnect's full read and the first look is not missed."""
    link = watch.open_link()
    watch.adopt(link)
    assert watch.changed() is True
    assert watch.changed() is False


def test_a_reconnect_to_a_missing_or_empty_file_is_refused(board, tmp_path):
    """open_link only looks at the directory entry, and says why it cannot go on."""
    watch = SqliteWatch(board)
    os.replace(board, tmp_path / "away.renkei")
    with pytest.raises(StorageError, match="is not there"):
        watch.open_link()
    board.write_bytes(b"")
    with pytest.raises(StorageError, match="0 bytes"):
        watch.open_link()
