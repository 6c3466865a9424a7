"""The standup's slides in words: the agenda turned into sections of lines a painter draws.

Nothing here paints: the values are ``render.slide_face``'s, and ``render.slide_paint`` lays
them out for the screen it is on. Every line carries an icon name and a word next to its
colour, so meaning never rests on colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import QCoreApplication

from renkei.app.standup import (
    DEADLINE,
    FINISHED,
    HANDOFF_RECEIVED,
    HANDOFF_RETURNED,
    HANDOFF_SENT,
    MOVED,
    NEW,
    Agenda,
    ChangeLine,
    TeamSlide,
)
from renkei.domain.forecast import Forecast
from renkei.domain.model import Board
from renkei.domain.risk import RiskKind
from renkei.i18n import arg
from renkei.i18n.history import moment_text
from renkei.i18n.words import bounce_word, join_list, parts_text
from renkei.render.forecast_words import forecast_line
from renkei.render.slide_face import (
    DONE,
    OVERVIEW,
    TEAM,
    TIMELINE,
    Line,
    OverviewRow,
    Section,
    Slide,
)
from renkei.ui.text import date_text, due_text, risk_sentence, risk_words, span_text


@dataclass
class _Names:
    board: Board
    today: date
    cache: dict = field(default_factory=dict)

    def team(self, team_id: int | None) -> str:
        team = self.board.teams.get(team_id) if team_id is not None else None
        return team.name if team else QCoreApplication.translate("Standup", "No team")

    def person(self, person_id: int | None) -> str:
        person = self.board.people.get(person_id) if person_id is not None else None
        return person.name if person else ""

    def task(self, task_id: int) -> str:
        task = self.board.tasks.get(task_id)
        return task.title if task else f"#{task_id}"

    def owner(self, task_id: int) -> str:
        task = self.board.tasks.get(task_id)
        return self.person(task.owner_id) if task else ""

    def status(self, status_id) -> str:
        status = self.board.statuses.get(status_id) if status_id is not None else None
        return status.name if status else "?"

    def day(self, day: date | None) -> str:
        return date_text(day, self.today) if day else QCoreApplication.translate("Standup", "none")


def _join(*parts: str) -> str:
    return parts_text(parts)


def change_line(change: ChangeLine, names: _Names) -> Line:
    title = names.task(change.task_id)
    who = names.person(change.actor_id)
    if change.kind == FINISHED:
        return Line(title, QCoreApplication.translate("Standup", "Finished"), who, "done", "done")
    if change.kind == NEW:
        return Line(title, QCoreApplication.translate("Standup", "New"), who, "new", "accent")
    if change.kind == MOVED:
        word = arg(QCoreApplication.translate("Standup", "Moved → %1"), names.status(change.new))
        return Line(title, word, who, "moved", "text")
    if change.kind == DEADLINE:
        word = arg(
            QCoreApplication.translate("Standup", "Deadline %1 → %2"),
            names.day(change.old),
            names.day(change.new),
        )
        return Line(title, word, who, "deadline", "risk")
    if change.kind in (HANDOFF_SENT, HANDOFF_RECEIVED, HANDOFF_RETURNED):
        return _handoff_line(change, names, title, who)
    return Line(title, change.kind, who)


def _handoff_line(change: ChangeLine, names: _Names, title: str, who: str) -> Line:
    """A handoff sent, received or sent back, with who has the task now: a bounced lead shows
    as "Handed to …", "Returned: missing Budget", "Handed to …", never as two sends."""
    owner = names.owner(change.task_id)
    if owner and owner != who:
        who = _join(who, arg(QCoreApplication.translate("Standup", "now with %1"), owner))
    if change.kind == HANDOFF_SENT:
        word = arg(
            QCoreApplication.translate("Standup", "Handed to %1"), names.team(change.other_team_id)
        )
        return Line(title, word, who, "sent", "handoff")
    if change.kind == HANDOFF_RECEIVED:
        word = arg(
            QCoreApplication.translate("Standup", "Received from %1"),
            names.team(change.other_team_id),
        )
        return Line(title, word, who, "received", "handoff")
    reason, missing = change.new
    return Line(title, bounce_word(change.old, reason, missing), who, "received", "late")


def team_sections(slide: TeamSlide, names: _Names) -> tuple[Section, ...]:
    """The non-empty sections, each task in one of them only (``TeamSlide.shown``), most
    important first, in reading order: what changed; what is overdue, due and waiting for the
    team; what is blocked, at risk and due this week; who does what. The painter flows them
    into columns."""
    board = names.board
    done_ids = board.done_status_ids()
    shown = slide.shown()

    waits = {}
    for w in slide.waiting:  # the longest wait of a task waiting for the team
        waits.setdefault(w.handoff.task_id, w)
    listed_waiting = {w.handoff.task_id for w in shown.waiting}

    def news(task_id: int) -> str:
        """What changed since the last standup, and how long the task has waited for the
        team, told on its line in another section."""
        wait = ""
        if task_id in waits and task_id not in listed_waiting:
            waited = span_text(waits[task_id].waited)
            wait = arg(QCoreApplication.translate("Standup", "Waiting %1"), waited)
        return _join(wait, *(change_line(c, names).word for c in shown.folded.get(task_id, ())))

    def others(task_id: int, but: RiskKind | None = None) -> str:
        """The task's risks other than the one its section already says."""
        reasons = [r for r in shown.risks.get(task_id, ()) if r.kind is not but]
        return risk_words(reasons) if reasons else ""

    def dated(ids, word_of, icon, tone, but: RiskKind | None = None) -> tuple[Line, ...]:
        return tuple(
            Line(
                names.task(i),
                word_of(i),
                _join(news(i), names.owner(i), others(i, but)),
                icon,
                tone,
            )
            for i in ids
            if i in board.tasks
        )

    changes = []
    for c in shown.changes:
        line = change_line(c, names)
        older = _join(*(change_line(o, names).word for o in shown.folded.get(c.task_id, ())))
        changes.append(replace(line, detail=_join(line.detail, older)) if older else line)
    since = Section(
        "changes", QCoreApplication.translate("Standup", "Since last standup"), tuple(changes)
    )
    overdue = Section(
        "overdue",
        QCoreApplication.translate("Standup", "Overdue"),
        dated(
            shown.overdue,
            lambda i: due_text(board.tasks[i].due, names.today),
            "clock",
            "late",
            RiskKind.OVERDUE,
        ),
    )
    today = Section(
        "due_today",
        QCoreApplication.translate("Standup", "Due today"),
        dated(
            shown.due_today,
            lambda i: QCoreApplication.translate("Standup", "Today"),
            "clock",
            "risk",
        ),
    )
    week = Section(
        "due_week",
        QCoreApplication.translate("Standup", "This week"),
        dated(shown.due_this_week, lambda i: names.day(board.tasks[i].due), "clock", "text"),
    )

    def waits_for(task_id: int) -> str:
        task = board.tasks[task_id]
        open_ = [
            names.task(p)
            for p in task.depends_on
            if p in board.tasks and board.tasks[p].status_id not in done_ids
        ]
        return (
            arg(QCoreApplication.translate("Standup", "waits for %1"), join_list(open_))
            if open_
            else ""
        )

    blocked = Section(
        "blocked",
        QCoreApplication.translate("Standup", "Blocked"),
        tuple(
            Line(
                names.task(i),
                QCoreApplication.translate("Standup", "Blocked"),
                _join(news(i), waits_for(i), names.owner(i), others(i, RiskKind.DEPENDENCY)),
                "blocked",
                "blocked",
            )
            for i in shown.blocked
            if i in board.tasks
        ),
    )
    risk_lines = []
    for task_id, reasons in shown.at_risk:
        if not reasons or task_id not in board.tasks:
            continue
        first = reasons[0]
        word = risk_words(reasons)
        tone = "late" if first.kind is RiskKind.OVERDUE else "risk"
        detail = _join(news(task_id), risk_sentence(first), names.owner(task_id))
        risk_lines.append(Line(names.task(task_id), word, detail, "risk", tone))
    at_risk = Section(
        "at_risk", QCoreApplication.translate("Standup", "At risk"), tuple(risk_lines)
    )
    waiting = Section(
        "waiting",
        QCoreApplication.translate("Standup", "Waiting for us"),
        tuple(
            Line(
                names.task(w.handoff.task_id),
                arg(QCoreApplication.translate("Standup", "Waiting %1"), span_text(w.waited)),
                _join(
                    news(w.handoff.task_id),
                    arg(
                        QCoreApplication.translate("Standup", "from %1"),
                        names.team(w.handoff.sender_team_id),
                    ),
                    names.person(w.handoff.sender_id),
                    others(w.handoff.task_id),
                ),
                "received",
                "handoff",
            )
            for w in shown.waiting
        ),
    )
    people = Section(
        "people",
        QCoreApplication.translate("Standup", "Who is doing what"),
        tuple(
            Line(
                names.person(p.person_id),
                "",
                parts_text([names.task(i) for i in p.task_ids])
                or QCoreApplication.translate("Standup", "Nothing started"),
                "person",
                "text",
            )
            for p in slide.people
        ),
        big_details=True,  # under a person's name, their tasks' titles: never small
    )
    sections = (since, overdue, today, waiting, blocked, at_risk, week, people)
    return tuple(s for s in sections if s.lines)  # never a heading over nothing


def build_slides(
    agenda: Agenda, board: Board, today: date, forecasts: Sequence[Forecast] = ()
) -> list[Slide]:
    """One slide per team, then the overview (with each team's forecast), the timeline and
    the closing slide."""
    names = _Names(board, today)
    total = len(agenda.teams)
    slides: list[Slide] = []
    for number, team in enumerate(agenda.teams, start=1):
        slides.append(
            Slide(
                TEAM,
                (TEAM, team.team_id),
                names.team(team.team_id),
                arg(
                    QCoreApplication.translate("Standup", "Team %1 of %2"), str(number), str(total)
                ),
                team_sections(team, names),
                team_number=number,
            )
        )
    slides.append(
        Slide(
            OVERVIEW,
            OVERVIEW,
            QCoreApplication.translate("Standup", "Overview"),
            QCoreApplication.translate("Standup", "The whole board"),
            rows=overview(agenda, names, forecasts),
        )
    )
    slides.append(
        Slide(
            TIMELINE,
            TIMELINE,
            QCoreApplication.translate("Standup", "Timeline"),
            QCoreApplication.translate("Standup", "The weeks around today"),
        )
    )
    slides.append(
        Slide(
            DONE,
            DONE,
            QCoreApplication.translate("Standup", "That's the standup"),
            QCoreApplication.translate("Standup", "End of the agenda"),
        )
    )
    return slides


def overview(
    agenda: Agenda, names: _Names, forecasts: Sequence[Forecast] = ()
) -> tuple[OverviewRow, ...]:
    board = names.board
    by_team = {f.scope_id: f for f in forecasts if f.scope == "team"}
    done_ids = board.done_status_ids()
    rows = []
    for team in agenda.teams:
        open_count = sum(
            1
            for t in board.tasks.values()
            if t.team_id == team.team_id and not t.archived and t.status_id not in done_ids
        )
        finished = {c.task_id for c in team.changes if c.kind == FINISHED}
        told = by_team.get(team.team_id) if team.team_id is not None else None
        line = forecast_line(told, names.today, with_name=False) if told else None
        rows.append(
            OverviewRow(
                names.team(team.team_id),
                open_count,
                len(finished),
                len(team.at_risk),
                len(team.blocked),
                len(team.overdue),
                line.text if line else "",
                line.late if line else False,
            )
        )
    return tuple(rows)


def since_text(agenda: Agenda) -> str:
    """'Since Mon 14 Dec 09:02' / '12月14日(月) 09:02以降' (the one date style, local time)
    or 'Since this time yesterday'."""
    if agenda.since is None:
        return QCoreApplication.translate("Standup", "Since this time yesterday")
    return arg(QCoreApplication.translate("Standup", "Since %1"), moment_text(agenda.since))
