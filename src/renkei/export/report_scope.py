"""The part of the board a status report covers, and the words every section uses for it:
names for people, teams and statuses, due dates relative to the board's "today", local times.
Pure: reads the read model, paints nothing (``report_sections`` builds on it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication

from renkei.app.standup import TeamSlide, build_agenda
from renkei.domain.dates import due_words
from renkei.domain.handoff_log import HandoffAnalysis
from renkei.domain.handoff_loss import Names
from renkei.domain.model import Board, Task
from renkei.domain.read_model import BoardReadModel
from renkei.i18n import translate_marked
from renkei.i18n.words import date_text


@dataclass(frozen=True)
class Due:
    day: str  # "Thu 3 Dec"
    words: str  # "4 days late", "due tomorrow"
    late: bool  # past due and not done


@dataclass(frozen=True)
class TaskLabel:
    title: str
    team: str | None = None  # under the title where the table mixes teams


def local(at: datetime) -> datetime:
    """A stored time (naive UTC) in local wall-clock time."""
    return at.replace(tzinfo=UTC).astimezone() if at.tzinfo is None else at.astimezone()


def time_text(at: datetime, today: date) -> str:
    moment = local(at)
    return f"{date_text(moment.date(), today)} {moment:%H:%M}"


class ReportScope:
    """The part of the board the report covers, and the words every section uses for it."""

    def __init__(self, model: BoardReadModel, team_id: int | None, since: datetime | None):
        self.model = model
        self.board: Board = model.board
        self.today: date = model.today()
        self.now: datetime = model.now()
        board = self.board
        if team_id is not None and team_id not in board.teams:
            raise ValueError(f"no team with id {team_id}")
        self.team_id = team_id
        self.done_ids = board.done_status_ids()
        self.tasks: list[Task] = [
            t
            for t in board.tasks.values()
            if not t.archived and (team_id is None or t.team_id == team_id)
        ]
        self.task_ids = {t.id for t in self.tasks}
        self.live = [t for t in self.tasks if t.status_id not in self.done_ids]
        last = board.last_standup()
        if since is not None:
            self.since, self.since_note = since, ""
        elif last is not None:
            self.since = last.held_at
            self.since_note = QCoreApplication.translate("Report", "last standup")
        else:
            self.since = self.now - timedelta(days=7)
            self.since_note = QCoreApplication.translate("Report", "7 days ago")
        self.risk = {t.id: r for t in self.live if (r := model.risk(t.id))}
        self.slips = model.risk_context().slips  # the session's cache, as the risk rules read it
        self.overdue = [t for t in self.live if t.due is not None and t.due < self.today]
        self.analysis: HandoffAnalysis = model.handoff_analysis()
        agenda = build_agenda(model, self.since)
        self.slides: list[TeamSlide] = [
            s for s in agenda.teams if team_id is None or s.team_id == team_id
        ]
        self.names = Names(
            teams={t.id: t.name for t in board.teams.values()},
            people={p.id: p.name for p in board.people.values()},
        )

    def in_scope(self, from_team: int | None, to_team: int | None) -> bool:
        return self.team_id is None or self.team_id in (from_team, to_team)

    def person(self, person_id: int | None) -> str:
        person = self.board.people.get(person_id) if person_id is not None else None
        return person.name if person else QCoreApplication.translate("Report", "—")

    def team_name(self, team_id: int | None) -> str:
        team = self.board.teams.get(team_id) if team_id is not None else None
        return team.name if team else QCoreApplication.translate("Report", "No team")

    def status_name(self, status_id: Any) -> str:
        try:
            status = self.board.statuses.get(int(status_id))
        except (TypeError, ValueError):
            status = None
        return QCoreApplication.translate("Status", status.name) if status else "?"

    def due(self, task: Task) -> Due | None:
        if task.due is None:
            return None
        words = due_words(
            task.due, self.today, translate_marked, lambda d: date_text(d, self.today)
        )
        late = task.due < self.today and task.status_id not in self.done_ids
        return Due(date_text(task.due, self.today), words, late)

    def label(self, task: Task, with_team: bool = True) -> TaskLabel:
        return TaskLabel(task.title, self.team_name(task.team_id) if with_team else None)
