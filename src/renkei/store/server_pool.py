"""One connection to a board's server per client, taken in turn by its threads.

A window's reads and saves, its worker thread's safety polls and reconnects, and the LISTEN for
other people's changes (store/feed.py) all use this one connection; so does ``renkei watch``.
With a pool of two and a listener of its own, each person held up to three connections and a
default server (``max_connections = 100``) ran out at about 48 people; now it serves ~95.

Why one shared connection rather than a long-lived listener plus short connections opened per
transaction: when someone commits, every watching client reads the change at the same moment,
so short connections would double the count exactly when the server is busiest (60 watchers
would need 120) and each read would pay a connect and a login. Taking turns costs little: the
transactions are short, and a window has two threads at most (the UI and one sync worker).

What this asks of the callers:

- A thread never asks for the connection while it holds it (a nested ``engine.connect()``
  would wait for itself): that is refused at once, as a programming error.
- A thread that needs the connection while another holds it waits up to
  ``TURN_TIMEOUT_SECONDS``; longer, and it fails as an unreachable server would.
- No ``pool_pre_ping`` round trip: the server's goodbye is read off the socket instead
  (``_close_if_ended``). A watcher pulls twice per change (the rows, then the lines it
  prints); with 60 watchers on two cores each round trip saved is felt in the fan-out.
- The listener reads change notices off the socket only while no thread holds the connection
  (``idle``, which neither waits nor connects, so the UI thread never blocks on it); while a
  thread holds it, that thread's queries read them (psycopg hands them to a notify handler).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from sqlalchemy.pool import ConnectionPoolEntry, Pool

# Longer than any one use of the connection should take: a save, a poll, or a full read of a
# big board (a silent server gives up after TCP_LIVENESS's 15 s).
TURN_TIMEOUT_SECONDS = 60.0


class ConnectionInUse(Exception):
    """``idle()`` found the connection in use by a thread."""


class OneConnectionPool(Pool):
    """A pool of exactly one connection, lent to one thread at a time (a FIFO of waiters is
    not needed: a client has two threads). An invalidated connection is made again by the next
    thread that takes its turn, as SQLAlchemy's pools do, and so is one the server ended (see
    ``_close_if_ended``)."""

    def __init__(self, creator: Any, *, timeout: float = TURN_TIMEOUT_SECONDS, **kw: Any):
        super().__init__(creator, **kw)
        self._timeout = timeout
        self._turn = threading.Condition()
        self._entry: ConnectionPoolEntry | None = None  # made on the first checkout
        self._holder: int | None = None  # the thread whose turn it is
        # Set by dispose(): nobody will use this pool again, so the connection a thread holds
        # then (a reconnect still waiting on a silent server) is closed at the end of its turn.
        self._disposed = False

    def _do_get(self) -> ConnectionPoolEntry:
        me = threading.get_ident()
        with self._turn:
            if self._holder == me:
                raise RuntimeError(
                    "this thread already holds the board's one server connection "
                    "(a nested engine.connect() would wait for itself)"
                )
            if not self._turn.wait_for(lambda: self._holder is None, self._timeout):
                raise _busy_error(self._timeout)
            self._holder = me
            entry = self._entry
        try:
            if entry is None:
                entry = self._create_connection()  # connects (in this thread)
                with self._turn:
                    self._entry = entry
            else:
                _close_if_ended(entry)  # then the checkout connects again
        except BaseException:
            self._end_turn(None)
            raise
        return entry

    def _do_return_conn(self, record: ConnectionPoolEntry) -> None:
        self._end_turn(record)

    def _end_turn(self, entry: ConnectionPoolEntry | None) -> None:
        """The holder is done with ``entry``: kept for the next turn, or closed when the pool
        was disposed meanwhile. Decided under the lock, as ``dispose()`` decides whether the
        connection is lent: the two must agree on who closes it, or nobody does (a window that
        closed while its worker reconnected left a connection open that way)."""
        with self._turn:
            close = entry is not None and (entry is not self._entry or self._disposed)
            if close and entry is self._entry:
                self._entry = None
            self._holder = None
            self._turn.notify()
        if close:
            assert entry is not None
            entry.close()

    @contextlib.contextmanager
    def idle(self) -> Iterator[ConnectionPoolEntry | None]:
        """The connection's pool entry, taken for a moment only if no thread holds it: never
        waits, never connects. ConnectionInUse when a thread holds it; None when no connection
        was ever made (its ``dbapi_connection`` is None when it was closed since)."""
        with self._turn:
            if self._holder is not None:
                raise ConnectionInUse
            self._holder = threading.get_ident()
            entry = self._entry
        try:
            yield entry
        finally:
            self._end_turn(entry)

    def dispose(self) -> None:
        """Close the connection now, or, while a thread holds it, when its turn ends."""
        with self._turn:
            self._disposed = True
            if self._holder is not None:
                return  # the holder's ``_end_turn`` closes it
            entry, self._entry = self._entry, None
        if entry is not None:
            entry.close()

    def recreate(self) -> OneConnectionPool:
        self.logger.info("Pool recreating")
        return self.__class__(
            self._creator,
            timeout=self._timeout,
            recycle=self._recycle,
            echo=self.echo,
            pre_ping=self._pre_ping,
            logging_name=self._orig_logging_name,
            reset_on_return=self._reset_on_return,
            _dispatch=self.dispatch,
            dialect=self._dialect,
        )

    def status(self) -> str:
        held = "in use" if self._holder is not None else "idle"
        made = "connected" if self._entry is not None else "not connected"
        return f"OneConnectionPool: {made}, {held}"


def _close_if_ended(entry: ConnectionPoolEntry) -> None:
    """``pool_pre_ping`` without its round trip: a server that restarted or ended the session
    said so on the socket (an error, then end of file), which a read that does not wait finds;
    the connection is then closed and the checkout connects again, as a failed ping would. A
    network gone silent is found by TCP_LIVENESS, as before (a ping waited for it too). The
    read may take change notices off the socket: they go to psycopg's notify handler, as a
    query's would (store/feed.py)."""
    connection = entry.dbapi_connection
    pgconn = getattr(connection, "pgconn", None)
    if pgconn is None:  # closed already, or not psycopg's (the pool's tests)
        return
    import psycopg

    try:
        read_socket(pgconn)
        while (notice := pgconn.notifies()) is not None:
            if pgconn.notify_handler is not None:
                pgconn.notify_handler(notice)
        ended = pgconn.status != psycopg.pq.ConnStatus.OK
    except psycopg.Error:
        ended = True
    if ended:
        entry.invalidate()


def read_socket(pgconn: Any) -> None:
    """Read what waits on a libpq connection's socket without waiting; psycopg.OperationalError
    when the server closed it. Twice: a server ending the session sends an error message and
    then closes, and one read may return the message alone."""
    pgconn.consume_input()
    pgconn.consume_input()


def _busy_error(seconds: float) -> Exception:
    """A DBAPI error, so that SQLAlchemy wraps it and the store words it as it words a server
    that does not answer (a read: BoardUnreachable; a save: "nothing was saved")."""
    import psycopg

    return psycopg.OperationalError(
        f"the connection to the board's server stayed busy for {seconds:g} s "
        "(another part of Renkei was still using it); try again"
    )
