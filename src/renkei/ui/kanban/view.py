"""KanbanView: columns are statuses, swimlanes group cards; every card is painted.

One scroll area paints only what is on screen, so a 10,000-card board costs the same to
draw as a 60-card one. Geometry is plain arithmetic over fixed card heights: hit-testing,
drop targets and keyboard moves need no widget per card."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLineEdit

from renkei.render import glyphs
from renkei.render.card import CARD_GAP, CARD_HEIGHT, paint_card
from renkei.render.theme import FONT_FAMILY, Theme, current
from renkei.ui.kanban.model import LANE_FIELD, KanbanModel, LaneMode
from renkei.ui.text import tr

HEADER_HEIGHT = 46
LANE_HEADER_HEIGHT = 32
MIN_COLUMN_WIDTH = 200
MAX_COLUMN_WIDTH = 320
COLUMN_GAP = 10
MARGIN = 10
ADD_ROW_HEIGHT = 30
SLOT = CARD_HEIGHT + CARD_GAP


@dataclass
class Lane:
    key: int | None
    title: str
    collapsed: bool = False
    top: float = 0.0  # content y of the lane header
    height: float = 0.0
    cells: dict[int, list[int]] = field(default_factory=dict)  # status id → task ids in order

    @property
    def count(self) -> int:
        return sum(len(ids) for ids in self.cells.values())

    @property
    def cards_top(self) -> float:
        return self.top + (LANE_HEADER_HEIGHT if self.title else 0) + 6


@dataclass(frozen=True)
class Hit:
    """What is under a point: a card, a cell's add row, a lane header or a column header."""

    kind: str  # "card", "add", "lane", "cell", "header", "none"
    lane: Lane | None = None
    status_id: int | None = None
    index: int = -1
    task_id: int | None = None


class KanbanView(QAbstractScrollArea):
    currentChanged = Signal(object)  # task id or None
    openRequested = Signal(int)
    cardDropped = Signal(int, int, object, object, object)  # task, status, lane key, prev, next
    quickAddSubmitted = Signal(int, object, str)  # status id, lane key, title
    menuRequested = Signal(int, QPoint)  # task id, global position: the card's context menu

    @property
    def theme(self) -> Theme:
        return current()  # read at paint time: a theme switch is one repaint away

    def __init__(self, model: KanbanModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.lanes: list[Lane] = []
        self.columns: list = []
        self._lane_tops: list[float] = []
        self._collapsed: dict[tuple[str, int | None], bool] = {}
        self._current: int | None = None
        self._press: QPoint | None = None
        self._press_task: int | None = None
        self._drag_task: int | None = None
        self._drag_pos: QPoint | None = None
        self._column_counts: dict[int, int] = {}
        self._content_height = 0.0
        self._quick_add: QLineEdit | None = None
        self._quick_target: tuple[int, int | None] | None = None
        self.column_width = float(MIN_COLUMN_WIDTH)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.viewport().setAutoFillBackground(False)
        self.setAccessibleName(tr("Kanban", "Kanban board"))
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
        ):
            signal.connect(self.relayout)
        self.relayout()

    # -- layout ----------------------------------------------------------------------------

    def relayout(self, *args) -> None:
        session = self.model.session
        board = session.board
        self.columns = board.ordered_statuses()
        mode = self.model.lane_mode
        lanes = self._make_lanes(mode)
        by_key = {lane.key: lane for lane in lanes}
        lane_field = LANE_FIELD[mode]
        tasks = board.tasks
        column_ids = [s.id for s in self.columns]
        for lane in lanes:
            lane.cells = {sid: [] for sid in column_ids}
        for task_id in self.model.task_ids():
            task = tasks[task_id]
            key = getattr(task, lane_field) if lane_field else None
            lane = by_key.get(key)
            if lane is None:  # a reference to something not on the board any more
                lane = by_key.get(None) or lanes[-1]
            lane.cells.setdefault(task.status_id, []).append(task_id)
        if not self.model.task_filter.is_empty:
            lanes = [lane for lane in lanes if lane.count or lane.key is None and len(lanes) == 1]
        counts: dict[int, int] = {}
        for task in tasks.values():
            if not task.archived:
                counts[task.status_id] = counts.get(task.status_id, 0) + 1
        self._column_counts = counts
        y = float(MARGIN)
        for lane in lanes:
            lane.collapsed = self._collapsed.get((mode.value, lane.key), False)
            lane.top = y
            if lane.collapsed:
                lane.height = LANE_HEADER_HEIGHT
            else:
                tallest = max((len(ids) for ids in lane.cells.values()), default=0)
                lane.height = (lane.cards_top - lane.top) + tallest * SLOT + ADD_ROW_HEIGHT + 6
            y += lane.height + 6
        self.lanes = lanes
        self._lane_tops = [lane.top for lane in lanes]
        self._content_height = y + MARGIN
        if self._current is not None and self._current not in tasks:
            self._set_current(None)
        self._update_scrollbars()
        self.viewport().update()

    def _make_lanes(self, mode: LaneMode) -> list[Lane]:
        board = self.model.session.board
        if mode is LaneMode.NONE:
            return [Lane(None, "")]
        if mode is LaneMode.TEAM:
            lanes = [Lane(t.id, t.name) for t in board.ordered_teams()]
            return lanes + [Lane(None, tr("Kanban", "No team"))]
        if mode is LaneMode.OWNER:
            team_order = {t.id: t.position for t in board.teams.values()}
            people = sorted(
                board.people.values(), key=lambda p: (team_order.get(p.team_id, 99), p.name)
            )
            lanes = [Lane(p.id, p.name) for p in people]
            return lanes + [Lane(None, tr("Kanban", "Unassigned"))]
        projects = sorted(board.projects.values(), key=lambda p: p.name)
        return [Lane(p.id, p.name) for p in projects] + [Lane(None, tr("Kanban", "No project"))]

    def _content_width(self) -> float:
        return MARGIN * 2 + len(self.columns) * (self.column_width + COLUMN_GAP)

    def _fit_columns(self) -> None:
        """Columns share the width when they fit, so the whole workflow is in view."""
        count = max(1, len(self.columns))
        available = (self.viewport().width() - 2 * MARGIN) / count - COLUMN_GAP
        self.column_width = float(max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, available)))

    def _update_scrollbars(self) -> None:
        self._fit_columns()
        viewport = self.viewport()
        visible_height = viewport.height() - HEADER_HEIGHT
        self.verticalScrollBar().setRange(0, max(0, int(self._content_height - visible_height)))
        self.verticalScrollBar().setPageStep(max(1, visible_height))
        self.verticalScrollBar().setSingleStep(int(SLOT / 2))
        self.horizontalScrollBar().setRange(
            0, max(0, int(self._content_width() - viewport.width()))
        )
        self.horizontalScrollBar().setPageStep(viewport.width())
        self.horizontalScrollBar().setSingleStep(40)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_scrollbars()

    # -- geometry ----------------------------------------------------------------------------

    def column_x(self, column_index: int) -> float:
        """Viewport x of a column's left edge."""
        return (
            MARGIN
            + column_index * (self.column_width + COLUMN_GAP)
            - self.horizontalScrollBar().value()
        )

    def content_to_view_y(self, y: float) -> float:
        return y - self.verticalScrollBar().value() + HEADER_HEIGHT

    def card_rect(self, task_id: int) -> QRectF | None:
        """The card's rectangle in viewport coordinates (None when hidden)."""
        for lane in self.lanes:
            if lane.collapsed:
                continue
            for column_index, status in enumerate(self.columns):
                ids = lane.cells.get(status.id, [])
                if task_id in ids:
                    return self._slot_rect(lane, column_index, ids.index(task_id))
        return None

    def _slot_rect(self, lane: Lane, column_index: int, index: int) -> QRectF:
        top = self.content_to_view_y(lane.cards_top + index * SLOT)
        return QRectF(self.column_x(column_index) + 6, top, self.column_width - 12, CARD_HEIGHT)

    def _add_row_rect(self, lane: Lane, column_index: int) -> QRectF:
        count = len(lane.cells.get(self.columns[column_index].id, []))
        top = self.content_to_view_y(lane.cards_top + count * SLOT)
        return QRectF(
            self.column_x(column_index) + 6, top, self.column_width - 12, ADD_ROW_HEIGHT - 4
        )

    def hit(self, point: QPoint | QPointF) -> Hit:
        x, y = point.x(), point.y()
        column_index = int(
            (x + self.horizontalScrollBar().value() - MARGIN) // (self.column_width + COLUMN_GAP)
        )
        status_id = self.columns[column_index].id if 0 <= column_index < len(self.columns) else None
        if y < HEADER_HEIGHT:
            return Hit("header", status_id=status_id)
        content_y = y - HEADER_HEIGHT + self.verticalScrollBar().value()
        lane_index = bisect.bisect_right(self._lane_tops, content_y) - 1
        if lane_index < 0 or lane_index >= len(self.lanes):
            return Hit("none")
        lane = self.lanes[lane_index]
        if content_y > lane.top + lane.height:
            return Hit("none")
        if lane.title and content_y < lane.top + LANE_HEADER_HEIGHT:
            return Hit("lane", lane=lane)
        if status_id is None or lane.collapsed:
            return Hit("none", lane=lane)
        ids = lane.cells.get(status_id, [])
        offset = content_y - lane.cards_top
        index = int(offset // SLOT) if offset >= 0 else -1
        if 0 <= index < len(ids) and offset - index * SLOT <= CARD_HEIGHT:
            return Hit("card", lane, status_id, index, ids[index])
        if index == len(ids) and offset - index * SLOT <= ADD_ROW_HEIGHT:
            return Hit("add", lane, status_id, index)
        return Hit("cell", lane, status_id, len(ids))

    def drop_target(self, point: QPoint | QPointF) -> Hit | None:
        """Where a dragged card would land: a lane, a column and an insertion index."""
        found = self.hit(point)
        if found.lane is None or found.status_id is None or found.lane.collapsed:
            return None
        ids = found.lane.cells.get(found.status_id, [])
        content_y = point.y() - HEADER_HEIGHT + self.verticalScrollBar().value()
        index = int((content_y - found.lane.cards_top + SLOT / 2) // SLOT)
        index = max(0, min(index, len(ids)))
        return Hit("cell", found.lane, found.status_id, index)

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
        self.currentChanged.emit(task_id)

    def ensure_visible(self, task_id: int) -> None:
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
        for lane_index, lane in enumerate(self.lanes):
            if lane.collapsed:
                continue
            for column_index, status in enumerate(self.columns):
                ids = lane.cells.get(status.id, [])
                if task_id in ids:
                    return lane_index, column_index, ids.index(task_id)
        return None

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
        index = target.index
        if task_id in ids and ids.index(task_id) < index:
            index -= 1  # the card leaves its own slot first
        others = [i for i in ids if i != task_id]
        previous = others[index - 1] if index > 0 else None
        following = others[index] if index < len(others) else None
        self.cardDropped.emit(task_id, target.status_id, target.lane.key, previous, following)

    def _autoscroll(self, position: QPoint) -> None:
        bar = self.verticalScrollBar()
        if position.y() < HEADER_HEIGHT + 20:
            bar.setValue(bar.value() - 20)
        elif position.y() > self.viewport().height() - 20:
            bar.setValue(bar.value() + 20)

    def toggle_lane(self, lane: Lane) -> None:
        key = (self.model.lane_mode.value, lane.key)
        self._collapsed[key] = not self._collapsed.get(key, False)
        self.relayout()

    def start_quick_add(self, status_id: int, lane: Lane) -> None:
        """An inline editor in the cell's add row: Enter adds the card, Esc cancels."""
        column_index = next(i for i, s in enumerate(self.columns) if s.id == status_id)
        if self._quick_add is None:
            self._quick_add = QLineEdit(self.viewport())
            self._quick_add.setPlaceholderText(tr("Kanban", "New task title — Enter to add"))
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

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        if self._quick_add is not None and self._quick_add.isVisible():
            self._quick_add.hide()
        self.viewport().update()

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        theme = self.theme
        width, height = self.viewport().width(), self.viewport().height()
        painter.fillRect(QRect(0, 0, width, height), theme.window)
        self._paint_columns(painter, height)
        top_content = self.verticalScrollBar().value()
        bottom_content = top_content + height - HEADER_HEIGHT
        first = max(0, bisect.bisect_right(self._lane_tops, top_content) - 1)
        for lane in self.lanes[first:]:
            if lane.top > bottom_content:
                break
            self._paint_lane(painter, lane, top_content, bottom_content)
        self._paint_header(painter, width)
        if self._drag_task is not None and self._drag_pos is not None:
            self._paint_drag(painter)
        if not self.model.rowCount() and not self.model.task_filter.is_empty:
            painter.setPen(theme.muted)
            painter.setFont(self._font(15))
            painter.drawText(
                QRectF(0, HEADER_HEIGHT + 40, width, 40),
                Qt.AlignmentFlag.AlignHCenter,
                tr("Kanban", "No task matches the filter."),
            )
        painter.end()

    def _font(self, pixels: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(round(pixels))
        font.setBold(bold)
        return font

    def _paint_columns(self, painter: QPainter, height: int) -> None:
        for column_index, status in enumerate(self.columns):
            x = self.column_x(column_index)
            over = self._over_limit(status)
            colour = self.theme.column_over_limit if over else self.theme.column
            painter.fillRect(QRectF(x, 0, self.column_width, height), colour)
            if self.theme.column_border is not None:  # high contrast: columns have edges
                pen = QPen(self.theme.column_border, self.theme.border_width)
                painter.setPen(pen)
                half = self.theme.border_width / 2
                painter.drawRect(QRectF(x + half, half, self.column_width - 1, height))

    def _over_limit(self, status) -> bool:
        return (
            status.wip_limit is not None
            and self._column_counts.get(status.id, 0) > status.wip_limit
        )

    def _paint_lane(self, painter: QPainter, lane: Lane, top: float, bottom: float) -> None:
        theme = self.theme
        width = self.viewport().width()
        if lane.title:
            y = self.content_to_view_y(lane.top)
            band = QRectF(0, y, max(width, self._content_width()), LANE_HEADER_HEIGHT)
            painter.fillRect(band, theme.lane_header)
            if theme.column_border is not None:
                painter.setPen(QPen(theme.column_border, theme.border_width))
                painter.drawLine(band.bottomLeft(), band.bottomRight())
            painter.setPen(theme.text)
            painter.setFont(self._font(14, bold=True))
            arrow = "▸" if lane.collapsed else "▾"
            text = f"{arrow}  {lane.title}"
            painter.drawText(
                band.adjusted(MARGIN + 4 - self.horizontalScrollBar().value(), 0, 0, 0),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            metrics = QFontMetricsF(painter.font())
            count_x = (
                MARGIN
                + 4
                - self.horizontalScrollBar().value()
                + metrics.horizontalAdvance(text)
                + 12
            )
            painter.setPen(theme.muted)
            painter.setFont(self._font(13))
            painter.drawText(
                QRectF(count_x, y, 300, LANE_HEADER_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter,
                QCoreApplication.translate("Kanban", "%n task(s)", "", lane.count),
            )
        if lane.collapsed:
            return
        model = self.model
        for column_index, status in enumerate(self.columns):
            x = self.column_x(column_index)
            if x > width or x + self.column_width < 0:
                continue
            ids = lane.cells.get(status.id, [])
            first = max(0, int((top - lane.cards_top) // SLOT))
            last = min(len(ids), int((bottom - lane.cards_top) // SLOT) + 1)
            for index in range(first, last):
                task_id = ids[index]
                if task_id == self._drag_task:
                    continue
                rect = self._slot_rect(lane, column_index, index)
                paint_card(
                    painter,
                    rect,
                    model.face(task_id),
                    selected=task_id == self._current,
                    theme=self.theme,
                )
            if self._drag_task is not None:
                self._paint_drop_indicator(painter, lane, status.id, column_index)
            add = self._add_row_rect(lane, column_index)
            if add.top() < self.viewport().height() and add.bottom() > HEADER_HEIGHT:
                painter.setPen(theme.muted)
                painter.setFont(self._font(13))
                painter.drawText(
                    add.adjusted(6, 0, 0, 0),
                    Qt.AlignmentFlag.AlignVCenter,
                    tr("Kanban", "+ Add task"),
                )

    def _paint_drop_indicator(
        self, painter: QPainter, lane: Lane, status_id: int, column_index: int
    ) -> None:
        target = self.drop_target(self._drag_pos)
        if target is None or target.lane is not lane or target.status_id != status_id:
            return
        y = self.content_to_view_y(lane.cards_top + target.index * SLOT) - CARD_GAP / 2
        x = self.column_x(column_index)
        painter.setPen(QPen(self.theme.selection, 3))
        painter.drawLine(QPointF(x + 4, y), QPointF(x + self.column_width - 4, y))

    def _paint_drag(self, painter: QPainter) -> None:
        rect = QRectF(
            self._drag_pos.x() - 40, self._drag_pos.y() - 20, self.column_width - 12, CARD_HEIGHT
        )
        painter.setOpacity(0.85)
        paint_card(painter, rect, self.model.face(self._drag_task), selected=True, theme=self.theme)
        painter.setOpacity(1.0)

    def _paint_header(self, painter: QPainter, width: int) -> None:
        """Sticky column headers: name, card count and the WIP limit (icon and words when over)."""
        theme = self.theme
        painter.fillRect(QRectF(0, 0, width, HEADER_HEIGHT), theme.window)
        for column_index, status in enumerate(self.columns):
            x = self.column_x(column_index)
            over = self._over_limit(status)
            rect = QRectF(x, 4, self.column_width, HEADER_HEIGHT - 4)
            painter.fillRect(rect, theme.column_over_limit if over else theme.column)
            if theme.column_border is not None:
                painter.setPen(QPen(theme.column_border, theme.border_width))
                half = theme.border_width / 2
                edge = rect.adjusted(half, half, -1, 0)  # open below: the column goes on
                painter.drawPolyline(
                    QPolygonF(
                        [edge.bottomLeft(), edge.topLeft(), edge.topRight(), edge.bottomRight()]
                    )
                )
            painter.setPen(theme.text)
            painter.setFont(self._font(15, bold=True))
            metrics = QFontMetricsF(painter.font())
            name = metrics.elidedText(
                status.name, Qt.TextElideMode.ElideRight, self.column_width * 0.5
            )
            painter.drawText(rect.adjusted(12, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, name)
            count = self._column_counts.get(status.id, 0)
            limit = status.wip_limit
            label = f"{count} / {limit}" if limit is not None else str(count)
            painter.setFont(self._font(13))
            small = QFontMetricsF(painter.font())
            right = rect.right() - 10
            if over:
                word = tr("Kanban", "Over limit")
                word_width = small.horizontalAdvance(word)
                painter.setPen(theme.late)
                painter.drawText(
                    QRectF(right - word_width, rect.top(), word_width, rect.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    word,
                )
                right -= word_width + 4
                self._paint_warning_icon(painter, QPointF(right - 8, rect.center().y()))
                right -= 20
            painter.setPen(theme.late if over else theme.muted)
            label_width = small.horizontalAdvance(label)
            painter.drawText(
                QRectF(right - label_width, rect.top(), label_width, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                label,
            )

    def _paint_warning_icon(self, painter: QPainter, centre: QPointF) -> None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.late)
        painter.drawEllipse(centre, 8, 8)
        glyphs.warning(painter, centre, 4.5)
        painter.restore()
