"""Handoff budgets on a 10,000-task board with 2,000 handoffs: the analysis behind the cards'
badges and the Handoffs tab, its cost after an edit, and opening the tab. Prints figures;
it is not a test (timings on a shared machine vary).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_handoffs.py [--tasks 10000]

The board is `renkei demo --tasks N --seed 1` (a fifth of the tasks handed on), built once
and reused from the temp folder. Each figure is the median of several runs.
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


def median_ms(action, runs: int) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), max(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from renkei.app.handoff_analysis import analyse
    from renkei.app.opening import open_store
    from renkei.app.session import BoardSession
    from renkei.demo.build import build_synthetic
    from renkei.domain import handoff_commands as ho
    from renkei.store.board_store import BoardStore, utcnow

    path = Path(tempfile.gettempdir()) / f"renkei-bench-{args.tasks}-handoffs.renkei"
    if not path.exists():
        store = BoardStore.open(path)
        started = time.perf_counter()
        build_synthetic(store, args.tasks, seed=1)
        store.dispose()
        print(f"built {args.tasks} tasks in {time.perf_counter() - started:.1f} s -> {path}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")

    session = BoardSession(open_store(str(path)), None)
    board = session.board
    analysis = analyse(session, utcnow())
    print(
        f"board: {len(board.tasks)} tasks, {len(board.handoffs)} handoffs, "
        f"{len(analysis.findings)} findings, {len(analysis.entries)} log entries"
    )
    med, worst = median_ms(lambda: analyse(session, utcnow()), args.runs)
    print(f"analysis (reads + findings + matrix)   median {med:7.1f} ms   (max {worst:.1f})")

    # After an edit the session recomputes on the next read: acknowledge one waiting handoff.
    def edit_then_read() -> None:
        waiting = next(h for h in session.board.handoffs.values() if h.state.value == "sent")
        session.apply_all(
            ho.acknowledge(session.board, waiting.id, actor_id=waiting.receiver_id, at=utcnow()),
            "Acknowledge",
        )
        session.handoff_analysis()

    med, worst = median_ms(edit_then_read, args.runs)
    print(f"an edit, then the analysis again       median {med:7.1f} ms   (max {worst:.1f})")

    from renkei.ui.app import create_application
    from renkei.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(session)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()

    def open_tab() -> None:
        window.tabs.setCurrentIndex(0)
        app.processEvents()
        session._forget_derived()  # as after someone's edit: nothing cached
        window.handoffs_tab.board_changed()
        started = time.perf_counter()
        window.tabs.setCurrentWidget(window.handoffs_tab)
        window.handoffs_tab.repaint()
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)

    timings: list[float] = []
    for _ in range(args.runs):
        open_tab()
    print(
        f"open the Handoffs tab (fresh analysis) median {statistics.median(timings):7.1f} ms   "
        f"(max {max(timings):.1f})"
    )

    log = window.handoffs_tab.log
    for text in ("consent", "Kaede", "zzz"):
        timings = []
        for _ in range(args.runs):
            log.search.setText("")
            app.processEvents()
            started = time.perf_counter()
            log.search.setText(text)
            log.table.viewport().repaint()
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"log search {text!r:12s}                median {statistics.median(timings):7.1f} ms"
            f"   ({log.proxy.rowCount()} of {log.model.rowCount()} rows)"
        )


if __name__ == "__main__":
    main()
