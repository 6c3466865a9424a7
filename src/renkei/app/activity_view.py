"""Activity rows in words: ids become names, so "who moved the deadline, when" reads plainly."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from renkei.domain.model import Activity, Board

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
