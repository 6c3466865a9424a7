"""Which open tasks the team's recent pace will not finish by their due date ("forecast late").

Not the team forecast's P85 for its whole open queue against each task's date: that date is
when the *last* task is done, so every task due before it would be called late, the first in
line as much as the last. A task is done once the work ahead of it in its team's line is:
the line is committed work before backlog, then the soonest due first (then the oldest), and
each task weighs what is left of it (a task 80% done, a fifth of one). The team's pace is what
it finished on each working day of the forecast's window (the same history as its forecast;
a team with too little history has no pace, and none of its tasks is called late).

Said only when it is likely: the work the team gets through by the due date (today counted,
the days' counts drawn from its history) is a sum of many days, close to normal, and a task
is late when even a fast stretch (the 85th percentile of that sum) does not reach its place
in line. The day it names is when the team's average pace gets there.

A task late already is "overdue", not this; finished, archived and backlog work never is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from renkei.domain.forecast import (
    DEFAULT_WEEKS,
    MIN_FINISHED,
    daily_counts,
    history_window,
    is_working_day,
    working_day_after,
    working_days_until,
)
from renkei.domain.model import Board

Z85 = 1.0364  # the standard normal's 85th percentile
LEAST_LEFT = 0.1  # a task shown 100% done but not moved to Done still needs closing


@dataclass(frozen=True, slots=True)
class Pace:
    """A team's tasks finished per working day: the mean and the spread of a day's count."""

    per_day: float
    spread: float


def team_paces(
    board: Board, finished_on: Mapping[int, date], today: date, weeks: int = DEFAULT_WEEKS
) -> dict[int, Pace]:
    """Each team's pace over the last ``weeks`` weeks, for the teams with enough history
    (``MIN_FINISHED``, as the forecast asks)."""
    window = history_window(today, weeks)
    days: dict[int, list[date]] = {}
    for task_id, day in finished_on.items():
        task = board.tasks.get(task_id)
        if task is not None and task.team_id is not None:
            days.setdefault(task.team_id, []).append(day)
    paces = {}
    for team_id, finished in days.items():
        counts = daily_counts(finished, window)
        total = sum(counts)
        if total < MIN_FINISHED:
            continue
        mean = total / len(counts)
        spread = math.sqrt(sum((c - mean) ** 2 for c in counts) / len(counts))
        paces[team_id] = Pace(mean, spread)
    return paces


def _day_before_work(today: date) -> date:
    """The day the count of working days starts after: today's work counts when today is one."""
    return today - timedelta(days=1) if is_working_day(today) else today


def work_ahead(board: Board, teams: Mapping[int, object]) -> dict[int, float]:
    """How much work each open task of ``teams`` waits behind, itself included, in tasks."""
    done = board.done_status_ids()
    backlog = _backlog(board)
    never = date.max
    # Plain tuples, sorted as they are: on every change of a 10,000-task board.
    lines: dict[int, list[tuple[bool, date, int, float]]] = {}
    for task in board.tasks.values():
        team_id = task.team_id
        if team_id is None or team_id not in teams or task.archived or task.status_id in done:
            continue
        left = max(LEAST_LEFT, 1 - task.progress / 100)
        entry = (task.status_id == backlog, task.due or never, task.id, left)
        line = lines.get(team_id)
        if line is None:
            lines[team_id] = [entry]
        else:
            line.append(entry)
    ahead: dict[int, float] = {}
    for line in lines.values():
        line.sort()
        total = 0.0
        for _backlog_last, _due, task_id, left in line:
            total += left
            ahead[task_id] = total
    return ahead


def expected_finish(work: float, pace: Pace, today: date) -> date:
    """The day the team's average pace gets through ``work`` tasks, today's work counted."""
    return working_day_after(_day_before_work(today), max(1, math.ceil(work / pace.per_day)))


def likely_late(
    work: float, due: date, pace: Pace, today: date, days: int | None = None
) -> bool:
    """Even a fast stretch (the 85th percentile of the work done by ``due``) falls short.
    ``days``: the working days until ``due``, today's counted, when already known."""
    if days is None:
        days = working_days_until(_day_before_work(today), due)
    fast = days * pace.per_day + Z85 * pace.spread * math.sqrt(days)
    return work > fast + 1e-9


def late_forecasts(
    board: Board, paces: Mapping[int, Pace], today: date
) -> dict[int, tuple[str, date]]:
    """The open, committed tasks likely done after their due date (not late yet), with
    their team's name and the day the average pace gets there: what ``forecast_late`` reads."""
    backlog = _backlog(board)
    start = _day_before_work(today)
    days_to: dict[date, int] = {}  # many tasks share a due date: count its days once
    found: dict[int, tuple[str, date]] = {}
    for task_id, work in work_ahead(board, paces).items():
        task = board.tasks[task_id]
        due = task.due
        if due is None or due < today or task.status_id == backlog:
            continue
        assert task.team_id is not None
        pace = paces[task.team_id]
        days = days_to.get(due)
        if days is None:
            days = days_to[due] = working_days_until(start, due)
        if work <= days * pace.per_day:  # within the average pace: not late, no need to ask
            continue
        if task.team_id in board.teams and likely_late(work, due, pace, today, days):
            found[task_id] = (board.teams[task.team_id].name, expected_finish(work, pace, today))
    return found


def _backlog(board: Board) -> int | None:
    first = min(board.statuses.values(), key=lambda s: (s.position, s.id), default=None)
    return first.id if first is not None and not first.is_done else None


class LateForecastsByTeam:
    """``late_forecasts`` kept per team between changes: a team's line depends only on its own
    open tasks, so a colleague's 300 new tasks in one team recompute that team alone (on a
    10,000-task board the whole board's lines were a third of a live update).

    The owner says what a change touched: ``forget_teams`` with the teams of the tasks it
    changed (before and after), ``forget_all`` when statuses or teams changed. A new day or
    new paces (a new ``paces`` object) start again by themselves."""

    def __init__(self) -> None:
        self._by_team: dict[int, dict[int, tuple[str, date]]] = {}
        self._basis: tuple[date, Mapping[int, Pace]] | None = None

    def forget_teams(self, team_ids: set[int | None]) -> None:
        for team_id in team_ids:
            if team_id is not None:
                self._by_team.pop(team_id, None)

    def forget_all(self) -> None:
        self._by_team.clear()

    def of(
        self, board: Board, paces: Mapping[int, Pace], today: date
    ) -> dict[int, tuple[str, date]]:
        """What ``late_forecasts(board, paces, today)`` returns."""
        if self._basis is None or self._basis[0] != today or self._basis[1] is not paces:
            self._by_team.clear()
            self._basis = (today, paces)
        missing = {team_id: pace for team_id, pace in paces.items() if team_id not in self._by_team}
        if missing:
            for team_id in missing:
                self._by_team[team_id] = {}
            for task_id, found in late_forecasts(board, missing, today).items():
                line = board.tasks[task_id].team_id
                assert line is not None  # late_forecasts names tasks of the teams asked
                self._by_team[line][task_id] = found
        merged: dict[int, tuple[str, date]] = {}
        for team_id in paces:
            merged.update(self._by_team[team_id])
        return merged
