"""The plan over time: when a task runs, which finish-to-start dependencies are violated,
the critical path, and what moving a task means for the tasks that wait for it.

A task runs from ``start`` to ``due``, both days included. One with only one of the two
dates, or with both on the same day, is a milestone on that day; one with neither is
unscheduled. A successor must start after its predecessor's last day: starting on or before
it violates the dependency (the same rule as the "dependency" risk).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from renkei.domain.model import Board, Task


@dataclass(frozen=True, slots=True)
class Span:
    first: date
    last: date  # inclusive

    @property
    def milestone(self) -> bool:
        return self.first == self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def span_of(task: Task) -> Span | None:
    """The days the task runs; None when it has no date at all."""
    first = task.start or task.due
    last = task.due or task.start
    if first is None or last is None:
        return None
    return Span(min(first, last), max(first, last))


def day_numbers(task: Task) -> tuple[int, int] | None:
    """``span_of`` as day numbers (``date.toordinal``), with no object made: for the loops
    that run over every task on every change (the timeline's rows)."""
    start, due = task.start, task.due
    if start is None:
        if due is None:
            return None
        day = due.toordinal()
        return day, day
    first = start.toordinal()
    if due is None:
        return first, first
    last = due.toordinal()
    return (first, last) if first <= last else (last, first)


@dataclass(frozen=True, slots=True)
class Violation:
    """``successor`` starts on or before ``predecessor``'s last day (by ``overlap`` days)."""

    predecessor: int
    successor: int
    overlap: int  # days the successor would have to move to start the day after


def violations(board: Board, task_ids: Iterable[int] | None = None) -> list[Violation]:
    """Every violated finish-to-start dependency among live (not archived) scheduled tasks;
    with ``task_ids``, only those whose successor is one of them. A finished predecessor
    violates nothing: its dates are history."""
    done = board.done_status_ids()
    tasks = board.tasks
    chosen = tasks.keys() if task_ids is None else [i for i in task_ids if i in tasks]
    found = []
    for successor_id in chosen:
        successor = tasks[successor_id]
        if not successor.depends_on or successor.archived:  # most tasks: nothing to check
            continue
        after = span_of(successor)
        if after is None:
            continue
        for predecessor_id in successor.depends_on:
            predecessor = tasks.get(predecessor_id)
            if predecessor is None or predecessor.archived or predecessor.status_id in done:
                continue
            before = span_of(predecessor)
            if before is None or after.first > before.last:
                continue
            overlap = (before.last - after.first).days + 1
            found.append(Violation(predecessor_id, successor_id, overlap))
    return found


def critical_path(board: Board, task_ids: Iterable[int] | None = None) -> set[int]:
    """The chain that decides when the work finishes: from the unfinished, linked task that
    ends last, back through the predecessor that ends latest at each step (the one that
    drives its start). Empty when no scheduled, unfinished tasks are linked."""
    done = board.done_status_ids()
    tasks = board.tasks
    chosen = tasks.keys() if task_ids is None else [i for i in task_ids if i in tasks]
    live = {
        i: span
        for i in chosen
        if not tasks[i].archived
        and tasks[i].status_id not in done
        and (span := span_of(tasks[i])) is not None
    }
    linked = [i for i in live if any(p in live for p in tasks[i].depends_on)]
    if not linked:
        return set()
    current = max(linked, key=lambda i: (live[i].last, i))
    path = {current}
    while True:
        before = [p for p in tasks[current].depends_on if p in live and p not in path]
        if not before:
            return path
        current = max(before, key=lambda p: (live[p].last, p))
        path.add(current)


def shifted(task: Task, days: int) -> tuple[date | None, date | None]:
    """The task's start and due moved by ``days`` (a missing date stays missing)."""
    move = timedelta(days=days)
    return (
        task.start + move if task.start else None,
        task.due + move if task.due else None,
    )


def dependents_to_shift(
    board: Board, moved: Mapping[int, tuple[date | None, date | None]]
) -> dict[int, tuple[date | None, date | None]]:
    """After the tasks in ``moved`` get these (start, due), the unfinished tasks that wait
    for them (directly or further down) and would now start too early, each moved later by
    just enough to start the day after its latest predecessor ends; keeps their length."""
    done = board.done_status_ids()
    tasks = board.tasks
    waiting: dict[int, list[int]] = {}
    for task in tasks.values():
        for predecessor in task.depends_on:
            waiting.setdefault(predecessor, []).append(task.id)
    planned = dict(moved)

    def dates(task_id: int) -> tuple[date | None, date | None]:
        task = tasks[task_id]
        return planned.get(task_id, (task.start, task.due))

    result: dict[int, tuple[date | None, date | None]] = {}
    queue = list(moved)
    while queue:
        current = queue.pop(0)
        for successor_id in sorted(waiting.get(current, ())):
            successor = tasks[successor_id]
            if successor.archived or successor.status_id in done or successor_id in moved:
                continue
            start, due = dates(successor_id)
            first = start or due
            if first is None:
                continue
            ends = [
                _end(dates(p))
                for p in successor.depends_on
                if p in tasks and not tasks[p].archived and tasks[p].status_id not in done
            ]
            latest_end = max((e for e in ends if e is not None), default=None)
            if latest_end is None or first > latest_end:
                continue
            days = (latest_end - first).days + 1
            move = timedelta(days=days)
            new = (start + move if start else None, due + move if due else None)
            planned[successor_id] = result[successor_id] = new
            queue.append(successor_id)
    return result


def _end(dates: tuple[date | None, date | None]) -> date | None:
    start, due = dates
    return due or start
