"""Kanban budgets on a 10,000-task board: open to a painted window (< 1.5 s) and apply a
filter (< 100 ms). Prints figures; it is not a test (timings on a shared machine vary).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_kanban.py [--tasks 10000] [--board PATH]

The board is built once with `renkei demo --tasks N --seed 1` semantics and reused.
Each figure is the median of several runs; "open" is measured in a fresh process each time,
from before the board is opened to the end of the first paint of the main window.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OPEN_PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from renkei.ui.app import create_application
from renkei.app.opening import open_store
from renkei.app.session import BoardSession
t_import = time.perf_counter()
app = create_application()
store = open_store(sys.argv[1])
session = BoardSession(store, None)
t_loaded = time.perf_counter()
from renkei.ui.main_window import MainWindow
window = MainWindow(session)
window.resize(1600, 1000)
window.show()
window.board_view.viewport().repaint()  # force the first paint now
app.processEvents()
t_painted = time.perf_counter()
print(json.dumps({
    "imports": t_import - t0,
    "open_and_load": t_loaded - t_import,
    "window_and_paint": t_painted - t_loaded,
    "open_to_painted": t_painted - t_import,
    "tasks": len(session.board.tasks),
}))
"""


def build_board(path: Path, tasks: int) -> None:
    from renkei.demo.build import build_synthetic
    from renkei.store.board_store import BoardStore

    store = BoardStore.open(path)
    started = time.perf_counter()
    build_synthetic(store, tasks, seed=1)
    store.dispose()
    print(f"built {tasks} tasks in {time.perf_counter() - started:.1f} s -> {path}")


def measure_open(path: Path, runs: int) -> None:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", OPEN_PROBE, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    for key in ("imports", "open_and_load", "window_and_paint", "open_to_painted"):
        values = [r[key] * 1000 for r in results]
        print(
            f"open  {key:18s} median {statistics.median(values):7.1f} ms   "
            f"(min {min(values):.1f}, max {max(values):.1f}, {runs} runs)"
        )


def measure_filters(path: Path, runs: int) -> None:
    from renkei.app.filtering import TaskFilter
    from renkei.app.opening import open_store
    from renkei.app.session import BoardSession
    from renkei.ui.app import create_application
    from renkei.ui.main_window import MainWindow

    app = create_application()
    session = BoardSession(open_store(str(path)), None)
    window = MainWindow(session)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    board = session.board
    team = board.ordered_teams()[1].id
    owner = next(iter(board.people))
    cases = {
        "text 'minato'": TaskFilter(text="minato"),
        "text 'follow up kaede'": TaskFilter(text="follow up kaede"),
        "team": TaskFilter(team_ids=frozenset({team})),
        "owner": TaskFilter(owner_ids=frozenset({owner})),
        "at risk only": TaskFilter(at_risk_only=True),
        "due within 7 days": TaskFilter(due_within_days=7),
        "clear": TaskFilter(),
    }
    for name, chosen in cases.items():
        timings = []
        for _ in range(runs):
            window.model.set_filter(TaskFilter(text="reset-between-runs-zzz"))
            app.processEvents()
            started = time.perf_counter()
            window.model.set_filter(chosen)  # what the filter bar calls
            window.board_view.viewport().repaint()
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"filter {name:22s} median {statistics.median(timings):6.1f} ms   "
            f"(max {max(timings):.1f}; {window.model.rowCount()} cards shown)"
        )
    # The first text filter after opening also builds the search index.
    fresh = BoardSession(open_store(str(path)), None)
    second = MainWindow(fresh)
    second.show()
    app.processEvents()
    started = time.perf_counter()
    second.model.set_filter(TaskFilter(text="minato"))
    second.board_view.viewport().repaint()
    app.processEvents()
    print(f"filter first text filter (cold)  {(time.perf_counter() - started) * 1000:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--board", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = args.board or Path(tempfile.gettempdir()) / f"renkei-bench-{args.tasks}.renkei"
    if not path.exists():
        build_board(path, args.tasks)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    measure_open(path, args.runs)
    measure_filters(path, args.runs)


if __name__ == "__main__":
    main()
