"""The paper timeline's layout: which rows (grouped by team), how the rows are cut into
page-high chunks and the time axis into page-wide chunks of whole weeks. Plain values,
computed once per report before any page is painted (``timeline_page_paint`` paints them).

All sizes are points (1/72 inch)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor

from renkei.domain.read_model import BoardReadModel
from renkei.domain.schedule import Span, span_of
from renkei.i18n.words import date_range_text
from renkei.render.calendar_labels import japanese, month_name
from renkei.render.theme import Theme

LABEL_WIDTH = 180.0  # the label column: title and owner
MIN_DAY = 6.0  # a day is never narrower than this on paper
MAX_DAY = 24.0  # …nor wider: a short plan does not need giant days
MIN_CHART = 120.0  # the chart keeps at least this much of the page width
TIER_HEIGHT = 14.0  # each of the header's two tiers
CAPTION_HEIGHT = 16.0
CONTEXT_DAYS = 7  # the axis shows at least today ± a week


@dataclass(frozen=True, slots=True)
class PageGroup:
    title: str
    count: int
    colour: QColor


@dataclass(frozen=True, slots=True)
class PageRow:
    group: PageGroup
    task_id: int | None = None  # None: the group's header row
    continued: bool = False  # a group header repeated at the top of a later page


def page_rows(
    model: BoardReadModel, task_ids: Sequence[int], theme: Theme
) -> tuple[list[PageRow], dict[int, Span]]:
    """(rows grouped by team in board order then "No team", each sorted by first day;
    every shown task's span)."""
    board = model.board
    spans: dict[int, Span] = {}
    for task_id in dict.fromkeys(task_ids):
        task = board.tasks.get(task_id)
        span = span_of(task) if task is not None else None
        if span is not None:
            spans[task_id] = span
    by_team: dict[int | None, list[int]] = {}
    for task_id in spans:
        team_id = board.tasks[task_id].team_id
        by_team.setdefault(team_id if team_id in board.teams else None, []).append(task_id)
    colours = theme.team_colours
    groups: list[tuple[PageGroup, list[int]]] = []
    for team in board.ordered_teams():
        if team.id in by_team:
            ids = by_team[team.id]
            colour = colours[team.position % len(colours)]
            groups.append((PageGroup(team.name, len(ids), colour), ids))
    if None in by_team:
        ids = by_team[None]
        groups.append(
            (
                PageGroup(
                    QCoreApplication.translate("TimelineReport", "No team"), len(ids), theme.no_team
                ),
                ids,
            )
        )
    rows: list[PageRow] = []
    for group, ids in groups:
        ids.sort(key=lambda i: (spans[i].first, spans[i].last, board.tasks[i].title, i))
        rows.append(PageRow(group))
        rows.extend(PageRow(group, task_id) for task_id in ids)
    return rows, spans


def row_chunks(rows: list[PageRow], capacity: int) -> list[list[PageRow]]:
    """The rows page by page. A page that starts inside a group repeats the group's header
    ("continued"); a group header never ends a page."""
    capacity = max(2, capacity)
    chunks: list[list[PageRow]] = []
    index = 0
    while index < len(rows):
        chunk: list[PageRow] = []
        if rows[index].task_id is not None:
            chunk.append(PageRow(rows[index].group, continued=True))
        while index < len(rows) and len(chunk) < capacity:
            chunk.append(rows[index])
            index += 1
        if chunk[-1].task_id is None and index < len(rows):
            chunk.pop()
            index -= 1
        chunks.append(chunk)
    return chunks or [[]]


def page_count(
    model: BoardReadModel,
    task_ids: Sequence[int],
    body: QRectF,
    row_height: float,
    theme: Theme,
    label_width: float = LABEL_WIDTH,
) -> int:
    """How many landscape pages ``timeline_pages.paint_timeline`` takes for ``task_ids`` on
    pages whose body is ``body``: the same cuts, nothing painted, so that a report knows its
    page total before it paints its first page."""
    rows, spans = page_rows(model, task_ids, theme)
    label_width = min(label_width, max(60.0, body.width() - MIN_CHART))
    time_axis = axis(spans, model.today(), body.width() - label_width)
    free = body.height() - CAPTION_HEIGHT - 2 * TIER_HEIGHT
    return len(row_chunks(rows, math.floor(free / row_height))) * time_axis.chunks


@dataclass(frozen=True, slots=True)
class Axis:
    first: int  # ordinal of the first day shown (a Monday)
    days: int  # days on the whole axis (whole weeks)
    chunk_days: int  # days per page (whole weeks)
    ppd: float  # points per day

    @property
    def chunks(self) -> int:
        return math.ceil(self.days / self.chunk_days)


def axis(spans: dict[int, Span], today: date, chart_width: float) -> Axis:
    """Whole weeks from the earliest first day to the latest last day (and today ± a week),
    as few pages as a day of at least ``MIN_DAY`` points allows, shared out evenly."""
    first = min([s.first for s in spans.values()] + [today - timedelta(days=CONTEXT_DAYS)])
    last = max([s.last for s in spans.values()] + [today + timedelta(days=CONTEXT_DAYS)])
    monday = first - timedelta(days=first.weekday())
    weeks = math.ceil(((last - monday).days + 1) / 7)
    per_page = max(1, math.floor(chart_width / (7 * MIN_DAY)))
    pages = math.ceil(weeks / per_page)
    chunk_weeks = math.ceil(weeks / pages)
    ppd = min(MAX_DAY, chart_width / (7 * chunk_weeks))
    return Axis(monday.toordinal(), weeks * 7, chunk_weeks * 7, ppd)


def _day_text(d: date, with_year: bool) -> str:
    text = f"{d.day} {month_name(d.month, False)}"
    return f"{text} {d.year}" if with_year else text


def range_text(first: date, last: date, today: date) -> str:
    """'1 Dec – 28 Dec', with years when the range leaves this year; in Japanese the one date
    style, '11月30日(月)〜12月27日(日)' (``date_range_text``)."""
    if japanese():
        return date_range_text(first, last, today)
    years = first.year != last.year or first.year != today.year
    return f"{_day_text(first, years)} – {_day_text(last, years)}"
