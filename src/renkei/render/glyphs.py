"""The small pictures that go with words: warning, blocked, handed over, lost, late, done.

One drawing of each, shared by the cards, the timeline, the handoff views, the standup and the
PDF, so a sign means the same everywhere. Each takes the painter, where to draw, a size and an
ink, and leaves the painter's brush empty.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

WHITE = QColor("#ffffff")


def warning(
    painter: QPainter, centre: QPointF, size: float, ink: QColor = WHITE
) -> None:
    """A warning triangle in ``ink`` with an exclamation mark that stands out of it."""
    triangle = QPolygonF(
        [
            QPointF(centre.x(), centre.y() - size * 1.1),
            QPointF(centre.x() + size * 1.2, centre.y() + size * 0.9),
            QPointF(centre.x() - size * 1.2, centre.y() + size * 0.9),
        ]
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawPolygon(triangle)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    mark = QColor("#000000") if ink.lightness() >= 128 else QColor("#ffffff")
    painter.setPen(QPen(mark, max(1.0, size * 0.28)))
    painter.drawLine(
        QPointF(centre.x(), centre.y() - size * 0.45), QPointF(centre.x(), centre.y() + size * 0.25)
    )
    painter.drawPoint(QPointF(centre.x(), centre.y() + size * 0.6))


def blocked(painter: QPainter, centre: QPointF, size: float, ink: QColor = WHITE) -> None:
    """A white no-entry sign: circle with a bar."""
    painter.setPen(QPen(ink, max(1.2, size * 0.35)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, size, size)
    painter.drawLine(
        QPointF(centre.x() - size * 0.7, centre.y() + size * 0.7),
        QPointF(centre.x() + size * 0.7, centre.y() - size * 0.7),
    )


def handoff(painter: QPainter, centre: QPointF, size: float, ink: QColor = WHITE) -> None:
    """An arrow passing right: something handed over, waiting on the other side."""
    pen = QPen(ink, max(1.2, size * 0.33))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawLine(QPointF(centre.x() - size, centre.y()), QPointF(centre.x() + size, centre.y()))
    painter.drawPolyline(
        QPolygonF(
            [
                QPointF(centre.x() + size * 0.3, centre.y() - size * 0.7),
                QPointF(centre.x() + size, centre.y()),
                QPointF(centre.x() + size * 0.3, centre.y() + size * 0.7),
            ]
        )
    )


def broken_link(
    painter: QPainter, centre: QPointF, size: float, ink: QColor = WHITE
) -> None:
    """Two chain links pulled apart: information that did not make it across."""
    pen = QPen(ink, max(1.1, size * 0.3))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    w, h = size * 0.8, size * 0.5
    painter.drawRoundedRect(QRectF(centre.x() - size * 0.95, centre.y() - h, w, 2 * h), h, h)
    painter.drawRoundedRect(QRectF(centre.x() + size * 0.15, centre.y() - h, w, 2 * h), h, h)
    # The two sparks of the break, above and below the gap.
    for sign in (-1, 1):
        painter.drawLine(
            QPointF(centre.x() - size * 0.1, centre.y() + sign * size * 1.0),
            QPointF(centre.x() + size * 0.1, centre.y() + sign * size * 0.7),
        )


def clock(painter: QPainter, centre: QPointF, size: float, colour: QColor) -> None:
    painter.setPen(QPen(colour, max(1.2, size * 0.3)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, size, size)
    painter.drawLine(centre, QPointF(centre.x(), centre.y() - size * 0.6))
    painter.drawLine(centre, QPointF(centre.x() + size * 0.5, centre.y()))


def check(painter: QPainter, at: QPointF, scale: float) -> None:
    """A tick with the painter's pen, ``scale`` 1 for a card at its natural size."""
    painter.drawPolyline(
        QPolygonF(
            [
                QPointF(at.x() - 5 * scale, at.y()),
                QPointF(at.x() - 1 * scale, at.y() + 4 * scale),
                QPointF(at.x() + 6 * scale, at.y() - 5 * scale),
            ]
        )
    )


def diamond(
    painter: QPainter,
    centre: QPointF,
    radius: float,
    fill: QColor,
    edge: QColor,
    width: float = 1.4,
) -> None:
    """A milestone: a square on its point, filled, with an edge ``width`` wide."""
    c, r = centre, radius
    shape = QPolygonF(
        [QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
         QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())]
    )  # fmt: skip
    painter.setPen(QPen(edge, width))
    painter.setBrush(fill)
    painter.drawPolygon(shape)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def plus(painter: QPainter, centre: QPointF, size: float, ink: QColor = WHITE) -> None:
    """A plus sign: something new."""
    pen = QPen(ink, max(1.2, size * 0.4))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawLine(QPointF(centre.x() - size, centre.y()), QPointF(centre.x() + size, centre.y()))
    painter.drawLine(QPointF(centre.x(), centre.y() - size), QPointF(centre.x(), centre.y() + size))


def person(painter: QPainter, centre: QPointF, size: float, ink: QColor = WHITE) -> None:
    """A head and shoulders: someone's work."""
    x, y = centre.x(), centre.y()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawEllipse(QPointF(x, y - size * 0.4), size * 0.38, size * 0.38)
    painter.drawPie(QRectF(x - size * 0.75, y + size * 0.05, size * 1.5, size * 1.5), 0, 180 * 16)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def on_disc(
    painter: QPainter,
    sign: Callable[[QPainter, QPointF, float, QColor], None],
    centre: QPointF,
    radius: float,
    fill: QColor,
    ink: QColor = WHITE,
) -> None:
    """A sign (``warning``, ``blocked``, …) in ``ink`` on a disc of ``fill``: the badge beside
    a heading or a count. Leaves the painter as it found it."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawEllipse(centre, radius, radius)
    sign(painter, centre, radius * 0.56, ink)
    painter.restore()
