"""The plan over time as pure rules: spans, violated dependencies, the critical path, and
which dependents a move pushes later."""

from __future__ import annotations

from datetime import date, timedelta

from renkei.domain.model import Board, Status, Task
from renkei.domain.schedule import (
    Span,
    Violation,
    critical_path,
    day_numbers,
    dependents_to_shift,
    shifted,
    span_of,
    violations,
)

MON = date(2026, 11, 30)
TODO, DONE = 1, 2


def day(n: int) -> date:
    return MON + timedelta(days=n)


def task(tid: int, start: int | None, due: int | None, *after: int, **kw) -> Task:
    return Task(
        id=tid,
        title=f"T{tid}",
        status_id=kw.pop("status_id", TODO),
        start=day(start) if start is not None else None,
        due=day(due) if due is not None else None,
        depends_on=tuple(after),
        **kw,
    )


def board(*tasks: Task) -> Board:
    return Board(
        name="b",
        revision=1,
        statuses={
            TODO: Status(TODO, "To do", 0),
            DONE: Status(DONE, "Done", 1, is_done=True),
        },
        tasks={t.id: t for t in tasks},
    )


def test_spans_and_milestones():
    assert span_of(task(1, 0, 4)) == Span(day(0), day(4)) and span_of(task(1, 0, 4)).days == 5
    assert span_of(task(1, None, 3)).milestone and span_of(task(1, 3, None)).milestone
    assert span_of(task(1, 2, 2)).milestone
    assert span_of(task(1, None, None)) is None


def test_day_numbers_are_the_spans_days_as_numbers():
    """The same days as span_of, a start after the due date included (the later one last)."""
    for start, due in ((0, 4), (None, 3), (3, None), (2, 2), (6, 1)):
        span = span_of(task(1, start, due))
        assert day_numbers(task(1, start, due)) == (span.first.toordinal(), span.last.toordinal())
    assert day_numbers(task(1, 6, 1)) == (day(1).toordinal(), day(6).toordinal())
    assert day_numbers(task(1, None, None)) is None


def test_a_successor_starting_on_its_predecessors_last_day_violates():
    """Finish-to-start by whole days: the day after is fine, the same day is one day over."""
    fine = board(task(1, 0, 4), task(2, 5, 8, 1))
    assert violations(fine) == []
    same_day = board(task(1, 0, 4), task(2, 4, 8, 1))
    assert violations(same_day) == [Violation(1, 2, 1)]
    early = board(task(1, 0, 4), task(2, 1, 8, 1))
    assert violations(early) == [Violation(1, 2, 4)]


def test_finished_archived_and_undated_predecessors_violate_nothing():
    b = board(
        task(1, 0, 9, status_id=DONE),
        task(2, 0, 9, archived=True),
        task(3, None, None),
        task(4, 1, 3, 1, 2, 3),
    )
    assert violations(b) == []


def test_violations_can_be_limited_to_shown_successors():
    b = board(task(1, 0, 4), task(2, 1, 8, 1), task(3, 2, 8, 1))
    assert [v.successor for v in violations(b, [3])] == [3]


def test_critical_path_follows_the_latest_finishing_predecessors():
    """1 → 2 → 4 and 3 → 4: the chain ends at 4 (last to finish); 4's driving predecessor is
    2 (ends later than 3), then 1. A lone task is not a path."""
    b = board(
        task(1, 0, 3),
        task(2, 4, 9, 1),
        task(3, 0, 5),
        task(4, 10, 14, 2, 3),
        task(5, 0, 30),
    )
    assert critical_path(b) == {1, 2, 4}
    assert critical_path(board(task(1, 0, 3))) == set()


def test_critical_path_skips_finished_work():
    b = board(task(1, 0, 3, status_id=DONE), task(2, 4, 9, 1), task(3, 10, 12, 2))
    assert critical_path(b) == {2, 3}


def test_moving_a_task_pushes_its_waiting_dependents_just_enough():
    """2 waits for 1, 3 waits for 2; 1 slips 3 days: 2 and 3 move 3 days, keeping their
    length; 4 had slack and stays; a finished dependent stays."""
    b = board(
        task(1, 0, 4),
        task(2, 5, 7, 1),
        task(3, 8, 9, 2),
        task(4, 20, 22, 1),
        task(5, 5, 6, 1, status_id=DONE),
    )
    moved = {1: shifted(b.tasks[1], 3)}
    assert moved[1] == (day(3), day(7))
    assert dependents_to_shift(b, moved) == {2: (day(8), day(10)), 3: (day(11), day(12))}


def test_a_dependent_waits_for_its_latest_predecessor():
    b = board(task(1, 0, 4), task(2, 0, 10), task(3, 11, 12, 1, 2))
    moved = {1: (day(6), day(10))}
    assert dependents_to_shift(b, moved) == {}  # both end on day 10: still fine
    moved = {1: (day(8), day(11))}
    assert dependents_to_shift(b, moved) == {3: (day(12), day(13))}


def test_moving_earlier_pushes_nothing():
    b = board(task(1, 0, 4), task(2, 5, 7, 1))
    assert dependents_to_shift(b, {1: shifted(b.tasks[1], -2)}) == {}
