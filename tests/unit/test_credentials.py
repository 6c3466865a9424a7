"""Server addresses and remembered passwords: the password is never part of a board's URL,
and a missing or broken keyring reads as "not available" instead of failing."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from fakes import MemoryKeyring
from renkei.app import credentials

URL = "postgresql+psycopg://ana@db.example.com:5432/renkei"


@pytest.fixture
def use_keyring():
    """Install a keyring backend for one test, then put the previous one back."""
    previous = keyring.get_keyring()

    def install(backend):
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


def test_server_url_never_holds_a_password():
    """Host, port, database and user make the URL; special characters are escaped."""
    assert credentials.server_url("db.example.com", 5432, "renkei", "ana") == URL
    odd = credentials.server_url("db", 6543, "team board", "ana@sales")
    address, password = credentials.parse_server_url(odd)
    assert (address.host, address.port, address.database, address.user) == (
        "db",
        6543,
        "team board",
        "ana@sales",
    )
    assert password is None


def test_a_password_in_a_url_is_split_off():
    """A --board URL that carries a password gives it up; the board's URL is without it."""
    address, password = credentials.parse_server_url(
        "postgresql://ana:s3cret@db.example.com/renkei"
    )
    assert password == "s3cret"
    assert address.url == URL
    assert "s3cret" not in credentials.without_password(
        "postgresql+psycopg://ana:s3cret@db.example.com:5432/renkei"
    )


def test_not_a_server_address_is_refused():
    with pytest.raises(ValueError):
        credentials.parse_server_url("sqlite:///tmp/team.renkei")


def test_open_server_board_takes_the_password_separately():
    with pytest.raises(ValueError):
        credentials.open_server_board("postgresql+psycopg://ana:s3cret@db/renkei", None)


def test_remember_read_and_forget_a_password(use_keyring):
    """Saved under the service 'Renkei' with the password-less URL as the user name."""
    backend = use_keyring(MemoryKeyring())
    assert credentials.available()
    assert credentials.get_password(URL) is None
    assert credentials.set_password(URL, "s3cret")
    assert backend.saved == {("Renkei", URL): "s3cret"}
    assert credentials.get_password(URL) == "s3cret"
    assert credentials.delete_password(URL)
    assert credentials.get_password(URL) is None
    assert not credentials.delete_password(URL)  # nothing left to forget


def test_no_keyring_backend_reads_as_not_available(use_keyring):
    """Without a usable keyring nothing is remembered and nothing fails: the UI asks."""
    use_keyring(fail.Keyring())
    assert not credentials.available()
    assert credentials.get_password(URL) is None
    assert not credentials.set_password(URL, "s3cret")
    assert not credentials.delete_password(URL)


def test_a_broken_keyring_reads_as_not_available(use_keyring):
    """A backend that raises something unexpected does not stop a board from opening."""

    class Broken(MemoryKeyring):
        def get_password(self, service, username):
            raise RuntimeError("the keyring daemon went away")

        def set_password(self, service, username, password):
            raise RuntimeError("the keyring daemon went away")

    use_keyring(Broken())
    assert credentials.get_password(URL) is None
    assert not credentials.set_password(URL, "s3cret")


@pytest.mark.parametrize(
    ("message", "wanted"),
    [
        ("connection failed: fe_sendauth: no password supplied", True),
        ('FATAL:  password authentication failed for user "ana"', True),
        ("connection refused", False),
    ],
)
def test_telling_a_password_request_from_other_failures(message, wanted):
    assert credentials.wants_password(Exception(message)) is wanted
