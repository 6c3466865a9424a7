"""One writer of the share bench: ``renkei --board BOARD --as NAME task set ID title=VALUE``,
EDITS times, each through the CLI's own entry point (``main([...])``, what the console
script runs) in this one process, so eight writers fit a CI minute on two cores. One JSON
line per edit on stdout, flushed: the value, the task, the exit status and stderr.

    python share_writer.py BOARD NAME TAG EDITS TASKS GO

Every value is unique (``TAG-eN``), so the history tells which edit a row came from. The
writer edits tasks TASKS (comma-separated) in turn, and starts when the file GO appears, so
all eight begin together and really contend for the same rows."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
import traceback
from pathlib import Path

from renkei.cli.main import main


def edit(board: str, name: str, task: int, value: str) -> dict:
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
