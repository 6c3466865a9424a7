"""Server passwords on the command line, tried in this order:

1. libpq's own: ``PGPASSWORD`` and ``~/.pgpass`` (nothing here sets a password before they
   have been tried, so they keep working exactly as in psql);
2. the system keyring, where ``renkei login URL`` (or the window) stored one — under the same
   service and key as the window's (app.credentials);
3. a question on the terminal, with hidden input, when stdin is a terminal.

Otherwise the command fails with one line saying how to give one. A password never appears
in a message, and never needs to be in a URL on the command line (visible in ``ps``)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from typing import TypeVar

from renkei.app import credentials
from renkei.app.errors import StorageError
from renkei.cli.words import Cli, arg
from renkei.domain.i18n import QT_TRANSLATE_NOOP

T = TypeVar("T")

Prompt = Callable[[str], str]


class PasswordProblem(StorageError):
    """The server wants a password the command could not get, or refused the one it got."""


# The spellings the store opens as PostgreSQL; any other scheme goes to the store as typed,
# which refuses it by name.
_SCHEMES = ("postgres", "postgresql", "postgresql+psycopg")


def is_server(target: str | None) -> bool:
    scheme, sep, _rest = str(target or "").partition("://")
    return bool(sep) and scheme.strip().lower() in _SCHEMES


def terminal_prompt() -> Prompt | None:
    """getpass (hidden input) when stdin is a terminal; None when nobody can be asked."""
    try:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        interactive = False
    return getpass.getpass if interactive else None


def missing(error: BaseException) -> bool:
    """The server wanted a password and got none."""
    return "no password supplied" in str(error).lower()


def refused(error: BaseException) -> bool:
    """The server wanted a password and did not accept the one it got."""
    return "password authentication failed" in str(error).lower()


def with_password(
    target: str, attempt: Callable[[str, str | None], T], prompt: Prompt | None = None
) -> T:
    """``attempt(url, password)`` with the first password that gets in: none of ours (libpq
    reads PGPASSWORD and ~/.pgpass), the keyring's, then one typed at ``prompt``.

    ``url`` is the password-less URL (a URL that carried a password is used as given).
    Errors other than "password wanted" go through unchanged."""
    try:
        address, embedded = credentials.parse_server_url(target)
    except ValueError:
        raise PasswordProblem(
            QT_TRANSLATE_NOOP("Refusal", "Not a server address: %1"),
            credentials.without_password(target),
        ) from None
    if embedded is not None:
        return attempt(target, None)  # the password the user put in the URL: nothing else
    url = address.url
    user = address.user or os.environ.get("PGUSER") or _os_user()
    try:
        return attempt(url, None)
    except StorageError as error:
        if not (missing(error) or refused(error)):
            raise
        last = error
    stored = credentials.get_password(url)
    if stored:
        try:
            return attempt(url, stored)
        except StorageError as error:
            if not refused(error):
                raise
            last = error
    if prompt is None:
        if refused(last):
            raise wrong_password(user, address) from None
        raise no_password(user, address) from None
    typed = ask(prompt, user, address, again=bool(stored) or refused(last))
    try:
        return attempt(url, typed)
    except StorageError as error:
        if refused(error):
            raise wrong_password(user, address) from None
        raise


def ask(prompt: Prompt, user: str, address: credentials.ServerAddress, again: bool) -> str:
    where = f"{address.host}:{address.port}/{address.database}"
    question = (
        Cli.tr("The server refused the password it was given. Password for %1 on %2: ")
        if again
        else Cli.tr("Password for %1 on %2: ")
    )
    question = arg(question, user, where)
    try:
        typed = prompt(question)
    except EOFError:
        typed = ""
    if not typed:
        raise PasswordProblem(
            QT_TRANSLATE_NOOP("Refusal", "no password was given; nothing was done")
        )
    return typed


def no_password(user: str, address: credentials.ServerAddress) -> PasswordProblem:
    return PasswordProblem(
        QT_TRANSLATE_NOOP(
            "Refusal",
            "the server %1 wants a password for %2: set PGPASSWORD or add it to ~/.pgpass, or "
            "keep it in the system keyring with `renkei login %3`",
        ),
        f"{address.host}:{address.port}",
        repr(user),
        address.url,
    )


def wrong_password(user: str, address: credentials.ServerAddress) -> PasswordProblem:
    return PasswordProblem(
        QT_TRANSLATE_NOOP(
            "Refusal",
            "the server %1 refused the password for %2: run `renkei login %3` to store the "
            "right one, or ask the server's administrator",
        ),
        f"{address.host}:{address.port}",
        repr(user),
        address.url,
    )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name at all (a container): libpq would fail the same way
        return "?"


# -- what the commands use ------------------------------------------------------------------


def open_server_store(target: str, prompt: Prompt | None = None, **options):
    """``BoardStore.open`` for a server URL, with the password found as above."""
    from renkei.app.board_files import BoardStore

    return with_password(
        target, lambda url, password: BoardStore.open(url, password=password, **options), prompt
    )


def url_with_password(target: str, prompt: Prompt | None = None) -> str:
    """The URL to hand to code that takes a URL (``board copy``): with the password that
    got in added, in memory only; as given when libpq's own sources were enough."""

    def check(url: str, password: str | None) -> str:
        try:
            credentials.check_login(url, password)
        except StorageError as error:
            if missing(error) or refused(error):
                raise
            return url  # down, or no such database: the copy itself says which side, and how
        return credentials.with_password(url, password) if password else url

    return with_password(target, check, prompt)


def login(target: str, prompt: Prompt | None, read_line: Callable[[], str] | None = None) -> str:
    """Ask for the password (or read it from ``read_line``), check it with the server, and
    keep it in the keyring. Returns what to tell the user; nothing is stored on failure."""
    try:
        address, embedded = credentials.parse_server_url(target)
    except ValueError:
        raise PasswordProblem(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "renkei login is for server boards (postgresql://user@host/db), not %1; a board "
                "file needs no password",
            ),
            credentials.without_password(target),
        ) from None
    if embedded is not None:
        raise PasswordProblem(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "give the URL without its password: renkei login asks for it, so it never "
                "shows on the command line",
            )
        )
    url = address.url
    user = address.user or os.environ.get("PGUSER") or _os_user()
    if not credentials.available():
        raise PasswordProblem(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "no system keyring is available to keep the password; set PGPASSWORD or add it "
                "to ~/.pgpass instead",
            )
        )
    if read_line is not None:
        password = read_line().rstrip("\r\n")
        if not password:
            raise PasswordProblem(
                QT_TRANSLATE_NOOP("Refusal", "no password was given on stdin; nothing was stored")
            )
    elif prompt is None:
        raise PasswordProblem(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "renkei login asks for the password on a terminal; run it in one, or pipe the "
                "password in with --password-stdin",
            )
        )
    else:
        password = ask(prompt, user, address, again=False)
    try:
        credentials.check_login(url, password)
    except StorageError as error:
        if refused(error):
            raise PasswordProblem(
                QT_TRANSLATE_NOOP(
                    "Refusal", "the server refused the password for %1; nothing was stored"
                ),
                user,
            ) from None
        detail = str(error).strip().splitlines()
        reason = error if len(detail) == 1 else detail[0] if detail else type(error).__name__
        raise PasswordProblem(
            QT_TRANSLATE_NOOP(
                "Refusal", "could not check the password with %1 (%2); nothing was stored"
            ),
            url,
            reason,
        ) from None
    if not credentials.set_password(url, password):
        raise PasswordProblem(
            QT_TRANSLATE_NOOP(
                "Refusal", "the system keyring did not take the password; nothing was stored"
            )
        )
    return arg(Cli.tr("Stored the password for %1 on %2 in the system keyring."), user, url)


# -- renkei login ----------------------------------------------------------------------------


def add_parsers(sub) -> None:
    login_parser = sub.add_parser(
        "login",
        help=QT_TRANSLATE_NOOP("Cli", "keep a server's password in the system keyring"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Ask for the password of a PostgreSQL board (hidden input), check it with the server "
            "and keep it in the system keyring, where every renkei command and the window find "
            "it. A wrong password is not stored. PGPASSWORD and ~/.pgpass work too, and are tried "
            "first.",
        ),
    )
    login_parser.add_argument(
        "url",
        metavar="URL",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the board's URL without a password, e.g. postgresql://ana@db.example.com/renkei",
        ),
    )
    login_parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "read the password from the first line of stdin instead of asking",
        ),
    )
    login_parser.set_defaults(handler=cmd_login)


def cmd_login(args: argparse.Namespace) -> int:
    read_line = sys.stdin.readline if args.password_stdin else None
    print(login(args.url, terminal_prompt(), read_line))
    return 0
