"""The report's first two pages as plain values: what a manager reads in two minutes.

Page 1 (``Summary``): each team's and project's health (domain/health.py, or the lead's
written status line), its forecast against its deadline, the five worst risks with their owner,
reason and what is needed, the handoffs stuck and where, the deadlines moved since the last
standup. Page 2 (``SecondPage``): what changed since the last standup, team by team, and the
decisions needed. Every number comes from the read model the board shows (risk, slips,
forecasts, the handoff analysis, the standup agenda's changes): nothing is counted a second
way. Laid out by ``report_document``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
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
)
from renkei.domain.forecast import Forecast
from renkei.domain.handoff import HandoffState
from renkei.domain.handoff_loss import FindingKind
from renkei.domain.handoff_loss import describe as describe_finding
from renkei.domain.health import (
    Health,
    HealthFact,
    HealthReason,
    StatusLine,
    Verdict,
    health,
    overruled,
)
from renkei.domain.model import Task
from renkei.domain.risk import SEVERITY, RiskKind, RiskReason, badge_word, describe
from renkei.export.report_scope import Due, ReportScope, TaskLabel, time_text
from renkei.i18n import arg, translate_marked
from renkei.i18n.contexts import Report
from renkei.i18n.words import aside_text, date_text, paren_text
from renkei.render.forecast_words import forecast_parts

TOP_RISKS = 5
MAX_STUCK = 5
MAX_MOVED = 5
MAX_DECISIONS = 10


# -- the values ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HealthRow:
    """A team or a project: its health in a word (and why), its forecast against its deadline."""

    name: str
    health: Health
    word: str
    why: str  # the lead's status line, or the facts the rule found ("" on track)
    by_hand: bool  # the word is the lead's
    forecast: tuple[str, ...]  # when it will be done; its deadline and the odds of it
    forecast_late: bool


@dataclass(frozen=True)
class TopRisk:
    task: TaskLabel
    owner: str
    due: Due | None
    word: str  # the worst reason's badge word
    reason: str  # its sentence
    also: str  # the other reasons' words, "" when none
    needed: str


@dataclass(frozen=True)
class StuckRow:
    task: TaskLabel
    detail: str  # the finding's sentence: the hop (teams and people) and how long


@dataclass(frozen=True)
class MovedRow:
    task: TaskLabel
    old: str
    new: str
    by: str


@dataclass(frozen=True)
class Summary:
    board_name: str
    subtitle: str
    since: str
    as_of: str
    teams: tuple[HealthRow, ...]
    projects: tuple[HealthRow, ...]
    risks: tuple[TopRisk, ...]
    more_risks: int  # tasks at risk beyond the top five
    stuck: tuple[StuckRow, ...]
    more_stuck: int
    moved: tuple[MovedRow, ...]
    more_moved: int


@dataclass(frozen=True)
class ChangeCounts:
    team: str
    finished: int
    new: int
    moved: int
    deadline: int
    handed_off: int  # sent, received
    sent_back: int


@dataclass(frozen=True)
class Decision:
    what: str
    why: str
    who: str  # who asks, or who owns it


@dataclass(frozen=True)
class SecondPage:
    since: str
    counts: tuple[ChangeCounts, ...]
    decisions: tuple[Decision, ...]
    more_decisions: int


# -- health ------------------------------------------------------------------------------------


def _reason_words(reason: HealthReason) -> str:
    fact = reason.fact
    if fact is HealthFact.FORECAST_MISSES or fact is HealthFact.FORECAST_LATE:
        return arg(
            QCoreApplication.translate("Report", "%1% chance of the deadline"), reason.count
        )
    if fact is HealthFact.MANY_OVERDUE:
        return arg(Report.tr("%n of %1 overdue", "", reason.count), reason.of)
    if fact is HealthFact.OVERDUE:
        return Report.tr("%n overdue", "", reason.count)
    if fact is HealthFact.SLIPPED:
        return Report.tr("%n slipped", "", reason.count)
    return arg(Report.tr("%n of %1 at risk", "", reason.count), reason.of)


def verdict_words(verdict: Verdict) -> str:
    """Why the scope has its health: the lead's line, or the rule's facts joined."""
    if verdict.by_hand:
        return verdict.note
    separator = QCoreApplication.translate("Report", ", ")
    return separator.join(_reason_words(r) for r in verdict.reasons)


def forecast_lines(f: Forecast | None, today: date) -> tuple[tuple[str, ...], bool]:
    """The forecast against the deadline in the standup's words (render/forecast_words), a
    line for when and one for the deadline; and whether it is late (said in the words too)."""
    if f is None:
        return (QCoreApplication.translate("Report", "—"),), False
    when, against = forecast_parts(f, today)
    if not against:
        return (when,), False
    return (when, against), f.late


def _health_row(
    scope: ReportScope,
    name: str,
    tasks: Sequence[Task],
    forecast: Forecast | None,
    line: StatusLine | None,
) -> HealthRow:
    model = scope.model
    risks = {t.id: model.risk(t.id) for t in tasks}
    verdict = overruled(health(tasks, risks, scope.slips, forecast), line)
    lines, late = forecast_lines(forecast, scope.today)
    return HealthRow(
        name=name,
        health=verdict.health,
        word=verdict.health.word(translate_marked),
        why=verdict_words(verdict),
        by_hand=verdict.by_hand,
        forecast=lines,
        forecast_late=late,
    )


def health_rows(
    scope: ReportScope, lines: Sequence[tuple[str, int, StatusLine]] = ()
) -> tuple[tuple[HealthRow, ...], tuple[HealthRow, ...]]:
    """Each team's, then each project's health row (a team's report: its own and its
    projects'). ``lines``: the lead's status lines, as ("team" | "project", id, line)."""
    board = scope.board
    by_hand = {(kind, ident): line for kind, ident, line in lines}
    forecasts = {(f.scope, f.scope_id): f for f in scope.model.forecasts()}
    live = [t for t in board.tasks.values() if not t.archived and t.status_id not in scope.done_ids]
    teams = []
    for team in board.ordered_teams():
        if scope.team_id is not None and team.id != scope.team_id:
            continue
        tasks = [t for t in live if t.team_id == team.id]
        forecast = forecasts.get(("team", team.id))
        teams.append(_health_row(scope, team.name, tasks, forecast, by_hand.get(("team", team.id))))
    projects = []
    for project in sorted(board.projects.values(), key=lambda p: (p.name.casefold(), p.id)):
        forecast = forecasts.get(("project", project.id))
        tasks = [t for t in live if t.project_id == project.id]
        if scope.team_id is not None and not any(t.team_id == scope.team_id for t in tasks):
            continue
        line = by_hand.get(("project", project.id))
        projects.append(_health_row(scope, project.name, tasks, forecast, line))
    return tuple(teams), tuple(projects)


# -- risks -------------------------------------------------------------------------------------

def needed(reasons: Sequence[RiskReason]) -> str:
    """What would take the risk away, in a few words: what the person who flagged it wrote,
    else what the worst reason asks for (a dependency: the task it waits for, finished)."""
    for found in reasons:
        if found.kind is RiskKind.FLAGGED:
            return str(found.param("reason"))
    reason = reasons[0]
    if reason.kind is RiskKind.DEPENDENCY:
        return arg(
            QCoreApplication.translate("Report", "“%1” finished first"), reason.param("other")
        )
    words = {
        RiskKind.OVERDUE: QCoreApplication.translate("Report", "Finish it, or agree a new date"),
        RiskKind.BEHIND: QCoreApplication.translate("Report", "More hands, or a later date"),
        RiskKind.FORECAST_LATE: QCoreApplication.translate(
            "Report", "Less work ahead of it, or a later date"
        ),
        RiskKind.SLIPPED: QCoreApplication.translate("Report", "A date the owner commits to"),
        RiskKind.NO_OWNER: QCoreApplication.translate("Report", "Someone to own it"),
        RiskKind.STALE: QCoreApplication.translate(
            "Report", "A word from the owner on where it stands"
        ),
    }
    return words[reason.kind]


def ranked_risks(scope: ReportScope) -> list[Task]:
    """The scope's tasks at risk, worst first: by their worst reason in the board's order of
    severity (the card badge's), then by how many reasons, then soonest due."""
    order = {kind: n for n, kind in enumerate(SEVERITY)}
    tasks = [scope.board.tasks[i] for i in scope.risk]
    return sorted(
        tasks,
        key=lambda t: (
            order[scope.risk[t.id][0].kind],
            -len(scope.risk[t.id]),
            t.due or date.max,
            t.id,
        ),
    )


def top_risks(scope: ReportScope) -> tuple[TopRisk, ...]:
    rows = []
    separator = QCoreApplication.translate("Report", ", ")
    for task in ranked_risks(scope)[:TOP_RISKS]:
        reasons = scope.risk[task.id]
        worst = reasons[0]
        others = dict.fromkeys(badge_word(r, translate_marked) for r in reasons[1:])
        others.pop(badge_word(worst, translate_marked), None)
        rows.append(
            TopRisk(
                task=scope.label(task),
                owner=scope.person(task.owner_id),
                due=scope.due(task),
                word=badge_word(worst, translate_marked),
                reason=describe(worst, translate_marked, lambda d: date_text(d, scope.today)),
                also=separator.join(others),
                needed=needed(reasons),
            )
        )
    return tuple(rows)


# -- handoffs stuck, deadlines moved -------------------------------------------------------------


def stuck_handoffs(scope: ReportScope) -> list[StuckRow]:
    """The handoff analysis's findings that still hold a task up: sent and not acknowledged
    past the SLA ("dropped", still open), or accepted and then left ("stalled"); longest
    stuck first. The same findings, in the same words, as the Handoffs tab."""
    board = scope.board
    found = []
    for f in scope.analysis.findings:
        if f.task_id not in scope.task_ids or f.handoff_id is None:
            continue
        handoff = board.handoffs.get(f.handoff_id)
        task = board.tasks.get(f.task_id)
        if handoff is None or task is None or task.status_id in scope.done_ids:
            continue
        open_drop = f.kind == FindingKind.DROPPED and handoff.state is HandoffState.SENT
        stall = f.kind == FindingKind.STALLED and handoff.state is HandoffState.ACCEPTED
        if open_drop or stall:
            found.append((f.at, f))
    found.sort(key=lambda pair: (pair[0], pair[1].task_id))
    return [
        StuckRow(
            task=scope.label(board.tasks[f.task_id], with_team=False),
            detail=describe_finding(f, scope.names, translate_marked),
        )
        for _at, f in found
    ]


def moved_deadlines(scope: ReportScope) -> list[MovedRow]:
    """Due dates changed since the last standup (the standup's own change lines), newest
    first."""
    lines = [
        c
        for slide in scope.slides
        for c in slide.changes
        if c.kind == DEADLINE and c.task_id in scope.task_ids
    ]
    lines.sort(key=lambda c: c.at, reverse=True)
    dash = QCoreApplication.translate("Report", "—")
    return [
        MovedRow(
            task=scope.label(scope.board.tasks[c.task_id]),
            old=date_text(c.old, scope.today) if c.old else dash,
            new=date_text(c.new, scope.today) if c.new else dash,
            by=scope.person(c.actor_id),
        )
        for c in lines
    ]


def summary(scope: ReportScope, lines: Sequence[tuple[str, int, StatusLine]] = ()) -> Summary:
    board = scope.board
    subtitle = QCoreApplication.translate("Report", "Status report")
    if scope.team_id is not None:
        subtitle = aside_text(subtitle, board.teams[scope.team_id].name)
    since = arg(
        QCoreApplication.translate("Report", "Since %1"), time_text(scope.since, scope.today)
    )
    if scope.since_note:
        since = paren_text(since, scope.since_note)
    as_of = arg(QCoreApplication.translate("Report", "As of %1"), time_text(scope.now, scope.today))
    teams, projects = health_rows(scope, lines)
    risks = top_risks(scope)
    stuck = stuck_handoffs(scope)
    moved = moved_deadlines(scope)
    return Summary(
        board_name=board.name,
        subtitle=subtitle,
        since=since,
        as_of=as_of,
        teams=teams,
        projects=projects,
        risks=risks,
        more_risks=max(0, len(scope.risk) - len(risks)),
        stuck=tuple(stuck[:MAX_STUCK]),
        more_stuck=max(0, len(stuck) - MAX_STUCK),
        moved=tuple(moved[:MAX_MOVED]),
        more_moved=max(0, len(moved) - MAX_MOVED),
    )


# -- page 2 ------------------------------------------------------------------------------------


def change_counts(scope: ReportScope) -> tuple[ChangeCounts, ...]:
    rows = []
    for slide in scope.slides:
        kinds = Counter(c.kind for c in slide.changes if c.task_id in scope.board.tasks)
        rows.append(
            ChangeCounts(
                team=scope.team_name(slide.team_id),
                finished=kinds[FINISHED],
                new=kinds[NEW],
                moved=kinds[MOVED],
                deadline=kinds[DEADLINE],
                handed_off=kinds[HANDOFF_SENT] + kinds[HANDOFF_RECEIVED],
                sent_back=kinds[HANDOFF_RETURNED],
            )
        )
    return tuple(rows)


def decisions(scope: ReportScope, summary: Summary, shown: set[int]) -> list[Decision]:
    """What a lead or a manager has to decide: every scope off track (keep its deadline?),
    then every flag a person raised and every task at risk with nobody owning it — the tasks
    the first page's top risks already name (``shown``) left out."""
    found = []
    for row in (*summary.teams, *summary.projects):
        if row.health is Health.OFF_TRACK:
            found.append(
                Decision(
                    arg(
                        QCoreApplication.translate(
                            "Report", "%1: keep the deadline, cut scope or add people?"
                        ),
                        row.name,
                    ),
                    row.why,
                    QCoreApplication.translate("Report", "Management"),
                )
            )
    for task in ranked_risks(scope):
        if task.id in shown:
            continue
        if task.flag is not None:
            found.append(
                Decision(
                    arg(
                        QCoreApplication.translate("Report", "“%1”: %2"),
                        task.title,
                        task.flag.reason,
                    ),
                    scope.team_name(task.team_id),
                    scope.person(task.flag.set_by),
                )
            )
        elif task.owner_id is None:
            found.append(
                Decision(
                    arg(QCoreApplication.translate("Report", "Who owns “%1”?"), task.title),
                    scope.team_name(task.team_id),
                    QCoreApplication.translate("Report", "Team lead"),
                )
            )
    return found


def second_page(scope: ReportScope, first: Summary) -> SecondPage:
    shown = {t.id for t in ranked_risks(scope)[:TOP_RISKS]}
    needed_now = decisions(scope, first, shown)
    return SecondPage(
        since=time_text(scope.since, scope.today),
        counts=change_counts(scope),
        decisions=tuple(needed_now[:MAX_DECISIONS]),
        more_decisions=max(0, len(needed_now) - MAX_DECISIONS),
    )
