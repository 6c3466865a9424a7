"""Drives a window's BoardSync from the Qt event loop: a timer, and a socket notifier for
PostgreSQL's change notices.

Connected: the timer ticks every ``sync.interval`` seconds (the SQLite poll, or PostgreSQL's
safety poll) and, on PostgreSQL, the listener's socket wakes us as soon as someone commits.
Reconnecting or offline: the notifier is gone (its socket is closed) and the timer retries
after ``sync.next_retry_seconds()``, backing off. Whatever arrives is shown through the
session, exactly like our own edits."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from renkei.app.session import BoardSession
from renkei.app.sync import BoardSync, SyncState, SyncStatus
from renkei.store.acting import NotAllowed
from renkei.store.database import StorageError


def is_connection_lost(error: BaseException) -> bool:
    """True for a failed write or read that means the board cannot be reached right now
    (not for a refused edit: those are CommandErrors and say what is wrong)."""
    if isinstance(error, NotAllowed):
        return False  # the server answered: it refused, and retrying will not change that
    if isinstance(error, StorageError | OperationalError | InterfaceError | OSError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def plain_reason(error: BaseException) -> str:
    """The cause in a line or two, in the driver's words, without SQLAlchemy's wrapping."""
    cause = getattr(error, "orig", None) or error
    lines = [
        line.strip()
        for line in str(cause).splitlines()
        if line.strip() and not line.strip().startswith("(Background on this error")
    ]
    text = ""
    for line in lines[:2]:
        joiner = " " if not text or text.endswith((".", "?", "!", ":", ";")) else ". "
        text = f"{text}{joiner}{line}" if text else line
    return text or type(error).__name__


class SyncDriver(QObject):
    """Owns the BoardSync of one window; ``start()`` when the window opens, ``stop()`` when
    it closes. ``stateChanged(SyncState)`` after every tick, notice and reconnection."""

    stateChanged = Signal(SyncState)

    def __init__(
        self, session: BoardSession, parent: QObject | None = None, sync: BoardSync | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.sync = sync if sync is not None else BoardSync(session)
        self.sync.subscribe(self._on_state)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)  # re-armed after each tick: the wait depends on state
        self._timer.timeout.connect(self.tick)
        self._notifier: QSocketNotifier | None = None
        self._notifier_fd: int | None = None
        self._running = False
        self._busy = False
        self._retry_at: float | None = None

    # -- life ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    @property
    def state(self) -> SyncState:
        return self.sync.state

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._guarded(self.sync.start)

    def stop(self) -> None:
        """Stop watching and close the listener connection."""
        self._running = False
        self._timer.stop()
        self._drop_notifier()
        self.sync.stop()

    # -- what wakes us ---------------------------------------------------------------------

    def tick(self) -> None:
        """Timer: poll (SQLite), check the connection and pull (PostgreSQL), or, while
        disconnected, try to reconnect."""
        if self._running:
            self._guarded(self.sync.tick)

    def reconnect(self) -> None:
        """Try again now (the user asked, or a save just failed): a fresh listener and a
        full read of the board on success, the backoff continues on failure."""
        if self._running:
            self._drop_notifier()  # the listener's socket is about to close
            self._guarded(self.sync.reconnect)

    def connection_lost(self) -> None:
        """A save or read failed because the board could not be reached: find out now
        rather than at the next tick, so the status bar tells the truth."""
        self.reconnect()

    def seconds_until_retry(self) -> float | None:
        """While disconnected: seconds until the next attempt (None when connected)."""
        if self._retry_at is None or self.state.status is SyncStatus.CONNECTED:
            return None
        return max(0.0, self._retry_at - time.monotonic())

    def _on_readable(self) -> None:
        notifier = self._notifier
        if notifier is None:
            return
        notifier.setEnabled(False)  # no second activation while this one is handled
        self._guarded(self.sync.notice)
        if notifier is self._notifier:
            notifier.setEnabled(True)

    # -- internals -------------------------------------------------------------------------

    def _guarded(self, work) -> None:
        # A modal dialog opened by a listener spins the event loop; a tick then must not
        # start a second pull in the middle of the first.
        if self._busy:
            return
        self._busy = True
        try:
            work()
        finally:
            self._busy = False
            self._schedule()

    def _schedule(self) -> None:
        if not self._running:
            return
        if self.state.status is SyncStatus.CONNECTED:
            seconds = self.sync.interval
            self._retry_at = None
        else:
            seconds = self.sync.next_retry_seconds()
            self._retry_at = time.monotonic() + seconds
        self._timer.start(int(seconds * 1000))

    def _on_state(self, state: SyncState) -> None:
        self._update_notifier(state)
        self.stateChanged.emit(state)

    def _update_notifier(self, state: SyncState) -> None:
        fd = None
        if self._running and self.sync.push and state.status is SyncStatus.CONNECTED:
            fd = self.sync.fileno()
        if fd != self._notifier_fd:
            self._drop_notifier()
        if fd is not None and self._notifier is None:
            notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            notifier.activated.connect(self._on_readable)
            self._notifier, self._notifier_fd = notifier, fd

    def _drop_notifier(self) -> None:
        notifier = self._notifier
        self._notifier = self._notifier_fd = None
        if notifier is not None:
            notifier.setEnabled(False)
            notifier.deleteLater()  # it may be the sender of the slot running now
