"""Drives a window's BoardSync from the Qt event loop: a timer, and a socket notifier for
PostgreSQL's change notices.

Connected: the timer ticks every ``sync.interval`` seconds (the SQLite poll, or PostgreSQL's
safety poll) and, on PostgreSQL, the listener's socket wakes us as soon as someone commits.
Reconnecting or offline: the notifier is gone (its socket is closed) and the timer retries
after ``sync.next_retry_seconds()``, backing off. Whatever arrives is shown through the
session, exactly like our own edits.

A reconnect attempt runs in a worker thread: reaching a dead or silent server takes seconds
(the connect timeouts), and the window must keep drawing meanwhile. The worker only opens a
link and reads the board (``BoardSync.reach``); the session and the state change back on
the UI thread (``BoardSync.settle``)."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from renkei.app.session import BoardSession
from renkei.app.sync import BoardSync, Reached, SyncState, SyncStatus
from renkei.store.database import StorageError


def is_connection_lost(error: BaseException) -> bool:
    """True for a failed write or read that means the board cannot be reached right now
    (not for a refused edit: those are CommandErrors and say what is wrong)."""
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


class _Attempt:
    """One reconnect in a worker thread. Whoever comes last — the worker finishing or the
    window closing — closes a link nobody will use, so no connection is left open."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reached: Reached | None = None
        self.abandoned = False


class _Courier(QObject):
    """Carries a finished attempt from the worker thread to the UI thread (queued signal)."""

    arrived = Signal(object)


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
        self._attempt: _Attempt | None = None
        self._courier = _Courier()  # no parent: the worker may emit after this is gone
        self._courier.arrived.connect(self._settle)

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

    @property
    def reconnecting(self) -> bool:
        """True while a reconnect attempt runs in the background."""
        return self._attempt is not None

    def stop(self) -> None:
        """Stop watching and close the listener connection (and the link of a reconnect
        still under way, when it ends)."""
        self._running = False
        self._timer.stop()
        self._drop_notifier()
        self._abandon()
        self.sync.stop()

    # -- what wakes us ---------------------------------------------------------------------

    def tick(self) -> None:
        """Timer: poll (SQLite), check the connection and pull (PostgreSQL), or, while
        disconnected, try to reconnect."""
        if not self._running:
            return
        if self.state.status is SyncStatus.CONNECTED:
            self._guarded(self.sync.tick)
        else:
            self.reconnect()

    def reconnect(self) -> None:
        """Try again now (the user asked, or the backoff's wait is over), in a worker
        thread: a fresh listener and a full read of the board on success, the backoff
        continues on failure. An attempt already under way is not doubled."""
        if not self._running or self._attempt is not None:
            return
        self._drop_notifier()  # the listener's socket is about to close
        self._timer.stop()
        attempt = self._attempt = _Attempt()
        worker = threading.Thread(
            target=self._reach, args=(attempt,), name="Renkei reconnect", daemon=True
        )
        worker.start()

    def connection_lost(self, error: BaseException | None = None) -> None:
        """A save or read failed because the board could not be reached: say so now rather
        than at the next tick, so the status bar tells the truth; retry after the backoff."""
        if not self._running or self._attempt is not None:
            return
        self._drop_notifier()
        self._timer.stop()
        self._guarded(
            lambda: self.sync.lose(error or StorageError("The board could not be reached."))
        )

    def seconds_until_retry(self) -> float | None:
        """While disconnected: seconds until the next attempt (None when connected, or while
        an attempt is under way)."""
        if (
            self._retry_at is None
            or self._attempt is not None
            or self.state.status is SyncStatus.CONNECTED
        ):
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

    # -- the reconnect worker --------------------------------------------------------------

    def _reach(self, attempt: _Attempt) -> None:
        """Worker thread: the slow half of a reconnect; the result goes back to the UI thread."""
        reached = self.sync.reach()
        with attempt.lock:
            if attempt.abandoned:
                self._discard(reached)
                return
            attempt.reached = reached
        self._courier.arrived.emit(attempt)

    def _settle(self, attempt: _Attempt) -> None:
        """UI thread: show what the attempt found (or count the failure), then re-arm."""
        if self._busy:  # a modal dialog of a listener is open: settle right after it
            QTimer.singleShot(50, lambda: self._settle(attempt))
            return
        with attempt.lock:
            reached, attempt.reached = attempt.reached, None
        if attempt is not self._attempt or reached is None:
            if reached is not None:
                self._discard(reached)
            return
        self._attempt = None
        self._guarded(lambda: self.sync.settle(reached))

    def _abandon(self) -> None:
        attempt, self._attempt = self._attempt, None
        if attempt is None:
            return
        with attempt.lock:
            attempt.abandoned = True
            reached, attempt.reached = attempt.reached, None
        if reached is not None:
            self._discard(reached)

    def _discard(self, reached: Reached) -> None:
        if reached.link is not None:
            self.sync.watcher.discard(reached.link)

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
        if not self._running or self._attempt is not None:
            return  # a reconnect under way re-arms the timer when it settles
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
