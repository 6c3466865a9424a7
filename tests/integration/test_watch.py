"""`renkei watch`: a line per row changed by anyone, from the same feed the window uses."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from datetime import date

import pytest

import pg
from renkei.app.session import BoardSession
from renkei.demo.build import build_demo
from renkei.domain.commands import Create, set_task
from renkei.domain.model import RiskFlag
from renkei.store.board_store import BoardStore, utcnow

WAIT = 30.0  # seconds; generous for a slow CI machine


class Watch:
    """``renkei --board B watch …`` as a separate process, ready once it says so."""

    def __init__(self, board: str, *args: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "renkei.cli.main", "--board", board, "watch", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(os.environ),
        )

    def wait_until_watching(self) -> str:
        """The 'Watching …' line on stderr: from here on every edit is reported."""
        stream = self.process.stderr
        deadline = time.monotonic() + WAIT
        while True:
            remaining = deadline - time.monotonic()
            readable, _, _ = select.select([stream], [], [], max(0.0, remaining))
            if not readable:
                self.process.kill()
                pytest.fail("the watch never said it was watching")
            line = stream.readline().decode("utf-8")
            if not line:
                pytest.fail(f"the watch ended early: {self.finish()[1]}")
            if line.startswith("Watching"):
                return line

    def finish(self) -> tuple[list[str], str]:
        """Wait for the process to end; its stdout lines and the rest of its stderr."""
        try:
            out, err = self.process.communicate(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
            pytest.fail(f"the watch did not end; it wrote {out!r} {err!r}")
        return out.decode("utf-8").splitlines(), err.decode("utf-8")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


@pytest.fixture
def watches():
    started: list[Watch] = []

    def start(board: str, *args: str) -> Watch:
        watch = Watch(board, *args)
        started.append(watch)
        return watch

    yield start
    for watch in started:
        watch.close()


@pytest.fixture
def pg_board(pg_url):
    """The English demo board on a fresh PostgreSQL database; its URL."""
    store = BoardStore.open(pg_url)
    build_demo(store, "en", today=date.today())
    store.dispose()
    return pg_url


def three_edits(target: str) -> dict[int, dict]:
    """Three edits to three tasks by Haruka Aoki, each in its own transaction; what each
    line must then say, by task id."""
    store = BoardStore.open(target, create=False)
    try:
        board = store.load()
        session = BoardSession(store, board.find_person("Haruka Aoki").id)
        first, second, third = sorted(board.tasks)[4:7]
        ryo = board.find_person("Ryo Ito")
        waiting = board.find_status("Waiting")
        session.apply(set_task(session.board.tasks[first], due=date(2027, 1, 15), owner_id=ryo.id))
        session.apply(set_task(session.board.tasks[second], status_id=waiting.id, progress=35))
        flag = RiskFlag("Customer went silent", session.actor_id, utcnow())
        session.apply(set_task(session.board.tasks[third], flag=flag, depends_on=(first,)))
    finally:
        store.dispose()
    return {
        first: {"due": "2027-01-15", "owner": "Ryo Ito"},
        second: {"status": "Waiting", "progress": "35"},
        third: {"flag": "Customer went silent", "depends_on": [first]},
    }


def check_json_lines(lines: list[str], expected: dict[int, dict], start_revision: int) -> None:
    assert len(lines) == 3
    rows = [json.loads(line) for line in lines]
    assert [r["id"] for r in rows] == list(expected)
    assert [r["revision"] for r in rows] == [
        start_revision + 1,
        start_revision + 2,
        start_revision + 3,
    ]
    for row in rows:
        assert set(row) == {"revision", "entity", "id", "created", "fields", "actor", "at"}
        assert (row["entity"], row["created"], row["actor"]) == ("task", False, "Haruka Aoki")
        assert row["fields"] == expected[row["id"]]
        assert row["at"].endswith("Z") and "T" in row["at"]


def started_at(line: str) -> int:
    """The revision in 'Watching “…” from revision N'."""
    return int(line.split("from revision ")[1].split()[0].rstrip(".("))


def test_watch_json_streams_three_edits_on_sqlite(watches, demo_store):
    """--json --count 3 on an SQLite board: one line per edited row, with names and values."""
    watch = watches(demo_store.location, "--json", "--count", "3")
    start = started_at(watch.wait_until_watching())
    expected = three_edits(demo_store.location)
    lines, err = watch.finish()
    assert watch.process.returncode == 0, err
    check_json_lines(lines, expected, start)


@pytest.mark.postgres
def test_watch_json_streams_three_edits_on_postgres(watches, pg_board):
    """The same on PostgreSQL: LISTEN wakes the watch; the lines say the same."""
    watch = watches(pg_board, "--json", "--count", "3")
    start = started_at(watch.wait_until_watching())
    expected = three_edits(pg_board)
    lines, err = watch.finish()
    assert watch.process.returncode == 0, err
    check_json_lines(lines, expected, start)


@pytest.mark.postgres
def test_watch_reconnects_after_losing_the_server(watches, pg_board, pg_database):
    """Its connections cut: the watch says so on stderr, reconnects, and misses no edit."""
    watch = watches(pg_board, "--json", "--count", "1")
    watch.wait_until_watching()
    with pg.admin_connection() as admin:
        cut = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (pg_database,),
        ).fetchone()[0]
    assert cut >= 1
    store = BoardStore.open(pg_board)
    try:
        task = store.load().tasks[9]
        store.apply(set_task(task, progress=61), None)
    finally:
        store.dispose()
    lines, err = watch.finish()
    assert watch.process.returncode == 0, err
    row = json.loads(lines[0])
    assert (row["id"], row["fields"]) == (9, {"progress": "61"})
    assert "reconnecting in 1 s" in err and "connected again" in err
    assert "Traceback" not in err


def test_watch_text_names_a_new_task(watches, demo_store):
    """Without --json a created task gets one readable line naming who made it."""
    watch = watches(demo_store.location, "--count", "1")
    watch.wait_until_watching()
    board = demo_store.load()
    todo = board.find_status("To do").id
    values = (("title", "Call Minato Pharma"), ("status_id", todo))
    demo_store.apply(Create("task", values), board.find_person("Yuki Tanaka").id)
    lines, err = watch.finish()
    assert watch.process.returncode == 0, err
    assert len(lines) == 1
    assert "Yuki Tanaka" in lines[0] and "task 61 “Call Minato Pharma”" in lines[0]
    assert lines[0].endswith("created")


def test_watch_timeout_without_edits_prints_nothing(demo_store):
    """--timeout 1 with nobody editing: exit 0, no output at all."""
    done = subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", "--board", demo_store.location, "watch"]
        + ["--json", "--timeout", "1"],
        capture_output=True,
        timeout=WAIT,
        env=dict(os.environ),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""


def test_ctrl_c_ends_the_watch_quietly(watches, demo_store):
    """Ctrl-C (SIGINT) ends a watch with exit 0 and no traceback or complaint."""
    watch = watches(demo_store.location, "--json")
    watch.wait_until_watching()
    watch.process.send_signal(signal.SIGINT)
    lines, err = watch.finish()
    assert watch.process.returncode == 0
    assert lines == [] and err == ""


def test_watch_of_a_missing_board_fails(tmp_path):
    """A board that does not exist: exit 1 with the usual message, nothing created."""
    missing = tmp_path / "typo.renkei"
    done = subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", "--board", str(missing), "watch"],
        capture_output=True,
        timeout=WAIT,
        env=dict(os.environ),
    )
    assert done.returncode == 1
    assert b"There is no board" in done.stderr
    assert not missing.exists()
