"""The kanban as plain data: columns (statuses) × lanes (teams, owners or projects) → card ids.

``arrange()`` is a pure function of the board, the shown task ids and the lane mode, so the
model can rebuild it once per Change and the view only places and paints what it says."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from renkei.domain.model import Board, Status


class LaneMode(enum.Enum):
    TEAM = "team"
    OWNER = "owner"
    PROJECT = "project"
    NONE = "none"


LANE_FIELD = {
    LaneMode.TEAM: "team_id",
    LaneMode.OWNER: "owner_id",
    LaneMode.PROJECT: "project_id",
    LaneMode.NONE: None,
}


@dataclass(frozen=True)
class GridLane:
    """One swimlane: its key (a team, person or project id; None for "no team" and the like),
    its title ('' when the board has no lanes) and its cards, column by column."""

    key: int | None
    title: str
    cells: dict[int, list[int]]  # status id → task ids, top to bottom

    @property
    def count(self) -> int:
        return sum(len(ids) for ids in self.cells.values())


@dataclass(frozen=True)
class KanbanGrid:
    columns: tuple[Status, ...] = ()
    lanes: tuple[GridLane, ...] = ()
    # Cards per column on the whole board (archived aside), filter or not: the WIP count.
    column_counts: dict[int, int] | None = None

    def count(self, status_id: int) -> int:
        return (self.column_counts or {}).get(status_id, 0)

    def over_limit(self, status: Status) -> bool:
        return status.wip_limit is not None and self.count(status.id) > status.wip_limit


def lane_titles(board: Board, mode: LaneMode) -> list[tuple[int | None, str]]:
    """The lanes of a mode in board order, the catch-all lane (key None) last."""
    if mode is LaneMode.NONE:
        return [(None, "")]
    if mode is LaneMode.TEAM:
        lanes = [(t.id, t.name) for t in board.ordered_teams()]
        return lanes + [(None, QCoreApplication.translate("Kanban", "No team"))]
    if mode is LaneMode.OWNER:
        team_order = {t.id: t.position for t in board.teams.values()}
        people = sorted(
            board.people.values(), key=lambda p: (team_order.get(p.team_id, 99), p.name)
        )
        return [(p.id, p.name) for p in people] + [
            (None, QCoreApplication.translate("Kanban", "Unassigned"))
        ]
    projects = sorted(board.projects.values(), key=lambda p: p.name)
    return [(p.id, p.name) for p in projects] + [
        (None, QCoreApplication.translate("Kanban", "No project"))
    ]


def arrange(board: Board, task_ids: list[int], mode: LaneMode, filtered: bool) -> KanbanGrid:
    """Put the shown tasks (in board order) into their lane and column. With a filter on,
    lanes without a matching card are left out."""
    columns = tuple(board.ordered_statuses())
    column_ids = [s.id for s in columns]
    lanes = [GridLane(key, title, {sid: [] for sid in column_ids}) for key, title in
             lane_titles(board, mode)]  # fmt: skip
    by_key = {lane.key: lane for lane in lanes}
    lane_field = LANE_FIELD[mode]
    tasks = board.tasks
    for task_id in task_ids:
        task = tasks[task_id]
        key = getattr(task, lane_field) if lane_field else None
        lane = by_key.get(key)
        if lane is None:  # a reference to something not on the board any more
            lane = by_key.get(None) or lanes[-1]
        lane.cells.setdefault(task.status_id, []).append(task_id)
    if filtered:
        lanes = [lane for lane in lanes if lane.count or lane.key is None and len(lanes) == 1]
    counts: dict[int, int] = {}
    for task in tasks.values():
        if not task.archived:
            counts[task.status_id] = counts.get(task.status_id, 0) + 1
    return KanbanGrid(columns, tuple(lanes), counts)
