"""One page of the paper timeline, painted: the caption and key, the date header, the grid
and weekends, the today line, the group rows, and each task's row through the shared row
painter (``timeline_paint``, the screen's) in its paper style.

All geometry is in points in the page sink's coordinates; fonts are sized for the sink's
paint device so that text is as many points high on paper as it says."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPen, QPolygonF

from renkei.i18n import arg
from renkei.render import glyphs
from renkei.render.bar_face import BarFace, BarTone
from renkei.render.calendar_labels import day_labels, week_labels
from renkei.render.theme import FONT_FAMILY, Theme
from renkei.render.timeline_header import Placed, TierStyle, paint_tier, tier_labels
from renkei.render.timeline_header import months as month_units
from renkei.render.timeline_page_layout import (
    CAPTION_HEIGHT,
    TIER_HEIGHT,
    Axis,
    PageRow,
    range_text,
)
from renkei.render.timeline_paint import (
    PAPER,
    RowPlace,
    TimelineFonts,
    bar_colours,
    bar_rect,
    paint_badge,
    paint_bar_row,
    paint_check,
    paint_row_label,
)

ROW_HEIGHT = PAPER.row_height


class PageFonts:
    """The bundled face (named, so Japanese never falls back to another font in the PDF),
    sized in points of the painter's coordinates whatever the device's resolution."""

    def __init__(self, painter: QPainter):
        device = painter.device()
        self.dpi = device.logicalDpiY() if device is not None else 72
        self.rows = TimelineFonts(
            label=self._font(7.5),
            bold=self._font(7.5, bold=True),
            small=self._font(6.5),
            small_bold=self._font(6.5, bold=True),
            tier=self._font(6.5),
            tier_bold=self._font(7, bold=True),
            device=device,
        )
        self.caption = self._font(7.5, bold=True)
        self.caption_plain = self._font(7)
        self.metrics = self.rows.metrics

    def _font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(points * 72 / max(1, self.dpi))
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font


class PagePainter:
    """Paints pages of one report's timeline: the faces are built once, for every page."""

    def __init__(self, painter: QPainter, theme: Theme, axis: Axis, label_width: float,
                 today: date, faces: dict[int, BarFace]):  # fmt: skip
        self.painter = painter
        self.theme = theme
        self.axis = axis
        self.label_width = label_width
        self.today = today
        self.faces = faces
        self.fonts = PageFonts(painter)

    def page(self, body: QRectF, rows: list[PageRow], start: int, end: int, part: int,
             total: int) -> None:  # fmt: skip
        """Days ``start``…``end`` (excluded) of ``rows``: page ``part`` of ``total``."""
        painter = self.painter
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.left = body.left()
        self.chart_left = body.left() + self.label_width
        self.chart_right = self.chart_left + (end - start) * self.axis.ppd
        self.start = start
        header_top = body.top() + CAPTION_HEIGHT
        rows_top = header_top + 2 * TIER_HEIGHT
        rows_bottom = rows_top + len(rows) * ROW_HEIGHT
        self._caption(body, start, end, part, total)
        chart = QRectF(
            self.chart_left, rows_top, self.chart_right - self.chart_left, rows_bottom - rows_top
        )
        self._grid(chart, start, end)
        for index, row in enumerate(rows):
            if row.task_id is None:
                self._group_row(row, rows_top + index * ROW_HEIGHT)
        self._today_line(chart, start, end)
        painter.save()
        painter.setClipRect(chart.adjusted(0, 0, 0, 1))
        for index, row in enumerate(rows):
            if row.task_id is not None:
                self._bar(self.faces[row.task_id], rows_top + index * ROW_HEIGHT, start, end)
        painter.restore()
        fonts = self.fonts.rows
        for index, row in enumerate(rows):
            top = rows_top + index * ROW_HEIGHT
            if row.task_id is not None:
                cell = QRectF(self.left, top, self.label_width, ROW_HEIGHT)
                paint_row_label(painter, self.faces[row.task_id], cell, 12, PAPER, self.theme,
                                fonts)  # fmt: skip
            painter.setPen(QPen(self.theme.grid, 0.4))
            painter.drawLine(
                QPointF(self.left, top + ROW_HEIGHT), QPointF(self.chart_right, top + ROW_HEIGHT)
            )
        self._header(header_top, start, end)
        self._today_notch(start, end, rows_top)
        painter.setPen(QPen(self.theme.card_border, 0.8))
        painter.drawLine(
            QPointF(self.chart_left, header_top),
            QPointF(self.chart_left, max(rows_bottom, rows_top)),
        )
        if not rows:
            painter.setFont(fonts.label)
            painter.setPen(self.theme.muted)
            painter.drawText(
                QRectF(self.left, rows_top, body.width(), ROW_HEIGHT * 2),
                Qt.AlignmentFlag.AlignVCenter,
                QCoreApplication.translate("TimelineReport", "No tasks with dates."),
            )
        painter.restore()

    def _x(self, ordinal: float) -> float:
        return self.chart_left + (ordinal - self.start) * self.axis.ppd

    # -- the caption and its key -------------------------------------------------------------

    def _caption(self, body: QRectF, start: int, end: int, part: int, total: int) -> None:
        """'Timeline — part 2 of 6 · 1 Dec – 28 Dec' and, on the right, a key."""
        painter = self.painter
        first, last = date.fromordinal(start), date.fromordinal(end - 1)
        text = arg(
            QCoreApplication.translate("TimelineReport", "Timeline — part %1 of %2 · %3"),
            str(part),
            str(total),
            range_text(first, last, self.today),
        )
        if total == 1:
            text = arg(
                QCoreApplication.translate("TimelineReport", "Timeline · %1"),
                range_text(first, last, self.today),
            )
        line = QRectF(body.left(), body.top(), body.width(), CAPTION_HEIGHT - 4)
        key_width = self._key(line)
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

    def _key(self, line: QRectF) -> float:
        """What the marks mean, right-aligned on the caption line; returns its width."""
        painter, theme = self.painter, self.theme
        font = self.fonts.caption_plain
        metrics = self.fonts.metrics(font)
        entries = [
            ("today", QCoreApplication.translate("TimelineReport", "Today")),
            ("milestone", QCoreApplication.translate("TimelineReport", "Milestone")),
            ("risk", QCoreApplication.translate("TimelineReport", "At risk")),
            ("conflict", QCoreApplication.translate("TimelineReport", "Conflict")),
            ("done", QCoreApplication.translate("TimelineReport", "Done")),
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
                _, fill, edge = bar_colours(BarFace(0, "", 0, 0, BarTone.TEAM), theme)
                glyphs.diamond(painter, centre, 3.6, fill, edge, PAPER.diamond_edge)
            elif kind == "risk":
                paint_badge(painter, centre, "warning", theme.risk, PAPER, theme)
            elif kind == "conflict":
                paint_badge(painter, centre, "conflict", theme.late, PAPER, theme)
            else:
                left = centre.x() - 3.5  # the check's left end
                paint_check(painter, QPointF(left + PAPER.check_at, cy), PAPER, theme)
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

    # -- the grid and today ---------------------------------------------------------------------

    def _grid(self, chart: QRectF, start: int, end: int) -> None:
        painter, theme, ppd = self.painter, self.theme, self.axis.ppd
        for day in range(start, end):
            if date.fromordinal(day).weekday() >= 5:
                painter.fillRect(
                    QRectF(self._x(day), chart.top(), ppd, chart.height()), theme.weekend
                )
        for day in range(start, end + 1):
            d = date.fromordinal(day)
            if d.day == 1 or day in (start, end):
                painter.setPen(QPen(theme.grid_strong, 0.6))
            elif d.weekday() == 0:
                painter.setPen(QPen(theme.grid, 0.6))
            else:
                continue
            painter.drawLine(
                QPointF(self._x(day), chart.top()), QPointF(self._x(day), chart.bottom())
            )

    def _today_x(self, start: int, end: int) -> float | None:
        today = self.today.toordinal()
        return self._x(today + 0.5) if start <= today < end else None

    def _today_line(self, chart: QRectF, start: int, end: int) -> None:
        x = self._today_x(start, end)
        if x is not None:
            self.painter.setPen(QPen(self.theme.selection, 1.2))
            self.painter.drawLine(QPointF(x, chart.top()), QPointF(x, chart.bottom()))

    def _today_notch(self, start: int, end: int, bottom: float) -> None:
        """A small triangle at the foot of the date header: today, in the dates too."""
        x = self._today_x(start, end)
        if x is None:
            return
        painter = self.painter
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.selection)
        notch = [QPointF(x - 2.5, bottom - 3), QPointF(x + 2.5, bottom - 3), QPointF(x, bottom)]
        painter.drawPolygon(QPolygonF(notch))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    # -- the date header ---------------------------------------------------------------------

    def _header(self, top: float, start: int, end: int) -> None:
        painter, theme, fonts = self.painter, self.theme, self.fonts.rows
        height = 2 * TIER_HEIGHT
        painter.fillRect(QRectF(self.left, top, self.chart_right - self.left, height),
                         theme.header)  # fmt: skip
        # The label column's heading.
        painter.setFont(fonts.small_bold)
        painter.setPen(theme.muted)
        pad = 6.0
        owner_right = self.chart_left - pad
        heading = QRectF(
            self.left + pad, top + TIER_HEIGHT, self.label_width - 2 * pad, TIER_HEIGHT
        )
        painter.drawText(
            heading,
            Qt.AlignmentFlag.AlignVCenter,
            QCoreApplication.translate("TimelineReport", "Task"),
        )
        painter.drawText(
            QRectF(self.left, heading.top(), owner_right - self.left, TIER_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            QCoreApplication.translate("TimelineReport", "Owner"),
        )
        months = self._units(list(month_units(start, end - 1)), start, end)
        if self.axis.ppd >= 13:
            bottom = [(d, d + 1, day_labels(date.fromordinal(d))) for d in range(start, end)]
            centre = True
        else:
            bottom = [(w, w + 7, week_labels(date.fromordinal(w))) for w in range(start, end, 7)]
            centre = False
        self._tier(months, top, fonts.tier_bold, False)
        self._tier(self._units(bottom, start, end), top + TIER_HEIGHT, fonts.tier, centre)
        painter.setPen(QPen(theme.grid_strong, 0.6))
        painter.drawLine(
            QPointF(self.chart_left, top + TIER_HEIGHT),
            QPointF(self.chart_right, top + TIER_HEIGHT),
        )
        painter.setPen(QPen(theme.card_border, 0.8))
        painter.drawLine(QPointF(self.left, top + height), QPointF(self.chart_right, top + height))

    def _units(self, units, start: int, end: int) -> list[Placed]:
        """Units cut to this page; a unit is whole when the page holds all its days."""
        return [
            Placed(self._x(max(s, start)), self._x(min(e, end)), labels, start <= s and e <= end)
            for s, e, labels in units
        ]

    def _tier(self, units: list[Placed], top: float, font: QFont, centre: bool) -> None:
        style = TierStyle(TIER_HEIGHT, pad=2.5, inset=2.5, centre=centre)
        metrics = self.fonts.metrics(font)
        edges, labels = tier_labels(units, self.chart_left, self.chart_right, top, metrics, style)
        edges = [x for x in edges if x > self.chart_left]  # the page's edge has its own line
        paint_tier(self.painter, edges, labels, top, style, font, self.theme, 0.6)

    # -- rows ---------------------------------------------------------------------------------

    def _group_row(self, row: PageRow, top: float) -> None:
        painter, theme, fonts = self.painter, self.theme, self.fonts.rows
        band = QRectF(self.left, top, self.chart_right - self.left, ROW_HEIGHT)
        painter.fillRect(band, theme.lane_header)
        painter.fillRect(QRectF(self.left, top + 2, 3, ROW_HEIGHT - 4), row.group.colour)
        title = row.group.title
        if row.continued:
            title = arg(QCoreApplication.translate("TimelineReport", "%1 (continued)"), title)
        count = str(row.group.count)
        small = fonts.metrics(fonts.small_bold)
        pill_w = small.horizontalAdvance(count) + 8
        metrics = fonts.metrics(fonts.bold)
        room = self.label_width - 8 - 6 - pill_w - 6
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
        painter.setFont(fonts.bold)
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

    def _bar(self, face: BarFace, top: float, start: int, end: int) -> None:
        cy = top + ROW_HEIGHT / 2
        if face.last < start or face.first >= end:
            self._off_page_hint(cy, before=face.last < start)
            return
        x0 = self._x(face.first)
        rect = bar_rect(face.first, face.last, x0, self.axis.ppd, cy, PAPER)
        place = RowPlace(rect, self.chart_left, self.chart_right, face.first, x0, self.axis.ppd)
        # A bar that runs on to the next page gets its marks there, where it ends.
        paint_bar_row(self.painter, face, place, PAPER, self.theme, self.fonts.rows,
                      marks=face.last < end)  # fmt: skip

    def _off_page_hint(self, cy: float, before: bool) -> None:
        """A small muted arrowhead at the chart's edge: this task's bar is on another page."""
        painter = self.painter
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.grid_strong)
        if before:
            x = self.chart_left + 2
            points = [QPointF(x, cy), QPointF(x + 4, cy - 3), QPointF(x + 4, cy + 3)]
        else:
            x = self.chart_right - 2
            points = [QPointF(x, cy), QPointF(x - 4, cy - 3), QPointF(x - 4, cy + 3)]
        painter.drawPolygon(QPolygonF(points))
        painter.setBrush(Qt.BrushStyle.NoBrush)

