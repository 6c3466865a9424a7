"""Timeline budgets on a 10,000-task board: open the tab (< 1 s), zoom and scroll without
visible stalls. Prints figures; it is not a test (timings on a shared machine vary).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_timeline.py [--tasks 10000]

The board is `renkei demo --tasks N --seed 1`, built once and reused from the temp folder.
"Open" is from switching to the tab (nothing laid out yet) to the end of its first paint;
zoom and scroll are one step each followed by a full repaint of the chart.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from renkei.app.opening import open_store
    from renkei.app.session import BoardSession
    from renkei.demo.build import build_synthetic
    from renkei.store.board_store import BoardStore
    from renkei.ui.app import create_application
    from renkei.ui.main_window import MainWindow
    from renkei.ui.timeline.rows import Zoom

    path = Path(tempfile.gettempdir()) / f"renkei-bench-{args.tasks}-handoffs.renkei"
    if not path.exists():
        store = BoardStore.open(path)
        build_synthetic(store, args.tasks, seed=1)
        store.dispose()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    app = create_application()

    opens = []
    for _ in range(args.runs):
        session = BoardSession(open_store(str(path)), None)
        window = MainWindow(session)
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        started = time.perf_counter()
        window.tabs.setCurrentWidget(window.timeline_tab)
        window.timeline_tab.view.viewport().repaint()
        app.processEvents()
        opens.append((time.perf_counter() - started) * 1000)
        window.close()
        session.store.dispose()
    print(
        f"open the Timeline tab        median {statistics.median(opens):7.1f} ms"
        f"   (max {max(opens):.1f}, {args.runs} runs)"
    )

    session = BoardSession(open_store(str(path)), None)
    window = MainWindow(session)
    window.resize(1600, 1000)
    window.show()
    window.tabs.setCurrentWidget(window.timeline_tab)
    app.processEvents()
    view = window.timeline_tab.view
    print(f"rows: {len(view.shown_task_ids())} scheduled tasks on the chart")

    def timed(action) -> float:
        started = time.perf_counter()
        action()
        view.viewport().repaint()
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    for zoom in (Zoom.DAY, Zoom.WEEK, Zoom.MONTH, Zoom.QUARTER):
        times = [
            timed(lambda z=zoom: (view.set_zoom(Zoom.WEEK), view.set_zoom(z)))
            for _ in range(args.runs)
        ]
        print(
            f"zoom to {zoom.name.lower():8s}            median {statistics.median(times):7.1f} ms"
        )
    view.set_zoom(Zoom.WEEK)
    bar = view.verticalScrollBar()
    steps = [timed(lambda: bar.setValue(bar.value() + bar.pageStep())) for _ in range(20)]
    print(
        f"scroll one page down         median {statistics.median(steps):7.1f} ms"
        f"   (max {max(steps):.1f})"
    )
    hbar = view.horizontalScrollBar()
    steps = [timed(lambda: hbar.setValue(hbar.value() + hbar.pageStep() // 2)) for _ in range(20)]
    print(
        f"scroll half a page right     median {statistics.median(steps):7.1f} ms"
        f"   (max {max(steps):.1f})"
    )
    bar.setValue(bar.maximum() // 2)
    steps = [timed(view.viewport().update) for _ in range(10)]
    print(f"repaint mid-board            median {statistics.median(steps):7.1f} ms")


if __name__ == "__main__":
    main()
