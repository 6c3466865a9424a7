"""Server boards: their address, their password in the OS keyring, opening them.

A password never becomes part of a board's location: recent boards, identities and every
message name the password-less URL; the password lives in the system keyring (when the user
asked for that and one is usable) and, while a board is open, in that board's engine only.
Keyring problems never stop a board from opening: they read as "not available", and the UI
asks for the password instead."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from renkei.store.board_store import BoardStore

SERVICE = "Renkei"
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"

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
    url = URL.create(
        DRIVER,
        username=user or None,
        host=host,
        port=port,
        database=database,
    )
    return url.render_as_string(hide_password=False)


def is_server_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgresql+", "postgres://"))


def parse_server_url(target: str) -> tuple[ServerAddress, str | None]:
    """A server URL's address, and the password it carried (None when it had none).
    Raises ValueError for something that is not a server URL."""
    try:
        url = make_url(target)
    except ArgumentError as error:
        raise ValueError(f"Not a server address: {without_password(target)}") from error
    if not url.drivername.startswith("postgres") or not url.host or not url.database:
        raise ValueError(f"Not a server address: {without_password(target)}")
    address = ServerAddress(url.host, url.port or DEFAULT_PORT, url.database, url.username or "")
    return address, url.password


def without_password(target: str) -> str:
    """The URL with any password taken out (for messages, settings, the keyring key)."""
    try:
        url = make_url(target)
    except ArgumentError:
        return target if "@" not in target else target.split("://", 1)[0] + "://…"
    # (URL.set(password=None) means "leave it as it is", so the URL is built again.)
    bare = URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return bare.render_as_string(hide_password=False)


def wants_password(error: BaseException) -> bool:
    """True when a failed connection failed because the server asked for a password."""
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


def with_password(url: str, password: str) -> str:
    """The URL with the password in it, for code that takes a URL; in memory only — never
    shown, remembered or put on a command line."""
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def check_login(url: str, password: str | None) -> None:
    """Connect once and leave (no board is opened or made): raises the driver's error when
    the server refuses, as when it cannot be reached."""
    from renkei.store.database import make_engine

    full = make_url(url)
    if password:
        full = full.set(password=password)
    engine = make_engine(full)
    try:
        with engine.connect():
            pass
    finally:
        engine.dispose()


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
