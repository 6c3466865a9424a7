"""The standup slide painter: a ``SlideFace`` drawn into a rectangle, in a theme, at a size.

One painter for the presentation window and the offscreen picture (``renkei snapshot``).
A team's sections flow into the slide's columns; a section whose lines do not all fit says
which it shows ("4–9 of 23 ↓") and ↓ shows the next ones (``SlideFace.page``), rather than
shrinking the text or hiding the rest. Titles wrap to two lines before they are cut. The
timeline slide's content is not drawn here: the caller passes the function that draws it
(see ``ui/standup/timeline_slide.py``), and this painter frames it.
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
from renkei.render.slide_plan import (
    Placed,
    detail_px,
    heading_height,
    icon_width,
    item_height,
    padding,
    plan_team,
    title_lines,
    wrap_text,
)
from renkei.render.theme import Theme, contrast, mix

# Draws the timeline into the body rectangle; returns the smallest text size it used (px).
TimelinePainter = Callable[[QPainter, QRectF, SlideMetrics], float]

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


LEGIBLE = 7.0  # every text on a slide against its panel and the slide: WCAG AAA


def tone_colour(theme: Theme, tone: str) -> QColor:
    """A face's tone in the slide's theme (the accent is the theme's selection colour),
    moved towards the text colour until it reads at 7:1 on the slide and on a panel."""
    key = (theme.name, tone)
    if key not in _LEGIBLE_INKS:
        _LEGIBLE_INKS[key] = _legible(theme, tone)
    return QColor(_LEGIBLE_INKS[key])


_LEGIBLE_INKS: dict[tuple[str, str], str] = {}


def _legible(theme: Theme, tone: str) -> str:
    if tone == "accent":
        colour = theme.selection
    elif tone in ("muted", "done", "risk", "late", "blocked", "handoff"):
        colour = getattr(theme, tone)
    else:
        colour = theme.text
    ink, share = QColor(colour), 1.0
    while share > 0 and min(contrast(ink, theme.card), contrast(ink, theme.window)) < LEGIBLE:
        share -= 0.05
        ink = mix(colour, theme.text, share)
    return ink.name()


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

    def lines(
        self,
        first: QRectF,
        text: str,
        shown: Sequence[str],
        pixels: float,
        colour: QColor,
        bold: bool = True,
    ) -> None:
        """``text`` as wrapped into ``shown`` lines, the first in ``first`` and each next one
        under it. The record keeps ``text`` when all of it shows, else the lines as shown,
        one per row."""
        font = slide_font(pixels, bold)
        self.painter.setFont(font)
        self.painter.setPen(colour)
        for n, part in enumerate(shown):
            self.painter.drawText(first.translated(0, n * first.height()), int(LEFT), part)
        whole = "".join(shown).replace(" ", "") == text.replace(" ", "")
        self.drawn.append((text if whole else "\n".join(shown), float(round(pixels))))


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
    if not face.sections:
        if face.notice is not None:
            _paint_notice(ink, face.notice, body, theme, m, top=0.3, space=1.6)
        return
    for placed in plan_team(face.sections, body, m, face.page).placed:
        _paint_section(ink, face, placed, theme, m)


def _paint_section(
    ink: Ink, face: SlideFace, placed: Placed, theme: Theme, m: SlideMetrics
) -> None:
    painter = ink.painter
    section, panel = placed.section, placed.rect
    pad, heading_h = padding(m), heading_height(m)
    painter.setPen(QPen(theme.card_border, max(1.0, 1.5 * m.unit)))
    painter.setBrush(theme.card)
    radius = 12 * m.unit
    painter.drawRoundedRect(panel, radius, radius)
    inner = panel.adjusted(pad, pad, -pad, -pad)
    range_w = 0.0
    if placed.paged:
        # Where the page is in the section, so nothing is hidden without a way to it.
        total = str(len(section.lines))
        if placed.end - placed.start == 1:
            where = arg(face.shown_one, str(placed.start + 1), total)
        else:
            where = arg(face.shown_range, str(placed.start + 1), str(placed.end), total)
        arrow = " ↓" if placed.end < len(section.lines) else ""
        text = where + arrow
        range_w = text_width(text, m.detail, True) + m.gap * 0.5
        ink.text(
            QRectF(inner.right() - range_w, inner.top(), range_w, heading_h - pad * 0.6),
            text,
            m.detail,
            theme.text,
            bold=True,
            align=RIGHT,
        )
    ink.text(
        QRectF(inner.left(), inner.top(), inner.width() - range_w, heading_h - pad * 0.6),
        arg(face.counted, section.title, str(len(section.lines))),
        m.heading,
        theme.text,
        bold=True,
    )
    y = inner.top() + heading_h
    for line in section.lines[placed.start : placed.end]:
        h = item_height(line, section, panel.width(), m)
        _paint_line(ink, line, QRectF(inner.left(), y, inner.width(), h), theme, m, section)
        y += h


def _paint_line(
    ink: Ink, line: Line, rect: QRectF, theme: Theme, m: SlideMetrics, section: Section
) -> None:
    detail_size = detail_px(section, m)
    colour = tone_colour(theme, line.tone)
    title_h = line_height(m.item, True)
    detail_h = line_height(detail_size)
    icon_w = icon_width(m)
    if line.icon:
        centre = QPointF(rect.left() + icon_w * 0.42, rect.top() + title_h / 2)
        mark = theme.muted if line.tone == "text" else colour
        slide_icon(ink.painter, line.icon, centre, m.item * 0.34, mark)
    left = rect.left() + icon_w
    width = rect.right() - left
    titles = title_lines(line, rect.width(), m)
    ink.lines(QRectF(left, rect.top(), width, title_h), line.title, titles, m.item, theme.text)
    y = rect.top() + title_h * max(1, len(titles))
    used = 0.0
    if line.word:
        used = ink.text(QRectF(left, y, width, detail_h), line.word, detail_size, colour, bold=True)
        used += detail_size * 0.6
    if line.detail and width - used > detail_size * 2:
        ink.text(
            QRectF(left + used, y, width - used, detail_h),
            line.detail,
            detail_size,
            theme.text if line.word == "" else theme.muted,
        )


# -- the overview ------------------------------------------------------------------------------


def _paint_overview(ink: Ink, face: SlideFace, body: QRectF, theme: Theme, m: SlideMetrics) -> None:
    painter = ink.painter
    name_w = body.width() * 0.26
    col_w = (body.width() - name_w) / max(1, len(face.headings))
    icon_w = m.heading * 1.2
    heading_line = line_height(m.heading, True)
    # A long heading ("Finished since Fri 4 Dec") wraps to a second line rather than cut.
    room = round(col_w - icon_w, 1)
    words = [wrap_text(h.word, float(m.heading), True, room) for h in face.headings]
    head_h = heading_line * (max((len(w) for w in words), default=1) + 0.6)
    for n, (heading, lines) in enumerate(zip(face.headings, words, strict=True)):
        x = body.left() + name_w + n * col_w
        colour = tone_colour(theme, heading.tone)
        word_w = max((text_width(w, m.heading, True) for w in lines), default=0.0)
        start = x + max(0.0, (col_w - word_w - icon_w) / 2)
        top = body.top() + (head_h - heading_line * len(lines)) / 2
        centre = QPointF(start + icon_w * 0.4, top + heading_line / 2)
        slide_icon(painter, heading.icon, centre, m.heading * 0.34, colour)
        ink.lines(
            QRectF(start + icon_w, top, col_w - icon_w, heading_line),
            heading.word,
            lines,
            m.heading,
            colour,
        )
    rows = face.rows
    if not rows:
        return
    top = body.top() + head_h
    row_h = min(m.big * 2.6, (body.bottom() - top) / len(rows))
    number_px = max(MIN_PX, min(m.big * 1.2, row_h * 0.5))
    name_px = max(MIN_PX, min(m.heading * 1.2, row_h * 0.4))
    # A row with a forecast keeps its lower third for it, one line across the whole row, in
    # secondary text's size at least.
    told_px = max(m.detail, min(m.subtitle, row_h * 0.22))
    told_h = line_height(told_px) * 1.15 if any(row.forecast for row in rows) else 0.0
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
