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
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any, NamedTuple

from renkei.domain.handoff import Handoff, HandoffState
from renkei.domain.handoff_commands import activity_by_task, owner_changes_from_activity
from renkei.domain.handoff_loss import (
    LOST_KINDS,
    Finding,
    FindingKind,
    MatrixCell,
    Names,
    OwnerChange,
    findings_for_task,
    team_matrix,
)
from renkei.domain.model import Activity, Board

MAX_AGE = timedelta(minutes=1)
SILENT = "silent"  # the state of a log entry for a change of hands without a handoff
STALL_DAYS = 3
OWNER_FIELDS = ("owner_id", "team_id")
# Beyond this many tasks, one read of the whole task trail beats a huge IN (...) list.
MAX_IDS_PER_READ = 2000

# How bad a finding is, for choosing a task's "breaking hop": lost information first.
_SEVERITY = {
    FindingKind.LOST_IN_TRANSIT.value: 0,
    FindingKind.LOST_DOWNSTREAM.value: 1,
    FindingKind.INCOMPLETE_AT_SEND.value: 2,
    FindingKind.SILENT_HANDOFF.value: 3,
    FindingKind.DROPPED.value: 4,
    FindingKind.BOUNCED.value: 5,
    FindingKind.STALLED.value: 6,
}
_LOST = frozenset(kind.value for kind in LOST_KINDS)


def severity(kind: str) -> int:
    """0 for the worst kind of finding (information lost on the way), upwards."""
    return _SEVERITY.get(kind, len(_SEVERITY))


class HandoffEntry(NamedTuple):
    """One line of the handoff log: a recorded handoff, or a change of hands without one
    (``handoff`` None, state ``silent``, ``at`` when the owner or team changed)."""

    handoff: Handoff | None
    task_id: int
    from_team_id: int | None
    to_team_id: int | None
    from_person_id: int | None
    to_person_id: int | None
    at: datetime
    state: str
    findings: tuple[Finding, ...]

    @property
    def lost_items(self) -> tuple[str, ...]:
        """Items this hop lost, in the order the findings name them."""
        names: dict[str, None] = {}
        for f in self.findings:
            if f.kind in _LOST:
                names.update(dict.fromkeys(f.items))
        return tuple(names)


class HandoffAnalysis:
    """Findings by task, the open handoffs, and (built when first asked for) the log and the
    team matrix. Immutable once made."""

    def __init__(self, board: Board, by_task: Mapping[int, tuple[Finding, ...]], now: datetime):
        self.now = now
        self._board = board
        self.by_task = by_task
        self.waiting: dict[int, Handoff] = {
            h.task_id: h for h in board.handoffs.values() if h.state.is_open
        }

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for task_id in sorted(self.by_task) for f in self.by_task[task_id])

    def findings_of(self, task_id: int) -> tuple[Finding, ...]:
        return self.by_task.get(task_id, ())

    @cached_property
    def entries(self) -> tuple[HandoffEntry, ...]:
        """The log, oldest first: every handoff but a withdrawn one, and every silent one."""
        by_handoff: dict[int, list[Finding]] = defaultdict(list)
        rows: list[tuple[datetime, int, HandoffEntry]] = []
        for f in self.findings:
            if f.handoff_id is not None:
                by_handoff[f.handoff_id].append(f)
            elif f.kind == FindingKind.SILENT_HANDOFF.value:
                hop = (f.from_team_id, f.to_team_id, f.from_person_id, f.to_person_id)
                rows.append((f.at, 0, HandoffEntry(None, f.task_id, *hop, f.at, SILENT, (f,))))
        for h in self._board.handoffs.values():
            if h.state is HandoffState.WITHDRAWN:
                continue  # its send was undone
            hop = (h.sender_team_id, h.receiver_team_id, h.sender_id, h.receiver_id)
            found = tuple(by_handoff.get(h.id, ()))
            entry = HandoffEntry(h, h.task_id, *hop, h.sent_at, h.state.value, found)
            rows.append((h.sent_at, h.id, entry))
        rows.sort(key=lambda row: (row[0], row[1]))
        return tuple(row[2] for row in rows)

    @cached_property
    def matrix(self) -> dict[tuple[int | None, int | None], MatrixCell]:
        board = self._board
        return team_matrix(
            board.handoffs.values(), self.findings, board.templates_by_name(), self.now
        )

    def chain(self, task_id: int) -> list[HandoffEntry]:
        """The task's hops, oldest first: its handoffs and its silent changes of hands."""
        return [e for e in self.entries if e.task_id == task_id]

    def breaking_finding(self, task_id: int) -> Finding | None:
        """Where the task's chain broke: the earliest of its most serious findings."""
        found = self.findings_of(task_id)
        if not found:
            return None
        return min(found, key=lambda f: (severity(f.kind), f.at))

    def worst_pair(self) -> MatrixCell | None:
        """The team pair that loses the most: most lost items, then most bounced, then the
        lowest share acknowledged in time; None when nothing was lost or bounced."""
        scored = [
            (sum(n for _item, n in cell.lost_items), cell.returned_or_rejected, cell)
            for cell in self.matrix.values()
        ]
        scored = [s for s in scored if s[0] or s[1]]
        if not scored:
            return None

        def key(s: tuple[int, float, MatrixCell]) -> tuple[Any, ...]:
            in_sla = s[2].acknowledged_in_sla
            return (s[0], s[1], -(in_sla if in_sla is not None else 1.0), s[2].count)

        return max(scored, key=key)[2]


class HandoffAnalyser:
    """Keeps each task's owner changes, work and findings between analyses of one board."""

    def __init__(self, store: Any):
        self.store = store
        self._owner_changes: dict[int, list[OwnerChange]] = {}
        self._work: dict[int, list[tuple[int | None, datetime]]] = {}
        self._findings: dict[int, tuple[Finding, ...]] = {}

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
            )
            if found:
                self._findings[task_id] = tuple(found)
            else:
                self._findings.pop(task_id, None)
        return HandoffAnalysis(board, dict(self._findings), now)

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


def _tasks_with_handoffs(board: Board) -> set[int]:
    return {h.task_id for h in board.handoffs.values()}


def _group(changes: list[OwnerChange]) -> dict[int, list[OwnerChange]]:
    grouped: dict[int, list[OwnerChange]] = defaultdict(list)
    for c in changes:
        grouped[c.task_id].append(c)
    return dict(grouped)


def _put(mapping: dict, key: int, value) -> None:
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
