"""The timeline's mouse and keyboard: select, open, move a bar or one of its ends, draw a
dependency from a bar's link handle, take a task dropped from the tray, scroll and zoom.

A mixin of ``TimelineView``: it reads the view's geometry and hit-testing and only emits the
view's signals; nothing here writes to the board or paints."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from renkei.domain.schedule import shifted
from renkei.render.timeline_geometry import HEADER_HEIGHT, LABEL_WIDTH

TASK_MIME = "application/x-renkei-task"  # payload: the task id as ASCII digits
EDGE = 6.0  # pixels at a bar's end that change only that end


class TimelineInteraction:
    """Press, drag, release, wheel, keys and drops for ``TimelineView``."""

    def _init_interaction(self) -> None:
        # A press on a bar, an end or a link handle, and the drag it may become.
        self._press_pos: QPointF | None = None
        self._press_content_x = 0.0
        self._press_kind: str | None = None  # "move", "start", "end", "link"
        self._press_task: int | None = None
        self._dragging = False
        self._drag_delta = 0
        self._mouse_pos: QPointF | None = None
        self._link_target: int | None = None
        self._drop_day: int | None = None
        self._wheel_zoom = 0

    # -- keyboard ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Escape and self._press_kind is not None:
            self._cancel_drag()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self._step(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._current is not None:
                self.openRequested.emit(self._current)
        elif key == Qt.Key.Key_Home:
            self.go_to_today()
            self._fresh = False
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            self.set_zoom(self._zoom.zoomed_in())
        elif key == Qt.Key.Key_Minus and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self._zoom.zoomed_out())
        else:
            super().keyPressEvent(event)

    def _step(self, step: int) -> None:
        """The task in the next (previous) task row becomes current."""
        tasks = self._layout.tasks
        if not tasks:
            return
        row = self._layout.row_of.get(self._current, -1) if self._current is not None else -1
        if row < 0:
            row = -1 if step > 0 else len(tasks)
        row += step
        while 0 <= row < len(tasks) and tasks[row] is None:
            row += step
        if 0 <= row < len(tasks):
            self.set_current_task(tasks[row])

    # -- mouse: select, open, move, resize, link ----------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        kind, task_id = self.hit(event.position())
        if task_id is None:
            return
        self._set_current(task_id)
        if kind in ("move", "start", "end", "handle"):
            self._press_pos = QPointF(event.position())
            self._press_content_x = event.position().x() + self.horizontalScrollBar().value()
            self._press_kind = "link" if kind == "handle" else kind
            self._press_task = task_id
            self._dragging = False
            self._drag_delta = 0

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        position = QPointF(event.position())
        self._mouse_pos = position
        if self._press_kind is None:
            self._hover(position)
            return
        if not self._dragging:
            moved = position - self._press_pos
            if abs(moved.x()) + abs(moved.y()) < QApplication.startDragDistance():
                return
            self._dragging = True
        self._autoscroll(position)
        if self._press_kind == "link":
            kind, target = self.hit(position)
            over_bar = kind in ("move", "start", "end") and target != self._press_task
            self._link_target = target if over_bar else None
        else:
            self._drag_delta = self._delta_to(position)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._press_kind is None:
            return
        kind, task_id, dragging = self._press_kind, self._press_task, self._dragging
        if dragging and kind == "link":
            hit_kind, target = self.hit(event.position())
            over_bar = hit_kind in ("move", "start", "end") and target != task_id
            self._reset_press()
            if over_bar and target is not None:
                self.dependencyRequested.emit(task_id, target)
        elif dragging:
            self._drag_delta = self._delta_to(event.position())
            dates = self._dragged_dates()
            self._reset_press()
            if dates is not None:
                self.taskRescheduled.emit(task_id, dates[0], dates[1])
        else:
            self._reset_press()
        self._hover(QPointF(event.position()))
        self.viewport().update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        kind, task_id = self.hit(event.position())
        if task_id is not None and kind in ("label", "move", "start", "end"):
            self._reset_press()
            self.openRequested.emit(task_id)

    def _delta_to(self, position: QPointF) -> int:
        """Whole days between the press and ``position``, counting any autoscroll since."""
        moved = position.x() + self.horizontalScrollBar().value() - self._press_content_x
        return round(moved / self._ppd())

    def _reset_press(self) -> None:
        self._press_pos = self._press_kind = self._press_task = None
        self._dragging = False
        self._drag_delta = 0
        self._link_target = None

    def _cancel_drag(self) -> None:
        self._reset_press()
        self.viewport().update()

    def _dragged_span(self) -> tuple[int, int] | None:
        """The (first, last) the pressed task would get now; None when nothing changes."""
        if self._press_task is None or self._press_kind not in ("move", "start", "end"):
            return None
        first, last = self._layout.spans[self._press_task]
        delta = self._drag_delta
        if self._press_kind == "move":
            new = (first + delta, last + delta)
        elif self._press_kind == "start":
            new = (min(first + delta, last), last)
        else:
            new = (first, max(last + delta, first))
        return None if new == (first, last) else new

    def _dragged_dates(self) -> tuple[date | None, date | None] | None:
        """The (start, due) to emit for the drag so far; None when nothing changes."""
        span = self._dragged_span()
        if span is None:
            return None
        task = self.session.board.tasks[self._press_task]
        if self._press_kind == "move":
            return shifted(task, self._drag_delta)
        return date.fromordinal(span[0]), date.fromordinal(span[1])

    def _hover(self, position: QPointF) -> None:
        kind, task_id = self.hit(position)
        row = self.row_at(position.y())
        if kind in ("start", "end"):
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
        elif kind == "handle":
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        elif kind == "move":
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()
        over = task_id if kind in ("move", "start", "end", "handle") else None
        if over is None and self._hover_task is not None and task_id == self._hover_task:
            over = self._hover_task  # keep the handle while crossing to it along the row
        if row != self._hover_row or over != self._hover_task:
            self._hover_row, self._hover_task = row, over
            self.viewport().update()

    def _autoscroll(self, position: QPointF) -> None:
        width, height = self.viewport().width(), self.viewport().height()
        bar = self.verticalScrollBar()
        if position.y() < HEADER_HEIGHT + 12:
            bar.setValue(bar.value() - int(self._row_h / 2))
        elif position.y() > height - 12:
            bar.setValue(bar.value() + int(self._row_h / 2))
        hbar = self.horizontalScrollBar()
        if self._press_kind != "link" and LABEL_WIDTH <= position.x() < LABEL_WIDTH + 12:
            hbar.setValue(hbar.value() - 20)
        elif position.x() > width - 12:
            hbar.setValue(hbar.value() + 20)

    def wheelEvent(self, event) -> None:  # noqa: N802
        """Wheel: rows; Shift+wheel: days; Ctrl+wheel: zoom around the mouse."""
        modifiers = event.modifiers()
        delta = event.angleDelta()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            if self._press_kind is not None:  # no zooming under a drag
                event.accept()
                return
            self._wheel_zoom += delta.y() or delta.x()
            if abs(self._wheel_zoom) >= 120:
                step_in = self._wheel_zoom > 0
                self._wheel_zoom = 0
                zoom = self._zoom.zoomed_in() if step_in else self._zoom.zoomed_out()
                x = max(float(LABEL_WIDTH), event.position().x())
                self.set_zoom(zoom, anchor_x=x)
            event.accept()
            return
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            amount = delta.y() or delta.x()
            hbar.setValue(hbar.value() - round(amount / 120 * 3 * max(self._ppd(), 20)))
        else:
            if delta.x():
                hbar.setValue(hbar.value() - round(delta.x() / 120 * 3 * max(self._ppd(), 20)))
            if delta.y():
                vbar.setValue(vbar.value() - round(delta.y() / 120 * 3 * self._row_h))
        self._fresh = False
        event.accept()

    # -- drops from outside: a task from the tray --------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(TASK_MIME):
            event.acceptProposedAction()
            self._drag_over(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(TASK_MIME):
            self._drag_over(event)
        else:
            event.ignore()

    def _drag_over(self, event) -> None:
        position = event.position()
        if position.x() < LABEL_WIDTH or position.y() < HEADER_HEIGHT:
            self._drop_day = None
            event.ignore()
        else:
            self._drop_day = self.day_at(position.x()).toordinal()
            event.acceptProposedAction()
        self.viewport().update()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._drop_day = None
        self.viewport().update()

    def dropEvent(self, event) -> None:  # noqa: N802
        self._drop_day = None
        self.viewport().update()
        data = event.mimeData()
        position = event.position()
        if not data.hasFormat(TASK_MIME) or position.x() < LABEL_WIDTH:
            event.ignore()
            return
        try:
            task_id = int(bytes(data.data(TASK_MIME)).decode("ascii").strip())
        except ValueError:
            event.ignore()
            return
        event.acceptProposedAction()
        self.taskScheduled.emit(task_id, self.day_at(position.x()))
