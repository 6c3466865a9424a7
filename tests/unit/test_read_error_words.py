"""What a failed read says: the store's own error class, and words a team lead understands."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import DatabaseError, OperationalError, ProgrammingError

from renkei.store.database import (
    BoardLocked,
    BoardUnreachable,
    LoginRefused,
    read_error,
    reading,
)

SERVER = "postgresql+psycopg://ana@db.example.com:5432/team"


def _driver(kind, text: str):
    return kind("SELECT 1", {}, Exception(text))


def test_a_password_refused_on_one_of_several_attempts_is_a_login_refusal():
    """libpq reports each attempt on its own line; the refusal is found on any of them, and
    its words stay in the message (the password prompts look for them)."""
    error = _driver(
        OperationalError,
        "Multiple connection attempts failed. All failures were:\n"
        "- host: 'db.example.com', port: 5432: FATAL:  password authentication failed "
        'for user "ana"\n'
        "- host: 'db.example.com', port: 5432: server closed the connection unexpectedly",
    )
    refused = read_error(error, SERVER)
    assert isinstance(refused, LoginRefused)
    assert "the server db.example.com:5432 refused the password for 'ana'" in str(refused)
    assert 'password authentication failed for user "ana"' in str(refused)


def test_a_server_that_does_not_answer_is_unreachable():
    error = _driver(OperationalError, "connection refused\n\tIs the server running?")
    unreachable = read_error(error, SERVER, "opened")
    assert type(unreachable) is BoardUnreachable
    assert str(unreachable).startswith("the server db.example.com:5432 does not answer")


def test_a_login_that_may_not_read_says_so():
    error = _driver(ProgrammingError, "permission denied for table tasks")
    refused = read_error(error, SERVER)
    assert isinstance(refused, LoginRefused)
    assert "may not read this board" in str(refused) and "db.example.com:5432" in str(refused)


def test_a_damaged_file_names_the_commands_that_help(tmp_path):
    board = str(tmp_path / "team.renkei")
    error = _driver(DatabaseError, "database disk image is malformed")
    damaged = read_error(error, board)
    assert type(damaged) is BoardUnreachable
    assert str(damaged).startswith(f"{board} could not be read: it is damaged")
    assert "renkei board check" in str(damaged) and "renkei board salvage" in str(damaged)


def test_a_board_locked_too_long_is_board_locked():
    error = _driver(OperationalError, "database is locked")
    assert isinstance(read_error(error, "team.renkei"), BoardLocked)


def test_reading_leaves_other_errors_alone():
    """Only database errors are the store's to word: a bug stays a bug."""
    with pytest.raises(KeyError), reading("team.renkei"):
        raise KeyError("not a database error")
    with pytest.raises(BoardUnreachable) as unreachable, reading("team.renkei"):
        raise _driver(OperationalError, "unable to open database file: no such thing")
    assert isinstance(unreachable.value.__cause__, OperationalError)
    assert not isinstance(unreachable.value, sqlite3.Error)
