"""The standup's timeline slide: the board's open work on the weeks around today, drawn with
the timeline's own painters (render.timeline_block), scaled up so its fixed-height rows and
headers grow with the text.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from renkei.domain.model import Board
from renkei.domain.read_model import BoardReadModel
from renkei.render.slide_metrics import MIN_PX, SlideMetrics
from renkei.render.theme import LIGHT, Theme
from renkei.render.timeline_block import paint_timeline_block
from renkei.render.timeline_rows import build_rows, team_groups

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

    theme: Theme = LIGHT  # a light panel on every slide theme (see above)

    def __init__(self, session: BoardReadModel):
        self._session = session
        self._task_ids: list[int] = []

    def shown_task_ids(self) -> list[int]:
        """The tasks on the slide's rows, top to bottom (those with dates)."""
        board = self._session.board
        layout = build_rows(board, self._task_ids, "team_id", team_groups(board))
        return [t for t in layout.tasks if t is not None]

    def show_tasks(self, board: Board) -> None:
        """The board's open tasks (not archived, not done)."""
        done = board.done_status_ids()
        self._task_ids = [
            t.id for t in board.tasks.values() if not t.archived and t.status_id not in done
        ]

    def paint(self, painter: QPainter, body: QRectF, m: SlideMetrics) -> float:
        """Draw into ``body``; the smallest text size drawn, in pixels."""
        scale = timeline_scale(m)
        paint_timeline_block(
            painter,
            body,
            self._session,
            self._task_ids,
            scale=scale,
            theme=self.theme,
            font_px=TIMELINE_FONT_PX,
        )
        return TIMELINE_FONT_PX * TIMELINE_SMALLEST * scale
