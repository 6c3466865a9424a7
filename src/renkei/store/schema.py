"""The board's tables, declared once with SQLAlchemy Core.

Reads and writes go through these tables with SQLAlchemy Core (the store hands frozen
dataclasses to the app, never ORM rows), and Alembic compares migrations against
``metadata``. They are Core ``Table`` objects rather than ORM models because no code maps
rows to objects, and importing the ORM costs every command a fifth of a second.
Optimistic locking (the ``version`` column) is done by the writer's own ``WHERE version =``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Stable constraint names, so batch migrations on SQLite can find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

APPLICATION_ID = "renkei"


metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _version() -> Column[int]:
    """The row's version: every write names the version it read (lost-update check)."""
    return Column("version", Integer, nullable=False, default=1)


# The single row that says "this database is a Renkei board".
board_table = Table(
    "board",
    metadata,
    _id(),
    Column("application", String(20), nullable=False, default=APPLICATION_ID),
    Column("name", String(200), nullable=False),
    Column("revision", Integer, nullable=False, default=0),
    Column("stale_days", Integer, nullable=False, default=7),
    Column("due_soon_days", Integer, nullable=False, default=3),
    Column("created_at", DateTime, nullable=False),
    _version(),
)

teams = Table(
    "teams",
    metadata,
    _id(),
    Column("name", String(60), nullable=False, unique=True),
    Column("position", Integer, nullable=False, default=0),
    _version(),
)

people = Table(
    "people",
    metadata,
    _id(),
    Column("name", String(100), nullable=False),
    Column("team_id", ForeignKey("teams.id")),
    Column("role", String(100), nullable=False, default=""),
    Column("contact", String(200), nullable=False, default=""),
    # The login role (PostgreSQL) or OS login this person uses; one login is one person.
    Column("login", String(100)),
    _version(),
    Index("ix_people_login", "login", unique=True),
)

projects = Table(
    "projects",
    metadata,
    _id(),
    Column("name", String(100), nullable=False),
    _version(),
    # Its deadline (0007); NULL: its latest task's due date stands in (see domain/forecast.py).
    Column("due", Date),
)

statuses = Table(
    "statuses",
    metadata,
    _id(),
    Column("name", String(40), nullable=False),
    Column("position", Integer, nullable=False, default=0),
    Column("wip_limit", Integer),
    Column("is_done", Boolean, nullable=False, default=False),
    _version(),
)

tasks = Table(
    "tasks",
    metadata,
    _id(),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("status_id", ForeignKey("statuses.id"), nullable=False),
    Column("team_id", ForeignKey("teams.id")),
    Column("owner_id", ForeignKey("people.id")),
    Column("project_id", ForeignKey("projects.id")),
    Column("priority", Integer, nullable=False, default=1),
    Column("start", Date),
    Column("due", Date),
    Column("progress", Integer, nullable=False, default=0),
    Column("estimate_hours", Float),
    Column("tags", Text, nullable=False, default=""),  # JSON list
    Column("archived", Boolean, nullable=False, default=False),
    Column("position", Float, nullable=False, default=0.0),
    Column("flag_reason", String(200)),
    Column("flag_by", ForeignKey("people.id")),
    Column("flag_at", DateTime),
    Column("source_id", String(200)),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    _version(),
    # An imported task remembers its origin once: re-importing updates it, never doubles it.
    Index("ix_tasks_source_id", "source_id", unique=True),
)

# Finish-to-start: the successor cannot start before the predecessor ends.
dependencies = Table(
    "dependencies",
    metadata,
    Column("successor_id", ForeignKey("tasks.id"), primary_key=True),
    Column("predecessor_id", ForeignKey("tasks.id"), primary_key=True),
)

# Append-only: the audit trail, the change feed, and what "since last standup" reads.
activity = Table(
    "activity",
    metadata,
    _id(),
    Column("revision", Integer, nullable=False),
    Column("at", DateTime, nullable=False),
    Column("actor_id", ForeignKey("people.id")),
    Column("entity", String(20), nullable=False),
    Column("entity_id", Integer, nullable=False),
    Column("field", String(40), nullable=False),
    Column("old", Text),
    Column("new", Text),
    # Who the machine says wrote it: the OS login on a shared file, the login role on a
    # server; NULL for history brought with its own author (imports, the demo).
    Column("login", String(100)),
    # The id of the change that wrote the row (a uuid4's 32 hex digits, or one a script gave
    # with --change-id): after a failed commit Renkei looks for it to learn whether the change
    # landed, and a retry carrying it is never applied twice. NULL on rows older than 0006.
    Column("change_id", String(64)),
    Index("ix_activity_entity", "entity", "entity_id"),
    Index("ix_activity_revision", "revision"),
    Index("ix_activity_change_id", "change_id"),
)

# A task passing from a sender (person, team) to a receiver, with its packet.
#
# The packet (``items``), the items a return named (``returned_missing``) and the receiver's
# questions with the sender's answers (``questions``) are JSON text in the row itself: one row
# per handoff, so asking, answering and every transition is a SetFields on one row with one
# version, and the generic conflict check covers them all.
handoffs = Table(
    "handoffs",
    metadata,
    _id(),
    Column("task_id", ForeignKey("tasks.id"), nullable=False),
    Column("template", String(40), nullable=False),
    Column("sender_id", ForeignKey("people.id"), nullable=False),
    Column("sender_team_id", ForeignKey("teams.id")),
    Column("receiver_id", ForeignKey("people.id"), nullable=False),
    Column("receiver_team_id", ForeignKey("teams.id")),
    Column("note", Text, nullable=False, default=""),
    Column("items", Text, nullable=False, default="[]"),  # JSON [{name, provided, value}]
    Column("state", String(20), nullable=False),
    Column("sent_at", DateTime, nullable=False),
    Column("acknowledged_at", DateTime),
    Column("resolved_at", DateTime),
    Column("reason", String(40)),
    Column("returned_missing", Text, nullable=False, default="[]"),  # JSON [name]
    # JSON [{id, item, asked_by, asked_at, text, answer, answered_by, answered_at}]
    Column("questions", Text, nullable=False, default="[]"),
    _version(),
    Index("ix_handoffs_task_id", "task_id"),
)

# A board's handoff kinds; the migration that makes the table adds lead, deal, request.
handoff_templates = Table(
    "handoff_templates",
    metadata,
    _id(),
    Column("name", String(40), nullable=False, unique=True),
    Column("label", String(100), nullable=False, default=""),
    Column("items", Text, nullable=False, default="[]"),  # JSON [name]
    Column("sla_business_days", Integer, nullable=False, default=1),
    Column("from_team", String(60)),
    Column("to_team", String(60)),
    _version(),
)

# A standup held; the latest one is where "since the last standup" starts.
standups = Table(
    "standups",
    metadata,
    _id(),
    Column("held_at", DateTime, nullable=False),
    Column("held_by", ForeignKey("people.id")),
    _version(),
)

ENTITY_TABLES = {
    "task": tasks,
    "person": people,
    "team": teams,
    "project": projects,
    "status": statuses,
    "handoff": handoffs,
    "handoff_template": handoff_templates,
    "standup": standups,
}
