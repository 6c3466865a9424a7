"""The forecast at scale (issue 17): every team's and project's forecast of a 10,000-task board
in at most 200 ms. Prints figures beside the budget; it is not a test.

    python tests/benchmarks/bench_forecast.py [--dir DIR] [--rounds 5] [--runs 10000]

The board is the synthetic one of ``renkei demo --tasks 10000 --seed 1`` (four teams, four
projects, a fifth of the tasks handed on), with a history added: every task in Done was
reopened and finished again on a working day of the last six weeks (seeded), so the audit
trail holds some 2,400 moves into Done spread over 30 days, as a busy board's would. Built
once in DIR (default: the temp folder) and reused.

Measured on the open session (the board is loaded, as in the window and every command): the
grouped read of the finish times, and the whole ``board_forecasts`` (that read, the history
per team and project and a 10,000-run simulation per scope). Median of ``--rounds``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

BUDGET_MS = 200.0
TASKS = 10_000


def build(path: Path) -> None:
    from renkei.demo.build import build_synthetic
    from renkei.domain.commands import SetFields
    from renkei.domain.forecast import history_window
    from renkei.store.board_store import BoardStore

    store = BoardStore.open(path, name="forecast bench")
    try:
        today = date.today()
        build_synthetic(store, TASKS, 1, today=today)
        board = store.load()
        done = next(iter(board.done_status_ids()))
        doing = board.ordered_statuses()[2].id
        rng = random.Random(17)
        window = history_window(today, 6)
        by_day: dict[date, list[int]] = defaultdict(list)
        for task in board.tasks.values():
            if task.status_id == done:
                by_day[rng.choice(window)].append(task.id)
        for day in sorted(by_day):
            ids = by_day[day]
            at = datetime.combine(day, clock(9, 0))
            store.apply_all(
                [SetFields("task", i, (("status_id", doing),)) for i in ids],
                None,
                at - timedelta(days=2),
            )
            store.apply_all([SetFields("task", i, (("status_id", done),)) for i in ids], None, at)
    finally:
        store.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=10_000)
    args = parser.parse_args()

    from renkei.app.forecasting import board_forecasts, read_finished_days
    from renkei.app.session import BoardSession
    from renkei.domain.forecast import ForecastOptions
    from renkei.store.board_store import BoardStore

    path = args.dir / f"renkei-bench-forecast-{TASKS}-{date.today()}.renkei"
    if not path.exists():
        print(f"building {path} …", file=sys.stderr)
        started = time.perf_counter()
        build(path)
        print(f"built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    store = BoardStore.open(path, create=False)
    try:
        session = BoardSession(store, None)
        board = session.board
        options = ForecastOptions(runs=args.runs)
        reads, totals = [], []
        forecasts = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            read_finished_days(store, board)
            reads.append(time.perf_counter() - started)
            started = time.perf_counter()
            forecasts = board_forecasts(session, options)
            totals.append(time.perf_counter() - started)
    finally:
        store.dispose()
    read_ms = statistics.median(reads) * 1000
    total_ms = statistics.median(totals) * 1000
    open_tasks = sum(f.remaining for f in forecasts if f.scope == "team")
    print(
        f"board: {len(board.tasks):,} tasks, {open_tasks:,} open, {len(board.teams)} teams, "
        f"{len(board.projects)} projects; {args.runs:,} runs per scope"
    )
    for f in forecasts:
        when = f"P50 {f.p50}  P85 {f.p85}" if f.has_forecast else f.words()
        print(
            f"  {f.scope:<8}{f.name:<30}{f.remaining:>6} open  {f.basis.per_day:6.1f}/day  {when}"
        )
    print(f"finish times read (one grouped query): {read_ms:7.1f} ms")
    verdict = "within budget" if total_ms <= BUDGET_MS else "OVER budget"
    print(
        f"every team and project forecast:      {total_ms:7.1f} ms "
        f"(budget {BUDGET_MS:.0f} ms)  {verdict}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
