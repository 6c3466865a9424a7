"""Engines tuned for a board: a shared SQLite file stays safe on a network share."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

T = TypeVar("T")

WRITE = {"renkei_write": True}


class StorageError(Exception):
    """A problem with the board's storage, worded for the user."""


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_url(path) -> str:
    return f"sqlite:///{path}"


# libpq settings that notice a server gone quiet on an open connection (a pulled cable, a
# dropped VPN, a firewall forgetting the connection): unanswered data gives up after 15 s,
# an idle connection is probed after 10 s. Without them a read waits for TCP, ~15 minutes.
TCP_LIVENESS = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}


def make_engine(url: str | URL) -> Engine:
    if str(url).startswith("sqlite"):
        return _sqlite_engine(str(url))
    # pool_pre_ping: a board stays open for hours; a server restart must not surface as an
    # error. connect_timeout: a vanished server fails a save in seconds, not minutes.
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=2,
        connect_args={"connect_timeout": 5, "application_name": "Renkei", **TCP_LIVENESS},
    )


def _sqlite_engine(url: str) -> Engine:
    # NullPool: no connection (and so no lock or cached page) outlives its use, so the UI never
    # idles holding the file; opening an SQLite connection costs microseconds.
    engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 5.0})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Python's sqlite3 would open transactions lazily on its own; we issue BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL needs shared memory on one host, so it breaks on SMB/NFS: keep a rollback journal.
        mode = cursor.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            cursor.close()
            raise StorageError(f"the board file could not use a rollback journal (mode {mode})")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # A writer takes the lock up front, so two writers never deadlock upgrading read locks.
        immediate = conn.get_execution_options().get("renkei_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_locked_error(error: BaseException) -> bool:
    text = str(error).lower()
    return "database is locked" in text or "database is busy" in text


def retry_locked(work: Callable[[], T], attempts: int = 8, first_wait: float = 0.05) -> T:
    """Run a write, retrying with growing, jittered waits while another writer holds the file."""
    wait = first_wait
    for attempt in range(attempts):
        try:
            return work()
        except OperationalError as error:
            if not is_locked_error(error) or attempt == attempts - 1:
                if is_locked_error(error):
                    raise StorageError(
                        "The board is locked by another Renkei and stayed locked; "
                        "try again in a moment."
                    ) from error
                raise
            time.sleep(wait * (0.5 + random.random()))
            wait = min(wait * 2, 2.0)
    raise AssertionError("unreachable")
