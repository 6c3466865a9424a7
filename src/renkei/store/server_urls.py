"""Server board addresses as text: build, take apart, add or remove a password, try a login.

Kept in the store (the one package that speaks SQLAlchemy) so that the app and the windows
handle server addresses without importing it; ``renkei.app.credentials`` builds on these."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from renkei.store.database import make_engine, reading

DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"


def address_url(host: str, port: int, database: str, user: str) -> str:
    """``postgresql+psycopg://user@host:port/db``, escaped as needed; never a password."""
    url = URL.create(DRIVER, username=user or None, host=host, port=port, database=database)
    return url.render_as_string(hide_password=False)


def url_parts(target: str) -> tuple[str, int, str, str, str | None]:
    """A server URL's host, port, database, user and password (None when it had none).
    Raises ValueError for something that is not a server URL."""
    try:
        url = make_url(target)
    except (ArgumentError, ValueError) as error:  # (a port that is no number: ValueError)
        raise ValueError(f"Not a server address: {without_password(target)}") from error
    if not url.drivername.startswith("postgres") or not url.host or not url.database:
        raise ValueError(f"Not a server address: {without_password(target)}")
    return url.host, url.port or DEFAULT_PORT, url.database, url.username or "", url.password


def without_password(target: str) -> str:
    """The URL with any password taken out (for messages, settings, the keyring key)."""
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
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


def with_password(url: str, password: str) -> str:
    """The URL with the password in it, for code that takes a URL; in memory only — never
    shown, remembered or put on a command line."""
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def check_login(url: str, password: str | None) -> None:
    """Connect once and leave (no board is opened or made). A server that refuses the login
    raises ``LoginRefused`` (its own words in brackets), one that cannot be reached
    ``BoardUnreachable``."""
    full = make_url(url)
    if password:
        full = full.set(password=password)
    engine = make_engine(full)
    try:
        with reading(without_password(url), "opened"), engine.connect():
            pass
    finally:
        engine.dispose()
