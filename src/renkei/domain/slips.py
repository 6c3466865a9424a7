"""How far a task's due date has moved since it was committed to: its baseline and every move.

Nothing new is stored for it: the audit trail already keeps every change of ``due`` (from,
to, when, by whom). The baseline is the first due date the task was given, or the one a lead
set on purpose with "re-baseline" (a ``baseline`` history row, which starts the count again).
A task created with a due date has no history row for it; its first move's ``old`` is then
the baseline, and a task whose due date never moved has its current one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from renkei.domain.model import Activity

# The history fields this reads: the due date's moves, and a lead's re-baseline.
SLIP_FIELDS = ("due", "baseline")


@dataclass(frozen=True, slots=True)
class DueMove:
    """One change of a task's due date."""

    at: datetime
    old: date | None
    new: date | None
    actor_id: int | None
    login: str | None = None


@dataclass(frozen=True, slots=True)
class Slips:
    """A task's baseline and the moves of its due date since it was set."""

    baseline: date | None
    moves: tuple[DueMove, ...] = ()

    def days_later(self, due: date | None) -> int:
        """How many days ``due`` lies after the baseline (negative: earlier; 0 without one)."""
        if due is None or self.baseline is None:
            return 0
        return (due - self.baseline).days

    def slipped(self, due: date | None) -> bool:
        """Moved since the baseline and now later than it: the deadline slipped."""
        return bool(self.moves) and self.days_later(due) > 0


NOT_MOVED = Slips(None)


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:  # an imported value that is no date: not a commitment
        return None


def slips_of(rows: Iterable[Activity], due: date | None) -> Slips:
    """One task's slips from its ``due`` and ``baseline`` history rows, oldest first, and
    its current due date."""
    baseline: date | None = None
    committed = False  # a baseline is known (a first due date, or a re-baseline)
    moves: list[DueMove] = []
    for row in rows:
        if row.field == "baseline":
            baseline, committed, moves = _day(row.new), True, []
            continue
        if row.field != "due":
            continue
        old, new = _day(row.old), _day(row.new)
        if not committed:
            committed = True
            if old is None:  # the first due date it was given: not a move
                baseline = new
                continue
            baseline = old  # created with a due date: this is its first move
        moves.append(DueMove(row.at, old, new, row.actor_id, row.login))
    if not committed:
        baseline = due
    return Slips(baseline, tuple(moves))


def slips_by_task(rows: Iterable[Activity], dues: Mapping[int, date | None]) -> dict[int, Slips]:
    """Every task's slips from the board's ``due`` and ``baseline`` rows (oldest first):
    only tasks with such rows are listed; the others have not moved (``NOT_MOVED``)."""
    grouped: dict[int, list[Activity]] = {}
    for row in rows:
        if row.entity == "task" and row.field in SLIP_FIELDS:
            grouped.setdefault(row.entity_id, []).append(row)
    return {
        task_id: slips_of(task_rows, dues.get(task_id))
        for task_id, task_rows in grouped.items()
        if task_id in dues
    }
