"""What the status report says, as plain values: one frozen value per section, built from the
read model by pure functions and laid out elsewhere (``report_document``, ``report_board``).

Every word here is already in the reader's language and every date already relative to the
board's "today"; what is left to the layout is type, colour and where the pages break. Risk is
never colour alone: a value that is drawn in a warning colour says so with ``late`` or ``lost``
and carries the word that goes with it.
"""

from __future__ import annotations

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
from renkei.domain.handoff import item_label
from renkei.domain.handoff_log import severity
from renkei.domain.handoff_loss import LOST_KINDS
from renkei.domain.handoff_loss import describe as describe_finding
from renkei.domain.handoff_matrix import loss_score
from renkei.domain.health import StatusLine
from renkei.domain.model import Task
from renkei.domain.read_model import BoardReadModel
from renkei.domain.risk import RiskReason, badge_word, describe
from renkei.export.report_scope import Due, ReportScope, TaskLabel, time_text
from renkei.export.report_summary import SecondPage, Summary, second_page, summary
from renkei.i18n import arg, translate_marked
from renkei.i18n.words import aside_text, bounce_word, date_text, finding_word, join_list

MAX_CHANGES = 60  # per team in "changes since the last standup"
WORST_CHAINS = 5
LOST = frozenset(k.value for k in LOST_KINDS)

Check = Callable[[], None]  # raises to stop (the export was cancelled)


def _no_check() -> None:
    return None


# -- the values ---------------------------------------------------------------------------------


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
class TeamSection:
    name: str
    open_tasks: int
    at_risk: int
    overdue: int
    blocked: int
    waiting: int
    at_risk_rows: tuple[AtRiskRow, ...]  # soonest due first
    due: tuple[DueRow, ...]  # due today and this week, not at risk (that table has them)
    blocked_rows: tuple[BlockedRow, ...]  # not at risk either
    waiting_rows: tuple[WaitingRow, ...]


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
    """The whole report in page order: the summary's two pages (page 2 with ``changes``),
    then the appendix — teams, the timeline's pages, the board, the handoffs."""

    board_name: str  # with " — team" when the report keeps to one team: the page header
    summary: Summary  # page 1
    second: SecondPage  # page 2; the rest is the appendix
    teams: tuple[TeamSection, ...]
    timeline: tuple[int, ...]  # the task ids the timeline shows
    board: tuple[BoardColumn, ...]
    handoffs: HandoffSection
    changes: ChangesSection  # each team's changes since the last standup, on page 2


# -- the sections -------------------------------------------------------------------------------


def build_sections(
    model: BoardReadModel,
    team_id: int | None = None,
    since: datetime | None = None,
    check: Check = _no_check,
    statuses: Sequence[tuple[str, int, StatusLine]] = (),
    appendix: bool = True,
) -> ReportSections:
    """Everything the report says about ``model``'s board, for one team or all of them, with
    the changes since ``since`` (naive UTC; default: the last standup, else 7 days ago).
    ``check`` is called now and then and may raise to stop. ``statuses``: the lead's written
    status lines, as ("team" | "project", id, line). Without the ``appendix`` its sections
    (teams, timeline, board, handoffs) are left empty: the summary alone does not pay for
    them."""
    scope = ReportScope(model, team_id, since)
    check()
    name = scope.board.name
    if team_id is not None:
        name = aside_text(name, scope.board.teams[team_id].name)
    first = summary(scope, statuses)
    sections = ReportSections(
        board_name=name,
        summary=first,
        second=second_page(scope, first),
        teams=team_sections(scope, check) if appendix else (),
        timeline=tuple(t.id for t in scope.tasks) if appendix else (),
        board=board_columns(scope) if appendix else (),
        handoffs=handoff_section(scope) if appendix else HandoffSection((), ()),
        changes=changes_section(scope, check),
    )
    check()
    return sections


def _reasons(reasons: Sequence[RiskReason]) -> tuple[Reason, ...]:
    return tuple(
        Reason(badge_word(r, translate_marked), describe(r, translate_marked, date_text))
        for r in reasons
    )


def team_sections(scope: ReportScope, check: Check = _no_check) -> tuple[TeamSection, ...]:
    return tuple(_team(scope, slide, check) for slide in scope.slides)


def _team(scope: ReportScope, slide: TeamSlide, check: Check) -> TeamSection:
    check()
    board = scope.board
    tasks = board.tasks
    live = [t for t in scope.live if t.team_id == slide.team_id]
    risky = {task_id for task_id, _reasons in slide.at_risk}
    at_risk = tuple(
        AtRiskRow(scope.label(t, False), scope.person(t.owner_id), scope.due(t), _reasons(r))
        for t, r in sorted(
            ((tasks[i], r) for i, r in slide.at_risk),
            key=lambda pair: (pair[0].due or date.max, pair[0].id),
        )
    )
    due = tuple(
        DueRow(
            scope.label(t, False),
            scope.person(t.owner_id),
            scope.due(t),
            scope.status_name(t.status_id),
        )
        for t in (tasks[i] for i in (*slide.due_today, *slide.due_this_week))
        if t.id not in risky
    )
    blocked = []
    for task_id in slide.blocked:
        if task_id in risky:
            continue
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
    return TeamSection(
        name=scope.team_name(slide.team_id),
        open_tasks=len(live),
        at_risk=len(slide.at_risk),
        overdue=len(slide.overdue),
        blocked=len(slide.blocked),
        waiting=len(slide.waiting),
        at_risk_rows=at_risk,
        due=due,
        blocked_rows=tuple(blocked),
        waiting_rows=waiting,
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
    times = QCoreApplication.translate("Report", "%1 × %2")  # "Budget × 3" / "予算×3"
    pairs = tuple(
        PairRow(
            pair=f"{scope.team_name(c.from_team_id)} → {scope.team_name(c.to_team_id)}",
            handoffs=c.count,
            in_time="—" if c.acknowledged_in_sla is None else f"{c.acknowledged_in_sla:.0%}",
            median="—"
            if c.median_to_acknowledge is None
            else duration_text(c.median_to_acknowledge, translate_marked),
            returned=f"{c.returned_or_rejected:.0%}",
            lost=tuple(
                arg(times, item_label(i, translate_marked), n) for i, n in c.lost_items
            ),
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
            items=join_list([item_label(i, translate_marked) for i in f.items]) or dash,
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
