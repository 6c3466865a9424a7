"""What the status report says, as plain values: one frozen value per section, built from the
read model by pure functions and laid out elsewhere (``report_document``, ``report_board``).

Every word here is already in the reader's language and every date already relative to the
board's "today"; what is left to the layout is type, colour and where the pages break. Risk is
never colour alone: a value that is drawn in a warning colour says so with ``late`` or ``lost``
and carries the word that goes with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from renkei.app.standup import (
    DEADLINE,
    FINISHED,
    HANDOFF_RECEIVED,
    HANDOFF_RETURNED,
    HANDOFF_SENT,
    MOVED,
    NEW,
    ChangeLine,
    TeamSlide,
)
from renkei.domain.durations import duration_text
from renkei.domain.handoff import HandoffState, item_label
from renkei.domain.handoff_log import severity
from renkei.domain.handoff_loss import LOST_KINDS
from renkei.domain.handoff_loss import describe as describe_finding
from renkei.domain.handoff_matrix import loss_score
from renkei.domain.model import Task
from renkei.domain.read_model import BoardReadModel
from renkei.domain.risk import RiskReason, badge_word, describe
from renkei.export.report_scope import Due, ReportScope, TaskLabel, time_text
from renkei.i18n import arg, translate_marked
from renkei.i18n.words import bounce_word, date_text, finding_word
from renkei.render.forecast_words import ForecastLine, forecast_line

MAX_CHANGES = 60  # per team in "changes since the last standup"
MAX_CURRENT_WORK = 8  # titles per person in "who is doing what"; "+N" for the rest
WORST_CHAINS = 5
LOST = frozenset(k.value for k in LOST_KINDS)

Check = Callable[[], None]  # raises to stop (the export was cancelled)


def _no_check() -> None:
    return None


# -- the values ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A big number with its words on the cover; ``alarming`` draws it in the warning colour."""

    number: int
    words: str
    alarming: bool = False


@dataclass(frozen=True)
class Cover:
    board_name: str
    subtitle: str  # "Status report", with the team when the report keeps to one
    since: str  # "Since Fri 4 Dec 16:28 (last standup)"
    as_of: str
    statuses: tuple[Figure, ...]  # all tasks, then one per status in board order
    signals: tuple[Figure, ...]  # at risk, overdue, done in the period, handoffs…
    worst_pair: str | None  # the team pair that loses the most, as a sentence
    # Will it finish in time? One line per team, then per project (a team's report: its own
    # and its projects').
    forecasts: tuple[ForecastLine, ...] = ()


@dataclass(frozen=True)
class Reason:
    """One reason a task is at risk: the badge word and the sentence that explains it."""

    word: str
    detail: str


@dataclass(frozen=True)
class AtRiskRow:
    task: TaskLabel
    owner: str
    due: Due | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class OverdueRow:
    task: TaskLabel
    owner: str
    due: Due
    status: str
    priority: str


@dataclass(frozen=True)
class RiskSection:
    at_risk: tuple[AtRiskRow, ...]  # soonest due first
    overdue: tuple[OverdueRow, ...]  # longest overdue first


@dataclass(frozen=True)
class DueRow:
    task: TaskLabel
    owner: str
    due: Due | None
    status: str


@dataclass(frozen=True)
class BlockedRow:
    task: TaskLabel
    owner: str
    waiting_for: tuple[str, ...]  # titles of the unfinished tasks it waits for


@dataclass(frozen=True)
class WaitingRow:
    task: TaskLabel
    from_team: str
    from_person: str
    to_person: str
    waited: str


@dataclass(frozen=True)
class PersonRow:
    person: str
    work: tuple[str, ...]  # titles, at most MAX_CURRENT_WORK
    more: int  # titles left out


@dataclass(frozen=True)
class TeamSection:
    name: str
    open_tasks: int
    at_risk: int
    overdue: int
    blocked: int
    waiting: int
    due: tuple[DueRow, ...]  # due today and this week
    blocked_rows: tuple[BlockedRow, ...]
    waiting_rows: tuple[WaitingRow, ...]
    people: tuple[PersonRow, ...]  # only people with current work


@dataclass(frozen=True)
class BoardColumn:
    status: str
    count: str  # "14 / 15" when the column has a WIP limit
    task_ids: tuple[int, ...]  # in the order the cards go down the column


@dataclass(frozen=True)
class PairRow:
    pair: str  # "Marketing → Inside Sales"
    handoffs: int
    in_time: str  # "80%", "—"
    median: str
    returned: str
    lost: tuple[str, ...]  # "Budget × 2", most lost first
    silent: int = 0  # times a task changed hands between these teams with no handoff


@dataclass(frozen=True)
class ChainRow:
    task: str
    hops: int
    word: str  # what broke: "Info lost"
    detail: str
    items: str  # "Budget, Consent" or "—"


@dataclass(frozen=True)
class HandoffSection:
    pairs: tuple[PairRow, ...]  # the pairs that lose most first
    chains: tuple[ChainRow, ...]  # the worst WORST_CHAINS


@dataclass(frozen=True)
class ChangeRow:
    when: str
    what: str
    task: str
    detail: str


@dataclass(frozen=True)
class TeamChanges:
    team: str
    rows: tuple[ChangeRow, ...]  # newest first, at most MAX_CHANGES
    older: int  # changes left out


@dataclass(frozen=True)
class ChangesSection:
    since: str
    teams: tuple[TeamChanges, ...]


@dataclass(frozen=True)
class ReportSections:
    """The whole report in page order (the timeline's pages come between teams and board)."""

    board_name: str  # with " — team" when the report keeps to one team: the page header
    cover: Cover
    risk: RiskSection
    teams: tuple[TeamSection, ...]
    timeline: tuple[int, ...]  # the task ids the timeline shows
    board: tuple[BoardColumn, ...]
    handoffs: HandoffSection
    changes: ChangesSection


# -- the sections -------------------------------------------------------------------------------


def build_sections(
    model: BoardReadModel,
    team_id: int | None = None,
    since: datetime | None = None,
    check: Check = _no_check,
) -> ReportSections:
    """Everything the report says about ``model``'s board, for one team or all of them, with
    the changes since ``since`` (naive UTC; default: the last standup, else 7 days ago).
    ``check`` is called now and then and may raise to stop."""
    scope = ReportScope(model, team_id, since)
    check()
    name = scope.board.name
    if team_id is not None:
        name += " — " + scope.board.teams[team_id].name
    sections = ReportSections(
        board_name=name,
        cover=cover(scope),
        risk=risk_section(scope, check),
        teams=team_sections(scope, check),
        timeline=tuple(t.id for t in scope.tasks),
        board=board_columns(scope),
        handoffs=handoff_section(scope),
        changes=changes_section(scope, check),
    )
    check()
    return sections


def cover(scope: ReportScope) -> Cover:
    board = scope.board
    subtitle = QCoreApplication.translate("Report", "Status report")
    if scope.team_id is not None:
        subtitle += " — " + board.teams[scope.team_id].name
    since = arg(
        QCoreApplication.translate("Report", "Since %1"), time_text(scope.since, scope.today)
    )
    if scope.since_note:
        since += f" ({scope.since_note})"
    as_of = arg(QCoreApplication.translate("Report", "As of %1"), time_text(scope.now, scope.today))
    counts = Counter(t.status_id for t in scope.tasks)
    statuses = (
        Figure(len(scope.tasks), QCoreApplication.translate("Report", "Tasks")),
        *(Figure(counts[s.id], scope.status_name(s.id)) for s in board.ordered_statuses()),
    )
    done_in_period = {
        line.task_id
        for slide in scope.slides
        for line in slide.changes
        if line.kind == FINISHED and line.task_id in scope.task_ids
    }
    waiting = [
        h
        for h in board.handoffs.values()
        if h.task_id in board.tasks
        and scope.in_scope(h.sender_team_id, h.receiver_team_id)
        and h.state is HandoffState.SENT
    ]
    lost_handoffs = {
        f.handoff_id
        for f in scope.analysis.findings
        if f.kind in LOST and f.handoff_id is not None and f.task_id in scope.task_ids
    }
    signals = (
        Figure(len(scope.risk), QCoreApplication.translate("Report", "At risk"), bool(scope.risk)),
        Figure(
            len(scope.overdue),
            QCoreApplication.translate("Report", "Overdue"),
            bool(scope.overdue),
        ),
        Figure(len(done_in_period), QCoreApplication.translate("Report", "Done in the period")),
        Figure(len(waiting), QCoreApplication.translate("Report", "Handoffs waiting")),
        Figure(
            len(lost_handoffs),
            QCoreApplication.translate("Report", "Handoffs that lost information"),
            bool(lost_handoffs),
        ),
    )
    worst_pair = None
    pairs = scope.analysis.worst_pairs()
    shown = [c for c in pairs if scope.in_scope(c.from_team_id, c.to_team_id)]
    if len(pairs) > 1 and shown:  # a tie: every pair named, none above the others
        worst_pair = arg(
            QCoreApplication.translate("Report", "The team pairs that lose the most, tied: %1"),
            ", ".join(
                f"{scope.team_name(c.from_team_id)} → {scope.team_name(c.to_team_id)}"
                for c in shown
            ),
        )
    elif shown:
        worst = shown[0]
        lost = ", ".join(item_label(i, translate_marked) for i, _n in worst.lost_items)
        worst_pair = arg(
            QCoreApplication.translate("Report", "The team pair that loses the most: %1 → %2"),
            scope.team_name(worst.from_team_id),
            scope.team_name(worst.to_team_id),
        )
        if lost:
            worst_pair += " — " + arg(QCoreApplication.translate("Report", "most lost: %1"), lost)
    return Cover(
        board_name=board.name,
        subtitle=subtitle,
        since=since,
        as_of=as_of,
        statuses=statuses,
        signals=signals,
        worst_pair=worst_pair,
        forecasts=tuple(
            forecast_line(f, scope.today)
            for f in scope.model.forecasts()
            if scope.team_id is None
            or (f.scope == "team" and f.scope_id == scope.team_id)
            or (f.scope == "project" and scope.team_id in f.teams)
        ),
    )


def _reasons(reasons: Sequence[RiskReason]) -> tuple[Reason, ...]:
    return tuple(
        Reason(badge_word(r, translate_marked), describe(r, translate_marked, date_text))
        for r in reasons
    )


def risk_section(scope: ReportScope, check: Check = _no_check) -> RiskSection:
    board = scope.board
    at_risk = sorted((board.tasks[i] for i in scope.risk), key=lambda t: (t.due or date.max, t.id))
    rows = []
    for n, t in enumerate(at_risk):
        if n % 50 == 49:
            check()
        rows.append(
            AtRiskRow(
                scope.label(t), scope.person(t.owner_id), scope.due(t), _reasons(scope.risk[t.id])
            )
        )
    overdue = []
    for n, t in enumerate(sorted(scope.overdue, key=lambda t: (t.due, t.id))):
        if n % 50 == 49:
            check()
        due = scope.due(t)
        assert due is not None  # overdue: it has a due date
        overdue.append(
            OverdueRow(
                scope.label(t),
                scope.person(t.owner_id),
                due,
                scope.status_name(t.status_id),
                QCoreApplication.translate("Priority", t.priority.label),
            )
        )
    return RiskSection(tuple(rows), tuple(overdue))


def team_sections(scope: ReportScope, check: Check = _no_check) -> tuple[TeamSection, ...]:
    return tuple(_team(scope, slide, check) for slide in scope.slides)


def _team(scope: ReportScope, slide: TeamSlide, check: Check) -> TeamSection:
    check()
    board = scope.board
    tasks = board.tasks
    live = [t for t in scope.live if t.team_id == slide.team_id]
    due = tuple(
        DueRow(
            scope.label(t, False),
            scope.person(t.owner_id),
            scope.due(t),
            scope.status_name(t.status_id),
        )
        for t in (tasks[i] for i in (*slide.due_today, *slide.due_this_week))
    )
    blocked = []
    for task_id in slide.blocked:
        t = tasks[task_id]
        waits = tuple(
            tasks[o].title
            for o in t.depends_on
            if o in tasks and tasks[o].status_id not in scope.done_ids and not tasks[o].archived
        )
        blocked.append(BlockedRow(scope.label(t, False), scope.person(t.owner_id), waits))
    waiting = tuple(
        WaitingRow(
            scope.label(tasks[w.handoff.task_id], False),
            scope.team_name(w.handoff.sender_team_id),
            scope.person(w.handoff.sender_id),
            scope.person(w.handoff.receiver_id),
            duration_text(w.waited, translate_marked),
        )
        for w in slide.waiting
    )
    people = tuple(
        PersonRow(
            scope.person(w.person_id),
            tuple(tasks[i].title for i in w.task_ids[:MAX_CURRENT_WORK]),
            max(0, len(w.task_ids) - MAX_CURRENT_WORK),
        )
        for w in slide.people
        if w.task_ids
    )
    return TeamSection(
        name=scope.team_name(slide.team_id),
        open_tasks=len(live),
        at_risk=len(slide.at_risk),
        overdue=len(slide.overdue),
        blocked=len(slide.blocked),
        waiting=len(slide.waiting),
        due=due,
        blocked_rows=tuple(blocked),
        waiting_rows=waiting,
        people=people,
    )


def board_columns(scope: ReportScope) -> tuple[BoardColumn, ...]:
    """One column per status: cards at risk first, then soonest due; finished work newest
    first. The painter shows as many as fit and says how many more there are."""
    by_status: dict[int, list[Task]] = {s.id: [] for s in scope.board.ordered_statuses()}
    for t in scope.tasks:
        if t.status_id in by_status:
            by_status[t.status_id].append(t)
    columns = []
    for status in scope.board.ordered_statuses():
        tasks = by_status[status.id]
        if status.is_done:
            tasks.sort(key=lambda t: t.updated_at or datetime.min, reverse=True)
        else:
            tasks.sort(key=lambda t: (not scope.risk.get(t.id), t.due or date.max, t.position))
        count = str(len(tasks))
        if status.wip_limit is not None:
            count += " / " + str(status.wip_limit)
        columns.append(BoardColumn(scope.status_name(status.id), count, tuple(t.id for t in tasks)))
    return tuple(columns)


def handoff_section(scope: ReportScope) -> HandoffSection:
    dash = QCoreApplication.translate("Report", "—")
    cells = [
        c for c in scope.analysis.matrix.values() if scope.in_scope(c.from_team_id, c.to_team_id)
    ]
    cells.sort(key=lambda c: (-loss_score(c), -c.count))
    pairs = tuple(
        PairRow(
            pair=f"{scope.team_name(c.from_team_id)} → {scope.team_name(c.to_team_id)}",
            handoffs=c.count,
            in_time="—" if c.acknowledged_in_sla is None else f"{c.acknowledged_in_sla:.0%}",
            median="—"
            if c.median_to_acknowledge is None
            else duration_text(c.median_to_acknowledge, translate_marked),
            returned=f"{c.returned_or_rejected:.0%}",
            lost=tuple(f"{item_label(i, translate_marked)} × {n}" for i, n in c.lost_items),
            silent=c.silent,
        )
        for c in cells
    )
    worst = []
    for task_id in scope.analysis.by_task:
        if task_id not in scope.task_ids:
            continue
        finding = scope.analysis.breaking_finding(task_id)
        if finding is not None:
            worst.append((severity(finding.kind), finding.at, task_id, finding))
    worst.sort(key=lambda w: (w[0], w[1]))
    chains = tuple(
        ChainRow(
            task=scope.board.tasks[task_id].title,
            hops=len(scope.analysis.chain(task_id)),
            word=finding_word(f.kind),
            detail=describe_finding(f, scope.names, translate_marked),
            items=", ".join(item_label(i, translate_marked) for i in f.items) or dash,
        )
        for _severity, _at, task_id, f in worst[:WORST_CHAINS]
    )
    return HandoffSection(pairs, chains)


def changes_section(scope: ReportScope, check: Check = _no_check) -> ChangesSection:
    teams = []
    for slide in scope.slides:
        check()
        lines = [c for c in slide.changes if c.task_id in scope.board.tasks]
        rows = tuple(
            ChangeRow(
                time_text(c.at, scope.today),
                _change_word(c),
                scope.board.tasks[c.task_id].title,
                _change_detail(scope, c),
            )
            for c in lines[:MAX_CHANGES]
        )
        teams.append(
            TeamChanges(scope.team_name(slide.team_id), rows, max(0, len(lines) - MAX_CHANGES))
        )
    return ChangesSection(time_text(scope.since, scope.today), tuple(teams))


def _change_word(c: ChangeLine) -> str:
    words = {
        FINISHED: QCoreApplication.translate("Report", "Finished"),
        NEW: QCoreApplication.translate("Report", "New"),
        MOVED: QCoreApplication.translate("Report", "Moved"),
        DEADLINE: QCoreApplication.translate("Report", "Due date changed"),
        HANDOFF_SENT: QCoreApplication.translate("Report", "Handed off"),
        HANDOFF_RECEIVED: QCoreApplication.translate("Report", "Received"),
        HANDOFF_RETURNED: QCoreApplication.translate("Report", "Sent back"),
    }
    return words.get(c.kind, c.kind)


def _change_detail(scope: ReportScope, c: ChangeLine) -> str:
    if c.kind in (MOVED, FINISHED):
        old = scope.status_name(c.old) if c.old is not None else "—"
        return f"{old} → {scope.status_name(c.new)}"
    if c.kind == DEADLINE:
        old = date_text(c.old, scope.today) if c.old else "—"
        new = date_text(c.new, scope.today) if c.new else "—"
        return f"{old} → {new}"
    if c.kind == HANDOFF_SENT:
        return arg(QCoreApplication.translate("Report", "to %1"), scope.team_name(c.other_team_id))
    if c.kind == HANDOFF_RECEIVED:
        return arg(
            QCoreApplication.translate("Report", "from %1"), scope.team_name(c.other_team_id)
        )
    if c.kind == HANDOFF_RETURNED:
        reason, missing = c.new
        return bounce_word(c.old, reason, missing)
    return scope.person(c.actor_id)
