"""Server boards: their address, their password in the OS keyring, opening them.

A password never becomes part of a board's location: recent boards, identities and every
message name the password-less URL; the password lives in the system keyring (when the user
asked for that and one is usable) and, while a board is open, in that board's engine only.
Keyring problems never stop a board from opening: they read as "not available", and the UI
asks for the password instead."""

from __future__ import annotations

from dataclasses import dataclass

from renkei.store.board_store import BoardStore
from renkei.store.server_urls import (
    DEFAULT_PORT,
    DRIVER,
    address_url,
    check_login,
    url_parts,
    with_password,
    without_password,
)

__all__ = [  # the address helpers live in the store; the app's callers find them here
    "DEFAULT_PORT",
    "DRIVER",
    "SERVICE",
    "ServerAddress",
    "available",
    "check_login",
    "delete_password",
    "get_password",
    "is_server_url",
    "open_server_board",
    "parse_server_url",
    "server_url",
    "set_password",
    "wants_password",
    "with_password",
    "without_password",
]

SERVICE = "Renkei"

# What libpq says when the server wants a password it did not get, or got a wrong one.
_PASSWORD_WANTED = (
    "no password supplied",
    "password authentication failed",
    "authentication failed",
)


@dataclass(frozen=True)
class ServerAddress:
    """Where a server board lives; ``url`` is its password-less location."""

    host: str
    port: int
    database: str
    user: str

    @property
    def url(self) -> str:
        return server_url(self.host, self.port, self.database, self.user)


def server_url(host: str, port: int, database: str, user: str) -> str:
    """``postgresql+psycopg://user@host:port/db``, escaped as needed; never a password."""
    return address_url(host, port, database, user)


def is_server_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgresql+", "postgres://"))


def parse_server_url(target: str) -> tuple[ServerAddress, str | None]:
    """A server URL's address, and the password it carried (None when it had none).
    Raises ValueError for something that is not a server URL."""
    host, port, database, user, password = url_parts(target)
    return ServerAddress(host, port, database, user), password


def wants_password(error: BaseException) -> bool:
    """True when a failed connection failed because the server asked for a password (the
    store's LoginRefused ends with the server's own words)."""
    text = str(error).lower()
    return any(phrase in text for phrase in _PASSWORD_WANTED)


def open_server_board(
    url: str, password: str | None, *, name: str | None = None, create: bool = False
) -> BoardStore:
    """Open the board at a password-less server URL, with the password (if any) kept in
    memory only: the store's ``location`` stays the password-less URL. An empty database
    becomes a board only with ``create`` (migrate.BoardEmpty otherwise)."""
    address, embedded = parse_server_url(url)
    if embedded is not None:
        raise ValueError("open_server_board takes the URL without its password")
    return BoardStore.open(address.url, name=name, password=password, create=create)


# -- the system keyring --------------------------------------------------------------------
# Any failure of the keyring (no backend, a locked or broken one) reads as "not available":
# the keyring is a convenience, never a reason for a board not to open.


def available() -> bool:
    """True when a usable system keyring is there to remember passwords."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception:
        return False
    return not isinstance(backend, fail.Keyring | null.Keyring)


def get_password(url: str) -> str | None:
    """The remembered password for a board, or None (none stored, or no keyring)."""
    try:
        import keyring

        return keyring.get_password(SERVICE, without_password(url))
    except Exception:
        return None


def set_password(url: str, password: str) -> bool:
    """Remember the board's password; False when no keyring can keep it."""
    try:
        import keyring

        keyring.set_password(SERVICE, without_password(url), password)
    except Exception:
        return False
    return True


def delete_password(url: str) -> bool:
    """Forget the board's password; False when there was none or no keyring."""
    try:
        import keyring

        keyring.delete_password(SERVICE, without_password(url))
    except Exception:
        return False
    return True
