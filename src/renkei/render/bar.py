"""A task's bar on a time axis, painted the same on screen and on paper."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen


def paint_bar(
    painter: QPainter,
    rect: QRectF,
    radius: float,
    fill: QColor,
    done_fill: QColor,
    share: int,
    edge: QPen,
) -> None:
    """A rounded bar whose first ``share`` percent is filled with ``done_fill``."""
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.fillPath(path, fill)
    share = max(0, min(share, 100))
    if share:
        painter.save()
        painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
        filled = QRectF(rect.left(), rect.top(), rect.width() * share / 100, rect.height())
        painter.fillRect(filled, done_fill)
        painter.restore()
    painter.setPen(edge)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
