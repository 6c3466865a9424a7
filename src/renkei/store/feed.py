"""Noticing that someone else wrote to the board, cheaply, without holding a transaction.

SQLite: ``PRAGMA data_version`` on one idle connection changes when any other connection
commits — a file-header read, no query of the tables (QFileSystemWatcher would not see
writes made by other machines on a network share). PostgreSQL: LISTEN on a dedicated
autocommit connection; writers ``pg_notify`` inside their transaction, so the notice
arrives exactly at commit. Either way the watcher only says "look again"; what changed is
read from the Activity table (BoardStore.changes_since)."""

from __future__ import annotations

import sqlite3
import time
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote

from renkei.store.board_store import NOTIFY_CHANNEL
from renkei.store.database import TCP_LIVENESS, StorageError, is_locked_error

# Another Renkei holding the file (a big import commits for seconds) is not a lost board;
# only a lock held longer than this is reported.
LOCK_PATIENCE_SECONDS = 30.0


class SqliteWatch:
    """Polls ``PRAGMA data_version``: True from ``changed()`` after another connection's commit."""

    push = False  # no notices: the caller polls

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        self._locked_since: float | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        # Read-write (never create): a hot journal left by a writer that stopped is
        # rolled back by SQLite here, where a read-only connection could only fail.
        uri = f"file:{quote(str(self.path))}?mode=rw"
        # isolation_level=None: autocommit, so this connection never sits in a transaction.
        # check_same_thread=False: a reconnect opens it in a worker thread (open_link); only
        # one thread uses it at a time.
        return sqlite3.connect(
            uri, uri=True, isolation_level=None, timeout=1.0, check_same_thread=False
        )

    def open_link(self) -> tuple[sqlite3.Connection, int]:
        """A new connection and the file's version, for a reconnect (any thread; this
        watcher is untouched until ``adopt``)."""
        conn = None
        try:
            conn = self._open()
            version = conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as error:
            if conn is not None:
                conn.close()
            raise StorageError(f"The board file cannot be read right now: {error}") from error
        return conn, version

    def adopt(self, link: tuple[sqlite3.Connection, int]) -> None:
        """Use a link from ``open_link`` from now on; its version is the starting point."""
        self.close()
        self._conn, self._version = link

    @staticmethod
    def discard(link: tuple[sqlite3.Connection, int]) -> None:
        with suppress(sqlite3.Error):
            link[0].close()

    def changed(self) -> bool:
        try:
            version = self._connection().execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as error:
            if is_locked_error(error) and self._still_patient():
                return False  # a writer is busy with the file: look again at the next tick
            self.close()
            raise StorageError(f"The board file cannot be read right now: {error}") from error
        self._locked_since = None
        first = self._version is None
        moved = version != self._version
        self._version = version
        return moved and not first

    def _still_patient(self) -> bool:
        now = time.monotonic()
        if self._locked_since is None:
            self._locked_since = now
        return now - self._locked_since < LOCK_PATIENCE_SECONDS

    def fileno(self) -> int | None:
        return None

    def close(self) -> None:
        if self._conn is not None:
            with suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None
        self._version = None
        self._locked_since = None


class PostgresListen:
    """LISTEN for the board's change notices on a dedicated autocommit connection."""

    push = True  # notices arrive on a socket: the caller watches ``fileno()``

    def __init__(self, url: str):
        # psycopg wants a libpq URL, not SQLAlchemy's dialect+driver spelling.
        self.dsn = url.replace("postgresql+psycopg://", "postgresql://", 1)
        self._conn = None

    def connect(self) -> None:
        self.close()
        self.adopt(self.open_link())

    def open_link(self):
        """A new listening connection (any thread: a reconnect opens it in a worker, since
        reaching a silent server takes seconds; this watcher is untouched until ``adopt``)."""
        import psycopg

        conn = None
        try:
            conn = psycopg.connect(
                self.dsn,
                autocommit=True,
                connect_timeout=3,
                application_name="Renkei listener",
                **TCP_LIVENESS,  # a listener that died quietly becomes readable (EOF) in ~25 s
            )
            conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        except psycopg.Error as error:
            if conn is not None:
                self.discard(conn)
            raise StorageError(f"Cannot reach the board's server: {error}") from error
        return conn

    def adopt(self, link) -> None:
        """Listen on a connection from ``open_link`` from now on."""
        self.close()
        self._conn = link

    @staticmethod
    def discard(link) -> None:
        with suppress(Exception):
            link.close()

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def fileno(self) -> int | None:
        return self._conn.fileno() if self.connected else None

    def changed(self) -> bool:
        """Drain pending notices; True when any arrived. Raises StorageError when the
        connection is gone (the caller reconnects and reads everything again)."""
        import psycopg

        if not self.connected:
            raise StorageError("Not connected to the board's server.")
        try:
            pgconn = self._conn.pgconn
            pgconn.consume_input()
            arrived = False
            while pgconn.notifies() is not None:
                arrived = True
            if pgconn.status != psycopg.pq.ConnStatus.OK:
                raise psycopg.OperationalError("connection lost")
            return arrived
        except psycopg.Error as error:
            self.close()
            raise StorageError(f"Lost the connection to the board's server: {error}") from error

    def check_alive(self) -> None:
        """A cheap round trip: a silently dropped connection shows up here."""
        import psycopg

        if not self.connected:
            raise StorageError("Not connected to the board's server.")
        try:
            self._conn.execute("SELECT 1")
        except psycopg.Error as error:
            self.close()
            raise StorageError(f"Lost the connection to the board's server: {error}") from error

    def close(self) -> None:
        if self._conn is not None:
            with suppress(Exception):
                self._conn.close()
        self._conn = None


def watcher_for(store) -> SqliteWatch | PostgresListen:
    """The right watcher for a BoardStore's backend."""
    if store.engine.dialect.name == "postgresql":
        return PostgresListen(store.engine.url.render_as_string(hide_password=False))
    return SqliteWatch(store.location)
