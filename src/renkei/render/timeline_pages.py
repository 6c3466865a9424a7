"""The timeline on paper: a Gantt chart over as many landscape pages as it needs.

The on-screen timeline (``renkei.ui.timeline.view``) scrolls; paper cannot. So the chart is
cut into pages twice over: the time axis into chunks of whole weeks that fit the page width
at a readable scale (a day is never narrower than ``MIN_DAY`` points), and the rows into
chunks that fit the page height (``timeline_page_layout``). Every page repeats the date
header (months above, days or week numbers below) and the label column (title and owner),
says which part it is and which dates it covers, and draws its rows with the screen's row
painter (``timeline_page_paint``): a bar with its progress filled in, a diamond for a
milestone, the risk colour *with* a glyph and a word, a check for finished work, a conflict
mark where a task starts before a task it waits for has ended, the today line and shaded
weekends; rows grouped by team.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from renkei.domain.read_model import BoardReadModel
from renkei.render.bar_face import BarFace, bar_face, handoffs_by_task
from renkei.render.theme import LIGHT, Theme
from renkei.render.timeline_page_layout import (
    CAPTION_HEIGHT,
    LABEL_WIDTH,
    MIN_CHART,
    MIN_DAY,
    TIER_HEIGHT,
    axis,
    page_rows,
    row_chunks,
)
from renkei.render.timeline_page_paint import ROW_HEIGHT, PagePainter

__all__ = ["LABEL_WIDTH", "MIN_DAY", "PageSink", "paint_timeline"]


class PageSink(Protocol):
    """Where the pages go (``renkei.export.pdf.Pages``, or a test's own)."""

    painter: QPainter
    landscape: bool
    page: int

    def body(self) -> QRectF: ...

    def new_page(self, landscape: bool = False) -> None: ...


def paint_timeline(
    pages: PageSink,
    session: BoardReadModel,
    task_ids: Sequence[int],
    *,
    label_width: float = LABEL_WIDTH,
    theme: Theme = LIGHT,
) -> int:
    """Paint the timeline of ``task_ids`` (those without any date are left out) on as many
    landscape pages as it needs, starting a new page first; returns how many it used.

    Pages go row chunk by row chunk, and within one, time chunk by time chunk (left to
    right): lay a row chunk's pages side by side and they read as one chart."""
    today = session.today()
    rows, spans = page_rows(session, task_ids, theme)
    handoffs = handoffs_by_task(session.board.handoffs.values(), spans)
    faces: dict[int, BarFace] = {}
    for task_id in spans:
        face = bar_face(session, task_id, handoffs.get(task_id, ()))
        assert face is not None  # it has a span
        faces[task_id] = face
    pages.new_page(landscape=True)
    body = pages.body()
    label_width = min(label_width, max(60.0, body.width() - MIN_CHART))
    time_axis = axis(spans, today, body.width() - label_width)
    painter = PagePainter(pages.painter, theme, time_axis, label_width, today, faces)
    free = body.height() - CAPTION_HEIGHT - 2 * TIER_HEIGHT
    chunks = row_chunks(rows, math.floor(free / ROW_HEIGHT))
    total = len(chunks) * time_axis.chunks
    part = 0
    for chunk_rows in chunks:
        for chunk in range(time_axis.chunks):
            if part:
                pages.new_page(landscape=True)
            part += 1
            start = time_axis.first + chunk * time_axis.chunk_days
            end = min(start + time_axis.chunk_days, time_axis.first + time_axis.days)
            painter.page(pages.body(), chunk_rows, start, end, part, total)
    return total
