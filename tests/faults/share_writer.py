"""One writer of the share bench: ``renkei --board BOARD --as NAME task set ID title=VALUE``,
EDITS times, each through the CLI's own entry point (``main([...])``, what the console
script runs) in this one process, so eight writers fit a CI minute on two cores
(RENKEI_SHARE_BENCH_PROCESSES=1: each edit a ``renkei`` process of its own). One JSON line
per edit on stdout, flushed: the value, the task, the exit status and stderr.

    python share_writer.py BOARD NAME TAG EDITS TASKS GO

Every value is unique (``TAG-eN``), so the history tells which edit a row came from. The
writer edits tasks TASKS (comma-separated) in turn, and starts when the file GO appears, so
all eight begin together and really contend for the same rows."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

from renkei.cli.main import main

# Set to 1 to run every edit as a process of its own (200 start-ups: about a minute more).
PROCESSES = "RENKEI_SHARE_BENCH_PROCESSES"


def edit(board: str, name: str, task: int, value: str) -> dict:
    if os.environ.get(PROCESSES, "") not in ("", "0"):
        return edit_in_a_process(board, name, task, value)
    err = io.StringIO()
    began = time.monotonic()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            rc = main(["--board", board, "--as", name, "task", "set", str(task), f"title={value}"])
    except Exception:  # a traceback is a finding, not the end of the writer
        rc = "traceback"
        err.write(traceback.format_exc())
    return {
        "value": value,
        "task": task,
        "rc": rc,
        "stderr": err.getvalue()[-2000:],
        "seconds": round(time.monotonic() - began, 3),
    }


def edit_in_a_process(board: str, name: str, task: int, value: str) -> dict:
    """The same edit as its own ``renkei`` process, exactly as a person types it."""
    argv = ["--board", board, "--as", name, "task", "set", str(task), f"title={value}"]
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "value": value,
        "task": task,
        "rc": done.returncode,
        "stderr": done.stderr[-2000:],
        "seconds": round(time.monotonic() - began, 3),
    }


def run(board: str, name: str, tag: str, edits: int, tasks: list[int], go: Path) -> None:
    ready = os.environ.get("RENKEI_FAULT_READY")
    if ready:
        Path(ready).touch()
    while not go.exists():
        time.sleep(0.01)
    for n in range(1, edits + 1):
        print(json.dumps(edit(board, name, tasks[n % len(tasks)], f"{tag}-e{n}")), flush=True)


if __name__ == "__main__":
    board, name, tag, edits, tasks, go = sys.argv[1:7]
    run(board, name, tag, int(edits), [int(t) for t in tasks.split(",")], Path(go))
    sys.exit(0)
