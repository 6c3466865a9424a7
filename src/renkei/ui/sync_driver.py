"""Drives a window's BoardSync from the Qt event loop: a timer, and a socket notifier for
PostgreSQL's change notices.

Connected: the timer ticks every ``sync.interval`` seconds (the SQLite poll, or PostgreSQL's
safety poll) and, on PostgreSQL, the listener's socket wakes us as soon as someone commits.
That socket belongs to the one connection the window's reads and saves use too (see
store/feed.py): a notice one of our queries read off it rings a bell instead (posted to the UI
thread, whichever thread ran the query), and while the worker holds the connection the
notifier is left alone for a moment rather than spinning on data only the worker may read.
Reconnecting or offline: the notifier is gone (its socket is closed) and the timer retries
after ``sync.next_retry_seconds()``, backing off. Whatever arrives is shown through the
session, exactly like our own edits.

A reconnect attempt and a server's safety poll run in a worker thread: reaching a dead or
silent server takes seconds (the connect timeouts), a connection that drops packets answers
nothing until TCP gives up, and the window must keep drawing meanwhile. The worker only
opens a link and reads (``BoardSync.reach``, ``BoardSync.probe``); the session and the state
change back on the UI thread (``settle``, ``take``). One job at a time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal

from renkei.app.errors import StorageError
from renkei.app.session import BoardSession
from renkei.app.sync import BoardSync, Reached, SyncState, SyncStatus


class _Job:
    """One slow step in a worker thread — a reconnect, or a server's safety poll — whose
    result is shown on the UI thread. Whoever comes last — the worker finishing or the
    window closing — drops a result nobody will use (closing its link), so no connection
    is left open."""

    def __init__(
        self,
        kind: str,
        work: Callable[[], object],
        finish: Callable[[object], object],
        drop: Callable[[object], None] = lambda _result: None,
    ):
        self.kind = kind
        self.work, self.finish, self.drop = work, finish, drop
        self.lock = threading.Lock()
        self.result: object | None = None
        self.abandoned = False


# While the worker holds the server connection, the socket is looked at again after this long.
LOOK_AGAIN_MS = 50


class _Courier(QObject):
    """Carries a finished job from the worker thread to the UI thread (queued signal)."""

    arrived = Signal(object)


class _Bell(QObject):
    """Rung from inside a query (any thread) that read a change notice; heard on the UI
    thread once that query is over (a queued connection, even from the UI thread itself)."""

    rang = Signal()


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
        self._job: _Job | None = None
        self._courier = _Courier()  # no parent: the worker may emit after this is gone
        self._courier.arrived.connect(self._settle)
        self._bell = _Bell()  # no parent, likewise
        self._bell.rang.connect(self._on_heard, Qt.ConnectionType.QueuedConnection)

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
        self.sync.on_notice_read(self._bell.rang.emit)
        self._guarded(self.sync.start)

    @property
    def waiting(self) -> bool:
        """True while a reconnect or a safety poll runs in the worker thread."""
        return self._job is not None

    @property
    def reconnecting(self) -> bool:
        """True while a reconnect attempt runs in the background."""
        return self._job is not None and self._job.kind == "reconnect"

    def stop(self) -> None:
        """Stop watching and close the listener connection (and the link of a reconnect
        still under way, when it ends)."""
        self._running = False
        self._timer.stop()
        self._drop_notifier()
        self._abandon()
        self.sync.on_notice_read(None)
        self.sync.stop()

    # -- what wakes us ---------------------------------------------------------------------

    def tick(self) -> None:
        """Timer: poll (SQLite), check the connection and pull (PostgreSQL), or, while
        disconnected, try to reconnect."""
        if not self._running:
            return
        if self._job is not None:
            return  # the job re-arms the timer when it is done
        if self.state.status is not SyncStatus.CONNECTED:
            self.reconnect()
        elif self.sync.push:
            self._probe()
        else:
            self._guarded(self.sync.tick)  # SQLite: a look at the file's version, at once

    def reconnect(self) -> None:
        """Try again now (the user asked, or the backoff's wait is over), in a worker
        thread: a fresh listener and a full read of the board on success, the backoff
        continues on failure. An attempt already under way is not doubled."""
        if not self._running or self.reconnecting:
            return
        self._abandon()  # a safety poll under way: a reconnect reads everything anyway
        self._drop_notifier()  # the listener's socket is about to close
        self._start(_Job("reconnect", self.sync.reach, self.sync.settle, self._drop_link))

    def connection_lost(self, error: BaseException | None = None) -> None:
        """A save or read failed because the board could not be reached: say so now rather
        than at the next tick, so the status bar tells the truth; retry after the backoff."""
        if not self._running or self.reconnecting:
            return
        self._abandon()
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
            or self.reconnecting
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
        if notifier is not self._notifier:
            return
        if not self.sync.unread:
            notifier.setEnabled(True)
        else:
            # The worker holds the connection: its queries read what arrives (and ring the
            # bell). The socket stays readable until they do; look again in a moment.
            QTimer.singleShot(LOOK_AGAIN_MS, lambda: self._watch_again(notifier))

    def _watch_again(self, notifier: QSocketNotifier) -> None:
        if notifier is self._notifier:
            notifier.setEnabled(True)

    def _on_heard(self) -> None:
        """One of our queries read a change notice: look now (or once the worker is done
        with the connection)."""
        if not self._running or self.state.status is not SyncStatus.CONNECTED:
            return
        if self._job is not None:
            QTimer.singleShot(LOOK_AGAIN_MS, self._on_heard)
            return
        if self.sync.notice_waiting:
            self._guarded(self.sync.notice)

    # -- the worker thread -----------------------------------------------------------------

    def _probe(self) -> None:
        """A server's safety poll, read in the worker (the listener stays with this thread)."""
        board, since = self.session.board, self.session.synced_revision
        self._start(_Job("poll", lambda: self.sync.probe(board, since), self.sync.take))

    def _start(self, job: _Job) -> None:
        self._timer.stop()
        self._job = job
        threading.Thread(target=self._work, args=(job,), name="Renkei sync", daemon=True).start()

    def _work(self, job: _Job) -> None:
        """Worker thread: the slow half; the result goes back to the UI thread."""
        result = job.work()
        with job.lock:
            if job.abandoned:
                job.drop(result)
                return
            job.result = result
        self._courier.arrived.emit(job)

    def _settle(self, job: _Job) -> None:
        """UI thread: show what the job found (or count the failure), then re-arm."""
        if self._busy:  # a modal dialog of a listener is open: settle right after it
            QTimer.singleShot(50, lambda: self._settle(job))
            return
        with job.lock:
            result, job.result = job.result, None
        if job is not self._job or result is None:
            if result is not None:
                job.drop(result)
            return
        self._job = None
        self._guarded(lambda: job.finish(result))

    def _abandon(self) -> None:
        job, self._job = self._job, None
        if job is None:
            return
        with job.lock:
            job.abandoned = True
            result, job.result = job.result, None
        if result is not None:
            job.drop(result)

    def _drop_link(self, reached: Reached) -> None:
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
        if not self._running or self._job is not None:
            return  # a job under way re-arms the timer when it is done
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
