"""Noticing that someone else wrote to the board, cheaply, without holding the file open.

SQLite: every few hundred milliseconds the first 100 bytes of the board file are read with a
plain open, read and close — no SQLite connection, no lock, no transaction. Byte 24..27 of the
header is SQLite's file change counter, which every committing writer increments in rollback
journal mode (the only mode Renkei uses); the file's identity, size and modification time are
a second signal, so a sync client *replacing* the file with another copy also counts. Between
looks nothing is open: Windows and sync clients can replace the file, which they cannot while
a connection is held (the window used to keep one for as long as it was open).
(QFileSystemWatcher would not see writes made by other machines on a network share.)

A plain read takes no lock, so the watcher only ever says "look again"; the store's next read
opens the board properly — under its lease (store/lease.py), which waits for a writer on any
computer and lets SQLite roll back a journal left by one that stopped — and reads what changed
from the Activity table (BoardStore.changes_since). A header read mid-commit at worst says
"look again" a moment early: that read waits for the writer. What a look can find besides a
header:

- no file: a sync client replacing it, for a moment. Not an error until it has been gone for
  FILE_PATIENCE_SECONDS; whatever comes back is then read in full.
- a short or garbled header: a download in progress or a writer mid-write. Look again at the
  next tick, with the same patience.

The watcher never looks at the ``-journal``: outside the lease a journal is some writer's
business, and on a network mount a look would be cached (sshfs keeps names for 20 s), so a
writer on this computer would later find a journal that is no longer there.

POSIX caveat: closing *any* descriptor of a file drops every fcntl lock this process holds on
it, SQLite's included. So no look is made while this process holds the board's lease (a
save or a read in another thread): the next tick looks instead.

PostgreSQL: writers ``pg_notify`` inside their transaction, so the notice is sent at commit.
The LISTEN is on the client's one connection, the one its reads and saves use (taken in turn,
store/server_pool.py), not on a connection of its own: one connection per person. The server
sends a notice to a listening session only between transactions, and it reaches us in one of
two ways:

- The connection is idle: the notice waits on its socket, which the window watches with a
  QSocketNotifier and ``renkei watch`` with select. ``changed()`` then reads it off — but only
  while no thread holds the connection (``OneConnectionPool.idle``: it neither waits nor
  connects, so the UI thread never blocks behind the worker). It watches a *copy* of the
  socket (``os.dup``): whichever thread drops the connection after an error closes its own
  descriptor, never the one a notifier is watching.
- A query is running (a save, a pull, the worker's poll): psycopg reads the notice
  with the query's answer and hands it to our notify handler, which remembers it (``heard``)
  and rings whoever asked (``call_on_heard``: the window posts itself an event), because the
  socket will not turn readable for it again.

The connection this watcher listens on can be closed under it (a save that met a restarted
server is retried on a new one, store/server_pool.py; an error invalidates it). Notices sent
meanwhile are gone, so a new connection in its place counts as a lost one: the sync loop
reconnects (LISTEN on the new connection) and reads the whole board again."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Marked
from renkei.store import lease
from renkei.store.board_store import BoardStore
from renkei.store.database import BoardUnreachable
from renkei.store.writer import NOTIFY_CHANNEL

if TYPE_CHECKING:  # psycopg is imported when a server board is watched
    import psycopg
    from sqlalchemy import Engine
    from sqlalchemy.pool import ConnectionPoolEntry

    from renkei.store.server_pool import OneConnectionPool

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100  # SQLite's database header; the change counter is bytes 24..27
# A file missing or unreadable for this long is a lost board, not a sync client at work.
FILE_PATIENCE_SECONDS = 5.0


# What a watcher's ``open_link`` makes and ``adopt`` takes: its own kind of link (a FreshLook,
# a psycopg connection), opaque to the caller.
Link = Any


class Watcher(Protocol):
    """What the sync loop needs of a watcher, whichever backend it watches."""

    @property
    def push(self) -> bool:
        """True when notices arrive on a socket (watch ``fileno()``); False: poll."""
        ...

    @property
    def unread(self) -> bool:
        """True when the last ``changed()`` could not read the socket (its connection was in
        use by another thread): watch it again in a moment rather than at once."""
        ...

    @property
    def heard(self) -> bool:
        """True when a query read a notice that ``changed()`` has not reported yet."""
        ...

    def call_on_heard(self, callback: Callable[[], None] | None) -> None: ...
    def connect(self) -> None: ...
    def check_alive(self) -> None: ...
    def changed(self) -> bool: ...
    def open_link(self) -> Link: ...
    def adopt(self, link: Link) -> None: ...
    def discard(self, link: Link) -> None: ...
    def fileno(self) -> int | None: ...
    def close(self) -> None: ...


class _Garbled(Exception):
    """The file is there but does not start with a whole SQLite header (yet); ``what`` says
    what it holds instead, in marked words."""

    def __init__(self, what: Marked):
        super().__init__(str(what))
        self.what = what


@dataclass(frozen=True)
class FileLook:
    """What one look at the board file saw."""

    counter: int  # SQLite's file change counter (header bytes 24..27, big-endian)
    identity: tuple[int, int, int, int]  # st_dev, st_ino, st_size, st_mtime_ns


def look_at(path: Path) -> FileLook:
    """Read the header with a short open; FileNotFoundError, _Garbled or OSError otherwise.
    SQLite's lock bytes sit 1 GiB into the file, so even where byte-range locks are mandatory
    (Windows) a writer's lock never refuses this read."""
    with open(path, "rb", buffering=0) as file:
        header = file.read(HEADER_BYTES)
        stat = os.fstat(file.fileno())  # the file that was read, not whatever is there now
    if len(header) < HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        raise _Garbled(_bytes(len(header)) if len(header) < HEADER_BYTES else _NOT_SQLITE)
    return FileLook(
        counter=int.from_bytes(header[24:28], "big"),
        identity=(stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns),
    )


@dataclass(frozen=True)
class FreshLook:
    """SqliteWatch's link: nothing is held; after ``adopt`` the next look reports a change,
    so a commit made while a reconnect read the board is not missed."""

    path: Path


class SqliteWatch:
    """Looks at the board file's header: True from ``changed()`` after someone's commit."""

    push = False  # no notices: the caller polls
    unread = False
    heard = False

    def __init__(self, path: str | Path, clock: Callable[[], float] = time.monotonic):
        self.path = Path(path)
        self._clock = clock
        self._last: FileLook | None = None
        self._report_next = False  # the next good look says "changed" (after a gap or adopt)
        self._trouble_since: float | None = None  # missing or unreadable since

    def open_link(self) -> FreshLook:
        """For a reconnect (any thread). Only a stat — never an open: this runs in a worker
        thread while the window may be saving (see the POSIX caveat above). A missing file
        is refused here, before the store's read could leave an empty file in its place."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError as error:
            raise _missing(self.path) from error
        except OSError as error:
            raise BoardUnreachable(_UNREADABLE, error) from error
        if size == 0:
            raise _garbled(self.path, _bytes(0))
        return FreshLook(self.path)

    def adopt(self, link: FreshLook) -> None:
        """A reconnect read the whole board: the next look reports a change."""
        self.close()
        self._report_next = True

    @staticmethod
    def discard(link: FreshLook) -> None:
        """Nothing to close."""

    def call_on_heard(self, callback: Callable[[], None] | None) -> None:
        """No notices: nothing is ever heard."""

    def changed(self) -> bool:
        """True when the board file changed since the last look. The first look only learns
        where the file stands. BoardUnreachable once the file has been missing or unreadable for
        FILE_PATIENCE_SECONDS."""
        now = self._clock()
        if lease.held_here(self.path):
            return False  # see the POSIX caveat above: the next tick looks
        try:
            look = look_at(self.path)
        except FileNotFoundError:
            return self._patient(now, _missing(self.path))
        except _Garbled as error:
            return self._patient(now, _garbled(self.path, error.what))
        except OSError as error:  # a sharing violation on Windows, a share gone quiet
            return self._patient(now, BoardUnreachable(_UNREADABLE, error))
        self._trouble_since = None
        previous, self._last = self._last, look
        news, self._report_next = self._report_next, False
        if previous is not None:
            news = news or look.counter != previous.counter or look.identity != previous.identity
        return news

    def _patient(self, now: float, problem: BoardUnreachable) -> bool:
        """Missing or unreadable: look again at the next tick, up to FILE_PATIENCE_SECONDS."""
        self._report_next = True  # whatever is there when it comes back is read in full
        if self._trouble_since is None:
            self._trouble_since = now
        if now - self._trouble_since < FILE_PATIENCE_SECONDS:
            return False
        self._trouble_since = None
        raise problem

    def connect(self) -> None:
        """Nothing is held between looks: only learn where the file stands."""
        self.changed()

    def check_alive(self) -> None:
        """Nothing is held open that could die quietly: the next look says what it finds."""

    def fileno(self) -> int | None:
        return None

    def close(self) -> None:
        """Forget what was seen (nothing is held open between looks)."""
        self._last = None
        self._report_next = False
        self._trouble_since = None


def _missing(path: Path) -> BoardUnreachable:
    return BoardUnreachable(
        QT_TRANSLATE_NOOP(
            "Refusal",
            "The board file %1 is not there (moved, renamed or deleted?); if a sync client is "
            "replacing it, Renkei reads it again once it is back.",
        ),
        path,
    )


def _bytes(count: int) -> Marked:
    return Marked("Refusal", QT_TRANSLATE_NOOP("Refusal", "%1 bytes"), (count,))


_NOT_SQLITE = Marked("Refusal", QT_TRANSLATE_NOOP("Refusal", "not SQLite"))


def _garbled(path: Path, what: object) -> BoardUnreachable:
    return BoardUnreachable(
        QT_TRANSLATE_NOOP(
            "Refusal",
            "The board file %1 does not look like a board right now (%2); if a sync client is "
            "still downloading it, Renkei reads it again once it is complete.",
        ),
        path,
        what,
    )


_UNREADABLE = QT_TRANSLATE_NOOP("Refusal", "The board file cannot be read right now: %1")
_LOST = QT_TRANSLATE_NOOP("Refusal", "Lost the connection to the board's server: %1")


class PostgresListen:
    """LISTEN for the board's change notices on the store's own connection (see above)."""

    push = True  # notices arrive on a socket: the caller watches ``fileno()``

    def __init__(self, engine: Engine):
        self.engine = engine
        self._line: _Line | None = None
        self._heard = False  # a query read a notice that ``changed()`` has not reported
        self._heard_lock = threading.Lock()
        self._on_heard: Callable[[], None] | None = None
        self.unread = False  # the last look found the connection in use by another thread

    def connect(self) -> None:
        self.close()
        self.adopt(self.open_link())

    def open_link(self) -> _Line:
        """Make the store's connection listen, connecting first if need be (any thread: a
        reconnect runs it in a worker, since reaching a silent server takes seconds; this
        watcher is untouched until ``adopt``)."""
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect() as conn:
                connection = _psycopg_connection(conn.connection.dbapi_connection)
                conn.exec_driver_sql(f"LISTEN {NOTIFY_CHANNEL}")
                conn.commit()  # LISTEN takes effect at commit
                with suppress(ValueError):  # listening again on the same connection
                    connection.remove_notify_handler(self._hear)
                connection.add_notify_handler(self._hear)
                return _Line(connection, os.dup(connection.fileno()))
        except DBAPIError as error:
            reason = str(error.orig or error).strip()
            raise BoardUnreachable(
                QT_TRANSLATE_NOOP("Refusal", "Cannot reach the board's server: %1"), reason
            ) from error

    def adopt(self, link: _Line) -> None:
        """Listen on a connection from ``open_link`` from now on."""
        previous, self._line = self._line, link
        if previous is not None:
            os.close(previous.socket)
            if previous.connection is not link.connection:
                self._stop_hearing(previous)

    def discard(self, link: _Line) -> None:
        """A link nobody will adopt. Its connection is the store's: it stays open."""
        os.close(link.socket)

    @property
    def connected(self) -> bool:
        return self._line is not None

    def fileno(self) -> int | None:
        return self._line.socket if self._line is not None else None

    @property
    def heard(self) -> bool:
        """True when a query read a notice since the last ``changed()``: look now, the socket
        will not turn readable for it."""
        return self._heard

    def call_on_heard(self, callback: Callable[[], None] | None) -> None:
        """``callback()`` whenever a query reads a notice, in the thread that ran the query
        (inside psycopg: it must not use the board; the window posts itself an event)."""
        self._on_heard = callback

    def _hear(self, _notice: object) -> None:
        with self._heard_lock:
            self._heard = True
        callback = self._on_heard
        if callback is not None:
            callback()

    def _take_heard(self) -> bool:
        with self._heard_lock:
            heard, self._heard = self._heard, False
        return heard

    def changed(self) -> bool:
        """Read pending notices off the socket; True when any arrived, or a query read one
        since the last look. False, with ``unread`` set, when another thread holds the
        connection (its queries read what arrives; look again in a moment). Raises
        BoardUnreachable when the connection is gone or was replaced (the caller reconnects
        and reads everything again)."""
        import psycopg

        from renkei.store.server_pool import ConnectionInUse, read_socket

        line = self._live_line()
        try:
            with self._pool().idle() as entry:
                self.unread = False
                connection = self._listening(entry, line)
                pgconn = connection.pgconn
                try:
                    read_socket(pgconn)
                    arrived = False
                    while pgconn.notifies() is not None:
                        arrived = True
                    if pgconn.status != psycopg.pq.ConnStatus.OK:
                        raise psycopg.OperationalError("connection lost")
                except psycopg.Error as error:
                    raise self._lost(entry, error) from error
        except ConnectionInUse:
            # Another thread's queries read what arrives; only an end of file is ours to see
            # now (the server cut the connection: that thread fails on its own).
            if not _still_open(line.socket):
                self.close()
                raise BoardUnreachable(
                    QT_TRANSLATE_NOOP(
                        "Refusal",
                        "Lost the connection to the board's server: the server closed it.",
                    )
                ) from None
            self.unread = True
            return False
        return self._take_heard() or arrived

    def check_alive(self) -> None:
        """A cheap round trip while the connection is idle: a silently dropped connection
        shows up here. (While a thread holds it, that thread finds out.)"""
        import psycopg

        from renkei.store.server_pool import ConnectionInUse

        line = self._live_line()
        try:
            with self._pool().idle() as entry:
                connection = self._listening(entry, line)
                try:
                    connection.execute("SELECT 1")
                    connection.rollback()  # as the pool leaves it: outside a transaction
                except psycopg.Error as error:
                    raise self._lost(entry, error) from error
        except ConnectionInUse:
            return

    def close(self) -> None:
        line, self._line = self._line, None
        if line is not None:
            os.close(line.socket)
            self._stop_hearing(line)

    # -- internals -------------------------------------------------------------------------

    def _pool(self) -> OneConnectionPool:
        from renkei.store.server_pool import OneConnectionPool

        pool = self.engine.pool  # looked up each time: engine.dispose() makes a new pool
        assert isinstance(pool, OneConnectionPool), "a server board's engine (make_engine)"
        return pool

    def _live_line(self) -> _Line:
        if self._line is None:
            raise BoardUnreachable(
                QT_TRANSLATE_NOOP("Refusal", "Not connected to the board's server.")
            )
        return self._line

    def _listening(
        self, entry: ConnectionPoolEntry | None, line: _Line
    ) -> psycopg.Connection[Any]:
        """The pool's connection, if it is still the one this watcher listens on."""
        current: object = entry.dbapi_connection if entry is not None else None
        if current is not line.connection or line.connection.closed:
            self.close()
            raise BoardUnreachable(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "Lost the connection to the board's server (a new one is in its place).",
                )
            )
        return line.connection

    def _lost(self, entry: ConnectionPoolEntry | None, error: Exception) -> BoardUnreachable:
        if entry is not None:
            entry.invalidate(error)  # closed: the next use connects again
        self.close()
        return BoardUnreachable(_LOST, error)

    def _stop_hearing(self, line: _Line) -> None:
        with suppress(ValueError):
            line.connection.remove_notify_handler(self._hear)


def _still_open(descriptor: int) -> bool:
    """False when the server ended the connection (end of file, a reset): a look that leaves
    whatever is pending where it is, for the thread using the connection to read."""
    with socket.socket(fileno=os.dup(descriptor)) as look:
        try:
            return look.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
        except BlockingIOError:
            return True  # nothing pending
        except OSError:
            return False


@dataclass(frozen=True)
class _Line:
    """PostgresListen's link: the connection that LISTENs, and a copy of its socket (for the
    notifier or select; its own descriptor may be closed by another thread)."""

    connection: psycopg.Connection[Any]
    socket: int


def _psycopg_connection(connection: object) -> psycopg.Connection[Any]:
    """A server board's DBAPI connection: psycopg 3's (store/database.py)."""
    import psycopg

    assert isinstance(connection, psycopg.Connection)
    return connection


def watcher_for(store: BoardStore) -> Watcher:
    """The right watcher for a BoardStore's backend."""
    if store.engine.dialect.name == "postgresql":
        return PostgresListen(store.engine)
    return SqliteWatch(store.location)
