"""What a drag shows on the timeline while it lasts: the ghost of the bar's new dates, the
rubber band of a new dependency, the drop indicator of a task from the tray, and the dates
being set in a dark pill by the cursor. Screen-only feedback: the chart itself is the
shared painter's."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPen

from renkei.i18n import arg
from renkei.i18n.words import date_range_text
from renkei.render import glyphs
from renkei.render.theme import LIGHT
from renkei.render.timeline_geometry import HEADER_HEIGHT, LABEL_WIDTH, ChartGeometry
from renkei.render.timeline_paint import milestone_radius, outline
from renkei.ui.text import date_text


def paint_drag(view, painter: QPainter, geo: ChartGeometry) -> None:
    """The drop indicator, the link's rubber band, the dragged bar's ghost."""
    height = geo.height
    if view._drop_day is not None:
        x = view._x_ord(view._drop_day)
        painter.fillRect(
            QRectF(x, HEADER_HEIGHT, max(view._ppd(), 2), height), view.theme.highlight
        )
        painter.setPen(QPen(view.theme.selection, 2))
        painter.drawLine(QPointF(x, HEADER_HEIGHT), QPointF(x, height))
    if not view._dragging or view._press_task is None:
        return
    if view._press_kind == "link":
        handle = view.link_handle_rect(view._press_task)
        if handle is None or view._mouse_pos is None:
            return
        pen = QPen(view.theme.selection, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(handle.center(), view._mouse_pos)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(view.theme.selection)
        painter.drawEllipse(view._mouse_pos, 3.5, 3.5)
        if view._link_target is not None:
            target = view.bar_rect(view._link_target)
            first, last = view._layout.spans[view._link_target]
            outline(painter, target, first == last, QPen(view.theme.selection, 2.5), 3)
        return
    span = view._dragged_span() or view._layout.spans[view._press_task]
    rect = view.bar_rect(view._press_task)
    first, last = span
    pen = QPen(view.theme.selection, 2, Qt.PenStyle.DashLine)
    original = view._layout.spans[view._press_task]
    if original[0] == original[1]:  # a milestone moves as a diamond
        size = milestone_radius(view._style, geo.ppd)
        centre = QPointF(view._x_ord(first) + view._ppd() / 2, rect.center().y())
        ghost = QRectF(centre.x() - size, centre.y() - size, 2 * size, 2 * size)
        outline(painter, ghost, True, pen, 0)
        return
    x0, x1 = view._x_ord(first), view._x_ord(last + 1)
    ghost = QRectF(x0, rect.top(), max(3.0, x1 - x0), rect.height())
    painter.setBrush(view.theme.highlight)
    painter.setPen(pen)
    painter.drawRoundedRect(ghost, 3, 3)
    painter.setBrush(Qt.BrushStyle.NoBrush)

def paint_drag_label(view, painter: QPainter, geo: ChartGeometry) -> None:
    """The dates being set, in a dark pill by the cursor."""
    text = ""
    at = view._mouse_pos
    today = view.session.today()
    if view._dragging and view._press_kind in ("move", "start", "end"):
        first, last = view._dragged_span() or view._layout.spans[view._press_task]
        first_d, last_d = date.fromordinal(first), date.fromordinal(last)
        text = date_range_text(first_d, last_d, today)
        if view._press_kind == "move" and view._drag_delta:
            # "+3" days moved; "%1（%2日）" in Japanese
            pattern = QCoreApplication.translate("Timeline", "%1  (%2)")
            text = arg(pattern, text, f"{view._drag_delta:+d}")
    elif view._dragging and view._press_kind == "link" and view._link_target is not None:
        title = view.session.board.tasks[view._link_target].title
        text = arg(QCoreApplication.translate("Timeline", "“%1” will wait for this task"), title)
    elif view._drop_day is not None:
        text = date_text(date.fromordinal(view._drop_day), today)
        at = QPointF(view._x_ord(view._drop_day), HEADER_HEIGHT + 8)
    if not text or at is None:
        return
    font = view._fonts.small_bold
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 320)
    box = QRectF(0, 0, metrics.horizontalAdvance(text) + 16, metrics.height() + 8)
    x = min(at.x() + 14, geo.width - box.width() - 4)
    y = max(float(HEADER_HEIGHT) + 2, at.y() - box.height() - 10)
    box.moveTo(max(float(LABEL_WIDTH) + 2, x), y)
    path = QPainterPath()
    path.addRoundedRect(box, 5, 5)
    painter.fillPath(path, LIGHT.text)  # dark on every theme, as a tooltip
    painter.setPen(glyphs.WHITE)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
