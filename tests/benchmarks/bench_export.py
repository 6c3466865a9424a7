"""PDF status report budget: a 1,000-task board exports in under 5 s. Prints figures; it is
not a test (timings on a shared machine vary).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_export.py [--tasks 1000]

The board is `renkei demo --tasks N --seed 1`, built once and reused from the temp folder.
Each figure is the median of several exports, from the call to the file being in place.
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
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    from renkei.app.opening import open_store
    from renkei.app.session import BoardSession
    from renkei.demo.build import build_synthetic
    from renkei.export.report import ReportOptions, export_pdf
    from renkei.store.board_store import BoardStore

    path = Path(tempfile.gettempdir()) / f"renkei-bench-{args.tasks}-export.renkei"
    if not path.exists():
        store = BoardStore.open(path)
        build_synthetic(store, args.tasks, seed=1)
        store.dispose()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    _app = QGuiApplication(sys.argv[:1])
    session = BoardSession(open_store(str(path)), None)
    out = Path(tempfile.mkdtemp()) / "report.pdf"
    for paper in ("a4", "letter"):
        times, pages = [], 0
        for _ in range(args.runs):
            started = time.perf_counter()
            pages = export_pdf(session, out, ReportOptions(paper=paper))
            times.append(time.perf_counter() - started)
        size = out.stat().st_size / 1024
        print(
            f"export {args.tasks} tasks, {paper:6s}  median {statistics.median(times):5.2f} s"
            f"   (max {max(times):.2f}; {pages} pages, {size:.0f} KiB)"
        )


if __name__ == "__main__":
    main()
