"""How long a window's event loop stalls while its server is silent, then gone.
Prints figures; it is not a test (timings on a shared machine vary).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_reconnect_stall.py [--seconds 20]

A window (offscreen) opens the demo board on a scratch database of the test server
(127.0.0.1:5432, user postgres) through a local TCP front (tests/silent_server.py). Then the
front goes silent: the window's connections are cut and every new one is accepted and never
answered, so each reconnect attempt waits out the connect timeouts. Besides the window's own
backoff, the status bar's "try again now" (``sync_driver.reconnect()``) is pressed every 2 s.
Phases: connected; "packets dropped" (the window's open connections stay open but nothing
passes, as when a cable is pulled or a VPN drops: the next safety poll waits on its socket);
"silent server" (the open connections are cut, new ones accepted and never answered); "not
listening" (connection refused at once), for half as long.

A 10 ms QTimer records when the event loop runs it: the longest gap between two of its ticks
is the longest time the window could not draw or answer a click.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pg  # noqa: E402 - the tests' PostgreSQL helpers
from silent_server import SilentServer  # noqa: E402

HEARTBEAT_MS = 10
RETRY_CLICK_MS = 2000


def measure(window, phases: list[tuple[str, float, Callable[[], None]]]) -> list[dict]:
    """Run the event loop through ``phases`` (name, seconds, what starts it); each phase is
    started from another thread, so a UI thread stuck on a socket cannot delay it. The gaps
    between heartbeats, by the phase in which each gap began, and the attempts."""
    from PySide6.QtCore import QEventLoop, QTimer

    from renkei.app.sync import SyncStatus

    driver = window.sync_driver
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    clicker = QTimer()  # "try again now" in the status bar, offered while not connected
    clicker.setInterval(RETRY_CLICK_MS)
    clicker.timeout.connect(
        lambda: driver.reconnect() if driver.state.status is not SyncStatus.CONNECTED else None
    )
    attempts: list[tuple[float, int]] = []
    driver.stateChanged.connect(
        lambda state: attempts.append((time.perf_counter(), state.attempts))
    )
    starts: list[float] = []

    def run_phases():
        for _name, seconds, begin in phases:
            starts.append(time.perf_counter())
            begin()
            time.sleep(seconds)
        starts.append(time.perf_counter())

    loop = QEventLoop()
    total = sum(seconds for _, seconds, _ in phases)
    QTimer.singleShot(int(total * 1000) + 200, loop.quit)
    beats.append(time.perf_counter())
    heartbeat.start()
    clicker.start()
    director = threading.Thread(target=run_phases, daemon=True)
    director.start()
    loop.exec()
    heartbeat.stop()
    clicker.stop()
    beats.append(time.perf_counter())
    director.join()
    figures = []
    for index, (name, seconds, _begin) in enumerate(phases):
        low, high = starts[index], starts[index + 1]
        gaps = [b - a for a, b in zip(beats, beats[1:], strict=False) if low <= a < high]
        tried = [n for at, n in attempts if low <= at < high]
        figures.append(
            {
                "phase": f"{name} ({seconds:g} s)",
                "max_gap_ms": max(gaps, default=0) * 1000,
                "p99_gap_ms": statistics.quantiles(gaps, n=100, method="inclusive")[98] * 1000
                if len(gaps) > 1
                else 0,
                "gaps_over_100ms": sum(g > 0.1 for g in gaps),
                "attempts": max(tried, default=0),
            }
        )
    figures[-1]["status"] = driver.state.status.value
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="silent phase (default 20)")
    args = parser.parse_args()
    problem = pg.server_problem()
    if problem:
        print(f"PostgreSQL is needed: {problem}", file=sys.stderr)
        return 1
    scratch = tempfile.TemporaryDirectory(prefix="renkei-bench-")
    os.environ["RENKEI_DATA_DIR"] = str(Path(scratch.name, "data"))
    os.environ["RENKEI_CONFIG_DIR"] = str(Path(scratch.name, "config"))

    from renkei.app import credentials
    from renkei.app.session import BoardSession
    from renkei.demo.build import build_demo
    from renkei.store.board_store import BoardStore
    from renkei.ui.app import create_application
    from renkei.ui.main_window import MainWindow

    database = pg.create_database("renkei_bench")
    front = SilentServer((pg.HOST, pg.PORT))
    try:
        store = BoardStore.open(pg.url_for(database))
        build_demo(store, "en")
        store.dispose()
        app = create_application()
        store = credentials.open_server_board(front.url(database), None)
        session = BoardSession(store, store.load().find_person("Yuki Tanaka").id)
        window = MainWindow(session)
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        session.handoff_analysis()  # drawn once: the cards' handoff words are kept a minute
        figures = measure(
            window,
            [
                ("connected", 2.0, lambda: None),
                ("packets dropped", args.seconds * 0.75, front.blackhole),
                ("silent server", args.seconds, front.silent),
                ("not listening", args.seconds / 2, front.dead),
            ],
        )
        window.close()
        store.dispose()
    finally:
        front.close()
        pg.drop_database(database)
        scratch.cleanup()
    print(f"event-loop gaps (heartbeat every {HEARTBEAT_MS} ms; Retry pressed every 2 s)")
    print(f"{'phase':<30}{'max gap':>10}{'p99 gap':>10}{'>100 ms':>9}{'attempts':>10}")
    for row in figures:
        print(
            f"{row['phase']:<30}{row['max_gap_ms']:>8.0f}ms{row['p99_gap_ms']:>8.0f}ms"
            f"{row['gaps_over_100ms']:>9}{row['attempts']:>10}"
        )
    print(f"status at the end: {figures[-1]['status']}")
    print(f"connections the silent server accepted and never answered: {front.accepted_silently}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
