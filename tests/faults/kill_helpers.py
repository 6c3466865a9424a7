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
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
EDIT_DRIVER = HERE / "edit_driver.py"
READY_RENKEI = HERE / "ready_renkei.py"
WAIT = 120.0  # seconds a check may take on a slow, shared CI machine


def renkei_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "renkei.cli.main", *args]


def ready_renkei_argv(*args: str) -> list[str]:
    """``renkei ARGS`` that says when its imports are done (see Started)."""
    return [sys.executable, str(READY_RENKEI), *args]


def run_renkei(*args: str, timeout: float = WAIT) -> subprocess.CompletedProcess:
    """One ``renkei`` command to its end: exit status, stdout and stderr as text."""
    return subprocess.run(
        renkei_argv(*args), capture_output=True, text=True, timeout=timeout, check=False
    )


class Started:
    """A process in a session of its own (so a kill reaches it and anything it started), its
    stdout and stderr read into lists as they come, so a check can wait for a line and a
    chatty process never blocks on a full pipe. It touches a file when its imports are done
    (RENKEI_FAULT_READY): the random moments count from there, not from a start-up that a
    busy machine stretches."""

    def __init__(self, argv: list[str], ready: Path):
        ready.unlink(missing_ok=True)
        self.ready = ready
        self.process = subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            env=dict(os.environ, RENKEI_FAULT_READY=str(ready)),
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self.readers = [
            threading.Thread(target=_read, args=(self.process.stdout, self.out), daemon=True),
            threading.Thread(target=_read, args=(self.process.stderr, self.err), daemon=True),
        ]
        for reader in self.readers:
            reader.start()

    def wait(self, condition, timeout: float = WAIT) -> None:
        """Until the condition holds, the process ends, or the timeout passes."""
        deadline = time.monotonic() + timeout
        while not condition() and self.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)

    def wait_ready(self) -> None:
        self.wait(self.ready.exists)

    def wait_acknowledged(self, count: int) -> None:
        """Until the edit driver has printed ``count`` acknowledged edits."""
        self.wait(lambda: sum('"rc": 0' in line for line in list(self.out)) >= count)

    def kill_after(self, delay: float) -> Killed:
        """SIGKILL the whole group ``delay`` seconds from now, unless it ended first; then
        collect what it wrote."""
        try:
            self.process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):  # it ended just before the kill
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=WAIT)
        for reader in self.readers:
            reader.join(timeout=WAIT)
        self.process.stdout.close()
        self.process.stderr.close()
        code = self.process.returncode
        return Killed(code == -signal.SIGKILL, code, "".join(self.out), "".join(self.err))


def _read(stream, into: list[str]) -> None:
    for line in stream:
        into.append(line)


@dataclass
class Killed:
    killed: bool  # False: the process had already ended by itself before the moment came
    returncode: int
    stdout: str
    stderr: str


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


def history_titles(board: str, limit: int) -> set[str] | str:
    """The new values of the last ``limit`` title changes in the audit trail, or why the
    history could not be read."""
    result = run_renkei("--board", board, "history", "--json", "--limit", str(limit))
    if result.returncode != 0:
        return f"history --json: {first_line(result.stderr) or result.returncode}"
    return {row["new"] for row in json.loads(result.stdout) if row.get("field") == "title"}


def first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def has_traceback(text: str) -> bool:
    return "Traceback (most recent call last)" in text


def beside(path: Path) -> list[str]:
    """Files the kill left in the board's folder besides the board (a journal, a temporary
    copy), for the notes: the test's folder holds nothing else but the ready file."""
    return sorted(p.name for p in path.parent.iterdir() if p.name not in (path.name, "ready"))
