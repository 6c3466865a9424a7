"""The timeline's rows: which tasks it draws, in which groups and order, on which days.

Plain data built once when the tasks or the grouping change. Days are ``date.toordinal()``
numbers so that painting and hit-testing are arithmetic on ints; nothing here is redone per
paint, so a 10,000-task board costs the view no more per frame than a 60-task one."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import Board
from renkei.domain.schedule import span_of
from renkei.ui.kanban.model import LANE_FIELD, LaneMode
from renkei.ui.text import tr


class Zoom(enum.Enum):
    """How much time the chart shows: the pixels one day takes."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"

    @property
    def pixels_per_day(self) -> float:
        return PIXELS_PER_DAY[self]

    @property
    def label(self) -> str:
        """The zoom's name for a toolbar, translated."""
        return tr("Timeline", ZOOM_LABELS[self])

    def zoomed_in(self) -> Zoom:
        """One step closer (more pixels per day); DAY stays DAY."""
        order = list(Zoom)
        return order[max(0, order.index(self) - 1)]

    def zoomed_out(self) -> Zoom:
        order = list(Zoom)
        return order[min(len(order) - 1, order.index(self) + 1)]


PIXELS_PER_DAY = {Zoom.DAY: 40.0, Zoom.WEEK: 14.0, Zoom.MONTH: 4.5, Zoom.QUARTER: 1.6}

# Marked for translation where they are used (tr("Timeline", …)).
ZOOM_LABELS = {
    Zoom.DAY: QT_TRANSLATE_NOOP("Timeline", "Day"),
    Zoom.WEEK: QT_TRANSLATE_NOOP("Timeline", "Week"),
    Zoom.MONTH: QT_TRANSLATE_NOOP("Timeline", "Month"),
    Zoom.QUARTER: QT_TRANSLATE_NOOP("Timeline", "Quarter"),
}


@dataclass(frozen=True, slots=True)
class Group:
    """A group of rows: its header row (``-1`` when ungrouped: no header) and its tasks."""

    key: int | None
    title: str
    row: int
    count: int


@dataclass(slots=True)
class RowLayout:
    """Row ``r`` shows ``tasks[r]`` (a task id, or None for a group header) and belongs to
    ``groups[group_of_row[r]]``. ``spans`` maps each drawn task to its (first, last) day
    ordinals, last included."""

    tasks: list[int | None] = field(default_factory=list)
    group_of_row: list[int] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    row_of: dict[int, int] = field(default_factory=dict)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    undated: list[int] = field(default_factory=list)
    first_day: int | None = None  # earliest first day of any drawn task
    last_day: int | None = None

    def __len__(self) -> int:
        return len(self.tasks)

    def task_rows(self) -> Iterable[int]:
        return (r for r, t in enumerate(self.tasks) if t is not None)


def group_order(board: Board, mode: LaneMode) -> list[tuple[int | None, str]]:
    """The groups in the kanban's lane order with its lane labels; the group for tasks
    without a team/owner/project comes last."""
    if mode is LaneMode.NONE:
        return [(None, "")]
    if mode is LaneMode.TEAM:
        groups = [(t.id, t.name) for t in board.ordered_teams()]
        return groups + [(None, tr("Kanban", "No team"))]
    if mode is LaneMode.OWNER:
        team_order = {t.id: t.position for t in board.teams.values()}
        people = sorted(
            board.people.values(), key=lambda p: (team_order.get(p.team_id, 99), p.name)
        )
        return [(p.id, p.name) for p in people] + [(None, tr("Kanban", "Unassigned"))]
    projects = sorted(board.projects.values(), key=lambda p: p.name)
    return [(p.id, p.name) for p in projects] + [(None, tr("Kanban", "No project"))]


def build_rows(board: Board, task_ids: Iterable[int], mode: LaneMode) -> RowLayout:
    """Group the dated tasks among ``task_ids``, sort each group by (first day, id) and lay
    the rows out: a header row per non-empty group (none when ungrouped), then its tasks."""
    tasks = board.tasks
    name = LANE_FIELD[mode]
    order = group_order(board, mode)
    known = {key for key, _ in order}
    members: dict[int | None, list[tuple[int, int, int]]] = {key: [] for key in known}
    layout = RowLayout()
    seen: set[int] = set()
    for task_id in task_ids:
        task = tasks.get(task_id)
        if task is None or task_id in seen:
            continue
        seen.add(task_id)
        span = span_of(task)
        if span is None:
            layout.undated.append(task_id)
            continue
        first, last = span.first.toordinal(), span.last.toordinal()
        layout.spans[task_id] = (first, last)
        key = getattr(task, name) if name else None
        if key not in known:  # a reference to something not on the board any more
            key = None
        members[key].append((first, task_id, last))
    if layout.spans:
        layout.first_day = min(first for first, _ in layout.spans.values())
        layout.last_day = max(last for _, last in layout.spans.values())
    for key, title in order:
        entries = members[key]
        if not entries:
            continue
        entries.sort()
        group_index = len(layout.groups)
        header_row = -1
        if mode is not LaneMode.NONE:
            header_row = len(layout.tasks)
            layout.tasks.append(None)
            layout.group_of_row.append(group_index)
        layout.groups.append(Group(key, title, header_row, len(entries)))
        for _, task_id, _ in entries:
            layout.row_of[task_id] = len(layout.tasks)
            layout.tasks.append(task_id)
            layout.group_of_row.append(group_index)
    return layout
