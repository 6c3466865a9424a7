"""Where things are on the kanban: lanes placed one under another, columns side by side, cards
in fixed-height slots. Plain arithmetic over the grid and the scroll position, shared by the
view (hit-testing, drops, keyboard moves) and its painter; no widget per card."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QPointF, QRectF

from renkei.domain.model import Status
from renkei.render.card import CARD_GAP, CARD_HEIGHT
from renkei.ui.kanban.grid import GridLane, KanbanGrid

HEADER_HEIGHT = 46
LANE_HEADER_HEIGHT = 32
MIN_COLUMN_WIDTH = 200
MAX_COLUMN_WIDTH = 320
COLUMN_GAP = 10
MARGIN = 10
ADD_ROW_HEIGHT = 30
SLOT = CARD_HEIGHT + CARD_GAP
# Finished cards shown per lane before a "N more finished" row: a lane is as tall as its
# fullest cell, and the Done column, which only grows, made one team's lane fill a laptop's
# screen. A click on the row shows the rest.
DONE_SHOWN = 3


@dataclass
class Lane:
    """A lane of the grid as placed on the board: collapsed or not, where it starts."""

    key: int | None
    title: str
    collapsed: bool = False
    top: float = 0.0  # content y of the lane header
    height: float = 0.0
    cells: dict[int, list[int]] = field(default_factory=dict)  # status id → task ids in order
    # Finished cards not shown, by status id (the "N more finished" row says how many).
    hidden: dict[int, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(ids) for ids in self.cells.values()) + sum(self.hidden.values())

    @property
    def cards_top(self) -> float:
        return self.top + (LANE_HEADER_HEIGHT if self.title else 0) + 6


@dataclass(frozen=True)
class Hit:
    """What is under a point: a card, a cell's add row, a lane header or a column header."""

    kind: str  # "card", "add", "more" (finished cards not shown), "lane", "cell", "header", "none"
    lane: Lane | None = None
    status_id: int | None = None
    index: int = -1
    task_id: int | None = None


def place_lanes(
    grid: KanbanGrid,
    collapsed: set[int | None],
    opened: set[tuple[int | None, int]] | frozenset = frozenset(),
) -> tuple[list[Lane], float]:
    """The grid's lanes one under another (``collapsed``: the keys of folded lanes;
    ``opened``: the (lane key, status id) cells that show all their finished cards), and the
    content height they take."""
    done = {status.id for status in grid.columns if status.is_done}
    lanes: list[Lane] = []
    y = float(MARGIN)
    for source in grid.lanes:
        short = {sid for sid in done if (source.key, sid) not in opened}
        lane = _placed(source, source.key in collapsed, y, short)
        lanes.append(lane)
        y += lane.height + 6
    return lanes, y + MARGIN


def _placed(source: GridLane, folded: bool, top: float, short: set[int]) -> Lane:
    cells, hidden = source.cells, {}
    for status_id in short:
        ids = source.cells.get(status_id, [])
        if len(ids) > DONE_SHOWN + 1:  # never a row that hides a single card
            if cells is source.cells:
                cells = dict(source.cells)
            cells[status_id] = ids[:DONE_SHOWN]
            hidden[status_id] = len(ids) - DONE_SHOWN
    lane = Lane(source.key, source.title, folded, top, 0.0, cells, hidden)
    if folded:
        lane.height = LANE_HEADER_HEIGHT
    else:
        tallest = max((len(ids) for ids in lane.cells.values()), default=0)
        lane.height = (lane.cards_top - lane.top) + tallest * SLOT + ADD_ROW_HEIGHT + 6
    return lane


def fitted_column_width(viewport_width: float, columns: int) -> float:
    """Columns share the width when they fit, so the whole workflow is in view."""
    available = (viewport_width - 2 * MARGIN) / max(1, columns) - COLUMN_GAP
    return float(max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, available)))


def content_width(columns: int, column_width: float) -> float:
    return MARGIN * 2 + columns * (column_width + COLUMN_GAP)


@dataclass(frozen=True)
class Geometry:
    """The board at one scroll position: viewport coordinates of columns, slots and lanes."""

    columns: list[Status]
    lanes: list[Lane]
    lane_tops: list[float]
    column_width: float
    scroll_x: int
    scroll_y: int

    def column_x(self, column_index: int) -> float:
        """Viewport x of a column's left edge."""
        return MARGIN + column_index * (self.column_width + COLUMN_GAP) - self.scroll_x

    def content_to_view_y(self, y: float) -> float:
        return y - self.scroll_y + HEADER_HEIGHT

    def view_to_content_y(self, y: float) -> float:
        return y - HEADER_HEIGHT + self.scroll_y

    def slot_rect(self, lane: Lane, column_index: int, index: int) -> QRectF:
        top = self.content_to_view_y(lane.cards_top + index * SLOT)
        return QRectF(self.column_x(column_index) + 6, top, self.column_width - 12, CARD_HEIGHT)

    def add_row_rect(self, lane: Lane, column_index: int) -> QRectF:
        count = len(lane.cells.get(self.columns[column_index].id, []))
        top = self.content_to_view_y(lane.cards_top + count * SLOT)
        return QRectF(
            self.column_x(column_index) + 6, top, self.column_width - 12, ADD_ROW_HEIGHT - 4
        )

    def locate(self, task_id: int) -> tuple[int, int, int] | None:
        """(lane index, column index, card index) of a visible card."""
        for lane_index, lane in enumerate(self.lanes):
            if lane.collapsed:
                continue
            for column_index, status in enumerate(self.columns):
                ids = lane.cells.get(status.id, [])
                if task_id in ids:
                    return lane_index, column_index, ids.index(task_id)
        return None

    def card_rect(self, task_id: int) -> QRectF | None:
        """The card's rectangle in viewport coordinates (None when hidden)."""
        found = self.locate(task_id)
        if found is None:
            return None
        lane_index, column_index, index = found
        return self.slot_rect(self.lanes[lane_index], column_index, index)

    def first_lane_at(self, content_y: float) -> int:
        """The index of the lane showing at content y (0 above the first)."""
        return max(0, bisect.bisect_right(self.lane_tops, content_y) - 1)

    def hit(self, point: QPoint | QPointF) -> Hit:
        x, y = point.x(), point.y()
        column_index = int((x + self.scroll_x - MARGIN) // (self.column_width + COLUMN_GAP))
        in_range = 0 <= column_index < len(self.columns)
        status_id = self.columns[column_index].id if in_range else None
        if y < HEADER_HEIGHT:
            return Hit("header", status_id=status_id)
        content_y = self.view_to_content_y(y)
        lane_index = bisect.bisect_right(self.lane_tops, content_y) - 1
        if lane_index < 0 or lane_index >= len(self.lanes):
            return Hit("none")
        lane = self.lanes[lane_index]
        if content_y > lane.top + lane.height:
            return Hit("none")
        if lane.title and content_y < lane.top + LANE_HEADER_HEIGHT:
            return Hit("lane", lane=lane)
        if status_id is None or lane.collapsed:
            return Hit("none", lane=lane)
        ids = lane.cells.get(status_id, [])
        offset = content_y - lane.cards_top
        index = int(offset // SLOT) if offset >= 0 else -1
        if 0 <= index < len(ids) and offset - index * SLOT <= CARD_HEIGHT:
            return Hit("card", lane, status_id, index, ids[index])
        if index == len(ids) and offset - index * SLOT <= ADD_ROW_HEIGHT:
            kind = "more" if lane.hidden.get(status_id) else "add"
            return Hit(kind, lane, status_id, index)
        return Hit("cell", lane, status_id, len(ids))

    def drop_target(self, point: QPoint | QPointF) -> Hit | None:
        """Where a dragged card would land: a lane, a column and an insertion index."""
        found = self.hit(point)
        if found.lane is None or found.status_id is None or found.lane.collapsed:
            return None
        ids = found.lane.cells.get(found.status_id, [])
        content_y = self.view_to_content_y(point.y())
        index = int((content_y - found.lane.cards_top + SLOT / 2) // SLOT)
        index = max(0, min(index, len(ids)))
        return Hit("cell", found.lane, found.status_id, index)


def drop_neighbours(ids: list[int], task_id: int, index: int) -> tuple[int | None, int | None]:
    """The cards a dropped card lands between when inserted at ``index`` of a cell's ``ids``
    (which may hold the card itself: it leaves its own slot first)."""
    if task_id in ids and ids.index(task_id) < index:
        index -= 1
    others = [i for i in ids if i != task_id]
    previous = others[index - 1] if index > 0 else None
    following = others[index] if index < len(others) else None
    return previous, following
