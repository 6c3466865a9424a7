"""Every size on a standup slide, and where its header, body and footer go.

Sizes come from the picture's height (``unit = height / 1080``) and are never below 20 px,
so the slides read from the back of a room on any screen from 1280×720 to 3840×2160. Hints
and secondary text (the word and detail under a title, a section's range, the footer) are
24 px at 1080p. The
painter and the window (which places its button and the timeline by the body) share them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from renkei.render.theme import FONT_FAMILY

MIN_PX = 20.0  # nothing on a slide is smaller


@dataclass(frozen=True)
class SlideMetrics:
    """Every size on a slide, from the picture's size."""

    unit: float
    margin: float
    gap: float
    title: float  # the slide's title (team name)
    subtitle: float
    timer: float
    heading: float  # a section's heading
    item: float  # a task title
    detail: float  # the word and detail under it
    hint: float  # the footer
    big: float  # overview numbers

    @classmethod
    def for_size(cls, width: float, height: float) -> SlideMetrics:
        unit = max(0.1, min(height / 1080, width / 1920))

        def px(size: float, least: float = MIN_PX) -> float:
            return float(max(least, round(size * unit)))

        return cls(
            unit=unit,
            margin=max(12.0, 40 * unit),
            gap=max(8.0, 24 * unit),
            title=px(60, 30),
            subtitle=px(26),
            timer=px(44, 26),
            heading=px(30, 22),
            item=px(28),
            detail=px(24),
            hint=px(24),
            big=px(56, 28),
        )


def slide_font(pixels: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


@lru_cache(maxsize=256)
def line_height(pixels: float, bold: bool = False) -> float:
    return QFontMetricsF(slide_font(pixels, bold)).height()


@lru_cache(maxsize=4096)
def text_width(text: str, pixels: float, bold: bool = False) -> float:
    return QFontMetricsF(slide_font(pixels, bold)).horizontalAdvance(text)


def header_height(m: SlideMetrics) -> float:
    return m.margin * 0.9 + line_height(m.title, True) + line_height(m.subtitle) + m.gap


def footer_height(m: SlideMetrics) -> float:
    return line_height(m.hint) + m.gap


def slide_body(rect: QRectF, m: SlideMetrics) -> QRectF:
    """Where a slide's content goes inside ``rect``: between the header and the footer."""
    top = rect.top() + header_height(m) + m.gap
    bottom = rect.bottom() - footer_height(m) - m.gap * 0.5
    return QRectF(rect.left() + m.margin, top, rect.width() - 2 * m.margin, max(0.0, bottom - top))
