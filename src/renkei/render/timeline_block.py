"""A block of timeline rows painted into any rectangle: the standup's timeline slide shows
the board's open work this way, with the same painters as the screen's timeline.

``links_among`` is the dependency bookkeeping both need: which shown task waits for which,
and which of those links are violated."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from renkei.domain.model import Board
from renkei.domain.read_model import BoardReadModel
from renkei.domain.schedule import violations
from renkei.render.bar_face import BarFace, bar_face, handoffs_by_task
from renkei.render.theme import FONT_FAMILY, LIGHT, Theme
from renkei.render.timeline_chart import ChartContent, paint_chart_body, paint_chart_frame
from renkei.render.timeline_geometry import LABEL_WIDTH, ChartGeometry
from renkei.render.timeline_paint import screen_fonts, screen_style
from renkei.render.timeline_rows import RowLayout, Zoom, build_rows, team_groups


@dataclass(slots=True)
class Links:
    """The finish-to-start links among the shown tasks."""

    predecessors: dict[int, list[int]] = field(default_factory=dict)
    successors: dict[int, list[int]] = field(default_factory=dict)
    conflicts: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # → (pred, overlap)

    @property
    def violated(self) -> frozenset[tuple[int, int]]:
        return frozenset((p, s) for s, found in self.conflicts.items() for p, _ in found)


def links_among(board: Board, shown: Iterable[int]) -> Links:
    shown = set(shown)
    links = Links()
    for task_id in shown:
        for predecessor in board.tasks[task_id].depends_on:
            if predecessor in shown:
                links.predecessors.setdefault(task_id, []).append(predecessor)
                links.successors.setdefault(predecessor, []).append(task_id)
    for v in violations(board, shown):
        links.conflicts.setdefault(v.successor, []).append((v.predecessor, v.overlap))
    return links


class FaceCache:
    """Bar faces built when first painted and kept until the board changes (``clear``)."""

    def __init__(self, model: BoardReadModel, layout: RowLayout):
        self.model = model
        self._handoffs = handoffs_by_task(model.board.handoffs.values(), layout.row_of)
        self._faces: dict[int, BarFace] = {}

    def __call__(self, task_id: int) -> BarFace:
        face = self._faces.get(task_id)
        if face is None:
            face = bar_face(self.model, task_id, self._handoffs.get(task_id, ()))
            assert face is not None, "only dated tasks have rows"
            self._faces[task_id] = face
        return face


def row_height(fonts_label: QFont) -> float:
    """The screen timeline's row height for its label font."""
    return float(max(32, math.ceil(QFontMetricsF(fonts_label).height() + 14)))


def paint_timeline_block(
    painter: QPainter,
    rect: QRectF,
    model: BoardReadModel,
    task_ids: Sequence[int],
    *,
    scale: float = 1.0,
    theme: Theme = LIGHT,
    font_px: int = 14,
    zoom: Zoom = Zoom.WEEK,
    first_row: int = 0,
    today_at: float = 1 / 3,
) -> None:
    """Paint the timeline of ``task_ids`` (grouped by team, as the screen's) into ``rect``:
    the label column, the date header and the rows from ``first_row`` that fit, laid out at
    ``font_px`` and magnified ``scale`` times, with today ``today_at`` of the way across the
    chart. Tasks without dates are left out."""
    board = model.board
    base = QFont(FONT_FAMILY)
    base.setPixelSize(font_px)
    fonts = screen_fonts(base)
    row_h = row_height(fonts.label)
    style = screen_style(row_h)
    layout = build_rows(board, task_ids, "team_id", team_groups(board))
    links = links_among(board, layout.row_of)
    width, height = rect.width() / scale, rect.height() / scale
    chart_width = max(1.0, width - LABEL_WIDTH)
    today = model.today().toordinal()
    geo = ChartGeometry(
        width=width,
        height=height,
        row_height=row_h,
        origin=today,
        ppd=zoom.pixels_per_day,
        scroll_x=round(-chart_width * today_at),
        scroll_y=first_row * row_h,
    )
    content = ChartContent(
        layout=layout,
        face=FaceCache(model, layout),
        zoom=zoom,
        today=today,
        grouped=True,
        predecessors=links.predecessors,
        successors=links.successors,
        violated=links.violated,
    )
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.translate(rect.topLeft())
    painter.scale(scale, scale)
    painter.setClipRect(QRectF(0, 0, width, height))
    painter.fillRect(QRectF(0, 0, width, height), theme.card)
    paint_chart_body(painter, geo, content, style, theme, fonts)
    paint_chart_frame(painter, geo, content, style, theme, fonts)
    painter.restore()
