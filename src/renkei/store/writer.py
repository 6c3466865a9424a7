"""One write transaction of a board: commands checked, rows written with their Activity, the
revision bumped; what ``BoardStore.apply_all`` and ``apply_steps`` run inside their retries."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, text, update

from renkei.domain import fields
from renkei.domain.commands import (
    Change,
    Command,
    ConflictError,
    Create,
    FieldChange,
    NewRow,
    Record,
    RowChange,
    SetFields,
)
from renkei.domain.dependencies import would_cycle
from renkei.domain.ordering import GAP
from renkei.store import confirm, rows, schema
from renkei.store import writer_words as words
from renkei.store.schema import ENTITY_TABLES

POSITION_GAP = GAP
NOTIFY_CHANNEL = "renkei_changes"


# Entities whose ``name`` is unique (case-insensitively), and the table that holds them.
UNIQUE_NAMES = {"team": schema.teams, "handoff_template": schema.handoff_templates}


# New tasks written by one multi-row INSERT per this many.
TASK_BATCH = 1000
# Every task column a new row gets when its Create does not name it (the table's defaults).
_TASK_DEFAULTS: dict[str, Any] = {
    "description": "",
    "team_id": None,
    "owner_id": None,
    "project_id": None,
    "priority": 1,
    "start": None,
    "due": None,
    "progress": 0,
    "estimate_hours": None,
    "tags": "[]",
    "archived": False,
    "flag_reason": None,
    "flag_by": None,
    "flag_at": None,
    "source_id": None,
}


def read_row(conn: Connection, entity: str, entity_id: int) -> Any:
    """One row as a domain object (a task with its dependencies), or None."""
    table = ENTITY_TABLES[entity]
    row = conn.execute(select(table).where(table.c.id == entity_id)).first()
    if row is None:
        return None
    if entity != "task":
        return rows.CONVERTERS[entity](row)
    deps = tuple(
        conn.execute(
            select(schema.dependencies.c.predecessor_id)
            .where(schema.dependencies.c.successor_id == entity_id)
            .order_by(schema.dependencies.c.predecessor_id)
        ).scalars()
    )
    return rows.task(row, deps)


# Ids per ``IN (...)`` when many rows are read at once (well under SQLite's variable limit).
IDS_PER_READ = 500


def read_rows(conn: Connection, entity: str, entity_ids: Iterable[int]) -> dict[int, Any]:
    """Many rows of one kind as domain objects by id, as ``read_row`` reads one, in two
    queries per ``IDS_PER_READ`` (rows, then the tasks' dependencies); a colleague's 300
    new tasks are not 600 round trips. Ids not found are left out."""
    table = ENTITY_TABLES[entity]
    links = schema.dependencies.c
    ids = sorted(set(entity_ids))
    found: dict[int, Any] = {}
    for start in range(0, len(ids), IDS_PER_READ):
        chunk = ids[start : start + IDS_PER_READ]
        if entity != "task":
            read = conn.execute(select(table).where(table.c.id.in_(chunk))).all()
            found.update((r.id, rows.CONVERTERS[entity](r)) for r in read)
            continue
        # Tasks by position, as the board's load reads them (by name cost more than converting).
        task_columns = [table.c[name] for name in rows.TASK_COLUMNS]
        values = conn.execute(select(*task_columns).where(table.c.id.in_(chunk))).all()
        depends: dict[int, list[int]] = defaultdict(list)
        for successor, predecessor in conn.execute(
            select(links.successor_id, links.predecessor_id)
            .where(links.successor_id.in_(chunk))
            .order_by(links.predecessor_id)
        ):
            depends[successor].append(predecessor)
        found.update(
            (v[0], rows.task_from_values(tuple(v), tuple(depends.get(v[0], ())))) for v in values
        )
    return found


class Writer:
    """One write transaction: validates, writes rows and their Activity, bumps the revision."""

    def __init__(
        self,
        conn: Connection,
        actor_id: int | None,
        at: datetime,
        login: str | None,
        change_id: str | None = None,
    ):
        self.conn = conn
        self.actor_id = actor_id
        self.at = at
        self.login = login  # who the machine says is writing (rows with their own author: None)
        self.change_id = change_id  # written on every Activity row of this change
        # FOR UPDATE serialises writers on PostgreSQL (SQLite's BEGIN IMMEDIATE already does):
        # every revision number is used once, so the change feed misses nothing.
        self.revision = (
            conn.execute(select(schema.board_table.c.revision).with_for_update()).scalar_one() + 1
        )
        self.activity: list[dict[str, Any]] = []
        self.changes: list[RowChange] = []
        self._known: dict[str, set[int]] = {}
        self.keys: dict[str, int] = {}  # Create.key → the id of the row it made
        self._positions: dict[int, float] = {}  # status id → the highest card position
        self._pending_tasks: list[Create] = []
        self.recorded = 0  # history rows written by Record commands

    def already_saved(self) -> Change | None:
        """The change, when its id is on the board already: an earlier try saved it. Asked
        after the revision row is taken (FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on SQLite),
        so no other try of the same change can be writing meanwhile."""
        if self.change_id is None:
            return None
        revision = confirm.saved_revision(self.conn, self.change_id)
        if revision is None:
            return None
        return Change(revision, self.actor_id, (), already_saved=True)

    def run(
        self, commands: Sequence[Command], progress: Callable[[int, int], None] | None
    ) -> Change:
        if self.actor_id is not None and self.actor_id not in self.known_ids("person"):
            raise words.missing_actor(self.actor_id)
        total = len(commands)
        for done, command in enumerate(commands, 1):
            if isinstance(command, Create) and command.entity == "task":
                values = dict(command.values)
                if not values.get("depends_on"):
                    # Runs of new tasks (an import, a synthetic board) go in as one
                    # multi-row INSERT; anything else writes them first, keeping the order.
                    self._pending_tasks.append(command)
                    if len(self._pending_tasks) >= TASK_BATCH:
                        self.flush_tasks()
                else:
                    self.flush_tasks()
                    self.create(command)
            else:
                self.flush_tasks()
                if isinstance(command, Create):
                    self.create(command)
                elif isinstance(command, Record):
                    self.record(command)
                else:
                    self.set_fields(command)
            if progress is not None and (done % 200 == 0 or done == total):
                progress(done, total)
        self.flush_tasks()
        if not self.changes and not self.recorded:
            return Change(self.revision - 1, self.actor_id, ())
        self.conn.execute(update(schema.board_table).values(revision=self.revision))
        for row in self.activity:
            # Imported history and backdated creations bring their own time and author.
            row["revision"] = self.revision
            row.setdefault("at", self.at)
            row.setdefault("actor_id", self.actor_id)
            row.setdefault("login", self.login)
            row["change_id"] = self.change_id
        self.conn.execute(insert(schema.activity), self.activity)
        if self.conn.dialect.name == "postgresql":
            # Delivered to listeners when this transaction commits, not before.
            self.conn.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": NOTIFY_CHANNEL, "payload": str(self.revision)},
            )
        return Change(self.revision, self.actor_id, tuple(self.changes))

    # -- helpers -------------------------------------------------------------------------

    def known_ids(self, entity: str) -> set[int]:
        if entity not in self._known:
            table = ENTITY_TABLES[entity]
            self._known[entity] = set(self.conn.execute(select(table.c.id)).scalars())
        return self._known[entity]

    def check_references(self, entity: str, values: dict[str, Any]) -> None:
        for name, target in fields.REFERENCES.items():
            value = values.get(name)
            if value is not None and value not in self.known_ids(target):
                raise words.missing(name.removesuffix("_id"), value)
        if entity == "task" and values.get("depends_on"):
            missing = set(values["depends_on"]) - self.known_ids("task")
            if missing:
                raise words.missing("task", min(missing))
        flag = values.get("flag")
        if (
            flag is not None
            and flag.set_by is not None
            and flag.set_by not in self.known_ids("person")
        ):
            raise words.missing_flagger(flag.set_by)

    def check_unique_name(self, entity: str, values: dict[str, Any], own_id: int | None) -> None:
        """Team and template names are unique (lanes and CLI arguments use them); say so, do
        not crash."""
        if entity == "person" and values.get("login"):
            people = schema.people
            taken = self.conn.execute(
                select(people.c.id, people.c.name).where(people.c.login == values["login"])
            ).first()
            if taken is not None and taken.id != own_id:
                raise words.login_taken(values["login"], taken.name)
        table = UNIQUE_NAMES.get(entity)
        if table is None or "name" not in values:
            return
        clash = self.conn.execute(
            select(table.c.id).where(func.lower(table.c.name) == values["name"].lower())
        ).first()
        if clash is not None and clash.id != own_id:
            raise words.name_taken(entity, values["name"])

    def normalise(self, entity: str, values: Iterable[tuple[str, Any]]) -> dict[str, Any]:
        if entity not in ENTITY_TABLES:
            raise words.unknown_kind(entity)
        return {
            name: fields.check_value(entity, name, self.resolve(value)) for name, value in values
        }

    def text_of(self, value: str | NewRow | None) -> str | None:
        """A Record's old/new value as the audit trail keeps it (a new row by its id)."""
        if isinstance(value, NewRow):
            return str(self.resolve(value))
        return value

    def resolve(self, value: Any) -> Any:
        """A ``NewRow`` placeholder → the id of the row its Create made in this batch; also
        inside a tuple (``depends_on``) or a value's fields (a flag's ``set_by``)."""
        if isinstance(value, tuple):
            return tuple(self.resolve(v) for v in value)
        if not isinstance(value, NewRow):
            if dataclasses.is_dataclass(value) and not isinstance(value, type):
                placeholders = {
                    f.name: self.resolve(getattr(value, f.name))
                    for f in dataclasses.fields(value)
                    if isinstance(getattr(value, f.name), NewRow)
                }
                return dataclasses.replace(value, **placeholders) if placeholders else value
            return value
        found = self.keys.get(value.key)
        if found is None:
            raise words.not_created(value.key)
        return found

    def read(self, entity: str, entity_id: int) -> Any:
        found = read_row(self.conn, entity, entity_id)
        if found is None:
            raise words.missing(entity, entity_id)
        return found

    # -- commands ------------------------------------------------------------------------

    def checked_new_row(
        self, command: Create
    ) -> tuple[dict[str, Any], dict[str, Any], datetime, int | None, tuple[int, ...]]:
        """A Create's values checked, and the columns of its new row: (values, columns, when,
        by whom, the tasks it depends on). Shared by ``create`` and the batched tasks."""
        entity = command.entity
        values = self.normalise(entity, command.values)
        at = command.at or self.at
        by = self.resolve(command.by) if command.by is not None else self.actor_id
        if by is not None and by not in self.known_ids("person"):
            raise words.missing_author(by)
        for name, spec in fields.SPECS[entity].items():
            if spec.required and values.get(name) in (None, ""):
                raise words.required(name)
        self.check_references(entity, values)
        self.check_unique_name(entity, values, None)
        depends_on = values.pop("depends_on", ())
        if entity != "task":
            return values, dict(rows.columns(entity, values), version=1), at, by, depends_on
        if values.get("position") is None:
            values["position"] = self.next_position(values["status_id"])
        else:
            self.note_position(values["status_id"], values["position"])
        start, due = values.get("start"), values.get("due")
        if start is not None and due is not None and due < start:
            raise words.due_before_start()
        columns = rows.task_columns(values)
        columns.update(created_at=at, updated_at=at, version=1)
        return values, columns, at, by, depends_on

    def note_created(
        self, entity: str, new_id: int, command: Create, label: Any, at: datetime, by: int | None
    ) -> None:
        """The new row's id for later commands of the batch, and its "created" history row."""
        self.known_ids(entity).add(new_id)
        if command.key is not None:
            self.keys[command.key] = new_id
        self.activity.append(
            {
                "entity": entity,
                "entity_id": new_id,
                "field": "created",
                "old": None,
                "new": label,
                "at": at,
                "actor_id": by,
                # A row an import made under its source's author is history, not this login's.
                **({"login": None} if command.by is not None else {}),
            }
        )

    def create(self, command: Create) -> None:
        entity = command.entity
        values, columns, at, by, depends_on = self.checked_new_row(command)
        table = ENTITY_TABLES[entity]
        inserted = self.conn.execute(insert(table).values(**columns)).inserted_primary_key
        assert inserted is not None  # a single-row INSERT always has its key
        new_id: int = inserted[0]
        if depends_on:
            self.conn.execute(
                insert(schema.dependencies),
                [{"successor_id": new_id, "predecessor_id": p} for p in depends_on],
            )
        label = values.get("title") or values.get("name") or values.get("template")
        self.note_created(entity, new_id, command, label, at, by)
        row = self.read(entity, new_id)
        if entity != "task":
            fields.check_row(entity, row)
        self.changes.append(RowChange(entity, new_id, True, (), row, self.revision, by))

    def record(self, command: Record) -> None:
        """One imported history row, checked like the rows it talks about."""
        if command.entity not in ENTITY_TABLES:
            raise words.unknown_kind(command.entity)
        entity_id = self.resolve(command.entity_id)
        if entity_id not in self.known_ids(command.entity):
            raise words.missing(command.entity, entity_id)
        by = self.resolve(command.by)
        if by is not None and by not in self.known_ids("person"):
            raise words.missing_changer(by)
        if not command.field or len(command.field) > 40:
            raise words.history_field()
        for value in (command.field, command.old, command.new):
            if isinstance(value, str):
                fields.check_text(f"the history of {command.field!r}", value, multiline=True)
        self.activity.append(
            {
                "entity": command.entity,
                "entity_id": entity_id,
                "field": command.field,
                "old": self.text_of(command.old),
                "new": self.text_of(command.new),
                "at": command.at,
                "actor_id": by,
                "login": None,  # imported history keeps its own author, no login of ours
            }
        )
        self.recorded += 1

    def next_position(self, status_id: int) -> float:
        """The end of a column; remembered for this transaction (it holds the write lock)."""
        highest = self._positions.get(status_id)
        if highest is None:
            highest = self.conn.execute(
                select(func.max(schema.tasks.c.position)).where(
                    schema.tasks.c.status_id == status_id
                )
            ).scalar()
        position = (highest or 0.0) + POSITION_GAP
        self._positions[status_id] = position
        return position

    def note_position(self, status_id: int, position: float) -> None:
        highest = self._positions.get(status_id)
        if highest is not None and position > highest:
            self._positions[status_id] = position

    def flush_tasks(self) -> None:
        """Write the pending new tasks with one multi-row INSERT … RETURNING: checked exactly
        as ``create`` checks one, recorded the same way (a created Activity row each)."""
        batch, self._pending_tasks = self._pending_tasks, []
        if len(batch) == 1:
            self.create(batch[0])
        if len(batch) <= 1:
            return
        prepared = []
        for command in batch:
            values, columns, at, by, _ = self.checked_new_row(command)
            prepared.append((command, values, {**_TASK_DEFAULTS, **columns}, at, by))
        table = schema.tasks
        ids = (
            self.conn.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True),
                [row for _, _, row, _, _ in prepared],
            )
            .scalars()
            .all()
        )
        for new_id, (command, values, row, at, by) in zip(ids, prepared, strict=True):
            self.note_created("task", new_id, command, values["title"], at, by)
            task = rows.task(SimpleNamespace(id=new_id, **row))
            self.changes.append(RowChange("task", new_id, True, (), task, self.revision, by))

    def set_fields(self, command: SetFields) -> None:
        entity = command.entity
        values = self.normalise(entity, command.values)
        current = self.read(entity, self.resolve(command.entity_id))
        base = {name: self.resolve(value) for name, value in command.base or ()}
        conflicts = []
        changed: dict[str, Any] = {}
        for name, value in values.items():
            stored = getattr(current, name)
            if name in base and stored != base[name] and stored != value:
                conflicts.append((name, stored, value))
            elif stored != value:
                changed[name] = value
        if conflicts:
            raise ConflictError(entity, current.id, tuple(conflicts))
        if not changed:
            return
        if entity == "task" and ("position" in changed or "status_id" in changed):
            self._positions.clear()  # a card moved: read the columns' ends again
        self.check_references(entity, changed)
        self.check_unique_name(entity, changed, current.id)
        updated = dataclasses.replace(current, **changed)
        fields.check_row(entity, updated)
        if entity == "task" and "depends_on" in changed:
            self.check_no_cycle(updated.id, updated.depends_on)
        table = ENTITY_TABLES[entity]
        columns = rows.columns(entity, changed)
        if entity == "task":
            columns["updated_at"] = self.at
            updated = dataclasses.replace(updated, updated_at=self.at)
        result = self.conn.execute(
            update(table)
            .where(table.c.id == current.id, table.c.version == current.version)
            .values(**columns, version=current.version + 1)
        )
        if result.rowcount != 1:  # pragma: no cover - the write lock makes this unreachable
            raise ConflictError(entity, current.id, ())
        if "depends_on" in changed:
            deps = schema.dependencies
            self.conn.execute(delete(deps).where(deps.c.successor_id == current.id))
            if updated.depends_on:
                self.conn.execute(
                    insert(deps),
                    [{"successor_id": current.id, "predecessor_id": p} for p in updated.depends_on],
                )
        field_changes = tuple(
            FieldChange(name, getattr(current, name), value) for name, value in changed.items()
        )
        for fc in field_changes:
            self.activity.append(
                {
                    "entity": entity,
                    "entity_id": current.id,
                    "field": fc.name,
                    "old": fields.encode(fc.old),
                    "new": fields.encode(fc.new),
                }
            )
        updated = dataclasses.replace(updated, version=current.version + 1)
        self.changes.append(
            RowChange(
                entity, current.id, False, field_changes, updated, self.revision, self.actor_id
            )
        )

    def check_no_cycle(self, task_id: int, depends_on: tuple[int, ...]) -> None:
        graph: dict[int, list[int]] = defaultdict(list)
        for succ, pred in self.conn.execute(
            select(schema.dependencies.c.successor_id, schema.dependencies.c.predecessor_id)
        ):
            graph[succ].append(pred)
        if would_cycle(graph, task_id, depends_on):
            raise words.loop()
