"""The scrolled timeline, painted: the grid and weekends, the today line, the dependency
arrows, every row in view through the shared row painter, the label column and the date
header. The screen view paints with it (and adds its drag feedback); the standup's timeline
slide paints a block of rows with it (``timeline_block``).

Only what is in view is painted: the rows in view, the days in view, the arrows with an end
in view. What it reads is a ``ChartContent``: the row layout, the rows' faces (built when
first painted: ``FaceCache``) and the links among the shown tasks (``links_among``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF

from renkei.domain.model import Board
from renkei.domain.read_model import BoardReadModel
from renkei.domain.schedule import violations
from renkei.i18n import arg
from renkei.render.bar_face import BarFace, bar_face, handoffs_by_task
from renkei.render.theme import Theme
from renkei.render.timeline_forecast import GroupForecast, paint_group_forecast
from renkei.render.timeline_geometry import ChartGeometry
from renkei.render.timeline_header import (
    Placed,
    TierStyle,
    days,
    months,
    paint_tier,
    place_units,
    quarters,
    tier_labels,
    weeks,
    years,
)
from renkei.render.timeline_paint import (
    BarStyle,
    RowPlace,
    TimelineFonts,
    exclamation,
    paint_bar_row,
    paint_handoff_flags,
    paint_row_label,
)
from renkei.render.timeline_rows import Group, RowLayout, Zoom

STUB = 8.0  # horizontal stub of a dependency arrow


@dataclass(frozen=True, slots=True)
class ChartContent:
    """What the chart shows besides the geometry: the rows, their faces, the links, and
    the screen's state (current, hovered, dragged)."""

    layout: RowLayout
    face: Callable[[int], BarFace]
    zoom: Zoom
    today: int  # ordinal
    grouped: bool
    predecessors: Mapping[int, Iterable[int]]  # task → the shown tasks it waits for
    successors: Mapping[int, Iterable[int]]
    violated: frozenset[tuple[int, int]] = frozenset()
    critical: frozenset[int] = frozenset()
    current: int | None = None
    hover_row: int = -1
    handles: frozenset[int] = frozenset()  # tasks whose link handle shows
    dimmed: int | None = None  # a bar being dragged: its ghost shows where it goes
    # Each group's forecast marker, by group key (a team's or project's id).
    forecasts: Mapping[int | None, GroupForecast] = field(default_factory=dict)


@dataclass(slots=True)
class Links:
    """The finish-to-start links among the shown tasks."""

    predecessors: dict[int, list[int]] = field(default_factory=dict)
    successors: dict[int, list[int]] = field(default_factory=dict)
    conflicts: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # → (pred, overlap)

    @property
    def violated(self) -> frozenset[tuple[int, int]]:
        return frozenset((p, s) for s, found in self.conflicts.items() for p, _ in found)


def links_among(board: Board, shown: Iterable[int]) -> Links:
    shown = set(shown)
    links = Links()
    for task_id in shown:
        for predecessor in board.tasks[task_id].depends_on:
            if predecessor in shown:
                links.predecessors.setdefault(task_id, []).append(predecessor)
                links.successors.setdefault(predecessor, []).append(task_id)
    for v in violations(board, shown):
        links.conflicts.setdefault(v.successor, []).append((v.predecessor, v.overlap))
    return links


class FaceCache:
    """Bar faces built when first painted and kept until the board changes (``clear``)."""

    def __init__(self, model: BoardReadModel, layout: RowLayout):
        self.model = model
        self._handoffs = handoffs_by_task(model.board.handoffs.values(), layout.row_of)
        self._faces: dict[int, BarFace] = {}

    def __call__(self, task_id: int) -> BarFace:
        face = self._faces.get(task_id)
        if face is None:
            face = bar_face(self.model, task_id, self._handoffs.get(task_id, ()))
            assert face is not None, "only dated tasks have rows"
            self._faces[task_id] = face
        return face


def paint_chart_body(
    painter: QPainter,
    geo: ChartGeometry,
    content: ChartContent,
    style: BarStyle,
    theme: Theme,
    fonts: TimelineFonts,
) -> None:
    """The chart right of the label column and below the header (clipped to it)."""
    rows = geo.visible_rows(len(content.layout))
    first_day, last_day = geo.visible_days()
    painter.save()
    chart = QRectF(geo.label_width, geo.header_height, geo.width, geo.height)
    painter.setClipRect(chart, Qt.ClipOperation.IntersectClip)  # inside any clip of the caller's
    _paint_grid(painter, geo, content.zoom, first_day, last_day, theme)
    _paint_row_bands(painter, geo, content, rows, geo.label_width, geo.width, theme)
    x = float(round(geo.x_of(content.today) + geo.ppd / 2))  # crisp: 2 whole pixels
    painter.setPen(QPen(theme.selection, 2))
    painter.drawLine(QPointF(x, geo.header_height), QPointF(x, geo.height))
    if content.forecasts:
        for row in rows:
            if content.layout.tasks[row] is None:
                group = content.layout.groups[content.layout.group_of_row[row]]
                marker = content.forecasts.get(group.key)
                if marker is not None:
                    paint_group_forecast(painter, geo, geo.row_top(row), marker, theme, fonts)
    _paint_arrows(painter, geo, content, rows, style, theme)
    for row in rows:
        task_id = content.layout.tasks[row]
        if task_id is not None:
            _paint_task(painter, geo, content, task_id, style, theme, fonts)
    _paint_conflict_markers(painter, geo, content, rows, style, theme)
    painter.restore()


def paint_chart_frame(
    painter: QPainter,
    geo: ChartGeometry,
    content: ChartContent,
    style: BarStyle,
    theme: Theme,
    fonts: TimelineFonts,
) -> None:
    """The label column and the date header, over the body's edges."""
    _paint_labels(painter, geo, content, style, theme, fonts)
    paint_header(painter, geo, content, theme, fonts)
    if not content.layout.tasks:
        painter.setPen(theme.muted)
        painter.setFont(fonts.label)
        painter.drawText(
            QRectF(geo.label_width, geo.header_height + 30, geo.width - geo.label_width, 40),
            Qt.AlignmentFlag.AlignHCenter,
            QCoreApplication.translate("Timeline", "No task with dates to show."),
        )


# -- the grid, weekends, row bands -------------------------------------------------------


def _paint_grid(painter, geo: ChartGeometry, zoom: Zoom, first_day, last_day, theme) -> None:
    top = geo.header_height
    if zoom in (Zoom.DAY, Zoom.WEEK):
        for day in range(first_day, last_day + 1):
            if date.fromordinal(day).weekday() >= 5:
                x = geo.x_of(day)
                painter.fillRect(QRectF(x, top, geo.ppd, geo.height - top), theme.weekend)
    light = QPen(theme.grid, 1)
    dark = QPen(theme.grid_strong, 1)
    for day, strong in grid_lines(zoom, first_day, last_day):
        x = round(geo.x_of(day)) + 0.5
        painter.setPen(dark if strong else light)
        painter.drawLine(QPointF(x, top), QPointF(x, geo.height))


def grid_lines(zoom: Zoom, first_day: int, last_day: int) -> Iterable[tuple[int, bool]]:
    """(day, strong) for each vertical line in view: the bottom tier's units, and the
    top tier's (strong)."""
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


def _paint_row_bands(painter, geo, content: ChartContent, rows, left, right, theme) -> None:
    """Group header bands, the current and the hovered row."""
    for row in rows:
        band = QRectF(left, geo.row_top(row), right - left, geo.row_height)
        task_id = content.layout.tasks[row]
        if task_id is None:
            painter.fillRect(band, theme.lane_header)
        elif task_id == content.current:
            painter.fillRect(band, theme.highlight)
        elif row == content.hover_row:
            painter.fillRect(band, theme.hover)


# -- rows ---------------------------------------------------------------------------------


def _paint_task(painter, geo: ChartGeometry, content: ChartContent, task_id, style, theme, fonts):
    face = content.face(task_id)
    rect = geo.bar_rect(content.layout, task_id, style)
    assert rect is not None, "a task in a row has a bar"
    place = RowPlace(rect, geo.label_width, geo.width, face.first, geo.x_of(face.first), geo.ppd)
    if rect.right() + 160 < geo.label_width or rect.left() > geo.width:
        if face.handoffs:
            paint_handoff_flags(painter, face, place, style, theme)
        return
    paint_bar_row(
        painter,
        face,
        place,
        style,
        theme,
        fonts,
        dimmed=content.dimmed == task_id,
        critical=task_id in content.critical,
        selected=task_id == content.current,
    )
    if task_id in content.handles:
        handle = geo.link_handle_rect(rect)
        painter.setPen(QPen(theme.selection, 2))
        painter.setBrush(theme.card)
        painter.drawEllipse(handle)
        painter.setBrush(theme.selection)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(handle.center(), 1.8, 1.8)
        painter.setBrush(Qt.BrushStyle.NoBrush)


# -- dependency arrows ----------------------------------------------------------------------


def visible_links(content: ChartContent, rows: range) -> list[tuple[int, int]]:
    """Finish-to-start links among the drawn tasks with at least one end in ``rows``."""
    links: set[tuple[int, int]] = set()
    for row in rows:
        task_id = content.layout.tasks[row]
        if task_id is None:
            continue
        for predecessor in content.predecessors.get(task_id, ()):
            links.add((predecessor, task_id))
        for successor in content.successors.get(task_id, ()):
            links.add((task_id, successor))
    return sorted(links, key=lambda link: link in content.violated)  # conflicts on top


def _arrow_points(geo, content: ChartContent, style, predecessor, successor) -> list[QPointF]:
    before = geo.bar_rect(content.layout, predecessor, style)
    after = geo.bar_rect(content.layout, successor, style)
    start = QPointF(before.right(), before.center().y())
    end = QPointF(after.left(), after.center().y())
    if end.x() - start.x() >= 2 * STUB:
        return [start, QPointF(start.x() + STUB, start.y()), QPointF(start.x() + STUB, end.y()),
                end]  # fmt: skip
    # Back around: down (or up) to the row boundary, left, then into the successor.
    down = end.y() > start.y()
    boundary = end.y() - geo.row_height / 2 if down else end.y() + geo.row_height / 2
    lead = 2 * STUB if (predecessor, successor) in content.violated else STUB
    return [
        start,
        QPointF(start.x() + STUB, start.y()),
        QPointF(start.x() + STUB, boundary),
        QPointF(end.x() - lead, boundary),
        QPointF(end.x() - lead, end.y()),
        end,
    ]


def _paint_arrows(painter, geo, content: ChartContent, rows, style, theme) -> None:
    for predecessor, successor in visible_links(content, rows):
        violated = (predecessor, successor) in content.violated
        colour = theme.late if violated else theme.muted
        touches = content.current in (predecessor, successor)
        pen = QPen(colour, 2.2 if touches or violated else 1.3)
        if violated:
            pen.setStyle(Qt.PenStyle.DashLine)
        points = _arrow_points(geo, content, style, predecessor, successor)
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


def _paint_conflict_markers(painter, geo, content: ChartContent, rows, style, theme) -> None:
    """An exclamation mark in a circle where a violated link enters its successor."""
    radius = 7.0
    for predecessor, successor in visible_links(content, rows):
        if (predecessor, successor) not in content.violated:
            continue
        centre = _arrow_points(geo, content, style, predecessor, successor)[-2]
        painter.setPen(QPen(theme.card, 1.5))
        painter.setBrush(theme.late)
        painter.drawEllipse(centre, radius, radius)
        exclamation(painter, centre, -3.8, 0.8, 3.6, 2.0, theme.badge_ink)
    painter.setBrush(Qt.BrushStyle.NoBrush)


# -- the label column -------------------------------------------------------------------------


def _paint_labels(painter, geo: ChartGeometry, content: ChartContent, style, theme, fonts):
    layout = content.layout
    rows = geo.visible_rows(len(layout))
    width, top, height = geo.label_width, geo.header_height, geo.height
    painter.save()
    painter.setClipRect(QRectF(0, top, width, height), Qt.ClipOperation.IntersectClip)
    painter.fillRect(QRectF(0, top, width, height), theme.card)
    _paint_row_bands(painter, geo, content, rows, 0, width, theme)
    indent = 22.0 if content.grouped else 10.0
    for row in rows:
        task_id = layout.tasks[row]
        row_top = geo.row_top(row)
        if task_id is None:
            group = layout.groups[layout.group_of_row[row]]
            _paint_group_label(painter, geo, group, row_top, theme, fonts)
            continue
        if task_id == content.current:
            painter.fillRect(QRectF(0, row_top, 4, geo.row_height), theme.selection)
        cell = QRectF(0, row_top, width, geo.row_height)
        paint_row_label(painter, content.face(task_id), cell, indent, style, theme, fonts,
                        critical=task_id in content.critical)  # fmt: skip
    # The group of the first row in view stays named at the top (pushed up by the next).
    if rows and content.grouped:
        group_index = layout.group_of_row[rows.start]
        group = layout.groups[group_index]
        if group.row < rows.start or geo.row_top(group.row) < top:
            sticky = float(top)
            following = group_index + 1
            if following < len(layout.groups):
                sticky = min(sticky, geo.row_top(layout.groups[following].row) - geo.row_height)
            painter.fillRect(QRectF(0, sticky, width, geo.row_height), theme.lane_header)
            painter.setPen(QPen(theme.card_border, 1))
            bottom = sticky + geo.row_height - 0.5
            painter.drawLine(QPointF(0, bottom), QPointF(width, bottom))
            _paint_group_label(painter, geo, group, sticky, theme, fonts)
    painter.restore()
    painter.setPen(QPen(theme.card_border, 1))
    painter.drawLine(QPointF(width - 0.5, 0), QPointF(width - 0.5, height))


def _paint_group_label(painter, geo: ChartGeometry, group: Group, top, theme, fonts) -> None:
    count = str(group.count)
    small = fonts.metrics(fonts.small_bold)
    pill_w = small.horizontalAdvance(count) + 14
    pill_h = small.height() + 2
    metrics = fonts.metrics(fonts.bold)
    room = geo.label_width - 10 - 8 - pill_w - 8
    title = metrics.elidedText(group.title, Qt.TextElideMode.ElideRight, room)
    painter.setFont(fonts.bold)
    painter.setPen(theme.text)
    painter.drawText(QRectF(10, top, room, geo.row_height), Qt.AlignmentFlag.AlignVCenter, title)
    pill = QRectF(10 + metrics.horizontalAdvance(title) + 8, top + (geo.row_height - pill_h) / 2,
                  pill_w, pill_h)  # fmt: skip
    path = QPainterPath()
    path.addRoundedRect(pill, pill_h / 2, pill_h / 2)
    painter.fillPath(path, theme.card)
    painter.setFont(fonts.small_bold)
    painter.setPen(theme.text)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, count)


# -- the date header ----------------------------------------------------------------------------


def paint_header(painter, geo: ChartGeometry, content: ChartContent, theme, fonts) -> None:
    width, tier, height = geo.width, geo.tier_height, geo.header_height
    label = geo.label_width
    painter.fillRect(QRectF(0, 0, width, height), theme.header)
    painter.setFont(fonts.small)
    painter.setPen(theme.muted)
    painter.drawText(
        QRectF(10, 0, label - 20, height),
        Qt.AlignmentFlag.AlignVCenter,
        arg(
            QCoreApplication.translate("Timeline", "Tasks with dates: %1"),
            str(len(content.layout.row_of)),
        ),
    )
    painter.save()
    painter.setClipRect(QRectF(label, 0, width - label, height), Qt.ClipOperation.IntersectClip)
    today = today_box(geo, content.today, fonts)
    for top, font, style, (edges, labels) in _tiers(geo, content, fonts):
        paint_tier(painter, edges, labels, top, style, font, theme, 1)
    painter.setPen(QPen(theme.grid_strong, 1))
    painter.drawLine(QPointF(label, tier + 0.5), QPointF(width, tier + 0.5))
    if today is not None:
        path = QPainterPath()
        path.addRoundedRect(today, 4, 4)
        painter.fillPath(path, theme.selection)
        painter.setFont(fonts.small_bold)
        painter.setPen(theme.card)
        painter.drawText(
            today, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("Timeline", "Today")
        )
    painter.restore()
    painter.setPen(QPen(theme.card_border, 1))
    painter.drawLine(QPointF(0, height - 0.5), QPointF(width, height - 0.5))
    painter.drawLine(QPointF(label - 0.5, 0), QPointF(label - 0.5, height))


def today_box(geo: ChartGeometry, today: int, fonts: TimelineFonts) -> QRectF | None:
    """The "Today" marker in the header's bottom tier; None when today is out of view."""
    text_width = (
        fonts.metrics(fonts.small_bold).horizontalAdvance(
            QCoreApplication.translate("Timeline", "Today")
        )
        + 10
    )
    x = geo.x_of(today) + geo.ppd / 2
    if x < geo.label_width or x > geo.width:
        return None
    tier = geo.tier_height
    return QRectF(x - text_width / 2, tier + 3, text_width, tier - 6)


def header_labels(
    geo: ChartGeometry, content: ChartContent, fonts: TimelineFonts
) -> list[tuple[int, QRectF, str]]:
    """Every date label the header shows: (tier 0 top / 1 bottom, box, text)."""
    return [
        (index, box, text)
        for index, (_, _, _, (_, labels)) in enumerate(_tiers(geo, content, fonts))
        for box, text in labels
    ]


def _tiers(geo: ChartGeometry, content: ChartContent, fonts: TimelineFonts):
    """(top, font, style, (edges, labels)) of the header's two tiers."""
    first_day, last_day = geo.visible_days()
    top_units, bottom_units = zoom_units(content.zoom, first_day, last_day)
    left, right = geo.label_width, geo.width
    found = []
    for index, units in enumerate((top_units, bottom_units)):
        top = index * geo.tier_height
        font = fonts.tier_bold if index == 0 else fonts.tier
        centre = index == 1 and content.zoom is Zoom.DAY
        style = TierStyle(geo.tier_height, pad=4, inset=5, centre=centre, crisp=True)
        avoid = today_box(geo, content.today, fonts) if index == 1 else None
        shown: list[Placed] = place_units(units, geo.x_of, left, right)
        layout = tier_labels(shown, left, right, top, fonts.metrics(font), style, avoid)
        found.append((top, font, style, layout))
    return found


def zoom_units(zoom: Zoom, first_day: int, last_day: int):
    """(top tier, bottom tier) calendar units at ``zoom``."""
    if zoom is Zoom.DAY:
        return list(months(first_day, last_day)), list(days(first_day, last_day))
    if zoom is Zoom.WEEK:
        return list(months(first_day, last_day)), list(weeks(first_day, last_day))
    bottom = list(months(first_day, last_day, with_year=False))
    if zoom is Zoom.MONTH:
        return list(quarters(first_day, last_day)), bottom
    return list(years(first_day, last_day)), bottom


__all__ = [
    "ChartContent",
    "FaceCache",
    "Links",
    "grid_lines",
    "header_labels",
    "paint_chart_body",
    "paint_chart_frame",
    "paint_header",
    "links_among",
    "today_box",
    "visible_links",
    "zoom_units",
]
