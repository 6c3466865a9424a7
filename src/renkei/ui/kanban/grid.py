"""The kanban as plain data: columns (statuses) × lanes (teams, owners or projects) → card ids.

``arrange()`` is a pure function of the board, the shown task ids and the lane mode, so the
model can rebuild it once per Change and the view only places and paints what it says."""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import QCoreApplication

from renkei.domain.model import Board, Status
from renkei.render.timeline_rows import team_groups


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
    # Cards shown per column while a filter is on ("3 of 17"); None: no filter.
    shown_counts: dict[int, int] | None = None

    def count(self, status_id: int) -> int:
        return (self.column_counts or {}).get(status_id, 0)

    def shown(self, status_id: int) -> int | None:
        """The cards the filter shows in the column; None without a filter."""
        if self.shown_counts is None:
            return None
        return self.shown_counts.get(status_id, 0)

    def over_limit(self, status: Status) -> bool:
        return status.wip_limit is not None and self.count(status.id) > status.wip_limit


def lane_titles(board: Board, mode: LaneMode) -> list[tuple[int | None, str]]:
    """The lanes of a mode in board order, the catch-all lane (key None) last."""
    if mode is LaneMode.NONE:
        return [(None, "")]
    if mode is LaneMode.TEAM:
        return team_groups(board)  # the timeline's and the standup slide's groups too
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
    cells_of = {lane.key: lane.cells for lane in lanes}
    # A reference to something not on the board any more: the catch-all lane.
    stray = cells_of.get(None, lanes[-1].cells)
    lane_field = LANE_FIELD[mode]
    key_of = attrgetter(lane_field) if lane_field else None
    tasks = board.tasks
    # Once per Change on 50,000 tasks: a tight loop, one dict lookup for the lane and one
    # for the column.
    for task_id in task_ids:
        task = tasks[task_id]
        cells = cells_of.get(key_of(task), stray) if key_of else stray
        cell = cells.get(task.status_id)
        if cell is None:
            cell = cells[task.status_id] = []
        cell.append(task_id)
    if filtered:
        lanes = [lane for lane in lanes if lane.count or lane.key is None and len(lanes) == 1]
    counts = Counter(task.status_id for task in tasks.values() if not task.archived)
    shown = None
    if filtered:
        shown = {sid: sum(len(lane.cells.get(sid, ())) for lane in lanes) for sid in column_ids}
    return KanbanGrid(columns, tuple(lanes), dict(counts), shown)
