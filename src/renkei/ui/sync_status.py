"""The status bar's word on sharing: connected, reconnecting or offline.

Each state has its own shape of icon, its own colour and a word, so it reads without colour
(a dot, a circular arrow, a struck-through circle). The tooltip says where the board lives
and what went wrong last; a click while disconnected tries again at once."""

from __future__ import annotations

import math
import re
import textwrap
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from renkei.app.places import BoardLocation, where
from renkei.app.sync import SyncState, SyncStatus
from renkei.i18n import arg
from renkei.i18n.words import error_text
from renkei.render.theme import LIGHT
from renkei.ui.location_banner import place_headline, place_meaning

ICON_SIZE = 14

COLOURS = {
    SyncStatus.CONNECTED: LIGHT.done,  # bluish green
    SyncStatus.RECONNECTING: LIGHT.risk,  # dark orange
    SyncStatus.OFFLINE: LIGHT.late,  # vermillion
}


def status_icon(status: SyncStatus, size: int = ICON_SIZE, ratio: float = 1.0) -> QPixmap:
    """A dot (connected), a circular arrow (reconnecting), a struck circle (offline)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(COLOURS[status])
    box = QRectF(0, 0, size, size)
    if status is SyncStatus.CONNECTED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(box.adjusted(2.5, 2.5, -2.5, -2.5))
    elif status is SyncStatus.RECONNECTING:
        pen = QPen(colour, 1.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        ring = box.adjusted(2.5, 2.5, -2.5, -2.5)
        painter.drawArc(ring, 90 * 16, 280 * 16)  # open at the top right
        # The arrow head at the arc's end (angle 10°, counter-clockwise from 3 o'clock).
        centre, radius = ring.center(), ring.width() / 2
        end = math.radians(90 + 280)
        tip = QPointF(centre.x() + radius * math.cos(end), centre.y() - radius * math.sin(end))
        head = QPainterPath()
        head.moveTo(tip + QPointF(-3.2, -1.2))
        head.lineTo(tip + QPointF(0.6, -3.6))
        head.lineTo(tip + QPointF(1.4, 0.6))
        head.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(head)
    else:
        pen = QPen(colour, 1.8)
        painter.setPen(pen)
        ring = box.adjusted(1.5, 1.5, -1.5, -1.5)
        painter.drawEllipse(ring)
        inset = ring.width() * 0.15
        painter.drawLine(
            QPointF(ring.left() + inset, ring.bottom() - inset),
            QPointF(ring.right() - inset, ring.top() + inset),
        )
    painter.end()
    return pixmap


class SyncStatusWidget(QWidget):
    """'Connected · synced 14:03:12' / 'Reconnecting… (attempt 2)' / 'Offline — changes
    cannot be saved', with an icon. ``retryRequested`` when clicked while disconnected."""

    retryRequested = Signal()

    def __init__(
        self,
        location: str,
        seconds_until_retry=None,
        parent: QWidget | None = None,
        place: BoardLocation | None = None,
    ):
        """``seconds_until_retry()`` (optional) gives the countdown to the next attempt;
        ``place`` is where the board lives (found from ``location`` when not given)."""
        super().__init__(parent)
        self.location = location
        self.place = place or where(location)
        self._seconds_until_retry = seconds_until_retry
        self._state: SyncState | None = None
        self._shown_status: SyncStatus | None = None
        self._problem = ""
        self._problem_at: datetime | None = None
        self._floor = 0  # the widest text shown in the current state
        self.icon = QLabel(self)
        self.icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(5)
        layout.addWidget(self.icon)
        layout.addWidget(self.label)
        self.setAccessibleName(self.tr("Sharing status"))
        # While disconnected, a countdown to the next try (a second is the finest it reads).
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._render)

    # -- what is shown ---------------------------------------------------------------------

    def text(self) -> str:
        return self.label.text()

    @property
    def status(self) -> SyncStatus | None:
        return self._state.status if self._state else None

    def show_state(self, state: SyncState) -> None:
        self._state = state
        if state.problem:
            self._problem = state.problem_said(error_text)
            self._problem_at = datetime.now()
        if state.status is SyncStatus.CONNECTED:
            self._countdown.stop()
        elif not self._countdown.isActive():
            self._countdown.start()
        self._render()

    def _render(self) -> None:
        state = self._state
        if state is None:
            return
        if state.status is not self._shown_status:
            self._shown_status = state.status
            self._floor = 0
            self.icon.setPixmap(status_icon(state.status, ICON_SIZE, self.devicePixelRatioF()))
            self.setCursor(
                Qt.CursorShape.ArrowCursor
                if state.status is SyncStatus.CONNECTED
                else Qt.CursorShape.PointingHandCursor
            )
            # Calm when all is well; the words take the icon's colour when something is wrong.
            palette = self.palette()
            font = self.font()
            if state.status is not SyncStatus.CONNECTED:
                # Darker than the icon: small text needs 4.5:1 on the status bar's grey.
                palette.setColor(self.label.foregroundRole(), COLOURS[state.status].darker(125))
                font.setBold(state.status is SyncStatus.OFFLINE)  # edits are refused now
            self.label.setPalette(palette)
            self.label.setFont(font)
        text = self._words(state)
        if text != self.label.text():
            self.label.setText(text)
            self.icon.setAccessibleName(text)  # the icon says what the words say
            # Never narrower within one state, so the clock and the countdown do not make
            # the status bar's other words jiggle every second.
            self.label.setMinimumWidth(0)  # measure the words, not the floor
            self._floor = max(self._floor, self.label.sizeHint().width())
            self.label.setMinimumWidth(self._floor)
        tip = self._tooltip(state)
        if tip != self.toolTip():
            self.setToolTip(tip)
            self.setAccessibleDescription(tip)

    def _words(self, state: SyncState) -> str:
        if state.status is SyncStatus.CONNECTED:
            if state.last_synced is None:
                return self.tr("Connected")
            return arg(self.tr("Connected · synced %1"), _clock(state.last_synced))
        if state.status is SyncStatus.RECONNECTING:
            text = arg(self.tr("Reconnecting… (attempt %1)"), str(state.attempts))
        else:
            text = self.tr("Offline — changes cannot be saved")
        wait = self._seconds_until_retry() if self._seconds_until_retry else None
        if wait is not None:
            seconds = max(1, math.ceil(wait))
            text += " · " + arg(self.tr("next try in %1 s"), str(seconds))
        return text

    def _tooltip(self, state: SyncState) -> str:
        lines = [
            arg(self.tr("Board: %1"), self.place.location),
            place_headline(self.place),
            *_wrapped(place_meaning(self.place)),
        ]
        if state.last_synced is not None:
            lines.append(
                arg(
                    self.tr("Last in step with the board: %1"),
                    state.last_synced.strftime("%Y-%m-%d %H:%M:%S"),
                )
            )
        if state.status is SyncStatus.RECONNECTING:
            lines.append(self.tr("Edits are not saved until the connection is back."))
        elif state.status is SyncStatus.OFFLINE:
            lines.append(
                self.tr("Renkei keeps trying every few seconds; edits cannot be saved until then.")
            )
        if self._problem and self._problem_at is not None:
            lines.append(
                arg(self.tr("Last problem (%1): %2"), _clock(self._problem_at), self._problem)
            )
        if state.status is not SyncStatus.CONNECTED:
            lines.append(self.tr("Click to try again now."))
        return "\n".join(lines)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self._state is not None
            and self._state.status is not SyncStatus.CONNECTED
        ):
            self.retryRequested.emit()
            return
        super().mousePressEvent(event)


def _wrapped(text: str) -> list[str]:
    """A long sentence as tooltip lines (a plain-text tooltip never wraps by itself). Text
    without spaces, as Japanese, breaks after its commas and full stops (never before one),
    about 40 of its wide characters a line."""
    if text.isascii():
        return textwrap.wrap(text, 80, break_on_hyphens=False)
    lines: list[str] = []
    for piece in re.split(r"(?<=[、。；：])", text):
        if lines and len(lines[-1]) + len(piece) <= 40:
            lines[-1] += piece
        elif piece:
            lines.append(piece)
    return lines


def _clock(at: datetime) -> str:
    return at.strftime("%H:%M:%S")
