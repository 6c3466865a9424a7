"""Keeping a window in step with everyone else's edits (Qt-free; the UI drives it).

The UI calls ``tick()`` from a timer and ``notice()`` when the PostgreSQL socket has data, or
when a query of ours read a change notice off it (``on_notice_read``: the server's notices
share the client's one connection with its reads and saves, see store/feed.py). Whatever the
trigger, what changed is read from the Activity table and shown through the session exactly
like our own edits."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from renkei.app.session import BoardSession
from renkei.domain.commands import RowChange
from renkei.domain.model import Board
from renkei.store import lease
from renkei.store.database import BoardLocked, StorageError
from renkei.store.feed import Link, Watcher, watcher_for

SQLITE_POLL_SECONDS = 0.5  # the budget is 2 s from another window's edit to this screen
# How long a poll waits for a colleague's lease on a shared file before trying next tick.
POLL_PATIENCE_SECONDS = 0.3
SAFETY_POLL_SECONDS = 10.0  # PostgreSQL: in case a notice was missed
RECONNECT_SECONDS = (1.0, 2.0, 4.0, 8.0, 15.0)

# The store words every database error as a StorageError (reads included); OSError: a share
# or socket that failed under the watcher.
_LOST = (StorageError, OSError)


class SyncStatus(enum.Enum):
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"


@dataclass(frozen=True)
class Reached:
    """What one reconnect attempt found: a new link (the watcher's) and the whole board,
    or the error that stopped it."""

    link: Link = None
    board: Board | None = None
    error: BaseException | None = None


@dataclass(frozen=True)
class Probed:
    """What one safety poll of a server found: the changes since ``since`` (as
    ``store.changes_since`` gives them), read against ``board``; or the error."""

    board: Board
    since: int
    found: tuple[int, tuple[RowChange, ...] | None] | None = None
    error: BaseException | None = None


@dataclass(frozen=True)
class SyncState:
    status: SyncStatus
    last_synced: datetime | None = None
    problem: str = ""  # its first line in English (logs, tests)
    attempts: int = 0
    error: BaseException | None = None  # what stopped it, told in the person's language

    def problem_said(self, tell: Callable[[BaseException], str]) -> str:
        """The problem in the person's language: ``tell`` is the window's or the command
        line's ``error_text``; its first line, as ``problem`` is."""
        if self.error is None:
            return self.problem
        lines = tell(self.error).strip().splitlines()
        return lines[0] if lines else self.problem


class BoardSync:
    def __init__(
        self,
        session: BoardSession,
        watcher: Watcher | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.session = session
        self.watcher: Watcher = watcher if watcher is not None else watcher_for(session.store)
        self._now = now
        self.state = SyncState(SyncStatus.CONNECTED)
        self._listeners: list[Callable[[SyncState], None]] = []
        self._pull_waiting = False  # a change was seen but the board was busy: read it next

    @property
    def push(self) -> bool:
        """True when the server tells us about changes (watch ``fileno()``)."""
        return self.watcher.push

    @property
    def interval(self) -> float:
        return SAFETY_POLL_SECONDS if self.push else SQLITE_POLL_SECONDS

    def fileno(self) -> int | None:
        return self.watcher.fileno()

    @property
    def notice_waiting(self) -> bool:
        """True when a query of ours read a change notice off the socket: call ``notice()``
        now, the socket will not turn readable for it."""
        return self.push and self.watcher.heard

    @property
    def unread(self) -> bool:
        """True when the last ``notice()`` could not read the socket because another thread
        was using the connection (whose queries read what arrives): look again in a moment."""
        return self.push and self.watcher.unread

    def on_notice_read(self, callback: Callable[[], None] | None) -> None:
        """``callback()`` when a query reads a change notice (see ``notice_waiting``), in the
        thread that ran the query, in the middle of it: the callback must only arrange for
        ``notice()`` to be called soon (a window posts itself an event)."""
        if self.push:
            self.watcher.call_on_heard(callback)

    def subscribe(self, listener: Callable[[SyncState], None]) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        """Begin watching; anything written since the board was loaded is pulled now."""
        try:
            if self.push:
                self.watcher.connect()
            else:
                self.watcher.changed()  # remember the file's current version
            self.session.pull()
        except _LOST as error:
            self._lost(error)
            return
        self._set(SyncState(SyncStatus.CONNECTED, self._now()))

    def tick(self) -> None:
        """Timer: on SQLite look for a new file version; on PostgreSQL make sure the
        connection is alive and pull anyway, in case a notice went missing."""
        if self.state.status is not SyncStatus.CONNECTED:
            self.reconnect()
            return
        try:
            if self.push:
                self.watcher.check_alive()
                self.session.pull()
            elif self.watcher.changed() or self._pull_waiting:
                self._pull_waiting = False
                # A colleague saving a big change holds the file's lease: look again at the
                # next tick rather than freeze the window waiting (store/lease.py).
                with lease.patience(POLL_PATIENCE_SECONDS):
                    self.session.pull()
        except BoardLocked:
            self._pull_waiting = True  # still connected: their change is read once saved
            return
        except _LOST as error:
            self._lost(error)
            return
        self._set(SyncState(SyncStatus.CONNECTED, self._now()))

    def probe(self, board: Board, since: int) -> Probed:
        """The slow half of a server's safety poll — what changed since ``since`` — touching
        neither the session, the state nor the listener (a window runs it in a worker
        thread: a server that drops packets answers nothing for a long time). A listener
        that died quietly is found by its TCP keepalives instead (store.feed)."""
        try:
            found = self.session.store.changes_since(since)
        except Exception as error:  # _LOST is counted by take; anything else re-raised there
            return Probed(board, since, error=error)
        return Probed(board, since, found=found)

    def take(self, probed: Probed) -> None:
        """The quick half, on the thread that owns the session."""
        try:
            if probed.error is not None:
                raise probed.error
            session = self.session
            assert probed.found is not None  # a probe without an error found something
            if session.board is probed.board and session.synced_revision == probed.since:
                session.take_changes(*probed.found)
            else:
                # The board moved on while the poll read (our own edit, say): what was
                # read may be older than the screen. The server just answered: read again.
                session.pull()
        except _LOST as error:
            self._lost(error)
            return
        self._set(SyncState(SyncStatus.CONNECTED, self._now()))

    def notice(self) -> None:
        """The server's socket has data: notices of other people's commits."""
        try:
            if self.watcher.changed():
                self.session.pull()
        except _LOST as error:
            self._lost(error)
            return
        self._set(SyncState(SyncStatus.CONNECTED, self._now()))

    def reconnect(self) -> bool:
        """Try again; on success read the whole board (notices sent while we were away are
        gone, and a full read is the only way to be sure nothing was missed)."""
        return self.settle(self.reach())

    def reach(self) -> Reached:
        """The slow half of a reconnect — a new link to the board and a full read of it —
        touching neither the session nor the state, so a window runs it in a worker thread:
        a silent server takes seconds to give up on."""
        link = None
        try:
            link = self.watcher.open_link()
            board = self.session.store.load()
        except Exception as error:  # _LOST is counted by settle; anything else re-raised there
            if link is not None:
                self.watcher.discard(link)
            return Reached(error=error)
        return Reached(link=link, board=board)

    def settle(self, reached: Reached) -> bool:
        """The quick half, on the thread that owns the session: show the board that was
        read and listen on the new link, or count the failed attempt."""
        if reached.error is not None:
            if not isinstance(reached.error, _LOST):
                raise reached.error
            self._lost(reached.error)
            return False
        assert reached.board is not None  # a reach without an error read the board
        self.watcher.adopt(reached.link)
        overtaken = reached.board.revision < self.session.board.revision
        self.session.show_board(reached.board)
        if overtaken:
            # Our own edit was saved while the board was being read: read what the full
            # read missed (the server is reachable, so this is quick).
            try:
                self.session.pull()
            except _LOST as error:
                self._lost(error)
                return False
        self._set(SyncState(SyncStatus.CONNECTED, self._now()))
        return True

    def lose(self, error: BaseException) -> None:
        """A save or read elsewhere found the board unreachable: count it as a lost
        connection (the caller retries after ``next_retry_seconds()``)."""
        self._lost(error)

    def next_retry_seconds(self) -> float:
        index = min(self.state.attempts, len(RECONNECT_SECONDS)) - 1
        return RECONNECT_SECONDS[max(0, index)]

    def stop(self) -> None:
        self.watcher.close()

    def _lost(self, error: BaseException) -> None:
        attempts = self.state.attempts + 1
        status = (
            SyncStatus.OFFLINE if attempts > len(RECONNECT_SECONDS) else SyncStatus.RECONNECTING
        )
        self._set(SyncState(status, self.state.last_synced, _plain(error), attempts, error))

    def _set(self, state: SyncState) -> None:
        self.state = state
        self.session.reachable = state.status is SyncStatus.CONNECTED
        for listener in list(self._listeners):
            listener(state)


def _plain(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
