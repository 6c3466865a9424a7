"""Database rows → frozen domain dataclasses (plain data crosses layers, never ORM rows)."""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from renkei.domain import fields
from renkei.domain.handoff import Handoff, HandoffState
from renkei.domain.model import (
    Activity,
    Person,
    Priority,
    Project,
    RiskFlag,
    Standup,
    Status,
    StoredTemplate,
    Task,
    Team,
)

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy import Row

    # Any row a query gives, whatever its columns.
    AnyRow: TypeAlias = Row[*tuple[Any, ...]]
    # A row as read, or the columns of a row just written (a batch of new tasks, see
    # store/writer.py): both name their columns as attributes.
    Columns: TypeAlias = AnyRow | SimpleNamespace


def team(r: Columns) -> Team:
    return Team(id=r.id, name=r.name, position=r.position, version=r.version)


def person(r: Columns) -> Person:
    return Person(
        id=r.id,
        name=r.name,
        team_id=r.team_id,
        role=r.role or "",
        contact=r.contact or "",
        version=r.version,
        login=r.login,
    )


def project(r: Columns) -> Project:
    return Project(id=r.id, name=r.name, version=r.version, due=r.due)


def status(r: Columns) -> Status:
    return Status(
        id=r.id,
        name=r.name,
        position=r.position,
        wip_limit=r.wip_limit,
        is_done=bool(r.is_done),
        version=r.version,
    )


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector held off while a whole board is converted. Its rows make
    no reference cycles, yet every 700 new objects set off a collection, and the older
    generations' ones walk the whole growing heap again: measured on a 50,000-task board,
    about half of the load (2.0 s of it against 1.0 s with the collector paused)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


_PRIORITIES = {p.value: p for p in Priority}


# The task table's columns in the order task_from_values() unpacks them: the board's load
# selects exactly these and unpacks each row by position (reading 10,000 rows by column name
# cost more than converting them).
TASK_COLUMNS = (
    *("id", "title", "status_id", "team_id", "owner_id", "project_id", "description"),
    *("priority", "start", "due", "progress", "estimate_hours", "tags", "archived"),
    *("position", "flag_reason", "flag_by", "flag_at", "created_at", "updated_at"),
    *("version", "source_id"),
)


def task(r: Columns, depends_on: tuple[int, ...] = ()) -> Task:
    return task_from_values(tuple(getattr(r, name) for name in TASK_COLUMNS), depends_on)


def task_from_values(values: tuple[Any, ...], depends_on: tuple[int, ...] = ()) -> Task:
    """A task from its TASK_COLUMNS values, in that order."""
    (id_, title, status_id, team_id, owner_id, project_id, description) = values[:7]
    (priority, start, due, progress, estimate_hours, tags, archived) = values[7:14]
    (position, flag_reason, flag_by, flag_at, created_at, updated_at) = values[14:20]
    (version, source_id) = values[20:]
    flag = None
    if flag_reason:
        flag = RiskFlag(reason=flag_reason, set_by=flag_by, set_at=flag_at or datetime.min)
    return Task(
        id=id_,
        title=title,
        status_id=status_id,
        team_id=team_id,
        owner_id=owner_id,
        project_id=project_id,
        description=description or "",
        priority=_PRIORITIES.get(priority, Priority.NORMAL),
        start=start,
        due=due,
        progress=progress or 0,
        estimate_hours=estimate_hours,
        tags=tuple(_json(tags)),
        depends_on=depends_on,
        archived=bool(archived),
        position=position or 0.0,
        flag=flag,
        created_at=created_at,
        updated_at=updated_at,
        version=version,
        source_id=source_id,
    )


def activity(r: Columns) -> Activity:
    return Activity(
        id=r.id,
        at=r.at,
        actor_id=r.actor_id,
        entity=r.entity,
        entity_id=r.entity_id,
        field=r.field,
        old=r.old,
        new=r.new,
        revision=r.revision,
        login=r.login,
    )


def _json(text: str | None) -> list[Any]:
    if not text or text == "[]":  # most handoffs have no questions, nothing returned
        return []
    parsed: list[Any] = json.loads(text)
    return parsed


# The handoff table's columns in the order handoff_from_values() unpacks them (as
# TASK_COLUMNS: the board's load reads them by position).
HANDOFF_COLUMNS = (
    *("id", "task_id", "template", "sender_id", "sender_team_id", "receiver_id"),
    *("receiver_team_id", "note", "items", "state", "sent_at", "acknowledged_at"),
    *("resolved_at", "reason", "returned_missing", "questions", "version"),
)


def handoff(r: Columns) -> Handoff:
    return handoff_from_values(tuple(getattr(r, name) for name in HANDOFF_COLUMNS))


def handoff_from_values(values: tuple[Any, ...]) -> Handoff:
    """A handoff from its HANDOFF_COLUMNS values, in that order."""
    (id_, task_id, template, sender_id, sender_team_id, receiver_id) = values[:6]
    (receiver_team_id, note, items, state, sent_at, acknowledged_at) = values[6:12]
    (resolved_at, reason, returned_missing, questions, version) = values[12:]
    return Handoff(
        id=id_,
        task_id=task_id,
        template=template,
        sender_id=sender_id,
        sender_team_id=sender_team_id,
        receiver_id=receiver_id,
        receiver_team_id=receiver_team_id,
        note=note or "",
        items=tuple(fields.item_from_data(d) for d in _json(items)),
        state=HandoffState(state),
        sent_at=sent_at,
        acknowledged_at=acknowledged_at,
        resolved_at=resolved_at,
        reason=reason,
        returned_missing=tuple(_json(returned_missing)),
        questions=tuple(fields.question_from_data(d) for d in _json(questions)),
        version=version,
    )


def handoff_template(r: Columns) -> StoredTemplate:
    return StoredTemplate(
        name=r.name,
        items=tuple(_json(r.items)),
        sla_business_days=r.sla_business_days,
        from_team=r.from_team,
        to_team=r.to_team,
        label=r.label or "",
        id=r.id,
        version=r.version,
    )


def standup(r: Columns) -> Standup:
    return Standup(id=r.id, held_at=r.held_at, held_by=r.held_by, version=r.version)


CONVERTERS: dict[str, Callable[[Columns], Any]] = {
    "task": task,
    "person": person,
    "team": team,
    "project": project,
    "status": status,
    "handoff": handoff,
    "handoff_template": handoff_template,
    "standup": standup,
}

_JSON_COLUMNS = {"items", "returned_missing", "questions"}


def columns(entity: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Domain field values → the entity's table columns."""
    if entity == "task":
        return task_columns(values)
    if entity in ("handoff", "handoff_template"):
        return {
            name: fields.to_json(value)
            if name in _JSON_COLUMNS
            else value.value
            if isinstance(value, HandoffState)
            else value
            for name, value in values.items()
        }
    return dict(values)


def task_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    """Domain field values → task table columns."""
    columns: dict[str, Any] = {}
    for name, value in values.items():
        if name == "depends_on":
            continue
        if name == "flag":
            columns["flag_reason"] = value.reason if value else None
            columns["flag_by"] = value.set_by if value else None
            columns["flag_at"] = value.set_at if value else None
        elif name == "tags":
            columns["tags"] = json.dumps(list(value), ensure_ascii=False)
        elif name == "priority":
            columns["priority"] = int(value)
        else:
            columns[name] = value
    return columns
