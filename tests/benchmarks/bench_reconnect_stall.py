"""How long a window's event loop stalls while its server is silent, then gone.
Prints figures; it is not a test (timings on a shared machine vary).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_reconnect_stall.py [--seconds 20]

A window (offscreen) opens the demo board on a scratch database of the test server
(127.0.0.1:5432, user postgres) through a local TCP front (tests/silent_server.py). Then the
front goes silent: the window's connections are cut and every new one is accepted and never
answered, so each reconnect attempt waits out the connect timeouts. Besides the window's own
backoff, the status bar's "try again now" (``sync_driver.reconnect()``) is pressed every 2 s.
Then the front stops listening altogether (connection refused) for half as long.

A 10 ms QTimer records when the event loop runs it: the longest gap between two of its ticks
is the longest time the window could not draw or answer a click.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pg  # noqa: E402 - the tests' PostgreSQL helpers
from silent_server import SilentServer  # noqa: E402

HEARTBEAT_MS = 10
RETRY_CLICK_MS = 2000


def measure(app, window, seconds: float) -> dict:
    """Run the event loop for ``seconds``: the gaps between heartbeats, and the attempts."""
    from PySide6.QtCore import QEventLoop, QTimer

    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    clicker = QTimer()
    clicker.setInterval(RETRY_CLICK_MS)
    clicker.timeout.connect(window.sync_driver.reconnect)
    attempts = []
    window.sync_driver.stateChanged.connect(lambda state: attempts.append(state.attempts))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    beats.append(time.perf_counter())
    heartbeat.start()
    clicker.start()
    loop.exec()
    heartbeat.stop()
    clicker.stop()
    beats.append(time.perf_counter())
    gaps = [b - a for a, b in zip(beats, beats[1:], strict=False)]
    return {
        "max_gap_ms": max(gaps) * 1000,
        "p99_gap_ms": statistics.quantiles(gaps, n=100, method="inclusive")[98] * 1000,
        "gaps_over_100ms": sum(g > 0.1 for g in gaps),
        "beats": len(beats),
        "attempts": max(attempts, default=0),
        "status": window.sync_driver.state.status.value,
    }


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
        calm = measure(app, window, 2.0)
        front.silent()
        silent = measure(app, window, args.seconds)
        front.dead()
        dead = measure(app, window, args.seconds / 2)
        window.close()
        store.dispose()
    finally:
        front.close()
        pg.drop_database(database)
        scratch.cleanup()
    print(f"event-loop gaps (heartbeat every {HEARTBEAT_MS} ms; Retry pressed every 2 s)")
    header = f"{'phase':<26}{'max gap':>10}{'p99 gap':>10}{'>100 ms':>9}{'attempts':>10}  status"
    print(header)
    for name, figures in (
        ("connected (2 s)", calm),
        (f"silent server ({args.seconds:g} s)", silent),
        (f"not listening ({args.seconds / 2:g} s)", dead),
    ):
        print(
            f"{name:<26}{figures['max_gap_ms']:>8.0f}ms{figures['p99_gap_ms']:>8.0f}ms"
            f"{figures['gaps_over_100ms']:>9}{figures['attempts']:>10}  {figures['status']}"
        )
    print(f"connections the silent server accepted and never answered: {front.accepted_silently}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
