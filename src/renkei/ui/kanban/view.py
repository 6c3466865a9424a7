"""KanbanView: columns are statuses, swimlanes group cards; every card is painted.

One scroll area paints only what is on screen, so a 10,000-card board costs the same to
draw as a 60-card one. The model's grid says which card sits in which lane and column; this
widget places the lanes (``geometry.py``), scrolls, hit-tests, takes keys and mouse, and emits
what the user asked for. ``painter.py`` draws it. It lays itself out once per model
``arranged`` (once per session Change), and repaints when only card words changed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLineEdit, QPushButton, QToolTip

from renkei.render.theme import Theme, current
from renkei.ui.a11y import ensure_factory, register
from renkei.ui.kanban import accessible
from renkei.ui.kanban.geometry import (
    HEADER_HEIGHT,
    SLOT,
    Geometry,
    Hit,
    Lane,
    content_width,
    drop_neighbours,
    fitted_column_width,
    place_lanes,
)
from renkei.ui.kanban.model import KanbanModel
from renkei.ui.kanban.painter import Scene, cards_on_screen, empty_message_rect, paint_board

__all__ = ["Hit", "KanbanView", "Lane"]


class KanbanView(QAbstractScrollArea):
    currentChanged = Signal(object)  # task id or None
    openRequested = Signal(int)
    cardDropped = Signal(int, int, object, object, object)  # task, status, lane key, prev, next
    quickAddSubmitted = Signal(int, object, str)  # status id, lane key, title
    menuRequested = Signal(int, QPoint)  # task id, global position: the card's context menu
    clearFilterRequested = Signal()  # the empty filtered board's Clear button
    # What was told to a screen reader: the QAccessible event type and its words.
    accessibleEventPosted = Signal(object, str)

    @property
    def theme(self) -> Theme:
        return current()  # read at paint time: a theme switch is one repaint away

    def __init__(self, model: KanbanModel, parent=None):
        super().__init__(parent)
        ensure_factory()  # (Qt forgets it when an application ends)
        self.model = model
        self.lanes: list[Lane] = []
        self.columns: list = []
        self._lane_tops: list[float] = []
        self._collapsed: dict[tuple[str, int | None], bool] = {}
        # Cells showing all their finished cards: (lane mode, lane key, status id).
        self._opened: set[tuple[str, int | None, int]] = set()
        self._current: int | None = None
        self._press: QPoint | None = None
        self._press_task: int | None = None
        self._drag_task: int | None = None
        self._drag_pos: QPoint | None = None
        self._content_height = 0.0
        self._quick_add: QLineEdit | None = None
        self._quick_target: tuple[int, int | None] | None = None
        self.column_width = fitted_column_width(0, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.viewport().setAutoFillBackground(False)
        self.setAccessibleName(QCoreApplication.translate("Kanban", "Kanban board"))
        accessible.watch_focus(self)
        # A filter that hides every card says so in the middle of the board, with a way back.
        self.clear_button = QPushButton(
            QCoreApplication.translate("Kanban", "Clear the filter"), self.viewport()
        )
        self.clear_button.hide()
        self.clear_button.clicked.connect(self.clearFilterRequested)
        # One layout per arrangement of the grid; words alone changing (the clock) repaint.
        model.arranged.connect(self.relayout)
        model.dataChanged.connect(self._words_changed)
        self.relayout()

    # -- layout ----------------------------------------------------------------------------

    def relayout(self) -> None:
        """Place the model's grid: lanes one under another, folded ones as a header only."""
        grid = self.model.grid
        self.columns = list(grid.columns)
        mode = self.model.lane_mode.value
        folded = {key for (m, key), on in self._collapsed.items() if on and m == mode}
        opened = {(key, status) for m, key, status in self._opened if m == mode}
        self.lanes, self._content_height = place_lanes(grid, folded, opened)
        self._lane_tops = [lane.top for lane in self.lanes]
        if self._current is not None and not self.model.on_board(self._current):
            self._set_current(None)
        self._update_scrollbars()
        self._place_clear_button()
        self.viewport().update()
        accessible.laid_out(self)

    def nothing_matches(self) -> bool:
        """A filter is on and hides every card."""
        return not self.model.rowCount() and not self.model.task_filter.is_empty

    def _place_clear_button(self) -> None:
        if not self.nothing_matches():
            self.clear_button.hide()
            return
        message = empty_message_rect(self.viewport().width(), self.viewport().height())
        hint = self.clear_button.sizeHint()
        self.clear_button.setGeometry(
            int(message.center().x() - hint.width() / 2),
            int(message.bottom() + 12),
            hint.width(),
            hint.height(),
        )
        self.clear_button.show()

    def _words_changed(self, *_range) -> None:
        self.viewport().update()

    def _update_scrollbars(self) -> None:
        self.column_width = fitted_column_width(self.viewport().width(), len(self.columns))
        viewport = self.viewport()
        visible_height = viewport.height() - HEADER_HEIGHT
        self.verticalScrollBar().setRange(0, max(0, int(self._content_height - visible_height)))
        self.verticalScrollBar().setPageStep(max(1, visible_height))
        self.verticalScrollBar().setSingleStep(int(SLOT / 2))
        width = content_width(len(self.columns), self.column_width)
        self.horizontalScrollBar().setRange(0, max(0, int(width - viewport.width())))
        self.horizontalScrollBar().setPageStep(viewport.width())
        self.horizontalScrollBar().setSingleStep(40)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_scrollbars()
        self._place_clear_button()

    # -- geometry: see geometry.py ----------------------------------------------------------

    def geometry_now(self) -> Geometry:
        """The lanes and columns at the current scroll position."""
        return Geometry(
            self.columns,
            self.lanes,
            self._lane_tops,
            self.column_width,
            self.horizontalScrollBar().value(),
            self.verticalScrollBar().value(),
        )

    def column_x(self, column_index: int) -> float:
        """Viewport x of a column's left edge."""
        return self.geometry_now().column_x(column_index)

    def content_to_view_y(self, y: float) -> float:
        return self.geometry_now().content_to_view_y(y)

    def card_rect(self, task_id: int) -> QRectF | None:
        """The card's rectangle in viewport coordinates (None when hidden)."""
        return self.geometry_now().card_rect(task_id)

    def _slot_rect(self, lane: Lane, column_index: int, index: int) -> QRectF:
        return self.geometry_now().slot_rect(lane, column_index, index)

    def _add_row_rect(self, lane: Lane, column_index: int) -> QRectF:
        return self.geometry_now().add_row_rect(lane, column_index)

    def hit(self, point: QPoint | QPointF) -> Hit:
        return self.geometry_now().hit(point)

    def drop_target(self, point: QPoint | QPointF) -> Hit | None:
        """Where a dragged card would land: a lane, a column and an insertion index."""
        return self.geometry_now().drop_target(point)

    # -- current card and keyboard --------------------------------------------------------

    @property
    def current_task(self) -> int | None:
        return self._current

    def set_current_task(self, task_id: int | None) -> None:
        self._set_current(task_id)
        if task_id is not None:
            self.ensure_visible(task_id)

    def _set_current(self, task_id: int | None) -> None:
        if task_id == self._current:
            return
        self._current = task_id
        self.viewport().update()
        # A screen reader hears the chosen card's words, the owner's full name among them.
        self.setAccessibleDescription(self.model.card_text(task_id) if task_id else "")
        accessible.current_changed(self)
        self.currentChanged.emit(task_id)

    def ensure_visible(self, task_id: int) -> None:
        rect = self.card_rect(task_id)
        if rect is None and self._open_finished_cell_of(task_id):
            rect = self.card_rect(task_id)
        if rect is None:
            return
        bar = self.verticalScrollBar()
        if rect.top() < HEADER_HEIGHT:
            bar.setValue(int(bar.value() - (HEADER_HEIGHT - rect.top()) - 8))
        elif rect.bottom() > self.viewport().height():
            bar.setValue(int(bar.value() + rect.bottom() - self.viewport().height() + 8))
        hbar = self.horizontalScrollBar()
        if rect.left() < 0:
            hbar.setValue(int(hbar.value() + rect.left() - 8))
        elif rect.right() > self.viewport().width():
            hbar.setValue(int(hbar.value() + rect.right() - self.viewport().width() + 8))

    def _locate(self, task_id: int) -> tuple[int, int, int] | None:
        """(lane index, column index, card index) of a visible card."""
        return self.geometry_now().locate(task_id)

    def _first_card(self) -> int | None:
        for lane in self.lanes:
            if lane.collapsed:
                continue
            for status in self.columns:
                if lane.cells.get(status.id):
                    return lane.cells[status.id][0]
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if self._lane_key(event):
            return
        if self._current is None or self._locate(self._current) is None:
            if key in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
                Qt.Key.Key_Left,
                Qt.Key.Key_Right,
                Qt.Key.Key_Home,
                Qt.Key.Key_End,
            ):
                self.set_current_task(self._first_card())
                return
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openRequested.emit(self._current)
        elif alt and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._move_by_keyboard(-1 if key == Qt.Key.Key_Left else 1, 0)
        elif alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move_by_keyboard(0, -1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step_vertical(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step_horizontal(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            lane_index, column_index, _ = self._locate(self._current)
            ids = self.lanes[lane_index].cells[self.columns[column_index].id]
            self.set_current_task(ids[0] if key == Qt.Key.Key_Home else ids[-1])
        else:
            super().keyPressEvent(event)

    def _lane_key(self, event: QKeyEvent) -> bool:
        """Insert adds a card in the current card's cell (the first open cell with none);
        Ctrl+- folds the current card's lane, Ctrl++ unfolds every lane. True when handled."""
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        located = self._locate(self._current) if self._current is not None else None
        if key == Qt.Key.Key_Insert and not ctrl:
            open_lanes = [lane for lane in self.lanes if not lane.collapsed]
            if located is not None:
                self.start_quick_add(self.columns[located[1]].id, self.lanes[located[0]])
            elif open_lanes and self.columns:
                self.start_quick_add(self.columns[0].id, open_lanes[0])
            return True
        if ctrl and key == Qt.Key.Key_Minus and located is not None:
            lane = self.lanes[located[0]]
            self.toggle_lane(lane)
            self.set_current_task(self._first_card())
            return True
        if ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            mode = self.model.lane_mode.value
            for folded in [k for k, on in self._collapsed.items() if on and k[0] == mode]:
                self._collapsed[folded] = False
            self.relayout()
            if self._current is None:
                self.set_current_task(self._first_card())
            return True
        return False

    def _step_vertical(self, step: int) -> None:
        lane_index, column_index, index = self._locate(self._current)
        status_id = self.columns[column_index].id
        ids = self.lanes[lane_index].cells[status_id]
        if 0 <= index + step < len(ids):
            self.set_current_task(ids[index + step])
            return
        lane_index += step
        while 0 <= lane_index < len(self.lanes):
            lane = self.lanes[lane_index]
            cell = lane.cells.get(status_id, [])
            if not lane.collapsed and cell:
                self.set_current_task(cell[0] if step > 0 else cell[-1])
                return
            lane_index += step

    def _step_horizontal(self, step: int) -> None:
        lane_index, column_index, index = self._locate(self._current)
        lane = self.lanes[lane_index]
        column_index += step
        while 0 <= column_index < len(self.columns):
            cell = lane.cells.get(self.columns[column_index].id, [])
            if cell:
                self.set_current_task(cell[min(index, len(cell) - 1)])
                return
            column_index += step

    def move_current(self, column_step: int, row_step: int) -> None:
        """Move the current card a column or a place (Alt+arrows; a screen reader's action)."""
        if self._current is not None and self._locate(self._current) is not None:
            self._move_by_keyboard(column_step, row_step)

    def _move_by_keyboard(self, column_step: int, row_step: int) -> None:
        """Alt+arrows move the current card: a keyboard equivalent of drag and drop."""
        lane_index, column_index, index = self._locate(self._current)
        lane = self.lanes[lane_index]
        task_id = self._current
        if column_step:
            target_column = column_index + column_step
            if not 0 <= target_column < len(self.columns):
                return
            status_id = self.columns[target_column].id
            ids = lane.cells.get(status_id, [])
            self.cardDropped.emit(task_id, status_id, lane.key, ids[-1] if ids else None, None)
        else:
            status_id = self.columns[column_index].id
            ids = [i for i in lane.cells[status_id] if i != task_id]
            target = index + row_step
            if not 0 <= target <= len(ids):
                return
            previous = ids[target - 1] if target > 0 else None
            following = ids[target] if target < len(ids) else None
            self.cardDropped.emit(task_id, status_id, lane.key, previous, following)
        self.ensure_visible(task_id)

    # -- mouse: select, open, drag and drop, collapse, quick add -------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        found = self.hit(event.position())
        if found.kind == "card":
            self._set_current(found.task_id)
            self._press = event.position().toPoint()
            self._press_task = found.task_id
        elif found.kind == "lane":
            self.toggle_lane(found.lane)
        elif found.kind == "add":
            self.start_quick_add(found.status_id, found.lane)
        elif found.kind == "more":
            self.show_all_finished(found.lane, found.status_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press_task is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        position = event.position().toPoint()
        if self._drag_task is None:
            if (position - self._press).manhattanLength() < QApplication.startDragDistance():
                return
            self._drag_task = self._press_task
        self._drag_pos = position
        self._autoscroll(position)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        task_id, dragging = self._press_task, self._drag_task
        self._press = self._press_task = self._drag_task = self._drag_pos = None
        if dragging is not None:
            self.viewport().update()
            target = self.drop_target(event.position())
            if target is not None:
                self._emit_drop(dragging, target)
        elif task_id is not None:
            self._set_current(task_id)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        """Right click (or the menu key) on a card: make it current, then ask for its menu."""
        if event.reason() == event.Reason.Keyboard:
            task_id = self._current
            rect = self.card_rect(task_id) if task_id is not None else None
            position = rect.center().toPoint() if rect is not None else None
        else:
            found = self.hit(QPointF(event.pos()))
            task_id = found.task_id if found.kind == "card" else None
            position = event.pos()
        if task_id is None or position is None:
            return
        self._set_current(task_id)
        self.menuRequested.emit(task_id, self.viewport().mapToGlobal(position))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.hit(event.position())
        if found.kind == "card":
            self.openRequested.emit(found.task_id)

    def _emit_drop(self, task_id: int, target: Hit) -> None:
        ids = target.lane.cells.get(target.status_id, [])
        previous, following = drop_neighbours(ids, task_id, target.index)
        self.cardDropped.emit(task_id, target.status_id, target.lane.key, previous, following)

    def _autoscroll(self, position: QPoint) -> None:
        bar = self.verticalScrollBar()
        if position.y() < HEADER_HEIGHT + 20:
            bar.setValue(bar.value() - 20)
        elif position.y() > self.viewport().height() - 20:
            bar.setValue(bar.value() + 20)

    def _open_finished_cell_of(self, task_id: int) -> bool:
        """A card behind a lane's "N more finished" row is shown (True) when chosen."""
        for lane in self.lanes:
            if lane.collapsed:
                continue
            for status_id in lane.hidden:
                source = next(
                    (g for g in self.model.grid.lanes if g.key == lane.key), None
                )
                if source is not None and task_id in source.cells.get(status_id, []):
                    self.show_all_finished(lane, status_id)
                    return True
        return False

    def show_all_finished(self, lane: Lane, status_id: int) -> None:
        """The "N more finished" row: the cell shows all its cards from now on."""
        self._opened.add((self.model.lane_mode.value, lane.key, status_id))
        self.relayout()

    def toggle_lane(self, lane: Lane) -> None:
        key = (self.model.lane_mode.value, lane.key)
        self._collapsed[key] = not self._collapsed.get(key, False)
        self.relayout()

    def start_quick_add(self, status_id: int, lane: Lane) -> None:
        """An inline editor in the cell's add row: Enter adds the card, Esc cancels."""
        column_index = next(i for i, s in enumerate(self.columns) if s.id == status_id)
        if self._quick_add is None:
            self._quick_add = QLineEdit(self.viewport())
            self._quick_add.setPlaceholderText(
                QCoreApplication.translate("Kanban", "New task title — Enter to add")
            )
            self._quick_add.installEventFilter(self)
        rect = self._add_row_rect(lane, column_index).toRect()
        self._quick_add.setGeometry(rect.adjusted(0, -2, 0, 4))
        self._quick_target = (status_id, lane.key)
        self._quick_add.clear()
        self._quick_add.show()
        self._quick_add.setFocus()

    def _submit_quick_add(self) -> None:
        title = self._quick_add.text().strip()
        target = self._quick_target
        self._quick_add.hide()
        self.setFocus()
        if title and target is not None:
            self.quickAddSubmitted.emit(target[0], target[1], title)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self._quick_add and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self._quick_add.hide()
                self.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Handled here: a Return left to propagate would also open the editor.
                self._submit_quick_add()
                return True
        return super().eventFilter(watched, event)

    def viewportEvent(self, event) -> bool:  # noqa: N802
        """Hovering a card shows its tooltip: the title, the owner's full name, the risks."""
        if event.type() == QEvent.Type.ToolTip:
            found = self.hit(QPointF(event.pos()))
            if found.kind == "card" and found.task_id is not None:
                QToolTip.showText(event.globalPos(), self.model.tooltip(found.task_id), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        if self._quick_add is not None and self._quick_add.isVisible():
            self._quick_add.hide()
        self.viewport().update()

    # -- painting: see painter.py -----------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        viewport = self.viewport()
        geometry = self.geometry_now()
        self.model.prepare_faces(cards_on_screen(geometry, viewport.width(), viewport.height()))
        scene = Scene(
            grid=self.model.grid,
            geometry=geometry,
            face=self.model.face,
            theme=self.theme,
            width=viewport.width(),
            height=viewport.height(),
            current=self._current,
            drag_task=self._drag_task,
            drag_pos=self._drag_pos,
            nothing_matches=self.nothing_matches(),
        )
        painter = QPainter(viewport)
        paint_board(painter, scene)
        painter.end()


register(KanbanView, accessible.KanbanAccessible)
