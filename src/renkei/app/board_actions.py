"""Gestures turned into commands: a card dropped somewhere, a quick-added title."""

from __future__ import annotations

from renkei.domain.commands import Create, SetFields, set_task
from renkei.domain.model import Board
from renkei.domain.ordering import position_between


def move_task(
    board: Board,
    task_id: int,
    status_id: int,
    lane_field: str | None,
    lane_key: int | None,
    previous_id: int | None,
    next_id: int | None,
) -> SetFields | None:
    """The edit that puts a card between two neighbours of a column (and lane).

    Only what differs is sent: a reorder writes one position; a move to another column or
    lane also writes the status and the lane's field (team, owner or project)."""
    task = board.tasks[task_id]
    before = board.tasks[previous_id].position if previous_id is not None else None
    after = board.tasks[next_id].position if next_id is not None else None
    changes: dict[str, object] = {}
    if status_id != task.status_id:
        changes["status_id"] = status_id
    if lane_field is not None and getattr(task, lane_field) != lane_key:
        changes[lane_field] = lane_key
    stays_between = (before is None or task.position > before) and (
        after is None or task.position < after
    )
    if changes or not stays_between:
        changes["position"] = position_between(before, after)
    if not changes:
        return None
    return set_task(task, **changes)


def quick_add(
    board: Board, title: str, status_id: int, lane_field: str | None, lane_key: int | None
) -> Create:
    """A new card at the bottom of a column, in the lane it was typed into."""
    values: dict[str, object] = {"title": title, "status_id": status_id}
    if lane_field is not None and lane_key is not None:
        values[lane_field] = lane_key
        if lane_field == "owner_id" and lane_key in board.people:
            values["team_id"] = board.people[lane_key].team_id
    positions = [t.position for t in board.tasks.values() if t.status_id == status_id]
    values["position"] = position_between(max(positions, default=None), None)
    return Create("task", tuple(values.items()))
