"""A board's storage: open it, load a snapshot, apply commands, read the audit trail."""

from __future__ import annotations

import contextlib
import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import URL, Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError, ProgrammingError

from renkei.domain import fields
from renkei.domain.commands import (
    Change,
    Command,
    ConflictError,
    Create,
    FieldChange,
    NewRow,
    NotFoundError,
    Record,
    RowChange,
    SetFields,
    ValidationError,
)
from renkei.domain.dependencies import would_cycle
from renkei.domain.model import DEFAULT_STATUSES, Activity, Board, BoardSettings
from renkei.domain.ordering import GAP
from renkei.store import acting, activity_feed, confirm, lease, migrate, rows, schema
from renkei.store.confirm import CouldNotConfirm  # noqa: F401  (callers import it here)
from renkei.store.database import (
    WRITE,
    BoardLocked,
    StorageError,
    is_url,
    make_engine,
    reading,
    retry_locked,
    server_url,
    sqlite_url,
    storage_words,
)
from renkei.store.schema import ENTITY_TABLES

POSITION_GAP = GAP
NOTIFY_CHANNEL = "renkei_changes"
# PostgreSQL advisory lock held while a client migrates (or copies into) a database.
MIGRATION_LOCK = 7235846
# Past this many changed rows, reading the whole board again is simpler and as fast.
FEED_RELOAD_THRESHOLD = 2000


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
                raise migrate.BoardRefused(f"There is no board at {path}.")
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
            with reading(url, "opened"), engine.connect() as conn, conn.begin():
                if conn.dialect.name == "postgresql":
                    # One client migrates; the others wait here, then find the work done.
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                    )
                database = engine.url.database or url
                revision = migrate.inspect_database(conn, database)
                if revision is None and not create:
                    raise migrate.BoardEmpty(
                        f"The database {database} is empty: it holds no board yet. Make one "
                        f"with `renkei board new URL` (or File → Connect to server, which "
                        "offers to); nothing was changed."
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
        self.engine.dispose()

    # -- reading -------------------------------------------------------------------------

    def load(self) -> Board:
        """The whole board in one read transaction, as plain frozen data."""
        with self._snapshot_read() as conn:
            meta = conn.execute(select(schema.board_table)).one()
            deps: dict[int, list[int]] = defaultdict(list)
            dependency_rows = select(
                schema.dependencies.c.successor_id, schema.dependencies.c.predecessor_id
            ).order_by(schema.dependencies.c.successor_id, schema.dependencies.c.predecessor_id)
            for succ, pred in conn.execute(dependency_rows):
                deps[succ].append(pred)
            tasks = {
                r.id: rows.task(r, tuple(deps.get(r.id, ())))
                for r in conn.execute(select(schema.tasks))
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
                handoffs={r.id: rows.handoff(r) for r in conn.execute(select(schema.handoffs))},
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
            changes = []
            for (entity, entity_id), activity in touched.items():
                if entity not in ENTITY_TABLES:
                    continue
                row = _read_row(conn, entity, entity_id)
                if row is None:
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
                        row,
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
            return activity_feed.activity_since(
                conn, revision, limit, after_id=after_id, upto=upto
            )

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
            writer = _Writer(conn, actor, at or utcnow(), login, change_id)
            return writer.already_saved() or writer.run(commands, progress)

        try:
            return retry_locked(lambda: confirm.write_once(self.engine, change_id, write))
        except BoardLocked as error:
            raise _locked_not_saved(error) from error
        except ProgrammingError as error:
            if getattr(error.orig, "sqlstate", None) != "42501":  # insufficient_privilege
                raise
            raise acting.NotAllowed(
                f"the server refused the change; nothing was saved ({_first_line(error)})"
            ) from error
        except (OperationalError, InterfaceError, IntegrityError) as error:
            # Refused before COMMIT, or at COMMIT and its id is not on the board: not saved.
            raise StorageError(_not_saved(error, self.location)) from error
        except UnicodeEncodeError as error:  # text the field checks let through (a bug)
            raise ValidationError(
                "a value holds a broken character (bytes that are not UTF-8); nothing was saved"
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
                writer = _Writer(conn, None, step.at, None, change_id)
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
            raise _locked_not_saved(error) from error
        except IntegrityError as error:
            raise ValidationError(
                "a row clashes with one already on the board; nothing was saved "
                f"({_first_line(error)})"
            ) from error
        except (OperationalError, InterfaceError) as error:
            raise StorageError(_not_saved(error, self.location)) from error

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


def _not_saved(error: Exception, location: str) -> str:
    words = storage_words(error, location)
    if words is not None:
        return f"{words[0].upper()}{words[1:]}; nothing was saved."
    reason = _first_line(error)
    if isinstance(error, IntegrityError):
        return f"The change broke a rule of the board; nothing was saved ({reason})."
    return f"The board could not be reached; nothing was saved ({reason})."


def _locked_not_saved(error: BoardLocked) -> BoardLocked:
    return BoardLocked(
        f"{str(error).rstrip('.')}; nothing was saved: try again when they are done.",
        error.holder,
    )


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
        raise StorageError(f"{words[0].upper()}{words[1:]}.") from error


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


def _read_row(conn: Connection, entity: str, entity_id: int) -> Any:
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


class _Writer:
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
            raise NotFoundError(
                f"person {self.actor_id} (who is making this change) does not exist"
            )
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
                raise NotFoundError(f"{name.removesuffix('_id')} {value} does not exist")
        if entity == "task" and values.get("depends_on"):
            missing = set(values["depends_on"]) - self.known_ids("task")
            if missing:
                raise NotFoundError(f"task {min(missing)} does not exist")
        flag = values.get("flag")
        if (
            flag is not None
            and flag.set_by is not None
            and flag.set_by not in self.known_ids("person")
        ):
            raise NotFoundError(f"person {flag.set_by} (who flagged the task) does not exist")

    def check_unique_name(self, entity: str, values: dict[str, Any], own_id: int | None) -> None:
        """Team and template names are unique (lanes and CLI arguments use them); say so, do
        not crash."""
        if entity == "person" and values.get("login"):
            people = schema.people
            taken = self.conn.execute(
                select(people.c.id, people.c.name).where(people.c.login == values["login"])
            ).first()
            if taken is not None and taken.id != own_id:
                raise ValidationError(
                    f"the login {values['login']} is already linked to {taken.name}"
                )
        table = UNIQUE_NAMES.get(entity)
        if table is None or "name" not in values:
            return
        clash = self.conn.execute(
            select(table.c.id).where(func.lower(table.c.name) == values["name"].lower())
        ).first()
        if clash is not None and clash.id != own_id:
            kind = entity.replace("_", " ")
            raise ValidationError(f"a {kind} called {values['name']!r} already exists")

    def normalise(self, entity: str, values: Iterable[tuple[str, Any]]) -> dict[str, Any]:
        if entity not in ENTITY_TABLES:
            raise ValidationError(f"unknown kind of record {entity!r}")
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
            raise NotFoundError(f"no row {value.key!r} was created before it is used")
        return found

    def read(self, entity: str, entity_id: int) -> Any:
        found = _read_row(self.conn, entity, entity_id)
        if found is None:
            raise NotFoundError(f"{entity} {entity_id} does not exist")
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
            raise NotFoundError(f"person {by} (who made this row) does not exist")
        for name, spec in fields.SPECS[entity].items():
            if spec.required and values.get(name) in (None, ""):
                raise ValidationError(f"{name} is required")
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
            raise ValidationError("the due date is before the start date")
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
            raise ValidationError(f"unknown kind of record {command.entity!r}")
        entity_id = self.resolve(command.entity_id)
        if entity_id not in self.known_ids(command.entity):
            raise NotFoundError(f"{command.entity} {entity_id} does not exist")
        by = self.resolve(command.by)
        if by is not None and by not in self.known_ids("person"):
            raise NotFoundError(f"person {by} (who made this change) does not exist")
        if not command.field or len(command.field) > 40:
            raise ValidationError("a history row names a field (at most 40 characters)")
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
            raise ValidationError(
                "this dependency would make a loop: the tasks would wait on each other"
            )
