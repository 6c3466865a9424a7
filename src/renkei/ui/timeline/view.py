"""TimelineView: the plan over time for team leads — a Gantt chart, painted.

Like the kanban view, one scroll area paints only what is on screen: the rows in view, the
days in view, the dependency arrows with an end in view. Rows have one fixed height and a
day has a fixed width at each zoom, so geometry, hit-testing and drop targets are
arithmetic; the rows and spans are laid out once when the tasks or the grouping change
(``rows.build_rows``), never per paint.

The view never writes to the board: dragging a bar, one of its ends, a link handle, or a
task dropped from the tray emits a signal, and the tab applies the command."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip

from renkei.app.session import BoardSession
from renkei.domain.handoff import Handoff, HandoffState
from renkei.domain.risk import RiskKind
from renkei.domain.schedule import critical_path, shifted, violations
from renkei.render import glyphs
from renkei.render.bar import paint_bar
from renkei.render.calendar_labels import day_labels, japanese, month_labels, week_labels
from renkei.render.theme import Theme, current, mix
from renkei.ui.fonts import scaled_font
from renkei.ui.kanban.model import LaneMode
from renkei.ui.text import date_text, risk_sentence, risk_word
from renkei.ui.timeline.rows import RowLayout, Zoom, build_rows

__all__ = ["TASK_MIME", "TimelineView", "Zoom"]

TASK_MIME = "application/x-renkei-task"  # payload: the task id as ASCII digits

LABEL_WIDTH = 300  # room for a title, the done check and the owner
TIER_HEIGHT = 23
HEADER_HEIGHT = 2 * TIER_HEIGHT
EDGE = 6.0  # pixels at a bar's end that change only that end
HANDLE_RADIUS = 5.0
HANDLE_GAP = 10.0  # from a bar's right end to its link handle's centre
STUB = 8.0  # horizontal stub of a dependency arrow
CRITICAL = QColor("#111111")  # the light theme's critical-path outline
WHITE = QColor("#ffffff")
NO_TEAM = QColor("#8a96a8")
TOOLTIP_BACK = QColor("#1d2330")


def _t(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def _tn(text: str, n: int) -> str:
    return QCoreApplication.translate("Timeline", text, "", n)


def _local_day(at: datetime) -> date:
    """A stored time (naive UTC) as the local calendar day."""
    return (at + _utc_offset(at.date())).date()


@functools.lru_cache(maxsize=4096)
def _utc_offset(day: date) -> timedelta:
    """The local zone's offset on ``day`` (astimezone is slow: once per day, not per time)."""
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return noon.astimezone().utcoffset() or timedelta(0)


class TimelineView(QAbstractScrollArea):
    currentChanged = Signal(object)  # task id or None
    taskRescheduled = Signal(int, object, object)  # task id, new start or None, new due or None
    dependencyRequested = Signal(int, int)  # predecessor id, successor id
    openRequested = Signal(int)
    taskScheduled = Signal(int, object)  # task id dropped from outside, the day under it
    zoomChanged = Signal(object)  # Zoom, also when Ctrl+wheel or fit_to changed it

    @property
    def theme(self) -> Theme:
        return self.fixed_theme or current()

    def __init__(self, session: BoardSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.fixed_theme: Theme | None = None  # None: the app's theme (standup pins LIGHT)
        self._ids: list[int] = []
        self._mode = LaneMode.TEAM
        self._zoom = Zoom.WEEK
        self._critical_on = False
        self._layout = RowLayout()
        self._successors: dict[int, list[int]] = {}
        self._conflicts: dict[int, list[tuple[int, int]]] = {}  # successor → (pred, overlap)
        self._violated: set[tuple[int, int]] = set()
        self._critical: frozenset[int] = frozenset()
        self._handoffs: dict[int, list[tuple[int, Handoff]]] = {}  # task → (day, handoff)
        self._done: frozenset[int] = frozenset()
        self._elided: dict[tuple[int, int], str] = {}
        # The time axis: content x of day d is (d - origin) * ppd.
        self._origin = date.today().toordinal()
        self._days = 1
        self._fresh = True  # not yet placed by the user: resizing keeps today in view
        self._placing = False
        self._current: int | None = None
        self._hover_row = -1
        self._hover_task: int | None = None
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
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setAccessibleName(_t("Timeline"))
        self._update_metrics()
        self._update_scrollbars()
        self._place(self._today(), LABEL_WIDTH + self._chart_width() / 3)

    # -- what is shown ------------------------------------------------------------------------

    def set_tasks(self, task_ids: list[int]) -> None:
        """The (already filtered) tasks to show; those without any date are not drawn."""
        self._ids = list(task_ids)
        self._rebuild()

    def shown_task_ids(self) -> list[int]:
        """The drawn tasks in row order (the undated ones left out)."""
        return [t for t in self._layout.tasks if t is not None]

    @property
    def group_mode(self) -> LaneMode:
        return self._mode

    def set_group_mode(self, mode: LaneMode) -> None:
        if mode == self._mode:
            return
        self._mode = mode
        self._rebuild()
        if self._current is not None and self._current in self._layout.row_of:
            self._ensure_row_visible(self._layout.row_of[self._current])
        else:
            self.verticalScrollBar().setValue(0)

    @property
    def zoom(self) -> Zoom:
        return self._zoom

    def set_zoom(self, zoom: Zoom, anchor_x: float | None = None) -> None:
        """Change the zoom keeping the date under ``anchor_x`` (default: the chart's centre)
        where it is."""
        if zoom == self._zoom:
            return
        if anchor_x is None:
            anchor_x = LABEL_WIDTH + self._chart_width() / 2
        anchor_day = self._day_float(anchor_x)
        self._zoom = zoom
        self._fresh = False
        self._place(anchor_day, anchor_x)
        self.viewport().update()
        self.zoomChanged.emit(zoom)

    @property
    def critical_path_shown(self) -> bool:
        return self._critical_on

    def set_critical_path(self, on: bool) -> None:
        self._critical_on = bool(on)
        self._critical = self._compute_critical()
        self.viewport().update()

    @property
    def critical_ids(self) -> frozenset[int]:
        """The tasks outlined as the critical path (empty while it is not shown)."""
        return self._critical

    def refresh(self) -> None:
        """The board changed (same task list): dates, risks, links. Keeps the scroll."""
        self._rebuild()

    # -- scrolling to places ---------------------------------------------------------------

    def go_to_today(self) -> None:
        """Today about a third from the chart's left."""
        self._place(self._today(), LABEL_WIDTH + self._chart_width() / 3)
        self.viewport().update()

    def fit_to(self, task_ids: Iterable[int]) -> None:
        """The largest zoom that shows all the tasks' spans, scrolled to them."""
        task_ids = [i for i in task_ids if i in self._layout.spans]
        spans = [self._layout.spans[i] for i in task_ids]
        if not spans:
            return
        first = min(s[0] for s in spans)
        last = max(s[1] for s in spans)
        days = last - first + 1
        room = self._chart_width() - 2 * 40  # leave room for the risk word and the handle
        chosen = next((z for z in Zoom if days * z.pixels_per_day <= room), Zoom.QUARTER)
        changed = chosen != self._zoom
        self._zoom = chosen
        self._fresh = False
        self._place((first + last + 1) / 2, LABEL_WIDTH + self._chart_width() / 2)
        self._ensure_row_visible(min(self._layout.row_of[i] for i in task_ids))
        self.viewport().update()
        if changed:
            self.zoomChanged.emit(chosen)

    @property
    def current_task(self) -> int | None:
        return self._current

    def set_current_task(self, task_id: int | None) -> None:
        self._set_current(task_id)
        if task_id is not None:
            self.ensure_visible(task_id)

    def ensure_visible(self, task_id: int) -> None:
        """Scroll to the task's row and its bar."""
        row = self._layout.row_of.get(task_id)
        if row is None:
            return
        self._ensure_row_visible(row)
        first, last = self._layout.spans[task_id]
        ppd = self._ppd()
        left = LABEL_WIDTH + 24
        right = self.viewport().width() - 90  # the risk word and link handle after the bar
        x0, x1 = self._x_ord(first), self._x_ord(last + 1)
        if x0 >= left and x1 <= right:
            return
        if x1 - x0 > right - left or x0 < left:
            self._place(first, left)
        else:
            self._place(first, right - (last + 1 - first) * ppd)
        self._fresh = False
        self.viewport().update()

    # -- geometry (viewport coordinates) ----------------------------------------------------

    def x_of(self, day: date) -> float:
        """The viewport x of the left edge of ``day``."""
        return self._x_ord(day.toordinal())

    def day_at(self, x: float) -> date:
        """The day under viewport x."""
        return date.fromordinal(math.floor(self._day_float(x) + 1e-6))

    def row_of(self, task_id: int) -> int:
        """The task's row (group headers count as rows); -1 when it is not drawn."""
        return self._layout.row_of.get(task_id, -1)

    def row_top(self, row: int) -> float:
        return HEADER_HEIGHT + row * self._row_h - self.verticalScrollBar().value()

    def row_at(self, y: float) -> int:
        """The row under viewport y; -1 in the header or below the last row."""
        if y < HEADER_HEIGHT:
            return -1
        row = int((y - HEADER_HEIGHT + self.verticalScrollBar().value()) // self._row_h)
        return row if 0 <= row < len(self._layout) else -1

    def bar_rect(self, task_id: int) -> QRectF | None:
        """The task's bar (or its milestone diamond's bounding square); None when not drawn."""
        span = self._layout.spans.get(task_id)
        row = self._layout.row_of.get(task_id)
        if span is None or row is None:
            return None
        first, last = span
        centre_y = self.row_top(row) + self._row_h / 2
        if first == last:
            size = self._diamond
            centre_x = self._x_ord(first) + self._ppd() / 2
            return QRectF(centre_x - size, centre_y - size, 2 * size, 2 * size)
        x0, x1 = self._x_ord(first), self._x_ord(last + 1)
        width = max(3.0, x1 - x0)
        return QRectF(x0, centre_y - self._bar_h / 2, width, self._bar_h)

    def link_handle_rect(self, task_id: int) -> QRectF | None:
        """The round handle just past the bar's right end that starts a dependency."""
        bar = self.bar_rect(task_id)
        if bar is None:
            return None
        centre = QPointF(bar.right() + HANDLE_GAP, bar.center().y())
        r = HANDLE_RADIUS
        return QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)

    def hit(self, point: QPointF) -> tuple[str, int | None]:
        """What is under a viewport point: ("header"|"group"|"none", None) or
        ("label"|"row"|"move"|"start"|"end"|"handle", task id)."""
        x, y = point.x(), point.y()
        if y < HEADER_HEIGHT:
            return "header", None
        row = self.row_at(y)
        if row < 0:
            return "none", None
        task_id = self._layout.tasks[row]
        if task_id is None:
            return "group", None
        if x < LABEL_WIDTH:
            return "label", task_id
        handle = self.link_handle_rect(task_id)
        if handle is not None and handle.adjusted(-3, -4, 3, 4).contains(point):
            return "handle", task_id
        bar = self.bar_rect(task_id)
        if bar is not None and bar.adjusted(-3, -3, 3, 3).contains(point):
            first, last = self._layout.spans[task_id]
            if first == last:
                return "move", task_id
            zone = min(EDGE, bar.width() / 3)
            if x <= bar.left() + zone:
                return "start", task_id
            if x >= bar.right() - zone:
                return "end", task_id
            return "move", task_id
        return "row", task_id

    # -- internals: layout ----------------------------------------------------------------

    def _today(self) -> int:
        return self.session.today().toordinal()

    def _ppd(self) -> float:
        return self._zoom.pixels_per_day

    def _chart_width(self) -> float:
        return max(1.0, self.viewport().width() - LABEL_WIDTH)

    def _x_ord(self, day: float) -> float:
        return LABEL_WIDTH + (day - self._origin) * self._ppd() - self.horizontalScrollBar().value()

    def _day_float(self, x: float) -> float:
        """The day ordinal (with the fraction of the day) under viewport x."""
        return self._origin + (x - LABEL_WIDTH + self.horizontalScrollBar().value()) / self._ppd()

    def _update_metrics(self) -> None:
        base = self.font()
        self._font_label = scaled_font(base, 1.0)
        self._font_bold = scaled_font(base, 1.0, bold=True)
        self._font_small = scaled_font(base, 0.88)
        self._font_small_bold = scaled_font(base, 0.88, bold=True)
        self._font_tier = scaled_font(base, 0.92)
        self._font_tier_bold = scaled_font(base, 0.95, bold=True)
        line = QFontMetricsF(self._font_label).height()
        self._row_h = float(max(32, math.ceil(line + 14)))
        self._bar_h = float(round(self._row_h * 0.5))
        self._diamond = self._bar_h / 2 + 1
        self._elided.clear()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_metrics()
            self._update_scrollbars()
            self.viewport().update()

    def _rebuild(self) -> None:
        """Lay the rows out again and recompute what the painting reads; keeps the dates in
        view and the vertical scroll."""
        left_day = self._day_float(LABEL_WIDTH)
        board = self.session.board
        layout = build_rows(board, self._ids, self._mode)
        self._layout = layout
        shown = layout.row_of
        successors: dict[int, list[int]] = {}
        for task_id in shown:
            for predecessor in board.tasks[task_id].depends_on:
                if predecessor in shown:
                    successors.setdefault(predecessor, []).append(task_id)
        self._successors = successors
        conflicts: dict[int, list[tuple[int, int]]] = {}
        for v in violations(board, shown):
            conflicts.setdefault(v.successor, []).append((v.predecessor, v.overlap))
        self._conflicts = conflicts
        self._violated = {(p, s) for s, found in conflicts.items() for p, _ in found}
        handoffs: dict[int, list[tuple[int, Handoff]]] = {}
        for h in board.handoffs.values():
            if h.task_id in shown and h.state is not HandoffState.WITHDRAWN:
                handoffs.setdefault(h.task_id, []).append((_local_day(h.sent_at).toordinal(), h))
        for found in handoffs.values():
            found.sort(key=lambda item: (item[1].sent_at, item[1].id))
        self._handoffs = handoffs
        self._done = board.done_status_ids()
        self._critical = self._compute_critical()
        self._elided.clear()
        if self._current is not None and self._current not in board.tasks:
            self._set_current(None)
        if self._hover_task is not None and self._hover_task not in shown:
            self._hover_task = None
        self._update_scrollbars()
        if self._fresh:
            self._place(self._today(), LABEL_WIDTH + self._chart_width() / 3)
        else:
            self._place(left_day, LABEL_WIDTH)
        self.viewport().update()

    def _compute_critical(self) -> frozenset[int]:
        if not self._critical_on:
            return frozenset()
        return frozenset(critical_path(self.session.board, self._layout.row_of))

    def _update_scrollbars(self) -> None:
        visible = self.viewport().height() - HEADER_HEIGHT
        content = (len(self._layout) + 1) * self._row_h
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, int(content - visible)))
        bar.setPageStep(max(1, visible))
        bar.setSingleStep(int(self._row_h))

    def _place(self, anchor_day: float, anchor_x: float) -> None:
        """Lay the time axis out so that ``anchor_day`` (an ordinal, fraction allowed) sits
        at viewport x ``anchor_x``: the axis covers the tasks, today, and half a screen on
        either side, extended as far as needed to put the anchor there."""
        ppd = self._ppd()
        width = self._chart_width()
        pad = max(14, math.ceil(width * 0.5 / ppd))
        today = self._today()
        lo = min(self._layout.first_day or today, today) - pad
        hi = max(self._layout.last_day or today, today) + pad
        before = (anchor_x - LABEL_WIDTH) / ppd
        lo = min(lo, math.floor(anchor_day - before) - 1)
        hi = max(hi, math.ceil(anchor_day + (width - (anchor_x - LABEL_WIDTH)) / ppd) + 1)
        hi = max(hi, lo + math.ceil(width / ppd))
        self._origin = lo
        self._days = hi - lo + 1
        bar = self.horizontalScrollBar()
        bar.blockSignals(True)
        bar.setRange(0, max(0, int(self._days * ppd - width)))
        bar.setPageStep(int(width))
        bar.setSingleStep(max(1, int(ppd if ppd >= 10 else 7 * ppd)))
        bar.blockSignals(False)
        self._placing = True
        try:
            bar.setValue(round((anchor_day - lo) * ppd - (anchor_x - LABEL_WIDTH)))
        finally:
            self._placing = False

    def _ensure_row_visible(self, row: int) -> None:
        bar = self.verticalScrollBar()
        top = self.row_top(row)
        if top < HEADER_HEIGHT + self._row_h:  # keep the row above it in view too
            bar.setValue(int(bar.value() - (HEADER_HEIGHT + self._row_h - top)))
        elif top + self._row_h > self.viewport().height() - self._row_h:
            bar.setValue(int(bar.value() + top + 2 * self._row_h - self.viewport().height()))

    def resizeEvent(self, event) -> None:  # noqa: N802
        left_day = self._day_float(LABEL_WIDTH)
        super().resizeEvent(event)
        self._update_scrollbars()
        if self._fresh:
            self._place(self._today(), LABEL_WIDTH + self._chart_width() / 3)
        else:
            self._place(left_day, LABEL_WIDTH)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        if dx and not self._placing:
            self._fresh = False  # the user scrolled in time: resizing keeps their dates
        self.viewport().update()

    # -- current task and keyboard ----------------------------------------------------------

    def _set_current(self, task_id: int | None) -> None:
        if task_id == self._current:
            return
        self._current = task_id
        self.viewport().update()
        self.currentChanged.emit(task_id)

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

    # -- tooltips ----------------------------------------------------------------------------

    def viewportEvent(self, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        hovering = self._hover_row != -1 or self._hover_task is not None
        if kind == QEvent.Type.Leave and self._press_kind is None and hovering:
            self._hover_row, self._hover_task = -1, None
            self.viewport().update()
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip at a viewport point: a day in the header, a handoff marker, a task."""
        kind, task_id = self.hit(point)
        if kind == "header":
            if point.x() < LABEL_WIDTH:
                return ""
            day = self.day_at(point.x())
            week = _t("Week %1").replace("%1", str(day.isocalendar().week))
            return f"{date_text(day, self.session.today())} · {week}"
        if task_id is None:
            return ""
        marker = self._marker_at(point, task_id)
        if marker is not None:
            return self._handoff_sentence(marker)
        return self.task_tooltip(task_id)

    def task_tooltip(self, task_id: int) -> str:
        session = self.session
        board = session.board
        task = board.tasks[task_id]
        today = session.today()
        lines = [task.title]
        span = self._layout.spans.get(task_id)
        if span is not None:
            first, last = date.fromordinal(span[0]), date.fromordinal(span[1])
            if first == last:
                lines.append(_t("Milestone: %1").replace("%1", date_text(first, today)))
            else:
                days = _tn("%n day(s)", span[1] - span[0] + 1)
                lines.append(f"{date_text(first, today)} – {date_text(last, today)} ({days})")
        owner = board.people.get(task.owner_id) if task.owner_id is not None else None
        lines.append(_t("Owner: %1").replace("%1", owner.name) if owner else _t("No owner"))
        if task.status_id in self._done:
            lines.append(_t("Finished"))
        else:
            lines.append(_t("%1% done").replace("%1", str(task.progress)))
        lines.extend(risk_sentence(r) for r in session.risk(task_id))
        for predecessor, overlap in self._conflicts.get(task_id, ()):
            other = board.tasks[predecessor].title
            lines.append(
                _tn("Starts before “%1” ends (%n day(s) overlap)", overlap).replace("%1", other)
            )
        for _, handoff in self._handoffs.get(task_id, ()):
            if handoff.state is HandoffState.SENT:
                lines.append(self._handoff_sentence(handoff))
        if task_id in self._critical:
            lines.append(_t("On the critical path"))
        return "\n".join(lines)

    def _handoff_sentence(self, handoff: Handoff) -> str:
        board = self.session.board
        receiver = board.people.get(handoff.receiver_id)
        day = date_text(_local_day(handoff.sent_at), self.session.today())
        name = receiver.name if receiver else "?"
        if handoff.state is HandoffState.SENT:
            return (
                _t("Handed to %1 on %2 — waiting: not acknowledged yet")
                .replace("%1", name)
                .replace("%2", day)
            )
        state = QCoreApplication.translate("Handoff", handoff.state.label)
        return (_t("Handed to %1 on %2 — %3").replace("%1", name).replace("%2", day)).replace(
            "%3", state
        )

    def _marker_at(self, point: QPointF, task_id: int) -> Handoff | None:
        found = self._handoffs.get(task_id)
        if not found:
            return None
        top = self.row_top(self._layout.row_of[task_id])
        half = self._ppd() / 2
        for day, handoff in found:
            centre = QPointF(self._x_ord(day) + half, top + self._marker_y())
            if abs(point.x() - centre.x()) <= 7 and abs(point.y() - centre.y()) <= 7:
                return handoff
        return None

    def _marker_y(self) -> float:
        """The handoff marker's centre below its row's top: on the bar's top edge."""
        return (self._row_h - self._bar_h) / 2 - 1

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        width, height = self.viewport().width(), self.viewport().height()
        painter.fillRect(QRectF(0, 0, width, height), self.theme.card)
        first_row = max(0, int(self.verticalScrollBar().value() // self._row_h))
        last_row = min(len(self._layout) - 1, first_row + int(height // self._row_h) + 1)
        rows = range(first_row, last_row + 1)
        first_day = math.floor(self._day_float(LABEL_WIDTH))
        last_day = math.floor(self._day_float(width)) + 1

        painter.save()
        painter.setClipRect(QRectF(LABEL_WIDTH, HEADER_HEIGHT, width, height))
        self._paint_grid(painter, first_day, last_day, height)
        self._paint_row_bands(painter, rows, LABEL_WIDTH, width)
        self._paint_today(painter, height)
        self._paint_arrows(painter, rows)
        for row in rows:
            task_id = self._layout.tasks[row]
            if task_id is not None:
                self._paint_task(painter, row, task_id, width)
        self._paint_conflict_markers(painter, rows)
        self._paint_drag(painter)
        painter.restore()

        self._paint_labels(painter, rows, height)
        self._paint_header(painter, first_day, last_day, width)
        self._paint_drag_label(painter)
        if not self._layout.tasks:
            painter.setPen(self.theme.muted)
            painter.setFont(self._font_label)
            painter.drawText(
                QRectF(LABEL_WIDTH, HEADER_HEIGHT + 30, width - LABEL_WIDTH, 40),
                Qt.AlignmentFlag.AlignHCenter,
                _t("No task with dates to show."),
            )
        painter.end()

    # -- the grid, weekends, today -------------------------------------------------------

    def _paint_grid(self, painter: QPainter, first_day: int, last_day: int, height: int) -> None:
        zoom, ppd = self._zoom, self._ppd()
        top = float(HEADER_HEIGHT)
        if zoom in (Zoom.DAY, Zoom.WEEK):
            for day in range(first_day, last_day + 1):
                if date.fromordinal(day).weekday() >= 5:
                    x = self._x_ord(day)
                    painter.fillRect(QRectF(x, top, ppd, height - top), self.theme.weekend)
        light = QPen(self.theme.grid, 1)
        dark = QPen(self.theme.grid_strong, 1)
        for day, strong in self._grid_lines(first_day, last_day):
            x = round(self._x_ord(day)) + 0.5
            painter.setPen(dark if strong else light)
            painter.drawLine(QPointF(x, top), QPointF(x, height))

    def _grid_lines(self, first_day: int, last_day: int) -> Iterable[tuple[int, bool]]:
        """(day, strong) for each vertical line in view: the bottom tier's units, and the
        top tier's (strong)."""
        zoom = self._zoom
        for day in range(first_day, last_day + 1):
            d = date.fromordinal(day)
            if zoom is Zoom.DAY:
                yield day, d.day == 1
            elif zoom is Zoom.WEEK:
                if d.day == 1:
                    yield day, True
                elif d.weekday() == 0:
                    yield day, False
            elif d.day == 1:
                if zoom is Zoom.MONTH:
                    yield day, d.month in (1, 4, 7, 10)
                else:
                    yield day, d.month == 1

    def _paint_row_bands(self, painter: QPainter, rows: range, left: float, right: float) -> None:
        """Group header bands, the current and the hovered row."""
        layout = self._layout
        for row in rows:
            top = self.row_top(row)
            band = QRectF(left, top, right - left, self._row_h)
            task_id = layout.tasks[row]
            if task_id is None:
                painter.fillRect(band, self.theme.lane_header)
            elif task_id == self._current:
                painter.fillRect(band, self.theme.highlight)
            elif row == self._hover_row:
                painter.fillRect(band, self.theme.hover)

    def _paint_today(self, painter: QPainter, height: int) -> None:
        x = float(round(self._x_ord(self._today()) + self._ppd() / 2))  # crisp: 2 whole pixels
        painter.setPen(QPen(self.theme.selection, 2))
        painter.drawLine(QPointF(x, HEADER_HEIGHT), QPointF(x, height))

    # -- bars ----------------------------------------------------------------------------

    def _colours(self, task_id: int) -> tuple[QColor, QColor, QColor, tuple]:
        """(fill, done share, edge, risk reasons) of a task's bar."""
        task = self.session.board.tasks[task_id]
        if task.status_id in self._done:
            return self.theme.progress_track, self.theme.progress_track, self.theme.muted, ()
        reasons = self.session.risk(task_id)
        if reasons:
            late = any(r.kind is RiskKind.OVERDUE for r in reasons)
            base = self.theme.late if late else self.theme.risk
            return mix(base, self.theme.card, 0.28), base, base, reasons
        team = self.session.board.teams.get(task.team_id) if task.team_id is not None else None
        if team is None:
            base = NO_TEAM
        else:
            colours = self.theme.team_colours
            base = colours[team.position % len(colours)]
        paper = self.theme.card
        edge = base.lighter(115) if self.theme.dark else base.darker(150)
        return mix(base, paper, 0.35), mix(base, paper, 0.8), edge, ()

    def _paint_task(self, painter: QPainter, row: int, task_id: int, width: int) -> None:
        first, last = self._layout.spans[task_id]
        rect = self.bar_rect(task_id)
        handoffs = self._handoffs.get(task_id, ())
        if rect.right() + 160 < LABEL_WIDTH or rect.left() > width:
            if handoffs:
                self._paint_handoffs(painter, row, handoffs)
            return
        task = self.session.board.tasks[task_id]
        fill, share, edge, reasons = self._colours(task_id)
        done = task.status_id in self._done
        milestone = first == last
        dragged = self._dragging and self._press_task == task_id and self._press_kind != "link"
        if dragged:
            painter.setOpacity(0.35)
        if milestone:
            self._paint_diamond(painter, rect, share if not done else self.theme.card_border, edge)
        else:
            progress = 0 if done else task.progress
            paint_bar(painter, rect, 3, fill, share, progress, QPen(edge, 1.2))
        painter.setOpacity(1.0)
        if task_id in self._critical:
            self._outline(painter, rect, milestone, QPen(self.theme.critical, 3), 2.0)
        if task_id == self._current:
            grow = 5.0 if task_id in self._critical else 2.5
            self._outline(painter, rect, milestone, QPen(self.theme.selection, 2.5), grow)
        x = rect.right() + HANDLE_GAP + HANDLE_RADIUS + 5
        if done and x > LABEL_WIDTH:
            self._paint_check(painter, QPointF(x + 6, rect.center().y()))
        elif reasons:
            self._paint_risk(painter, QPointF(x, rect.center().y()), reasons, width)
        if handoffs:
            self._paint_handoffs(painter, row, handoffs)
        linking = self._press_kind == "link" and self._press_task == task_id
        if (task_id in (self._hover_task, self._current) and not dragged) or linking:
            self._paint_handle(painter, task_id)

    def _paint_diamond(self, painter: QPainter, rect: QRectF, fill: QColor, edge: QColor) -> None:
        c = rect.center()
        r = rect.width() / 2
        diamond = QPolygonF(
            [QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
             QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())]
        )  # fmt: skip
        painter.setPen(QPen(edge, 1.4))
        painter.setBrush(fill)
        painter.drawPolygon(diamond)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _outline(
        self, painter: QPainter, rect: QRectF, milestone: bool, pen: QPen, grow: float
    ) -> None:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if milestone:
            c = rect.center()
            r = rect.width() / 2 + grow * 1.4
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(c.x(), c.y() - r),
                        QPointF(c.x() + r, c.y()),
                        QPointF(c.x(), c.y() + r),
                        QPointF(c.x() - r, c.y()),
                    ]
                )  # fmt: skip
            )
        else:
            painter.drawRoundedRect(rect.adjusted(-grow, -grow, grow, grow), 4, 4)

    def _paint_risk(self, painter: QPainter, at: QPointF, reasons: tuple, width: int) -> None:
        """Never colour alone: a warning glyph, and the first reason's word when it fits."""
        late = any(r.kind is RiskKind.OVERDUE for r in reasons)
        colour = self.theme.late if late else self.theme.risk
        radius = 7.5
        if at.x() < LABEL_WIDTH + 2:
            return  # half under the label column it would read as a different word
        centre = QPointF(at.x() + radius, at.y())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(centre, radius, radius)
        glyphs.warning(painter, centre, 4.2)
        word = risk_word(reasons[0]) + (f" +{len(reasons) - 1}" if len(reasons) > 1 else "")
        painter.setFont(self._font_small_bold)
        metrics = QFontMetricsF(self._font_small_bold)
        left = centre.x() + radius + 4
        text_width = metrics.horizontalAdvance(word)
        if left + text_width > width - 2:
            return
        box = QRectF(left - 2, at.y() - metrics.height() / 2, text_width + 4, metrics.height())
        painter.fillRect(box, self.theme.label_back)  # readable across grid lines
        painter.setPen(colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, word)

    def _paint_check(self, painter: QPainter, at: QPointF) -> None:
        pen = QPen(self.theme.done, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPolyline(
            QPolygonF(
                [
                    QPointF(at.x() - 5, at.y()),
                    QPointF(at.x() - 1, at.y() + 4),
                    QPointF(at.x() + 6, at.y() - 5),
                ]
            )  # fmt: skip
        )

    def _paint_handle(self, painter: QPainter, task_id: int) -> None:
        rect = self.link_handle_rect(task_id)
        painter.setPen(QPen(self.theme.selection, 2))
        painter.setBrush(self.theme.card)
        painter.drawEllipse(rect)
        painter.setBrush(self.theme.selection)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(rect.center(), 1.8, 1.8)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_handoffs(self, painter: QPainter, row: int, found) -> None:
        """A flag on the bar's top edge at each handoff's sent day; one still waiting for
        acknowledgement is filled and ringed."""
        top = self.row_top(row) + self._marker_y()
        half = self._ppd() / 2
        colour = self.theme.handoff
        for day, handoff in found:
            x = self._x_ord(day) + half
            if x < LABEL_WIDTH - 8:
                continue
            triangle = QPolygonF(
                [QPointF(x - 5, top - 4), QPointF(x + 5, top - 4), QPointF(x, top + 4)]
            )
            waiting = handoff.state is HandoffState.SENT
            if waiting:
                painter.setPen(QPen(colour, 1.6))
                painter.setBrush(self.theme.card)
                painter.drawEllipse(QPointF(x, top - 1), 7.5, 7.5)
            painter.setPen(QPen(colour, 1.4))
            painter.setBrush(colour if waiting else self.theme.card)
            painter.drawPolygon(triangle)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    # -- dependency arrows --------------------------------------------------------------

    def _visible_links(self, rows: range) -> list[tuple[int, int]]:
        """Finish-to-start links among the drawn tasks with at least one end in ``rows``."""
        layout = self._layout
        tasks = self.session.board.tasks
        links: set[tuple[int, int]] = set()
        for row in rows:
            task_id = layout.tasks[row]
            if task_id is None:
                continue
            for predecessor in tasks[task_id].depends_on:
                if predecessor in layout.row_of:
                    links.add((predecessor, task_id))
            for successor in self._successors.get(task_id, ()):
                links.add((task_id, successor))
        return sorted(links, key=lambda link: link in self._violated)  # conflicts on top

    def _arrow_points(self, predecessor: int, successor: int) -> list[QPointF]:
        before, after = self.bar_rect(predecessor), self.bar_rect(successor)
        start = QPointF(before.right(), before.center().y())
        end = QPointF(after.left(), after.center().y())
        if end.x() - start.x() >= 2 * STUB:
            return [start, QPointF(start.x() + STUB, start.y()), QPointF(start.x() + STUB, end.y()),
                    end]  # fmt: skip
        # Back around: down (or up) to the row boundary, left, then into the successor.
        down = end.y() > start.y()
        boundary = end.y() - self._row_h / 2 if down else end.y() + self._row_h / 2
        lead = 2 * STUB if (predecessor, successor) in self._violated else STUB
        return [
            start,
            QPointF(start.x() + STUB, start.y()),
            QPointF(start.x() + STUB, boundary),
            QPointF(end.x() - lead, boundary),
            QPointF(end.x() - lead, end.y()),
            end,
        ]

    def _paint_arrows(self, painter: QPainter, rows: range) -> None:
        for predecessor, successor in self._visible_links(rows):
            violated = (predecessor, successor) in self._violated
            colour = self.theme.late if violated else self.theme.muted
            touches = self._current in (predecessor, successor)
            pen = QPen(colour, 2.2 if touches or violated else 1.3)
            if violated:
                pen.setStyle(Qt.PenStyle.DashLine)
            points = self._arrow_points(predecessor, successor)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(points))
            tip = points[-1]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(
                QPolygonF(
                    [tip, QPointF(tip.x() - 7, tip.y() - 4.5), QPointF(tip.x() - 7, tip.y() + 4.5)]
                )
            )
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_conflict_markers(self, painter: QPainter, rows: range) -> None:
        """An exclamation mark in a circle where a violated link enters its successor."""
        radius = 7.0
        for predecessor, successor in self._visible_links(rows):
            if (predecessor, successor) not in self._violated:
                continue
            points = self._arrow_points(predecessor, successor)
            centre = points[-2]
            painter.setPen(QPen(self.theme.card, 1.5))
            painter.setBrush(self.theme.late)
            painter.drawEllipse(centre, radius, radius)
            pen = QPen(self.theme.badge_ink, 2.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(
                QPointF(centre.x(), centre.y() - 3.8), QPointF(centre.x(), centre.y() + 0.8)
            )
            painter.drawPoint(QPointF(centre.x(), centre.y() + 3.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    # -- drags: ghost, rubber band, drop indicator -------------------------------------

    def _paint_drag(self, painter: QPainter) -> None:
        height = self.viewport().height()
        if self._drop_day is not None:
            x = self._x_ord(self._drop_day)
            painter.fillRect(
                QRectF(x, HEADER_HEIGHT, max(self._ppd(), 2), height), self.theme.highlight
            )
            painter.setPen(QPen(self.theme.selection, 2))
            painter.drawLine(QPointF(x, HEADER_HEIGHT), QPointF(x, height))
        if not self._dragging or self._press_task is None:
            return
        if self._press_kind == "link":
            handle = self.link_handle_rect(self._press_task)
            if handle is None or self._mouse_pos is None:
                return
            pen = QPen(self.theme.selection, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(handle.center(), self._mouse_pos)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.theme.selection)
            painter.drawEllipse(self._mouse_pos, 3.5, 3.5)
            if self._link_target is not None:
                target = self.bar_rect(self._link_target)
                milestone = target.width() == target.height() == 2 * self._diamond
                self._outline(painter, target, milestone, QPen(self.theme.selection, 2.5), 3)
            return
        span = self._dragged_span() or self._layout.spans[self._press_task]
        rect = self.bar_rect(self._press_task)
        first, last = span
        pen = QPen(self.theme.selection, 2, Qt.PenStyle.DashLine)
        original = self._layout.spans[self._press_task]
        if original[0] == original[1]:  # a milestone moves as a diamond
            size = self._diamond
            centre = QPointF(self._x_ord(first) + self._ppd() / 2, rect.center().y())
            ghost = QRectF(centre.x() - size, centre.y() - size, 2 * size, 2 * size)
            self._outline(painter, ghost, True, pen, 0)
            return
        x0, x1 = self._x_ord(first), self._x_ord(last + 1)
        ghost = QRectF(x0, rect.top(), max(3.0, x1 - x0), rect.height())
        painter.setBrush(self.theme.highlight)
        painter.setPen(pen)
        painter.drawRoundedRect(ghost, 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_drag_label(self, painter: QPainter) -> None:
        """The dates being set, in a dark pill by the cursor."""
        text = ""
        at = self._mouse_pos
        today = self.session.today()
        if self._dragging and self._press_kind in ("move", "start", "end"):
            first, last = self._dragged_span() or self._layout.spans[self._press_task]
            first_d, last_d = date.fromordinal(first), date.fromordinal(last)
            text = date_text(first_d, today)
            if last != first:
                text += f" – {date_text(last_d, today)}"
            if self._press_kind == "move" and self._drag_delta:
                text += f"  ({self._drag_delta:+d})"
        elif self._dragging and self._press_kind == "link" and self._link_target is not None:
            title = self.session.board.tasks[self._link_target].title
            text = _t("“%1” will wait for this task").replace("%1", title)
        elif self._drop_day is not None:
            text = date_text(date.fromordinal(self._drop_day), today)
            at = QPointF(self._x_ord(self._drop_day), HEADER_HEIGHT + 8)
        if not text or at is None:
            return
        painter.setFont(self._font_small_bold)
        metrics = QFontMetricsF(self._font_small_bold)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 320)
        box = QRectF(0, 0, metrics.horizontalAdvance(text) + 16, metrics.height() + 8)
        x = min(at.x() + 14, self.viewport().width() - box.width() - 4)
        y = max(float(HEADER_HEIGHT) + 2, at.y() - box.height() - 10)
        box.moveTo(max(float(LABEL_WIDTH) + 2, x), y)
        path = QPainterPath()
        path.addRoundedRect(box, 5, 5)
        painter.fillPath(path, TOOLTIP_BACK)
        painter.setPen(WHITE)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    # -- the label column ----------------------------------------------------------------

    def _paint_labels(self, painter: QPainter, rows: range, height: int) -> None:
        theme = self.theme
        layout = self._layout
        painter.save()
        painter.setClipRect(QRectF(0, HEADER_HEIGHT, LABEL_WIDTH, height))
        painter.fillRect(QRectF(0, HEADER_HEIGHT, LABEL_WIDTH, height), theme.card)
        self._paint_row_bands(painter, rows, 0, LABEL_WIDTH)
        grouped = self._mode is not LaneMode.NONE
        indent = 22.0 if grouped else 10.0
        for row in rows:
            task_id = layout.tasks[row]
            top = self.row_top(row)
            if task_id is None:
                self._paint_group_label(painter, layout.groups[layout.group_of_row[row]], top)
                continue
            if task_id == self._current:
                painter.fillRect(QRectF(0, top, 4, self._row_h), theme.selection)
            self._paint_task_label(painter, task_id, top, indent)
        # The group of the first row in view stays named at the top (pushed up by the next).
        if rows and grouped:
            group_index = layout.group_of_row[rows.start]
            group = layout.groups[group_index]
            if group.row < rows.start or self.row_top(group.row) < HEADER_HEIGHT:
                top = float(HEADER_HEIGHT)
                following = group_index + 1
                if following < len(layout.groups):
                    top = min(top, self.row_top(layout.groups[following].row) - self._row_h)
                painter.fillRect(QRectF(0, top, LABEL_WIDTH, self._row_h), theme.lane_header)
                painter.setPen(QPen(theme.card_border, 1))
                bottom = top + self._row_h - 0.5
                painter.drawLine(QPointF(0, bottom), QPointF(LABEL_WIDTH, bottom))
                self._paint_group_label(painter, group, top)
        painter.restore()
        painter.setPen(QPen(theme.card_border, 1))
        painter.drawLine(QPointF(LABEL_WIDTH - 0.5, 0), QPointF(LABEL_WIDTH - 0.5, height))

    def _paint_group_label(self, painter: QPainter, group, top: float) -> None:
        theme = self.theme
        count = str(group.count)
        painter.setFont(self._font_small_bold)
        small = QFontMetricsF(self._font_small_bold)
        pill_w = small.horizontalAdvance(count) + 14
        pill_h = small.height() + 2
        painter.setFont(self._font_bold)
        metrics = QFontMetricsF(self._font_bold)
        room = LABEL_WIDTH - 10 - 8 - pill_w - 8
        title = metrics.elidedText(group.title, Qt.TextElideMode.ElideRight, room)
        painter.setPen(theme.text)
        painter.drawText(QRectF(10, top, room, self._row_h), Qt.AlignmentFlag.AlignVCenter, title)
        pill = QRectF(
            10 + metrics.horizontalAdvance(title) + 8,
            top + (self._row_h - pill_h) / 2,
            pill_w,
            pill_h,
        )
        path = QPainterPath()
        path.addRoundedRect(pill, pill_h / 2, pill_h / 2)
        painter.fillPath(path, theme.card)
        painter.setFont(self._font_small_bold)
        painter.setPen(theme.text)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, count)

    def _paint_task_label(self, painter: QPainter, task_id: int, top: float, indent: float):
        theme = self.theme
        board = self.session.board
        task = board.tasks[task_id]
        right = LABEL_WIDTH - 8.0
        pill_h = QFontMetricsF(self._font_small_bold).height() + 2
        pill_top = top + (self._row_h - pill_h) / 2
        owner = board.people.get(task.owner_id) if task.owner_id is not None else None
        if owner is not None:
            right = self._pill(
                painter, right, pill_top, pill_h, owner.initials, theme.lane_header, theme.text
            )
        if task_id in self._critical:
            right = self._pill(
                painter, right, pill_top, pill_h, _t("critical"), theme.critical, theme.card
            )
        done = task.status_id in self._done
        if done:
            self._paint_check(painter, QPointF(right - 8, top + self._row_h / 2))
            right -= 18
        room = max(0.0, right - indent - 6)
        key = (task_id, int(room))
        title = self._elided.get(key)
        if title is None:
            metrics = QFontMetricsF(self._font_label)
            title = metrics.elidedText(task.title, Qt.TextElideMode.ElideRight, room)
            self._elided[key] = title
        painter.setFont(self._font_label)
        painter.setPen(theme.muted if done else theme.text)
        painter.drawText(
            QRectF(indent, top, room, self._row_h), Qt.AlignmentFlag.AlignVCenter, title
        )

    def _pill(
        self, painter, right: float, top: float, height: float, text: str, back, ink
    ) -> float:
        """A small rounded tag ending at ``right``; returns where the next one may end."""
        painter.setFont(self._font_small_bold)
        width = QFontMetricsF(self._font_small_bold).horizontalAdvance(text) + 12
        rect = QRectF(right - width, top, width, height)
        path = QPainterPath()
        path.addRoundedRect(rect, height / 2, height / 2)
        painter.fillPath(path, back)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        return rect.left() - 5

    # -- the date header -----------------------------------------------------------------

    def _paint_header(self, painter: QPainter, first_day: int, last_day: int, width: int):
        theme = self.theme
        painter.fillRect(QRectF(0, 0, width, HEADER_HEIGHT), self.theme.header)
        painter.setFont(self._font_small)
        painter.setPen(theme.muted)
        count = len(self._layout.row_of)
        painter.drawText(
            QRectF(10, 0, LABEL_WIDTH - 20, HEADER_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter,
            _t("Tasks with dates: %1").replace("%1", str(count)),
        )
        painter.save()
        painter.setClipRect(QRectF(LABEL_WIDTH, 0, width - LABEL_WIDTH, HEADER_HEIGHT))
        today_box = self._today_box()
        top_units, bottom_units = self._tier_units(first_day, last_day)
        self._paint_tier(painter, top_units, 0, self._font_tier_bold, None, False)
        centre = self._zoom is Zoom.DAY
        self._paint_tier(painter, bottom_units, TIER_HEIGHT, self._font_tier, today_box, centre)
        painter.setPen(QPen(self.theme.grid_strong, 1))
        painter.drawLine(QPointF(LABEL_WIDTH, TIER_HEIGHT + 0.5), QPointF(width, TIER_HEIGHT + 0.5))
        if today_box is not None:
            path = QPainterPath()
            path.addRoundedRect(today_box, 4, 4)
            painter.fillPath(path, theme.selection)
            painter.setFont(self._font_small_bold)
            painter.setPen(theme.card)
            painter.drawText(today_box, Qt.AlignmentFlag.AlignCenter, _t("Today"))
        painter.restore()
        painter.setPen(QPen(theme.card_border, 1))
        painter.drawLine(QPointF(0, HEADER_HEIGHT - 0.5), QPointF(width, HEADER_HEIGHT - 0.5))
        painter.drawLine(QPointF(LABEL_WIDTH - 0.5, 0), QPointF(LABEL_WIDTH - 0.5, HEADER_HEIGHT))

    def _today_box(self) -> QRectF | None:
        metrics = QFontMetricsF(self._font_small_bold)
        text_width = metrics.horizontalAdvance(_t("Today")) + 10
        x = self._x_ord(self._today()) + self._ppd() / 2
        if x < LABEL_WIDTH or x > self.viewport().width():
            return None
        return QRectF(x - text_width / 2, TIER_HEIGHT + 3, text_width, TIER_HEIGHT - 6)

    def header_labels(self) -> list[tuple[int, QRectF, str]]:
        """Every date label the header shows now: (tier 0 top / 1 bottom, box, text)."""
        width = self.viewport().width()
        first_day = math.floor(self._day_float(LABEL_WIDTH))
        last_day = math.floor(self._day_float(width)) + 1
        top_units, bottom_units = self._tier_units(first_day, last_day)
        centre = self._zoom is Zoom.DAY
        found = [
            (0, box, text)
            for box, text in self._tier_labels(top_units, 0, self._font_tier_bold, None, False)[1]
        ]
        bottom = self._tier_labels(
            bottom_units, TIER_HEIGHT, self._font_tier, self._today_box(), centre
        )[1]
        return found + [(1, box, text) for box, text in bottom]

    def _paint_tier(
        self, painter, units, top: float, font: QFont, avoid: QRectF | None, centre: bool
    ) -> None:
        edges, labels = self._tier_labels(units, top, font, avoid, centre)
        painter.setPen(QPen(self.theme.grid_strong, 1))
        for x in edges:
            painter.drawLine(QPointF(x, top), QPointF(x, top + TIER_HEIGHT))
        painter.setFont(font)
        painter.setPen(self.theme.text)
        for box, text in labels:
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, text)

    def _tier_labels(
        self, units, top: float, font: QFont, avoid: QRectF | None, centre: bool
    ) -> tuple[list[float], list[tuple[QRectF, str]]]:
        """One header tier's unit edges and labels. Every unit gets the same form of label:
        the longest form that fits every whole unit in view; a unit cut by the chart's edge
        falls back to shorter forms and keeps its label in view at the edge. Labels never
        overlap one another (each stays inside its unit) nor the Today marker (moved beside
        it, shortened, or left out)."""
        metrics = QFontMetricsF(font)
        width = float(self.viewport().width())
        shown = [(self._x_ord(s), self._x_ord(e), labels) for s, e, labels in units]
        shown = [u for u in shown if u[1] > LABEL_WIDTH and u[0] < width]
        if not shown:
            return [], []
        whole = [u for u in shown if u[0] >= LABEL_WIDTH and u[1] <= width] or shown
        forms = min(len(u[2]) for u in shown)
        level = 0
        while level < forms - 1 and any(
            metrics.horizontalAdvance(u[2][level]) > u[1] - u[0] - 8 for u in whole
        ):
            level += 1
        edges: list[float] = []
        placed: list[tuple[QRectF, str]] = []
        for x0, x1, labels in shown:
            edges.append(round(x0) + 0.5)
            left, right = max(x0, float(LABEL_WIDTH)), min(x1, width)
            for label in labels[level:]:
                text_left = self._label_left(metrics, label, x0, x1, left, right, centre, avoid)
                if text_left is not None:
                    text_width = metrics.horizontalAdvance(label)
                    placed.append((QRectF(text_left, top, text_width + 1, TIER_HEIGHT), label))
                    break
        return edges, placed

    @staticmethod
    def _label_left(metrics, label, x0, x1, left, right, centre, avoid) -> float | None:
        """Where a tier label starts inside the visible part [left, right] of its unit
        [x0, x1], clear of ``avoid``; None when it does not fit."""
        text_width = metrics.horizontalAdvance(label)
        if text_width > right - left - 8:
            return None
        if centre:
            text_left = max(left + 4, min((x0 + x1 - text_width) / 2, right - 4 - text_width))
        else:
            text_left = left + 5
        if avoid is None or not (
            text_left - 3 < avoid.right() and text_left + text_width + 3 > avoid.left()
        ):
            return text_left
        if avoid.right() + 4 + text_width <= right - 4:
            return avoid.right() + 4
        if avoid.left() - 4 - text_width >= left + 4:
            return avoid.left() - 4 - text_width
        return None

    def _tier_units(self, first_day: int, last_day: int):
        """(top tier, bottom tier) units in view: (first day, day after, labels long→short)."""
        zoom = self._zoom
        months = list(_months(first_day, last_day))
        if zoom is Zoom.DAY:
            days = [
                (d, d + 1, day_labels(date.fromordinal(d))) for d in range(first_day, last_day + 1)
            ]
            return [(s, e, month_labels(m, True)) for s, e, m in months], days
        if zoom is Zoom.WEEK:
            monday = first_day - date.fromordinal(first_day).weekday()
            weeks = [
                (w, w + 7, week_labels(date.fromordinal(w))) for w in range(monday, last_day + 1, 7)
            ]
            return [(s, e, month_labels(m, True)) for s, e, m in months], weeks
        bottom = [(s, e, month_labels(m, False)) for s, e, m in months]
        if zoom is Zoom.MONTH:
            return list(_quarters(first_day, last_day)), bottom
        return list(_years(first_day, last_day)), bottom


# -- calendar units and their labels ----------------------------------------------------------


def _months(first_day: int, last_day: int):
    d = date.fromordinal(first_day).replace(day=1)
    while d.toordinal() <= last_day:
        following = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        yield d.toordinal(), following.toordinal(), d
        d = following


def _quarters(first_day: int, last_day: int):
    start = date.fromordinal(first_day)
    d = date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    while d.toordinal() <= last_day:
        following = date(d.year + (d.month == 10), (d.month + 2) % 12 + 1, 1)
        quarter = (d.month - 1) // 3 + 1
        if japanese():
            labels = (f"{d.year}年 第{quarter}四半期", f"{d.year}年Q{quarter}", f"Q{quarter}")
        else:
            labels = (f"Q{quarter} {d.year}", f"Q{quarter}")
        yield d.toordinal(), following.toordinal(), labels
        d = following


def _years(first_day: int, last_day: int):
    year = date.fromordinal(first_day).year
    while date(year, 1, 1).toordinal() <= last_day:
        label = f"{year}年" if japanese() else str(year)
        yield date(year, 1, 1).toordinal(), date(year + 1, 1, 1).toordinal(), (label,)
        year += 1
