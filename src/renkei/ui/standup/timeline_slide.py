"""The standup's timeline slide: the board's open work on the weeks around today, drawn with
the timeline's own painters (render.timeline_block) in the slide's theme, scaled up so its
fixed-height rows and headers grow with the text. ↓ shows the next rows, so no task with
dates is left off the slide without a way to reach it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from renkei.domain.model import Board
from renkei.domain.read_model import BoardReadModel
from renkei.i18n import arg
from renkei.render.slide_metrics import MIN_PX, SlideMetrics, slide_font, text_width
from renkei.render.theme import FONT_FAMILY, SLIDE_DARK, Theme
from renkei.render.timeline_block import paint_timeline_block
from renkei.render.timeline_geometry import HEADER_HEIGHT
from renkei.render.timeline_paint import row_height, screen_fonts
from renkei.render.timeline_rows import build_rows, team_groups

# The timeline is painted at this font size, then scaled so its smallest text (0.88 of it)
# stays at 20 px or more, and 24 px at 1080p (secondary text on a slide is never smaller).
TIMELINE_FONT_PX = 14
TIMELINE_SMALLEST = 0.88
SECONDARY_PX = 24  # at 1080p


def timeline_scale(m: SlideMetrics) -> float:
    """How much the timeline is scaled up: its smallest text at 20 px or more, 24 at 1080p."""
    least = MIN_PX / (TIMELINE_FONT_PX * TIMELINE_SMALLEST)
    return max(least, SECONDARY_PX * m.unit / (TIMELINE_FONT_PX * TIMELINE_SMALLEST))


def _row_height() -> float:
    base = QFont(FONT_FAMILY)
    base.setPixelSize(TIMELINE_FONT_PX)
    return row_height(screen_fonts(base).label)


class TimelineSlide:
    """The board's open tasks on the weeks around today, drawn into a slide's body, a page
    of rows at a time."""

    def __init__(self, session: BoardReadModel, theme: Theme = SLIDE_DARK):
        self._session = session
        self._task_ids: list[int] = []
        self._rows_cache: list[int | None] | None = None
        self.theme = theme  # the slide's: a dark slide shows a dark timeline
        self.first_page = 0  # which page of rows ``paint`` draws (↓ presses)
        self.shown_range = "%1–%2 of %3"  # the words for "rows 4–9 of 23", translated

    def _row_tasks(self) -> list[int | None]:
        """Each row's task (None: a team's header), laid out once per ``show_tasks``."""
        if self._rows_cache is None:
            board = self._session.board
            layout = build_rows(board, self._task_ids, "team_id", team_groups(board))
            self._rows_cache = list(layout.tasks)
        return self._rows_cache

    def _rows(self) -> int:
        return len(self._row_tasks())

    def shown_task_ids(self) -> list[int]:
        """The tasks on the slide's rows, top to bottom (those with dates)."""
        return [t for t in self._row_tasks() if t is not None]

    def show_tasks(self, board: Board) -> None:
        """The board's open tasks (not archived, not done)."""
        done = board.done_status_ids()
        self._task_ids = [
            t.id for t in board.tasks.values() if not t.archived and t.status_id not in done
        ]
        self._rows_cache = None

    def rows_per_page(self, body: QRectF, m: SlideMetrics) -> int:
        """How many rows fit under the date header in ``body``."""
        scale = timeline_scale(m)
        room = body.height() / scale - HEADER_HEIGHT
        return max(1, math.floor(room / _row_height()))

    def page_rows(self, body: QRectF, m: SlideMetrics, page: int) -> tuple[int, int, int]:
        """The first row, the row after the last and all rows on page ``page`` (the last
        page stays when ``page`` is past it)."""
        rows, per = self._rows(), self.rows_per_page(body, m)
        # A page after the first starts on the row the one before ended with: the team's
        # header stays over the top row (as on the screen's timeline), so that row would
        # otherwise be seen by nobody.
        step = max(1, per - 1)
        last_page = max(0, math.ceil((rows - per) / step)) if rows > per else 0
        first = min(max(0, page), last_page) * step
        return first, min(rows, first + per), rows

    def has_more(self, body: QRectF, m: SlideMetrics, page: int) -> bool:
        _, end, rows = self.page_rows(body, m, page)
        return end < rows

    def paint(self, painter: QPainter, body: QRectF, m: SlideMetrics) -> float:
        """Draw page ``first_page`` into ``body``; the smallest text size drawn, in pixels."""
        scale = timeline_scale(m)
        first, end, rows = self.page_rows(body, m, self.first_page)
        paint_timeline_block(
            painter,
            body,
            self._session,
            self._task_ids,
            scale=scale,
            theme=self.theme,
            font_px=TIMELINE_FONT_PX,
            first_row=first,
        )
        smallest = TIMELINE_FONT_PX * TIMELINE_SMALLEST * scale
        # Under the last whole row: the next page's first row, not half of it.
        below = body.top() + (HEADER_HEIGHT + (end - first) * _row_height()) * scale
        if below < body.bottom():
            rest = QRectF(body.left(), below, body.width(), body.bottom() - below)
            painter.fillRect(rest, self.theme.card)
        if first > 0 or end < rows:  # which tasks show, bottom right: ↓ shows the next
            tasks = self._row_tasks()
            top = first + 1 if first > 0 else 0  # under the header: shown the page before
            before = sum(1 for t in tasks[:top] if t is not None)
            shown = sum(1 for t in tasks[top:end] if t is not None)
            total = sum(1 for t in tasks if t is not None)
            text = arg(self.shown_range, str(before + 1), str(before + shown), str(total))
            text += " ↓" if end < rows else ""
            px = max(MIN_PX, SECONDARY_PX * m.unit)
            pad = px * 0.5
            width = text_width(text, px, True) + 2 * pad
            height = px * 1.7
            box = QRectF(body.right() - width - pad, body.bottom() - height - pad, width, height)
            painter.save()
            painter.setPen(self.theme.card_border)
            painter.setBrush(self.theme.card)
            painter.drawRoundedRect(box, pad, pad)
            painter.setFont(slide_font(px, True))
            painter.setPen(self.theme.text)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
            painter.restore()
            smallest = min(smallest, px)
        return smallest
