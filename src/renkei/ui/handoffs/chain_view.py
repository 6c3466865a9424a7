"""HandoffChainView: one task's handoffs as hops on a shared time axis, the breaking hop marked.

It answers "where did this lead's information get lost?" at a glance: one row per hop (oldest
first, changes of hands without a handoff record too), a bar per hop from sending through
acknowledging to the receiver's decision, and the hop where the chain broke on a warm band
with the words "Lost here" / "Broke here" (never colour alone).

Three rooms: ``chain_layout`` turns the session's analysis into hops, words and places;
``chain_painter`` draws them; this widget measures, takes the mouse and keys, shows
tooltips and emits ``handoffActivated``. Row geometry is fixed-height arithmetic, so
hit-testing needs no child widgets."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from renkei.render.theme import Theme, current
from renkei.ui.a11y import ensure_factory, register
from renkei.ui.fonts import scaled_font
from renkei.ui.handoffs import chain_accessible
from renkei.ui.handoffs.chain_layout import (
    MIN_ROW_HEIGHT,
    Chain,
    ChainAxis,
    ChainMetrics,
    build_chain,
    stamp,
)
from renkei.ui.handoffs.chain_painter import ChainScene, paint_chain

__all__ = ["MIN_ROW_HEIGHT", "HandoffChainView"]


class HandoffChainView(QWidget):
    """The chain of one task; ``refresh()`` re-reads the session's analysis."""

    handoffActivated = Signal(int)  # noqa: N815 — Qt signal naming
    accessibleEventPosted = Signal(object, str)  # noqa: N815 — what a screen reader was told

    @property
    def theme(self) -> Theme:
        return current()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        ensure_factory()  # (Qt forgets it when an application ends)
        self.session = session
        self._task_id: int | None = None
        self._chain = Chain()
        self._hover: int | None = None
        self._current: int | None = None
        self._pressed: int | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAutoFillBackground(False)
        self.setAccessibleName(QCoreApplication.translate("Handoffs", "Handoff chain"))
        chain_accessible.watch_focus(self)
        self.refresh()

    # -- public ----------------------------------------------------------------------------

    @property
    def task_id(self) -> int | None:
        return self._task_id

    def show_task(self, task_id: int | None) -> None:
        if task_id != self._task_id:
            self._current = None
            self._hover = None
        self._task_id = task_id
        self.refresh()

    def refresh(self) -> None:
        analysis = self.session.handoff_analysis()
        self._chain = build_chain(self.session.board, analysis, self._task_id)
        self.setAccessibleDescription(self._chain.verdict)
        self._place()

    def verdict(self) -> str:
        return self._chain.verdict

    def hop_rows(self) -> list[dict]:
        return [
            {
                "label": row.label,
                "people": row.people,
                "state": row.state,
                "findings": [f.kind for f in row.entry.findings],
                "lost": list(row.lost),
                "breaking": row.breaking,
                "handoff_id": row.handoff_id,
                "findings_text": row.findings_text,
            }
            for row in self._chain.rows
        ]

    @property
    def current_hop(self) -> int | None:
        """The outlined hop (↑ ↓ move it, Enter opens its handoff), or None."""
        return self._current

    def set_current(self, index: int | None) -> None:
        if index == self._current:
            return
        self._current = index
        self.update()
        if index is not None:
            chain_accessible.current_changed(self)

    def row_rect(self, index: int) -> QRect:
        """The whole row (hop band and its findings line), in widget coordinates."""
        row = self._chain.rows[index]
        return QRectF(0, row.top, self.width(), row.height).toRect()

    def row_at(self, y: float) -> int | None:
        return self._chain.row_at(y)

    def x_of(self, moment: float) -> float:
        return self._axis().x_of(moment)

    def x_of_time(self, at: datetime) -> float:
        """The axis x of a stored (naive UTC) time; for tests and the owner."""
        return self.x_of(stamp(at))

    def ticks(self) -> list[tuple[float, str]]:
        """Date ticks (x, label) at local midnights, spaced so labels never overlap."""
        return self._scene().ticks()

    # -- measuring -------------------------------------------------------------------------

    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        return scaled_font(self.font(), scale, bold)

    def _metrics(self) -> ChainMetrics:
        return ChainMetrics.measure(
            lambda scale, bold: QFontMetricsF(self._font(scale, bold)).height()
        )

    def _axis(self) -> ChainAxis:
        return ChainAxis(float(self.width()), self._chain.t0, self._chain.t1)

    def _place(self) -> None:
        self._chain.place_rows(self._metrics())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(760, self._chain.content_height(self._metrics()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(340, self._chain.content_height(self._metrics()))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._place()
        super().changeEvent(event)

    # -- painting: see chain_painter.py ------------------------------------------------------

    def _scene(self) -> ChainScene:
        return ChainScene(
            chain=self._chain,
            metrics=self._metrics(),
            axis=self._axis(),
            theme=self.theme,
            font=self._font,
            width=float(self.width()),
            height=float(self.height()),
            hover=self._hover,
            current=self._current,
            focused=self.hasFocus(),
        )

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        paint_chain(painter, self._scene())
        if self.hasFocus() and not self._chain.rows:  # nothing to outline: the view itself
            painter.setPen(QPen(self.theme.selection, 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    # -- interaction ---------------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.row_at(event.pos().y())
            if index is None:
                QToolTip.hideText()
                event.ignore()
                return True
            tip = self._chain.rows[index].tooltip
            QToolTip.showText(event.globalPos(), tip, self, self.row_rect(index))
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.row_at(event.position().y())
        if index != self._hover:
            self._hover = index
            clickable = index is not None and self._chain.rows[index].handoff_id is not None
            if clickable:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.unsetCursor()
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        self._hover = None
        self.unsetCursor()
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self.row_at(event.position().y())
            if self._pressed is not None:
                self.set_current(self._pressed)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pressed, self._pressed = self._pressed, None
        left = event.button() == Qt.MouseButton.LeftButton
        if left and pressed is not None and self.row_at(event.position().y()) == pressed:
            self._activate(pressed)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        rows = self._chain.rows
        if rows and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            start = self._current if self._current is not None else (-1 if step > 0 else 0)
            self.set_current(max(0, min(len(rows) - 1, start + step)))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self._activate(self._current)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        # The keyboard arrives on a hop, outlined, so it is seen where it is.
        if self._current is None and self._chain.rows:
            self._current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    def _activate(self, index: int) -> None:
        rows = self._chain.rows
        if 0 <= index < len(rows):
            handoff_id = rows[index].handoff_id
            if handoff_id is not None:
                self.handoffActivated.emit(handoff_id)


register(HandoffChainView, chain_accessible.ChainAccessible)
