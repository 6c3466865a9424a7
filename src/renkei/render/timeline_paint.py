"""One task's timeline row, painted: the bar or milestone diamond, the done check, the risk
and conflict marks, the handoff flags, and the row's label. Shared by the screen timeline,
the standup's timeline slide and the PDF's timeline pages.

The screen and the paper differ in size (pixels against points) and in a few habits that
follow from scrolling or not (a mark that runs off a page moves inside it; on screen it
stays after its bar); a ``BarStyle`` holds both, so there is one painter and two looks."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from renkei.render import glyphs
from renkei.render.bar import paint_bar
from renkei.render.bar_face import BarFace, BarTone
from renkei.render.theme import FONT_FAMILY, Theme, mix


@dataclass(frozen=True, slots=True)
class BarStyle:
    """Every size of a row's drawing, in the painter's units, and the surface's habits."""

    row_height: float
    bar_height: float
    radius: float  # the bar's corners
    edge_width: float
    diamond_edge: float
    diamond_min: float  # a milestone's radius: ppd * diamond_per_day within [min, max]
    diamond_max: float
    diamond_per_day: float = 0.0
    inset_max: float = 0.0  # a bar's ends stand in by ppd * inset_per_day, at most this
    inset_per_day: float = 0.0
    min_width: float = 0.0  # a bar is never narrower
    marks_gap: float = 3.0  # from the bar's end to its first mark or its check
    check_at: float = 6.0  # from there to the check's centre
    check_scale: float = 1.0
    check_width: float = 2.2
    badge_radius: float = 7.5  # the filled circle behind a mark's glyph
    badge_glyph: float = 4.2  # the warning sign's size inside it
    badge_glyph_drop: float = 0.0  # …moved down by this (the triangle's weight sits low)
    word_gap: float = 4.0  # from the badge to its word
    word_pad: float = 2.0  # the backing box's margin around the word
    mark_gap: float = 4.0  # between two marks
    conflict_mark: bool = False  # paper: a "Conflict" mark (the screen marks the arrow)
    keep_in_chart: bool = False  # paper: marks move before the bar or inside the page edge
    handoff_flags: bool = True
    # The label column.
    label_pad: float = 8.0  # from the column's right edge
    title_gap: float = 6.0  # between the title and what stands right of it
    owner_pill: bool = True  # the owner's short name in a pill (else the full name, muted)
    owner_share: float = 0.36  # the name takes at most this share of the column
    label_check: bool = True  # a check before the owner for finished work


def screen_style(row_height: float) -> BarStyle:
    """The screen's rows (pixels): bars half the row high."""
    bar_height = float(round(row_height * 0.5))
    diamond = bar_height / 2 + 1
    return BarStyle(
        row_height=row_height,
        bar_height=bar_height,
        radius=3.0,
        edge_width=1.2,
        diamond_edge=1.4,
        diamond_min=diamond,
        diamond_max=diamond,
        min_width=3.0,
        marks_gap=20.0,  # past the link handle
    )


def row_height(label_font: QFont) -> float:
    """The screen timeline's row height for its label font."""
    return float(max(32, math.ceil(QFontMetricsF(label_font).height() + 14)))


PAPER = BarStyle(
    row_height=15.0,
    bar_height=9.0,
    radius=2.0,
    edge_width=0.7,
    diamond_edge=0.8,
    diamond_min=3.5,
    diamond_max=15.0 * 0.34,
    diamond_per_day=0.6,
    inset_max=0.8,
    inset_per_day=0.1,
    marks_gap=3.0,
    check_at=5 * 7 / 11,  # the check's left end at the gap
    check_scale=7 / 11,
    check_width=1.3,
    badge_radius=4.0,
    badge_glyph=3.024,
    badge_glyph_drop=0.336,
    word_gap=2.0,
    word_pad=1.0,
    conflict_mark=True,
    keep_in_chart=True,
    handoff_flags=False,
    label_pad=6.0,
    title_gap=0.0,
    owner_pill=False,
    label_check=False,
)


@dataclass(frozen=True, slots=True)
class TimelineFonts:
    """The faces a timeline paints with; ``device`` (the PDF's) measures them in points."""

    label: QFont
    bold: QFont
    small: QFont
    small_bold: QFont
    tier: QFont
    tier_bold: QFont
    device: QPaintDevice | None = None

    def metrics(self, font: QFont) -> QFontMetricsF:
        if self.device is None:
            return QFontMetricsF(font)
        return QFontMetricsF(font, self.device)


def screen_fonts(base: QFont) -> TimelineFonts:
    """The bundled face at the screen timeline's sizes, relative to the widget's font."""

    def scaled(scale: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        if base.pointSizeF() > 0:
            font.setPointSizeF(base.pointSizeF() * scale)
        else:
            font.setPixelSize(max(8, round(base.pixelSize() * scale)))
        font.setBold(bold)
        return font

    return TimelineFonts(
        label=scaled(1.0),
        bold=scaled(1.0, True),
        small=scaled(0.88),
        small_bold=scaled(0.88, True),
        tier=scaled(0.92),
        tier_bold=scaled(0.95, True),
    )


def bar_colours(face: BarFace, theme: Theme) -> tuple[QColor, QColor, QColor]:
    """(fill, progress, edge) of a face's bar in ``theme``."""
    if face.tone is BarTone.DONE:
        return theme.progress_track, theme.progress_track, theme.muted
    paper = theme.card
    if face.tone in (BarTone.LATE, BarTone.AT_RISK):
        base = theme.late if face.tone is BarTone.LATE else theme.risk
        return mix(base, paper, 0.28), base, base
    if face.team_index is None:
        base = theme.no_team
    else:
        base = theme.team_colours[face.team_index % len(theme.team_colours)]
    edge = base.lighter(115) if theme.dark else base.darker(150)
    return mix(base, paper, 0.35), mix(base, paper, 0.8), edge


def milestone_radius(style: BarStyle, ppd: float) -> float:
    return min(style.diamond_max, max(style.diamond_min, ppd * style.diamond_per_day))


def bar_rect(
    first: int, last: int, x0: float, ppd: float, centre_y: float, style: BarStyle
) -> QRectF:
    """The bar of days ``first``…``last`` (a milestone's diamond's bounding square when they
    are one day) whose first day starts at x ``x0``."""
    if first == last:
        r = milestone_radius(style, ppd)
        centre_x = x0 + ppd / 2
        return QRectF(centre_x - r, centre_y - r, 2 * r, 2 * r)
    inset = min(style.inset_max, ppd * style.inset_per_day)
    left, right = x0 + inset, x0 + (last + 1 - first) * ppd - inset
    width = max(style.min_width, right - left)
    return QRectF(left, centre_y - style.bar_height / 2, width, style.bar_height)


def outline(painter: QPainter, rect: QRectF, milestone: bool, pen: QPen, grow: float) -> None:
    """A ring around a bar (rounded) or a milestone (a larger diamond), ``grow`` outside."""
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if milestone:
        c = rect.center()
        r = rect.width() / 2 + grow * 1.4
        painter.drawPolygon(
            QPolygonF(
                [QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                 QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())]
            )
        )  # fmt: skip
    else:
        painter.drawRoundedRect(rect.adjusted(-grow, -grow, grow, grow), 4, 4)


@dataclass(frozen=True, slots=True)
class RowPlace:
    """Where a row is drawn: its bar, the chart's visible edges, and how the days map to x
    (for the handoff flags): ``x0`` is the left of day ``first``."""

    bar: QRectF
    chart_left: float
    chart_right: float
    first: int
    x0: float
    ppd: float


def paint_bar_row(
    painter: QPainter,
    face: BarFace,
    place: RowPlace,
    style: BarStyle,
    theme: Theme,
    fonts: TimelineFonts,
    *,
    marks: bool = True,
    dimmed: bool = False,
    critical: bool = False,
    selected: bool = False,
) -> None:
    """The bar (or diamond) of ``face`` in ``place.bar``, its outlines, its check or marks
    (``marks`` False: they are drawn elsewhere, e.g. on the page where the bar ends), and
    its handoff flags."""
    rect = place.bar
    fill, progress, edge = bar_colours(face, theme)
    if dimmed:
        painter.setOpacity(0.35)
    if face.baseline is not None:
        paint_baseline(painter, face, place, style, theme)
    if face.milestone:
        ink = theme.card_border if face.done else progress
        glyphs.diamond(painter, rect.center(), rect.width() / 2, ink, edge, style.diamond_edge)
    else:
        paint_bar(painter, rect, style.radius, fill, progress, face.progress,
                  QPen(edge, style.edge_width))  # fmt: skip
    painter.setOpacity(1.0)
    if critical:
        outline(painter, rect, face.milestone, QPen(theme.critical, 3), 2.0)
    if selected:
        grow = 5.0 if critical else 2.5
        outline(painter, rect, face.milestone, QPen(theme.selection, 2.5), grow)
    if marks:
        x = rect.right() + style.marks_gap
        if face.done:
            if x > place.chart_left:
                paint_check(painter, QPointF(x + style.check_at, rect.center().y()), style, theme)
        else:
            _paint_marks(painter, face, place, style, theme, fonts)
    if style.handoff_flags and face.handoffs:
        paint_handoff_flags(painter, face, place, style, theme)


def paint_baseline(
    painter: QPainter, face: BarFace, place: RowPlace, style: BarStyle, theme: Theme
) -> None:
    """A slipped task's baseline as a ghost: a thin dashed bar just under the bar, from its
    first day to the day it was first due, ending in a tick (a hollow diamond for a task
    with a due date only), so the distance to the bar's end is how far it slipped."""
    assert face.baseline is not None
    bar = place.bar
    end_x = place.x0 + (face.baseline + 1 - place.first) * place.ppd
    y = bar.bottom() + max(2.0, style.bar_height * 0.12)
    pen = QPen(theme.muted, max(1.2, style.edge_width))
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen)
    if face.milestone:
        centre = QPointF(end_x - place.ppd / 2, bar.center().y())
        glyphs.diamond(painter, centre, bar.width() / 2, QColor(0, 0, 0, 0), theme.muted, 1.2)
    else:
        start_x = min(bar.left(), end_x - place.ppd)
        painter.drawLine(QPointF(start_x, y), QPointF(end_x, y))
        solid = QPen(theme.muted, max(1.2, style.edge_width))
        painter.setPen(solid)
        painter.drawLine(QPointF(end_x, y - 3), QPointF(end_x, y + 3))
    painter.restore()


def paint_check(painter: QPainter, at: QPointF, style: BarStyle, theme: Theme) -> None:
    pen = QPen(theme.done, style.check_width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    glyphs.check(painter, at, style.check_scale)


def _marks(face: BarFace, style: BarStyle, theme: Theme) -> list[tuple[str, QColor, str]]:
    """(glyph, colour, word) of each signal beside the bar: never colour alone."""
    found = []
    if face.risk_word:
        found.append(("warning", theme.late if face.late else theme.risk, face.risk_word))
    if style.conflict_mark and face.conflict:
        found.append(
            ("conflict", theme.late, QCoreApplication.translate("TimelineReport", "Conflict"))
        )
    return found


def _paint_marks(
    painter: QPainter,
    face: BarFace,
    place: RowPlace,
    style: BarStyle,
    theme: Theme,
    fonts: TimelineFonts,
) -> None:
    """After the bar; when they do not fit there, on paper before the bar or inside the
    page's edge, and on screen without the words that would run off."""
    marks = _marks(face, style, theme)
    if not marks:
        return
    rect = place.bar
    cy = rect.center().y()
    metrics = fonts.metrics(fonts.small_bold)
    badge = 2 * style.badge_radius
    widths = [badge + style.word_gap + metrics.horizontalAdvance(w) for _, _, w in marks]
    total = sum(widths) + style.mark_gap * (len(marks) - 1)
    x = rect.right() + style.marks_gap
    if style.keep_in_chart:
        if x + total > place.chart_right - 1:
            before = rect.left() - style.marks_gap - total
            if rect.left() >= place.chart_left and before >= place.chart_left + 1:
                x = before
            else:
                x = max(place.chart_left + 1, place.chart_right - 1 - total)
    elif x < place.chart_left + 2:
        return  # half under the label column it would read as a different word
    for (glyph, colour, word), width in zip(marks, widths, strict=True):
        paint_badge(painter, QPointF(x + style.badge_radius, cy), glyph, colour, style, theme)
        left = x + badge + style.word_gap
        text_width = metrics.horizontalAdvance(word)
        if style.keep_in_chart or left + text_width <= place.chart_right - 2:
            pad = style.word_pad
            box = QRectF(left - pad, cy - metrics.height() / 2, text_width + 2 * pad,
                         metrics.height())  # fmt: skip
            painter.fillRect(box, theme.label_back)  # readable across grid lines and bars
            painter.setFont(fonts.small_bold)
            painter.setPen(colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, word)
        x += width + style.mark_gap


def paint_badge(
    painter: QPainter, centre: QPointF, glyph: str, colour: QColor, style: BarStyle, theme: Theme
) -> None:
    """A mark's glyph, white on a filled circle of ``colour``: "warning" or "conflict"."""
    radius = style.badge_radius
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(centre, radius, radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if glyph == "warning":
        at = centre + QPointF(0, style.badge_glyph_drop)
        glyphs.warning(painter, at, style.badge_glyph, glyphs.WHITE)
    else:
        size = radius * 1.05
        exclamation(painter, centre, -0.75 * size, 0.1 * size, 0.6 * size,
                    max(0.8, size * 0.32), glyphs.WHITE)  # fmt: skip


def exclamation(
    painter: QPainter, centre: QPointF, top: float, bottom: float, dot: float, width: float,
    ink: QColor,
) -> None:  # fmt: skip
    """An exclamation mark: a stroke from ``top`` to ``bottom`` and a dot at ``dot`` (below
    the centre)."""
    pen = QPen(ink, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    x, y = centre.x(), centre.y()
    painter.drawLine(QPointF(x, y + top), QPointF(x, y + bottom))
    painter.drawPoint(QPointF(x, y + dot))


def handoff_flag_y(style: BarStyle) -> float:
    """A handoff flag's centre below its row's top: on the bar's top edge."""
    return (style.row_height - style.bar_height) / 2 - 1


def paint_handoff_flags(
    painter: QPainter, face: BarFace, place: RowPlace, style: BarStyle, theme: Theme
) -> None:
    """A flag on the bar's top edge at each handoff's sent day; one still waiting for
    acknowledgement is filled and ringed."""
    top = place.bar.center().y() - style.bar_height / 2 - 1
    half = place.ppd / 2
    colour = theme.handoff
    for mark in face.handoffs:
        x = place.x0 + (mark.day - place.first) * place.ppd + half
        if x < place.chart_left - 8:
            continue
        triangle = QPolygonF(
            [QPointF(x - 5, top - 4), QPointF(x + 5, top - 4), QPointF(x, top + 4)]
        )
        if mark.waiting:
            painter.setPen(QPen(colour, 1.6))
            painter.setBrush(theme.card)
            painter.drawEllipse(QPointF(x, top - 1), 7.5, 7.5)
        painter.setPen(QPen(colour, 1.4))
        painter.setBrush(colour if mark.waiting else theme.card)
        painter.drawPolygon(triangle)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def paint_row_label(
    painter: QPainter,
    face: BarFace,
    cell: QRectF,
    indent: float,
    style: BarStyle,
    theme: Theme,
    fonts: TimelineFonts,
    *,
    critical: bool = False,
) -> None:
    """The row's label in ``cell``: the title from ``indent``, and at the right a check for
    finished work, the owner (its short name in a pill, or the full name) and a "critical"
    pill."""
    right = cell.right() - style.label_pad
    cy = cell.center().y()
    if style.label_check:  # at the right edge, in a slot every row keeps: the checks line up
        if face.done:
            paint_check(painter, QPointF(right - 8, cy), style, theme)
        right -= 18
    if style.owner_pill:
        pill_h = fonts.metrics(fonts.small_bold).height() + 2
        pill_top = cy - pill_h / 2
        owner = pill_owner(face, cell.width() * style.owner_share, fonts)
        if owner:
            right = _pill(painter, right, pill_top, pill_h, owner,
                          theme.lane_header, theme.text, fonts)  # fmt: skip
        if critical:
            word = QCoreApplication.translate("Timeline", "critical")
            right = _pill(painter, right, pill_top, pill_h, word, theme.critical,
                          theme.card, fonts)  # fmt: skip
    elif face.owner_name:
        metrics = fonts.metrics(fonts.small)
        name = metrics.elidedText(
            face.owner_name, Qt.TextElideMode.ElideRight, cell.width() * style.owner_share
        )
        width = metrics.horizontalAdvance(name)
        painter.setFont(fonts.small)
        painter.setPen(theme.muted)
        painter.drawText(
            QRectF(right - width - 1, cell.top(), width + 1, cell.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            name,
        )
        right -= width + 6
    left = cell.left() + indent
    room = max(0.0, right - left - style.title_gap)
    title = fonts.metrics(fonts.label).elidedText(face.title, Qt.TextElideMode.ElideRight, room)
    painter.setFont(fonts.label)
    painter.setPen(theme.muted if face.done else theme.text)
    painter.drawText(QRectF(left, cell.top(), room, cell.height()),
                     Qt.AlignmentFlag.AlignVCenter, title)  # fmt: skip


def pill_owner(face: BarFace, room: float, fonts: TimelineFonts) -> str:
    """What the owner's pill says: the name as the cards say it ("Haruka A.", "青木") when
    its pill fits in ``room``, else the initials (the tooltip names the owner in full)."""
    if face.owner_label and _pill_width(face.owner_label, fonts) <= room:
        return face.owner_label
    return face.owner_initials


def _pill_width(text: str, fonts: TimelineFonts) -> float:
    return fonts.metrics(fonts.small_bold).horizontalAdvance(text) + 12


def _pill(
    painter: QPainter, right: float, top: float, height: float, text: str, back: QColor,
    ink: QColor, fonts: TimelineFonts,
) -> float:  # fmt: skip
    """A small rounded tag ending at ``right``; returns where the next one may end."""
    painter.setFont(fonts.small_bold)
    width = _pill_width(text, fonts)
    rect = QRectF(right - width, top, width, height)
    path = QPainterPath()
    path.addRoundedRect(rect, height / 2, height / 2)
    painter.fillPath(path, back)
    painter.setPen(ink)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return rect.left() - 5
