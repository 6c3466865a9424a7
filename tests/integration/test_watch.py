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
from clock import NOW, TODAY
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
        self.unread = b""  # stdout read by read_lines beyond the lines it returned

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
        self.process.communicate()  # also after a kill elsewhere: it closes the pipes


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
    build_demo(store, "en", today=TODAY, now=NOW)
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
        assert set(row) == {"revision", "entity", "id", "created", "fields", "old", "actor", "at"}
        assert (row["entity"], row["created"], row["actor"]) == ("task", False, "Haruka Aoki")
        assert row["fields"] == expected[row["id"]]
        assert set(row["old"]) == set(row["fields"]) and row["old"] != row["fields"]
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
    new_id = max(board.tasks) + 1
    assert "Yuki Tanaka" in lines[0] and f"task {new_id} “Call Minato Pharma”" in lines[0]
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


def test_ctrl_c_while_a_look_closes_its_connection_ends_the_watch_quietly(
    demo_store, monkeypatch, capsys, caplog
):
    """The signal may land while a look at the board is closing its connection: the watch
    still ends with exit 0 and nothing on stderr (a KeyboardInterrupt raised in there made
    SQLAlchemy's pool print a traceback). The interrupt is sent from inside that close."""
    from renkei.cli import watch_commands
    from renkei.cli.main import main
    from renkei.store import lease

    close, warm_up = lease.BoardConnection.close, watch_commands._warm_up
    looking: list[bool] = []
    sent: list[bool] = []

    def close_interrupted(self) -> None:
        if looking and not sent:  # the first close once the watch looks at the board
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)
        close(self)

    def warm_up_and_look(stream) -> None:
        looking.append(True)
        warm_up(stream)

    monkeypatch.setattr(lease.BoardConnection, "close", close_interrupted)
    monkeypatch.setattr(watch_commands, "_warm_up", warm_up_and_look)
    code = main(["--board", demo_store.location, "watch", "--json", "--timeout", "20"])
    err = capsys.readouterr().err
    logged = [record.getMessage() for record in caplog.records]  # (stderr, in a process)
    assert sent and code == 0
    assert "Traceback" not in err and not logged, (err, logged)


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


# -- every revision once, in order: nothing folded, nothing skipped across a lost server ------

# Another process edits one task quickly, each edit its own transaction, and prints the
# revisions its edits got (a JSON list) on stdout.
EDITOR = """
import json, sys
from renkei.app.session import BoardSession
from renkei.domain.commands import set_task
from renkei.store.board_store import BoardStore

store = BoardStore.open(sys.argv[1], create=False)
try:
    session = BoardSession(store, None)
    task_id, first, count = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    revisions = []
    for value in range(first, first + count):
        change = session.apply(set_task(session.board.tasks[task_id], progress=value))
        revisions.append(change.revision)
    print(json.dumps(revisions))
finally:
    store.dispose()
"""


def edit_in_another_process(board: str, task_id: int, first: int, count: int) -> list[int]:
    """``count`` quick edits of the task's progress (first, first + 1, …); their revisions."""
    done = subprocess.run(
        [sys.executable, "-c", EDITOR, board, str(task_id), str(first), str(count)],
        capture_output=True,
        timeout=WAIT * 2,
        env=dict(os.environ),
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return json.loads(done.stdout)


def read_lines(watch: Watch, count: int, within: float = WAIT) -> list[str]:
    """The next ``count`` lines the watch prints (fewer when it stops printing in time).
    Read straight from the pipe: a buffered readline would hide lines from select."""
    fd = watch.process.stdout.fileno()
    deadline = time.monotonic() + within
    while watch.unread.count(b"\n") < count:
        readable, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not readable:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        watch.unread += chunk
    *lines, watch.unread = watch.unread.split(b"\n")
    if len(lines) > count:
        watch.unread = b"\n".join([*lines[count:], watch.unread])
        lines = lines[:count]
    return [line.decode("utf-8") for line in lines]


def stop(watch: Watch) -> tuple[list[str], str]:
    """Ctrl-C the watch; the lines it printed after those already read, and its stderr."""
    watch.process.send_signal(signal.SIGINT)
    lines, err = watch.finish()
    assert watch.process.returncode == 0, err
    rest = watch.unread.decode("utf-8").splitlines()
    watch.unread = b""
    return rest + lines, err


def check_progress_lines(lines: list[str], revisions: list[int], values: list[int]) -> None:
    """One line per revision, in order, each with the value that revision wrote."""
    rows = [json.loads(line) for line in lines]
    assert [r["revision"] for r in rows] == revisions
    assert [r["fields"] for r in rows] == [{"progress": str(v)} for v in values]
    assert [r["old"]["progress"] for r in rows[1:]] == [str(v) for v in values[:-1]]


def test_25_quick_edits_print_25_revisions_on_sqlite(watches, demo_store):
    """25 edits of one task from another process, faster than the watch polls: every one of
    them is printed, revisions r+1 … r+25, in order, none twice (they used to fold into 6)."""
    watch = watches(demo_store.location, "--json")
    start = started_at(watch.wait_until_watching())
    revisions = edit_in_another_process(demo_store.location, 9, 1, 25)
    assert revisions == list(range(start + 1, start + 26))
    lines = read_lines(watch, 25)
    lines += read_lines(watch, 1, within=1.5)  # three more polls: nothing else may come
    more, err = stop(watch)
    check_progress_lines(lines + more, revisions, list(range(1, 26)))
    assert "Traceback" not in err


def test_since_resumes_exactly_after_a_revision(watches, demo_store):
    """--since REV prints REV+1 … now first, then follows: a stopped watch resumes with
    nothing skipped and nothing repeated; the text form says each revision too."""
    start = demo_store.revision()
    revisions = edit_in_another_process(demo_store.location, 9, 40, 5)
    assert revisions == list(range(start + 1, start + 6))

    watch = watches(demo_store.location, "--json", "--since", str(start + 2))
    assert started_at(watch.wait_until_watching()) == start + 2
    caught_up = read_lines(watch, 3)
    later = edit_in_another_process(demo_store.location, 9, 45, 2)
    caught_up += read_lines(watch, 2)
    more, _ = stop(watch)
    check_progress_lines(caught_up + more, revisions[2:] + later, [42, 43, 44, 45, 46])

    text = watches(demo_store.location, "--since", str(start), "--count", "7")
    text.wait_until_watching()
    lines, err = text.finish()
    assert text.process.returncode == 0, err
    assert [line.split()[1] for line in lines] == [f"r{r}" for r in revisions + later]
    assert all("progress →" in line and "task 9" in line for line in lines)


def test_since_beyond_the_board_is_refused(demo_store):
    """A revision the board has not reached: one clear line, exit 1."""
    current = demo_store.revision()
    done = subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", "--board", demo_store.location, "watch"]
        + ["--json", "--since", str(current + 5)],
        capture_output=True,
        timeout=WAIT,
        env=dict(os.environ),
    )
    assert done.returncode == 1
    assert done.stdout == b""
    err = done.stderr.decode("utf-8")
    assert err.count("\n") == 1 and f"current revision ({current})" in err
    assert "Traceback" not in err


def test_a_new_row_is_printed_as_it_was_made(demo_store):
    """A task created and then renamed before the watch looks: the 'created' line carries
    the title it was made with, the next line the new one (the stream never shows a row as
    it is now in place of what a revision did); small pages read the same."""
    from renkei.cli.watch_stream import RevisionStream

    start = demo_store.revision()
    board = demo_store.load()
    todo = board.find_status("To do").id
    yuki = board.find_person("Yuki Tanaka").id
    made = demo_store.apply(Create("task", (("title", "Call Minato"), ("status_id", todo))), yuki)
    new_id = made.rows[0].entity_id
    task = demo_store.load().tasks[new_id]
    demo_store.apply(set_task(task, title="Call Minato Pharma", progress=10), yuki)
    session = BoardSession(demo_store, None)

    outputs = []
    for page in (2000, 1):
        sink = _Lines()
        stream = RevisionStream(session, True, None, start - 3, out=sink, page=page)
        stream.catch_up()
        assert stream.revision == start + 2
        outputs.append(sink.rows)
    assert outputs[0] == outputs[1]
    rows = outputs[0]
    assert [r["revision"] for r in rows] == [start - 2, start - 1, start, start + 1, start + 2]
    created, renamed = rows[-2], rows[-1]
    assert created["created"] and created["fields"]["title"] == "Call Minato"
    assert created["fields"]["status"] == "To do" and created["fields"]["progress"] == "0"
    assert created["old"] == {} and created["actor"] == "Yuki Tanaka"
    assert renamed["fields"] == {"title": "Call Minato Pharma", "progress": "10"}
    assert renamed["old"] == {"title": "Call Minato", "progress": "0"}


class _Lines:
    """A stand-in for stdout that keeps the JSON lines written to it."""

    def __init__(self):
        self.rows: list[dict] = []

    def write(self, text: str) -> None:
        self.rows += [json.loads(line) for line in text.splitlines() if line]

    def flush(self) -> None:
        pass


@pytest.mark.postgres
def test_25_quick_edits_print_25_revisions_on_postgres(watches, pg_board):
    """The same on PostgreSQL, where each commit's notice wakes the watch."""
    watch = watches(pg_board, "--json")
    start = started_at(watch.wait_until_watching())
    revisions = edit_in_another_process(pg_board, 9, 1, 25)
    assert revisions == list(range(start + 1, start + 26))
    lines = read_lines(watch, 25)
    lines += read_lines(watch, 1, within=1.0)
    more, err = stop(watch)
    check_progress_lines(lines + more, revisions, list(range(1, 26)))


@pytest.mark.postgres
def test_a_watch_holds_one_server_connection(watches, pg_board, pg_database):
    """Its reads and its LISTEN share one connection: the server counts one for the watch,
    through edits that wake it and the reads that follow."""
    watch = watches(pg_board, "--json")
    start = started_at(watch.wait_until_watching())
    assert edit_in_another_process(pg_board, 9, 1, 3) == [start + 1, start + 2, start + 3]
    assert len(read_lines(watch, 3)) == 3
    with pg.admin_connection() as admin:
        connections = admin.execute(
            "SELECT application_name FROM pg_stat_activity WHERE datname = %s",
            (pg_database,),
        ).fetchall()
    assert connections == [("Renkei",)]
    stop(watch)


@pytest.mark.postgres
def test_edits_made_while_the_server_was_lost_are_all_printed_once(
    watches, pg_board, pg_database
):
    """The watch's connections are cut and it cannot get back in while three edits are
    made (the database refuses new connections; the editor's one stays): once it can, it
    prints those three and what follows, each revision once, in order."""
    watch = watches(pg_board, "--json")
    start = started_at(watch.wait_until_watching())
    before = edit_in_another_process(pg_board, 9, 1, 2)
    assert read_lines(watch, 2) and before == [start + 1, start + 2]

    editor = BoardStore.open(pg_board)
    admin = pg.admin_connection()
    try:
        session = BoardSession(editor, None)
        with editor.engine.connect() as conn:  # the pooled connection the edits will use
            editor_pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        admin.execute(f'ALTER DATABASE "{pg_database}" ALLOW_CONNECTIONS false')
        cut = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid NOT IN (pg_backend_pid(), %s)",
            (pg_database, editor_pid),
        ).fetchone()[0]
        assert cut >= 1
        during = []
        for value in (3, 4, 5):
            task = session.board.tasks[9]
            during.append(session.apply(set_task(task, progress=value)).revision)
        assert during == [start + 3, start + 4, start + 5]
        time.sleep(2.5)  # at least one failed reconnect
        assert read_lines(watch, 1, within=0.5) == []  # nothing can be printed yet
    finally:
        admin.execute(f'ALTER DATABASE "{pg_database}" ALLOW_CONNECTIONS true')
        admin.close()
        editor.dispose()
    caught_up = read_lines(watch, 3)
    after = edit_in_another_process(pg_board, 9, 6, 2)
    caught_up += read_lines(watch, 2)
    more, err = stop(watch)
    check_progress_lines(caught_up + more, during + after, [3, 4, 5, 6, 7])
    assert "reconnecting in 1 s" in err and "connected again" in err
    assert "Traceback" not in err
