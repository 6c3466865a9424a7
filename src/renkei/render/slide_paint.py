"""The standup slide painter: a ``SlideFace`` drawn into a rectangle, in a theme, at a size.

One painter for the presentation window and the offscreen picture (``renkei snapshot``).
Sections that do not fit show "+N more" rather than shrinking the text. The timeline slide's
content is not drawn here: the caller passes the function that draws it (see
``ui/standup/timeline_slide.py``), and this painter frames it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from renkei.i18n import arg
from renkei.render import glyphs
from renkei.render.slide_face import (
    DONE,
    OVERVIEW,
    TEAM,
    TIMELINE,
    Line,
    Notice,
    Section,
    SlideFace,
)
from renkei.render.slide_metrics import (
    MIN_PX,
    SlideMetrics,
    header_height,
    line_height,
    slide_body,
    slide_font,
    text_width,
)
from renkei.render.theme import Theme

# Draws the timeline into the body rectangle; returns the smallest text size it used (px).
TimelinePainter = Callable[[QPainter, QRectF, SlideMetrics], float]

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


def tone_colour(theme: Theme, tone: str) -> QColor:
    """A face's tone in the slide's theme (the accent is the theme's selection colour)."""
    if tone == "accent":
        return theme.selection
    if tone in ("muted", "done", "risk", "late", "blocked", "handoff"):
        return getattr(theme, tone)
    return theme.text


def slide_icon(painter: QPainter, name: str, centre: QPointF, size: float, ink: QColor) -> None:
    """A glyph beside a word, by the name a face gives it: meaning never rests on colour."""
    painter.save()
    if name == "risk":
        glyphs.warning(painter, centre, size * 0.96, ink)
    elif name == "blocked":
        glyphs.blocked(painter, centre, size * 0.85, ink)
    elif name == "sent":
        glyphs.handoff(painter, centre, size * 0.9, ink)
    elif name == "received":  # the same arrow, coming in
        painter.translate(centre)
        painter.scale(-1, 1)
        glyphs.handoff(painter, QPointF(0, 0), size * 0.9, ink)
    elif name == "done":
        pen = QPen(ink, max(2.0, size * 0.3))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        # The tick's points span -5…6 across and -5…4 down: centred on ``centre``.
        at = QPointF(centre.x() - size * 0.05, centre.y() + size * 0.05)
        glyphs.check(painter, at, size * 0.15)
    elif name == "new":
        glyphs.plus(painter, centre, size * 0.75, ink)
    elif name == "moved":
        glyphs.handoff(painter, centre, size * 0.8, ink)
    elif name in ("clock", "deadline"):
        glyphs.clock(painter, centre, size * 0.85, ink)
    elif name == "person":
        glyphs.person(painter, centre, size, ink)
    painter.restore()


class Ink:
    """Draws text on a slide and remembers every text it drew and at what size (the tests
    read the record: nothing on a slide may be smaller than 20 px)."""

    def __init__(self, painter: QPainter):
        self.painter = painter
        self.drawn: list[tuple[str, float]] = []

    def text(
        self,
        rect: QRectF,
        text: str,
        pixels: float,
        colour: QColor,
        *,
        bold: bool = False,
        align: Qt.AlignmentFlag = LEFT,
    ) -> float:
        """Draw ``text`` elided to ``rect``'s width; the width it took."""
        if not text or rect.width() <= 0:
            return 0.0
        font = slide_font(pixels, bold)
        metrics = QFontMetricsF(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        if not shown:
            return 0.0
        self.painter.setFont(font)
        self.painter.setPen(colour)
        self.painter.drawText(rect, int(align), shown)
        self.drawn.append((shown, float(round(pixels))))
        return min(rect.width(), metrics.horizontalAdvance(shown))


def paint_slide(
    painter: QPainter,
    face: SlideFace,
    rect: QRectF,
    theme: Theme,
    m: SlideMetrics,
    timeline: TimelinePainter | None = None,
) -> list[tuple[str, float]]:
    """Paint ``face`` filling ``rect``; every text drawn, with its size in pixels."""
    ink = Ink(painter)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(rect, theme.window)
    _paint_header(ink, face, rect, theme, m)
    _paint_footer(ink, face, rect, theme, m)
    body = slide_body(rect, m)
    if face.kind == TEAM:
        _paint_team(ink, face, body, theme, m)
    elif face.kind == OVERVIEW:
        _paint_overview(ink, face, body, theme, m)
    elif face.kind == DONE and face.notice is not None:
        _paint_notice(ink, face.notice, body, theme, m, top=0.18, space=1.7)
    elif face.kind == TIMELINE and timeline is not None:
        smallest = timeline(painter, body, m)
        ink.drawn.append(("", smallest))
        painter.setPen(QPen(theme.card_border, max(1.0, 2 * m.unit)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(body)
    return ink.drawn


# -- the frame ---------------------------------------------------------------------------------


def _paint_header(ink: Ink, face: SlideFace, rect: QRectF, theme: Theme, m: SlideMetrics) -> None:
    painter = ink.painter
    height = header_height(m)
    x, y, width = rect.left(), rect.top(), rect.width()
    painter.fillRect(QRectF(x, y, width, height), theme.card)
    painter.fillRect(
        QRectF(x, y + height - max(2.0, 3 * m.unit), width, 3 * m.unit), theme.card_border
    )
    painter.fillRect(QRectF(x, y, max(6.0, 12 * m.unit), height), theme.selection)
    timer_w = _paint_timer(ink, face, rect, theme, m) if face.timer else 0.0
    left = x + m.margin
    text_w = width - 2 * m.margin - timer_w - (m.gap if timer_w else 0)
    title_h = line_height(m.title, True)
    top = y + m.margin * 0.6
    ink.text(QRectF(left, top, text_w, title_h), face.title, m.title, theme.text, bold=True)
    ink.text(
        QRectF(left, top + title_h, text_w, line_height(m.subtitle)),
        face.subtitle,
        m.subtitle,
        theme.muted,
    )


def _paint_timer(ink: Ink, face: SlideFace, rect: QRectF, theme: Theme, m: SlideMetrics) -> float:
    """The time left, top right; the width it took."""
    timer = face.timer
    assert timer is not None
    colour = tone_colour(theme, timer.tone)
    big_w = text_width(timer.text, m.timer, True)
    state_w = text_width(timer.state, m.subtitle, True) if timer.state else 0
    icon_w = m.timer * 1.1
    width = max(big_w + icon_w, state_w)
    right = rect.right() - m.margin
    big_h = line_height(m.timer, True)
    top = rect.top() + m.margin * 0.6
    centre = QPointF(right - big_w - icon_w / 2, top + big_h / 2)
    slide_icon(ink.painter, timer.icon, centre, m.timer * 0.38, colour)
    ink.text(QRectF(right - big_w, top, big_w + 2, big_h), timer.text, m.timer, colour, bold=True)
    if timer.state:
        ink.text(
            QRectF(right - width, top + big_h, width, line_height(m.subtitle, True)),
            timer.state,
            m.subtitle,
            tone_colour(theme, timer.state_tone),
            bold=True,
            align=RIGHT,
        )
    return width


def _paint_footer(ink: Ink, face: SlideFace, rect: QRectF, theme: Theme, m: SlideMetrics) -> None:
    h = line_height(m.hint)
    top = rect.bottom() - h - m.gap * 0.6
    counter_w = text_width(face.counter, m.hint, True) + m.gap
    ink.text(
        QRectF(rect.left() + m.margin, top, rect.width() - 2 * m.margin - counter_w, h),
        face.hints,
        m.hint,
        theme.muted,
    )
    ink.text(
        QRectF(rect.right() - m.margin - counter_w, top, counter_w, h),
        face.counter,
        m.hint,
        theme.text,
        bold=True,
        align=RIGHT,
    )


def _paint_notice(
    ink: Ink, notice: Notice, body: QRectF, theme: Theme, m: SlideMetrics, top: float, space: float
) -> None:
    """A large sentence ``top`` of the way down the body, the smaller one ``space`` big
    lines under it."""
    y = body.top() + body.height() * top
    ink.text(
        QRectF(body.left(), y, body.width(), m.big * 1.5),
        notice.title,
        m.big,
        theme.text,
        bold=True,
        align=CENTRE,
    )
    ink.text(
        QRectF(body.left(), y + m.big * space, body.width(), m.subtitle * 1.6),
        notice.detail,
        m.subtitle,
        tone_colour(theme, notice.detail_tone),
        bold=notice.detail_bold,
        align=CENTRE,
    )


# -- a team ------------------------------------------------------------------------------------


def _paint_team(ink: Ink, face: SlideFace, body: QRectF, theme: Theme, m: SlideMetrics) -> None:
    if not face.columns:
        if face.notice is not None:
            _paint_notice(ink, face.notice, body, theme, m, top=0.3, space=1.6)
        return
    count = len(face.columns)
    width = (body.width() - (count - 1) * m.gap) / count
    for n, column in enumerate(face.columns):
        rect = QRectF(body.left() + n * (width + m.gap), body.top(), width, body.height())
        _paint_column(ink, face, column, rect, theme, m)


def _padding(m: SlideMetrics) -> float:
    return max(10.0, 18 * m.unit)


def _heading_height(m: SlideMetrics) -> float:
    return line_height(m.heading, True) + _padding(m) * 0.6


def _detail_px(section: Section, m: SlideMetrics) -> float:
    return m.item if section.big_details else m.detail


def _item_height(section: Section, m: SlideMetrics) -> float:
    gap = max(6.0, 12 * m.unit)
    return line_height(m.item, True) + line_height(_detail_px(section, m)) + gap


def fit_lines(column: Sequence[Section], height: float, m: SlideMetrics) -> list[int]:
    """How many lines of each section fit in ``height``, taken in turns; the rest say
    "+N more"."""
    pad, heading_h, more_h = _padding(m), _heading_height(m), line_height(m.detail)
    fixed = sum(2 * pad + heading_h for _ in column) + m.gap * (len(column) - 1)
    counts = [0] * len(column)

    def cost() -> float:
        total = fixed
        for section, k in zip(column, counts, strict=True):
            total += k * _item_height(section, m) + (more_h if k < len(section.lines) else 0)
        return total

    grew = True
    while grew:
        grew = False
        for i, section in enumerate(column):
            if counts[i] < len(section.lines):
                counts[i] += 1
                if cost() <= height:
                    grew = True
                else:
                    counts[i] -= 1
    return counts


def _paint_column(
    ink: Ink,
    face: SlideFace,
    column: Sequence[Section],
    rect: QRectF,
    theme: Theme,
    m: SlideMetrics,
) -> None:
    painter = ink.painter
    pad, heading_h, more_h = _padding(m), _heading_height(m), line_height(m.detail)
    counts = fit_lines(column, rect.height(), m)
    y = rect.top()
    for section, shown in zip(column, counts, strict=True):
        rest = len(section.lines) - shown
        item_h = _item_height(section, m)
        height = 2 * pad + heading_h + shown * item_h + (more_h if rest else 0)
        panel = QRectF(rect.left(), y, rect.width(), height)
        painter.setPen(QPen(theme.card_border, max(1.0, 1.5 * m.unit)))
        painter.setBrush(theme.card)
        radius = 12 * m.unit
        painter.drawRoundedRect(panel, radius, radius)
        inner = panel.adjusted(pad, pad, -pad, -pad)
        ink.text(
            QRectF(inner.left(), inner.top(), inner.width(), heading_h - pad * 0.6),
            f"{section.title}  ({len(section.lines)})",
            m.heading,
            theme.text,
            bold=True,
        )
        line_y = inner.top() + heading_h
        for line in section.lines[:shown]:
            item = QRectF(inner.left(), line_y, inner.width(), item_h)
            _paint_line(ink, line, item, theme, m, _detail_px(section, m))
            line_y += item_h
        if rest:
            ink.text(
                QRectF(inner.left(), line_y, inner.width(), more_h),
                arg(face.more, str(rest)),
                m.detail,
                theme.muted,
                bold=True,
            )
        y += height + m.gap


def _paint_line(
    ink: Ink, line: Line, rect: QRectF, theme: Theme, m: SlideMetrics, detail_px: float
) -> None:
    colour = tone_colour(theme, line.tone)
    title_h = line_height(m.item, True)
    detail_h = line_height(detail_px)
    icon_w = m.item * 1.15
    if line.icon:
        centre = QPointF(rect.left() + icon_w * 0.42, rect.top() + title_h / 2)
        mark = theme.muted if line.tone == "text" else colour
        slide_icon(ink.painter, line.icon, centre, m.item * 0.34, mark)
    left = rect.left() + icon_w
    width = rect.right() - left
    ink.text(QRectF(left, rect.top(), width, title_h), line.title, m.item, theme.text, bold=True)
    y = rect.top() + title_h
    used = 0.0
    if line.word:
        used = ink.text(QRectF(left, y, width, detail_h), line.word, detail_px, colour, bold=True)
        used += detail_px * 0.6
    if line.detail and width - used > detail_px * 2:
        ink.text(
            QRectF(left + used, y, width - used, detail_h),
            line.detail,
            detail_px,
            theme.text if line.word == "" else theme.muted,
        )


# -- the overview ------------------------------------------------------------------------------


def _paint_overview(ink: Ink, face: SlideFace, body: QRectF, theme: Theme, m: SlideMetrics) -> None:
    painter = ink.painter
    name_w = body.width() * 0.3
    col_w = (body.width() - name_w) / max(1, len(face.headings))
    head_h = line_height(m.heading, True) * 1.6
    for n, heading in enumerate(face.headings):
        x = body.left() + name_w + n * col_w
        colour = tone_colour(theme, heading.tone)
        word_w = text_width(heading.word, m.heading, True)
        icon_w = m.heading * 1.2
        start = x + max(0.0, (col_w - word_w - icon_w) / 2)
        centre = QPointF(start + icon_w * 0.4, body.top() + head_h / 2)
        slide_icon(painter, heading.icon, centre, m.heading * 0.34, colour)
        ink.text(
            QRectF(start + icon_w, body.top(), col_w - icon_w, head_h),
            heading.word,
            m.heading,
            colour,
            bold=True,
        )
    rows = face.rows
    if not rows:
        return
    top = body.top() + head_h
    row_h = min(m.big * 2.0, (body.bottom() - top) / len(rows))
    number_px = max(MIN_PX, min(m.big, row_h * 0.62))
    name_px = max(MIN_PX, min(m.heading * 1.1, row_h * 0.5))
    # A row with a forecast keeps its lower third for it, one line across the whole row.
    told_h = row_h * 0.34 if any(row.forecast for row in rows) else 0.0
    told_px = max(MIN_PX, told_h * 0.62)
    for r, row in enumerate(rows):
        y = top + r * row_h
        if r % 2 == 0:
            painter.fillRect(QRectF(body.left(), y, body.width(), row_h), theme.card)
        if row.forecast:
            ink.text(
                QRectF(body.left() + m.gap, y + row_h - told_h, body.width() - 2 * m.gap, told_h),
                row.forecast,
                told_px,
                tone_colour(theme, "late" if row.forecast_late else "muted"),
                bold=row.forecast_late,
            )
        row_h_top = row_h - told_h
        ink.text(
            QRectF(body.left() + m.gap, y, name_w - m.gap, row_h_top),
            row.team,
            name_px,
            theme.text,
            bold=True,
        )
        for n, (value, heading) in enumerate(zip(row.values, face.headings, strict=True)):
            # A count of nothing is muted: the eye goes to the numbers that matter.
            tone = heading.tone if value or heading.tone == "text" else "muted"
            ink.text(
                QRectF(body.left() + name_w + n * col_w, y, col_w, row_h_top),
                str(value),
                number_px,
                tone_colour(theme, tone),
                bold=True,
                align=CENTRE,
            )
