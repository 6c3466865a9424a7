"""The timeline on paper: a Gantt chart over as many landscape pages as it needs.

The on-screen timeline (``renkei.ui.timeline.view``) scrolls; paper cannot. So the chart is
cut into pages twice over: the time axis into chunks of whole weeks that fit the page width
at a readable scale (a day is never narrower than ``MIN_DAY`` points), and the rows into
chunks that fit the page height. Every page repeats the date header (months above, days or
week numbers below) and the label column (title and owner), says which part it is and which
dates it covers, and draws its bars in the screen's visual language: a bar with its progress
filled in, a diamond for a milestone, the risk colour *with* a glyph and a word, a check for
finished work, a conflict mark where a task starts before a task it waits for has ended,
the today line and shaded weekends; rows grouped by team.

All geometry is in points (1/72 inch) in the page sink's coordinates; fonts are sized for
the sink's paint device so that text is as many points high on paper as it says.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from renkei.domain.read_model import BoardReadModel
from renkei.domain.risk import RiskKind, badge_word
from renkei.domain.schedule import Span, span_of, violations
from renkei.render import glyphs
from renkei.render.bar import paint_bar
from renkei.render.calendar_labels import (
    day_labels,
    japanese,
    month_labels,
    month_name,
    week_labels,
)
from renkei.render.theme import FONT_FAMILY, LIGHT, Theme, mix

__all__ = ["LABEL_WIDTH", "MIN_DAY", "PageSink", "paint_timeline"]

LABEL_WIDTH = 180.0  # the label column: title and owner
MIN_DAY = 6.0  # a day is never narrower than this on paper
MAX_DAY = 24.0  # …nor wider: a short plan does not need giant days
MIN_CHART = 120.0  # the chart keeps at least this much of the page width
ROW_HEIGHT = 15.0
TIER_HEIGHT = 14.0  # each of the header's two tiers
CAPTION_HEIGHT = 16.0
CONTEXT_DAYS = 7  # the axis shows at least today ± a week
OWNER_SHARE = 0.36  # at most this share of the label column goes to the owner's name

WHITE = QColor("#ffffff")
NO_TEAM = QColor("#8a96a8")
WEEKEND = QColor("#eef0f3")
GRID_LIGHT = QColor("#e1e5ea")
GRID_DARK = QColor("#b9c0ca")
HEADER_BACK = QColor("#e3e6eb")


class PageSink(Protocol):
    """Where the pages go (``renkei.export.pdf.Pages``, or a test's own)."""

    painter: QPainter
    landscape: bool
    page: int

    def body(self) -> QRectF: ...

    def new_page(self, landscape: bool = False) -> None: ...


def _t(text: str) -> str:
    return QCoreApplication.translate("TimelineReport", text)


# -- what the chart shows -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Group:
    title: str
    count: int
    colour: QColor


@dataclass(frozen=True, slots=True)
class _Row:
    group: _Group
    task_id: int | None = None  # None: the group's header row
    continued: bool = False  # a group header repeated at the top of a later page


@dataclass(frozen=True, slots=True)
class _Mark:
    """A signal beside a bar: never colour alone, always a glyph and a word."""

    glyph: Callable[[QPainter, QPointF, float, QColor], None]
    colour: QColor
    word: str


def _rows(session: BoardReadModel, task_ids: Sequence[int], theme: Theme):
    """(rows grouped by team in board order then "No team", each sorted by first day;
    every shown task's span)."""
    board = session.board
    spans: dict[int, Span] = {}
    for task_id in dict.fromkeys(task_ids):
        task = board.tasks.get(task_id)
        span = span_of(task) if task is not None else None
        if span is not None:
            spans[task_id] = span
    by_team: dict[int | None, list[int]] = {}
    for task_id in spans:
        team_id = board.tasks[task_id].team_id
        by_team.setdefault(team_id if team_id in board.teams else None, []).append(task_id)
    colours = theme.team_colours
    groups: list[tuple[_Group, list[int]]] = []
    for team in board.ordered_teams():
        if team.id in by_team:
            ids = by_team[team.id]
            groups.append((_Group(team.name, len(ids), colours[team.position % len(colours)]), ids))
    if None in by_team:
        ids = by_team[None]
        groups.append((_Group(_t("No team"), len(ids), NO_TEAM), ids))
    rows: list[_Row] = []
    for group, ids in groups:
        ids.sort(key=lambda i: (spans[i].first, spans[i].last, board.tasks[i].title, i))
        rows.append(_Row(group))
        rows.extend(_Row(group, task_id) for task_id in ids)
    return rows, spans


def _row_chunks(rows: list[_Row], capacity: int) -> list[list[_Row]]:
    """The rows page by page. A page that starts inside a group repeats the group's header
    ("continued"); a group header never ends a page."""
    capacity = max(2, capacity)
    chunks: list[list[_Row]] = []
    index = 0
    while index < len(rows):
        chunk: list[_Row] = []
        if rows[index].task_id is not None:
            chunk.append(_Row(rows[index].group, continued=True))
        while index < len(rows) and len(chunk) < capacity:
            chunk.append(rows[index])
            index += 1
        if chunk[-1].task_id is None and index < len(rows):
            chunk.pop()
            index -= 1
        chunks.append(chunk)
    return chunks or [[]]


@dataclass(frozen=True, slots=True)
class _Axis:
    first: int  # ordinal of the first day shown (a Monday)
    days: int  # days on the whole axis (whole weeks)
    chunk_days: int  # days per page (whole weeks)
    ppd: float  # points per day

    @property
    def chunks(self) -> int:
        return math.ceil(self.days / self.chunk_days)


def _axis(spans: dict[int, Span], today: date, chart_width: float) -> _Axis:
    """Whole weeks from the earliest first day to the latest last day (and today ± a week),
    as few pages as a day of at least ``MIN_DAY`` points allows, shared out evenly."""
    first = min([s.first for s in spans.values()] + [today - timedelta(days=CONTEXT_DAYS)])
    last = max([s.last for s in spans.values()] + [today + timedelta(days=CONTEXT_DAYS)])
    monday = first - timedelta(days=first.weekday())
    weeks = math.ceil(((last - monday).days + 1) / 7)
    per_page = max(1, math.floor(chart_width / (7 * MIN_DAY)))
    pages = math.ceil(weeks / per_page)
    chunk_weeks = math.ceil(weeks / pages)
    ppd = min(MAX_DAY, chart_width / (7 * chunk_weeks))
    return _Axis(monday.toordinal(), weeks * 7, chunk_weeks * 7, ppd)


# -- fonts ---------------------------------------------------------------------------------------


class _Fonts:
    """The bundled face (named, so Japanese never falls back to another font in the PDF),
    sized in points of the painter's coordinates whatever the device's resolution."""

    def __init__(self, painter: QPainter):
        self.device = painter.device()
        self.dpi = self.device.logicalDpiY() if self.device is not None else 72
        self.label = self._font(7.5)
        self.small = self._font(6.5)
        self.small_bold = self._font(6.5, bold=True)
        self.group = self._font(7.5, bold=True)
        self.tier = self._font(6.5)
        self.tier_bold = self._font(7, bold=True)
        self.caption = self._font(7.5, bold=True)
        self.caption_plain = self._font(7)

    def _font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(points * 72 / max(1, self.dpi))
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        if self.device is None:
            return QFontMetricsF(font)
        return QFontMetricsF(font, self.device)


# -- calendar words ------------------------------------------------------------------------------


def _day_text(d: date, with_year: bool) -> str:
    if japanese():
        return f"{d.year}年{d.month}月{d.day}日" if with_year else f"{d.month}月{d.day}日"
    text = f"{d.day} {month_name(d.month, False)}"
    return f"{text} {d.year}" if with_year else text


def _range_text(first: date, last: date, today: date) -> str:
    """'1 Dec – 28 Dec', with years when the range leaves this year."""
    years = first.year != last.year or first.year != today.year
    return f"{_day_text(first, years)} – {_day_text(last, years)}"


def _months(first: int, end: int):
    """(first ordinal, ordinal after, the 1st) of every month touching [first, end)."""
    d = date.fromordinal(first).replace(day=1)
    while d.toordinal() < end:
        following = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        yield d.toordinal(), following.toordinal(), d
        d = following


# -- painting ------------------------------------------------------------------------------------


def _conflict_glyph(painter: QPainter, centre: QPointF, size: float, ink: QColor) -> None:
    """An exclamation mark (white on the badge's colour, drawn by the caller's circle)."""
    pen = QPen(ink, max(0.8, size * 0.32))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(
        QPointF(centre.x(), centre.y() - size * 0.75), QPointF(centre.x(), centre.y() + size * 0.1)
    )
    painter.drawPoint(QPointF(centre.x(), centre.y() + size * 0.6))


def _warning_glyph(painter: QPainter, centre: QPointF, size: float, ink: QColor) -> None:
    glyphs.warning(painter, centre + QPointF(0, size * 0.08), size * 0.72, ink)


def _check(painter: QPainter, at: QPointF, size: float, colour: QColor) -> None:
    pen = QPen(colour, 1.3)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPolyline(
        QPolygonF(
            [
                QPointF(at.x(), at.y()),
                QPointF(at.x() + size * 0.35, at.y() + size * 0.4),
                QPointF(at.x() + size, at.y() - size * 0.5),
            ]
        )
    )


class _Painter:
    """One report's timeline: the layout, computed once, then painted page by page."""

    def __init__(self, pages: PageSink, session: BoardReadModel, task_ids: Sequence[int], **opts):
        self.pages = pages
        self.session = session
        self.theme: Theme = opts.get("theme", LIGHT)
        self.label_width = float(opts.get("label_width", LABEL_WIDTH))
        self.board = session.board
        self.today = session.today()
        self.rows, self.spans = _rows(session, task_ids, self.theme)
        self.done = self.board.done_status_ids()
        self.conflicts: set[int] = {v.successor for v in violations(self.board, self.spans)}

    def run(self) -> int:
        pages = self.pages
        pages.new_page(landscape=True)
        self.fonts = _Fonts(pages.painter)
        body = pages.body()
        label_width = min(self.label_width, max(60.0, body.width() - MIN_CHART))
        self.label_width = label_width
        chart_width = body.width() - label_width
        self.axis = _axis(self.spans, self.today, chart_width)
        free = body.height() - CAPTION_HEIGHT - 2 * TIER_HEIGHT
        row_chunks = _row_chunks(self.rows, math.floor(free / ROW_HEIGHT))
        total = len(row_chunks) * self.axis.chunks
        part = 0
        for rows in row_chunks:
            for chunk in range(self.axis.chunks):
                if part:
                    pages.new_page(landscape=True)
                part += 1
                start = self.axis.first + chunk * self.axis.chunk_days
                end = min(start + self.axis.chunk_days, self.axis.first + self.axis.days)
                self._page(pages.body(), rows, start, end, part, total)
        return total

    # -- one page ---------------------------------------------------------------------------

    def _page(self, body: QRectF, rows: list[_Row], start: int, end: int, part: int, total: int):
        painter = self.pages.painter
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.left = body.left()
        self.chart_left = body.left() + self.label_width
        self.chart_right = self.chart_left + (end - start) * self.axis.ppd
        self.start = start
        header_top = body.top() + CAPTION_HEIGHT
        rows_top = header_top + 2 * TIER_HEIGHT
        rows_bottom = rows_top + len(rows) * ROW_HEIGHT
        self._caption(painter, body, start, end, part, total)
        chart = QRectF(
            self.chart_left, rows_top, self.chart_right - self.chart_left, rows_bottom - rows_top
        )
        self._grid(painter, chart, start, end)
        for index, row in enumerate(rows):
            top = rows_top + index * ROW_HEIGHT
            if row.task_id is None:
                self._group_row(painter, row, top)
        self._today_line(painter, chart, start, end)
        painter.save()
        painter.setClipRect(chart.adjusted(0, 0, 0, 1))
        for index, row in enumerate(rows):
            if row.task_id is not None:
                self._bar(painter, row.task_id, rows_top + index * ROW_HEIGHT, start, end)
        painter.restore()
        for index, row in enumerate(rows):
            top = rows_top + index * ROW_HEIGHT
            if row.task_id is not None:
                self._task_label(painter, row.task_id, top)
            painter.setPen(QPen(GRID_LIGHT, 0.4))
            painter.drawLine(
                QPointF(self.left, top + ROW_HEIGHT), QPointF(self.chart_right, top + ROW_HEIGHT)
            )
        self._header(painter, header_top, start, end)
        self._today_notch(painter, start, end, rows_top)
        painter.setPen(QPen(self.theme.card_border, 0.8))
        painter.drawLine(
            QPointF(self.chart_left, header_top),
            QPointF(self.chart_left, max(rows_bottom, rows_top)),
        )
        if not rows:
            painter.setFont(self.fonts.label)
            painter.setPen(self.theme.muted)
            painter.drawText(
                QRectF(self.left, rows_top, body.width(), ROW_HEIGHT * 2),
                Qt.AlignmentFlag.AlignVCenter,
                _t("No tasks with dates."),
            )
        painter.restore()

    def _x(self, ordinal: float) -> float:
        return self.chart_left + (ordinal - self.start) * self.axis.ppd

    def _caption(self, painter, body: QRectF, start: int, end: int, part: int, total: int):
        """'Timeline — part 2 of 6 · 1 Dec – 28 Dec' and, on the right, a key."""
        first, last = date.fromordinal(start), date.fromordinal(end - 1)
        text = (
            _t("Timeline — part %1 of %2 · %3")
            .replace("%1", str(part))
            .replace("%2", str(total))
            .replace("%3", _range_text(first, last, self.today))
        )
        if total == 1:
            text = _t("Timeline · %1").replace("%1", _range_text(first, last, self.today))
        line = QRectF(body.left(), body.top(), body.width(), CAPTION_HEIGHT - 4)
        key_width = self._key(painter, line)
        painter.setFont(self.fonts.caption)
        painter.setPen(self.theme.text)
        room = max(0.0, line.width() - key_width - 12)
        text = self.fonts.metrics(self.fonts.caption).elidedText(
            text, Qt.TextElideMode.ElideRight, room
        )
        painter.drawText(
            QRectF(line.left(), line.top(), room, line.height()),
            Qt.AlignmentFlag.AlignVCenter,
            text,
        )

    def _key(self, painter: QPainter, line: QRectF) -> float:
        """What the marks mean, right-aligned on the caption line; returns its width."""
        theme = self.theme
        font = self.fonts.caption_plain
        metrics = self.fonts.metrics(font)
        entries = [
            ("today", _t("Today")),
            ("milestone", _t("Milestone")),
            ("risk", _t("At risk")),
            ("conflict", _t("Conflict")),
            ("done", _t("Done")),
        ]
        gap, icon = 9.0, 9.0
        width = sum(icon + 3 + metrics.horizontalAdvance(w) for _, w in entries)
        width += gap * (len(entries) - 1)
        if width > line.width() * 0.55:
            return 0.0
        x = line.right() - width
        cy = line.center().y()
        painter.setFont(font)
        for kind, word in entries:
            centre = QPointF(x + icon / 2, cy)
            if kind == "today":
                painter.setPen(QPen(theme.selection, 1.4))
                painter.drawLine(QPointF(centre.x(), cy - 4), QPointF(centre.x(), cy + 4))
            elif kind == "milestone":
                self._diamond(painter, centre, 3.6, mix(NO_TEAM, WHITE, 0.8), NO_TEAM.darker(150))
            elif kind == "risk":
                self._badge_glyph(painter, centre, _Mark(_warning_glyph, theme.risk, word))
            elif kind == "conflict":
                self._badge_glyph(painter, centre, _Mark(_conflict_glyph, theme.late, word))
            else:
                _check(painter, QPointF(centre.x() - 3.5, cy), 7, theme.done)
            painter.setFont(font)
            painter.setPen(theme.muted)
            text_width = metrics.horizontalAdvance(word)
            painter.drawText(
                QRectF(x + icon + 3, line.top(), text_width + 1, line.height()),
                Qt.AlignmentFlag.AlignVCenter,
                word,
            )
            x += icon + 3 + text_width + gap
        return width

    def _grid(self, painter: QPainter, chart: QRectF, start: int, end: int) -> None:
        ppd = self.axis.ppd
        for day in range(start, end):
            if date.fromordinal(day).weekday() >= 5:
                painter.fillRect(QRectF(self._x(day), chart.top(), ppd, chart.height()), WEEKEND)
        for day in range(start, end + 1):
            d = date.fromordinal(day)
            if d.day == 1 or day in (start, end):
                painter.setPen(QPen(GRID_DARK, 0.6))
            elif d.weekday() == 0:
                painter.setPen(QPen(GRID_LIGHT, 0.6))
            else:
                continue
            painter.drawLine(
                QPointF(self._x(day), chart.top()), QPointF(self._x(day), chart.bottom())
            )

    def _today_x(self, start: int, end: int) -> float | None:
        today = self.today.toordinal()
        return self._x(today + 0.5) if start <= today < end else None

    def _today_line(self, painter: QPainter, chart: QRectF, start: int, end: int) -> None:
        x = self._today_x(start, end)
        if x is not None:
            painter.setPen(QPen(self.theme.selection, 1.2))
            painter.drawLine(QPointF(x, chart.top()), QPointF(x, chart.bottom()))

    def _today_notch(self, painter: QPainter, start: int, end: int, bottom: float) -> None:
        """A small triangle at the foot of the date header: today, in the dates too."""
        x = self._today_x(start, end)
        if x is None:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.selection)
        notch = [QPointF(x - 2.5, bottom - 3), QPointF(x + 2.5, bottom - 3), QPointF(x, bottom)]
        painter.drawPolygon(QPolygonF(notch))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    # -- the date header ----------------------------------------------------------------------

    def _header(self, painter: QPainter, top: float, start: int, end: int) -> None:
        theme, fonts = self.theme, self.fonts
        height = 2 * TIER_HEIGHT
        painter.fillRect(QRectF(self.left, top, self.chart_right - self.left, height), HEADER_BACK)
        # The label column's heading.
        painter.setFont(fonts.small_bold)
        painter.setPen(theme.muted)
        pad = 6.0
        owner_right = self.chart_left - pad
        heading = QRectF(
            self.left + pad, top + TIER_HEIGHT, self.label_width - 2 * pad, TIER_HEIGHT
        )
        painter.drawText(heading, Qt.AlignmentFlag.AlignVCenter, _t("Task"))
        painter.drawText(
            QRectF(self.left, heading.top(), owner_right - self.left, TIER_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            _t("Owner"),
        )
        months = [
            (max(s, start), min(e, end), month_labels(d), start <= s and e <= end)
            for s, e, d in _months(start, end)
        ]
        if self.axis.ppd >= 13:
            bottom = [(d, d + 1, day_labels(date.fromordinal(d)), True) for d in range(start, end)]
            centre = True
        else:
            bottom = [
                (w, w + 7, week_labels(date.fromordinal(w)), True) for w in range(start, end, 7)
            ]
            centre = False
        self._tier(painter, months, top, fonts.tier_bold, False)
        self._tier(painter, bottom, top + TIER_HEIGHT, fonts.tier, centre)
        painter.setPen(QPen(GRID_DARK, 0.6))
        painter.drawLine(
            QPointF(self.chart_left, top + TIER_HEIGHT),
            QPointF(self.chart_right, top + TIER_HEIGHT),
        )
        painter.setPen(QPen(theme.card_border, 0.8))
        painter.drawLine(QPointF(self.left, top + height), QPointF(self.chart_right, top + height))

    def _tier(self, painter: QPainter, units, top: float, font: QFont, centre: bool) -> None:
        """One tier: every unit gets the longest form of label that fits every unit that
        is whole on this page; a unit cut by the page edge may use a shorter form."""
        metrics = self.fonts.metrics(font)
        pad = 2.5
        widths = [self._x(e) - self._x(s) for s, e, _, _ in units]
        sized = [(w, u[2]) for w, u in zip(widths, units, strict=True) if u[3]]
        sized = sized or list(zip(widths, [u[2] for u in units], strict=True))
        forms = min(len(u[2]) for u in units)
        level = 0
        while level < forms - 1 and any(
            metrics.horizontalAdvance(labels[level]) > w - 2 * pad for w, labels in sized
        ):
            level += 1
        painter.setFont(font)
        for (s, _e, labels, _whole), width in zip(units, widths, strict=True):
            x0 = self._x(s)
            painter.setPen(QPen(GRID_DARK, 0.6))
            if s != self.start:
                painter.drawLine(QPointF(x0, top), QPointF(x0, top + TIER_HEIGHT))
            for label in labels[level:]:
                text_width = metrics.horizontalAdvance(label)
                if text_width <= width - 2 * pad or (centre and text_width <= width):
                    painter.setPen(self.theme.text)
                    left = x0 + (width - text_width) / 2 if centre else x0 + pad
                    painter.drawText(
                        QRectF(left, top, text_width + 1, TIER_HEIGHT),
                        Qt.AlignmentFlag.AlignVCenter,
                        label,
                    )
                    break

    # -- rows ---------------------------------------------------------------------------------

    def _group_row(self, painter: QPainter, row: _Row, top: float) -> None:
        theme, fonts = self.theme, self.fonts
        band = QRectF(self.left, top, self.chart_right - self.left, ROW_HEIGHT)
        painter.fillRect(band, theme.lane_header)
        painter.fillRect(QRectF(self.left, top + 2, 3, ROW_HEIGHT - 4), row.group.colour)
        title = row.group.title
        if row.continued:
            title = _t("%1 (continued)").replace("%1", title)
        count = str(row.group.count)
        small = fonts.metrics(fonts.small_bold)
        pill_w = small.horizontalAdvance(count) + 8
        metrics = fonts.metrics(fonts.group)
        room = self.label_width - 8 - 6 - pill_w - 6
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
        painter.setFont(fonts.group)
        painter.setPen(theme.text)
        painter.drawText(
            QRectF(self.left + 8, top, room, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, title
        )
        pill_h = small.height() + 1
        pill = QRectF(
            self.left + 8 + metrics.horizontalAdvance(title) + 5,
            top + (ROW_HEIGHT - pill_h) / 2,
            pill_w,
            pill_h,
        )
        path = QPainterPath()
        path.addRoundedRect(pill, pill_h / 2, pill_h / 2)
        painter.fillPath(path, theme.card)
        painter.setFont(fonts.small_bold)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, count)

    def _task_label(self, painter: QPainter, task_id: int, top: float) -> None:
        theme, fonts = self.theme, self.fonts
        task = self.board.tasks[task_id]
        done = task.status_id in self.done
        pad = 6.0
        right = self.chart_left - pad
        owner = self.board.people.get(task.owner_id) if task.owner_id is not None else None
        if owner is not None:
            metrics = fonts.metrics(fonts.small)
            name = metrics.elidedText(
                owner.name, Qt.TextElideMode.ElideRight, self.label_width * OWNER_SHARE
            )
            width = metrics.horizontalAdvance(name)
            painter.setFont(fonts.small)
            painter.setPen(theme.muted)
            painter.drawText(
                QRectF(right - width - 1, top, width + 1, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                name,
            )
            right -= width + 6
        left = self.left + 12
        metrics = fonts.metrics(fonts.label)
        title = metrics.elidedText(task.title, Qt.TextElideMode.ElideRight, max(0.0, right - left))
        painter.setFont(fonts.label)
        painter.setPen(theme.muted if done else theme.text)
        painter.drawText(
            QRectF(left, top, max(0.0, right - left), ROW_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter,
            title,
        )

    def _colours(self, task_id: int) -> tuple[QColor, QColor, QColor]:
        """(fill, progress, edge) of a bar, as on screen."""
        task = self.board.tasks[task_id]
        theme = self.theme
        if task.status_id in self.done:
            return theme.progress_track, theme.progress_track, theme.muted
        reasons = self.session.risk(task_id)
        if reasons:
            late = any(r.kind is RiskKind.OVERDUE for r in reasons)
            base = theme.late if late else theme.risk
            return mix(base, WHITE, 0.28), base, base
        team = self.board.teams.get(task.team_id) if task.team_id is not None else None
        if team is None:
            base = NO_TEAM
        else:
            base = theme.team_colours[team.position % len(theme.team_colours)]
        return mix(base, WHITE, 0.35), mix(base, WHITE, 0.8), base.darker(150)

    def _marks(self, task_id: int) -> list[_Mark]:
        theme = self.theme
        marks = []
        reasons = self.session.risk(task_id)
        if reasons:
            late = any(r.kind is RiskKind.OVERDUE for r in reasons)
            word = badge_word(reasons[0], QCoreApplication.translate)
            if len(reasons) > 1:
                word += f" +{len(reasons) - 1}"
            marks.append(_Mark(_warning_glyph, theme.late if late else theme.risk, word))
        if task_id in self.conflicts:
            marks.append(_Mark(_conflict_glyph, theme.late, _t("Conflict")))
        return marks

    def _bar(self, painter: QPainter, task_id: int, top: float, start: int, end: int) -> None:
        span = self.spans[task_id]
        first, last = span.first.toordinal(), span.last.toordinal()
        cy = top + ROW_HEIGHT / 2
        theme = self.theme
        if last < start or first >= end:
            self._off_page_hint(painter, cy, before=last < start)
            return
        task = self.board.tasks[task_id]
        done = task.status_id in self.done
        fill, progress_colour, edge = self._colours(task_id)
        ppd = self.axis.ppd
        if span.milestone:
            centre = QPointF(self._x(first + 0.5), cy)
            radius = min(ROW_HEIGHT * 0.34, max(3.5, ppd * 0.6))
            self._diamond(
                painter, centre, radius, theme.card_border if done else progress_colour, edge
            )
            bar_left, bar_right = centre.x() - radius, centre.x() + radius
        else:
            inset = min(0.8, ppd * 0.1)
            bar_left, bar_right = self._x(first) + inset, self._x(last + 1) - inset
            rect = QRectF(bar_left, cy - 4.5, bar_right - bar_left, 9)
            share = 0 if done else task.progress
            paint_bar(painter, rect, 2, fill, progress_colour, share, QPen(edge, 0.7))
        if last >= end:
            return  # its marks go on the page where it ends
        if done:
            _check(painter, QPointF(bar_right + 3, cy), 7, theme.done)
            return
        marks = self._marks(task_id)
        if marks:
            self._paint_marks(painter, marks, bar_left, bar_right, cy, first >= start)

    def _paint_marks(self, painter, marks: list[_Mark], bar_left, bar_right, cy, starts_here):
        """After the bar when they fit; else before it; else over the page's right edge."""
        metrics = self.fonts.metrics(self.fonts.small_bold)
        glyph, gap = 8.0, 4.0
        widths = [glyph + 2 + metrics.horizontalAdvance(m.word) for m in marks]
        total = sum(widths) + gap * (len(marks) - 1)
        if bar_right + 3 + total <= self.chart_right - 1:
            x = bar_right + 3
        elif starts_here and bar_left - 3 - total >= self.chart_left + 1:
            x = bar_left - 3 - total
        else:
            x = max(self.chart_left + 1, self.chart_right - 1 - total)
        for mark, width in zip(marks, widths, strict=True):
            box = QRectF(x - 1, cy - metrics.height() / 2, width + 2, metrics.height())
            painter.fillRect(box, QColor(255, 255, 255, 225))  # readable across grid and bars
            self._badge_glyph(painter, QPointF(x + glyph / 2, cy), mark)
            painter.setFont(self.fonts.small_bold)
            painter.setPen(mark.colour)
            painter.drawText(
                QRectF(x + glyph + 2, box.top(), width - glyph - 1, box.height()),
                Qt.AlignmentFlag.AlignVCenter,
                mark.word,
            )
            x += width + gap

    def _badge_glyph(self, painter: QPainter, centre: QPointF, mark: _Mark) -> None:
        radius = 4.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark.colour)
        painter.drawEllipse(centre, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        mark.glyph(painter, centre, radius * 0.75 * 1.4, WHITE)

    def _diamond(self, painter, centre: QPointF, radius: float, fill: QColor, edge: QColor):
        c, r = centre, radius
        painter.setPen(QPen(edge, 0.8))
        painter.setBrush(fill)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), c.y() - r),
                    QPointF(c.x() + r, c.y()),
                    QPointF(c.x(), c.y() + r),
                    QPointF(c.x() - r, c.y()),
                ]
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _off_page_hint(self, painter: QPainter, cy: float, before: bool) -> None:
        """A small muted arrowhead at the chart's edge: this task's bar is on another page."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(GRID_DARK)
        if before:
            x = self.chart_left + 2
            points = [QPointF(x, cy), QPointF(x + 4, cy - 3), QPointF(x + 4, cy + 3)]
        else:
            x = self.chart_right - 2
            points = [QPointF(x, cy), QPointF(x - 4, cy - 3), QPointF(x - 4, cy + 3)]
        painter.drawPolygon(QPolygonF(points))
        painter.setBrush(Qt.BrushStyle.NoBrush)


def paint_timeline(
    pages: PageSink,
    session: BoardReadModel,
    task_ids: Sequence[int],
    *,
    label_width: float = LABEL_WIDTH,
    theme: Theme = LIGHT,
) -> int:
    """Paint the timeline of ``task_ids`` (those without any date are left out) on as many
    landscape pages as it needs, starting a new page first; returns how many it used.

    Pages go row chunk by row chunk, and within one, time chunk by time chunk (left to
    right): lay a row chunk's pages side by side and they read as one chart."""
    return _Painter(pages, session, task_ids, label_width=label_width, theme=theme).run()
