"""What a killed or cut-off stream of edits must leave: every acknowledged edit in the board.
Shared by the file and the PostgreSQL kill tests and the server-restart test."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kill_helpers import EDIT_DRIVER, Started, history_titles


def driver_lines(stdout: str) -> list[dict]:
    """The driver's complete JSON lines (a line cut by the kill is not an answer)."""
    return [json.loads(line) for line in stdout.splitlines(keepends=True) if line.endswith("\n")]


def check_acknowledged(board: str, attempts: list[dict], tasks, figures, problems) -> None:
    """Every edit the driver saw acknowledged is in the board: an added task among the tasks,
    a title change in the history, and each task's title is its last acknowledged one (or a
    later, unacknowledged one: the edit the kill interrupted may have committed)."""
    acked = [a for a in attempts if a["rc"] == 0]
    figures.acked_made += len(acked)
    if tasks is None:
        problems.append(f"{len(acked)} acknowledged edits could not be looked for")
        return
    titles = {t["id"]: t["title"] for t in tasks}
    history = history_titles(board, 50 * len(attempts) + 100)
    if isinstance(history, str):  # not read: say so, rather than call the edits lost
        problems.append(f"{len(acked)} acknowledged edits could not be looked for: {history}")
        return
    found = [
        a
        for a in acked
        if (a["title"] in titles.values() if a["kind"] == "add" else a["title"] in history)
    ]
    figures.acked_found += len(found)
    if len(found) != len(acked):
        lost = [a["title"] for a in acked if a not in found]
        problems.append(f"{len(lost)} acknowledged edits missing: {lost[:5]}")
    last: dict[int, int] = {}
    for a in acked:
        if a["kind"] == "set":
            last[a["task"]] = a["n"]
    for task, n in last.items():
        now = titles.get(task, "")
        later = now.rsplit(" ", 1)[-1]
        if now != f"{attempts[n]['title']}" and not (later.isdigit() and int(later) > n):
            problems.append(f"task {task} reads {now!r}, not its last acknowledged title")


def edit_stream(board: str, tag: str, acks: int, delay: float, ready: Path):
    """Run the edit driver on the board; kill it ``delay`` seconds after its ``acks``-th
    acknowledged edit. What happened, and its attempts."""
    driver = Started([sys.executable, str(EDIT_DRIVER), board, tag], ready)
    driver.wait_ready()
    driver.wait_acknowledged(acks)
    killed = driver.kill_after(delay)
    return killed, driver_lines(killed.stdout)


def report(figures, scenario: str, run: int, when: str, problems: list[str]) -> None:
    """Note the run's problems for the figures, then fail the run if there are any."""
    if problems:
        figures.notes.append(f"run {run} (killed {when}): " + "; ".join(problems))
    assert not problems, f"{scenario} run {run}, killed {when}: " + "; ".join(problems)
