"""TimelineView: the plan over time for team leads — a Gantt chart, painted.

Like the kanban view, one scroll area paints only what is on screen. Rows have one fixed
height and a day has a fixed width at each zoom, so geometry, hit-testing and drop targets
are arithmetic (``render.timeline_geometry``); the rows and spans are laid out once when
the tasks or the grouping change (``rows.build_rows``), never per paint. The picture itself
is the shared timeline painter's (``render.timeline_chart``), the one the standup slide
uses; each row is drawn from its ``BarFace`` as on paper.

This module lays out, scrolls and hit-tests. The mouse and keyboard live in
``interaction``, the tooltips in ``tooltips``, the drag feedback in ``drag_paint``. The view
never writes to the board: dragging a bar, one of its ends, a link handle, or a task dropped
from the tray emits a signal, and the tab applies the command."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractScrollArea

from renkei.domain.read_model import BoardReadModel
from renkei.domain.schedule import critical_path, day_numbers
from renkei.render.bar_face import BarFace
from renkei.render.theme import Theme, current
from renkei.render.timeline_chart import (
    ChartContent,
    FaceCache,
    Links,
    header_labels,
    links_among,
    paint_chart_body,
    paint_chart_frame,
    today_box,
)
from renkei.render.timeline_forecast import GroupForecast, group_forecasts
from renkei.render.timeline_geometry import HEADER_HEIGHT, LABEL_WIDTH, ChartGeometry
from renkei.render.timeline_paint import (
    handoff_flag_y,
    row_height,
    screen_fonts,
    screen_style,
)
from renkei.ui.a11y import ensure_factory, register
from renkei.ui.kanban.model import LaneMode
from renkei.ui.timeline import accessible, drag_paint
from renkei.ui.timeline.interaction import EDGE, TASK_MIME, TimelineInteraction
from renkei.ui.timeline.rows import RowLayout, Zoom, build_rows
from renkei.ui.timeline.tooltips import TimelineTooltips

FORECAST_DELAY_MS = 1500  # after the last change, the forecast markers are made again

__all__ = ["HEADER_HEIGHT", "LABEL_WIDTH", "TASK_MIME", "TimelineView", "Zoom"]


class TimelineView(TimelineInteraction, TimelineTooltips, QAbstractScrollArea):
    currentChanged = Signal(object)  # task id or None
    taskRescheduled = Signal(int, object, object)  # task id, new start or None, new due or None
    dependencyRequested = Signal(int, int)  # predecessor id, successor id
    openRequested = Signal(int)
    taskScheduled = Signal(int, object)  # task id dropped from outside, the day under it
    zoomChanged = Signal(object)  # Zoom, also when Ctrl+wheel or fit_to changed it
    # What was told to a screen reader: the QAccessible event type and its words.
    accessibleEventPosted = Signal(object, str)

    @property
    def theme(self) -> Theme:
        return self.fixed_theme or current()

    def __init__(self, session: BoardReadModel, parent=None):
        super().__init__(parent)
        ensure_factory()  # (Qt forgets it when an application ends)
        self.session = session
        self.fixed_theme: Theme | None = None  # None: the app's theme
        self._ids: list[int] = []
        self._mode = LaneMode.TEAM
        self._zoom = Zoom.WEEK
        self._critical_on = False
        self._layout = RowLayout()
        self._links = Links()
        self._violated: frozenset[tuple[int, int]] = frozenset()
        self._critical: frozenset[int] = frozenset()
        self._faces = FaceCache(session, self._layout)
        # The groups' forecast markers: made at once the first time, then a moment after
        # the board changes (a simulation per team: never on the path of a live update).
        self._forecasts: dict[int | None, GroupForecast] | None = None
        self._forecast_timer = QTimer(self)
        self._forecast_timer.setSingleShot(True)
        self._forecast_timer.setInterval(FORECAST_DELAY_MS)
        self._forecast_timer.timeout.connect(self._refresh_forecasts)
        # The time axis: content x of day d is (d - origin) * ppd.
        self._origin = session.today().toordinal()
        self._days = 1
        self._fresh = True  # not yet placed by the user: resizing keeps today in view
        self._placing = False
        self._current: int | None = None
        self._hover_row = -1
        self._hover_task: int | None = None
        self._init_interaction()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setAccessibleName(QCoreApplication.translate("Timeline", "Timeline"))
        accessible.watch_focus(self)
        self._update_metrics()
        self._update_scrollbars()
        self._place(self._today(), LABEL_WIDTH + self._chart_width() / 3)

    # -- what is shown ------------------------------------------------------------------------

    def set_tasks(self, task_ids: list[int]) -> None:
        """The (already filtered) tasks to show; those without any date are not drawn (they
        are ``undated_task_ids``)."""
        self._ids = list(task_ids)
        self._rebuild()

    def rows_kept_after(self, touched: set[int]) -> bool:
        """Whether a change to ``touched`` leaves every row as it is: none of them has a
        row or dates now (so no bar, link, violation or critical path can involve them)."""
        tasks = self.session.board.tasks
        row_of = self._layout.row_of
        return all(
            task_id not in row_of and (task_id not in tasks or day_numbers(tasks[task_id]) is None)
            for task_id in touched
        )

    def keep_rows(self, task_ids: list[int]) -> None:
        """The tasks to show when ``rows_kept_after`` their change: the rows, links and
        critical path stay; the bars' words (risk) and the groups' forecasts are made again."""
        self._ids = list(task_ids)
        row_of = self._layout.row_of
        self._layout.undated[:] = [task_id for task_id in self._ids if task_id not in row_of]
        self._faces = FaceCache(self.session, self._layout)
        if self._forecasts is None:
            self._refresh_forecasts()
        else:
            self._forecast_timer.start()
        self.viewport().update()

    def undated_task_ids(self) -> list[int]:
        """The tasks given that have no date at all, in the order given (the tray's)."""
        return self._layout.undated

    def shown_task_ids(self) -> list[int]:
        """The drawn tasks in row order (the undated ones left out)."""
        return [t for t in self._layout.tasks if t is not None]

    def face(self, task_id: int) -> BarFace:
        """What the task's row shows (a drawn task's)."""
        return self._faces(task_id)

    @property
    def group_mode(self) -> LaneMode:
        return self._mode

    def set_group_mode(self, mode: LaneMode) -> None:
        if mode == self._mode:
            return
        self._mode = mode
        self._forecasts = None  # another scope's markers: made at once
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

    def geometry_now(self) -> ChartGeometry:
        """The chart's geometry at the current size, zoom and scroll."""
        viewport = self.viewport()
        return ChartGeometry(
            width=viewport.width(),
            height=viewport.height(),
            row_height=self._row_h,
            origin=self._origin,
            ppd=self._ppd(),
            scroll_x=self.horizontalScrollBar().value(),
            scroll_y=self.verticalScrollBar().value(),
        )

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
        return self.geometry_now().row_at(y, len(self._layout))

    def bar_rect(self, task_id: int) -> QRectF | None:
        """The task's bar (or its milestone diamond's bounding square); None when not drawn."""
        return self.geometry_now().bar_rect(self._layout, task_id, self._style)

    def link_handle_rect(self, task_id: int) -> QRectF | None:
        """The round handle just past the bar's right end that starts a dependency."""
        bar = self.bar_rect(task_id)
        return None if bar is None else self.geometry_now().link_handle_rect(bar)

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

    def today_box(self) -> QRectF | None:
        """The header's Today marker; None when today is out of view."""
        return today_box(self.geometry_now(), self._today(), self._fonts)

    def header_labels(self) -> list[tuple[int, QRectF, str]]:
        """Every date label the header shows now: (tier 0 top / 1 bottom, box, text)."""
        return header_labels(self.geometry_now(), self._content(), self._fonts)

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

    def _marker_y(self) -> float:
        """A handoff flag's centre below its row's top: on the bar's top edge."""
        return handoff_flag_y(self._style)

    def _update_metrics(self) -> None:
        self._fonts = screen_fonts(self.font())
        self._row_h = row_height(self._fonts.label)
        self._style = screen_style(self._row_h)

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
        self._layout = build_rows(board, self._ids, self._mode)
        shown = self._layout.row_of
        self._links = links_among(board, shown)
        self._violated = self._links.violated
        self._faces = FaceCache(self.session, self._layout)
        self._critical = self._compute_critical()
        if self._forecasts is None:
            self._refresh_forecasts()
        else:
            self._forecast_timer.start()
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
        accessible.laid_out(self)

    def _refresh_forecasts(self) -> None:
        scope = {LaneMode.TEAM: "team", LaneMode.PROJECT: "project"}.get(self._mode)
        if scope is None:
            self._forecasts = {}
        else:
            self._forecasts = dict(group_forecasts(self.session.forecasts(), scope))
        self.viewport().update()

    def group_forecast(self, key: int | None) -> GroupForecast | None:
        """The forecast marker of the group ``key`` (a team's or project's id), if drawn."""
        return (self._forecasts or {}).get(key)

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

    def _set_current(self, task_id: int | None) -> None:
        if task_id == self._current:
            return
        self._current = task_id
        # A screen reader hears the row as the tooltip says it, the owner's full name included.
        drawn = task_id is not None and task_id in self._layout.row_of
        self.setAccessibleDescription(
            self.task_tooltip(task_id) if task_id is not None and drawn else ""
        )
        self.viewport().update()
        accessible.current_changed(self)
        self.currentChanged.emit(task_id)

    # -- painting ----------------------------------------------------------------------------

    def _content(self) -> ChartContent:
        dragged = self._dragging and self._press_kind != "link"
        handles = {t for t in (self._hover_task, self._current) if t is not None}
        if dragged:
            handles.discard(self._press_task)
        if self._press_kind == "link" and self._press_task is not None:
            handles.add(self._press_task)
        return ChartContent(
            layout=self._layout,
            face=self._faces,
            zoom=self._zoom,
            today=self._today(),
            grouped=self._mode is not LaneMode.NONE,
            predecessors=self._links.predecessors,
            successors=self._links.successors,
            violated=self._violated,
            critical=self._critical,
            current=self._current,
            hover_row=self._hover_row,
            handles=frozenset(handles),
            dimmed=self._press_task if dragged else None,
            forecasts=self._forecasts or {},
        )

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        geo = self.geometry_now()
        theme, style, fonts = self.theme, self._style, self._fonts
        painter.fillRect(QRectF(0, 0, geo.width, geo.height), theme.card)
        content = self._content()
        paint_chart_body(painter, geo, content, style, theme, fonts)
        painter.save()
        painter.setClipRect(QRectF(LABEL_WIDTH, HEADER_HEIGHT, geo.width, geo.height))
        drag_paint.paint_drag(self, painter, geo)
        painter.restore()
        paint_chart_frame(painter, geo, content, style, theme, fonts)
        drag_paint.paint_drag_label(self, painter, geo)
        painter.end()


register(TimelineView, accessible.TimelineAccessible)
