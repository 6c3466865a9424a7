"""A board on a real PostgreSQL server: concurrent editors, first open, change feed, restart."""

from __future__ import annotations

import os
import select
import time
from collections import Counter

import editor_process as ep
import pytest
from sqlalchemy import event, text

import pg
from renkei.app.session import BoardSession
from renkei.app.sync import BoardSync, SyncStatus
from renkei.domain.commands import Create, set_task
from renkei.store.board_store import BoardStore

pytestmark = pytest.mark.postgres

WORKERS = 4
EDITS = 75


def _wait_for(condition, timeout: float, what: str, step: float = 0.05):
    """Poll a cross-process condition until it holds or the deadline passes."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(step)


@pytest.fixture
def store(pg_url):
    """A board in the test's fresh database (overrides the SQLite file of tests/conftest)."""
    store = BoardStore.open(pg_url)
    yield store
    store.dispose()


@pytest.fixture
def task_id(store):
    """One task on the board, edited by the feed and restart tests."""
    todo = store.load().find_status("To do").id
    values = (("title", "Call Aozora Bank"), ("status_id", todo))
    created = store.apply(Create("task", values), None)
    return created.rows[0].entity_id


@pytest.fixture
def viewer(pg_url, store):
    """A second client's session on the same board, kept in step by a BoardSync."""
    session = BoardSession(BoardStore.open(pg_url), None)
    sync = BoardSync(session)
    sync.start()
    yield sync
    sync.stop()
    session.store.dispose()


def test_concurrent_processes_lose_nothing_on_postgres(tmp_path, pg_url):
    """4 processes × 75 read-modify-write edits on one server board: none lost or doubled."""
    board = ep.prepare_edit_board(pg_url, WORKERS)
    outcomes = ep.run_edit_workers(tmp_path, board, EDITS, timeout=120)

    counts = ep.check_edit_board(board, outcomes, WORKERS, EDITS)

    assert counts["applied"] == WORKERS * EDITS
    assert counts["conflicts"] > 0


def test_two_processes_opening_an_empty_database_migrate_it_once(tmp_path, pg_url):
    """Two first opens at once: the advisory lock lets one create the board, both succeed."""
    workers = ep.Workers(tmp_path)
    try:
        for _ in range(2):
            workers.start("open", pg_url)
        workers.go()
        workers.wait(timeout=60)
        opened = workers.outcomes()
    finally:
        workers.close()

    assert sorted(o["created"] for o in opened) == [False, True]
    assert [o["statuses"] for o in opened] == [5, 5]
    store = BoardStore.open(pg_url)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM board")).scalar_one() == 1
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
        assert len(store.load().statuses) == 5
    finally:
        store.dispose()


def test_listener_socket_wakes_a_second_session(store, task_id, viewer):
    """Another client's commit makes the LISTEN socket readable; notice() shows the edit."""
    assert viewer.push and viewer.fileno() is not None
    assert viewer.state.status is SyncStatus.CONNECTED
    editor = BoardSession(store, None)
    editor.apply(set_task(editor.board.tasks[task_id], title="Call Aozora Bank back"))

    seen = viewer.session
    deadline = time.monotonic() + 10
    while seen.board.tasks[task_id].title != "Call Aozora Bank back":
        remaining = deadline - time.monotonic()
        assert remaining > 0, "the edit never reached the second session"
        readable, _, _ = select.select([viewer.fileno()], [], [], remaining)
        assert readable, "the listener socket never became readable"
        viewer.notice()
    assert viewer.state.status is SyncStatus.CONNECTED
    assert seen.board == store.load()


def backend_pid(store: BoardStore) -> int:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()


def test_a_session_reads_saves_and_listens_on_one_connection(pg_database, store, task_id, viewer):
    """The viewer listens on the connection its reads use: the server sees one connection per
    client (the store's and the viewer's), through a save, a notice and a pull."""
    editor = BoardSession(store, None)
    editor.apply(set_task(editor.board.tasks[task_id], title="One line each"))
    deadline = time.monotonic() + 10
    while viewer.session.board.tasks[task_id].title != "One line each":
        assert time.monotonic() < deadline, "the edit never reached the viewer"
        select.select([viewer.fileno()], [], [], 1.0)
        viewer.notice()
    listening = backend_pid(viewer.session.store)
    with pg.admin_connection() as admin:
        rows = admin.execute(
            "SELECT pid, query FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
            (pg_database, backend_pid(store)),
        ).fetchall()
    assert [pid for pid, _query in rows] == [listening]


def test_a_notice_read_by_our_own_query_is_still_heard(store, task_id, viewer):
    """A notice lands on the socket, then one of the viewer's own reads takes it off (reads and
    LISTEN share the connection): the viewer is told to look, and the look shows the edit."""
    rang: list[bool] = []
    viewer.on_notice_read(lambda: rang.append(True))
    editor = BoardSession(store, None)
    editor.apply(set_task(editor.board.tasks[task_id], title="Read by a query"))
    readable, _, _ = select.select([viewer.fileno()], [], [], 10)
    assert readable, "the notice never reached the viewer's socket"

    viewer.session.store.revision()  # a read of the viewer's own: it reads the notice too

    assert select.select([viewer.fileno()], [], [], 0.2)[0] == [], "the notice is still unread"
    assert rang and viewer.notice_waiting
    viewer.notice()
    assert viewer.session.board.tasks[task_id].title == "Read by a query"
    assert not viewer.notice_waiting


def test_a_connection_replaced_under_the_listener_means_a_full_read(store, task_id, viewer):
    """The server drops the viewer's connection and a read of the viewer's quietly opens a new
    one: the notices sent in between are gone, so the sync counts the connection as lost and
    reconnects with a full read, which shows the edit made meanwhile."""
    with pg.admin_connection() as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (backend_pid(viewer.session.store),))
    assert select.select([viewer.fileno()], [], [], 10)[0], "the server never said goodbye"
    editor = BoardSession(store, None)
    editor.apply(set_task(editor.board.tasks[task_id], title="Sent to nobody"))
    viewer.session.store.revision()  # the pool sees the goodbye: a new connection, no error

    viewer.tick()

    assert viewer.state.status is SyncStatus.RECONNECTING
    assert viewer.fileno() is None
    heard = []
    viewer.session.subscribe(heard.append)
    assert viewer.reconnect()
    assert heard == [None]
    assert viewer.session.board.tasks[task_id].title == "Sent to nobody"
    assert viewer.fileno() is not None


def test_load_is_one_snapshot_while_others_commit(pg_url, store, task_id):
    """A commit landing in the middle of load() is either wholly in the snapshot or not."""
    other = BoardSession(BoardStore.open(pg_url), None)
    fired = []

    def commit_midway(_conn, _cursor, statement, *_):
        # Once the board row (and its revision) has been read, someone else commits.
        if not fired and "FROM tasks" in statement:
            fired.append(True)
            task = other.board.tasks[task_id]
            other.apply(set_task(task, title="Call Aozora Bank on Monday"))

    event.listen(store.engine, "before_cursor_execute", commit_midway)
    try:
        board = store.load()
    finally:
        event.remove(store.engine, "before_cursor_execute", commit_midway)
        other.store.dispose()
    assert fired
    # The title as of the snapshot's revision (creation records the first title).
    titles = {
        row.revision: row.new
        for row in store.history("task", task_id)
        if row.field in ("created", "title")
    }
    assert board.tasks[task_id].title == titles[max(r for r in titles if r <= board.revision)]


@pytest.fixture
def server_control(pg_server, pg_database):
    """This test may restart the server (root, pg_ctlcluster), or skips — fails in CI."""
    if not pg.can_control_server():
        message = "restarting the PostgreSQL server needs root and pg_ctlcluster"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI is set: this test must run, not skip)", pytrace=False)
        pytest.skip(message)
    with pg.restarting():  # another test run on this server waits meanwhile
        yield


def test_server_restart_loses_no_reported_edit_and_sync_recovers(
    tmp_path, pg_url, server_control, store, task_id, viewer
):
    """Restart mid-edits: applied edits stay, failed ones are absent; sync reconnects fully."""
    stop = tmp_path / "stop"
    workers = ep.Workers(tmp_path)
    try:
        workers.start("loop", pg_url, f"--task={task_id}", f"--stop={stop}", "--pause=0.01")
        workers.go()

        def applied():
            return [o for o in workers.outcomes() if o["outcome"] == "applied"]

        _wait_for(lambda: len(applied()) >= 20, 30, "edits before the restart")
        try:
            pg.restart_server()
        finally:
            pg.ensure_running()
        restarted = time.time()

        # The viewer's listening connection was cut: its socket turns readable (the server's
        # goodbye, then end of file) and notice() says so, as the GUI's socket notifier would.
        deadline = time.monotonic() + 10
        while viewer.state.status is SyncStatus.CONNECTED:
            remaining = deadline - time.monotonic()
            assert remaining > 0, "the viewer never noticed its connection was cut"
            select.select([viewer.fileno()], [], [], remaining)
            viewer.notice()
        assert viewer.state.status in (SyncStatus.RECONNECTING, SyncStatus.OFFLINE)
        assert viewer.state.problem and viewer.fileno() is None

        _wait_for(
            lambda: sum(o["t"] > restarted for o in applied()) >= 20, 60, "edits after restart"
        )
        stop.touch()
        workers.wait(timeout=30)
        outcomes = workers.outcomes()
    finally:
        stop.touch()
        workers.close()

    kinds = Counter(o["outcome"] for o in outcomes)
    assert kinds["failed"] > 0, "no edit failed: the restart did not happen mid-edits"
    assert kinds["conflict"] == 0, [o for o in outcomes if o["outcome"] == "conflict"]
    written = Counter(row.new for row in store.history("task", task_id) if row.field == "title")
    applied_tokens = {o["token"]: o for o in outcomes if o["outcome"] == "applied"}
    failed_tokens = {o["token"] for o in outcomes if o["outcome"] == "failed"}
    assert {t: n for t, n in written.items() if n > 1} == {}, "an edit was written twice"
    assert sorted(set(applied_tokens) - set(written)) == [], "reported applied, yet lost"
    assert sorted(failed_tokens & set(written)) == [], "reported failed, yet written"
    assert set(written) == set(applied_tokens)
    revisions = {row.new: row.revision for row in store.history("task", task_id)}
    assert all(revisions[t] == o["revision"] for t, o in applied_tokens.items())
    assert (
        store.load().tasks[task_id].title
        == max(applied_tokens.values(), key=lambda o: o["revision"])["token"]
    )

    # Reconnecting reads the whole board again: every edit made while cut off is there.
    heard = []
    viewer.session.subscribe(heard.append)
    assert viewer.reconnect()
    assert heard == [None], "a reconnect must be a full refresh (listeners hear a reset)"
    assert viewer.state.status is SyncStatus.CONNECTED
    assert viewer.state.attempts == 0
    assert viewer.fileno() is not None
    assert viewer.session.board == store.load()
