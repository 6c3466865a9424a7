"""Start-up budgets, each beside its floor, measured in one run. Prints figures; it is not a
test (timings on a shared machine vary, which is why every ratio is taken against a floor
measured in the same run, interleaved: floor, ours, floor, ours…, median of fresh processes).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_startup.py [--runs 5]

(a) `renkei --board DEMO tasks --json` on the 60-task demo, within 1.6× of a floor: `python
    -c` reading the same rows (the unarchived tasks) with SQLAlchemy Core (create_engine, a
    select of the task table) and printing them with json.dumps.
(b) `renkei --board BIG snapshot --view kanban OUT.png` on 10,000 tasks, within 3× of a floor:
    Python, PySide6 (QGuiApplication, a QImage painted with QPainter and saved as the PNG),
    every task row read with sqlite3, 400 texts painted.
(c) `renkei --board BIG` (the window) on 10,000 tasks painted within 1 s of process start:
    from the time taken just before the process is started to the time the child prints just
    after the kanban's first paint event has been handled.

The boards are built once under the temporary folder and reused; every process gets private
settings folders, so nothing of the user's is read or written. Renkei's modules are compiled to
bytecode first, as `pip install` does: a checkout installed in editable mode under
PYTHONDONTWRITEBYTECODE would otherwise compile every module from source at every start,
which no installed copy does (that alone cost (b) ~0.4 s here).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TASKS_BUDGET = 1.6  # × its floor
SNAPSHOT_BUDGET = 3.0  # × its floor
WINDOW_BUDGET = 1.0  # seconds from process start
ACTOR = "Haruka Aoki"  # on the demo and on synthetic boards alike

TASK_COLUMNS = (
    *("id", "title", "description", "status_id", "team_id", "owner_id", "project_id"),
    *("priority", "start", "due", "progress", "estimate_hours", "tags", "archived"),
    *("position", "flag_reason", "flag_by", "flag_at", "source_id", "created_at"),
    *("updated_at", "version"),
)

TASKS_FLOOR = f"""
import json, sys
import sqlalchemy as sa
engine = sa.create_engine("sqlite:///" + sys.argv[1])
tasks = sa.table("tasks", *(sa.column(name) for name in {list(TASK_COLUMNS)!r}))
with engine.connect() as conn:
    rows = [dict(row._mapping) for row in conn.execute(
        sa.select(tasks).where(tasks.c.archived == 0).order_by(tasks.c.id))]
sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str))
"""

SNAPSHOT_FLOOR = r"""
import sqlite3, sys
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
app = QGuiApplication(sys.argv[:1])
with sqlite3.connect(sys.argv[1]) as conn:
    rows = conn.execute("SELECT * FROM tasks").fetchall()
image = QImage(1600, 1000, QImage.Format.Format_ARGB32)
image.fill(QColor("white"))
painter = QPainter(image)
for n, row in enumerate(rows[:400]):
    painter.drawText(QRectF(8 + (n % 5) * 320, 8 + (n // 5) * 12, 310, 12), str(row[1]))
painter.end()
image.save(sys.argv[2])
"""

# Runs the real `renkei` entry point (cli.main.main, as the console script does) and prints
# the wall-clock time just after the kanban's first paint has been handled. It loads nothing
# before main() does: the watch on the first paint is set when renkei.ui.app has loaded.
WINDOW_PROBE = r"""
import importlib.util, os, sys, time
from renkei.cli.main import main

def painted():
    print(time.time(), flush=True)
    os._exit(0)

def watch_first_paint(ui_app):
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            view = type(watched.parent()).__name__
            if event.type() == QEvent.Type.Paint and view == "KanbanView":
                QTimer.singleShot(0, painted)
            return False

    create_application = ui_app.create_application

    def create_and_watch():
        app = create_application()
        app._first_paint = FirstPaint(app)
        app.installEventFilter(app._first_paint)
        return app

    ui_app.create_application = create_and_watch

class WhenUiAppLoads:
    def find_spec(self, name, path, target=None):
        if name != "renkei.ui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            watch_first_paint(module)

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, WhenUiAppLoads())
sys.exit(main())  # the process's own command line, as the console script runs it
"""


def private_env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        RENKEI_DATA_DIR=str(root / "data"),
        RENKEI_CONFIG_DIR=str(root / "config"),
        RENKEI_QUIET_LOCATION="1",
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
    )
    return env


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process starts to its exit."""
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - started


def until_painted(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process starts to the time it printed after its paint."""
    started = time.time()
    done = subprocess.run(argv, env=env, check=True, capture_output=True, text=True)
    return float(done.stdout.strip().splitlines()[-1]) - started


def side_by_side(
    runs: int, floor: Callable[[], float], ours: Callable[[], float]
) -> tuple[float, float]:
    """Medians of ``runs`` fresh processes each, interleaved so both see the same load."""
    floor(), ours()  # warm the page cache and the .pyc files; not counted
    floors, ourses = [], []
    for _ in range(runs):
        floors.append(floor())
        ourses.append(ours())
    return statistics.median(floors), statistics.median(ourses)


def ratio_line(name: str, floor: float, ours: float, budget: float) -> str:
    ratio = ours / floor
    verdict = "within budget" if ratio <= budget else "OVER budget"
    return (
        f"{name:34s} {ours * 1000:7.0f} ms vs floor {floor * 1000:6.0f} ms = {ratio:4.2f}× "
        f"(budget {budget:.1f}×)  {verdict}"
    )


def build(path: Path, tasks: int | None, env: dict[str, str]) -> None:
    if path.exists():
        return
    argv = [sys.executable, "-m", "renkei.cli.main", "--board", str(path), "demo", "--lang", "en"]
    if tasks is not None:
        argv += ["--tasks", str(tasks)]
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def compile_renkei() -> None:
    """Write the .pyc files an installed Renkei has (pip compiles at install time)."""
    import renkei

    compileall.compile_dir(Path(renkei.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes each (default 5)")
    parser.add_argument("--tasks", type=int, default=10_000, help="the big board's tasks")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "renkei-bench-startup"
    folder.mkdir(exist_ok=True)
    demo, big = folder / "demo.renkei", folder / f"synthetic-{args.tasks}.renkei"
    with tempfile.TemporaryDirectory() as private:
        env = private_env(Path(private))
        compile_renkei()
        build(demo, None, env)
        build(big, args.tasks, env)
        py = sys.executable
        renkei = [py, "-m", "renkei.cli.main"]
        print(f"load before: {os.getloadavg()[0]:.2f} (1-min average, {os.cpu_count()} cores)")

        floor, ours = side_by_side(
            args.runs,
            lambda: timed([py, "-c", TASKS_FLOOR, str(demo)], env),
            lambda: timed([*renkei, "--board", str(demo), "tasks", "--json"], env),
        )
        print(ratio_line("(a) tasks --json, 60-task demo", floor, ours, TASKS_BUDGET))

        png = Path(private) / "out.png"
        floor, ours = side_by_side(
            args.runs,
            lambda: timed([py, "-c", SNAPSHOT_FLOOR, str(big), str(png)], env),
            lambda: timed(
                [*renkei, "--board", str(big), "snapshot", "--view", "kanban", str(png)], env
            ),
        )
        name = f"(b) kanban snapshot, {args.tasks:,} tasks"
        print(ratio_line(name, floor, ours, SNAPSHOT_BUDGET))

        window = [py, "-c", WINDOW_PROBE, "--board", str(big), "--as", ACTOR]
        until_painted(window, env)  # the first open remembers the board; not counted
        times = [until_painted(window, env) for _ in range(args.runs)]
        median = statistics.median(times)
        verdict = "within budget" if median <= WINDOW_BUDGET else "OVER budget"
        print(
            f"{'(c) window painted, ' + format(args.tasks, ',') + ' tasks':34s} "
            f"{median * 1000:7.0f} ms from process start (budget {WINDOW_BUDGET * 1000:.0f} ms; "
            f"min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})  {verdict}"
        )
        print(f"load after:  {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
