"""The team-to-team matrix: how handoffs between each pair of teams fare."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from renkei.domain.handoff import (
    Handoff,
    HandoffState,
    HandoffTemplate,
    acknowledged_within_sla,
    business_time_between,
    sla_deadline,
    template_for,
)
from renkei.domain.handoff_findings import LOST_KINDS, Finding, FindingKind, in_send_order


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One sender team × receiver team pair.

    ``acknowledged_in_sla``: share (0..1) of the pair's handoffs whose SLA is decided —
    acknowledged, or still unacknowledged past the deadline — that were acknowledged in time;
    None when none is decided yet. ``median_to_acknowledge`` is business time from sending to
    acknowledging over acknowledged handoffs. ``returned_or_rejected``: share of all the
    pair's handoffs. ``lost_items``: the three items most often named by lost_in_transit,
    lost_downstream and incomplete_at_send findings on these handoffs, with counts; an item
    counts once per handoff however many findings name it (ties: alphabetical). ``silent``:
    how many times a task changed hands from the one team to the other with no handoff
    record (silent_handoff findings); a pair may have silent handoffs and no handoff
    (``count`` 0)."""

    from_team_id: int | None
    to_team_id: int | None
    count: int
    acknowledged_in_sla: float | None
    median_to_acknowledge: timedelta | None
    returned_or_rejected: float
    lost_items: tuple[tuple[str, int], ...]
    handoff_ids: tuple[int, ...]
    silent: int = 0


def team_matrix(
    handoffs: Iterable[Handoff],
    findings: Iterable[Finding],
    templates: Mapping[str, HandoffTemplate],
    now: datetime,
) -> dict[tuple[int | None, int | None], MatrixCell]:
    groups: dict[tuple[int | None, int | None], list[Handoff]] = defaultdict(list)
    for h in in_send_order(handoffs):
        groups[(h.sender_team_id, h.receiver_team_id)].append(h)
    lost_by_handoff: dict[int, set[str]] = defaultdict(set)
    silent: Counter[tuple[int | None, int | None]] = Counter()
    for f in findings:
        if f.kind in LOST_KINDS and f.handoff_id is not None:
            lost_by_handoff[f.handoff_id].update(f.items)
        elif f.kind == FindingKind.SILENT_HANDOFF.value:
            silent[(f.from_team_id, f.to_team_id)] += 1
    matrix = {}
    for key in silent.keys() - groups.keys():
        matrix[key] = MatrixCell(key[0], key[1], 0, None, None, 0.0, (), (), silent[key])
    for key, group in groups.items():
        decided = in_sla = 0
        waits: list[timedelta] = []
        for h in group:
            template = template_for(h, templates)
            if h.acknowledged_at is not None:
                decided += 1
                in_sla += acknowledged_within_sla(h, template)
                waits.append(business_time_between(h.sent_at, h.acknowledged_at))
            elif h.state.is_open and now > sla_deadline(h, template):
                decided += 1
        bounced_count = sum(
            h.state in (HandoffState.RETURNED, HandoffState.REJECTED) for h in group
        )
        lost: Counter[str] = Counter()
        for h in group:
            lost.update(lost_by_handoff.get(h.id, ()))
        top = sorted(lost.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        matrix[key] = MatrixCell(
            from_team_id=key[0],
            to_team_id=key[1],
            count=len(group),
            acknowledged_in_sla=in_sla / decided if decided else None,
            median_to_acknowledge=_median(waits) if waits else None,
            returned_or_rejected=bounced_count / len(group),
            lost_items=tuple(top),
            handoff_ids=tuple(h.id for h in group),
            silent=silent[key],
        )
    return matrix


def loss_score(cell: MatrixCell) -> float:
    """How much a pair loses: its lost items, plus one for each silent handoff (a change of
    hands with no packet at all), plus the share sent back. ``HandoffAnalysis.worst_pairs``
    ranks by it and the matrix warms its cells by it."""
    return sum(n for _item, n in cell.lost_items) + cell.silent + cell.returned_or_rejected


def _median(spans: Sequence[timedelta]) -> timedelta:
    """The middle span (the mean of the two middle ones for an even count), as
    ``statistics.median`` would give it for numbers."""
    ordered = sorted(spans)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
