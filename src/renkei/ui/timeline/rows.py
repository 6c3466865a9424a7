"""The timeline's rows grouped as the kanban's lanes are: the groups in lane order with the
lane labels. The layout itself (``RowLayout``, ``Zoom``) lives in ``renkei.render``, where
the standup's timeline slide lays its rows out too."""

from __future__ import annotations

from collections.abc import Iterable

from renkei.domain.model import Board
from renkei.render.timeline_rows import (
    PIXELS_PER_DAY,
    ZOOM_LABELS,
    Group,
    RowLayout,
    Zoom,
)
from renkei.render.timeline_rows import build_rows as _build_rows
from renkei.ui.kanban.grid import LANE_FIELD, LaneMode, lane_titles

__all__ = ["PIXELS_PER_DAY", "ZOOM_LABELS", "Group", "RowLayout", "Zoom", "build_rows"]


def build_rows(board: Board, task_ids: Iterable[int], mode: LaneMode) -> RowLayout:
    """The rows of ``task_ids`` grouped as the kanban's lanes in ``mode``."""
    return _build_rows(board, task_ids, LANE_FIELD[mode], lane_titles(board, mode))
