"""Salvage: every row that can still be read from a damaged board, in a new board.

A damaged file (a disk fault, a half-finished copy by a sync tool) is never changed. Its
tables are read one by one; where a whole table cannot be read, its rows are read one at a
time by rowid, keeping each that comes back. Rows whose references were lost with the
damage (a task whose column was unreadable, history of a person who is gone) are left out
and counted, so the new board is consistent. The new board is built beside its name and
appears only when complete.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Table,
    create_engine,
    delete,
    func,
    insert,
    literal_column,
    select,
)
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.pool import NullPool

from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.store import lease, schema
from renkei.store.copy import TABLES
from renkei.store.database import WRITE, StorageError
from renkei.store.new_board import NewBoard

# Past the highest rowid a table admits to, probe this many more before giving up: damage
# can hide the true end of a table.
PROBE_BEYOND = 1000


class SalvageError(StorageError):
    """Nothing could be salvaged; the message is for the user."""


@dataclass(frozen=True)
class SalvageReport:
    source: str
    destination: str
    kept: dict[str, int]  # table → rows in the new board
    unreadable: dict[str, int]  # table → rows that could not be read (as far as known)
    # (a damaged table is read by rowid: a gap in its rowids counts as a lost row)
    orphaned: dict[str, int]  # table → rows left out because what they refer to was lost

    @property
    def complete(self) -> bool:
        return not any(self.unreadable.values()) and not any(self.orphaned.values())


def salvage_board(source: Path, destination: Path) -> SalvageReport:
    source = Path(source).expanduser().absolute()
    destination = Path(destination).expanduser().absolute()
    if not source.is_file():
        raise SalvageError(QT_TRANSLATE_NOOP("Refusal", "There is no board file at %1."), source)
    if destination.exists():
        raise SalvageError(
            QT_TRANSLATE_NOOP("Refusal", "%1 exists already: name a new file for the salvage."),
            destination,
        )
    with _reading(source) as engine:
        found, unreadable = _read_everything(engine)
    if not found.get("board"):
        found["board"] = []
    orphaned = _drop_orphans(found)
    name = found["board"][0]["name"] if found["board"] else source.stem
    with NewBoard(destination, f"{name}"[:200], like=source) as new:
        assert new.store is not None
        _write(new.store.engine, found)
    return SalvageReport(
        str(source),
        str(destination),
        {table: len(rows) for table, rows in found.items()},
        unreadable,
        orphaned,
    )


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[Engine]:
    """The damaged file, read-only. A journal that cannot be rolled back without writing is
    ignored (immutable): salvage reads what the file holds and changes nothing."""
    plain = f"file:{quote(str(path))}?mode=ro"
    try:
        with contextlib.closing(lease.connect(path, plain)) as probe:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        uri = plain
    except sqlite3.DatabaseError:
        uri = plain + "&immutable=1"
    engine = create_engine(
        "sqlite://", creator=lambda: lease.connect(path, uri), poolclass=NullPool
    )
    try:
        yield engine
    finally:
        engine.dispose()


def _read_everything(engine: Engine) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    found: dict[str, list[dict[str, Any]]] = {}
    unreadable: dict[str, int] = {}
    with engine.connect() as conn:
        try:
            present = set(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table'"
            ).scalars())
        except DBAPIError as error:
            raise SalvageError(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "Nothing can be read from this file: its table list is damaged (%1).",
                ),
                error.orig,
            ) from error
        if "board" not in present and "tasks" not in present:
            raise SalvageError(
                QT_TRANSLATE_NOOP(
                    "Refusal", "This file holds none of a board's tables; nothing to salvage."
                )
            )
        for table in TABLES:
            if table.name not in present:
                found[table.name], unreadable[table.name] = [], 0
                continue
            found[table.name], unreadable[table.name] = _read_table(conn, table)
    return found, unreadable


def _columns(conn: Connection, table: Table) -> list[Column[Any]]:
    """This build's columns that the damaged file's table has (an older board lacks some)."""
    try:
        names = {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table.name})")}
    except DBAPIError:
        names = set(table.c.keys())
    return [column for column in table.c if column.name in names]


def _read_table(conn: Connection, table: Table) -> tuple[list[dict[str, Any]], int]:
    columns = _columns(conn, table)
    query = select(*columns)
    try:
        return [row._asdict() for row in conn.execute(query)], 0
    except (DBAPIError, StatementError, ValueError):
        pass
    rowid: ColumnElement[int] = literal_column("rowid", Integer)
    try:
        highest: int = conn.execute(select(func.max(rowid)).select_from(table)).scalar() or 0
    except DBAPIError:
        highest = 0
    kept: list[dict[str, Any]] = []
    missing = 0  # rowids up to the highest that gave no row: lost to the damage (or deleted)
    for candidate in range(1, highest + PROBE_BEYOND + 1):
        try:
            row = conn.execute(query.where(rowid == candidate)).first()
        except (DBAPIError, StatementError, ValueError):
            row = None
        if row is not None:
            kept.append(row._asdict())
        elif candidate <= highest:
            missing += 1
    return kept, missing


def _drop_orphans(found: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Leave out rows that name a row the damage took (tables in dependency order)."""
    orphaned: dict[str, int] = {}
    ids: dict[str, set[Any]] = {}
    for table in TABLES:
        rows = found.get(table.name, [])
        keep = []
        for row in rows:
            if all(
                row.get(fk.parent.name) is None
                or row[fk.parent.name] in ids.get(fk.column.table.name, set())
                for fk in table.foreign_keys
            ):
                keep.append(row)
        orphaned[table.name] = len(rows) - len(keep)
        found[table.name] = keep
        if "id" in table.c:
            ids[table.name] = {row.get("id") for row in keep}
    return orphaned


def _write(engine: Engine, found: dict[str, list[dict[str, Any]]]) -> None:
    with engine.connect().execution_options(**WRITE) as conn, conn.begin():
        if found["board"]:
            # The new board's own row and default workflow make way for the salvaged ones.
            conn.execute(delete(schema.board_table))
            if found.get("statuses"):
                conn.execute(delete(schema.statuses))
        if found.get("handoff_templates"):
            conn.execute(delete(schema.handoff_templates))
        for table in TABLES:
            rows = found.get(table.name)
            if rows:
                conn.execute(insert(table), rows)
        revision = max((row["revision"] for row in found.get("activity", [])), default=0)
        # The board's revision is never below its history's, or the change feed would stall.
        board = schema.board_table
        conn.execute(board.update().where(board.c.revision < revision).values(revision=revision))

