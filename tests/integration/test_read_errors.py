"""A read of a board that cannot be read raises the store's own error, worded for a team lead:
never SQLAlchemy's or the driver's, so nothing above the store needs to know them."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy.exc import SQLAlchemyError

from renkei.app.credentials import check_login
from renkei.app.session import BoardSession
from renkei.app.sync import BoardSync, SyncStatus
from renkei.domain.commands import Create
from renkei.store.board_store import BoardStore
from renkei.store.database import BoardUnreachable, StorageError, make_engine

HEADER_BYTES = 100  # SQLite's header; the pages after it hold the tables


def _garble(path, keep: int) -> None:
    """Overwrite the board file after its first ``keep`` bytes with bytes no database has."""
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.seek(keep)
        file.write(bytes([0xA5]) * (size - keep))


def _reads(store: BoardStore):
    """Every read a window or command makes, one by one."""
    return {
        "load": store.load,
        "revision": store.revision,
        "history": lambda: store.history("task"),
        "changes_since": lambda: store.changes_since(0),
        "activity_since": lambda: store.activity_since(0),
        "values_as_of": lambda: store.values_as_of("task", [1], 1),
        "saved_revision": lambda: store.saved_revision("0" * 32),
        "identity": store.identity,
    }


@pytest.mark.parametrize("keep", [0, HEADER_BYTES], ids=["no-header", "pages-garbled"])
def test_every_read_of_a_garbled_file_raises_board_unreachable(store, board_path, keep):
    """A board file overwritten (a sync client gone wrong, a bad disk): each read says the
    board cannot be read, as the store's error, and names no SQLAlchemy type."""
    store.dispose()
    _garble(board_path, keep)
    for name, read in _reads(store).items():
        with pytest.raises(BoardUnreachable) as refused:
            read()
        assert not isinstance(refused.value, SQLAlchemyError), name
        assert "could not be read: it is damaged" in str(refused.value), name
        assert "sqlalchemy" not in str(refused.value).lower(), name


def test_the_sync_loop_counts_a_garbled_board_as_lost(demo_session, board_path):
    """The sync loop (app) sees the store's error and reconnects; nothing escapes it."""
    sync = BoardSync(demo_session)
    sync.start()
    demo_session.store.dispose()
    _garble(board_path, HEADER_BYTES)
    sync._pull_waiting = True  # as after a change seen on the file
    sync.tick()
    assert sync.state.status is SyncStatus.RECONNECTING
    assert "could not be read: it is damaged" in sync.state.problem
    sync.stop()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again on leaving: nothing listens there


def test_every_read_of_a_server_nobody_runs_raises_board_unreachable():
    """A PostgreSQL address where nothing listens (a server stopped, a VPN down): each read
    says the server does not answer, naming it."""
    port = _closed_port()
    url = f"postgresql+psycopg://someone@127.0.0.1:{port}/team"
    store = BoardStore(make_engine(url), url, created=False)
    try:
        for name, read in _reads(store).items():
            with pytest.raises(BoardUnreachable) as refused:
                read()
            assert f"the server 127.0.0.1:{port} does not answer" in str(refused.value), name
    finally:
        store.dispose()


def test_opening_a_server_nobody_runs_raises_board_unreachable():
    port = _closed_port()
    with pytest.raises(BoardUnreachable, match=f"127.0.0.1:{port} does not answer"):
        BoardStore.open(f"postgresql://someone@127.0.0.1:{port}/team")
    with pytest.raises(StorageError, match=f"127.0.0.1:{port} does not answer"):
        check_login(f"postgresql+psycopg://someone@127.0.0.1:{port}/team", None)


def test_a_session_reload_on_a_garbled_board_raises_the_stores_error(demo_store, board_path):
    session = BoardSession(demo_store, actor_id=None)
    demo_store.dispose()
    _garble(board_path, 0)
    with pytest.raises(BoardUnreachable):
        session.reload()


def test_a_write_to_a_garbled_board_says_nothing_was_saved(store, board_path):
    """Writes were already worded; a damaged file (not an "operational" error) is too."""
    store.dispose()
    _garble(board_path, HEADER_BYTES)
    with pytest.raises(StorageError, match="nothing was saved") as refused:
        store.apply(Create("team", (("name", "Field Sales"),)), None)
    assert not isinstance(refused.value, SQLAlchemyError)
