"""The standup's timeline slide: everything the presentation does with the timeline is here.

The picture is drawn, not used: an offscreen ``TimelineView`` (none of its edit signals
connected, no mouse or key ever reaching it) laid out at a smaller size and painted scaled
up, so its fixed-height rows and headers grow with the text. ``TimelineSlide.paint`` is the
one function the slide painter calls; when the timeline has a shared painter in render/,
this module is the one place to switch to it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter

from renkei.domain.model import Board
from renkei.render.slide_metrics import MIN_PX, SlideMetrics
from renkei.render.theme import FONT_FAMILY, LIGHT, Theme
from renkei.ui.timeline.rows import Zoom
from renkei.ui.timeline.view import TimelineView

# The timeline is painted at this font size, then scaled so its smallest text (0.88 of it)
# stays at 20 px or more. It keeps the board's light theme: its weekend bands and badges
# are made for it; in the dark presentation it sits on the slide as a light panel.
TIMELINE_FONT_PX = 14
TIMELINE_SMALLEST = 0.88


def timeline_scale(m: SlideMetrics) -> float:
    """How much the timeline is scaled up: its smallest text at 20 px or more."""
    least = MIN_PX / (TIMELINE_FONT_PX * TIMELINE_SMALLEST)
    return max(least, 1.75 * m.unit)


class TimelineSlide:
    """The board's open tasks on the weeks around today, drawn into a slide's body."""

    def __init__(self, session):
        view = TimelineView(session)
        view.fixed_theme = LIGHT  # a light panel on every slide theme (see above)
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.setAcceptDrops(False)
        view.viewport().setAcceptDrops(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QFont(FONT_FAMILY)
        font.setPixelSize(TIMELINE_FONT_PX)
        view.setFont(font)
        view.set_zoom(Zoom.WEEK)
        self._view = view
        self._placed = False  # scrolled to today once

    @property
    def theme(self) -> Theme:
        return self._view.theme

    def shown_task_ids(self) -> list[int]:
        return self._view.shown_task_ids()

    def show_tasks(self, board: Board) -> None:
        """The board's open tasks (not archived, not done)."""
        done = board.done_status_ids()
        self._view.set_tasks(
            [t.id for t in board.tasks.values() if not t.archived and t.status_id not in done]
        )

    def refresh(self) -> None:
        self._view.refresh()

    def fit(self, body: QRectF, m: SlideMetrics) -> None:
        """Lay the timeline out for a body of this size (before scaling)."""
        scale = timeline_scale(m)
        size = QSize(max(1, int(body.width() / scale)), max(1, int(body.height() / scale)))
        if self._view.size() != size:
            self._view.resize(size)

    def present(self, *, entering: bool) -> None:
        """The slide is on: laid out so it can be painted; entering it scrolls to today."""
        if not self._view.isVisible():
            self._view.show()  # offscreen
        if entering or not self._placed:
            self._view.go_to_today()
            self._placed = True

    def paint(self, painter: QPainter, body: QRectF, m: SlideMetrics) -> float:
        """Draw into ``body``; the smallest text size drawn, in pixels."""
        self.fit(body, m)
        self.present(entering=False)
        scale = timeline_scale(m)
        painter.save()
        painter.translate(body.topLeft())
        painter.scale(scale, scale)
        self._view.viewport().render(painter, QPoint(0, 0))
        painter.restore()
        return TIMELINE_FONT_PX * TIMELINE_SMALLEST * scale

    def close(self) -> None:
        self._view.close()
