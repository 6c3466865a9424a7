"""Copying a whole board between SQLite files and PostgreSQL databases, in either direction.

Every row of every table moves with its id: the board row (name, revision, settings), teams,
people, projects, statuses, tasks, dependencies and the whole Activity history (times, actors,
revisions). The source is read in one read transaction, so the copy is consistent while
others keep writing; the destination is written in one transaction — migrations included —
so a failure leaves nothing behind (a new SQLite file made by the copy is deleted).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, Table, delete, func, insert, make_url, select, text
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence
from renkei.files import create_like
from renkei.store import migrate, schema
from renkei.store.board_store import MIGRATION_LOCK, BoardStore
from renkei.store.database import (
    WRITE,
    StorageError,
    is_url,
    make_engine,
    server_url,
    sqlite_url,
)

BATCH = 1000

# The same key BoardStore uses while it migrates a server database: a Renkei opening the
# destination meanwhile waits for the copy to commit, then finds a finished board.

# Dependency order: every table after the tables its rows refer to.
TABLES: tuple[Table, ...] = (
    schema.board_table,
    schema.teams,
    schema.people,
    schema.projects,
    schema.statuses,
    schema.handoff_templates,
    schema.tasks,
    schema.dependencies,
    schema.handoffs,
    schema.standups,
    schema.activity,
)

# Rows a board made by BoardStore.open holds before anyone used it: its board row and the
# default workflow. Anything beyond that is somebody's work.
_WORK_TABLES = (
    schema.teams,
    schema.people,
    schema.projects,
    schema.tasks,
    schema.dependencies,
    schema.handoffs,
    schema.activity,
)

Progress = Callable[[int, int], None]


class CopyError(StorageError):
    """The copy cannot be made; the message is for the user. Nothing was changed."""


@dataclass(frozen=True)
class CopyReport:
    source: str  # where the board came from (a path, or a URL without its password)
    destination: str
    board_name: str
    revision: int
    counts: dict[str, int]  # table name → rows copied

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def copy_board(source: str, destination: str, progress: Progress | None = None) -> CopyReport:
    """Copy the board at ``source`` into ``destination`` (paths or ``postgresql+psycopg://``
    URLs). The destination must be new: a file that does not exist yet, an empty database,
    or a board nobody has used (revision 0, no work in it). All or nothing."""
    source, destination = _as_path(source), _as_path(destination)
    store = _open_source(source)
    try:
        target = _Destination(destination)
        if _same_place(target.location, store.location):
            raise CopyError(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "The source and the destination are the same board; nothing was done.",
                )
            )
        if target.new_file is not None and not is_url(store.location):
            # A copy of a file board is as private (or as shared) as the board itself.
            try:
                create_like(target.new_file, store.location)
            except OSError as error:
                raise CopyError(
                    QT_TRANSLATE_NOOP("Refusal", "Cannot create %1: %2. Nothing was copied."),
                    target.new_file,
                    error.strerror or error,
                ) from None
        return target.copy_from(store, progress)
    finally:
        store.dispose()


def _as_path(target: str) -> str:
    """``sqlite:///board.renkei`` is a file like any other (and deleted like one on failure)."""
    return target.removeprefix("sqlite:///") if target.startswith("sqlite:///") else target


def _same_place(one: str, other: str) -> bool:
    """Two spellings of one board: the same file, or the same database on the same server
    (whatever the password and driver spelling)."""
    if is_url(one) != is_url(other):
        return False
    if not is_url(one):
        return Path(one).resolve() == Path(other).resolve()
    try:
        first, second = make_url(one), make_url(other)
    except ArgumentError:
        return one == other
    return (first.get_backend_name(), first.host, first.port or 5432, first.database) == (
        second.get_backend_name(),
        second.host,
        second.port or 5432,
        second.database,
    )


# -- the source -------------------------------------------------------------------------------


def _open_source(source: str) -> BoardStore:
    """The source board, refused (untouched) when it is missing, empty or not a board."""
    if is_url(source):
        engine = _engine(source)
        name = engine.url.database or source
        try:
            with _reaching(engine, "source"), engine.connect() as conn:
                revision = migrate.inspect_database(conn, name)
        finally:
            engine.dispose()
        if revision is None:
            raise CopyError(
                QT_TRANSLATE_NOOP(
                    "Refusal", "The database %1 holds no board (it is empty); nothing to copy."
                ),
                name,
            )
        with _reaching(engine, "source"):
            return BoardStore.open(source)
    return BoardStore.open(Path(source).expanduser().absolute(), create=False)


def _read_connection(engine: Engine) -> Connection:
    conn = engine.connect()
    if engine.dialect.name == "postgresql":
        # One snapshot for every table, without blocking anyone who writes meanwhile.
        conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    return conn


# -- the destination --------------------------------------------------------------------------


class _Destination:
    def __init__(self, target: str):
        self.url = is_url(target)
        self.new_file: Path | None = None
        if self.url:
            self.engine = _engine(target)
            self.location = _shown(self.engine)
            self.name = self.engine.url.database or self.location
            return
        path = Path(target).expanduser().absolute()
        if path.exists():
            # Refuses a folder, a damaged file or another program's database, touching nothing.
            try:
                migrate.inspect_sqlite_file(path)
            except migrate.BoardRefused as error:
                reason = str(error).split(". ")[0].rstrip(".")
                raise CopyError(
                    QT_TRANSLATE_NOOP(
                        "Refusal",
                        "The destination %1 already exists and is not a board to copy into (%2); "
                        "nothing was changed. Name a new file.",
                    ),
                    path,
                    reason,
                ) from error
        elif not path.parent.is_dir():
            raise CopyError(
                QT_TRANSLATE_NOOP("Refusal", "The folder %1 does not exist; nothing was copied."),
                path.parent,
            )
        else:
            self.new_file = path
        self.engine = make_engine(sqlite_url(path))
        self.location = str(path)
        self.name = path.name

    def copy_from(self, store: BoardStore, progress: Progress | None) -> CopyReport:
        source: Connection | None = None
        try:
            with _reaching(store.engine, "source"):
                # One read transaction from the first count to the last row: a consistent copy.
                source = _read_connection(store.engine)
                source.begin()
                counts = {
                    table.name: source.execute(select(func.count()).select_from(table)).scalar_one()
                    for table in TABLES
                }
                meta = source.execute(select(schema.board_table)).one()
            with _reaching(self.engine, "destination"):
                self._write(source, counts, progress)
        except BaseException:
            self._forget()
            raise
        finally:
            if source is not None:
                source.close()
            self.engine.dispose()
        return CopyReport(store.location, self.location, meta.name, meta.revision, counts)

    def _write(
        self, source: Connection, counts: dict[str, int], progress: Progress | None
    ) -> None:
        total = sum(counts.values())
        done = 0
        with self.engine.connect().execution_options(**WRITE) as conn, conn.begin():
            self._prepare(conn)
            for table in TABLES:
                for batch in _batches(source, table):
                    conn.execute(insert(table), batch)
                    done += len(batch)
                    if progress is not None:
                        progress(done, total)
            if conn.dialect.name == "postgresql":
                _reset_sequences(conn)

    def _prepare(self, conn: Connection) -> None:
        """Make the schema (in this transaction) or accept a board nobody has used yet."""
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        revision = migrate.inspect_database(conn, self.name)
        if revision is not None:
            if not _unused(conn):
                raise CopyError(
                    QT_TRANSLATE_NOOP(
                        "Refusal",
                        "The destination already holds a board (%1); nothing was changed. Copy "
                        "into a new file or an empty database.",
                    ),
                    self.location,
                )
            # The default workflow of a fresh board makes way for the copied one.
            conn.execute(delete(schema.statuses))
            conn.execute(delete(schema.board_table))
        migrate.upgrade(conn)
        # The migration seeds the default handoff templates; the source's own replace them.
        conn.execute(delete(schema.handoff_templates))

    def _forget(self) -> None:
        """After a failure: the transaction rolled back; a file this copy made goes too."""
        self.engine.dispose()
        if self.new_file is not None:
            for leftover in (
                self.new_file,
                self.new_file.with_name(self.new_file.name + "-journal"),
            ):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()


def _batches(source: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    """The source table's rows in id order, a batch at a time (a server-side cursor on
    PostgreSQL, so a big board is never held in memory whole)."""
    query = select(table).order_by(*table.primary_key.columns)
    with _reaching(source.engine, "source"):
        rows = source.execution_options(yield_per=BATCH).execute(query)
        for batch in rows.partitions():
            yield [row._asdict() for row in batch]


def _unused(conn: Connection) -> bool:
    """True for a board exactly as BoardStore.open made it: revision 0, no work in it."""
    revision = conn.execute(select(schema.board_table.c.revision)).scalar()
    if revision not in (None, 0):
        return False
    return all(
        conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
        for table in _WORK_TABLES
    )


def _reset_sequences(conn: Connection) -> None:
    """Rows went in with their ids, so PostgreSQL's id sequences did not move: set each to
    its table's highest id, or the next new task would collide with a copied one."""
    for table in TABLES:
        if "id" not in table.c or len(table.primary_key.columns) != 1:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table.name}"
            )
        )


# -- errors worded for people -----------------------------------------------------------------


def _shown(engine: Engine) -> str:
    """A server URL as people may see it: never with a password."""
    url = engine.url
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database)
    return bare.update_query_dict(dict(url.query)).render_as_string(hide_password=False)


def _engine(url: str) -> Engine:
    try:
        return make_engine(server_url(url))
    except StorageError as error:  # a scheme Renkei does not speak, said by name
        raise CopyError(error.text, *error.values) from None
    except Exception as error:  # a malformed URL, an unknown driver
        shown = re.sub(r"://([^:/@]*):[^@/]*@", r"://\1@", url)  # never echo a password
        raise CopyError(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 is not a board location (%2): give a file path or a URL like %3.",
            ),
            shown,
            error,
            "postgresql+psycopg://user@host:5432/database",
        ) from error


@contextlib.contextmanager
def _reaching(engine: Engine, role: str) -> Iterator[None]:
    """A server that cannot be reached (or fails) becomes one sentence naming which side it
    was. SQLite's own errors pass through unchanged."""
    try:
        yield
    except DBAPIError as error:
        if engine.dialect.name != "postgresql" or not (
            isinstance(error, OperationalError) or error.connection_invalidated
        ):
            raise
        where = _shown(engine)
        detail = str(getattr(error, "orig", None) or error).strip().splitlines()
        reason = detail[0] if detail else type(error).__name__
        said: object = reason
        if "does not exist" in reason and engine.url.database:
            said = Sentence(
                QT_TRANSLATE_NOOP("Refusal", "%1 (create it first, e.g. createdb %2)"),
                reason,
                engine.url.database,
            )
        raise CopyError(_SERVER_TROUBLE["connect" in reason.lower(), role], where, said) from error


# (whether it could not connect, which side) → the sentence saying so.
_SERVER_TROUBLE = {
    (True, "source"): QT_TRANSLATE_NOOP(
        "Refusal", "Cannot reach the source server at %1: %2. Nothing was copied."
    ),
    (True, "destination"): QT_TRANSLATE_NOOP(
        "Refusal", "Cannot reach the destination server at %1: %2. Nothing was copied."
    ),
    (False, "source"): QT_TRANSLATE_NOOP(
        "Refusal", "Trouble with the source server at %1: %2. Nothing was copied."
    ),
    (False, "destination"): QT_TRANSLATE_NOOP(
        "Refusal", "Trouble with the destination server at %1: %2. Nothing was copied."
    ),
}
