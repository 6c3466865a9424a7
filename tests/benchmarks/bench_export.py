"""PDF status report budgets: a 1,000-task board exports in under 5 s, a 10,000-task board (a
report of about 1,040 pages) in under 10 s, and every page is painted once (``newPage`` calls
= pages - 1; painting the report twice to count its pages took 14-16 s at 10,000 tasks).
Prints figures; it is not a test (timings on a shared machine vary).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_export.py [--tasks 1000,10000]

Each board is `renkei demo --tasks N --seed 1`, built once and reused from the temp folder.
Each time is the median of several exports, from the call to the file being in place. The
``newPage`` calls are counted by a writer subclass swapped in here, not by the product code.
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

BUDGET_SECONDS = {1_000: 5.0, 10_000: 10.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", default="1000,10000", help="board sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--paper", default="a4", choices=("a4", "letter"))
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication, QPdfWriter

    from renkei.app.opening import open_store
    from renkei.app.session import BoardSession
    from renkei.demo.build import build_synthetic
    from renkei.export import pdf
    from renkei.export.report import ReportOptions, export_pdf
    from renkei.store.board_store import BoardStore

    print(f"code: {Path(pdf.__file__).parents[1]}")  # which tree's renkei is measured

    new_pages = 0

    class CountingWriter(QPdfWriter):
        """The product's writer, counting the pages it is asked to start."""

        def newPage(self) -> bool:  # noqa: N802 (Qt's name)
            nonlocal new_pages
            new_pages += 1
            return super().newPage()

    pdf.QPdfWriter = CountingWriter  # type: ignore[misc]  # new_writer builds this one now

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    _app = QGuiApplication(sys.argv[:1])
    out = Path(tempfile.mkdtemp()) / "report.pdf"
    for tasks in (int(n) for n in args.tasks.split(",")):
        path = Path(tempfile.gettempdir()) / f"renkei-bench-{tasks}-export.renkei"
        if not path.exists():
            store = BoardStore.open(path)
            build_synthetic(store, tasks, seed=1)
            store.dispose()
        session = BoardSession(open_store(str(path)), None)
        times, pages, calls = [], 0, 0
        for _ in range(args.runs):
            new_pages = 0
            started = time.perf_counter()
            pages = export_pdf(session, out, ReportOptions(paper=args.paper, full=True))
            times.append(time.perf_counter() - started)
            calls = new_pages
        session.store.dispose()
        median = statistics.median(times)
        budget = BUDGET_SECONDS.get(tasks)
        size = out.stat().st_size / 1024
        verdict = "" if budget is None else f"  budget {budget:.1f} s"
        within = (budget is None or median <= budget) and calls == pages - 1
        print(
            f"export {tasks:>6} tasks, {args.paper}: median {median:6.2f} s (max {max(times):.2f})"
            f"  {pages} pages, {calls} newPage calls (budget {pages - 1}), {size:.0f} KiB"
            f"{verdict}  {'within budget' if within else 'OVER budget'}"
        )


if __name__ == "__main__":
    main()
