"""Activity rows in words: ids become names, so "who moved the deadline, when" reads plainly."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from renkei.domain.model import Activity, Board, Person

# Reference fields are stored as ids; people read names.
_REFERENCE_FIELDS = {
    "status_id": ("status", "statuses"),
    "team_id": ("team", "teams"),
    "owner_id": ("owner", "people"),
    "project_id": ("project", "projects"),
}


@dataclass(frozen=True, slots=True)
class ActivityLine:
    at: datetime
    actor: str | None
    entity: str
    entity_id: int
    field: str
    old: str | None
    new: str | None
    # The login that wrote the row, when it is not plainly the named person's (else None):
    # "Kenta Mori (login: yuki)" tells a reader the name was chosen, not proven.
    other_login: str | None = None


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def login_matches(person: Person, login: str) -> bool:
    """Whether ``login`` is plainly this person's: the login linked to them (exactly), or,
    when none is linked, one spelled from their name (kenta, mori, kentamori, kmori, …)."""
    if person.login is not None:
        return person.login == login
    parts = [_letters(p) for p in person.name.split() if _letters(p)]
    if not parts:
        return False
    spelled = set(parts) | {"".join(parts), "".join(reversed(parts))}
    first, last = parts[0], parts[-1]
    if len(parts) > 1:
        spelled |= {first[0] + last, last[0] + first, first + last[0], last + first[0]}
    return _letters(login) in spelled


def other_login(board: Board, row: Activity) -> str | None:
    """The row's login when it should be shown beside the name (see ``ActivityLine``)."""
    if not row.login:
        return None
    person = board.people.get(row.actor_id) if row.actor_id is not None else None
    if person is not None and login_matches(person, row.login):
        return None
    return row.login


def actor_text(board: Board, row: Activity, nobody: str = "(nobody)") -> str:
    """``Kenta Mori``, or ``Kenta Mori (login: yuki)`` when the login is someone else's."""
    person = board.people.get(row.actor_id) if row.actor_id is not None else None
    name = person.name if person is not None else nobody
    login = other_login(board, row)
    return f"{name} (login: {login})" if login else name


def describe_activity(board: Board, row: Activity) -> ActivityLine:
    field, old, new = row.field, row.old, row.new
    if field in _REFERENCE_FIELDS:
        field, collection = _REFERENCE_FIELDS[field]
        old = _name(board, collection, old)
        new = _name(board, collection, new)
    elif field == "flag":
        old, new = _flag_reason(old), _flag_reason(new)
    actor = board.people.get(row.actor_id) if row.actor_id is not None else None
    return ActivityLine(
        at=row.at,
        actor=actor.name if actor else None,
        entity=row.entity,
        entity_id=row.entity_id,
        field=field,
        old=old,
        new=new,
        other_login=other_login(board, row),
    )


def _name(board: Board, collection: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        item = getattr(board, collection).get(int(value))
    except ValueError:
        return value
    return item.name if item else f"#{value}"


def _flag_reason(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return str(json.loads(value)["reason"])
    except (ValueError, KeyError, TypeError):
        return value
