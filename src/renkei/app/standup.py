"""What the morning standup walks through, team by team, Qt-free.

For each team: what changed since the last standup (from the audit trail and the handoffs),
what is due today and this week, what is at risk and why, what is blocked, the handoffs
waiting for the team and how long they have waited, and who is doing what. The slides are
built from one board snapshot; words are the view's job.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from renkei.domain.handoff import Handoff, HandoffState
from renkei.domain.model import Activity, Board, Task
from renkei.domain.read_model import BoardReadModel
from renkei.domain.risk import SEVERITY, RiskReason

# What a change since the last standup was, as the slide groups them.
FINISHED = "finished"  # moved into a done column
MOVED = "moved"  # moved to another column (not done)
NEW = "new"  # created
DEADLINE = "deadline"  # its due date changed
HANDOFF_SENT = "handoff_sent"  # the team handed a task to another team
HANDOFF_RECEIVED = "handoff_received"  # another team handed the team a task
HANDOFF_RETURNED = "handoff_returned"  # a task the team handed off came back (or was rejected)
CHANGE_KINDS = (FINISHED, NEW, MOVED, DEADLINE, HANDOFF_SENT, HANDOFF_RECEIVED, HANDOFF_RETURNED)
WEEK = 7  # "this week": the next seven days after today


@dataclass(frozen=True, slots=True)
class ChangeLine:
    kind: str  # one of CHANGE_KINDS
    task_id: int
    at: datetime
    actor_id: int | None
    old: Any = None  # MOVED: the old status id; DEADLINE: the old due date;
    # HANDOFF_RETURNED: the handoff's state ("returned" or "rejected")
    new: Any = None  # MOVED/FINISHED: the new status id; DEADLINE: the new due date;
    # HANDOFF_RETURNED: (reason code, the items it was returned for)
    handoff_id: int | None = None  # HANDOFF_*: the handoff
    other_team_id: int | None = None  # HANDOFF_*: the team on the other side


@dataclass(frozen=True, slots=True)
class WaitingHandoff:
    handoff: Handoff
    waited: timedelta  # since it was sent


@dataclass(frozen=True, slots=True)
class PersonWork:
    person_id: int
    task_ids: tuple[int, ...]  # their current work: started, unfinished, soonest due first


@dataclass(frozen=True, slots=True)
class TeamSlide:
    team_id: int | None  # None: tasks without a team
    changes: tuple[ChangeLine, ...]  # newest first
    due_today: tuple[int, ...]
    due_this_week: tuple[int, ...]  # after today, within WEEK days
    overdue: tuple[int, ...]
    at_risk: tuple[tuple[int, tuple[RiskReason, ...]], ...]
    blocked: tuple[int, ...]
    waiting: tuple[WaitingHandoff, ...]  # handoffs sent to this team, not yet acknowledged
    people: tuple[PersonWork, ...]

    def shown(self) -> ShownItems:
        """Each task once: in the first section that lists it (see ``shown_items``)."""
        return shown_items(self)

    @property
    def empty(self) -> bool:
        return not (
            self.changes
            or self.due_today
            or self.due_this_week
            or self.overdue
            or self.at_risk
            or self.blocked
            or self.waiting
            or any(p.task_ids for p in self.people)
        )


@dataclass(frozen=True, slots=True)
class ShownItems:
    """A team's slide with every task in one section only (``shown_items``), most important
    first, and what else is true of a task that other sections would have said."""

    changes: tuple[ChangeLine, ...]  # the newest change of each task not shown elsewhere
    overdue: tuple[int, ...]
    due_today: tuple[int, ...]
    due_this_week: tuple[int, ...]
    at_risk: tuple[tuple[int, tuple[RiskReason, ...]], ...]
    blocked: tuple[int, ...]
    waiting: tuple[WaitingHandoff, ...]
    # A task's changes since the last standup, newest first, when they are told on the task's
    # line in another section (or older changes under its newest one in Since last standup).
    folded: dict[int, tuple[ChangeLine, ...]]
    risks: dict[int, tuple[RiskReason, ...]]  # every task at risk on the slide: why


def shown_items(slide: TeamSlide) -> ShownItems:
    """``slide`` with every task in the first section that lists it, in this order: overdue,
    due today, waiting for the team, blocked, at risk, due this week, changed since the last
    standup. An overdue task shows under Overdue and nowhere else (its other facts go on its
    line); a change to a task shown above is told on that task's line, not a second time.
    The sections keep their order (most important first)."""
    taken: set[int] = set()

    def claim(ids: Iterable[int]) -> tuple[int, ...]:
        kept = tuple(i for i in ids if i not in taken)
        taken.update(kept)
        return kept

    overdue = claim(slide.overdue)
    due_today = claim(slide.due_today)
    waiting_ids = claim(dict.fromkeys(w.handoff.task_id for w in slide.waiting))
    waiting, seen = [], set()
    for w in slide.waiting:  # one line a task, its longest wait
        if w.handoff.task_id in waiting_ids and w.handoff.task_id not in seen:
            seen.add(w.handoff.task_id)
            waiting.append(w)
    blocked = claim(slide.blocked)
    risky = dict(slide.at_risk)
    at_risk_ids = claim(task_id for task_id, _ in slide.at_risk)
    due_this_week = claim(slide.due_this_week)
    by_task: dict[int, list[ChangeLine]] = defaultdict(list)
    for change in slide.changes:  # newest first
        by_task[change.task_id].append(change)
    changes = tuple(
        c for c in slide.changes if c.task_id not in taken and by_task[c.task_id][0] is c
    )
    folded = {
        task_id: tuple(lines if task_id in taken else lines[1:])
        for task_id, lines in by_task.items()
        if task_id in taken or len(lines) > 1
    }
    return ShownItems(
        changes=changes,
        overdue=overdue,
        due_today=due_today,
        due_this_week=due_this_week,
        at_risk=tuple((i, risky[i]) for i in at_risk_ids),
        blocked=blocked,
        waiting=tuple(waiting),
        folded=folded,
        risks=risky,
    )


def importance(reasons: Sequence[RiskReason], due: date | None) -> tuple[int, date]:
    """How a section orders its tasks: the most serious risk first (``SEVERITY``), then the
    soonest due; a task at no risk after every task at risk."""
    rank = min((SEVERITY.index(r.kind) for r in reasons), default=len(SEVERITY))
    return rank, due or date.max


@dataclass(frozen=True, slots=True)
class Agenda:
    since: datetime | None  # the last standup; None: never held (the last day is shown)
    teams: tuple[TeamSlide, ...]


def _live(task: Task, done: frozenset[int]) -> bool:
    return not task.archived and task.status_id not in done


def current_work(board: Board, person_id: int, today: date) -> tuple[int, ...]:
    """A person's started, unfinished tasks: a start date today or earlier, or some
    progress; the soonest due first."""
    done = board.done_status_ids()
    mine = [
        t
        for t in board.tasks.values()
        if t.owner_id == person_id
        and _live(t, done)
        and ((t.start is not None and t.start <= today) or t.progress > 0)
    ]
    mine.sort(key=lambda t: (t.due or date.max, t.id))
    return tuple(t.id for t in mine)


def changes_since(
    board: Board, trail: Sequence[Activity], since: datetime
) -> dict[int | None, list[ChangeLine]]:
    """The changes after ``since`` by the team each task belongs to now, newest first.
    ``trail`` is the task Activity since then; handoffs come from the board."""
    done = board.done_status_ids()
    found: dict[int | None, list[ChangeLine]] = defaultdict(list)
    for row in trail:
        if row.entity != "task" or row.at <= since:
            continue
        task = board.tasks.get(row.entity_id)
        if task is None:
            continue
        # A task finished and archived since then was still finished since then.
        if task.archived and not (row.field == "status_id" and row.new and int(row.new) in done):
            continue
        line = None
        if row.field == "created":
            line = ChangeLine(NEW, task.id, row.at, row.actor_id)
        elif row.field == "status_id" and row.new:
            new, old = int(row.new), int(row.old) if row.old else None
            kind = FINISHED if new in done and old not in done else MOVED
            line = ChangeLine(kind, task.id, row.at, row.actor_id, old, new)
        elif row.field == "due":
            line = ChangeLine(DEADLINE, task.id, row.at, row.actor_id, _day(row.old), _day(row.new))
        if line is not None:
            found[task.team_id].append(line)
    for h in board.handoffs.values():
        if h.state is HandoffState.WITHDRAWN or h.task_id not in board.tasks:
            continue
        _handoff_lines(h, since, found)
    for lines in found.values():
        lines.sort(key=lambda line: line.at, reverse=True)
    return found


def _handoff_lines(h: Handoff, since: datetime, found: dict[int | None, list[ChangeLine]]) -> None:
    """A handoff sent after ``since`` on both teams' slides; one sent back (returned or
    rejected) after ``since`` on the sender's slide too, so a bounce is never hidden."""
    if h.sent_at > since:
        found[h.sender_team_id].append(
            ChangeLine(
                HANDOFF_SENT,
                h.task_id,
                h.sent_at,
                h.sender_id,
                None,
                None,
                h.id,
                h.receiver_team_id,
            )
        )
        found[h.receiver_team_id].append(
            ChangeLine(
                HANDOFF_RECEIVED,
                h.task_id,
                h.sent_at,
                h.sender_id,
                None,
                None,
                h.id,
                h.sender_team_id,
            )
        )
    bounced = h.state in (HandoffState.RETURNED, HandoffState.REJECTED)
    if bounced and h.resolved_at is not None and h.resolved_at > since:
        found[h.sender_team_id].append(
            ChangeLine(
                HANDOFF_RETURNED,
                h.task_id,
                h.resolved_at,
                h.receiver_id,
                h.state.value,
                (h.reason or "", h.returned_missing),
                h.id,
                h.receiver_team_id,
            )
        )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def team_order(board: Board, chosen: Sequence[int] = ()) -> list[int | None]:
    """The teams in the order the lead chose (unknown ids dropped), then the others in the
    board's order; "no team" last when some live task has none."""
    known = {t.id for t in board.teams.values()}
    order: list[int | None] = [t for t in dict.fromkeys(chosen) if t in known]
    order += [t.id for t in board.ordered_teams() if t.id not in order]
    done = board.done_status_ids()
    if any(t.team_id is None and _live(t, done) for t in board.tasks.values()):
        order.append(None)
    return order


def build_agenda(
    session: BoardReadModel, since: datetime | None, order: Sequence[int] = ()
) -> Agenda:
    """Every team's slide from the session's board. ``since`` None (never held): the last
    day's changes."""
    board: Board = session.board
    today: date = session.today()
    now: datetime = session.now()
    start = since or now - timedelta(days=1)
    trail = session.task_activity_since(start)
    changes = changes_since(board, trail, start)
    done = board.done_status_ids()
    live = [t for t in board.tasks.values() if _live(t, done)]
    by_team: dict[int | None, list[Task]] = defaultdict(list)
    for task in live:
        by_team[task.team_id].append(task)
    waiting: dict[int | None, list[WaitingHandoff]] = defaultdict(list)
    for h in board.handoffs.values():
        if h.state is HandoffState.SENT and h.task_id in board.tasks:
            waiting[h.receiver_team_id].append(WaitingHandoff(h, now - h.sent_at))
    slides = []
    risks = {t.id: session.risk(t.id) for t in live}

    def first(task: Task) -> tuple[int, date, int]:
        return (*importance(risks[task.id], task.due), task.id)

    def first_waiting(w: WaitingHandoff) -> tuple[int, date, timedelta, int]:
        task = board.tasks[w.handoff.task_id]
        return (*importance(risks.get(task.id, ()), task.due), -w.waited, w.handoff.id)

    for team_id in team_order(board, order):
        # Every section lists the most serious risk first, then the soonest due.
        tasks = sorted(by_team.get(team_id, []), key=first)
        week_end = today + timedelta(days=WEEK)
        at_risk = tuple((t.id, reasons) for t in tasks if (reasons := risks[t.id]))
        people = tuple(
            PersonWork(p.id, current_work(board, p.id, today))
            for p in sorted(board.people.values(), key=lambda p: p.name)
            if p.team_id == team_id
        )
        slides.append(
            TeamSlide(
                team_id=team_id,
                changes=tuple(changes.get(team_id, ())),
                due_today=tuple(t.id for t in tasks if t.due == today),
                due_this_week=tuple(
                    t.id for t in tasks if t.due is not None and today < t.due <= week_end
                ),
                overdue=tuple(t.id for t in tasks if t.due is not None and t.due < today),
                at_risk=at_risk,
                blocked=tuple(t.id for t in tasks if session.blocked(t.id)),
                waiting=tuple(sorted(waiting.get(team_id, ()), key=first_waiting)),
                people=people,
            )
        )
    return Agenda(since, tuple(slides))
