"""Which tasks the board shows: the filter bar's choices as one value and one pure test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from renkei.domain.model import Board, Task
from renkei.domain.read_model import BoardReadModel


@dataclass(frozen=True, slots=True)
class TaskFilter:
    text: str = ""
    team_ids: frozenset[int] = frozenset()
    owner_ids: frozenset[int] = frozenset()
    project_ids: frozenset[int] = frozenset()
    at_risk_only: bool = False
    due_within_days: int | None = None
    show_archived: bool = False

    @property
    def is_empty(self) -> bool:
        return self == TaskFilter()


def search_text(task: Task, board: Board) -> str:
    """What the text filter searches: title, description, tags and the owner's name."""
    owner = board.people.get(task.owner_id) if task.owner_id is not None else None
    parts = [task.title, task.description, " ".join(task.tags), owner.name if owner else ""]
    return "\n".join(parts).casefold()


def matching_ids(
    session: BoardReadModel, tasks: list[Task], chosen: TaskFilter, haystacks: dict[int, str]
) -> list[int]:
    """Ids of ``tasks`` that pass ``chosen``. ``haystacks`` caches search_text by task id
    (the caller keeps it across filter changes; typing must stay under 100 ms on 10,000)."""
    board = session.board
    needle = chosen.text.strip().casefold()
    words = needle.split()
    due_limit = None
    if chosen.due_within_days is not None:
        due_limit = session.today() + timedelta(days=chosen.due_within_days)
    done = board.done_status_ids()
    result: list[int] = []
    for task in tasks:
        if task.archived and not chosen.show_archived:
            continue
        if chosen.team_ids and task.team_id not in chosen.team_ids:
            continue
        if chosen.owner_ids and task.owner_id not in chosen.owner_ids:
            continue
        if chosen.project_ids and task.project_id not in chosen.project_ids:
            continue
        if due_limit is not None and (
            task.due is None or task.due > due_limit or task.status_id in done
        ):
            continue
        if words:
            haystack = haystacks.get(task.id)
            if haystack is None:
                haystack = haystacks[task.id] = search_text(task, board)
            if not all(word in haystack for word in words):
                continue
        if chosen.at_risk_only and not session.risk(task.id):
            continue
        result.append(task.id)
    return result
