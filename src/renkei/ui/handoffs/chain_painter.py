"""Painting a handoff chain: the title and verdict, the date axis, one band per hop with its
bar (hatched while waiting, solid once acknowledged), the breaking hop's warm band and "Lost
here" pill, "now", and the legend. Signs come from ``render.glyphs``; this draws what
``chain_layout`` computed, at the places its ``ChainAxis`` gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from renkei.domain.handoff import HandoffState
from renkei.render import glyphs
from renkei.render.theme import Theme, mix
from renkei.ui.handoffs.chain_layout import (
    AXIS_GAP,
    MARGIN,
    RIGHT_PAD,
    Chain,
    ChainAxis,
    ChainMetrics,
    HopRow,
    span_words,
    stamp,
)


@dataclass(frozen=True)
class ChainScene:
    """Everything one paint of the chain needs besides the painter."""

    chain: Chain
    metrics: ChainMetrics
    axis: ChainAxis
    theme: Theme
    font: Callable[[float, bool], QFont]  # the view's font at a scale, bold or not
    width: float
    height: float
    hover: int | None = None
    current: int | None = None  # outlined while the view has the focus
    focused: bool = False

    def x_of(self, moment: float) -> float:
        return self.axis.x_of(moment)

    def ticks(self) -> list[tuple[float, str]]:
        if not self.chain.rows:
            return []
        metrics = QFontMetricsF(self.font(0.92, False))
        return self.axis.ticks(metrics.horizontalAdvance)

    def now_label_rect(self) -> QRectF:
        width = (
            QFontMetricsF(self.font(0.92, True)).horizontalAdvance(
                QCoreApplication.translate("Handoffs", "Now")
            )
            + 8
        )
        x = self.x_of(self.chain.now)
        _left, right = self.axis.span()
        x = min(x, right + RIGHT_PAD - width / 2)
        return QRectF(x - width / 2, self.metrics.header, width, self.metrics.axis - 4)

    def row_background(self, row: HopRow) -> QColor:
        """Opaque, so text drawn on it can cover the grid: a warm band on the breaking hop."""
        theme = self.theme
        if row.breaking:
            return mix(theme.late, theme.card, 0.13)
        if row.index == self.hover and row.handoff_id is not None:
            return theme.window
        return theme.card


def paint_chain(painter: QPainter, scene: ChainScene) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, scene.width, scene.height), scene.theme.card)
    _paint_header(painter, scene)
    rows = scene.chain.rows
    if rows:
        for row in rows:
            _paint_row_background(painter, scene, row)
        _paint_axis(painter, scene)
        for row in rows:
            _paint_row(painter, scene, row)
        _paint_now(painter, scene)
        _paint_legend(painter, scene)


def _elided(painter: QPainter, text: str, width: float) -> str:
    return QFontMetricsF(painter.font()).elidedText(text, Qt.TextElideMode.ElideRight, width)


def _paint_header(painter: QPainter, scene: ChainScene) -> None:
    theme, chain, m = scene.theme, scene.chain, scene.metrics
    width = scene.width - 2 * MARGIN
    y = float(MARGIN)
    if chain.title:
        painter.setFont(scene.font(1.3, True))
        painter.setPen(theme.text)
        text = _elided(painter, chain.title, width)
        painter.drawText(QRectF(MARGIN, y, width, m.title), Qt.AlignmentFlag.AlignVCenter, text)
        y += m.title + 4
    painter.setFont(scene.font(1.0, chain.verdict_kind != "none"))
    x = float(MARGIN)
    rect_h = m.verdict
    radius = rect_h * 0.36
    centre = QPointF(x + radius, y + rect_h / 2)
    if chain.verdict_kind == "broke":
        glyphs.on_disc(painter, glyphs.warning, centre, radius, theme.late)
        x += 2 * radius + 8
        painter.setPen(theme.late)
    elif chain.verdict_kind == "ok":
        glyphs.on_disc(painter, _tick, centre, radius, theme.done, theme.badge_ink)
        x += 2 * radius + 8
        painter.setPen(theme.done)
    else:
        painter.setPen(theme.muted)
    text = _elided(painter, chain.verdict, scene.width - MARGIN - x)
    painter.drawText(
        QRectF(x, y, scene.width - MARGIN - x, rect_h), Qt.AlignmentFlag.AlignVCenter, text
    )


def _tick(painter: QPainter, centre: QPointF, size: float, ink: QColor) -> None:
    """``glyphs.check`` as a sign of ``size`` (what ``on_disc`` hands a sign: 0.56 × radius)."""
    radius = size / 0.56
    painter.setPen(QPen(ink, max(1.5, radius * 0.28)))
    glyphs.check(painter, centre, radius * 0.09)


def _paint_axis(painter: QPainter, scene: ChainScene) -> None:
    theme, m = scene.theme, scene.metrics
    top = m.header
    left, right = scene.axis.span()
    painter.setFont(scene.font(0.92, False))
    metrics = QFontMetricsF(painter.font())
    taken: list[QRectF] = [scene.now_label_rect().adjusted(-10, 0, 10, 0)]
    grid = QPen(theme.progress_track, 1)
    rows_top = top + m.axis
    painter.setPen(QPen(theme.card_border, 1))
    painter.drawLine(QPointF(left, rows_top - 0.5), QPointF(right, rows_top - 0.5))
    for x, label in scene.ticks():
        width = metrics.horizontalAdvance(label)
        rect = QRectF(x - width / 2, top, width, m.axis - 4)
        if rect.left() < left - AXIS_GAP / 2:
            rect.moveLeft(left - AXIS_GAP / 2)
        if rect.right() > scene.width - 2:
            rect.moveRight(scene.width - 2)
        painter.setPen(grid)
        for row in scene.chain.rows:  # grid lines only behind the bars, never through text
            painter.drawLine(QPointF(x, row.top + 2), QPointF(x, row.top + row.main_height - 2))
        painter.setPen(QPen(theme.card_border, 1))
        painter.drawLine(QPointF(x, rows_top - 5), QPointF(x, rows_top))
        if any(rect.intersects(other) for other in taken):
            continue
        taken.append(rect.adjusted(-6, 0, 6, 0))
        painter.setPen(theme.muted)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


def _paint_now(painter: QPainter, scene: ChainScene) -> None:
    theme = scene.theme
    x = scene.x_of(scene.chain.now)
    painter.setFont(scene.font(0.92, True))
    painter.setPen(theme.selection)
    painter.drawText(
        scene.now_label_rect(),
        Qt.AlignmentFlag.AlignCenter,
        QCoreApplication.translate("Handoffs", "Now"),
    )
    painter.setPen(QPen(theme.selection, 1.5, Qt.PenStyle.DashLine))
    for row in scene.chain.rows:
        painter.drawLine(QPointF(x, row.top + 1), QPointF(x, row.top + row.main_height - 1))


def _paint_row_background(painter: QPainter, scene: ChainScene, row: HopRow) -> None:
    painter.fillRect(QRectF(0, row.top, scene.width, row.height), scene.row_background(row))
    if row.breaking:
        painter.fillRect(QRectF(0, row.top, 5, row.height), scene.theme.late)


def _paint_row(painter: QPainter, scene: ChainScene, row: HopRow) -> None:
    theme, width = scene.theme, scene.width
    rect = QRectF(0, row.top, width, row.height)
    if row.index == scene.current and scene.focused:
        painter.setPen(QPen(theme.selection, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
    # Left column: "N. Team → Team" and, smaller, "Person → Person · State".
    left_w = scene.axis.left_width
    x = float(MARGIN)
    label_font = scene.font(1.05, True)
    small_font = scene.font(0.92, False)
    label_h = QFontMetricsF(label_font).height()
    small_h = QFontMetricsF(small_font).height()
    block = label_h + small_h + 2
    y = row.top + (row.main_height - block) / 2
    painter.setFont(label_font)
    painter.setPen(theme.text)
    text = _elided(painter, row.label, left_w)
    painter.drawText(QRectF(x, y, left_w, label_h), Qt.AlignmentFlag.AlignVCenter, text)
    painter.setFont(small_font)
    painter.setPen(theme.muted)
    text = _elided(painter, f"{row.people} · {row.state}", left_w)
    painter.drawText(
        QRectF(x, y + label_h + 2, left_w, small_h), Qt.AlignmentFlag.AlignVCenter, text
    )
    _paint_bar(painter, scene, row)
    if row.findings_text:
        _paint_findings(painter, scene, row)
    painter.setPen(QPen(theme.progress_track, 1))
    bottom = row.top + row.height - 0.5
    painter.drawLine(QPointF(0, bottom), QPointF(width, bottom))


def _paint_bar(painter: QPainter, scene: ChainScene, row: HopRow) -> None:
    theme = scene.theme
    centre = row.top + row.main_height / 2
    h = row.entry.handoff
    if h is None:  # a change of hands without a record: a hollow diamond
        x = scene.x_of(stamp(row.entry.at))
        glyphs.diamond(painter, QPointF(x, centre), 7.0, theme.card, theme.blocked, 2.2)
        return
    bar_h = 12.0
    sent = scene.x_of(stamp(h.sent_at))
    now = scene.x_of(scene.chain.now)
    ack = scene.x_of(stamp(h.acknowledged_at)) if h.acknowledged_at else None
    resolved = scene.x_of(stamp(h.resolved_at)) if h.resolved_at else None
    if h.state is HandoffState.ACCEPTED:
        decided = theme.done
    elif h.state in (HandoffState.RETURNED, HandoffState.REJECTED):
        decided = theme.late
    else:
        decided = theme.progress
    # Waiting for acknowledgement: hatched, dashed outline; up to now while still open.
    wait_end = ack if ack is not None else (now if h.state.is_open else resolved or sent)
    hatched(painter, sent, wait_end, centre, bar_h, theme.muted)
    if ack is not None:
        end = resolved if resolved is not None else now
        colour = QColor(decided)
        if resolved is None:
            colour.setAlpha(150)  # acknowledged, decision still open
        left = ack
        right = max(end, left + 3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(left, centre - bar_h / 2, right - left, bar_h), 3, 3)
    if ack is None and h.state.is_open or (ack is not None and resolved is None):
        _open_end(painter, theme, now, centre, bar_h)
    _dot(painter, theme, sent, centre, theme.muted)
    if ack is not None:
        _dot(painter, theme, ack, centre, decided)
    if resolved is not None and (ack is None or abs(resolved - ack) > 0.5):
        _dot(painter, theme, resolved, centre, decided)
    right_end = max(x for x in (sent, ack, resolved, wait_end) if x is not None)
    if h.state.is_open:
        right_end = max(right_end, now + 4)
    _paint_span_label(painter, scene, row, sent, right_end, centre)


def _paint_span_label(
    painter: QPainter, scene: ChainScene, row: HopRow, start: float, end: float, centre: float
) -> None:
    """'acknowledged in 1 h' / 'waiting 3 d' beside the bar, where there is room."""
    text = span_words(row, scene.chain.now)
    if not text:
        return
    font = scene.font(0.85, False)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(text) + 2
    left, right = scene.axis.span()
    now = scene.x_of(scene.chain.now)
    limit = now - 8 if end < now - 8 else right + RIGHT_PAD
    if end + 10 + width <= limit:
        x = end + 10
    elif start - 10 - width >= left:
        x = start - 10 - width
    else:
        return
    painter.setFont(font)
    height = metrics.height()
    painter.fillRect(
        QRectF(x - 3, centre - height / 2 - 6, width + 6, height + 12), scene.row_background(row)
    )
    painter.setPen(scene.theme.muted)
    painter.drawText(
        QRectF(x, centre - height / 2, width, height), Qt.AlignmentFlag.AlignVCenter, text
    )


def hatched(
    painter: QPainter, x1: float, x2: float, centre: float, bar_h: float, colour: QColor
) -> None:
    """A hop waiting for acknowledgement: a faint hatched bar with a dashed edge."""
    left, right = min(x1, x2), max(x1, x2)
    right = max(right, left + 3)
    rect = QRectF(left, centre - bar_h / 2, right - left, bar_h)
    fill = QColor(colour)
    fill.setAlpha(36)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRect(rect)
    painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
    painter.drawRect(rect)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
    painter.drawRect(rect)


def _open_end(painter: QPainter, theme: Theme, x: float, centre: float, bar_h: float) -> None:
    """A small chevron at 'now': the hop is still waiting."""
    painter.setPen(QPen(theme.text, 1.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = bar_h / 2 + 2
    painter.drawPolyline(
        QPolygonF(
            [QPointF(x - 2, centre - half), QPointF(x + 4, centre), QPointF(x - 2, centre + half)]
        )
    )


def _dot(painter: QPainter, theme: Theme, x: float, centre: float, colour: QColor) -> None:
    painter.setPen(QPen(theme.card, 1.5))
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(x, centre), 5.5, 5.5)


def _paint_findings(painter: QPainter, scene: ChainScene, row: HopRow) -> None:
    theme, m = scene.theme, scene.metrics
    top = row.top + row.main_height - 4
    line_h = m.findings
    centre_y = top + line_h / 2
    x = float(MARGIN) + 6
    small = scene.font(0.92, False)
    bold = scene.font(0.92, True)
    if row.breaking:
        word = (
            QCoreApplication.translate("Handoffs", "Lost here")
            if row.lost_here
            else QCoreApplication.translate("Handoffs", "Broke here")
        )
        word_w = QFontMetricsF(bold).horizontalAdvance(word)
        radius = m.small * 0.32
        pill = QRectF(x, top + 2, word_w + 2 * radius + 20, line_h - 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.late)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        glyphs.warning(
            painter, QPointF(pill.left() + 8 + radius, centre_y), radius, theme.badge_ink
        )
        painter.setFont(bold)
        painter.setPen(theme.badge_ink)
        painter.drawText(
            QRectF(pill.left() + 2 * radius + 12, pill.top(), word_w + 2, pill.height()),
            Qt.AlignmentFlag.AlignVCenter,
            word,
        )
        x = pill.right() + 8
    else:
        radius = m.small * 0.36
        glyphs.on_disc(painter, glyphs.warning, QPointF(x + radius, centre_y), radius, theme.late)
        x += 2 * radius + 6
    painter.setFont(small)
    painter.setPen(theme.text)
    available = scene.width - MARGIN - x
    text = QFontMetricsF(small).elidedText(
        row.findings_text, Qt.TextElideMode.ElideRight, available
    )
    painter.drawText(QRectF(x, top, available, line_h), Qt.AlignmentFlag.AlignVCenter, text)


def _paint_legend(painter: QPainter, scene: ChainScene) -> None:
    theme, m = scene.theme, scene.metrics
    last = scene.chain.rows[-1]
    top = last.top + last.height + 6
    centre = top + (m.legend - 6) / 2
    painter.setFont(scene.font(0.92, False))
    metrics = QFontMetricsF(painter.font())
    x = float(MARGIN)
    entries = [
        ("wait", QCoreApplication.translate("Handoffs", "Waiting for acknowledgement")),
        ("solid", QCoreApplication.translate("Handoffs", "Acknowledged → decided")),
        ("diamond", QCoreApplication.translate("Handoffs", "No handoff record")),
        ("now", QCoreApplication.translate("Handoffs", "Now")),
    ]
    for kind, text in entries:
        needed = 30 + metrics.horizontalAdvance(text) + 18
        if x + needed > scene.width - MARGIN:
            break
        if kind == "wait":
            hatched(painter, x, x + 22, centre, 10, theme.muted)
        elif kind == "solid":
            painter.setPen(Qt.PenStyle.NoPen)
            for part, colour in enumerate((theme.done, theme.late, theme.progress)):
                painter.setBrush(colour)
                painter.drawRect(QRectF(x + part * 22 / 3, centre - 5, 22 / 3 + 0.3, 10))
        elif kind == "diamond":
            glyphs.diamond(painter, QPointF(x + 11, centre), 6.0, theme.card, theme.blocked, 2.0)
        else:
            painter.setPen(QPen(theme.selection, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x + 11, centre - 7), QPointF(x + 11, centre + 7))
        painter.setPen(theme.muted)
        painter.drawText(
            QRectF(x + 28, top, metrics.horizontalAdvance(text) + 4, m.legend - 6),
            Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += needed
