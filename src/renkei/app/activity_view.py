"""A task's audit trail as one list: its own rows and its handoffs' rows (send, acknowledge,
return, re-send, accept), interleaved by time. How the rows read: ``renkei.i18n.history``."""

from __future__ import annotations

from typing import Protocol

from renkei.domain.actors import login_matches, other_login
from renkei.domain.model import Activity, Board

__all__ = ["login_matches", "other_login", "task_trail"]


class HistoryReader(Protocol):
    def history(
        self,
        entity: str | None = None,
        entity_id: int | None = None,
        limit: int | None = None,
        *,
        entity_ids: list[int] | None = None,
    ) -> list[Activity]: ...


def task_trail(
    store: HistoryReader, board: Board, task_id: int, limit: int | None = None
) -> list[Activity]:
    """The task's rows and its handoffs' rows, oldest first (the last ``limit`` when given).

    A handoff is a row of its own (entity "handoff"), so the task's rows alone leave out who
    handed it to whom and what came back missing."""
    rows = store.history("task", task_id, limit=limit)
    handoff_ids = sorted(h.id for h in board.handoffs.values() if h.task_id == task_id)
    if handoff_ids:
        rows = rows + store.history("handoff", entity_ids=handoff_ids, limit=limit)
        rows.sort(key=lambda row: (row.at, row.id))
    return rows[-limit:] if limit is not None else rows
