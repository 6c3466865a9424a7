"""Where things are on a scrolled timeline: plain arithmetic shared by the screen view (for
painting and hit-testing) and the standup slide's picture of it.

The chart has a label column on the left and a two-tier date header on top. Rows have one
height and a day one width, so the x of a day and the top of a row are a multiplication."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from renkei.render.timeline_paint import BarStyle, bar_rect
from renkei.render.timeline_rows import RowLayout

LABEL_WIDTH = 300  # room for a title, the done check and the owner
TIER_HEIGHT = 23
HEADER_HEIGHT = 2 * TIER_HEIGHT
HANDLE_RADIUS = 5.0
HANDLE_GAP = 10.0  # from a bar's right end to its link handle's centre


@dataclass(frozen=True, slots=True)
class ChartGeometry:
    """A timeline ``width`` × ``height`` (the viewport) whose content x 0 is day ``origin``,
    scrolled by (``scroll_x``, ``scroll_y``)."""

    width: float
    height: float
    row_height: float
    origin: int  # the day ordinal at content x 0
    ppd: float  # pixels per day
    scroll_x: float = 0.0
    scroll_y: float = 0.0
    label_width: float = LABEL_WIDTH
    tier_height: float = TIER_HEIGHT

    @property
    def header_height(self) -> float:
        return 2 * self.tier_height

    def x_of(self, day: float) -> float:
        """The x of the left edge of day ordinal ``day`` (a fraction: into the day)."""
        return self.label_width + (day - self.origin) * self.ppd - self.scroll_x

    def day_float(self, x: float) -> float:
        """The day ordinal (with the fraction of the day) under x."""
        return self.origin + (x - self.label_width + self.scroll_x) / self.ppd

    def row_top(self, row: int) -> float:
        return self.header_height + row * self.row_height - self.scroll_y

    def row_at(self, y: float, rows: int) -> int:
        """The row under y among ``rows``; -1 in the header or below the last row."""
        if y < self.header_height:
            return -1
        row = int((y - self.header_height + self.scroll_y) // self.row_height)
        return row if 0 <= row < rows else -1

    def visible_rows(self, rows: int) -> range:
        first = max(0, int(self.scroll_y // self.row_height))
        last = min(rows - 1, first + int(self.height // self.row_height) + 1)
        return range(first, last + 1)

    def visible_days(self) -> tuple[int, int]:
        """The first and last day ordinals any of whose part is in view."""
        return (
            math.floor(self.day_float(self.label_width)),
            math.floor(self.day_float(self.width)) + 1,
        )

    def bar_rect(self, layout: RowLayout, task_id: int, style: BarStyle) -> QRectF | None:
        """The task's bar (or its milestone diamond's bounding square); None when not drawn."""
        span = layout.spans.get(task_id)
        row = layout.row_of.get(task_id)
        if span is None or row is None:
            return None
        first, last = span
        centre_y = self.row_top(row) + self.row_height / 2
        return bar_rect(first, last, self.x_of(first), self.ppd, centre_y, style)

    def link_handle_rect(self, bar: QRectF) -> QRectF:
        """The round handle just past a bar's right end that starts a dependency."""
        centre = QPointF(bar.right() + HANDLE_GAP, bar.center().y())
        r = HANDLE_RADIUS
        return QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
