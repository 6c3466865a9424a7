"""Where information got lost: pure functions over handoffs and the audit trail.

Every finding names the hop (from team/person → to team/person, when) and the items
involved, with an English ``detail`` sentence built from a template marked for translation;
``describe`` rebuilds the sentence in another language from the finding's ``params``.

Kinds (spelled exactly as the CLI and UI show them):

* ``dropped`` — not acknowledged by the SLA deadline: still open past it (how long overdue),
  or acknowledged late (how late). Lateness is business time: weekends do not count.
* ``incomplete_at_send`` — template items marked missing when sent.
* ``lost_in_transit`` — items the sender marked provided that the receiver asked about or
  returned as missing.
* ``lost_downstream`` — an item provided at an earlier hop of the task and missing at a later
  one, reported on the first hop where it went missing; if it is provided again later and
  then goes missing again, that new hop is reported too. Only items of the later hop's own
  template count (a ``deal`` has no ``source``, so ``source`` is not "lost" there).
* ``bounced`` — each returned or rejected handoff, with its reason; the detail counts how many
  times the task has bounced between the same two teams (either direction) so far.
* ``silent_handoff`` — an owner or team change (from one owner/team to another; assigning an
  unowned task or clearing the owner is not a handoff) that crosses teams and that no
  accepted handoff explains: an accepted handoff of the task within ``window`` of the change,
  whose receiver (or receiver team) is the new owner (team). An owner change and a team
  change of the same task within ``window`` of each other are one finding. Its teams are
  those of its moment: the old and new owner's teams then (``PersonTeams``, from the audit
  trail; the task's team then for someone in none), or the task's old and new team when
  only the team changed. A change within one team is a reassignment; one where a side's
  team is unknown (a board without teams) is no finding.
* A handoff imported without its packet (``Handoff.packet_known`` False) can lose nothing:
  it is left out of ``incomplete_at_send``, ``lost_in_transit`` and ``lost_downstream``.
* ``stalled`` — an accepted handoff with no activity by the receiver on the task within
  ``stall_days`` business days after accepting (activity strictly after the accept; a later
  handoff sent by the receiver counts as activity).

This module puts the analysis together (``findings_for_task``, ``all_findings``). Its rooms:
the kinds, findings and their sentences in domain/handoff_findings.py, one rule per kind in
domain/handoff_rules.py, the team-to-team matrix in domain/handoff_matrix.py; their names are
importable from here too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from renkei.domain.handoff import (
    Handoff,
    HandoffTemplate,
    template_for,
)
from renkei.domain.handoff_findings import (
    COUNTED,
    HOP,
    KINDS,
    LOST_KINDS,
    NOBODY,
    SPAN_DAYS,
    SPAN_HOURS,
    SPAN_MINUTES,
    TEMPLATES,
    ActivityByTask,
    Finding,
    FindingKind,
    Names,
    OwnerChange,
    PersonTeams,
    describe,
    format_span,
    in_send_order,
)
from renkei.domain.handoff_matrix import MatrixCell, team_matrix
from renkei.domain.handoff_rules import (
    bounced,
    dropped,
    incomplete_at_send,
    lost_downstream,
    lost_in_transit,
    silent_handoffs,
    stalled,
)

__all__ = [  # the analysis' vocabulary and matrix live in rooms of their own, named here too
    "COUNTED",
    "HOP",
    "KINDS",
    "LOST_KINDS",
    "NOBODY",
    "SPAN_DAYS",
    "SPAN_HOURS",
    "SPAN_MINUTES",
    "TEMPLATES",
    "ActivityByTask",
    "Finding",
    "FindingKind",
    "MatrixCell",
    "Names",
    "OwnerChange",
    "PersonTeams",
    "all_findings",
    "bounced",
    "describe",
    "dropped",
    "findings_for_task",
    "format_span",
    "incomplete_at_send",
    "lost_downstream",
    "lost_in_transit",
    "silent_handoffs",
    "stalled",
    "team_matrix",
]

# -- putting it together ---------------------------------------------------------------------

_KIND_ORDER = {k.value: n for n, k in enumerate(FindingKind)}


def findings_for_task(
    task_id: int,
    handoffs: Iterable[Handoff],
    owner_changes: Iterable[OwnerChange],
    activity_by_task: ActivityByTask,
    templates: Mapping[str, HandoffTemplate],
    now: datetime,
    stall_days: int = 3,
    *,
    names: Names | None = None,
    window: timedelta = timedelta(minutes=5),
    team_now: int | None = None,
    owner_now: int | None = None,
    teams: PersonTeams | None = None,
) -> list[Finding]:
    """Every finding of one task, in time order. ``handoffs`` and ``owner_changes`` may hold
    other tasks' rows too; only this task's are used. ``team_now``/``owner_now``: the task's
    team and owner now; ``teams``: who was in which team when (silent handoffs name the
    teams of their moment). A handoff whose packet is unknown (``Handoff.packet_known``)
    neither provides nor misses an item: nothing can be said lost on it."""
    names = names or Names()
    ordered = in_send_order(h for h in handoffs if h.task_id == task_id)
    packets = [h if h.packet_known else replace(h, items=()) for h in ordered]
    activity = activity_by_task.get(task_id, ())
    found: list[Finding] = []
    for h in packets:
        template = template_for(h, templates)
        for single in (
            dropped(h, template, now, names),
            incomplete_at_send(h, names),
            lost_in_transit(h, names),
            stalled(h, ordered, activity, now, stall_days, names),
        ):
            if single is not None:
                found.append(single)
    found.extend(lost_downstream(packets, names))
    found.extend(bounced(ordered, names))
    found.extend(
        silent_handoffs(
            task_id,
            ordered,
            owner_changes,
            names,
            window,
            team_now,
            owner_now=owner_now,
            teams=teams,
        )
    )
    found.sort(key=lambda f: (f.at, _KIND_ORDER[f.kind], f.handoff_id or 0))
    return found


def all_findings(
    handoffs: Iterable[Handoff],
    owner_changes: Iterable[OwnerChange],
    activity_by_task: ActivityByTask,
    templates: Mapping[str, HandoffTemplate],
    now: datetime,
    stall_days: int = 3,
    *,
    names: Names | None = None,
    window: timedelta = timedelta(minutes=5),
    teams_now: Mapping[int, int | None] | None = None,
    owners_now: Mapping[int, int | None] | None = None,
    teams: PersonTeams | None = None,
) -> list[Finding]:
    """Every finding of every task that has handoffs or owner/team changes, by task id.
    ``teams_now``/``owners_now`` (task → team, owner) and ``teams`` (who was in which team
    when) place each side of a silent handoff in its team of the moment."""
    handoffs = list(handoffs)
    owner_changes = list(owner_changes)
    by_task: dict[int, list[Handoff]] = defaultdict(list)
    for h in handoffs:
        by_task[h.task_id].append(h)
    changes_by_task: dict[int, list[OwnerChange]] = defaultdict(list)
    for c in owner_changes:
        changes_by_task[c.task_id].append(c)
    found: list[Finding] = []
    for task_id in sorted(set(by_task) | set(changes_by_task)):
        found.extend(
            findings_for_task(
                task_id,
                by_task.get(task_id, []),
                changes_by_task.get(task_id, []),
                activity_by_task,
                templates,
                now,
                stall_days,
                names=names,
                window=window,
                team_now=(teams_now or {}).get(task_id),
                owner_now=(owners_now or {}).get(task_id),
                teams=teams,
            )
        )
    return found
