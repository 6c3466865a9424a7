"""What the Handoffs tab, the cards and the detail pane show about handoffs, Qt-free.

Findings are computed per task (``renkei.domain.handoff_loss.findings_for_task``) from the
task's handoffs and its part of the audit trail. ``HandoffAnalyser`` keeps both per task, so
after an edit only the tasks the edit touched are read and analysed again: on a board of
10,000 tasks and 2,000 handoffs a full analysis costs about a fifth of a second, too much
for every drag of a card. "dropped" and "stalled" depend on the clock, so the session asks
for a full analysis again once the last one is ``MAX_AGE`` old.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from renkei.domain.handoff import Handoff
from renkei.domain.handoff_commands import activity_by_task, owner_changes_from_activity
from renkei.domain.handoff_log import HandoffAnalysis
from renkei.domain.handoff_loss import (
    Finding,
    Names,
    OwnerChange,
    PersonTeams,
    findings_for_task,
)
from renkei.domain.model import Activity, Board

MAX_AGE = timedelta(minutes=1)
STALL_DAYS = 3
OWNER_FIELDS = ("owner_id", "team_id")
# Beyond this many tasks, one read of the whole task trail beats a huge IN (...) list.
MAX_IDS_PER_READ = 2000


class HandoffAnalyser:
    """Keeps each task's owner changes, work and findings between analyses of one board."""

    def __init__(self, store: Any):
        self.store = store
        self._owner_changes: dict[int, list[OwnerChange]] = {}
        self._work: dict[int, list[tuple[int | None, datetime]]] = {}
        self._findings: dict[int, tuple[Finding, ...]] = {}
        # People's team moves, read again when a person row changed (versions differ).
        self._teams: tuple[dict[int, int], PersonTeams] | None = None

    def analyse(
        self, board: Board, now: datetime, touched: Iterable[int] | None = None
    ) -> HandoffAnalysis:
        """Everything again (``touched`` None), or only the tasks ``touched`` names."""
        if touched is None:
            self._read_all(board)
            tasks: Iterable[int] = set(self._owner_changes) | _tasks_with_handoffs(board)
            self._findings = {}
        else:
            tasks = set(touched)
            self._read_tasks(tasks)
        handoffs_by_task: dict[int, list[Handoff]] = defaultdict(list)
        for h in board.handoffs.values():
            if h.task_id in tasks:
                handoffs_by_task[h.task_id].append(h)
        names = Names(
            teams={t.id: t.name for t in board.teams.values()},
            people={p.id: p.name for p in board.people.values()},
        )
        templates = board.templates_by_name()
        teams = self._person_teams(board) if tasks else PersonTeams()
        for task_id in tasks:
            task = board.tasks.get(task_id)
            found = findings_for_task(
                task_id,
                handoffs_by_task.get(task_id, ()),
                self._owner_changes.get(task_id, ()),
                self._work,
                templates,
                now,
                STALL_DAYS,
                names=names,
                team_now=task.team_id if task is not None else None,
                owner_now=task.owner_id if task is not None else None,
                teams=teams,
            )
            if found:
                self._findings[task_id] = tuple(found)
            else:
                self._findings.pop(task_id, None)
        return HandoffAnalysis(board, dict(self._findings), now)

    def _person_teams(self, board: Board) -> PersonTeams:
        """Who was in which team when: the people's team changes in the trail (a short read:
        people rarely move, and it is read again only after a person changed) and their
        teams now."""
        versions = {p.id: p.version for p in board.people.values()}
        if self._teams is not None and self._teams[0] == versions:
            return self._teams[1]
        moves: dict[int, list[tuple[datetime, int | None, int | None]]] = defaultdict(list)
        for row in self.store.history("person", fields=("team_id",)):
            moves[row.entity_id].append((row.at, _id(row.old), _id(row.new)))
        teams = PersonTeams(dict(moves), {p.id: p.team_id for p in board.people.values()})
        self._teams = (versions, teams)
        return teams

    def forget(self) -> None:
        """Drop what was read: the next analyses start from nothing (tasks asked for one
        by one do not carry findings read before the board changed under them)."""
        self._owner_changes, self._work, self._findings = {}, {}, {}
        self._teams = None

    def _read_all(self, board: Board) -> None:
        """Two narrow reads, not the whole trail: every owner/team change (silent handoffs),
        and the work on tasks that have handoffs (stalled). A board's trail grows forever."""
        store = self.store
        self._owner_changes = _group(
            owner_changes_from_activity(store.history("task", fields=OWNER_FIELDS))
        )
        with_handoffs = _tasks_with_handoffs(board)
        self._work = {}
        if with_handoffs:
            narrowed = len(with_handoffs) <= MAX_IDS_PER_READ
            rows = store.history("task", entity_ids=with_handoffs if narrowed else None)
            self._work = activity_by_task(rows)

    def _read_tasks(self, tasks: set[int]) -> None:
        if not tasks:
            return
        rows: list[Activity] = []
        ids = sorted(tasks)
        for start in range(0, len(ids), MAX_IDS_PER_READ):
            rows += self.store.history("task", entity_ids=ids[start : start + MAX_IDS_PER_READ])
        owner_changes = _group(owner_changes_from_activity(rows))
        work = activity_by_task(rows)
        for task_id in tasks:
            _put(self._owner_changes, task_id, owner_changes.get(task_id))
            _put(self._work, task_id, work.get(task_id))


def _id(text: str | None) -> int | None:
    return int(text) if text not in (None, "") else None


def _tasks_with_handoffs(board: Board) -> set[int]:
    return {h.task_id for h in board.handoffs.values()}


def _group(changes: list[OwnerChange]) -> dict[int, list[OwnerChange]]:
    grouped: dict[int, list[OwnerChange]] = defaultdict(list)
    for c in changes:
        grouped[c.task_id].append(c)
    return dict(grouped)


_V = TypeVar("_V")


def _put(mapping: dict[int, _V], key: int, value: _V | None) -> None:
    if value:
        mapping[key] = value
    else:
        mapping.pop(key, None)


def analyse(source: Any, now: datetime) -> HandoffAnalysis:
    """A full analysis of a BoardSession's snapshot, or of a BoardStore's board now."""
    store = getattr(source, "store", source)
    board = source.board if hasattr(source, "board") else store.load()
    return HandoffAnalyser(store).analyse(board, now)


def findings(source: Any, now: datetime) -> list[Finding]:
    """Every finding on the board, by task id then time."""
    return list(analyse(source, now).findings)
