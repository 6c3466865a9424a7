"""`renkei board copy`: a whole board moves between SQLite and PostgreSQL, all or nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy.pool import NullPool

import pg
from renkei.app.session import BoardSession
from renkei.cli.main import main
from renkei.domain.commands import Create, set_task
from renkei.store.board_store import BoardStore
from renkei.store.copy import CopyError, copy_board
from renkei.store.lease import seen_path

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/renkei_nowhere"


class Stop(Exception):
    """Raised from the progress callback: a failure in the middle of a copy."""


@pytest.fixture(scope="session")
def demo_template(demo_boards) -> Path:
    """The English demo board, built once; tests copy the file before using it."""
    return demo_boards.template("en", "demo")


@pytest.fixture
def demo_board(demo_template, tmp_path) -> str:
    """A private copy of the demo board file."""
    path = tmp_path / "demo.renkei"
    shutil.copyfile(demo_template, path)
    return str(path)


@pytest.fixture
def copy_db(pg_server):
    """A fresh database of this test's own, ``renkei_copy_<random>``, as a board URL."""
    with pg.using_server():
        name = pg.create_database("renkei_copy")
        try:
            yield pg.url_for(name)
        finally:
            pg.drop_database(name)


@pytest.fixture
def run(capsys):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def snapshot(target: str):
    """The board and its whole history, read with a fresh store."""
    store = BoardStore.open(target, create=False)
    try:
        return store.load(), store.history()
    finally:
        store.dispose()


def assert_same_board(original: str, copy: str) -> None:
    board, history = snapshot(original)
    copied, copied_history = snapshot(copy)
    assert copied.name == board.name
    assert copied.revision == board.revision
    assert copied.settings == board.settings
    for collection in ("teams", "people", "projects", "statuses", "tasks"):
        assert getattr(copied, collection) == getattr(board, collection), collection
    assert copied == board
    assert copied_history == history
    assert len(history) > 100


def assert_new_rows_get_fresh_ids(target: str) -> None:
    """Rows made after the copy take the next ids (on PostgreSQL: the sequences were reset)."""
    store = BoardStore.open(target, create=False)
    try:
        board = store.load()
        todo = board.find_status("To do").id
        session = BoardSession(store, board.find_person("Haruka Aoki").id)
        made = session.apply(Create("task", (("title", "After the copy"), ("status_id", todo))))
        assert made.rows[0].entity_id == max(board.tasks) + 1
        team = session.apply(Create("team", (("name", "Partners"),)))
        assert team.rows[0].entity_id == max(board.teams) + 1
        latest = store.history(limit=1)[0]
        assert latest.revision == board.revision + 2
    finally:
        store.dispose()


def table_names(url: str) -> list[str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return inspect(conn).get_table_names()
    finally:
        engine.dispose()


# -- SQLite → SQLite ---------------------------------------------------------------------------


def test_sqlite_to_sqlite_copies_every_row(run, demo_board, tmp_path):
    """The CLI copies the demo board to a new file: equal board, history and revision."""
    destination = str(tmp_path / "copy.renkei")
    code, out, err = run("board", "copy", demo_board, destination)
    assert code == 0, err
    tasks = len(snapshot(demo_board)[0].tasks)  # the story's 60 and past weeks' archived work
    assert out.startswith(f"Copied {tasks} tasks, 12 people, 4 teams, ")
    assert f"from {demo_board} to {destination}" in out
    assert_same_board(demo_board, destination)
    assert_new_rows_get_fresh_ids(destination)


def test_copy_reports_counts_and_progress(demo_board, tmp_path):
    """copy_board returns what it copied and reports progress up to the total."""
    calls = []
    report = copy_board(demo_board, str(tmp_path / "copy.renkei"), lambda d, t: calls.append(d))
    board, history = snapshot(demo_board)
    assert report.counts["tasks"] == len(board.tasks) and report.counts["activity"] == len(history)
    assert report.revision == board.revision and report.board_name == board.name
    assert calls and calls[-1] == report.total and calls == sorted(calls)


def test_a_board_nobody_used_yet_can_be_the_destination(demo_board, tmp_path):
    """A board just made by opening a new file (revision 0, no work) takes the copy."""
    destination = tmp_path / "fresh.renkei"
    BoardStore.open(destination).dispose()
    copy_board(demo_board, str(destination))
    assert_same_board(demo_board, str(destination))


def test_destination_holding_a_board_is_refused_untouched(run, demo_board, tmp_path):
    """A destination with work in it: exit 1, 'already holds a board', every byte kept."""
    destination = tmp_path / "busy.renkei"
    store = BoardStore.open(destination)
    store.apply(Create("team", (("name", "Legal"),)), None)
    store.dispose()
    before = destination.read_bytes()
    code, out, err = run("board", "copy", demo_board, str(destination))
    assert code == 1 and out == ""
    assert "already holds a board" in err and "nothing was changed" in err
    assert destination.read_bytes() == before


def test_failure_in_the_middle_leaves_no_file(demo_board, tmp_path):
    """An error after the first batch rolls everything back and removes the new file."""
    destination = tmp_path / "half.renkei"

    def fail_midway(done: int, total: int) -> None:
        if done > 100:
            raise Stop

    with pytest.raises(Stop):
        copy_board(demo_board, str(destination), fail_midway)
    assert not destination.exists()
    assert not destination.with_name("half.renkei-journal").exists()
    # Only the source and its note of who used it (store/lease.py) remain.
    assert sorted(tmp_path.iterdir()) == sorted([Path(demo_board), seen_path(Path(demo_board))])


def test_missing_source_fails_clearly(run, tmp_path):
    """A source path that does not exist: exit 1 and nothing is created anywhere."""
    code, _, err = run("board", "copy", str(tmp_path / "typo.renkei"), str(tmp_path / "b.renkei"))
    assert code == 1
    assert err.startswith("renkei: There is no board at")
    assert list(tmp_path.iterdir()) == []


def test_source_that_is_not_a_board_is_refused(run, tmp_path):
    """A text file or an empty file as the source is refused, and left as it was."""
    notes = tmp_path / "notes.txt"
    notes.write_text("meeting notes\n")
    empty = tmp_path / "empty.renkei"
    empty.touch()
    code, _, err = run("board", "copy", str(notes), str(tmp_path / "b.renkei"))
    assert code == 1 and "not a Renkei board" in err
    code, _, err = run("board", "copy", str(empty), str(tmp_path / "b.renkei"))
    assert code == 1 and "empty (0 bytes)" in err and empty.stat().st_size == 0
    assert notes.read_text() == "meeting notes\n" and empty.stat().st_size == 0
    assert not (tmp_path / "b.renkei").exists()


def test_same_board_as_source_and_destination_is_refused(run, demo_board):
    """Copying a board onto itself is refused."""
    code, _, err = run("board", "copy", demo_board, demo_board)
    assert code == 1 and "same board" in err


def test_unreachable_server_fails_clearly(run, demo_board, tmp_path):
    """A server that does not answer, as destination or source: exit 1 naming it."""
    code, _, err = run("board", "copy", demo_board, UNREACHABLE)
    assert code == 1
    assert err.startswith("renkei: Cannot reach the destination server at ")
    assert "Traceback" not in err
    code, _, err = run("board", "copy", UNREACHABLE, str(tmp_path / "b.renkei"))
    assert code == 1
    assert err.startswith("renkei: Cannot reach the source server at ")
    assert not (tmp_path / "b.renkei").exists()


def test_global_board_option_is_not_used(run, demo_board, tmp_path):
    """--board plays no part in a copy: SRC and DST say everything."""
    other = str(tmp_path / "unrelated.renkei")
    destination = str(tmp_path / "copy.renkei")
    code, _, err = run("--board", other, "board", "copy", demo_board, destination)
    assert code == 0, err
    assert not Path(other).exists()


# -- PostgreSQL --------------------------------------------------------------------------------


@pytest.mark.postgres
def test_sqlite_to_postgres_copies_every_row(run, demo_board, copy_db):
    """The demo board into an empty database: equal board and history; new ids are fresh."""
    code, out, err = run("board", "copy", demo_board, copy_db)
    assert code == 0, err
    tasks = len(snapshot(demo_board)[0].tasks)  # the story's 60 and past weeks' archived work
    assert out.startswith(f"Copied {tasks} tasks, 12 people, 4 teams, ")
    assert_same_board(demo_board, copy_db)
    assert_new_rows_get_fresh_ids(copy_db)


@pytest.mark.postgres
def test_postgres_to_sqlite_copies_every_row(run, demo_board, copy_db, tmp_path):
    """A board on the server back into a new file: equal board and history; fresh ids."""
    copy_board(demo_board, copy_db)
    store = BoardStore.open(copy_db)  # some work on the server first, so it differs
    session = BoardSession(store, store.load().find_person("Ryo Ito").id)
    session.apply(set_task(session.board.tasks[7], progress=55, due=date(2027, 2, 1)))
    store.dispose()
    destination = str(tmp_path / "from-server.renkei")
    code, _, err = run("board", "copy", copy_db, destination)
    assert code == 0, err
    assert_same_board(copy_db, destination)
    assert_new_rows_get_fresh_ids(destination)


@pytest.mark.postgres
def test_copy_from_postgres_is_one_consistent_snapshot(demo_board, copy_db, tmp_path):
    """An edit committed on the server while the copy runs is not half in the copy."""
    copy_board(demo_board, copy_db)
    before = snapshot(copy_db)
    writer = BoardStore.open(copy_db)
    edited = []

    def edit_once(done: int, total: int) -> None:
        if not edited:
            board = writer.load()
            writer.apply(set_task(board.tasks[3], title="Edited during the copy"), None)
            edited.append(True)

    destination = str(tmp_path / "snapshot.renkei")
    try:
        copy_board(copy_db, destination, edit_once)
    finally:
        writer.dispose()
    assert edited
    assert snapshot(destination) == before
    assert snapshot(copy_db)[0].tasks[3].title == "Edited during the copy"


@pytest.mark.postgres
def test_postgres_destination_holding_a_board_is_refused_untouched(run, demo_board, copy_db):
    """A database that already holds a used board is refused and stays as it was."""
    store = BoardStore.open(copy_db)
    store.apply(Create("team", (("name", "Legal"),)), None)
    store.dispose()
    before = snapshot(copy_db)
    code, _, err = run("board", "copy", demo_board, copy_db)
    assert code == 1
    assert "already holds a board" in err and "nothing was changed" in err
    assert snapshot(copy_db) == before


@pytest.mark.postgres
def test_failure_in_the_middle_leaves_the_database_empty(demo_board, copy_db):
    """An error mid-copy rolls back the rows and the schema: the database has no tables."""

    def fail_midway(done: int, total: int) -> None:
        if done > 100:
            raise Stop

    with pytest.raises(Stop):
        copy_board(demo_board, copy_db, fail_midway)
    assert table_names(copy_db) == []
    copy_board(demo_board, copy_db)  # and the same copy can simply be made again
    assert_same_board(demo_board, copy_db)


@pytest.mark.postgres
def test_empty_database_is_not_a_source(copy_db, tmp_path):
    """An empty database is refused as a source, and no board is made in it."""
    with pytest.raises(CopyError, match="holds no board"):
        copy_board(copy_db, str(tmp_path / "b.renkei"))
    assert table_names(copy_db) == []
    assert not (tmp_path / "b.renkei").exists()


def test_handoffs_and_edited_templates_travel_with_the_copy(demo_board, tmp_path):
    """A board's handoffs and its own template edits are copied, not the seeded defaults."""
    from datetime import datetime

    from renkei.domain import handoff_commands as handoffs
    from renkei.domain.commands import SetFields

    store = BoardStore.open(demo_board, create=False)
    try:
        board = store.load()
        sender = board.find_person("Haruka Aoki")
        receiver = board.find_person("Yuki Tanaka")
        done = board.done_status_ids()
        task = next(
            t
            for t in board.tasks.values()
            if t.owner_id == sender.id and t.status_id not in done  # done tasks stay put
        )
        commands = handoffs.send(
            board,
            task.id,
            receiver.id,
            "lead",
            provided={"company": "Minato Pharma"},
            missing=("budget",),
            note="Webinar lead",
            actor_id=sender.id,
            at=datetime(2026, 11, 27, 10),
        )
        store.apply_all(commands, sender.id)
        lead = board.template("lead")
        store.apply(SetFields("handoff_template", lead.id, (("sla_business_days", 2),)), sender.id)
        source = store.load()
    finally:
        store.dispose()
    destination = tmp_path / "copy.renkei"
    copy_board(demo_board, str(destination))
    copied = BoardStore.open(destination, create=False)
    try:
        board = copied.load()
    finally:
        copied.dispose()
    assert board.handoffs == source.handoffs  # the demo's handoffs and the one sent here
    assert any(h.note == "Webinar lead" for h in board.handoffs.values())
    assert board.handoff_templates == source.handoff_templates
    assert board.template("lead").sla_business_days == 2
