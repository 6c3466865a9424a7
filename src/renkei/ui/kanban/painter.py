"""Painting the kanban: columns, lane bands, the cards on screen, sticky column headers and a
dragged card. Cards are drawn by ``render.card.paint_card`` and signs by ``render.glyphs``;
this only decides where, from the view's ``Geometry``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from renkei.i18n import arg
from renkei.i18n.contexts import Kanban
from renkei.render import glyphs
from renkei.render.card import CARD_GAP, CARD_HEIGHT, CardFace, paint_card
from renkei.render.theme import FONT_FAMILY, Theme
from renkei.ui.kanban.geometry import (
    HEADER_HEIGHT,
    LANE_HEADER_HEIGHT,
    MARGIN,
    SLOT,
    Geometry,
    Lane,
    content_width,
)
from renkei.ui.kanban.grid import KanbanGrid


@dataclass(frozen=True)
class Scene:
    """Everything one paint needs besides the painter."""

    grid: KanbanGrid
    geometry: Geometry
    face: Callable[[int], CardFace]
    theme: Theme
    width: int
    height: int
    current: int | None = None
    drag_task: int | None = None
    drag_pos: QPoint | None = None
    nothing_matches: bool = False  # a filter is on and hides every card


def font(pixels: float, bold: bool = False) -> QFont:
    chosen = QFont(FONT_FAMILY)
    chosen.setPixelSize(round(pixels))
    chosen.setBold(bold)
    return chosen


def paint_board(painter: QPainter, scene: Scene) -> None:
    theme, g = scene.theme, scene.geometry
    painter.fillRect(QRect(0, 0, scene.width, scene.height), theme.window)
    _paint_columns(painter, scene)
    top_content = g.scroll_y
    bottom_content = top_content + scene.height - HEADER_HEIGHT
    for lane in g.lanes[g.first_lane_at(top_content) :]:
        if lane.top > bottom_content:
            break
        _paint_lane(painter, scene, lane, top_content, bottom_content)
    _paint_header(painter, scene)
    if scene.drag_task is not None and scene.drag_pos is not None:
        _paint_drag(painter, scene)
    if scene.nothing_matches:
        # In the middle of the board, where the eye goes, on a card of its own so it does not
        # read as a column's; the view puts a Clear button under it.
        message = empty_message_rect(scene.width, scene.height)
        words = QCoreApplication.translate("Kanban", "No task matches the filter.")
        painter.setFont(font(17))
        wide = QFontMetricsF(painter.font()).horizontalAdvance(words) + 64
        half = min(max(wide, 340.0), message.width()) / 2
        backing = QRectF(
            message.center().x() - half, message.top() - 18, 2 * half, message.height() + 90
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(theme.card_border, theme.border_width))
        painter.setBrush(theme.card)
        painter.drawRoundedRect(backing, 8, 8)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(theme.text)
        painter.drawText(message, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, words)


def empty_message_rect(width: float, height: float) -> QRectF:
    """Where an empty filtered board says so: the middle of the area under the headers."""
    middle = HEADER_HEIGHT + (height - HEADER_HEIGHT) / 2
    return QRectF(20, middle - 50, max(0.0, width - 40), 44)


def _paint_columns(painter: QPainter, scene: Scene) -> None:
    theme, g = scene.theme, scene.geometry
    for column_index, status in enumerate(g.columns):
        x = g.column_x(column_index)
        over = scene.grid.over_limit(status)
        colour = theme.column_over_limit if over else theme.column
        painter.fillRect(QRectF(x, 0, g.column_width, scene.height), colour)
        if theme.column_border is not None:  # high contrast: columns have edges
            painter.setPen(QPen(theme.column_border, theme.border_width))
            half = theme.border_width / 2
            painter.drawRect(QRectF(x + half, half, g.column_width - 1, scene.height))


def cards_on_screen(g: Geometry, width: int, height: int) -> list[int]:
    """The cards a paint of this size draws, lane by lane and column by column (their
    faces are built together before painting)."""
    top = g.scroll_y
    bottom = top + height - HEADER_HEIGHT
    found: list[int] = []
    for lane in g.lanes[g.first_lane_at(top) :]:
        if lane.top > bottom:
            break
        if lane.collapsed:
            continue
        for column_index, status in enumerate(g.columns):
            x = g.column_x(column_index)
            if x > width or x + g.column_width < 0:
                continue
            ids = lane.cells.get(status.id, [])
            found.extend(ids[slice(*_shown_slots(lane, len(ids), top, bottom))])
    return found


def _shown_slots(lane: Lane, count: int, top: float, bottom: float) -> tuple[int, int]:
    """The first card of a cell on screen and the one after its last, between the content
    heights ``top`` and ``bottom``."""
    first = max(0, int((top - lane.cards_top) // SLOT))
    last = min(count, int((bottom - lane.cards_top) // SLOT) + 1)
    return first, last


def _paint_lane(painter: QPainter, scene: Scene, lane: Lane, top: float, bottom: float) -> None:
    theme, g = scene.theme, scene.geometry
    width = scene.width
    if lane.title:
        y = g.content_to_view_y(lane.top)
        band_width = max(width, content_width(len(g.columns), g.column_width))
        band = QRectF(0, y, band_width, LANE_HEADER_HEIGHT)
        painter.fillRect(band, theme.lane_header)
        if theme.column_border is not None:
            painter.setPen(QPen(theme.column_border, theme.border_width))
            painter.drawLine(band.bottomLeft(), band.bottomRight())
        painter.setPen(theme.text)
        painter.setFont(font(14, bold=True))
        arrow = "▸" if lane.collapsed else "▾"
        text = f"{arrow}  {lane.title}"
        painter.drawText(
            band.adjusted(MARGIN + 4 - g.scroll_x, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text
        )
        metrics = QFontMetricsF(painter.font())
        count_x = MARGIN + 4 - g.scroll_x + metrics.horizontalAdvance(text) + 12
        painter.setPen(theme.muted)
        painter.setFont(font(13))
        painter.drawText(
            QRectF(count_x, y, 300, LANE_HEADER_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter,
            Kanban.tr("%n task(s)", "", lane.count),
        )
    if lane.collapsed:
        return
    for column_index, status in enumerate(g.columns):
        x = g.column_x(column_index)
        if x > width or x + g.column_width < 0:
            continue
        ids = lane.cells.get(status.id, [])
        for index in range(*_shown_slots(lane, len(ids), top, bottom)):
            task_id = ids[index]
            if task_id == scene.drag_task:
                continue
            rect = g.slot_rect(lane, column_index, index)
            paint_card(
                painter,
                rect,
                scene.face(task_id),
                selected=task_id == scene.current,
                theme=theme,
            )
        if scene.drag_task is not None:
            _paint_drop_indicator(painter, scene, lane, status.id, column_index)
        add = g.add_row_rect(lane, column_index)
        if add.top() < scene.height and add.bottom() > HEADER_HEIGHT:
            hidden = lane.hidden.get(status.id, 0)
            painter.setPen(theme.text if hidden else theme.muted)
            painter.setFont(font(13, bold=bool(hidden)))
            words = (
                Kanban.tr("▾ %n more finished", "", hidden)
                if hidden
                else QCoreApplication.translate("Kanban", "+ Add task")
            )
            painter.drawText(add.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, words)


def _paint_drop_indicator(
    painter: QPainter, scene: Scene, lane: Lane, status_id: int, column_index: int
) -> None:
    g = scene.geometry
    target = g.drop_target(scene.drag_pos) if scene.drag_pos is not None else None
    if target is None or target.lane is not lane or target.status_id != status_id:
        return
    y = g.content_to_view_y(lane.cards_top + target.index * SLOT) - CARD_GAP / 2
    x = g.column_x(column_index)
    painter.setPen(QPen(scene.theme.selection, 3))
    painter.drawLine(QPointF(x + 4, y), QPointF(x + g.column_width - 4, y))


def _paint_drag(painter: QPainter, scene: Scene) -> None:
    pos = scene.drag_pos
    rect = QRectF(pos.x() - 40, pos.y() - 20, scene.geometry.column_width - 12, CARD_HEIGHT)
    painter.setOpacity(0.85)
    paint_card(painter, rect, scene.face(scene.drag_task), selected=True, theme=scene.theme)
    painter.setOpacity(1.0)


def _paint_header(painter: QPainter, scene: Scene) -> None:
    """Sticky column headers: name, card count and the WIP limit (icon and words when over)."""
    theme, g = scene.theme, scene.geometry
    painter.fillRect(QRectF(0, 0, scene.width, HEADER_HEIGHT), theme.window)
    for column_index, status in enumerate(g.columns):
        x = g.column_x(column_index)
        over = scene.grid.over_limit(status)
        rect = QRectF(x, 4, g.column_width, HEADER_HEIGHT - 4)
        painter.fillRect(rect, theme.column_over_limit if over else theme.column)
        if theme.column_border is not None:
            painter.setPen(QPen(theme.column_border, theme.border_width))
            half = theme.border_width / 2
            edge = rect.adjusted(half, half, -1, 0)  # open below: the column goes on
            painter.drawPolyline(
                QPolygonF([edge.bottomLeft(), edge.topLeft(), edge.topRight(), edge.bottomRight()])
            )
        painter.setPen(theme.text)
        painter.setFont(font(15, bold=True))
        metrics = QFontMetricsF(painter.font())
        name = metrics.elidedText(status.name, Qt.TextElideMode.ElideRight, g.column_width * 0.5)
        painter.drawText(rect.adjusted(12, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, name)
        count = scene.grid.count(status.id)
        limit = status.wip_limit
        label = f"{count} / {limit}" if limit is not None else str(count)
        shown = scene.grid.shown(status.id)
        if shown is not None:  # a filter is on: how many of the column's cards it shows
            label = arg(Kanban.tr("%1 of %2"), shown, count)
        painter.setFont(font(13))
        small = QFontMetricsF(painter.font())
        right = rect.right() - 10
        if over:
            word = QCoreApplication.translate("Kanban", "Over limit")
            word_width = small.horizontalAdvance(word)
            painter.setPen(theme.late)
            painter.drawText(
                QRectF(right - word_width, rect.top(), word_width, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                word,
            )
            right -= word_width + 4
            glyphs.on_disc(
                painter, glyphs.warning, QPointF(right - 8, rect.center().y()), 8, theme.late,
                glyphs.WHITE,
            )  # fmt: skip
            right -= 20
        painter.setPen(theme.late if over else theme.muted)
        label_width = small.horizontalAdvance(label)
        painter.drawText(
            QRectF(right - label_width, rect.top(), label_width, rect.height()),
            Qt.AlignmentFlag.AlignVCenter,
            label,
        )
