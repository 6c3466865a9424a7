"""A task card, painted: shared by the kanban view, snapshots and the PDF report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)

from renkei.render import glyphs
from renkei.render.line_breaks import break_lines
from renkei.render.theme import FONT_FAMILY, LIGHT, Theme

CARD_HEIGHT = 112.0
WHITE = glyphs.WHITE
CARD_GAP = 6.0


@dataclass(frozen=True, slots=True)
class CardFace:
    """Everything a card shows, already in words: the painter decides nothing."""

    title: str
    initials: str = ""  # "HA" / "青木": kept for pictures that have room for no more
    owner_label: str = ""  # how the card names its owner: "Daiki S.", "佐藤"
    owner_name: str = ""  # the full name, for the tooltip and a screen reader
    due_text: str = ""
    late: bool = False
    soon: bool = False  # due within the "due soon" days (Preferences): a clock, warm words
    risk_word: str = ""  # the two most serious reasons' words; empty when not at risk
    blocked_word: str = ""  # "Blocked" when a predecessor is unfinished
    progress: int = 0
    done: bool = False
    team_index: int | None = None
    priority_word: str = ""  # shown for high and urgent only
    handoff_word: str = ""  # a handoff waiting for acknowledgement, with how long: "Waiting 3 h"
    handoff_late: bool = False  # …past its SLA
    finding_word: str = ""  # where its handoffs lost information: "Info lost", "Dropped"…
    title_names: tuple[str, ...] = ()  # people's names in the title: never broken across lines


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(round(size))
    font.setBold(bold)
    return font


def paint_card(
    painter: QPainter,
    rect: QRectF,
    face: CardFace,
    *,
    selected: bool = False,
    theme: Theme = LIGHT,
    scale: float = 1.0,
) -> None:
    """Paint one card into ``rect`` (scale enlarges type for projectors and print)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    radius = 6 * scale
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.fillPath(path, theme.card_done if face.done else theme.card)
    border = QPen(
        theme.selection if selected else theme.card_border,
        2.5 * scale if selected else theme.border_width,
    )
    painter.setPen(border)
    painter.drawPath(path)

    # Team stripe on the left edge: a quick visual grouping, never the only signal.
    if face.team_index is not None:
        stripe = QRectF(rect.left() + 1, rect.top() + radius, 4 * scale, rect.height() - 2 * radius)
        painter.fillRect(stripe, theme.team_colours[face.team_index % len(theme.team_colours)])

    pad = 10 * scale
    inner = rect.adjusted(pad, 7 * scale, -pad, -8 * scale)

    # Title: up to two lines, broken by phrase (render.line_breaks), the second cut with "…".
    title_font = _font(14 * scale, bold=False)
    painter.setFont(title_font)
    painter.setPen(theme.muted if face.done else theme.text)
    metrics = QFontMetricsF(title_font)
    pixels = title_font.pixelSize()
    title_lines = title_lines_of(face.title, pixels, inner.width(), face.title_names)
    y = inner.top()
    for line in title_lines:
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            line,
        )
        y += metrics.height()

    # Two rows under the title. Signals first: risk and blocked badges (icon + word), or a
    # check mark for finished work. Then who and when: owner, due words, priority.
    meta_font = _font(12 * scale)
    meta = QFontMetricsF(meta_font)
    row_h = max(meta.height() + 4 * scale, 20 * scale)
    meta_top = inner.bottom() - row_h - 3 * scale
    badge_top = meta_top - row_h - 4 * scale
    _paint_badges(painter, _badges(face, theme), inner, badge_top, row_h, meta_font, theme, scale)
    if face.done:
        painter.setPen(QPen(theme.done, 2 * scale))
        glyphs.check(painter, QPointF(inner.right() - 8 * scale, badge_top + row_h / 2), scale)

    x = inner.left()
    right = inner.right()
    painter.setFont(meta_font)
    flagged_due = (face.late or face.soon) and not face.done
    due_width = meta.horizontalAdvance(face.due_text) + (14 * scale if flagged_due else 0)
    owner = face.owner_label or face.initials
    if owner:
        # The owner's name keeps at least half the row; the due words take the rest.
        room = max(inner.width() / 2, inner.width() - due_width - 8 * scale)
        x = _paint_owner(painter, x, meta_top, row_h, owner, theme, scale, room) + 6 * scale
        painter.setFont(meta_font)
    if face.priority_word:
        width = meta.horizontalAdvance(face.priority_word)
        if right - x >= due_width + width + 8 * scale:
            painter.setPen(theme.muted)
            painter.drawText(
                QRectF(right - width, meta_top, width, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                face.priority_word,
            )
            right -= width + 8 * scale
    if face.due_text:
        late = face.late and not face.done
        colour = theme.late if late else theme.risk if flagged_due else theme.muted
        if flagged_due:
            glyphs.clock(painter, QPointF(x + 6 * scale, meta_top + row_h / 2), 5.5 * scale, colour)
            x += 14 * scale
        painter.setPen(colour)
        text = meta.elidedText(face.due_text, Qt.TextElideMode.ElideRight, max(0.0, right - x))
        painter.drawText(
            QRectF(x, meta_top, max(0.0, right - x), row_h), Qt.AlignmentFlag.AlignVCenter, text
        )

    # Progress: a thin bar along the bottom edge.
    if face.progress and not face.done:
        track = QRectF(
            rect.left() + pad, rect.bottom() - 6 * scale, rect.width() - 2 * pad, 3 * scale
        )
        painter.fillRect(track, theme.progress_track)
        filled = QRectF(
            track.left(), track.top(), track.width() * min(face.progress, 100) / 100, track.height()
        )
        painter.fillRect(filled, theme.progress)
    painter.restore()


def title_lines_of(
    title: str, pixels: int, width: float, names: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """A card title in the card font of ``pixels`` on at most two lines of ``width``: broken
    where its language allows (Japanese by phrase, with kinsoku, never inside ``names``;
    English at spaces), the second line ending in "…" when the title goes on."""
    return _title_lines(" ".join(title.split()), pixels, round(width, 1), names)


@lru_cache(maxsize=16384)
def _title_lines(title: str, pixels: int, width: float, names: tuple[str, ...]) -> tuple[str, ...]:
    # Cached: the kanban repaints its cards on every scroll and hover; a title is broken once
    # per width (a BudouX parse is a fraction of a millisecond, too much for 100 cards a frame).
    font = _font(pixels)
    metrics = QFontMetricsF(font)
    if metrics.horizontalAdvance(title) <= width:
        return (title,) if title else ()
    return tuple(break_lines(title, metrics.horizontalAdvance, width, 2, names))


def _paint_owner(
    painter, left: float, top: float, height: float, text: str, theme: Theme, scale: float,
    room: float,
) -> float:
    """The owner's short name ("Daiki S.", "佐藤") in a pill, at the meta rows' size (a
    single kanji must read as a name, not a dot), elided to ``room`` when the card is narrow."""
    font = _font(12 * scale, bold=True)
    metrics = QFontMetricsF(font)
    pad = 8 * scale
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, room - 2 * pad))
    width = max(height, metrics.horizontalAdvance(text) + 2 * pad)
    rect = QRectF(left, top, width, height)
    path = QPainterPath()
    path.addRoundedRect(rect, height / 2, height / 2)
    painter.fillPath(path, theme.lane_header)
    painter.setPen(theme.text)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return rect.right()


@dataclass(frozen=True, slots=True)
class _Badge:
    word: str
    colour: QColor
    icon: Callable[[QPainter, QPointF, float, QColor], None]
    outlined: bool = False  # white pill, coloured edge and word: a finding, not a state
    # The theme's badge ink (dark on the dark themes' light badges) and an outlined pill's
    # inside (the card).
    ink: QColor = field(default_factory=lambda: QColor(WHITE))
    paper: QColor = field(default_factory=lambda: QColor(WHITE))


def _badges(face: CardFace, theme: Theme) -> list[_Badge]:
    """The card's signals, most urgent first; those that do not fit are counted as "+N"."""
    badges = []
    inks = {"ink": theme.badge_ink, "paper": theme.card}
    if face.risk_word:
        colour = theme.late if face.late else theme.risk
        badges.append(_Badge(face.risk_word, colour, glyphs.warning, **inks))
    if face.handoff_word:
        colour = theme.late if face.handoff_late else theme.handoff
        badges.append(_Badge(face.handoff_word, colour, glyphs.handoff, **inks))
    if face.blocked_word:
        badges.append(_Badge(face.blocked_word, theme.blocked, glyphs.blocked, **inks))
    if face.finding_word:
        badges.append(
            _Badge(face.finding_word, theme.lost, glyphs.broken_link, outlined=True, **inks)
        )
    return badges


def _paint_badges(painter, badges, inner: QRectF, top, height, font, theme, scale) -> None:
    metrics = QFontMetricsF(font)
    gap = 5 * scale
    x = inner.left()
    for index, badge in enumerate(badges):
        width = _badge_width(badge.word, metrics, height, scale)
        left_over = len(badges) - index - 1
        room = (
            inner.right()
            - x
            - (metrics.horizontalAdvance(f"+{left_over}") + gap if left_over else 0)
        )
        if width > room and index > 0:
            painter.setPen(theme.muted)
            painter.setFont(font)
            painter.drawText(
                QRectF(x, top, inner.right() - x, height),
                Qt.AlignmentFlag.AlignVCenter,
                f"+{len(badges) - index}",
            )
            return
        x = _paint_badge(painter, x, top, height, badge, font, scale, inner.right()) + gap


def _badge_width(word: str, metrics: QFontMetricsF, height: float, scale: float) -> float:
    return metrics.horizontalAdvance(word) + height * 1.1 + 8 * scale


def _paint_badge(painter, left, top, height, badge: _Badge, font, scale, right) -> float:
    """A pill with an icon and a word (elided to end by ``right``); returns its right edge."""
    metrics = QFontMetricsF(font)
    width = min(_badge_width(badge.word, metrics, height, scale), right - left)
    rect = QRectF(left, top, width, height)
    path = QPainterPath()
    path.addRoundedRect(rect, height / 2, height / 2)
    ink = badge.colour if badge.outlined else badge.ink
    if badge.outlined:
        painter.fillPath(path, badge.paper)
        painter.setPen(QPen(badge.colour, 1.4 * scale))
        painter.drawPath(path)
    else:
        painter.fillPath(path, badge.colour)
    centre = QPointF(rect.left() + height / 2 + 1 * scale, rect.center().y())
    badge.icon(painter, centre, height * 0.32, ink)
    painter.setPen(ink)
    painter.setFont(font)
    text_rect = rect.adjusted(height * 1.0, 0, -6 * scale, 0)
    word = metrics.elidedText(badge.word, Qt.TextElideMode.ElideRight, text_rect.width())
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, word)
    return rect.right()
