"""The handoff log of one board at one moment: findings by task, the open handoffs, the log
of every hop, the team matrix and where each task's chain broke. Pure: built by
``renkei.app.handoff_analysis.HandoffAnalyser`` from the board and its trail, read by the views,
the standup, the report and the CLI.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime
from functools import cached_property
from typing import Any, NamedTuple

from renkei.domain.handoff import Handoff, HandoffState
from renkei.domain.handoff_loss import LOST_KINDS, Finding, FindingKind, MatrixCell, team_matrix
from renkei.domain.handoff_matrix import loss_score
from renkei.domain.model import Board

SILENT = "silent"  # the state of a log entry for a change of hands without a handoff

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

    def worst_pairs(self) -> tuple[MatrixCell, ...]:
        """The team pairs that lose the most (``loss_score``: lost items, silent handoffs and
        the share bounced), then the lowest share acknowledged in time. Pairs equal on both
        tie, and all of them are named (by team id); empty when nothing was lost, bounced or
        passed on silently."""
        scored = [
            (self._loss_score(cell), cell)
            for cell in self.matrix.values()
            if cell.lost_items or cell.returned_or_rejected or cell.silent
        ]
        if not scored:
            return ()
        best = max(score for score, _cell in scored)
        worst = [cell for score, cell in scored if score == best]
        return tuple(sorted(worst, key=lambda c: (c.from_team_id or 0, c.to_team_id or 0)))

    def worst_pair(self) -> MatrixCell | None:
        """The one pair that loses the most; None when nothing was lost, or on a tie."""
        worst = self.worst_pairs()
        return worst[0] if len(worst) == 1 else None

    @staticmethod
    def _loss_score(cell: MatrixCell) -> tuple[Any, ...]:
        in_sla = cell.acknowledged_in_sla
        return (round(loss_score(cell), 9), -(in_sla if in_sla is not None else 1.0))
