"""A stream of edits, each one ``renkei`` command run in this process (``main([...])``), one
JSON line per attempt on stdout, flushed before the next: a line with ``"rc": 0`` is an edit
the command acknowledged. The fault tests kill this process, or cut its server, mid-stream.

    python edit_driver.py BOARD TAG [--seconds S] [--pause S] [--tasks N]

Three edits in four are ``task set ID title=…`` over the demo's tasks 1-N (N=60: all of the
story's tasks; a small N edits the same rows again and again), one in four a ``task add``;
every title is unique (TAG and the edit's number), so a check can find it."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import time
import traceback
from pathlib import Path

from renkei.cli.main import main

ACTOR = "Haruka Aoki"


def attempt(board: str, tag: str, n: int, tasks: int = 60) -> dict:
    if n % 4 == 3:
        title = f"{tag} add {n}"
        edit = {"kind": "add", "title": title}
        argv = ["task", "add", "--title", title, "--team", "Marketing"]
    else:
        task = 1 + n % tasks
        title = f"{tag} set {n}"
        edit = {"kind": "set", "task": task, "title": title}
        argv = ["task", "set", str(task), f"title={title}"]
    err = io.StringIO()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            rc = main(["--board", board, "--as", ACTOR, *argv])
    except Exception:  # a traceback is a finding, not the end of the stream
        rc = "traceback"
        err.write(traceback.format_exc())
    lines = [line for line in err.getvalue().splitlines() if line.strip()]
    return {"n": n, **edit, "rc": rc, "message": "\n".join(lines)[-2000:]}


def run(board: str, tag: str, seconds: float | None, pause: float, tasks: int) -> None:
    if os.environ.get("RENKEI_FAULT_READY"):
        Path(os.environ["RENKEI_FAULT_READY"]).touch()
    end = None if seconds is None else time.monotonic() + seconds
    n = 0
    while end is None or time.monotonic() < end:
        print(json.dumps(attempt(board, tag, n, tasks)), flush=True)
        n += 1
        if pause:
            time.sleep(pause)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("board")
    parser.add_argument("tag")
    parser.add_argument("--seconds", type=float, help="stop after this long (default: never)")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between edits")
    parser.add_argument("--tasks", type=int, default=60, help="edit tasks 1 to N (default 60)")
    options = parser.parse_args()
    run(options.board, options.tag, options.seconds, options.pause, options.tasks)
    sys.exit(0)
