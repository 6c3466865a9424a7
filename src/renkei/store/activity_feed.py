"""The audit trail read revision by revision: what ``renkei watch`` prints.

The session's feed (``BoardStore.changes_since``) folds a row's edits into the row as it is
now, which is right for a snapshot. A stream must show every revision as it was, so these
reads return the Activity rows themselves, a page at a time (a large import must not be
loaded at once), and the values a new row had in the revision that made it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Table, and_, or_, select

from renkei.domain import fields
from renkei.domain.model import Activity
from renkei.store import rows, schema
from renkei.store.schema import ENTITY_TABLES

# Activity rows per read: a 10,000-task import is read in pieces, never all at once.
ACTIVITY_PAGE = 2000


def activity_since(
    conn: Connection,
    revision: int,
    limit: int = ACTIVITY_PAGE,
    *,
    after_id: int | None = None,
    upto: int | None = None,
) -> list[Activity]:
    """Activity rows of revisions after ``revision`` (and of ``revision`` itself after row
    ``after_id``, to read on from a page that ended inside a revision), up to ``upto``;
    ordered by revision, then id; at most ``limit``."""
    table = schema.activity
    if after_id is None:
        query = select(table).where(table.c.revision > revision)
    else:
        # The first condition lets the revision index narrow the read; the second drops
        # the rows of ``revision`` already read.
        query = select(table).where(
            table.c.revision >= revision,
            or_(
                table.c.revision > revision,
                and_(table.c.revision == revision, table.c.id > after_id),
            ),
        )
    if upto is not None:
        query = query.where(table.c.revision <= upto)
    query = query.order_by(table.c.revision, table.c.id).limit(limit)
    return [rows.activity(r) for r in conn.execute(query)]


def values_as_of(
    conn: Connection, entity: str, ids: Iterable[int], revision: int
) -> dict[int, dict[str, str | None]]:
    """Each row's fields as they stood right after ``revision`` (Activity text, as
    ``fields.encode`` writes it): the row now, with every later recorded change undone.
    Rows that no longer exist are left out. ``conn`` should see one moment of the board."""
    wanted = sorted(set(ids))
    if entity not in ENTITY_TABLES or not wanted:
        return {}
    table = ENTITY_TABLES[entity]
    specs = fields.SPECS.get(entity, {})
    found: dict[int, dict[str, str | None]] = {}
    for start in range(0, len(wanted), ACTIVITY_PAGE):
        chunk = wanted[start : start + ACTIVITY_PAGE]
        for row in _rows_now(conn, entity, table, chunk):
            found[row.id] = {
                name: fields.encode(getattr(row, name)) for name in specs if hasattr(row, name)
            }
        activity = schema.activity
        later = conn.execute(
            select(activity.c.entity_id, activity.c.field, activity.c.old)
            .where(
                activity.c.entity == entity,
                activity.c.entity_id.in_(chunk),
                activity.c.revision > revision,
            )
            .order_by(activity.c.revision.desc(), activity.c.id.desc())
        )
        # Newest first: each older change's "old" replaces what a newer one left, so
        # the earliest later change's "old" — the value at ``revision`` — stays.
        for entity_id, field, old in later:
            values = found.get(entity_id)
            if values is not None and field in values:
                values[field] = old
    return found


def _rows_now(conn: Connection, entity: str, table: Table, ids: list[int]) -> list[Any]:
    result = conn.execute(select(table).where(table.c.id.in_(ids)))
    if entity != "task":
        return [rows.CONVERTERS[entity](r) for r in result]
    found = result.all()
    deps: dict[int, list[int]] = defaultdict(list)
    links = schema.dependencies
    for successor, predecessor in conn.execute(
        select(links.c.successor_id, links.c.predecessor_id)
        .where(links.c.successor_id.in_(ids))
        .order_by(links.c.successor_id, links.c.predecessor_id)
    ):
        deps[successor].append(predecessor)
    return [rows.task(r, tuple(deps.get(r.id, ()))) for r in found]
