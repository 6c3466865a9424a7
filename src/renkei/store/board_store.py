"""A board's storage: open it, load a snapshot, apply commands, read the audit trail.

Every read turns a database error into the store's own (store/database.py: ``reading``); the
write transaction itself is store/writer.py."""

from __future__ import annotations

import contextlib
import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, func, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError

from renkei.domain.commands import (
    Change,
    Command,
    FieldChange,
    NewRow,
    RowChange,
    ValidationError,
)
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import DEFAULT_STATUSES, Activity, Board, BoardSettings
from renkei.store import acting, activity_feed, confirm, lease, migrate, rows, schema
from renkei.store.confirm import CouldNotConfirm as CouldNotConfirm  # callers import it here
from renkei.store.database import (
    WRITE,
    BoardLocked,
    StorageError,
    capital,
    close_for_good,
    is_url,
    locked_not_saved,
    make_engine,
    not_saved,
    reading,
    retry_locked,
    server_url,
    sqlite_url,
    storage_words,
)
from renkei.store.schema import ENTITY_TABLES
from renkei.store.server_urls import without_password
from renkei.store.writer import Writer, read_rows

# PostgreSQL advisory lock held while a client migrates (or copies into) a database.
MIGRATION_LOCK = 7235846
# Past this many changed rows, reading the whole board again is simpler and as fast.
FEED_RELOAD_THRESHOLD = 2000


def utcnow() -> datetime:
    """Naive UTC: the stored time of every change, shown in local time by the views."""
    return datetime.now(UTC).replace(tzinfo=None)


class BoardStore:
    def __init__(self, engine: Engine, location: str, created: bool):
        self.engine = engine
        self.location = location
        self.created = created  # True when this open made a new, empty board
        self.login = acting.os_login()  # kept beside each change on a shared file

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        target: str | Path,
        *,
        create: bool = True,
        name: str | None = None,
        password: str | None = None,
    ) -> BoardStore:
        """Open a board: check → back up → migrate → open. With ``create``, a file that does
        not exist yet (or an empty server database) becomes a new, empty board — built
        beside its name and renamed into place, so nobody ever sees half a board.

        A file that is not a board, an empty file, or a board made by a newer Renkei raises
        ``migrate.BoardRefused`` with every byte of it untouched."""
        target = str(target)
        if is_url(target):
            return cls._open_server(target, name, password, create)
        path = Path(target).expanduser().absolute()
        if not path.exists():
            if not create:
                raise migrate.BoardRefused(
                    QT_TRANSLATE_NOOP("Refusal", "There is no board at %1."), path
                )
            from renkei.store.new_board import BoardExists, NewBoard

            created = True
            try:
                with NewBoard(path, name or path.stem):
                    pass
            except BoardExists:
                created = False  # someone else made it meanwhile: open theirs
            store = cls.open(path, create=False)
            store.created = created
            return store
        revision = migrate.inspect_sqlite_file(path)
        head = migrate.head_revision()
        if revision is not None and revision != head:
            migrate.backup_sqlite(path, revision)
        engine = make_engine(sqlite_url(path))
        if revision != head:
            # Under the write lock: of several people migrating at once, one does the work.
            with reading(str(path), "opened"):
                retry_locked(lambda: _prepare(engine, name or path.stem))
        lease.using(path)
        return cls(engine, str(path), created=False)

    @classmethod
    def prepare_new(cls, path: Path, name: str) -> BoardStore:
        """A new board in a file that must not exist yet (see ``new_board.NewBoard``): its
        hidden name is known to nobody else, so it is built without a lease."""
        engine = make_engine(sqlite_url(path), leased=False)
        try:
            retry_locked(lambda: _prepare(engine, name))
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, str(path), created=True)

    @classmethod
    def _open_server(
        cls, url: str, name: str | None, password: str | None, create: bool
    ) -> BoardStore:
        """A server board; a password is added to the URL in memory only, so ``location``
        (shown, remembered in recent boards) never contains it. An empty database becomes a
        board only with ``create``."""
        full = server_url(url)
        if password:
            full = full.set(password=password)
        engine = make_engine(full)
        try:
            opening = reading(without_password(url), "opened")
            with opening, engine.connect() as conn, conn.begin():
                if conn.dialect.name == "postgresql":
                    # One client migrates; the others wait here, then find the work done.
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                    )
                database = engine.url.database or url
                revision = migrate.inspect_database(conn, database)
                if revision is None and not create:
                    raise migrate.BoardEmpty(
                        QT_TRANSLATE_NOOP(
                            "Refusal",
                            "The database %1 is empty: it holds no board yet. Make one with "
                            "`renkei board new URL` (or File → Connect to server, which offers "
                            "to); nothing was changed.",
                        ),
                        database,
                    )
                created = False
                if revision != migrate.head_revision():
                    created = _prepare_in(conn, name or engine.url.database or "Renkei")
        except BaseException:
            engine.dispose()
            raise
        bare = URL.create(
            full.drivername, full.username, None, full.host, full.port, full.database, full.query
        )
        return cls(engine, bare.render_as_string(hide_password=False), created)

    def dispose(self) -> None:
        """Close the board for good: its connections now, and any made later are refused."""
        close_for_good(self.engine)

    # -- reading -------------------------------------------------------------------------

    def load(self) -> Board:
        """The whole board in one read transaction, as plain frozen data."""
        with self._snapshot_read() as conn, rows.collection_paused():
            meta = conn.execute(select(schema.board_table)).one()
            deps: dict[int, list[int]] = defaultdict(list)
            dependency_rows = select(
                schema.dependencies.c.successor_id, schema.dependencies.c.predecessor_id
            ).order_by(schema.dependencies.c.successor_id, schema.dependencies.c.predecessor_id)
            for succ, pred in conn.execute(dependency_rows):
                deps[succ].append(pred)
            task_columns = [schema.tasks.c[name] for name in rows.TASK_COLUMNS]
            handoff_columns = [schema.handoffs.c[name] for name in rows.HANDOFF_COLUMNS]
            no_dependencies: list[int] = []
            tasks = {
                values[0]: rows.task_from_values(
                    values, tuple(deps.get(values[0], no_dependencies))
                )
                for values in map(tuple, conn.execute(select(*task_columns)))
            }
            return Board(
                name=meta.name,
                revision=meta.revision,
                teams={r.id: rows.team(r) for r in conn.execute(select(schema.teams))},
                people={r.id: rows.person(r) for r in conn.execute(select(schema.people))},
                projects={r.id: rows.project(r) for r in conn.execute(select(schema.projects))},
                statuses={r.id: rows.status(r) for r in conn.execute(select(schema.statuses))},
                tasks=tasks,
                settings=BoardSettings(
                    stale_days=meta.stale_days, due_soon_days=meta.due_soon_days
                ),
                handoffs={
                    values[0]: rows.handoff_from_values(values)
                    for values in map(tuple, conn.execute(select(*handoff_columns)))
                },
                handoff_templates={
                    r.id: rows.handoff_template(r)
                    for r in conn.execute(select(schema.handoff_templates))
                },
                standups={r.id: rows.standup(r) for r in conn.execute(select(schema.standups))},
            )

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection for one read; a database error leaves as the store's own error (a
        ``BoardUnreachable``, ``LoginRefused`` or ``BoardLocked``)."""
        with reading(self.location), self.engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def _snapshot_read(self) -> Iterator[Connection]:
        """A read transaction that sees one moment of the board. SQLite's BEGIN already does;
        PostgreSQL's default (READ COMMITTED) would let each SELECT see newer commits."""
        with self._read() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    def server_person(self) -> int | None:
        """On a server board, the person linked to the login role connected; else None."""
        if self.engine.dialect.name != "postgresql":
            return None
        with self._read() as conn:
            return acting.server_identity(conn).person_id

    def write_refusal(self) -> str | None:
        """Why this login cannot change the board (a server role with read grants only), or
        None when it can try."""
        if self.engine.dialect.name != "postgresql":
            return None
        with self._read() as conn:
            who = acting.server_identity(conn)
        return None if who.can_write else acting.read_only_message(who.role)

    def revision(self) -> int:
        with self._read() as conn:
            return _current_revision(conn)

    def history(
        self,
        entity: str | None = None,
        entity_id: int | None = None,
        limit: int | None = None,
        *,
        fields: Sequence[str] | None = None,
        entity_ids: Iterable[int] | None = None,
        since: datetime | None = None,
    ) -> list[Activity]:
        """Activity rows, oldest first (the last ``limit`` of them when given); ``fields``,
        ``entity_ids`` and ``since`` (strictly after) narrow the read."""
        table = schema.activity
        query = select(table).order_by(table.c.id.desc())
        if entity is not None:
            query = query.where(table.c.entity == entity)
        if entity_id is not None:
            query = query.where(table.c.entity_id == entity_id)
        if fields is not None:
            query = query.where(table.c.field.in_(list(fields)))
        if entity_ids is not None:
            query = query.where(table.c.entity_id.in_(sorted(set(entity_ids))))
        if since is not None:
            query = query.where(table.c.at > since)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            found = [rows.activity(r) for r in conn.execute(query)]
        found.reverse()
        return found

    def last_editors(self, entity: str) -> dict[int, tuple[int | None, str | None]]:
        """Who made each row's latest change: its person and login (either may be unknown),
        by row id, in one read."""
        table = schema.activity
        latest = (
            select(func.max(table.c.id))
            .where(table.c.entity == entity)
            .group_by(table.c.entity_id)
            .scalar_subquery()
        )
        query = select(table.c.entity_id, table.c.actor_id, table.c.login).where(
            table.c.id.in_(latest)
        )
        with self._read() as conn:
            return {row[0]: (row[1], row[2]) for row in conn.execute(query)}

    def finished_at(self, done_status_ids: Iterable[int]) -> dict[int, datetime]:
        """When each task last moved into one of ``done_status_ids``, by task id, in one
        grouped read of the audit trail (the forecast's throughput; see app/forecasting.py).
        A task made straight into a done column has no such row: it is not here."""
        table = schema.activity
        wanted = [str(i) for i in sorted(set(done_status_ids))]
        if not wanted:
            return {}
        query = (
            select(table.c.entity_id, func.max(table.c.at))
            .where(table.c.entity == "task", table.c.field == "status_id")
            .where(table.c.new.in_(wanted))
            .group_by(table.c.entity_id)
        )
        with self._read() as conn:
            return {task_id: at for task_id, at in conn.execute(query)}

    def changes_since(self, revision: int) -> tuple[int, tuple[RowChange, ...] | None]:
        """The board's current revision and every row changed after ``revision``, as it is
        now: how other people's edits reach this window. ``None`` instead of rows means "so
        much changed that reading the whole board is simpler"."""
        table = schema.activity
        with self._snapshot_read() as conn:
            current = _current_revision(conn)
            if current <= revision:
                return current, ()
            found = conn.execute(
                select(
                    table.c.entity,
                    table.c.entity_id,
                    table.c.field,
                    table.c.old,
                    table.c.new,
                    table.c.revision,
                    table.c.actor_id,
                )
                .where(table.c.revision > revision, table.c.revision <= current)
                .order_by(table.c.id)
            ).all()
            touched: dict[tuple[str, int], list[rows.AnyRow]] = {}
            for row in found:
                touched.setdefault((row.entity, row.entity_id), []).append(row)
            if len(touched) > FEED_RELOAD_THRESHOLD:
                return current, None
            wanted: dict[str, list[int]] = defaultdict(list)
            for entity, entity_id in touched:
                if entity in ENTITY_TABLES:
                    wanted[entity].append(entity_id)
            read = {entity: read_rows(conn, entity, ids) for entity, ids in wanted.items()}
            changes = []
            for (entity, entity_id), activity in touched.items():
                if entity not in ENTITY_TABLES:
                    continue
                now_row: Any = read[entity].get(entity_id)
                if now_row is None:
                    continue
                created = any(a.field == "created" for a in activity)
                fields_changed = tuple(
                    FieldChange(a.field, a.old, a.new) for a in activity if a.field != "created"
                )
                latest = activity[-1]
                changes.append(
                    RowChange(
                        entity,
                        entity_id,
                        created,
                        fields_changed,
                        now_row,
                        latest.revision,
                        latest.actor_id,
                    )
                )
            return current, tuple(changes)

    def activity_since(
        self,
        revision: int,
        limit: int = activity_feed.ACTIVITY_PAGE,
        *,
        after_id: int | None = None,
        upto: int | None = None,
    ) -> list[Activity]:
        """The Activity rows after ``revision``, unfolded, in revision order, a page at a
        time: what ``watch`` prints (see store/activity_feed.py)."""
        with self._read() as conn:
            return activity_feed.activity_since(conn, revision, limit, after_id=after_id, upto=upto)

    def values_as_of(
        self, entity: str, ids: Iterable[int], revision: int
    ) -> dict[int, dict[str, str | None]]:
        """Each row's fields as they stood right after ``revision`` (a new row as made)."""
        with self._snapshot_read() as conn:
            return activity_feed.values_as_of(conn, entity, ids, revision)

    def saved_revision(self, change_id: str) -> int | None:
        """The revision that saved the change with this id, or None: a script retrying a
        command learns that it was saved before building it again (see ``apply_all``)."""
        with self._read() as conn:
            return confirm.saved_revision(conn, change_id)

    # -- writing -------------------------------------------------------------------------

    def apply(
        self,
        command: Command,
        actor_id: int | None,
        at: datetime | None = None,
        *,
        change_id: str | None = None,
    ) -> Change:
        return self.apply_all((command,), actor_id, at, change_id=change_id)

    def apply_all(
        self,
        commands: Sequence[Command],
        actor_id: int | None,
        at: datetime | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        change_id: str | None = None,
    ) -> Change:
        """Apply commands in one short write transaction: all of them or none.

        ``at`` backdates the change (imports and the demo keep their original times).

        ``change_id`` names this change (default: a new uuid4, made here before the first
        try, so the retries of ``retry_locked`` carry it too); it is written on each of its
        Activity rows. A change whose id is already on the board is not applied again: the
        Change returned says ``already_saved``, at the revision that saved it, with no rows.
        After an error at COMMIT the id is looked for (see store/confirm.py): found, the
        change is returned as saved; not found, StorageError "…nothing was saved…"; the board
        unreadable, ``CouldNotConfirm``."""
        change_id = confirm.checked_change_id(change_id)

        def write(conn: Connection) -> Change:
            # Backdated writes (the demo's story) bring history, not a login's work.
            actor, login = actor_id, (None if at is not None else self.login)
            if acting.is_server(conn):
                actor, role = acting.server_actor(conn, actor_id)
                login = None if at is not None else role
            writer = Writer(conn, actor, at or utcnow(), login, change_id)
            return writer.already_saved() or writer.run(commands, progress)

        try:
            return retry_locked(lambda: confirm.write_once(self.engine, change_id, write))
        except BoardLocked as error:
            raise locked_not_saved(error) from error
        except ProgrammingError as error:
            if getattr(error.orig, "sqlstate", None) != "42501":  # insufficient_privilege
                raise not_saved(error, self.location) from error
            raise acting.NotAllowed(
                QT_TRANSLATE_NOOP(
                    "Refusal", "the server refused the change; nothing was saved (%1)"
                ),
                _first_line(error),
            ) from error
        except DBAPIError as error:
            # Refused before COMMIT, or at COMMIT and its id is not on the board: not saved.
            raise not_saved(error, self.location) from error
        except UnicodeEncodeError as error:  # text the field checks let through (a bug)
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "a value holds a broken character (bytes that are not UTF-8); nothing was "
                    "saved",
                )
            ) from error

    def apply_steps(
        self,
        steps: Sequence[Step],
        before_commit: Callable[[], None] | None = None,
        *,
        change_id: str | None = None,
    ) -> list[Change]:
        """Several changes in one transaction, each its own revision with its own author and
        time: all of them or none. A merge replays a conflict copy's history this way.

        ``NewRow`` keys made by one step's ``Create`` stay known to the later steps (a step's
        actor may be one of them). ``before_commit`` runs last, inside the transaction: if it
        raises, nothing is written. One ``change_id`` covers every step (see ``apply_all``):
        when it is on the board already, the one Change returned says ``already_saved``."""
        change_id = confirm.checked_change_id(change_id)

        def write(conn: Connection) -> list[Change]:
            keys: dict[str, int] = {}
            done: list[Change] = []
            for step in steps:
                # Replayed history keeps its author and time; whose login wrote it there
                # is not known here.
                writer = Writer(conn, None, step.at, None, change_id)
                if not done and (saved := writer.already_saved()) is not None:
                    return [saved]
                writer.keys = keys
                writer.actor_id = writer.resolve(step.actor_id)
                done.append(writer.run(step.commands, None))
            if before_commit is not None:
                before_commit()
            return done

        try:
            return retry_locked(lambda: confirm.write_once(self.engine, change_id, write))
        except BoardLocked as error:
            raise locked_not_saved(error) from error
        except IntegrityError as error:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Refusal", "a row clashes with one already on the board; nothing was saved (%1)"
                ),
                _first_line(error),
            ) from error
        except DBAPIError as error:
            raise not_saved(error, self.location) from error

    def identity(self) -> tuple[str, datetime]:
        """The board's name and the moment it was made: a copy of it shares both."""
        with self._read() as conn:
            meta = conn.execute(
                select(schema.board_table.c.name, schema.board_table.c.created_at)
            ).one()
            return meta.name, meta.created_at


@dataclasses.dataclass(frozen=True, slots=True)
class Step:
    """One change of a multi-step write: its commands, who made it and when."""

    commands: Sequence[Command]
    actor_id: int | NewRow | None
    at: datetime


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def _prepare(engine: Engine, name: str) -> bool:
    try:
        with engine.connect().execution_options(**WRITE) as conn, conn.begin():
            return _prepare_in(conn, name)
    except OperationalError as error:
        # A folder one may not write, a full disk: said in words (the window shows them too).
        # "Locked" is left to retry_locked, which waits for the other writer.
        words = storage_words(error, engine.url.database)
        if words is None:
            raise
        raise StorageError(QT_TRANSLATE_NOOP("Refusal", "%1."), capital(words)) from error


def _prepare_in(conn: Connection, name: str) -> bool:
    """Migrate to this build's schema; a new database also gets its board row and workflow.
    True when this call made the board (the caller may then fill it, e.g. with the demo)."""
    migrate.upgrade(conn)
    if migrate.board_exists(conn):
        return False
    now = utcnow()
    conn.execute(
        insert(schema.board_table).values(
            id=1, application=schema.APPLICATION_ID, name=name[:200], revision=0, created_at=now
        )
    )
    conn.execute(
        insert(schema.statuses),
        [
            {"name": label, "position": i, "is_done": i == len(DEFAULT_STATUSES) - 1, "version": 1}
            for i, label in enumerate(DEFAULT_STATUSES)
        ],
    )
    return True


def _current_revision(conn: Connection) -> int:
    revision: int = conn.execute(select(schema.board_table.c.revision)).scalar_one()
    return revision
