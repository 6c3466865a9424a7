"""Who is writing: the login behind each change, and on a server the person it is.

On a shared file the file system is the only gate: anyone who can write the file can claim
any name, so each Activity row also keeps the operating-system login that wrote it. On
PostgreSQL the server knows who connected (``current_user``): once any person on the board is
linked to a login role (``renkei board people link NAME --role ROLE``), a write's actor is the
person linked to the connecting role, and a client naming someone else is refused. A role
with SELECT-only grants reads the board and is told plainly that it cannot change it.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text

from renkei.domain.commands import CommandError
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.store import schema
from renkei.store.database import StorageError

MAX_LOGIN = 100
# Tables every write may touch; a role lacking INSERT or UPDATE on them cannot save.
_WRITTEN = ("activity", "board", "tasks")


class NotAllowed(StorageError, CommandError):
    """The server (or the board's links) does not let this login make the change. A refused
    edit like any other (every window and command already explains those), not a lost
    connection to retry."""


def os_login() -> str | None:
    """The operating-system login running Renkei; None when the system cannot say (no
    passwd entry in a container, no USER variable): a missing login never stops a save."""
    try:
        login = getpass.getuser()
    except Exception:  # getpass raises OSError, KeyError or ImportError depending on the OS
        return None
    login = (login or "").strip()
    return login[:MAX_LOGIN] or None


def is_server(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def current_role(conn: Connection) -> str:
    role: str = conn.execute(text("SELECT current_user")).scalar_one()
    return role


@dataclass(frozen=True, slots=True)
class ServerIdentity:
    role: str
    person_id: int | None  # the person linked to the role, if any
    enforced: bool  # some person is linked: writes must come from a linked role
    can_write: bool


def server_identity(conn: Connection) -> ServerIdentity:
    """Who the server says this connection is, on this board."""
    role = current_role(conn)
    people = schema.people
    person_id = conn.execute(select(people.c.id).where(people.c.login == role)).scalar()
    linked = conn.execute(
        select(func.count()).select_from(people).where(people.c.login.is_not(None))
    ).scalar_one()
    return ServerIdentity(role, person_id, linked > 0, _can_write(conn))


def _can_write(conn: Connection) -> bool:
    checks = " AND ".join(
        f"has_table_privilege(current_user, '{name}', 'INSERT') "
        f"AND has_table_privilege(current_user, '{name}', 'UPDATE')"
        for name in _WRITTEN
    )
    return bool(conn.execute(text(f"SELECT {checks}")).scalar_one())


def read_only(role: str) -> NotAllowed:
    return NotAllowed(
        QT_TRANSLATE_NOOP(
            "Refusal",
            "you can read this board but not change it: your login role %1 has no write grant. "
            "Ask the database's owner for INSERT and UPDATE on the board's tables.",
        ),
        role,
    )


def read_only_message(role: str) -> str:
    return str(read_only(role))


def server_actor(conn: Connection, claimed: int | None) -> tuple[int | None, str]:
    """The actor a server write is recorded under, and the role that wrote it.

    The client's claim (``--as``, the identity picker) must match the person linked to the
    connecting role; with nobody linked yet the board trusts the claim (as a file does) and
    still records the role."""
    who = server_identity(conn)
    if not who.can_write:
        raise read_only(who.role)
    if not who.enforced:
        return claimed, who.role
    if who.person_id is None:
        raise NotAllowed(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "your login role %1 is not linked to anyone on this board, so the server cannot "
                "say who is making this change; nothing was saved. Someone linked can run: "
                "renkei board people link 'YOUR NAME' --role %1",
            ),
            who.role,
        )
    if claimed is not None and claimed != who.person_id:
        names = dict(
            conn.execute(
                select(schema.people.c.id, schema.people.c.name).where(
                    schema.people.c.id.in_([claimed, who.person_id])
                )
            ).all()
        )
        raise NotAllowed(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "you are connected as login role %1, which is %2 on this board, not %3: on a "
                "server board the server says who you are; nothing was saved",
            ),
            who.role,
            names.get(who.person_id, who.person_id),
            names.get(claimed, claimed),
        )
    return who.person_id, who.role
