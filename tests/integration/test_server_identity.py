"""On PostgreSQL the server says who you are: real login roles (cluster-wide, so named
uniquely and dropped afterwards) writing to a private demo database."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

import pg
from renkei.cli.main import main

pytestmark = pytest.mark.postgres


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys):
    def run(url: str, *argv: str) -> Result:
        code = main(["--board", url, *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def last_row(run, roles, task_id: int = 3) -> dict:
    result = run(roles.url(roles.reader), "history", str(task_id), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)[-1]


def link(run, roles) -> None:
    """Kenta Mori is linked to his role, by the board's owner (no one was linked yet)."""
    owner = pg.url_for(roles.database)
    result = run(owner, "--as", "Kenta Mori", "board", "people", "link", "Kenta Mori",
                 "--role", roles.kenta)  # fmt: skip
    assert result.code == 0, result.err


def test_with_nobody_linked_the_claimed_name_is_kept_and_the_role_recorded(run, roles):
    result = run(roles.url(roles.yuki), "--as", "Kenta Mori", "task", "set", "3", "progress=51")
    assert result.code == 0, result.err
    row = last_row(run, roles)
    assert (row["actor"], row["login"], row["new"]) == ("Kenta Mori", roles.yuki, "51")
    text = run(roles.url(roles.reader), "history", "3").out.splitlines()[-1]
    assert f"Kenta Mori (login: {roles.yuki})" in text


def test_once_linked_the_server_says_who_acts(run, roles):
    """Kenta's role writes without --as and the change is his; naming someone else is
    refused, nothing written."""
    link(run, roles)
    result = run(roles.url(roles.kenta), "task", "set", "3", "progress=52")
    assert result.code == 0, result.err
    row = last_row(run, roles)
    assert (row["actor"], row["login"], row["new"]) == ("Kenta Mori", roles.kenta, "52")
    text = run(roles.url(roles.reader), "history", "3").out.splitlines()[-1]
    assert "(login:" not in text  # the role is the one linked to him

    forged = run(roles.url(roles.kenta), "--as", "Yuki Tanaka", "task", "set", "3", "progress=9")
    assert forged.code == 1
    assert forged.err == (
        f"renkei: you are connected as login role {roles.kenta}, which is Kenta Mori on this "
        "board, not Yuki Tanaka: on a server board the server says who you are; nothing was "
        "saved\n"
    )
    assert last_row(run, roles)["new"] == "52"


def test_once_linked_an_unlinked_role_cannot_write(run, roles):
    link(run, roles)
    result = run(roles.url(roles.yuki), "--as", "Yuki Tanaka", "task", "set", "3", "progress=9")
    assert result.code == 1
    assert result.err.startswith(
        f"renkei: your login role {roles.yuki} is not linked to anyone on this board"
    )
    assert f"renkei board people link 'YOUR NAME' --role {roles.yuki}" in result.err
    assert last_row(run, roles)["new"] != "9"


def test_a_read_only_role_reads_and_is_told_it_cannot_write(run, roles):
    reader = roles.url(roles.reader)
    listed = run(reader, "tasks", "--json")
    assert listed.code == 0, listed.err
    assert len(json.loads(listed.out)) > 10
    before = last_row(run, roles)
    for argv in (
        ("--as", "Kenta Mori", "task", "set", "3", "progress=9"),
        ("--as", "Kenta Mori", "task", "add", "--title", "x", "--team", "Marketing"),
    ):
        result = run(reader, *argv)
        assert result.code == 1
        assert result.err == (
            f"renkei: you can read this board but not change it: your login role "
            f"{roles.reader} has no write grant. Ask the database's owner for INSERT and "
            "UPDATE on the board's tables.\n"
        )
    assert last_row(run, roles) == before


def test_the_history_is_append_only_for_every_role(roles):
    """UPDATE, DELETE and TRUNCATE of activity rows raise on the server, for an application
    role with every grant and for the superuser alike; INSERT (a change) still works."""
    import psycopg

    dsns = [
        f"host={pg.HOST} port={pg.PORT} user={roles.kenta} dbname={roles.database}",
        pg.admin_dsn(roles.database),
    ]
    for dsn in dsns:
        with psycopg.connect(dsn, autocommit=True) as conn:
            count = conn.execute("SELECT count(*) FROM activity").fetchone()[0]
            for statement, refusal in (
                ("UPDATE activity SET actor_id = NULL WHERE id = 1", "append-only"),
                ("DELETE FROM activity WHERE id = 1", "append-only"),
                # Kenta has no TRUNCATE grant; the superuser meets the trigger.
                ("TRUNCATE activity", "append-only|permission denied"),
            ):
                with pytest.raises(psycopg.Error, match=refusal):
                    conn.execute(statement)
            assert conn.execute("SELECT count(*) FROM activity").fetchone()[0] == count
