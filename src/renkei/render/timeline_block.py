"""A block of timeline rows painted into any rectangle: the standup's timeline slide shows
the board's open work this way, with the same painters as the screen's timeline."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter

from renkei.domain.read_model import BoardReadModel
from renkei.render.theme import FONT_FAMILY, LIGHT, Theme
from renkei.render.timeline_chart import (
    ChartContent,
    FaceCache,
    links_among,
    paint_chart_body,
    paint_chart_frame,
)
from renkei.render.timeline_forecast import group_forecasts
from renkei.render.timeline_geometry import LABEL_WIDTH, ChartGeometry
from renkei.render.timeline_paint import row_height, screen_fonts, screen_style
from renkei.render.timeline_rows import Zoom, build_rows, team_groups


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
        forecasts=group_forecasts(model.forecasts(), "team"),
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
