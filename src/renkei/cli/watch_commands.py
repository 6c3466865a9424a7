"""`renkei watch`: every change anyone makes, printed as it arrives, across lost connections."""

from __future__ import annotations

import argparse
import contextlib
import select
import signal
import time
from collections.abc import Iterator
from typing import Any

from renkei.app.errors import StorageError
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.app.sync import BoardSync, SyncState, SyncStatus
from renkei.cli.board_access import (
    CliError,
    note,
    open_board,
)
from renkei.cli.watch_stream import RevisionStream
from renkei.cli.words import Cli, arg, error_text

# -- watch ---------------------------------------------------------------------------------


class _SyncNotes:
    """Losing and regaining the connection, told on stderr (stdout stays the stream)."""

    def __init__(self, sync: BoardSync):
        self.sync = sync
        self.lost = False

    def __call__(self, state: SyncState) -> None:
        if state.status is SyncStatus.CONNECTED:
            if self.lost:
                revision = self.sync.session.synced_revision
                note(
                    "renkei: " + arg(Cli.tr("connected again; caught up to revision %1."), revision)
                )
            self.lost = False
            return
        wait = self.sync.next_retry_seconds()
        problem = state.problem_said(error_text)
        if not self.lost:
            note(
                "renkei: "
                + arg(Cli.tr("%1; reconnecting in %2 s…"), problem.rstrip(".。"), f"{wait:g}")
            )
        else:
            note(
                "renkei: "
                + arg(
                    Cli.tr("still cannot reach the board (%1); next try in %2 s."),
                    problem,
                    f"{wait:g}",
                )
            )
        self.lost = True


def cmd_watch(args: argparse.Namespace) -> int:
    """Print every change anyone makes to the board, as it arrives, until Ctrl-C: each
    revision once, in order, across lost connections (cli/watch_stream.py)."""
    settings = LocalSettings.load()
    store = open_board(args.board, settings)
    sync: BoardSync | None = None
    stop = _Stop()
    stop.install()
    try:
        session = BoardSession(store, None, thresholds=settings.risk_thresholds())
        start = session.synced_revision if args.since is None else args.since
        if start > session.synced_revision:
            raise CliError(
                arg(
                    Cli.tr(
                        "--since %1 is beyond the board's current revision (%2); give a "
                        "revision it has reached."
                    ),
                    start,
                    session.synced_revision,
                )
            )
        stream = RevisionStream(session, args.json, args.count, start)
        sync = BoardSync(session)
        sync.subscribe(_SyncNotes(sync))
        sync.start()
        note(
            arg(
                Cli.tr("Watching “%1” from revision %2 (Ctrl-C to stop).")
                if args.count is None and args.timeout is None
                else Cli.tr("Watching “%1” from revision %2."),
                session.board.name,
                start,
            )
        )
        _follow(sync, stream, args.timeout, stop)
    except KeyboardInterrupt:
        return 0  # Ctrl-C (or a service manager's SIGTERM) is how a watch ends
    finally:
        stop.uninstall()
        if sync is not None:
            sync.stop()
        store.dispose()
    return 0


class _Stop:
    """Ctrl-C and SIGTERM end a watch between its looks at the board, never inside one: a
    KeyboardInterrupt raised while a connection is being closed makes SQLAlchemy's pool
    print a traceback on stderr. While the loop waits, the signal ends it at once."""

    def __init__(self) -> None:
        self.asked = False
        self.waiting = False
        self._before: list[tuple[int, Any]] = []

    def __call__(self, _signum, _frame) -> None:
        self.asked = True
        if self.waiting:
            raise KeyboardInterrupt

    def install(self) -> None:
        for number in (signal.SIGINT, signal.SIGTERM):
            try:
                self._before.append((number, signal.signal(number, self)))
            except ValueError:  # not the main thread (main() called from a worker)
                return

    def uninstall(self) -> None:
        for number, before in self._before:
            signal.signal(number, before)
        self._before.clear()

    def check(self) -> None:
        if self.asked:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def wait(self) -> Iterator[None]:
        self.check()
        self.waiting = True
        try:
            yield
        finally:
            self.waiting = False


def _follow(
    sync: BoardSync, stream: RevisionStream, timeout: float | None, stop: _Stop
) -> None:
    """The loop: SQLite polls its file version; PostgreSQL sleeps on the LISTEN socket with a
    slow safety poll; a lost connection is retried with BoardSync's backoff. After each look
    the stream prints whatever revisions the session has read and it has not printed. (The
    socket is the one our reads use: a notice a read took off it is looked at without a wait.)"""
    deadline = None if timeout is None else time.monotonic() + timeout
    next_tick = time.monotonic() + sync.interval
    unread = _Unread()
    unread(stream)
    _warm_up(stream)
    while not stream.finished:
        stop.check()
        now = time.monotonic()
        if deadline is not None and now >= deadline:
            return
        connected = sync.state.status is SyncStatus.CONNECTED
        socket = sync.fileno() if connected and sync.push else None
        wake = next_tick if deadline is None else min(next_tick, deadline)
        wait = max(0.0, wake - now)
        if socket is not None:
            with stop.wait():
                ready = sync.notice_waiting or select.select([socket], [], [], wait)[0]
            if ready:
                sync.notice()
                unread(stream)
                if sync.state.status is not SyncStatus.CONNECTED:
                    next_tick = time.monotonic() + sync.next_retry_seconds()
                continue
        else:
            with stop.wait():
                time.sleep(wait)
        if time.monotonic() >= next_tick:
            sync.tick()  # reconnects when the connection was lost
            unread(stream)
            connected = sync.state.status is SyncStatus.CONNECTED
            pause = sync.interval if connected else sync.next_retry_seconds()
            next_tick = time.monotonic() + pause


def _warm_up(stream: RevisionStream) -> None:
    """Read the (empty) Activity after the current revision once, before the first change: a
    server's session then has the table's catalogue entries at hand, and SQLAlchemy the
    statement. Otherwise the first change pays for both, in every watcher at the same moment
    (60 watchers on two cores: the first change reached them all ~0.3 s later than the next)."""
    try:
        stream.session.store.activity_since(stream.session.synced_revision, 1)
    except StorageError:
        return  # the loop finds out and says so


class _Unread:
    """Prints what the stream has not printed yet. A failed read is said once on stderr and
    tried again at the next look, from the last revision printed in full."""

    def __init__(self):
        self.failing = False

    def __call__(self, stream: RevisionStream) -> None:
        try:
            stream.catch_up()
        except StorageError as error:
            if not self.failing:
                note("renkei: " + arg(Cli.tr("%1; trying again…"), error_text(error).rstrip(".。")))
            self.failing = True
            return
        self.failing = False


