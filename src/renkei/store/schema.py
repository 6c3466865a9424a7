"""The board's tables as SQLAlchemy 2 typed declarative models.

Reads and writes go through these tables with SQLAlchemy Core (the store hands frozen
dataclasses to the app, never ORM rows); the models exist so the schema is declared once and
Alembic can compare against it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so batch migrations on SQLite can find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

APPLICATION_ID = "renkei"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class BoardRow(Base):
    """The single row that says "this database is a Renkei board"."""

    __tablename__ = "board"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application: Mapped[str] = mapped_column(String(20), default=APPLICATION_ID)
    name: Mapped[str] = mapped_column(String(200))
    revision: Mapped[int] = mapped_column(Integer, default=0)
    stale_days: Mapped[int] = mapped_column(Integer, default=7)
    due_soon_days: Mapped[int] = mapped_column(Integer, default=3)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


class TeamRow(Base):
    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    role: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    # The login role (PostgreSQL) or OS login this person uses; one login is one person.
    login: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_people_login", "login", unique=True),)


class ProjectRow(Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class StatusRow(Base):
    __tablename__ = "statuses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    wip_limit: Mapped[int | None] = mapped_column(Integer)
    is_done: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class TaskRow(Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status_id: Mapped[int] = mapped_column(ForeignKey("statuses.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"))
    priority: Mapped[int] = mapped_column(Integer, default=1)
    start: Mapped[date | None] = mapped_column(Date)
    due: Mapped[date | None] = mapped_column(Date)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    estimate_hours: Mapped[float | None] = mapped_column(Float)
    tags: Mapped[str] = mapped_column(Text, default="")  # JSON list
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[float] = mapped_column(Float, default=0.0)
    flag_reason: Mapped[str | None] = mapped_column(String(200))
    flag_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    flag_at: Mapped[datetime | None] = mapped_column(DateTime)
    source_id: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
    # An imported task remembers its origin once: re-importing updates it, never doubles it.
    __table_args__ = (Index("ix_tasks_source_id", "source_id", unique=True),)


class DependencyRow(Base):
    """Finish-to-start: the successor cannot start before the predecessor ends."""

    __tablename__ = "dependencies"
    successor_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), primary_key=True)
    predecessor_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), primary_key=True)


class ActivityRow(Base):
    """Append-only: the audit trail, the change feed, and what "since last standup" reads."""

    __tablename__ = "activity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    # Who the machine says wrote it: the OS login on a shared file, the login role on a
    # server; NULL for history brought with its own author (imports, the demo).
    login: Mapped[str | None] = mapped_column(String(100))
    # The id of the change that wrote the row (a uuid4's 32 hex digits, or one a script gave
    # with --change-id): after a failed commit Renkei looks for it to learn whether the change
    # landed, and a retry carrying it is never applied twice. NULL on rows older than 0006.
    change_id: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (
        Index("ix_activity_entity", "entity", "entity_id"),
        Index("ix_activity_revision", "revision"),
        Index("ix_activity_change_id", "change_id"),
    )


class HandoffRow(Base):
    """A task passing from a sender (person, team) to a receiver, with its packet.

    The packet (``items``), the items a return named (``returned_missing``) and the
    receiver's questions with the sender's answers (``questions``) are JSON text in the row
    itself: one row per handoff, so asking, answering and every transition is a SetFields on
    one row with one version, and the generic conflict check covers them all."""

    __tablename__ = "handoffs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"))
    template: Mapped[str] = mapped_column(String(40))
    sender_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    sender_team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    receiver_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    receiver_team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    items: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{name, provided, value}]
    state: Mapped[str] = mapped_column(String(20))
    sent_at: Mapped[datetime] = mapped_column(DateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    reason: Mapped[str | None] = mapped_column(String(40))
    returned_missing: Mapped[str] = mapped_column(Text, default="[]")  # JSON [name]
    # JSON [{id, item, asked_by, asked_at, text, answer, answered_by, answered_at}]
    questions: Mapped[str] = mapped_column(Text, default="[]")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_handoffs_task_id", "task_id"),)


class HandoffTemplateRow(Base):
    """A board's handoff kinds; the migration that makes the table adds lead, deal, request."""

    __tablename__ = "handoff_templates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    items: Mapped[str] = mapped_column(Text, default="[]")  # JSON [name]
    sla_business_days: Mapped[int] = mapped_column(Integer, default=1)
    from_team: Mapped[str | None] = mapped_column(String(60))
    to_team: Mapped[str | None] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class StandupRow(Base):
    """A standup held; the latest one is where "since the last standup" starts."""

    __tablename__ = "standups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    held_at: Mapped[datetime] = mapped_column(DateTime)
    held_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


# The Core tables behind the models (``Model.__table__`` is typed as any FromClause).
_TABLES = Base.metadata.tables
board_table = _TABLES[BoardRow.__tablename__]
teams = _TABLES[TeamRow.__tablename__]
people = _TABLES[PersonRow.__tablename__]
projects = _TABLES[ProjectRow.__tablename__]
statuses = _TABLES[StatusRow.__tablename__]
tasks = _TABLES[TaskRow.__tablename__]
dependencies = _TABLES[DependencyRow.__tablename__]
activity = _TABLES[ActivityRow.__tablename__]
handoffs = _TABLES[HandoffRow.__tablename__]
handoff_templates = _TABLES[HandoffTemplateRow.__tablename__]
standups = _TABLES[StandupRow.__tablename__]

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
