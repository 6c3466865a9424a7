"""The timeline's rows grouped as the kanban's lanes are: the groups in lane order with the
lane labels. The layout itself (``RowLayout``, ``Zoom``) lives in ``renkei.render``, where
the standup's timeline slide lays its rows out too."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from renkei.domain.model import Board
from renkei.render.timeline_rows import (
    PIXELS_PER_DAY,
    ZOOM_LABELS,
    Group,
    RowLayout,
    Zoom,
    team_groups,
)
from renkei.render.timeline_rows import build_rows as _build_rows
from renkei.ui.kanban.model import LANE_FIELD, LaneMode

__all__ = ["PIXELS_PER_DAY", "ZOOM_LABELS", "Group", "RowLayout", "Zoom", "build_rows"]


def group_order(board: Board, mode: LaneMode) -> list[tuple[int | None, str]]:
    """The groups in the kanban's lane order with its lane labels; the group for tasks
    without a team/owner/project comes last."""
    if mode is LaneMode.NONE:
        return [(None, "")]
    if mode is LaneMode.TEAM:
        return team_groups(board)
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


def build_rows(board: Board, task_ids: Iterable[int], mode: LaneMode) -> RowLayout:
    """The rows of ``task_ids`` grouped as the kanban's lanes in ``mode``."""
    return _build_rows(board, task_ids, LANE_FIELD[mode], group_order(board, mode))
