"""`renkei --change-id ID …`: a script that retries a command never makes the change twice,
and the exit code says saved (0), not saved (1) or could not confirm (3)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from renkei.cli.main import main

ACTOR = "Haruka Aoki"
TITLE = "Send the Kansai Foods quote"
CSV_FILE = Path(__file__).parents[1] / "fixtures" / "generic_tasks.csv"


def renkei(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def count(board: str, title: str) -> int:
    with sqlite3.connect(board) as conn:
        found = conn.execute("SELECT count(*) FROM tasks WHERE title = ?", (title,)).fetchone()
    conn.close()
    return found[0]


def add(board: str, *options: str) -> list[str]:
    return ["--board", board, "--as", ACTOR, *options, "task", "add"] + [
        "--title",
        TITLE,
        "--team",
        "Marketing",
    ]


def test_the_same_change_id_twice_adds_one_task(board):
    """Two real processes, one id: the second says it was saved already; both exit 0."""
    first = renkei(*add(board, "--change-id", "abc123"))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Created task ")
    second = renkei(*add(board, "--change-id", "abc123"))
    assert second.returncode == 0, second.stderr
    assert "was saved already" in second.stderr and "abc123" in second.stderr
    assert "not applied again" in second.stderr and second.stdout == ""
    assert count(board, TITLE) == 1


def test_the_change_id_can_come_from_the_environment(board):
    env = {"RENKEI_CHANGE_ID": "nightly-2026-12-07.1"}
    assert renkei(*add(board), env=env).returncode == 0
    again = renkei(*add(board), env=env)
    assert again.returncode == 0 and "was saved already" in again.stderr
    assert count(board, TITLE) == 1
    # Without an id, each run is a change of its own (a script adding two alike tasks).
    assert renkei(*add(board)).returncode == 0
    assert count(board, TITLE) == 2


def test_a_change_id_that_is_not_one_is_a_usage_error(board, capsys):
    assert main(add(board, "--change-id", "two words")) == 2
    assert "is not a change id" in capsys.readouterr().err
    assert count(board, TITLE) == 0


def test_a_handoff_sent_twice_with_one_id_is_sent_once(board, capsys):
    assert main(["--board", board, "tasks", "--json"]) == 0
    task = next(
        t
        for t in json.loads(capsys.readouterr().out)
        if t["team"] == "Marketing" and t["owner"] and t["status"] in ("To do", "In progress")
    )
    argv = ["--board", board, "--as", ACTOR, "--change-id", "send-1", "handoff", "send"]
    argv += [str(task["id"]), "--to-person", "Yuki Tanaka", "--item", "company=Kansai Foods"]
    with sqlite3.connect(board) as conn:
        before = conn.execute("SELECT count(*) FROM handoffs").fetchone()[0]
    conn.close()
    assert main(argv) == 0
    handoff_id = re.search(r"Sent handoff (\d+)", capsys.readouterr().out).group(1)
    # The retry is not refused by the rules ("already waiting"): it was saved, exit 0.
    assert main(argv) == 0
    assert "was saved already" in capsys.readouterr().err
    ack = ["--board", board, "--as", "Yuki Tanaka", "--change-id", "ack-1", "handoff", "ack"]
    assert main([*ack, handoff_id]) == 0
    assert main([*ack, handoff_id]) == 0
    assert "was saved already" in capsys.readouterr().err
    with sqlite3.connect(board) as conn:
        assert conn.execute("SELECT count(*) FROM handoffs").fetchone()[0] == before + 1
        revisions = conn.execute(
            "SELECT count(DISTINCT revision) FROM activity WHERE change_id IN ('send-1', 'ack-1')"
        ).fetchone()[0]
    conn.close()
    assert revisions == 2


# -- exit codes after an error at COMMIT (faults injected at the driver, real files) -------


@pytest.fixture
def commit_fault(monkeypatch):
    """Arm with ``fault(after=..., unreadable=...)``: the next commit that writes history
    raises "disk I/O error" — after committing or instead — and, if ``unreadable``, no new
    connection opens after it."""
    state = {"armed": False, "after": False, "unreadable": False, "failed": 0, "writer": None}
    real = SQLiteDialect_pysqlite.do_commit

    def mark(conn, _cursor, statement, *_args):
        if state["armed"] and statement.lstrip().upper().startswith("INSERT INTO ACTIVITY"):
            state["writer"] = conn.connection.dbapi_connection

    def do_commit(self, fairy):
        writing = state["writer"] is not None and fairy.dbapi_connection is state["writer"]
        if not (state["armed"] and writing):
            return real(self, fairy)
        state.update(armed=False, writer=None, failed=state["failed"] + 1)
        if state["after"]:
            real(self, fairy)
        raise sqlite3.OperationalError("disk I/O error")

    def refuse(*_args):
        if state["unreadable"] and state["failed"]:
            raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(SQLiteDialect_pysqlite, "do_commit", do_commit)
    event.listen(Engine, "before_cursor_execute", mark)
    event.listen(Engine, "connect", refuse)

    def arm(*, after: bool, unreadable: bool = False):
        state.update(armed=True, after=after, unreadable=unreadable, failed=0)
        return state

    yield arm
    state.update(armed=False, unreadable=False)
    event.remove(Engine, "before_cursor_execute", mark)
    event.remove(Engine, "connect", refuse)


def test_could_not_confirm_exits_3_and_names_the_id_to_retry_with(board, capsys, commit_fault):
    state = commit_fault(after=True, unreadable=True)
    assert main(add(board)) == 3
    err = capsys.readouterr().err
    assert state["failed"] == 1
    assert "could not confirm whether the change was saved" in err
    assert "nothing was saved" not in err
    found = re.search(r"--change-id ([0-9a-f]{32})", err)
    assert found, err
    state["unreadable"] = False
    # The script retries as told: the task had landed, so it is not added again.
    assert main(add(board, "--change-id", found.group(1))) == 0
    assert "was saved already" in capsys.readouterr().err
    assert count(board, TITLE) == 1


def test_not_saved_at_commit_exits_1_and_says_so(board, capsys, commit_fault):
    state = commit_fault(after=False)
    assert main(add(board, "--change-id", "try-1")) == 1
    err = capsys.readouterr().err
    assert state["failed"] == 1 and "nothing was saved" in err and "disk I/O error" in err
    assert count(board, TITLE) == 0
    assert main(add(board, "--change-id", "try-1")) == 0
    assert count(board, TITLE) == 1


def test_saved_at_commit_despite_the_error_exits_0(board, capsys, commit_fault):
    state = commit_fault(after=True)
    assert main(add(board)) == 0
    assert state["failed"] == 1
    assert capsys.readouterr().out.startswith("Created task ")
    assert count(board, TITLE) == 1


def test_an_import_that_could_not_be_confirmed_names_its_id(board, capsys, commit_fault):
    """An import is one change with an id; its retry with that id is applied once."""
    state = commit_fault(after=True, unreadable=True)
    argv = ["--board", board, "--as", ACTOR, "import", "csv", str(CSV_FILE)]
    assert main(argv) == 3
    err = capsys.readouterr().err
    state["unreadable"] = False
    found = re.search(r"--change-id ([0-9a-f]{32})", err)
    assert found and "could not confirm" in err, err
    retry = ["--board", board, "--as", ACTOR, "--change-id", found.group(1), *argv[4:]]
    assert main(retry) == 0
    assert "saved already" in capsys.readouterr().err
    with sqlite3.connect(board) as conn:
        doubled = conn.execute(
            "SELECT count(*) FROM activity WHERE change_id = ? AND field = 'created' "
            "AND entity = 'task'",
            (found.group(1),),
        ).fetchone()[0]
        tasks = conn.execute("SELECT count(*) FROM tasks WHERE source_id LIKE 'csv:%'").fetchone()
    conn.close()
    assert doubled >= 1 and tasks[0] == doubled
