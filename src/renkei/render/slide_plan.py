"""How a team's standup slide is laid out: its sections flowed into columns, each given the
room its lines need, and which of a long section's lines a page shows ("4–9 of 23 ↓").
Measured with the slide's fonts; painted by render/slide_paint.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from renkei.render.line_breaks import break_lines
from renkei.render.slide_face import TEAM, Line, Section, SlideFace
from renkei.render.slide_metrics import (
    SlideMetrics,
    line_height,
    slide_body,
    slide_font,
)


@dataclass(frozen=True, slots=True)
class Placed:
    """A section where it goes on the slide, and which of its lines the page shows."""

    section: Section
    rect: QRectF  # its panel (the same on every page: paging never moves a panel)
    start: int  # the first line shown
    end: int  # after the last line shown

    @property
    def paged(self) -> bool:
        """Whether some of its lines are on another page."""
        return self.start > 0 or self.end < len(self.section.lines)


@dataclass(frozen=True, slots=True)
class TeamPlan:
    placed: tuple[Placed, ...]

    @property
    def more(self) -> bool:
        """Whether ↓ shows lines not yet shown."""
        return any(p.end < len(p.section.lines) for p in self.placed)


def padding(m: SlideMetrics) -> float:
    return max(10.0, 18 * m.unit)


def heading_height(m: SlideMetrics) -> float:
    return line_height(m.heading, True) + padding(m) * 0.6


def _overhead(m: SlideMetrics) -> float:
    """A panel without its lines: padding and heading."""
    return 2 * padding(m) + heading_height(m)


def detail_px(section: Section, m: SlideMetrics) -> float:
    return m.item if section.big_details else m.detail


def icon_width(m: SlideMetrics) -> float:
    return m.item * 1.15


@lru_cache(maxsize=8192)
def wrap_text(
    text: str,
    pixels: float,
    bold: bool,
    width: float,
    lines: int = 2,
    names: tuple[str, ...] = (),
) -> tuple[str, ...]:
    """``text`` on at most ``lines`` lines of ``width``: broken where its language allows
    (render.line_breaks: Japanese by phrase with kinsoku, never inside one of ``names``;
    English at spaces), only the last line cut with "…"."""
    font = slide_font(pixels, bold)
    metrics = QFontMetricsF(font)
    if width <= 0 or metrics.horizontalAdvance(text) <= width or lines <= 1:
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, width))
        return (shown,) if shown else ()
    text = " ".join(text.split())
    return tuple(break_lines(text, metrics.horizontalAdvance, width, lines, names))


def title_lines(line: Line, width: float, m: SlideMetrics) -> tuple[str, ...]:
    width = round(width - icon_width(m), 1)
    return wrap_text(line.title, float(m.item), True, width, 2, line.title_names)


def _tallest(m: SlideMetrics, section: Section | None = None) -> float:
    """The height of a line whose title takes two lines."""
    detail = detail_px(section, m) if section is not None else m.item
    return 2 * line_height(m.item, True) + line_height(detail) + max(6.0, 12 * m.unit)


def item_height(line: Line, section: Section, width: float, m: SlideMetrics) -> float:
    """A line's height in a panel ``width`` wide: its title on one or two lines, the word
    and detail under it."""
    gap = max(6.0, 12 * m.unit)
    titles = max(1, len(title_lines(line, width - 2 * padding(m), m)))
    return titles * line_height(m.item, True) + line_height(detail_px(section, m)) + gap


# Pixels a page may be over its room: a panel's room is worked out as its height less its
# heading, and the sum of its lines can exceed that difference by a rounding error alone
# (on a Japanese slide the second of two lines was paged off, leaving half a panel empty).
ROOM_SLACK = 0.01


def _pages(
    section: Section, room: float, width: float, m: SlideMetrics, page: int
) -> tuple[int, int]:
    """The lines page ``page`` shows of a section whose lines have ``room``: each page takes
    the lines that fit after the previous page's (one at least), the last page stays."""
    count = len(section.lines)
    start, shown = 0, 0
    while start < count:
        used, end = 0.0, start
        while end < count:
            h = item_height(section.lines[end], section, width, m)
            if end > start and used + h > room + ROOM_SLACK:
                break
            used += h
            end += 1
        if shown == page or end >= count:
            return start, end
        start, shown = end, shown + 1
    return 0, 0


def _allot(column: Sequence[Section], height: float, width: float, m: SlideMetrics) -> list[float]:
    """Each section's panel height in a column: its first line in any case, then lines taken
    in turns while they fit; a section that pages keeps room for a two-line title (its later
    pages may hold one), and what is left goes to the sections that page."""
    overhead = _overhead(m)
    heights = [[item_height(line, s, width, m) for line in s.lines[:1]] for s in column]
    counts = [len(h) for h in heights]
    sums = [sum(h) for h in heights]
    talls = [_tallest(m, s) for s in column]

    def room(i: int, k: int, total: float) -> float:
        return total if k >= len(column[i].lines) else max(total, talls[i])

    free = height - m.gap * (len(column) - 1) - overhead * len(column)
    free -= sum(room(i, counts[i], sums[i]) for i in range(len(column)))
    grew = True
    while grew:
        grew = False
        for i, section in enumerate(column):
            k = counts[i]
            if k >= len(section.lines):
                continue
            h = item_height(section.lines[k], section, width, m)
            more = room(i, k + 1, sums[i] + h) - room(i, k, sums[i])
            if more <= free:
                counts[i], sums[i], free = k + 1, sums[i] + h, free - more
                grew = True
    rooms = [room(i, counts[i], sums[i]) for i in range(len(column))]
    paged = [i for i, s in enumerate(column) if counts[i] < len(s.lines)]
    if paged and free > 0:
        for i in paged:
            rooms[i] += free / len(paged)
    return [overhead + r for r in rooms]


def _columns(count: int, sections: int) -> list[list[tuple[int, ...]]]:
    """Every way to cut ``sections`` (in order) into ``count`` columns, each with one or more."""
    if count <= 1 or sections <= 1:
        return [[tuple(range(sections))]]
    cuts = []
    for breaks in combinations(range(1, sections), count - 1):
        edges = (0, *breaks, sections)
        cuts.append([tuple(range(a, b)) for a, b in pairwise(edges)])
    return cuts


def column_count(body: QRectF, m: SlideMetrics, sections: int) -> int:
    """Three columns on a wide slide (two on a narrow one), never more than sections."""
    fits = max(1, int(body.width() // max(1.0, 520 * m.unit)))
    return max(1, min(3, fits, sections))


# The columns chosen for a slide's sections at a size: paging and the timer repaint the
# same sections every second, and choosing is the dearest part of planning.
_CUTS: dict[tuple, tuple] = {}


def _best_cut(
    sections: Sequence[Section], count: int, width: float, height: float, m: SlideMetrics
) -> tuple[list[tuple[int, ...]], list[list[float]]]:
    """The sections cut into ``count`` columns where the first page shows the most lines
    (and no column overflows, if any cut can), with each panel's height."""
    best: tuple | None = None
    for cut in _columns(count, len(sections)):
        heights = []
        shown = 0
        over = 0.0
        for column in cut:
            group = [sections[i] for i in column]
            allotted = _allot(group, height, width, m)
            heights.append(allotted)
            over += max(0.0, sum(allotted) + m.gap * (len(group) - 1) - height)
            for section, panel in zip(group, allotted, strict=True):
                start, end = _pages(section, panel - _overhead(m), width, m, 0)
                shown += end - start
        score = (over, -shown)
        if best is None or score < best[0]:
            best = (score, cut, heights)
    assert best is not None
    return best[1], best[2]


def plan_team(
    sections: Sequence[Section], body: QRectF, m: SlideMetrics, page: int = 0
) -> TeamPlan:
    """Where each section goes and which lines page ``page`` shows. The sections flow into
    columns in order, cut where the most lines show on the first page; a panel keeps its
    place and size on every page."""
    if not sections:
        return TeamPlan(())
    count = column_count(body, m, len(sections))
    width = (body.width() - (count - 1) * m.gap) / count
    key = (id(sections), round(body.width(), 1), round(body.height(), 1), m.unit)
    cached = _CUTS.get(key)
    if cached is not None and cached[0] is sections:
        cut, heights = cached[1], cached[2]
    else:
        cut, heights = _best_cut(sections, count, width, body.height(), m)
        if len(_CUTS) > 64:
            _CUTS.clear()
        _CUTS[key] = (sections, cut, heights)
    placed = []
    for n, (column, allotted) in enumerate(zip(cut, heights, strict=True)):
        x = body.left() + n * (width + m.gap)
        y = body.top()
        for i, panel in zip(column, allotted, strict=True):
            section = sections[i]
            start, end = _pages(section, panel - _overhead(m), width, m, page)
            placed.append(Placed(section, QRectF(x, y, width, panel), start, end))
            y += panel + m.gap
    return TeamPlan(tuple(placed))


def team_has_more(face: SlideFace, rect: QRectF, m: SlideMetrics) -> bool:
    """Whether ↓ on this team slide shows lines not yet shown (else it moves on)."""
    if face.kind != TEAM or not face.sections:
        return False
    return plan_team(face.sections, slide_body(rect, m), m, face.page).more


