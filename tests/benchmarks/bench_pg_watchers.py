"""Many `renkei watch` processes on one PostgreSQL board: the server connections they hold, and
how fast one change reaches all of them. Prints figures; it is not a test.

    python tests/benchmarks/bench_pg_watchers.py [--watchers 60] [--tasks 10000] [--stagger 0.1]

A scratch database ``renkei_bench_watchers_<random>`` on the server at 127.0.0.1:5432 (user
postgres, as for the tests) gets a ``--tasks`` board (build_synthetic). ``--watchers`` real
``renkei watch --json`` processes are started, ``--stagger`` seconds apart, each printing one
line per revision; once every one says it is watching, the server's connection count for the
board's database is read from pg_stat_activity. Then another process saves one change and
prints ``time.time()`` right after its commit returned; the fan-out latency of a watcher is
from that moment to its line arriving here (stdout pipes, read with select). The count is
sampled during the fan-out as well (the writer's own connection included). Budgets: one
connection per watcher; the change on every watcher's screen within 0.5 s, median and max.
The database is dropped at the end; the server is never restarted.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pg  # noqa: E402 - the tests' PostgreSQL helpers

FAN_OUT_BUDGET = 0.5  # seconds, median and max
START_WAIT = 300.0  # seconds for every watcher to say it is watching
FAN_OUT_WAIT = 30.0  # seconds for the change to reach every watcher

WRITER = r"""
import json, sys, time
from renkei.domain.commands import set_task
from renkei.store.board_store import BoardStore
store = BoardStore.open(sys.argv[1], create=False)
task = store.load().tasks[int(sys.argv[2])]
print("ready", flush=True)
sys.stdin.readline()  # go
before = time.time()
change = store.apply(set_task(task, title=sys.argv[3]), None)
saved = time.time()
print(json.dumps({"before": before, "saved": saved, "revision": change.revision}), flush=True)
store.dispose()
"""


def verdict(ok: bool) -> str:
    return "within budget" if ok else "OVER budget"


def build(url: str, tasks: int) -> float:
    from renkei.demo.build import build_synthetic
    from renkei.store.board_store import BoardStore

    started = time.perf_counter()
    store = BoardStore.open(url)
    try:
        build_synthetic(store, tasks, seed=1)
    finally:
        store.dispose()
    return time.perf_counter() - started


def connections(admin, database: str) -> dict[str, int]:
    """The server's connections to ``database``, by application name."""
    rows = admin.execute(
        "SELECT coalesce(application_name, ''), count(*) FROM pg_stat_activity "
        "WHERE datname = %s GROUP BY 1 ORDER BY 1",
        (database,),
    ).fetchall()
    return {name or "(unnamed)": count for name, count in rows}


class Watcher:
    """One ``renkei watch --json`` process and the lines it printed."""

    def __init__(self, url: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "renkei.cli.main", "--board", url, "watch", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        self.err = b""
        self.out = b""
        self.watching = False
        self.lines: list[tuple[float, dict]] = []  # (arrived, row)

    def read(self, fd: int, now: float) -> None:
        chunk = os.read(fd, 65536)
        if fd == self.process.stderr.fileno():
            self.err += chunk
            self.watching = self.watching or b"Watching" in self.err
            return
        self.out += chunk
        while b"\n" in self.out:
            line, self.out = self.out.split(b"\n", 1)
            self.lines.append((now, json.loads(line)))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # how a watch is ended (as Ctrl-C)


def pump(watchers: list[Watcher], until, timeout: float, every=None) -> bool:
    """Read the watchers' pipes until ``until()`` holds (True) or the time is up (False);
    ``every()`` between reads."""
    streams = {}
    for watcher in watchers:
        for pipe in (watcher.process.stdout, watcher.process.stderr):
            streams[pipe.fileno()] = watcher
    deadline = time.monotonic() + timeout
    while not until():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        ready, _, _ = select.select(list(streams), [], [], min(remaining, 0.01))
        now = time.time()
        for fd in ready:
            streams[fd].read(fd, now)
        if every is not None:
            every()
        dead = [w for w in watchers if w.process.poll() is not None and not w.watching]
        if dead:
            raise SystemExit(f"a watcher ended early: {dead[0].err.decode()[-600:]}")
    return True


def fan_out(watchers: list[Watcher], url: str, admin, database: str, change: int) -> None:
    """One change saved by another process: how long until every watcher printed it."""
    for watcher in watchers:
        watcher.lines.clear()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, url, str(change + 1), f"Fanned out, change {change + 1}"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline().strip() == "ready"
    peak = [0]
    sampled = [0.0]

    def sample() -> None:  # every 50 ms at most: the sampling must not slow the fan-out
        if time.monotonic() - sampled[0] >= 0.05:
            peak[0] = max(peak[0], sum(connections(admin, database).values()))
            sampled[0] = time.monotonic()

    load_before = os.getloadavg()[0]
    writer.stdin.write("go\n")
    writer.stdin.flush()
    saved = json.loads(writer.stdout.readline())
    reached = pump(watchers, lambda: all(w.lines for w in watchers), FAN_OUT_WAIT, sample)
    writer.wait(timeout=30)
    got = [w for w in watchers if w.lines]
    latencies = sorted(w.lines[0][0] - saved["saved"] for w in got)
    wrong = [w for w in got if w.lines[0][1].get("revision") != saved["revision"]]
    count = len(watchers)
    print(
        f"change {change + 1}: connections at most during the fan-out: {peak[0]} (a writer's "
        f"may count too)   budget <= {count + 1}   {verdict(peak[0] <= count + 1)}"
    )
    if latencies:
        median, worst = statistics.median(latencies), latencies[-1]
        budget = f"budget <= {FAN_OUT_BUDGET * 1000:.0f} ms"
        print(
            f"change {change + 1}: fan-out median {median * 1000:.0f} ms   {budget}   "
            f"{verdict(median <= FAN_OUT_BUDGET)}"
        )
        print(
            f"change {change + 1}: fan-out max    {worst * 1000:.0f} ms   {budget}   "
            f"{verdict(worst <= FAN_OUT_BUDGET and reached)}   (min {latencies[0] * 1000:.0f} ms)"
        )
    print(
        f"change {change + 1}: reached {len(got)}/{count} watchers"
        + (f", {len(wrong)} of them at the wrong revision" if wrong else "")
        + f" (its commit took {(saved['saved'] - saved['before']) * 1000:.0f} ms; "
        f"load {load_before:.2f} before it)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watchers", type=int, default=60)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--stagger", type=float, default=0.1, help="seconds between starts")
    parser.add_argument(
        "--settle", type=float, default=10.0, help="seconds between the last start and a change"
    )
    parser.add_argument(
        "--changes", type=int, default=1, help="changes, one after another (the first is cold)"
    )
    args = parser.parse_args()
    problem = pg.server_problem()
    if problem:
        raise SystemExit(f"PostgreSQL: {problem}")
    import psycopg

    print(
        f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
        f"Python {sys.version.split()[0]}, psycopg {psycopg.__version__}"
    )
    database = pg.create_database("renkei_bench_watchers")
    url = pg.url_for(database)
    watchers: list[Watcher] = []
    admin = pg.admin_connection()
    try:
        seconds = build(url, args.tasks)
        print(f"built   {args.tasks:,} tasks on PostgreSQL in {seconds:.1f} s ({database})")
        # Now rather than when autovacuum gets to the new tables, in the middle of a fan-out.
        with psycopg.connect(pg.admin_dsn(database), autocommit=True) as board_admin:
            board_admin.execute("VACUUM ANALYZE")
        started = time.monotonic()
        for _ in range(args.watchers):
            watchers.append(Watcher(url))
            pump(watchers, lambda: False, args.stagger)
        if not pump(watchers, lambda: all(w.watching for w in watchers), START_WAIT):
            waiting = sum(not w.watching for w in watchers)
            raise SystemExit(f"{waiting} watchers never said they were watching")
        print(
            f"started {args.watchers} watchers in {time.monotonic() - started:.1f} s "
            f"(load {os.getloadavg()[0]:.2f})"
        )
        pump(watchers, lambda: False, args.settle)  # the last ones settle into their loop
        idle = connections(admin, database)
        idle_total = sum(idle.values())
        print(f"-- {args.watchers} `renkei watch` processes on a {args.tasks:,}-task board")
        named = ", ".join(f"{n}: {c}" for n, c in idle.items())
        print(
            f"connections to the board's database while {args.watchers} watch: {idle_total} "
            f"({named})   budget <= {args.watchers} (one per watcher)   "
            f"{verdict(idle_total <= args.watchers)}"
        )

        for change in range(args.changes):
            if change:
                pump(watchers, lambda: False, args.settle)
            fan_out(watchers, url, admin, database, change)
    finally:
        for watcher in watchers:
            watcher.stop()
        for watcher in watchers:
            try:
                watcher.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                watcher.process.kill()
                watcher.process.wait()
            watcher.process.stdout.close()
            watcher.process.stderr.close()
        admin.close()
        pg.drop_database(database)


if __name__ == "__main__":
    main()
