"""The order in which the command line tries passwords, with the server's answers given as
the store words them, the driver's own words in brackets (the real server:
tests/integration/test_passwords.py)."""

from __future__ import annotations

import keyring
import pytest

from fakes import MemoryKeyring
from renkei.app import credentials
from renkei.cli import passwords
from renkei.store.database import BoardUnreachable, LoginRefused

URL = "postgresql+psycopg://ana@db.example.com:5432/team"
MISSING = 'connection to server at "db" failed: fe_sendauth: no password supplied'
REFUSED = 'connection to server at "db" failed: FATAL:  password authentication failed for user'


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class Server:
    """Answers like a server that accepts one password; records what it was given."""

    def __init__(self, password: str | None, down: bool = False):
        self.password = password
        self.down = down
        self.tried: list[tuple[str, str | None]] = []

    def __call__(self, url: str, password: str | None) -> str:
        self.tried.append((url, password))
        if self.down:
            raise BoardUnreachable("the server does not answer (Connection refused)")
        if password is None and self.password is not None:
            raise LoginRefused(f"the server turned this login away ({MISSING})")
        if password != self.password:
            raise LoginRefused(f"the server turned this login away ({REFUSED})")
        return "opened"


def asked(answer: str):
    questions: list[str] = []

    def prompt(question: str) -> str:
        questions.append(question)
        return answer

    prompt.questions = questions
    return prompt


def test_libpq_is_tried_first_then_the_keyring(memory_keyring):
    credentials.set_password(URL, "right")
    server = Server("right")
    assert passwords.with_password("postgresql://ana@db.example.com/team", server) == "opened"
    assert server.tried == [(URL, None), (URL, "right")]


def test_a_server_that_needs_no_password_is_not_asked(memory_keyring):
    server = Server(None)
    prompt = asked("x")
    assert passwords.with_password(URL, server, prompt) == "opened"
    assert server.tried == [(URL, None)] and prompt.questions == []


def test_the_terminal_is_asked_when_the_keyring_has_nothing(memory_keyring):
    server = Server("right")
    prompt = asked("right")
    assert passwords.with_password(URL, server, prompt) == "opened"
    assert prompt.questions == ["Password for ana on db.example.com:5432/team: "]
    assert credentials.get_password(URL) is None  # used, not kept


def test_a_refused_keyring_password_is_said_before_asking(memory_keyring):
    credentials.set_password(URL, "old")
    prompt = asked("right")
    assert passwords.with_password(URL, Server("right"), prompt) == "opened"
    assert prompt.questions[0].startswith("The server refused the password it was given.")


def test_without_a_terminal_one_line_says_how(memory_keyring):
    with pytest.raises(passwords.PasswordProblem) as missing:
        passwords.with_password(URL, Server("right"), None)
    assert str(missing.value) == (
        "the server db.example.com:5432 wants a password for 'ana': set PGPASSWORD or add it "
        f"to ~/.pgpass, or keep it in the system keyring with `renkei login {URL}`"
    )
    credentials.set_password(URL, "old")
    with pytest.raises(passwords.PasswordProblem) as wrong:
        passwords.with_password(URL, Server("right"), None)
    assert str(wrong.value) == (
        "the server db.example.com:5432 refused the password for 'ana': run "
        f"`renkei login {URL}` to store the right one, or ask the server's administrator"
    )


def test_a_wrong_typed_password_and_an_empty_answer(memory_keyring):
    with pytest.raises(passwords.PasswordProblem, match="refused the password for 'ana'"):
        passwords.with_password(URL, Server("right"), asked("wrong"))
    with pytest.raises(passwords.PasswordProblem, match="no password was given"):
        passwords.with_password(URL, Server("right"), asked(""))


def test_a_password_in_the_url_is_used_as_given(memory_keyring):
    server = Server("inline")
    typed = "postgresql+psycopg://ana:inline@db.example.com:5432/team"
    with pytest.raises(LoginRefused):  # the server sees the URL as typed: no retries
        passwords.with_password(typed, server, asked("other"))
    assert server.tried == [(typed, None)]


def test_other_failures_pass_through_untouched(memory_keyring):
    credentials.set_password(URL, "right")
    server = Server("right", down=True)
    prompt = asked("right")
    with pytest.raises(BoardUnreachable, match="Connection refused"):
        passwords.with_password(URL, server, prompt)
    assert server.tried == [(URL, None)] and prompt.questions == []


def test_login_without_a_keyring_stores_nothing_and_says_what_else_works(monkeypatch):
    monkeypatch.setattr(credentials, "available", lambda: False)
    with pytest.raises(passwords.PasswordProblem, match="PGPASSWORD or add it to ~/.pgpass"):
        passwords.login(URL, asked("right"))


def test_login_to_a_server_that_is_down_stores_nothing(memory_keyring, monkeypatch):
    def down(url, password):
        raise BoardUnreachable("Connection refused")

    monkeypatch.setattr(credentials, "check_login", down)
    with pytest.raises(passwords.PasswordProblem) as problem:
        passwords.login(URL, asked("right"))
    assert str(problem.value) == (
        f"could not check the password with {URL} (Connection refused); nothing was stored"
    )
    assert credentials.get_password(URL) is None
