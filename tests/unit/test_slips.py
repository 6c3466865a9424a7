"""A task's baseline and due-date moves, read from its history rows (written by hand here)."""

from __future__ import annotations

from datetime import date, datetime

from renkei.domain.model import Activity
from renkei.domain.slips import Slips, slips_by_task, slips_of

AT = datetime(2026, 12, 1, 9, 0)


def row(field: str, old: str | None, new: str | None, task_id: int = 1, n: int = 1) -> Activity:
    return Activity(n, AT, 7, "task", task_id, field, old, new, n)


def test_a_due_date_that_never_moved_is_its_own_baseline():
    assert slips_of([], date(2026, 12, 10)) == Slips(date(2026, 12, 10))


def test_created_with_a_due_date_then_moved_three_times():
    """Created due Dec 1 (no history row for it), then moved to Dec 5, Dec 8 and Dec 13:
    the baseline is Dec 1, three moves, 12 days later than first planned."""
    rows = [
        row("due", "2026-12-01", "2026-12-05"),
        row("due", "2026-12-05", "2026-12-08"),
        row("due", "2026-12-08", "2026-12-13"),
    ]
    slips = slips_of(rows, date(2026, 12, 13))
    assert slips.baseline == date(2026, 12, 1)
    assert [(m.old, m.new) for m in slips.moves] == [
        (date(2026, 12, 1), date(2026, 12, 5)),
        (date(2026, 12, 5), date(2026, 12, 8)),
        (date(2026, 12, 8), date(2026, 12, 13)),
    ]
    assert slips.days_later(date(2026, 12, 13)) == 12
    assert slips.slipped(date(2026, 12, 13))


def test_the_first_due_date_given_is_the_baseline_not_a_move():
    rows = [row("due", None, "2026-12-10"), row("due", "2026-12-10", "2026-12-12")]
    slips = slips_of(rows, date(2026, 12, 12))
    assert slips.baseline == date(2026, 12, 10)
    assert len(slips.moves) == 1


def test_moved_earlier_is_no_slip():
    rows = [row("due", "2026-12-10", "2026-12-08")]
    slips = slips_of(rows, date(2026, 12, 8))
    assert len(slips.moves) == 1
    assert not slips.slipped(date(2026, 12, 8))


def test_moved_and_moved_back_is_no_slip():
    rows = [row("due", "2026-12-10", "2026-12-15"), row("due", "2026-12-15", "2026-12-10")]
    assert not slips_of(rows, date(2026, 12, 10)).slipped(date(2026, 12, 10))


def test_a_rebaseline_starts_the_count_again():
    rows = [
        row("due", "2026-12-01", "2026-12-05"),
        row("baseline", "2026-12-01", "2026-12-05"),
        row("due", "2026-12-05", "2026-12-07"),
    ]
    slips = slips_of(rows, date(2026, 12, 7))
    assert slips.baseline == date(2026, 12, 5)
    assert len(slips.moves) == 1
    assert slips.days_later(date(2026, 12, 7)) == 2


def test_slips_by_task_lists_only_tasks_with_rows_of_their_own():
    rows = [
        row("due", "2026-12-01", "2026-12-05", task_id=1),
        row("title", "a", "b", task_id=2),
        Activity(3, AT, 7, "handoff", 1, "due", "2026-12-01", "2026-12-09", 3),
    ]
    found = slips_by_task(rows, {1: date(2026, 12, 5), 2: None})
    assert set(found) == {1}
    assert found[1].baseline == date(2026, 12, 1)
