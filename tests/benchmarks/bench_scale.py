"""Issue 16's budgets in one run: start-up against its floors, the 300-task live update at 10k
and 50k, the 50k first paint, the PDF at 1k and 10k, and 60 watchers on PostgreSQL. Prints
each benchmark's own output as it goes, then every budget line together.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_scale.py [--skip NAME ...]

Each benchmark is a script of its own (run one alone to look closer); this runs them one
after the other, so they do not slow each other down, and notes the machine's load before each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHMARKS = {
    "startup": ["bench_startup.py", "--runs", "5"],
    "live": ["bench_live.py", "--rounds", "3"],
    "pdf": ["bench_export.py", "--tasks", "1000,10000", "--runs", "3"],
    "postgres": ["bench_pg_watchers.py", "--watchers", "60"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", nargs="*", default=(), choices=sorted(BENCHMARKS))
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    verdicts: list[str] = []
    failed = False
    for name, (script, *options) in BENCHMARKS.items():
        if name in args.skip:
            continue
        load = os.getloadavg()[0]
        print(f"== {name} (load {load:.2f} on {os.cpu_count()} cores)", flush=True)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(HERE / script), *options],
            env=env,
            capture_output=True,
            text=True,
        )
        print(done.stdout + done.stderr, end="", flush=True)
        took = time.perf_counter() - started
        if done.returncode != 0:
            failed = True
            verdicts.append(f"{name}: the benchmark failed (exit {done.returncode})")
        lines = [line.strip() for line in done.stdout.splitlines() if "budget" in line]
        verdicts += [f"{name}: {line}" for line in lines]
        print(f"== {name} took {took:.0f} s\n", flush=True)
    print("== every budget, side by side")
    for line in verdicts:
        print(line)
    over = [line for line in verdicts if "OVER budget" in line]
    print(f"== {len(over)} over budget" if over else "== all within budget")
    return 1 if failed or over else 0


if __name__ == "__main__":
    sys.exit(main())
