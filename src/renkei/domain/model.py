"""The board's entities as frozen dataclasses: plain data that crosses every layer."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol, TypeVar

from renkei.domain.handoff import Handoff, HandoffTemplate
from renkei.domain.i18n import QT_TRANSLATE_NOOP, ValueRefused


class Priority(enum.IntEnum):
    LOW = 0
    NORMAL = 1
    HIGH = 2
    URGENT = 3

    @property
    def label(self) -> str:
        return PRIORITY_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Priority:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(p.name.lower() for p in cls)
            raise ValueRefused(
                QT_TRANSLATE_NOOP("Refusal", "unknown priority %1 (use one of %2)"),
                repr(text),
                names,
            ) from None


PRIORITY_LABELS = {
    Priority.LOW: QT_TRANSLATE_NOOP("Priority", "Low"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("Priority", "Normal"),
    Priority.HIGH: QT_TRANSLATE_NOOP("Priority", "High"),
    Priority.URGENT: QT_TRANSLATE_NOOP("Priority", "Urgent"),
}

DEFAULT_STATUSES = (
    QT_TRANSLATE_NOOP("Status", "Backlog"),
    QT_TRANSLATE_NOOP("Status", "To do"),
    QT_TRANSLATE_NOOP("Status", "In progress"),
    QT_TRANSLATE_NOOP("Status", "Waiting"),
    QT_TRANSLATE_NOOP("Status", "Done"),
)


@dataclass(frozen=True, slots=True)
class Team:
    id: int
    name: str
    position: int = 0
    version: int = 1


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    team_id: int | None = None
    role: str = ""
    contact: str = ""
    version: int = 1
    # The login role (on a server) or OS login (on a file) this person uses, once linked.
    login: str | None = None

    @property
    def initials(self) -> str:
        return initials(self.name)


@dataclass(frozen=True, slots=True)
class Project:
    id: int
    name: str
    version: int = 1
    # The project's deadline; without one, forecasts use its latest task's due date.
    due: date | None = None


@dataclass(frozen=True, slots=True)
class Status:
    """A workflow column. ``is_done`` marks the column(s) where work counts as finished."""

    id: int
    name: str
    position: int
    wip_limit: int | None = None
    is_done: bool = False
    version: int = 1


@dataclass(frozen=True, slots=True)
class RiskFlag:
    """A person's judgement that a task is at risk, and why."""

    reason: str
    set_by: int | None
    set_at: datetime


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    title: str
    status_id: int
    team_id: int | None = None
    owner_id: int | None = None
    project_id: int | None = None
    description: str = ""
    priority: Priority = Priority.NORMAL
    start: date | None = None
    due: date | None = None
    progress: int = 0
    estimate_hours: float | None = None
    tags: tuple[str, ...] = ()
    depends_on: tuple[int, ...] = ()
    archived: bool = False
    position: float = 0.0
    flag: RiskFlag | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 1
    # Where an imported task came from ("trello:<card id>", "jira:<issue key>"): importing
    # the same export again updates this task instead of adding it twice.
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Activity:
    """One append-only audit row: who changed which field of what, from what to what."""

    id: int
    at: datetime
    actor_id: int | None
    entity: str
    entity_id: int
    field: str
    old: str | None
    new: str | None
    revision: int
    # The OS login (file) or login role (server) that wrote the row, when known.
    login: str | None = None


@dataclass(frozen=True, slots=True)
class BoardSettings:
    stale_days: int = 7
    due_soon_days: int = 3


@dataclass(frozen=True, slots=True)
class StoredTemplate(HandoffTemplate):
    """A board's own handoff template: the domain template plus the row's id and version,
    so it is edited through the same SetFields path as every other row."""

    id: int = 0
    version: int = 1


@dataclass(frozen=True, slots=True)
class Standup:
    """A standup held: "since the last standup" starts at ``held_at``."""

    id: int
    held_at: datetime
    held_by: int | None = None
    version: int = 1


# Which Board attribute holds each kind of row.
ENTITY_COLLECTIONS = {
    "task": "tasks",
    "person": "people",
    "team": "teams",
    "project": "projects",
    "status": "statuses",
    "handoff": "handoffs",
    "handoff_template": "handoff_templates",
    "standup": "standups",
}


@dataclass(frozen=True, slots=True)
class Board:
    """Everything the views need, as one immutable value."""

    name: str
    revision: int
    teams: dict[int, Team] = field(default_factory=dict)
    people: dict[int, Person] = field(default_factory=dict)
    projects: dict[int, Project] = field(default_factory=dict)
    statuses: dict[int, Status] = field(default_factory=dict)
    tasks: dict[int, Task] = field(default_factory=dict)
    settings: BoardSettings = field(default_factory=BoardSettings)
    handoffs: dict[int, Handoff] = field(default_factory=dict)
    # Keyed by row id like every other collection; ``template(name)`` finds one by name.
    handoff_templates: dict[int, StoredTemplate] = field(default_factory=dict)
    standups: dict[int, Standup] = field(default_factory=dict)

    def ordered_statuses(self) -> list[Status]:
        return sorted(self.statuses.values(), key=lambda s: (s.position, s.id))

    def ordered_teams(self) -> list[Team]:
        return sorted(self.teams.values(), key=lambda t: (t.position, t.name))

    def done_status_ids(self) -> frozenset[int]:
        return frozenset(s.id for s in self.statuses.values() if s.is_done)

    def find_person(self, name: str) -> Person | None:
        return _find_by_name(self.people.values(), name)

    def find_team(self, name: str) -> Team | None:
        return _find_by_name(self.teams.values(), name)

    def find_status(self, name: str) -> Status | None:
        return _find_by_name(self.statuses.values(), name)

    def find_project(self, name: str) -> Project | None:
        return _find_by_name(self.projects.values(), name)

    def template(self, name: str) -> StoredTemplate | None:
        """The board's handoff template of this name (exact, as handoffs record it)."""
        for t in self.handoff_templates.values():
            if t.name == name:
                return t
        return None

    def templates_by_name(self) -> dict[str, HandoffTemplate]:
        """What the handoff analysis takes: every template by its name."""
        return {t.name: t for t in self.handoff_templates.values()}

    def last_standup(self) -> Standup | None:
        """The latest standup held, if any."""
        return max(self.standups.values(), key=lambda s: (s.held_at, s.id), default=None)

    def handoffs_of(self, task_id: int) -> list[Handoff]:
        """The task's handoffs in the order they were sent."""
        found = [h for h in self.handoffs.values() if h.task_id == task_id]
        return sorted(found, key=lambda h: (h.sent_at, h.id))

    def open_handoff(self, task_id: int) -> Handoff | None:
        """The task's handoff still waiting for the receiver, if any."""
        for h in self.handoffs_of(task_id):
            if h.state.is_open:
                return h
        return None


class _Named(Protocol):
    @property
    def name(self) -> str: ...


_NamedT = TypeVar("_NamedT", bound=_Named)


def _find_by_name(items: Iterable[_NamedT], name: str) -> _NamedT | None:
    wanted = name.strip().casefold()
    for item in items:
        if item.name.casefold() == wanted:
            return item
    return None


def initials(name: str) -> str:
    """A short tag for a card: 'Haruka Aoki' → 'HA'. Japanese colleagues go by family name:
    '青木 遥' → '青木'; a foreign name in katakana is written given・family, so
    'エミリー・カーター' → 'カーター'."""
    if "・" in name:
        return name.split("・")[-1].strip()[:4] or "?"
    parts = name.split()
    if not parts:
        return "?"
    if any(ord(ch) > 0x2E80 for ch in parts[0]):
        return parts[0][:4]
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()
