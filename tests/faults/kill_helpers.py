"""Running ``renkei`` as real processes, killing them with SIGKILL at a seeded random moment,
and the checks every killed board must pass afterwards."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
EDIT_DRIVER = HERE / "edit_driver.py"
WAIT = 120.0  # seconds a check may take on a slow, shared CI machine


def renkei_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "renkei.cli.main", *args]


def run_renkei(*args: str, timeout: float = WAIT) -> subprocess.CompletedProcess:
    """One ``renkei`` command to its end: exit status, stdout and stderr as text."""
    return subprocess.run(
        renkei_argv(*args), capture_output=True, text=True, timeout=timeout, check=False
    )


def start(argv: list[str], stdout=subprocess.DEVNULL) -> subprocess.Popen:
    """A process in a session of its own, so a kill reaches it and anything it started."""
    return subprocess.Popen(
        argv, stdout=stdout, stderr=subprocess.PIPE, text=True, start_new_session=True
    )


@dataclass
class Killed:
    killed: bool  # False: the process had already ended by itself before the moment came
    returncode: int
    stdout: str
    stderr: str


def kill_after(process: subprocess.Popen, delay: float) -> Killed:
    """SIGKILL the process's whole group ``delay`` seconds after now (unless it ended first),
    then collect what it wrote. The pipes are drained in the meantime so a chatty process
    never blocks on a full pipe instead of working."""
    try:
        out, err = process.communicate(timeout=delay)
        return Killed(False, process.returncode, out or "", err or "")
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):  # it ended just before the kill
        os.killpg(process.pid, signal.SIGKILL)
    out, err = process.communicate(timeout=WAIT)
    return Killed(process.returncode == -signal.SIGKILL, process.returncode, out or "", err or "")


def integrity(path: Path) -> str:
    """SQLite's own verdict on the file ("ok" when sound). Opened read-write, as SQLite needs
    to roll back a hot journal; so this runs after the board was opened by renkei."""
    try:
        conn = sqlite3.connect(path, timeout=30)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        return f"error: {error}"
    return "; ".join(str(r[0]) for r in rows)[:300]


@dataclass
class Opened:
    ok: bool
    tasks: list[dict]
    message: str  # stderr when it did not open


def open_tasks(board: str, *extra: str) -> Opened:
    """``renkei --board B tasks --json``: did the board open, and its tasks."""
    result = run_renkei("--board", board, "tasks", "--json", *extra)
    if result.returncode != 0:
        return Opened(False, [], first_line(result.stderr) or f"exit {result.returncode}")
    return Opened(True, json.loads(result.stdout), "")


def history_titles(board: str, limit: int) -> set[str] | None:
    """The new values of the last ``limit`` title changes in the audit trail (None when the
    history could not be read)."""
    result = run_renkei("--board", board, "history", "--json", "--limit", str(limit))
    if result.returncode != 0:
        return None
    return {row["new"] for row in json.loads(result.stdout) if row.get("field") == "title"}


def first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def has_traceback(text: str) -> bool:
    return "Traceback (most recent call last)" in text


def beside(path: Path) -> list[str]:
    """Files the kill left next to the board (journal, temporary copies), for the notes."""
    return sorted(
        p.name
        for p in path.parent.iterdir()
        if p.name.startswith(path.name + "-")
        or (p.name.startswith(path.name) and p.name != path.name)
    )


def wait_gone(process: subprocess.Popen, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
