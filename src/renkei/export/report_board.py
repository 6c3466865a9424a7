"""The board snapshot page of the report: one column per status, as many cards as fit, drawn
by the same card painter as the window (``render.card``), and how many more there are."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from renkei.domain.read_model import BoardReadModel
from renkei.export.pdf import draw_lines, font, line_height
from renkei.export.report_sections import BoardColumn
from renkei.i18n import arg
from renkei.render.card import CARD_GAP, CARD_HEIGHT, paint_card
from renkei.render.card_face import card_face
from renkei.render.theme import LIGHT

CARD_SCALE = 0.6
COLUMN_GAP = 8.0


def paint_board(
    painter: QPainter,
    area: QRectF,
    columns: Sequence[BoardColumn],
    model: BoardReadModel,
) -> None:
    """Paint ``columns`` side by side in ``area`` (points), cards scaled to the column."""
    if not columns:
        return
    width = (area.width() - COLUMN_GAP * (len(columns) - 1)) / len(columns)
    scale = min(CARD_SCALE, width / 230.0)
    card_h = CARD_HEIGHT * scale
    head_f, more_f = font(9, True), font(8)
    head_h = line_height(head_f) * 2 + 6
    top = area.top()
    bottom = area.bottom() - line_height(more_f) - 4
    step = card_h + CARD_GAP * scale
    fits = max(0, int((bottom - top - head_h + CARD_GAP * scale) // step))
    x = area.left()
    for column in columns:
        painter.fillRect(QRectF(x, top, width, area.bottom() - top), LIGHT.window)
        name = _elide(column.status, head_f, width - 10)
        draw_lines(painter, x + 5, top + 3, width - 10, [name, column.count], head_f)
        y = top + head_h
        for task_id in column.task_ids[:fits]:
            face = card_face(model, task_id)
            paint_card(painter, QRectF(x + 4, y, width - 8, card_h), face, scale=scale)
            y += step
        hidden = len(column.task_ids) - fits
        if hidden > 0:
            more = arg(QCoreApplication.translate("Report", "+%1 more"), str(hidden))
            draw_lines(painter, x + 5, bottom, width - 10, [more], more_f, LIGHT.muted)
        x += width + COLUMN_GAP


def _elide(text: str, f: QFont, width: float) -> str:
    return QFontMetricsF(f).elidedText(text, Qt.TextElideMode.ElideRight, width)
