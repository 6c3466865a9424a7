"""Sync figures: change-to-screen latency (SQLite, PostgreSQL) and opening a 10,000-task board.
Prints figures; it is not a test (timings on a shared machine vary).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_sync.py \
        [--edits 20] [--latency-tasks 1000] [--tasks 10000] [--runs 3] [--no-postgres]

Latency: a writer process (this script with ``--writer``) retitles a different task every
0.2-0.8 s and prints ``time.time()`` right after ``session.apply`` returns. The viewer is a real
Qt event loop driven as the GUI drives it: a QTimer calls ``sync.tick()`` every
``sync.interval`` seconds and, on PostgreSQL, a QSocketNotifier on ``sync.fileno()`` calls
``sync.notice()``; a KanbanModel (via BoardEvents) sits on the session. Latency is from the
writer's timestamp to the model's dataChanged/rowsInserted that shows the new title.

Open: BoardStore.open + BoardSession load of a ``--tasks`` board (build_synthetic, built once),
each run in a fresh process (imports not counted); the median of ``--runs``.

PostgreSQL is the server at 127.0.0.1:5432 (user postgres), as for the tests: scratch
databases ``renkei_bench_<random>`` are created and dropped again.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pg  # noqa: E402 - the tests' PostgreSQL helpers

TITLE_PREFIX = "bench-edit-"

OPEN_PROBE = r"""
import json, sys, time
from renkei.app.session import BoardSession
from renkei.store.board_store import BoardStore
t0 = time.perf_counter()
store = BoardStore.open(sys.argv[1], create=False)
t_open = time.perf_counter()
session = BoardSession(store, None)
t_loaded = time.perf_counter()
print(json.dumps({"open": t_open - t0, "load": t_loaded - t_open, "total": t_loaded - t0,
                  "tasks": len(session.board.tasks)}))
store.dispose()
"""


# -- the writer process ------------------------------------------------------------------------


def run_writer(target: str, task_ids: list[int], low: float, high: float, seed: int) -> None:
    """Retitle each task in turn at random intervals; one JSON line per committed edit."""
    from renkei.app.session import BoardSession
    from renkei.domain.commands import set_task
    from renkei.store.board_store import BoardStore

    rng = random.Random(seed)
    store = BoardStore.open(target, create=False)
    session = BoardSession(store, None)
    print("ready", flush=True)
    sys.stdin.readline()
    for number, task_id in enumerate(task_ids):
        time.sleep(rng.uniform(low, high))  # pacing: edits at human-ish, unaligned moments
        task = session.board.tasks[task_id]
        title = f"{TITLE_PREFIX}{number}"
        session.apply(set_task(task, title=title))
        committed = time.time()
        print(json.dumps({"title": title, "task": task_id, "t": committed}), flush=True)
    store.dispose()


# -- the viewer: a Qt event loop as in the GUI --------------------------------------------------


def measure_latency(target: str, edits: int, low: float, high: float) -> list[float]:
    """Seconds from each writer commit to the model signal that shows it."""
    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication

    from renkei.app.session import BoardSession
    from renkei.app.sync import BoardSync
    from renkei.store.board_store import BoardStore
    from renkei.ui.board_events import BoardEvents
    from renkei.ui.kanban.model import KanbanModel

    app = QApplication.instance() or QApplication([])
    store = BoardStore.open(target, create=False)
    session = BoardSession(store, None)
    events = BoardEvents(session)
    model = KanbanModel(session, events)
    targets = sorted(session.board.tasks)[:edits]
    seen: dict[str, float] = {}

    def look(first: int, last: int) -> None:
        now = time.time()
        for task_id in targets:
            row = model.row_of(task_id)
            if first <= row <= last:
                title = model.data(model.index(row))
                if title.startswith(TITLE_PREFIX) and title not in seen:
                    seen[title] = now

    model.dataChanged.connect(lambda top, bottom, *_: look(top.row(), bottom.row()))
    model.rowsInserted.connect(lambda _parent, first, last: look(first, last))

    sync = BoardSync(session)
    sync.start()
    notifier_box: list = []

    def watch_socket() -> None:
        """The GUI's socket notifier: dropped when the connection is lost, made again for the
        new socket after a reconnect."""
        for old in notifier_box:
            old.setEnabled(False)
        notifier_box.clear()
        fd = sync.fileno()
        if sync.push and fd is not None:
            notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read)
            notifier.activated.connect(lambda *_: sync.notice())
            notifier_box.append(notifier)

    sync.subscribe(lambda _state: watch_socket())
    watch_socket()
    timer = QTimer()
    timer.setInterval(int(sync.interval * 1000))
    timer.timeout.connect(sync.tick)
    timer.start()

    writer = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--writer",
            target,
            ",".join(map(str, targets)),
            f"--low={low}",
            f"--high={high}",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        if writer.stdout.readline().strip() != "ready":
            raise RuntimeError("the writer did not start")
        deadline = time.monotonic() + edits * high + 30

        def check_done() -> None:
            if (writer.poll() is not None and len(seen) >= edits) or time.monotonic() > deadline:
                app.quit()

        done_timer = QTimer()
        done_timer.setInterval(50)
        done_timer.timeout.connect(check_done)
        done_timer.start()
        QTimer.singleShot(0, lambda: (writer.stdin.write("go\n"), writer.stdin.close()))
        app.exec()
        done_timer.stop()
        writer.wait(timeout=30)
        commits = [json.loads(line) for line in writer.stdout.read().splitlines() if line]
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        writer.stdout.close()
        timer.stop()
        sync.stop()
        events.detach()
        store.dispose()
    missing = [c["title"] for c in commits if c["title"] not in seen]
    if missing:
        print(f"  !! {len(missing)} edits never reached the model: {missing[:5]}")
    return [seen[c["title"]] - c["t"] for c in commits if c["title"] in seen]


# -- boards ------------------------------------------------------------------------------------


def build(target: str, tasks: int) -> float:
    from renkei.demo.build import build_synthetic
    from renkei.store.board_store import BoardStore

    started = time.perf_counter()
    store = BoardStore.open(target)
    build_synthetic(store, tasks, seed=1)
    store.dispose()
    return time.perf_counter() - started


def measure_open(target: str, runs: int) -> list[dict]:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", OPEN_PROBE, target], capture_output=True, text=True, check=True
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


def report_latency(name: str, values: list[float], edits: int) -> None:
    if not values:
        print(f"latency {name:10s} no edit reached the screen")
        return
    ms = sorted(v * 1000 for v in values)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    print(
        f"latency {name:10s} median {statistics.median(ms):6.1f} ms   p90 {p90:6.1f} ms   "
        f"max {ms[-1]:6.1f} ms   min {ms[0]:5.1f} ms   ({len(ms)}/{edits} edits)"
    )


def report_open(name: str, results: list[dict]) -> None:
    def fmt(key: str) -> str:
        values = [r[key] * 1000 for r in results]
        return f"{statistics.median(values):7.1f} ms"

    totals = [r["total"] * 1000 for r in results]
    print(
        f"open    {name:10s} median {fmt('total')} (open {fmt('open')}, load {fmt('load')})   "
        f"min {min(totals):.1f}, max {max(totals):.1f}; {results[0]['tasks']:,} tasks, "
        f"{len(results)} runs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--latency-tasks", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--low", type=float, default=0.2, help="shortest pause between edits")
    parser.add_argument("--high", type=float, default=0.8, help="longest pause between edits")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--writer", nargs=2, metavar=("TARGET", "TASK_IDS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        target, ids = args.writer
        run_writer(target, [int(i) for i in ids.split(",")], args.low, args.high, seed=7)
        return

    import sqlite3

    import psycopg

    print(
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"SQLite {sqlite3.sqlite_version}, psycopg {psycopg.__version__}"
    )
    backends = ["sqlite"] if args.no_postgres else ["sqlite", "postgresql"]
    if "postgresql" in backends:
        problem = pg.server_problem()
        if problem:
            raise SystemExit(f"PostgreSQL: {problem} (use --no-postgres to skip it)")
    scratch = Path(tempfile.mkdtemp(prefix="renkei-bench-sync-"))
    databases: list[str] = []

    def new_target(backend: str, label: str) -> str:
        if backend == "sqlite":
            return str(scratch / f"{label}.renkei")
        databases.append(pg.create_database("renkei_bench"))
        return pg.url_for(databases[-1])

    try:
        latency = {}
        for backend in backends:
            target = new_target(backend, "latency")
            build(target, args.latency_tasks)
            latency[backend] = measure_latency(target, args.edits, args.low, args.high)
        opened = {}
        for backend in backends:
            target = new_target(backend, "open")
            seconds = build(target, args.tasks)
            print(f"built   {backend:10s} {args.tasks:,} tasks in {seconds:.1f} s")
            opened[backend] = measure_open(target, args.runs)
        print(
            f"-- change to screen: {args.edits} edits, one every {args.low}-{args.high} s, "
            f"on a {args.latency_tasks:,}-task board"
        )
        for backend, values in latency.items():
            report_latency(backend, values, args.edits)
        print(f"-- open + load a {args.tasks:,}-task board (fresh process each run)")
        for backend, results in opened.items():
            report_open(backend, results)
    finally:
        for name in databases:
            pg.drop_database(name)
        for path in scratch.iterdir():
            path.unlink()
        scratch.rmdir()


if __name__ == "__main__":
    main()
