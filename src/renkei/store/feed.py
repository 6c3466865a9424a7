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

PostgreSQL: LISTEN on a dedicated autocommit connection; writers ``pg_notify`` inside their
transaction, so the notice arrives exactly at commit."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from renkei.store import lease
from renkei.store.board_store import BoardStore
from renkei.store.database import TCP_LIVENESS, BoardUnreachable
from renkei.store.writer import NOTIFY_CHANNEL

if TYPE_CHECKING:  # psycopg is imported when a server board is watched
    import psycopg

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

    def connect(self) -> None: ...
    def check_alive(self) -> None: ...
    def changed(self) -> bool: ...
    def open_link(self) -> Link: ...
    def adopt(self, link: Link) -> None: ...
    def discard(self, link: Link) -> None: ...
    def fileno(self) -> int | None: ...
    def close(self) -> None: ...


class _Garbled(Exception):
    """The file is there but does not start with a whole SQLite header (yet)."""


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
        raise _Garbled(f"{len(header)} bytes" if len(header) < HEADER_BYTES else "not SQLite")
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
            raise BoardUnreachable(_missing(self.path)) from error
        except OSError as error:
            raise BoardUnreachable(f"The board file cannot be read right now: {error}") from error
        if size == 0:
            raise BoardUnreachable(_garbled(self.path, "0 bytes"))
        return FreshLook(self.path)

    def adopt(self, link: FreshLook) -> None:
        """A reconnect read the whole board: the next look reports a change."""
        self.close()
        self._report_next = True

    @staticmethod
    def discard(link: FreshLook) -> None:
        """Nothing to close."""

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
            return self._patient(now, _garbled(self.path, str(error)))
        except OSError as error:  # a sharing violation on Windows, a share gone quiet
            return self._patient(now, f"The board file cannot be read right now: {error}")
        self._trouble_since = None
        previous, self._last = self._last, look
        news, self._report_next = self._report_next, False
        if previous is not None:
            news = news or look.counter != previous.counter or look.identity != previous.identity
        return news

    def _patient(self, now: float, message: str) -> bool:
        """Missing or unreadable: look again at the next tick, up to FILE_PATIENCE_SECONDS."""
        self._report_next = True  # whatever is there when it comes back is read in full
        if self._trouble_since is None:
            self._trouble_since = now
        if now - self._trouble_since < FILE_PATIENCE_SECONDS:
            return False
        self._trouble_since = None
        raise BoardUnreachable(message)

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


def _missing(path: Path) -> str:
    return (
        f"The board file {path} is not there (moved, renamed or deleted?); if a sync client "
        "is replacing it, Renkei reads it again once it is back."
    )


def _garbled(path: Path, what: str) -> str:
    return (
        f"The board file {path} does not look like a board right now ({what}); if a sync "
        "client is still downloading it, Renkei reads it again once it is complete."
    )


class PostgresListen:
    """LISTEN for the board's change notices on a dedicated autocommit connection."""

    push = True  # notices arrive on a socket: the caller watches ``fileno()``

    def __init__(self, url: str):
        # psycopg wants a libpq URL, not SQLAlchemy's dialect+driver spelling.
        self.dsn = url.replace("postgresql+psycopg://", "postgresql://", 1)
        self._conn: psycopg.Connection[Any] | None = None

    def connect(self) -> None:
        self.close()
        self.adopt(self.open_link())

    def open_link(self) -> psycopg.Connection[Any]:
        """A new listening connection (any thread: a reconnect opens it in a worker, since
        reaching a silent server takes seconds; this watcher is untouched until ``adopt``)."""
        import psycopg
        from psycopg.conninfo import make_conninfo

        conn = None
        try:
            conn = psycopg.connect(
                # TCP_LIVENESS: a listener that died quietly becomes readable (EOF) in ~25 s.
                make_conninfo(self.dsn, **TCP_LIVENESS),
                autocommit=True,
                connect_timeout=3,
                application_name="Renkei listener",
            )
            conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        except psycopg.Error as error:
            if conn is not None:
                self.discard(conn)
            raise BoardUnreachable(f"Cannot reach the board's server: {error}") from error
        return conn

    def adopt(self, link: psycopg.Connection[Any]) -> None:
        """Listen on a connection from ``open_link`` from now on."""
        self.close()
        self._conn = link

    @staticmethod
    def discard(link: psycopg.Connection[Any]) -> None:
        with suppress(Exception):
            link.close()

    @property
    def connected(self) -> bool:
        return self._live() is not None

    def _live(self) -> psycopg.Connection[Any] | None:
        """The listening connection while it is open."""
        return self._conn if self._conn is not None and not self._conn.closed else None

    def fileno(self) -> int | None:
        conn = self._live()
        return conn.fileno() if conn is not None else None

    def changed(self) -> bool:
        """Drain pending notices; True when any arrived. Raises BoardUnreachable when the
        connection is gone (the caller reconnects and reads everything again)."""
        import psycopg

        conn = self._live()
        if conn is None:
            raise BoardUnreachable("Not connected to the board's server.")
        try:
            pgconn = conn.pgconn
            pgconn.consume_input()
            arrived = False
            while pgconn.notifies() is not None:
                arrived = True
            if pgconn.status != psycopg.pq.ConnStatus.OK:
                raise psycopg.OperationalError("connection lost")
            return arrived
        except psycopg.Error as error:
            self.close()
            raise BoardUnreachable(f"Lost the connection to the board's server: {error}") from error

    def check_alive(self) -> None:
        """A cheap round trip: a silently dropped connection shows up here."""
        import psycopg

        conn = self._live()
        if conn is None:
            raise BoardUnreachable("Not connected to the board's server.")
        try:
            conn.execute("SELECT 1")
        except psycopg.Error as error:
            self.close()
            raise BoardUnreachable(f"Lost the connection to the board's server: {error}") from error

    def close(self) -> None:
        if self._conn is not None:
            with suppress(Exception):
                self._conn.close()
        self._conn = None


def watcher_for(store: BoardStore) -> Watcher:
    """The right watcher for a BoardStore's backend."""
    if store.engine.dialect.name == "postgresql":
        return PostgresListen(store.engine.url.render_as_string(hide_password=False))
    return SqliteWatch(store.location)
