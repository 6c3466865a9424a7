"""The board's tasks as a CSV file: every field, one row per task, written atomically.

UTF-8 by default; ``excel=True`` writes UTF-8 with a byte-order mark (so Excel on Windows
and macOS reads Japanese correctly) and protects cells that Excel would run as a formula
(starting with = + - @) with a leading apostrophe. The file is written under the rule of
renkei.files: beside the target and moved over it, so a failed or cancelled export leaves
nothing half-written, and a folder, device or read-only file is refused.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from renkei.domain.model import Board, Task
from renkei.files import replacing

# Headers the CSV import recognises, so an exported file imports back as the same tasks.
COLUMNS = (
    "id",
    "source",
    "title",
    "status",
    "team",
    "owner",
    "project",
    "priority",
    "start",
    "due",
    "estimate hours",
    "progress",
    "tags",
    "flag",
    "flagged by",
    "archived",
    "depends on",
    "created",
    "updated",
    "description",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportCancelled(Exception):
    """The user cancelled; the target file was not touched."""


def _local(at: datetime | None) -> str:
    if at is None:
        return ""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def task_row(board: Board, task: Task) -> list[str]:
    def name(collection: dict, key: int | None) -> str:
        item = collection.get(key) if key is not None else None
        return item.name if item is not None else ""

    flag = task.flag
    return [
        str(task.id),
        task.source_id or "",
        task.title,
        name(board.statuses, task.status_id),
        name(board.teams, task.team_id),
        name(board.people, task.owner_id),
        name(board.projects, task.project_id),
        task.priority.name.lower(),
        task.start.isoformat() if task.start else "",
        task.due.isoformat() if task.due else "",
        "" if task.estimate_hours is None else f"{task.estimate_hours:g}",
        str(task.progress),
        ", ".join(task.tags),
        flag.reason if flag else "",
        name(board.people, flag.set_by) if flag else "",
        "yes" if task.archived else "no",
        " ".join(str(i) for i in task.depends_on),
        _local(task.created_at),
        _local(task.updated_at),
        task.description,
    ]


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def export_csv(
    board: Board,
    path: Path,
    *,
    excel: bool = False,
    archived: bool = True,
    progress: Callable[[int, int], bool | None] | None = None,
) -> int:
    """Write the tasks (archived ones too unless ``archived=False``) in board order; the
    number of rows written. ``progress`` returning True cancels."""
    path = Path(path)
    tasks = sorted(board.tasks.values(), key=lambda t: t.id)
    if not archived:
        tasks = [t for t in tasks if not t.archived]
    encoding = "utf-8-sig" if excel else "utf-8"
    with replacing(path, text=True, encoding=encoding, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        total = len(tasks)
        for done, task in enumerate(tasks, 1):
            row = task_row(board, task)
            writer.writerow([_safe(c) for c in row] if excel else row)
            tick = progress is not None and (done % 500 == 0 or done == total)
            if tick and progress(done, total):
                raise ExportCancelled()
    return len(tasks)
