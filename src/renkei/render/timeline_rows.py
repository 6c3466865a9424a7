"""The timeline's rows: which tasks it draws, in which groups and order, on which days.

Plain data built once when the tasks or the grouping change. Days are ``date.toordinal()``
numbers so that painting and hit-testing are arithmetic on ints; nothing here is redone per
paint, so a 10,000-task board costs the view no more per frame than a 60-task one."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import Board
from renkei.domain.schedule import day_numbers


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
        return QCoreApplication.translate("Timeline", ZOOM_LABELS[self])

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


def build_rows(
    board: Board,
    task_ids: Iterable[int],
    field_name: str | None,
    order: list[tuple[int | None, str]],
) -> RowLayout:
    """Group the dated tasks among ``task_ids`` by the task field ``field_name`` ("team_id",
    …; None: ungrouped) into the groups ``order`` lists as (key, title), the group for the
    tasks without one (key None) among them; sort each group by (first day, id) and lay the
    rows out: a header row per non-empty group (none when ungrouped), then its tasks."""
    tasks = board.tasks
    name = field_name
    known = {key for key, _ in order}
    members: dict[int | None, list[tuple[int, int, int]]] = {key: [] for key in known}
    layout = RowLayout()
    seen: set[int] = set()
    for task_id in task_ids:
        task = tasks.get(task_id)
        if task is None or task_id in seen:
            continue
        seen.add(task_id)
        days = day_numbers(task)
        if days is None:
            layout.undated.append(task_id)
            continue
        first, last = days
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
        if name is not None:
            header_row = len(layout.tasks)
            layout.tasks.append(None)
            layout.group_of_row.append(group_index)
        layout.groups.append(Group(key, title, header_row, len(entries)))
        for _, task_id, _ in entries:
            layout.row_of[task_id] = len(layout.tasks)
            layout.tasks.append(task_id)
            layout.group_of_row.append(group_index)
    return layout


def team_groups(board: Board) -> list[tuple[int | None, str]]:
    """The teams in board order, then the group of the tasks without one."""
    return [(t.id, t.name) for t in board.ordered_teams()] + [
        (None, QCoreApplication.translate("Kanban", "No team"))
    ]
