"""The window's live feed without a window: a BoardSession kept in step by a SyncDriver on a
Qt event loop, as the main window drives it, for ``--seconds``. It prints ``watching REV`` once
started and ``revision REV`` each time the session has read further, so a test knows the feed
was live while it looked at this process's open files.

    python feed_window.py BOARD --seconds S"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from renkei.app.session import BoardSession
from renkei.store.board_store import BoardStore
from renkei.ui.sync_driver import SyncDriver


def run(board: str, seconds: float) -> int:
    app = QCoreApplication([])
    store = BoardStore.open(board, create=False)
    session = BoardSession(store, None)
    driver = SyncDriver(session)
    driver.start()
    if os.environ.get("RENKEI_FAULT_READY"):
        Path(os.environ["RENKEI_FAULT_READY"]).touch()
    print(f"watching {session.synced_revision}", flush=True)
    seen = [session.synced_revision]

    def report() -> None:
        if session.synced_revision != seen[0]:
            seen[0] = session.synced_revision
            print(f"revision {seen[0]}", flush=True)

    reporter = QTimer()
    reporter.timeout.connect(report)
    reporter.start(50)
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    report()
    driver.stop()
    store.dispose()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("board")
    parser.add_argument("--seconds", type=float, required=True)
    options = parser.parse_args()
    sys.exit(run(options.board, options.seconds))
