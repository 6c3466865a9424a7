"""The truth about a save: every change carries an id, and an error at COMMIT is checked.

After an I/O error or a lost connection at COMMIT, the database cannot say whether the commit
reached the disk (or the server) before the error. So each change is written with its own id
on every Activity row, and after such an error a new connection looks for that id: found, the
change is saved; not found on a board that reads, nothing was saved; the board unreadable,
Renkei says it could not confirm — never "nothing was saved" without having looked.

The same id makes retries safe: a change whose id is already on the board is not applied
again (see ``BoardStore.apply_all``), whether the retry comes from the window's unsaved-edit
list or a script running ``renkei --change-id ID …`` twice.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from renkei.domain.commands import ValidationError
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence
from renkei.store import lease, schema
from renkei.store.database import WRITE, StorageError, retry_locked

T = TypeVar("T")

# What a change id may be: a uuid4's hex digits, or a script's own (letters, digits, . _ : -).
CHANGE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
# How long the check after a failed commit waits for a transaction still holding the board.
LOOKUP_LOCK_TIMEOUT = "15s"


class CouldNotConfirm(StorageError):
    """An error at COMMIT, and the board could not be read afterwards to find out whether the
    change landed. The change may be saved or not: a person must look before making it again
    (a retry with the same ``change_id`` is safe: it is never applied twice)."""

    def __init__(self, reason: object, change_id: str):
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "Renkei could not confirm whether the change was saved (%1); look at the "
                "board's history before making it again.",
            ),
            reason,
        )
        self.change_id = change_id


def new_change_id() -> str:
    return uuid.uuid4().hex


def checked_change_id(change_id: str | None) -> str:
    """The id given (checked), else a new one: made once per change, before its first try,
    so that every retry of it carries the same id."""
    if change_id is None:
        return new_change_id()
    if not CHANGE_ID.fullmatch(change_id):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 is not a change id: give 1 to 64 letters, digits, '.', '_', ':' or '-', "
                "starting with a letter or digit; nothing was saved",
            ),
            repr(change_id[:70]),
        )
    return change_id


def saved_revision(conn: Connection, change_id: str) -> int | None:
    """The revision that saved the change with this id, or None."""
    activity = schema.activity
    return conn.execute(
        select(activity.c.revision).where(activity.c.change_id == change_id).limit(1)
    ).scalar()


def lost_at_commit(error: BaseException) -> bool:
    """An error at COMMIT after which the commit may or may not have happened."""
    if isinstance(error, OperationalError | InterfaceError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def write_once(engine: Engine, change_id: str, write: Callable[[Connection], T]) -> T:
    """One try of a change: ``write(conn)`` in a write transaction, then COMMIT, here.

    An error before COMMIT propagates as it is (nothing was written). An error at COMMIT is
    checked on a new connection: the change's id found → the result is returned as saved;
    not found → the error propagates (nothing was saved, now known; "locked" is retried by
    ``retry_locked``); the board unreadable → ``CouldNotConfirm``."""
    failed: BaseException | None = None
    with engine.connect().execution_options(**WRITE) as conn, conn.begin() as transaction:
        result = write(conn)
        try:
            transaction.commit()
        except DBAPIError as error:
            if not lost_at_commit(error) or isinstance(error.orig, lease.LeaseLost):
                # LeaseLost: refused before COMMIT was sent (the board's lock was taken
                # over), so nothing was written; nothing to look for.
                raise
            failed = error
            # A connection that failed at COMMIT is not trusted again: closed, not pooled
            # (on PostgreSQL this also ends a transaction the server may still hold open).
            conn.invalidate()
    if failed is None:
        return result
    # The failed connection is closed by now: on SQLite its lock is let go (a half-written
    # journal is rolled back by the next reader), on PostgreSQL the session ends or is ending.
    if landed(engine, change_id, failed) is None:
        raise failed
    return result


def landed(engine: Engine, change_id: str, failed: BaseException) -> int | None:
    """After ``failed`` at COMMIT: the revision that saved ``change_id``, or None when the
    board reads and it is not there. Raises ``CouldNotConfirm`` when the board cannot be read.

    On PostgreSQL the board row is taken FOR UPDATE first: a transaction whose COMMIT is still
    on its way holds it, so the check waits for it to end rather than look too early."""

    def look() -> int | None:
        with engine.connect() as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text(f"SET LOCAL lock_timeout = '{LOOKUP_LOCK_TIMEOUT}'"))
            conn.execute(select(schema.board_table.c.revision).with_for_update()).scalar_one()
            return saved_revision(conn, change_id)

    try:
        return retry_locked(look)
    except Exception as error:  # whatever stops the read: the answer is "cannot tell"
        reason = Sentence(
            QT_TRANSLATE_NOOP("Refusal", "%1; reading the board again failed: %2"),
            _first_line(failed),
            _first_line(error),
        )
        raise CouldNotConfirm(reason, change_id) from error


def _first_line(error: BaseException) -> str:
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
