"""A board opens after any crash; nothing becomes a board by accident; making one is all or
nothing; a damaged board is salvaged, not given up."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from damage import interrupt_a_writer, scribble_on_history
from renkei.app.opening import make_board
from renkei.domain.commands import Create, set_task
from renkei.store import migrate
from renkei.store.board_store import BoardStore
from renkei.store.feed import SqliteWatch
from renkei.store.salvage import salvage_board


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(path: Path, query: str) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute(query).fetchall()


@pytest.fixture
def crashed(board, run) -> tuple[Path, list[tuple], int]:
    """The demo board with a hot journal beside it; its titles and revision as committed."""
    path = Path(board)
    titles = _rows(path, "SELECT id, title FROM tasks ORDER BY id")
    revision = _rows(path, "SELECT revision FROM board")[0][0]
    interrupt_a_writer(path)
    return path, titles, revision


# -- recovery, never refusal --------------------------------------------------------------------


def test_a_board_left_mid_change_opens_with_every_committed_change(crashed):
    """The store rolls the interrupted change back: the committed board, not "damaged"."""
    path, titles, revision = crashed
    store = BoardStore.open(path, create=False)
    try:
        board = store.load()
    finally:
        store.dispose()
    assert board.revision == revision
    assert sorted((t.id, t.title) for t in board.tasks.values()) == titles
    assert not migrate.journal_of(path).exists()
    assert _rows(path, "PRAGMA integrity_check") == [("ok",)]


def test_a_journal_the_first_look_missed_is_found_on_a_second(crashed, monkeypatch):
    """On a network mount, the look for a journal and SQLite's own can disagree for a moment
    (a cached name). The first look here says "no journal"; SQLite meets the real one and
    cannot roll it back read-only: the board is looked at again, recovered, not "damaged"."""
    path, titles, _revision = crashed
    real = migrate.lease.journal_is_there
    looks: list[bool] = []

    def first_look_misses(board: Path) -> bool:
        looks.append(real(board) if looks else False)
        return looks[-1]

    monkeypatch.setattr(migrate.lease, "journal_is_there", first_look_misses)
    store = BoardStore.open(path, create=False)
    try:
        board = store.load()
    finally:
        store.dispose()
    assert looks[:2] == [False, True]
    assert sorted((t.id, t.title) for t in board.tasks.values()) == titles
    assert not migrate.journal_of(path).exists()


def test_the_cli_reads_a_board_left_mid_change(crashed, run):
    """`renkei tasks` after a crash: exit 0, the committed titles, no word of damage."""
    path, titles, _ = crashed
    result = run("--board", str(path), "tasks", "--json")
    assert result.code == 0, result.err
    assert "damaged" not in result.err
    assert '"title": "' + titles[0][1] + '"' in result.out


def test_the_live_feed_leaves_a_board_left_mid_change_to_the_store(crashed):
    """The feed holds no connection and takes no lock, so it never touches the journal; the
    store's next read (under the lease, read-write) rolls the board back to its last commit."""
    path, titles, revision = crashed
    now = [100.0]
    watch = SqliteWatch(path, clock=lambda: now[0])
    for _ in range(3):
        watch.changed()
        now[0] += 1.0
    assert migrate.journal_of(path).exists()  # a look never rolls anything back
    store = BoardStore.open(path, create=False)
    try:
        board = store.load()
    finally:
        store.dispose()
    assert board.revision == revision
    assert sorted((t.id, t.title) for t in board.tasks.values()) == titles
    assert not migrate.journal_of(path).exists()


@pytest.mark.parametrize("junk", [b"\0" * 4096, bytes(range(256)) * 16], ids=["zeros", "noise"])
def test_a_stray_journal_does_not_stop_the_board(board, run, junk):
    """A leftover -journal that is not a real one (zeros, noise) is not a reason to refuse."""
    path = Path(board)
    before = _rows(path, "SELECT id, title FROM tasks ORDER BY id")
    migrate.journal_of(path).write_bytes(junk)
    result = run("--board", str(path), "tasks", "--json")
    assert result.code == 0, result.err
    assert _rows(path, "SELECT id, title FROM tasks ORDER BY id") == before


def test_recovery_without_write_access_says_what_is_needed(crashed, tmp_path):
    """Where the folder is read-only, the board cannot be rolled back: say so, lose nothing."""
    path, _, _ = crashed
    if os.geteuid() != 0:
        pytest.skip("needs root to make a read-only bind mount")
    view = tmp_path / "readonly-view"
    view.mkdir()
    mounted = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(path.parent), str(view)], capture_output=True
    )
    if mounted.returncode != 0:
        message = f"mount --bind -o ro failed: {mounted.stderr.decode().strip()}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        digest = _digest(path)
        with pytest.raises(migrate.BoardRefused) as refused:
            BoardStore.open(view / path.name, create=False)
        text = str(refused.value)
        assert "left mid-change" in text and "write access" in text and "nothing is lost" in text
        assert "damaged" not in text
        assert _digest(path) == digest and migrate.journal_of(path).exists()
    finally:
        subprocess.run(["umount", str(view)], check=True)


# -- damaged: said only when it is, with a way out ---------------------------------------------


def _damage(path: Path) -> None:
    """Scribble over the middle of three pages of the activity table's tree."""
    scribble_on_history(path)


def test_a_damaged_board_is_refused_with_salvage_offered(board, run):
    """Real damage: refused untouched, and the message offers salvage and says what an older
    copy would lose."""
    path = Path(board)
    _damage(path)
    digest = _digest(path)
    result = run("--board", str(path), "tasks")
    assert result.code == 1
    assert "damaged" in result.err and "renkei board salvage" in result.err
    assert "lacks every change made since" in result.err
    assert len(result.err.splitlines()) == 1
    assert _digest(path) == digest


def test_salvage_keeps_every_readable_row(board, tmp_path, run):
    """Salvage of a damaged board: a consistent new board with what could be read, the
    source untouched, and a report of what was lost."""
    path = Path(board)
    intact = {
        table: _rows(path, f"SELECT count(*) FROM {table}")[0][0]
        for table in ("tasks", "people", "teams", "activity")
    }
    _damage(path)
    digest = _digest(path)
    result = run("board", "salvage", str(path), str(tmp_path / "saved.renkei"))
    assert result.code == 0, result.err
    saved = tmp_path / "saved.renkei"
    assert _rows(saved, "PRAGMA integrity_check") == [("ok",)]
    assert _digest(path) == digest
    for table in ("tasks", "people", "teams"):
        assert _rows(saved, f"SELECT count(*) FROM {table}")[0][0] == intact[table]
    kept = _rows(saved, "SELECT count(*) FROM activity")[0][0]
    assert 0 < kept <= intact["activity"]
    if kept < intact["activity"]:
        assert "activity" in result.out and "unreadable" in result.out
    store = BoardStore.open(saved, create=False)
    try:
        board_now = store.load()
    finally:
        store.dispose()
    assert board_now.revision >= max(r[0] for r in _rows(saved, "SELECT revision FROM activity"))


def test_salvage_of_a_sound_board_keeps_everything(board, tmp_path):
    """On an undamaged board salvage is a faithful copy (every row of every table)."""
    path = Path(board)
    report = salvage_board(path, tmp_path / "copy.renkei")
    assert report.complete
    for table in ("tasks", "activity", "handoffs", "dependencies", "statuses"):
        query = f"SELECT * FROM {table} ORDER BY rowid"
        assert _rows(tmp_path / "copy.renkei", query) == _rows(path, query)


def test_salvage_never_overwrites(board, tmp_path, run):
    other = tmp_path / "there.renkei"
    other.write_text("mine")
    result = run("board", "salvage", board, str(other))
    assert result.code == 1 and "exists already" in result.err
    assert other.read_text() == "mine"


# -- nothing becomes a board by accident --------------------------------------------------------


def test_an_empty_file_is_never_turned_into_a_board(tmp_path, run):
    """`tasks` on a 0-byte file (a sync client still downloading it): refused, left at 0 bytes."""
    empty = tmp_path / "z.renkei"
    empty.touch()
    result = run("--board", str(empty), "tasks", "--json")
    assert result.code == 1
    assert "sync client" in result.err and result.out == ""
    assert empty.stat().st_size == 0
    result = run("--board", str(empty), "demo")
    assert result.code == 1 and empty.stat().st_size == 0


@pytest.mark.postgres
def test_an_empty_database_is_never_turned_into_a_board(pg_url, run):
    """Reading an empty PostgreSQL database refuses it and leaves it without a table."""
    result = run("--board", pg_url, "tasks", "--json")
    assert result.code == 1 and "empty" in result.err and "board new" in result.err
    with pytest.raises(migrate.BoardEmpty):
        BoardStore.open(pg_url, create=False)
    import psycopg

    dsn = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]
    assert tables == 0


def test_board_new_makes_a_board_only_where_there_is_none(tmp_path, run):
    target = tmp_path / "fresh.renkei"
    assert run("board", "new", str(target), "--name", "営業").code == 0
    assert _rows(target, "SELECT name, revision FROM board") == [("営業", 0)]
    digest = _digest(target)
    again = run("board", "new", str(target))
    assert again.code == 1 and "exists already" in again.err
    assert _digest(target) == digest


@pytest.mark.postgres
def test_board_new_and_demo_on_a_server(pg_url, run):
    """`board new URL` makes the board in an empty database; demo fills an unused one in one
    transaction; a second demo is refused."""
    assert run("board", "new", pg_url).code == 0
    made = run("--board", pg_url, "demo")
    assert made.code == 0, made.err
    tasks = run("--board", pg_url, "tasks", "--json")
    assert tasks.code == 0 and tasks.out.count('"id":') >= 60
    again = run("--board", pg_url, "demo")
    assert again.code == 1 and "already holds" in again.err


# -- making a board is all or nothing -----------------------------------------------------------


def test_a_board_whose_filling_fails_never_appears(tmp_path):
    """A fill that stops half-way (an error, Cancel) leaves no file, no temporary file."""
    target = tmp_path / "half.renkei"

    def fill(store: BoardStore) -> None:
        store.apply(Create("team", (("name", "Marketing"),)), None)
        raise RuntimeError("stopped half-way")

    with pytest.raises(RuntimeError):
        make_board(str(target), "Half", fill)
    assert list(tmp_path.iterdir()) == []


def test_a_killed_demo_leaves_nothing_and_can_run_again(tmp_path):
    """kill -9 during `demo --tasks`: no board at the path; the same command then succeeds."""
    target = tmp_path / "d.renkei"
    command = [sys.executable, "-m", "renkei.cli.main", "--board", str(target), "demo"]
    with subprocess.Popen(
        [*command, "--tasks", "20000"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    ) as process:
        # Kill it once it is writing (its progress lines say so).
        assert process.stderr is not None
        for line in process.stderr:
            if b"Creating tasks" in line:
                break
        process.kill()
        process.wait(timeout=30)
    assert not target.exists()
    done = subprocess.run([*command, "--tasks", "50"], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _rows(target, "SELECT count(*) FROM tasks") == [(50,)]


def test_demo_fills_an_unused_board_made_by_board_new(tmp_path, run):
    target = tmp_path / "b.renkei"
    assert run("board", "new", str(target)).code == 0
    assert run("--board", str(target), "demo").code == 0
    # The story's sixty tasks, and past weeks' finished work kept archived.
    assert _rows(target, "SELECT count(*) FROM tasks WHERE NOT archived") == [(60,)]


def test_an_edit_after_recovery_is_kept(crashed, run):
    """After the rollback the board takes edits as usual, with the next revision."""
    path, _, revision = crashed
    store = BoardStore.open(path, create=False)
    try:
        task = store.load().tasks[1]
        change = store.apply(set_task(task, title="Recovered"), None)
    finally:
        store.dispose()
    assert change.revision == revision + 1
    assert _rows(path, "SELECT title FROM tasks WHERE id = 1") == [("Recovered",)]


def test_a_killed_builders_leftovers_are_cleared_by_the_next_build(tmp_path):
    """A builder killed on this computer leaves its hidden file; the next build of the same
    board removes it. Another computer's leftover (its process cannot be seen) is kept."""
    from renkei.store import new_board

    target = tmp_path / "d.renkei"
    with subprocess.Popen([sys.executable, "-c", "pass"]) as gone:
        gone.wait()
    host = new_board._host()
    mine = tmp_path / f".d.renkei.new-{host}-{gone.pid}-0000abcd"
    theirs = tmp_path / f".d.renkei.new-OTHER_PC-{gone.pid}-0000abcd"
    for leftover in (mine, migrate.journal_of(mine), theirs):
        leftover.write_bytes(b"half a board")
    make_board(str(target), "D")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["d.renkei", theirs.name])
