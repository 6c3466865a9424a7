"""Reconnecting to a dead or silent server never freezes the window: the attempts run in a
worker thread and only their result comes back to the UI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QEventLoop, QTimer

from renkei.app import credentials
from renkei.app.session import BoardSession
from renkei.app.sync import BoardSync, SyncStatus
from renkei.ui.app import create_application
from renkei.ui.main_window import MainWindow
from renkei.ui.sync_driver import SyncDriver
from silent_server import SilentServer


def longest_gap(seconds: float, every=None) -> float:
    """Run the event loop for ``seconds``; the longest gap between 10 ms heartbeats (s).
    ``every`` is called once a second meanwhile (say, pressing Retry)."""
    beats = [time.perf_counter()]
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    heartbeat.start(10)
    clicker = QTimer()
    if every is not None:
        clicker.timeout.connect(every)
        clicker.start(1000)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    heartbeat.stop()
    clicker.stop()
    beats.append(time.perf_counter())
    return max(b - a for a, b in zip(beats, beats[1:], strict=False))


@pytest.fixture
def front():
    server = SilentServer()
    yield server
    server.close()


@pytest.mark.postgres
def test_the_window_keeps_drawing_while_its_server_is_silent(
    qtbot, pg_demo_url, pg_database, front
):
    create_application()
    store = credentials.open_server_board(front.url(pg_database), None)
    try:
        session = BoardSession(store, store.load().find_person("Yuki Tanaka").id)
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(300)  # drawn once: painting reads the handoff analysis, kept a minute
        session.handoff_analysis()
        driver = window.sync_driver
        assert driver.state.status is SyncStatus.CONNECTED

        # Packets dropped: the open connections stay open and answer nothing. The safety
        # poll waits on one in the worker (cut after 4 s, should it block the UI thread).
        front.blackhole()
        rescue = threading.Timer(4.0, front.silent)
        rescue.start()
        QTimer.singleShot(0, driver.tick)
        gap = longest_gap(2.0)
        assert gap < 1.0, f"the event loop stalled {gap:.2f} s on a poll that gets no answer"
        assert driver.waiting, "the safety poll should still be waiting on the server"
        rescue.cancel()

        front.silent()  # the window's connections drop; new ones are never answered
        gap = longest_gap(7.0, every=driver.reconnect)

        assert front.accepted_silently >= 1, "no reconnect reached the silent server"
        assert driver.state.status is not SyncStatus.CONNECTED
        assert driver.state.attempts >= 1
        assert gap < 1.0, f"the event loop stalled {gap:.2f} s while reconnecting"

        front.forward()  # the server answers again: the next attempt reconnects
        qtbot.waitUntil(
            lambda: (driver.reconnect(), driver.state.status is SyncStatus.CONNECTED)[1],
            timeout=15_000,
        )
        assert window.sync_status.text().startswith("Connected · synced ")
        window.close()
    finally:
        store.dispose()


class _SlowWatch:
    """A watcher whose reconnect blocks until released (a server taking its time)."""

    push = False

    def __init__(self):
        self.release = threading.Event()
        self.discarded: list[object] = []
        self.adopted: list[object] = []

    def open_link(self):
        self.release.wait(5)
        return "link"

    def adopt(self, link):
        self.adopted.append(link)

    def discard(self, link):
        self.discarded.append(link)

    def changed(self):
        raise OSError("the file went away")

    def fileno(self):
        return None

    def close(self):
        pass


def test_a_reconnect_finishing_after_the_window_closed_leaves_no_link_open(
    qtbot, demo_session
):
    """The window closes while an attempt is still waiting on the server: the link that
    attempt opens afterwards is closed, not adopted."""
    watch = _SlowWatch()
    driver = SyncDriver(demo_session, sync=BoardSync(demo_session, watcher=watch))
    driver.start()  # the file "went away": the driver is now reconnecting
    assert driver.state.status is SyncStatus.RECONNECTING
    driver.reconnect()
    assert driver.reconnecting
    started = time.perf_counter()
    driver.reconnect()  # pressed again: still one attempt
    assert time.perf_counter() - started < 0.1
    driver.stop()
    watch.release.set()
    qtbot.waitUntil(lambda: watch.discarded == ["link"], timeout=3000)
    qtbot.wait(100)
    assert watch.adopted == []


def test_a_reconnect_in_the_background_shows_the_board_when_it_succeeds(qtbot, demo_session):
    watch = _SlowWatch()
    driver = SyncDriver(demo_session, sync=BoardSync(demo_session, watcher=watch))
    driver.start()
    assert driver.state.status is SyncStatus.RECONNECTING
    heard = []
    demo_session.subscribe(heard.append)
    driver.reconnect()
    assert driver.seconds_until_retry() is None  # trying now, no countdown
    watch.release.set()
    qtbot.waitUntil(lambda: driver.state.status is SyncStatus.CONNECTED, timeout=3000)
    assert watch.adopted == ["link"] and heard == [None]  # a full refresh
    assert not driver.reconnecting
    driver.stop()

