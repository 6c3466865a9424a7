"""On a shared file anyone may type any name, so each history row also keeps the operating-
system login that wrote it, shown beside the name when it is not plainly that person's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from renkei.cli.main import main
from renkei.store import acting
from renkei.store.board_store import BoardStore

pytestmark = pytest.mark.usefixtures("real_login")

TRELLO_SAMPLE = (
    Path(__file__).parents[1] / "fixtures" / "trello_trello2planka_sample-board-export.json"
)


def renkei(board: str, *argv: str, login: str) -> subprocess.CompletedProcess:
    """A real `renkei` process run by the OS login ``login`` (getpass reads LOGNAME first)."""
    env = {**os.environ, "LOGNAME": login, "USER": login}
    return subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", "--board", board, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def history(board: str, task_id: int) -> list[dict]:
    done = renkei(board, "history", str(task_id), "--json", login="reader")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_name_chosen_by_another_login_shows_that_login(board):
    """yuki writes as Kenta Mori: the history says "Kenta Mori (login: yuki)"; kenta writing
    as himself shows no login (it is plainly his)."""
    done = renkei(board, "--as", "Kenta Mori", "task", "set", "3", "progress=55", login="yuki")
    assert done.returncode == 0, done.stderr
    done = renkei(board, "--as", "Kenta Mori", "task", "set", "3", "progress=60", login="kenta")
    assert done.returncode == 0, done.stderr
    rows = history(board, 3)
    assert [(r["actor"], r["login"], r["new"]) for r in rows[-2:]] == [
        ("Kenta Mori", "yuki", "55"),
        ("Kenta Mori", "kenta", "60"),
    ]
    text = renkei(board, "history", "3", login="reader").stdout.splitlines()
    assert "Kenta Mori (login: yuki)" in text[-2] and "55" in text[-2]
    assert "(login:" not in text[-1] and "60" in text[-1]


def test_a_linked_login_is_compared_exactly(board):
    """Once Kenta is linked to the login km7, km7 is his and kenta is not."""
    done = renkei(
        board,
        "--as",
        "Kenta Mori",
        "board",
        "people",
        "link",
        "Kenta Mori",
        "--role",
        "km7",
        login="km7",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Kenta Mori is linked to the login role km7."
    renkei(board, "--as", "Kenta Mori", "task", "set", "3", "progress=61", login="km7")
    renkei(board, "--as", "Kenta Mori", "task", "set", "3", "progress=62", login="kenta")
    text = renkei(board, "history", "3", login="reader").stdout.splitlines()
    assert "(login:" not in text[-2]
    assert "Kenta Mori (login: kenta)" in text[-1]


def test_one_login_links_one_person(board, capsys):
    assert (
        main(
            [
                "--board",
                board,
                "--as",
                "Kenta Mori",
                "board",
                "people",
                "link",
                "Kenta Mori",
                "--role",
                "km7",
            ]
        )
        == 0
    )
    code = main(
        ["--board", board, "--as", "Ryo Ito", "board", "people", "link", "Ryo Ito", "--role", "km7"]
    )
    assert code == 1
    assert capsys.readouterr().err.endswith(
        "renkei: the login km7 is already linked to Kenta Mori\n"
    )


def test_a_system_that_cannot_name_the_login_still_saves(board, monkeypatch, capsys):
    """getpass fails (no passwd entry, no LOGNAME): the change is saved with no login."""

    def no_login():
        raise OSError("no login name")

    monkeypatch.setattr(acting.getpass, "getuser", no_login)
    assert acting.os_login() is None
    assert main(["--board", board, "--as", "Kenta Mori", "task", "set", "3", "progress=41"]) == 0
    store = BoardStore.open(board, create=False)
    try:
        last = store.history("task", 3)[-1]
    finally:
        store.dispose()
    assert (last.new, last.login) == ("41", None)


def test_imported_history_keeps_its_author_and_no_login(board, monkeypatch, capsys):
    """A Trello import run by yuki: the cards' own history (authors from Trello) carries no
    login; what the import itself writes under no author carries yuki's."""
    monkeypatch.setenv("LOGNAME", "yuki")
    assert main(["--board", board, "import", "trello", str(TRELLO_SAMPLE)]) == 0
    store = BoardStore.open(board, create=False)
    try:
        rows = store.history()
        board_now = store.load()
    finally:
        store.dispose()
    imported = {t.id for t in board_now.tasks.values() if t.source_id}
    mine = [r for r in rows if r.entity == "task" and r.entity_id in imported]
    comments = [r for r in mine if r.field == "comment"]
    assert comments and all(r.login is None for r in comments)
    created = [r for r in mine if r.field == "created" and r.actor_id is not None]
    assert created and all(r.login is None for r in created)
    assert any(r.login == "yuki" for r in rows), "the import's own rows are yuki's"


def test_the_demo_story_has_no_login(board):
    store = BoardStore.open(board, create=False)
    try:
        assert {r.login for r in store.history()} == {None}
    finally:
        store.dispose()


@pytest.mark.parametrize(
    ("login", "shown"),
    [("kenta", False), ("mori", False), ("kmori", False), ("KentaMori", False), ("yuki", True)],
)
def test_which_logins_are_plainly_the_person(login, shown):
    from renkei.app.activity_view import login_matches
    from renkei.domain.model import Person

    assert login_matches(Person(1, "Kenta Mori"), login) is not shown


def test_a_0004_board_gains_the_login_columns_and_keeps_its_history(board, monkeypatch):
    """A board saved before logins were kept: backed up, migrated, old rows with no login,
    the next change with one."""
    import sqlite3

    with sqlite3.connect(board) as conn:
        conn.execute("ALTER TABLE projects DROP COLUMN due")  # made by 0007
        conn.execute("DROP INDEX ix_activity_change_id")  # made by 0006
        conn.execute("ALTER TABLE activity DROP COLUMN change_id")
        conn.execute("DROP INDEX ix_people_login")
        conn.execute("ALTER TABLE people DROP COLUMN login")
        conn.execute("ALTER TABLE activity DROP COLUMN login")
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
        before = conn.execute("SELECT count(*) FROM activity").fetchone()[0]
    conn.close()
    monkeypatch.setenv("LOGNAME", "yuki")
    store = BoardStore.open(board, create=False)
    try:
        rows = store.history()
        assert len(rows) == before and {r.login for r in rows} == {None}
        from renkei.domain.commands import set_task

        task = store.load().tasks[3]
        store.apply(set_task(task, progress=44), task.owner_id)
        assert store.history("task", 3)[-1].login == "yuki"
    finally:
        store.dispose()
    assert list(Path(board).parent.glob("*.before-0004-*.bak"))


def test_board_copy_keeps_the_logins(board, tmp_path, monkeypatch):
    from renkei.domain.commands import SetFields
    from renkei.store.copy import copy_board

    monkeypatch.setenv("LOGNAME", "yuki")
    store = BoardStore.open(board, create=False)
    try:
        kenta = store.load().find_person("Kenta Mori")
        store.apply(SetFields("person", kenta.id, (("login", "km7"),)), kenta.id)
    finally:
        store.dispose()
    copy_board(board, str(tmp_path / "copy.renkei"))
    copied = BoardStore.open(tmp_path / "copy.renkei", create=False)
    try:
        assert copied.history()[-1].login == "yuki"
        assert copied.load().find_person("Kenta Mori").login == "km7"
    finally:
        copied.dispose()
