"""Engines tuned for a board: a PostgreSQL server, or an SQLite file that may live on a share
(every connection to it holds the board's lease, see store/lease.py).

A server board holds one connection per client: see store/server_pool.py."""

from __future__ import annotations

import contextlib
import os
import random
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.pool import NullPool

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Marked, Sentence, Translate
from renkei.store import lease

T = TypeVar("T")

WRITE = {"renkei_write": True}


class StorageError(Sentence):
    """A problem with the board's storage, worded for the user (a marked sentence:
    ``renkei.domain.i18n.Sentence``)."""


class BoardLocked(StorageError):
    """Another Renkei (named in the message) held the board's lease longer than we waited."""

    def __init__(self, text: str, *values: object, holder: lease.Holder | None = None):
        super().__init__(text, *values)
        self.holder = holder


class BoardUnreachable(StorageError):
    """The board could not be read: its server does not answer or the connection was lost, or
    its file is gone, unreadable or damaged. Trying again later may work."""


class LoginRefused(StorageError):
    """The server turned this login away: a password missing or wrong, no such login or
    database. The message ends with the server's own words, in brackets."""


class Capitalized(Sentence):
    """A sentence that begins with another (``%1; nothing was saved.``): its first letter is
    upper case however the inner sentence begins (Japanese has none, and is left as it is)."""

    def __init__(self, text: str = "", *values: object):
        super().__init__(text, *values)
        self.args = (_upper_first(str(self.args[0])),)

    def said(self, translate: Translate) -> str:
        return _upper_first(super().said(translate))


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# What SQLite says of a file that is damaged or was replaced by something else.
_DAMAGE = ("malformed", "not a database", "no such table")

# What the server says when it turns a login away (see LoginRefused).
_LOGIN_REFUSAL = re.compile(
    r'no password supplied|authentication failed|(role|database) "[^"]*" does not exist'
)


def read_error(error: DBAPIError, location: str | None, doing: str = "read") -> StorageError:
    """A database error met while reading (or opening, ``doing="opened"``) the board, as the
    store's own error, in words a team lead understands."""
    words = storage_words(error, location)
    reason = _driver_words(error)
    if is_locked_error(error):
        return BoardLocked(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the board is locked by another Renkei and stayed locked; try again in a moment.",
            )
        )
    if "permission denied" in reason.lower():
        return LoginRefused(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "your login on %1 may not read this board: ask the server's administrator for "
                "access (%2).",
            ),
            _server_of(error, location),
            reason,
        )
    refusal = _driver_line(error, _LOGIN_REFUSAL)
    if refusal is not None:
        return LoginRefused(
            QT_TRANSLATE_NOOP("Refusal", "%1 (%2)."),
            words or Sentence(QT_TRANSLATE_NOOP("Refusal", "the server refused this login")),
            refusal,
        )
    if words is not None:
        return BoardUnreachable(QT_TRANSLATE_NOOP("Refusal", "%1."), words)
    opened = doing == "opened"
    # A board without a location (rare) is told by the plain sentences below: "ボード" in a
    # name's slot would read "ボード を…" in Japanese.
    if location and any(damage in reason.lower() for damage in _DAMAGE):
        text = (
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 could not be opened: it is damaged, or no longer a board (%2); `renkei "
                "board check` says more, and `renkei board salvage` copies what can still be "
                "read into a new board",
            )
            if opened
            else QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 could not be read: it is damaged, or no longer a board (%2); `renkei board "
                "check` says more, and `renkei board salvage` copies what can still be read "
                "into a new board",
            )
        )
        return BoardUnreachable(text, location, reason)
    return BoardUnreachable(
        QT_TRANSLATE_NOOP("Refusal", "the board could not be opened: %1")
        if opened
        else QT_TRANSLATE_NOOP("Refusal", "the board could not be read: %1"),
        reason,
    )


# A place in a sentence when the board's location is not known.
# A server whose address neither the board's location nor the driver's words give.
_SERVER_UNNAMED = Marked("Refusal", QT_TRANSLATE_NOOP("Refusal", "(the server)"))


@contextlib.contextmanager
def reading(location: str | None, doing: str = "read") -> Iterator[None]:
    """Run a read of the board; a database error leaves it as the store's own error."""
    try:
        yield
    except DBAPIError as error:
        raise read_error(error, location, doing) from error


def _driver_lines(error: BaseException) -> list[str]:
    """The driver's own message, line by line, without SQLAlchemy's wrapping."""
    lines = [line.strip() for line in str(getattr(error, "orig", None) or error).splitlines()]
    return [line for line in lines if line and not line.startswith("(Background on this")]


def _driver_words(error: BaseException) -> str:
    """The driver's message on one line: the last (most specific) of several."""
    lines = _driver_lines(error)
    return lines[-1] if lines else type(error).__name__


def _driver_line(error: BaseException, wanted: re.Pattern[str]) -> str | None:
    """The first line of the driver's message that matches ``wanted`` (libpq reports each
    connection attempt on a line of its own); None when none does."""
    return next((line for line in _driver_lines(error) if wanted.search(line.lower())), None)


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_url(path: str | os.PathLike[str]) -> str:
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


SERVER_DRIVER = "postgresql+psycopg"  # psycopg 3
_POSTGRES_SCHEMES = ("postgres", "postgresql", SERVER_DRIVER)
SERVER_EXAMPLE = "postgresql://user@host:5432/database"


def _without_password(target: str) -> str:
    return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1@", target)


def server_url(target: str) -> URL:
    """A board's server address as Renkei connects to it: ``postgres://`` and ``postgresql://``
    are PostgreSQL through psycopg 3; any other scheme is refused by name (a MySQL URL must
    not fail deep inside SQLAlchemy with a missing driver)."""
    scheme = target.partition("://")[0].strip().lower()
    if scheme not in _POSTGRES_SCHEMES:
        shown = scheme[:30] + ("…" if len(scheme) > 30 else "")
        if scheme.startswith("sqlite"):
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "give the board file's path rather than a %1:// URL (e.g. --board team.renkei)",
                ),
                shown,
            )
        if scheme.startswith("postgresql+"):
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "Renkei reaches PostgreSQL through psycopg 3; %1:// is not supported: write %2",
                ),
                shown,
                SERVER_EXAMPLE,
            )
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "Renkei boards live in a file or on PostgreSQL; %1:// is not supported (a "
                "server board is written %2)",
            ),
            shown,
            SERVER_EXAMPLE,
        )
    try:
        url = make_url(target)
    except (ArgumentError, ValueError) as error:
        raise StorageError(
            QT_TRANSLATE_NOOP("Refusal", "%1 is not a server address (%2): write %3"),
            _without_password(target),
            error,
            SERVER_EXAMPLE,
        ) from None
    if not url.database:
        raise StorageError(
            QT_TRANSLATE_NOOP("Refusal", "%1 names no database: write %2"),
            _without_password(target),
            SERVER_EXAMPLE,
        )
    return url.set(drivername=SERVER_DRIVER)


def storage_words(error: BaseException, location: str | None = None) -> Sentence | None:
    """What a database error means for the person, and what to do, in one sentence without
    its final stop; None when it is nothing this knows (the caller words it generically)."""
    text = str(getattr(error, "orig", None) or error).lower()
    if isinstance(error, IntegrityError) and "source_id" in text:
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "another import of the same file finished first; nothing was added twice (run "
                "the import again to bring in anything newer)",
            )
        )
    if "readonly database" in text or "read-only" in text or "unable to open database" in text:
        return _read_only_words(location)
    server = _server_of(error, location)
    if "permission denied" in text:
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "your login on %1 may read this board but not change it: ask the server's "
                "administrator for write access",
            ),
            server,
        )
    if "password authentication failed" in text:
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the server %1 refused the password for %2: check it (PGPASSWORD, ~/.pgpass) "
                "or ask the server's administrator",
            ),
            server,
            _user_of(text, location),
        )
    if "no password supplied" in text:
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the server %1 wants a password for %2: set PGPASSWORD or add it to ~/.pgpass",
            ),
            server,
            _user_of(text, location),
        )
    found = re.search(r'role "([^"]*)" does not exist', text)
    if found:
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the server %1 has no login %2: check the user name in the address or ask the "
                "server's administrator for one",
            ),
            server,
            repr(found.group(1)),
        )
    found = re.search(r'database "([^"]*)" does not exist', text)
    if found:
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the server %1 has no database %2: check the name, or create it (createdb %3)",
            ),
            server,
            repr(found.group(1)),
            found.group(1),
        )
    if "could not translate host name" in text or "name or service not known" in text:
        return Sentence(
            QT_TRANSLATE_NOOP("Refusal", "no server called %1 could be found: check the address"),
            server,
        )
    if any(words in text for words in _NO_ANSWER):
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the server %1 does not answer: check that it is running and that the address "
                "is right, or ask whoever runs it; then try again",
            ),
            server,
        )
    if "disk is full" in text:
        if not location:
            return Sentence(
                QT_TRANSLATE_NOOP(
                    "Refusal", "the disk holding the board is full: free some space, then try again"
                )
            )
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal", "the disk holding %1 is full: free some space, then try again"
            ),
            location,
        )
    if "disk i/o error" in text:
        if not location:
            return Sentence(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "the board could not be read or written (a disk I/O error): check that it is "
                    "a board file on a working disk or share",
                )
            )
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 could not be read or written (a disk I/O error): check that it is a board "
                "file on a working disk or share",
            ),
            location,
        )
    return None


# What the server or driver says when it does not answer (storage_words).
_NO_ANSWER = (
    "connection refused",
    "timeout expired",
    "timed out",
    "server closed the connection",
    "terminating connection",
    "no route to host",
    "network is unreachable",
    "the database system is starting up",
    "the database system is shutting down",
    "consuming input failed",
    "server conn crashed",
    "connection is closed",
    "ssl negotiation",
)


def _read_only_words(location: str | None) -> Sentence:
    """A board file Renkei may read but not write, or a folder it cannot write in (SQLite
    writes a journal beside the board, and a new board is made in its folder)."""
    if not location:
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal", "the board could not be written (the file system refused it)"
            )
        )
    where = location
    if "://" in where:
        return Sentence(
            QT_TRANSLATE_NOOP("Refusal", "%1 is read-only for you: ask its owner for write access"),
            where,
        )
    folder = os.path.dirname(os.path.abspath(where)) or "."
    if os.path.exists(where) and not os.access(where, os.W_OK):
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 is read-only for you: ask its owner for write access, or copy it (renkei "
                "board copy) to change it",
            ),
            where,
        )
    if not os.access(folder, os.W_OK):
        if not os.path.exists(where):
            return Sentence(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "the folder %1 is read-only for you, so no board can be made there: choose "
                    "a folder you can write in",
                ),
                folder,
            )
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the folder %1 is read-only for you, and saving writes a journal file beside "
                "the board: ask for write access to the folder, or copy the board (renkei board "
                "copy)",
            ),
            folder,
        )
    return Sentence(
        QT_TRANSLATE_NOOP("Refusal", "%1 could not be written (the file system refused it)"),
        where,
    )


def not_saved(error: Exception, location: str) -> StorageError:
    """A write that failed, in words: what happened, and that nothing was saved."""
    words = storage_words(error, location)
    if words is not None:
        return StorageError(QT_TRANSLATE_NOOP("Refusal", "%1; nothing was saved."), capital(words))
    reason = _first_line_of(error)
    if isinstance(error, IntegrityError):
        return StorageError(
            QT_TRANSLATE_NOOP(
                "Refusal", "The change broke a rule of the board; nothing was saved (%1)."
            ),
            reason,
        )
    return StorageError(
        QT_TRANSLATE_NOOP("Refusal", "The board could not be reached; nothing was saved (%1)."),
        reason,
    )


def capital(words: Sentence) -> Capitalized:
    """A sentence that starts another, with its first letter in upper case."""
    return Capitalized(words.text, *words.values)


def locked_not_saved(error: BoardLocked) -> BoardLocked:
    # The inner sentence ends with a stop ("… since 10:02."), which this one replaces.
    inner: object = Sentence(error.text.rstrip("."), *error.values) if error.text else error
    return BoardLocked(
        QT_TRANSLATE_NOOP("Refusal", "%1; nothing was saved: try again when they are done."),
        inner,
        holder=error.holder,
    )


def _first_line_of(error: Exception) -> object:
    said = getattr(error, "orig", None) or error
    if isinstance(said, Sentence):  # marked words (a lease taken over): told, not copied
        return said
    return str(said).strip().splitlines()[0]


def _server_of(error: BaseException, location: str | None) -> object:
    if location and "://" in location:
        try:
            url = make_url(location)
        except (ArgumentError, ValueError):
            return "?"
        return f"{url.host or 'localhost'}:{url.port or 5432}"
    found = re.search(r'server at "([^"]+)"(?:[^,]*), port (\d+)', str(error))
    return f"{found.group(1)}:{found.group(2)}" if found else _SERVER_UNNAMED


def _user_of(text: str, location: str | None) -> str:
    found = re.search(r'for user "([^"]*)"', text)
    if found:
        return repr(found.group(1))
    if location and "://" in location:
        try:
            return repr(make_url(location).username or "")
        except (ArgumentError, ValueError):
            pass
    return "this login"


def make_engine(url: str | URL, *, leased: bool = True) -> Engine:
    """An engine for a board. ``leased=False`` only for a file nobody else can know of yet
    (a new board built under a hidden name, see store/new_board.py)."""
    if str(url).startswith("sqlite"):
        return _sqlite_engine(str(url), leased)
    from renkei.store.server_pool import OneConnectionPool

    # One connection per client, taken in turn (store/server_pool.py says why). A board stays
    # open for hours and a server restart must not surface as an error: the pool looks for the
    # server's goodbye on the socket before each use and connects again (pool_pre_ping's job,
    # without its round trip). connect_timeout: a vanished server fails a save in seconds.
    return create_engine(
        url,
        poolclass=OneConnectionPool,
        connect_args={"connect_timeout": 5, "application_name": "Renkei", **TCP_LIVENESS},
    )


def close_for_good(engine: Engine) -> None:
    """Close an engine's connections and refuse any new one. ``engine.dispose()`` alone makes
    a fresh pool in place of the old: a thread still at work for a closed window (a reconnect
    waiting on a silent server, a safety poll) would then connect again into a pool nobody
    closes, and that connection would be left open until the garbage collector found it. The
    refusal comes first, so a connection is either refused or made in the pool disposed next
    (which closes it when it is given back)."""

    def refuse(*_args: object) -> None:
        raise engine.dialect.loaded_dbapi.OperationalError("the board was closed")

    event.listen(engine, "do_connect", refuse)
    engine.dispose()


def _sqlite_engine(url: str, leased: bool) -> Engine:
    # NullPool: no connection (and so no lease, lock or cached page) outlives its use, so the
    # UI never idles holding the file; opening an SQLite connection costs microseconds.
    path = Path(make_url(url).database or "")

    def connect() -> sqlite3.Connection:
        if not leased:
            return sqlite3.connect(str(path), timeout=5.0, check_same_thread=False)
        try:
            # The lease first: SQLite reads the file (and may roll back a journal) at once.
            return lease.connect(path, timeout=5.0, check_same_thread=False)
        except lease.LeaseBusy as error:
            raise BoardLocked(
                QT_TRANSLATE_NOOP("Refusal", "%1."), error, holder=error.holder
            ) from error

    engine = create_engine(url, poolclass=NullPool, creator=connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Python's sqlite3 would open transactions lazily on its own; we issue BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL needs shared memory on one host, so it breaks on SMB/NFS: keep a rollback journal.
        mode = cursor.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            cursor.close()
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Refusal", "the board file could not use a rollback journal (mode %1)"
                ),
                mode,
            )
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
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
                        QT_TRANSLATE_NOOP(
                            "Refusal",
                            "The board is locked by another Renkei and stayed locked; try again "
                            "in a moment.",
                        )
                    ) from error
                raise
            time.sleep(wait * (0.5 + random.random()))
            wait = min(wait * 2, 2.0)
    raise AssertionError("unreachable")
