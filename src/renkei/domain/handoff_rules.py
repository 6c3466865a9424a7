"""The handoff-loss rules, one per kind of finding (see domain/handoff_loss.py for what each
kind means)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from renkei.domain.handoff import (
    Handoff,
    HandoffState,
    HandoffTemplate,
    add_business_days,
    lateness,
    sla_deadline,
)
from renkei.domain.handoff_findings import (
    Finding,
    FindingKind,
    Names,
    OwnerChange,
    PersonTeams,
    new_finding,
)

# -- the rules, one per kind -----------------------------------------------------------------


def dropped(h: Handoff, template: HandoffTemplate, now: datetime, names: Names) -> Finding | None:
    late = lateness(h, template, now)
    if late is None:
        return None
    key = "dropped_late" if h.acknowledged_at is not None else "dropped_open"
    return new_finding(
        FindingKind.DROPPED,
        h,
        sla_deadline(h, template),
        (),
        names,
        template=key,
        late=late,
        sla=template.sla_business_days,
    )


def incomplete_at_send(h: Handoff, names: Names) -> Finding | None:
    if not h.missing_items:
        return None
    return new_finding(
        FindingKind.INCOMPLETE_AT_SEND,
        h,
        h.sent_at,
        h.missing_items,
        names,
        template="incomplete_at_send",
    )


def lost_in_transit(h: Handoff, names: Names) -> Finding | None:
    provided = set(h.provided_items)
    moments: dict[str, datetime] = {}
    for q in h.questions:
        if q.item in provided:
            moments[q.item] = min(moments.get(q.item, q.asked_at), q.asked_at)
    if h.state is HandoffState.RETURNED and h.resolved_at is not None:
        for item in h.returned_missing:
            if item in provided:
                moments[item] = min(moments.get(item, h.resolved_at), h.resolved_at)
    if not moments:
        return None
    items = [name for name in h.item_names if name in moments]
    return new_finding(
        FindingKind.LOST_IN_TRANSIT,
        h,
        min(moments.values()),
        items,
        names,
        template="lost_in_transit",
    )


def lost_downstream(ordered: Sequence[Handoff], names: Names) -> list[Finding]:
    """Walk the task's hops in send order, remembering which items were ever provided and
    which are currently reported lost (until they are provided again)."""
    found: list[Finding] = []
    ever_provided: set[str] = set()
    lost: set[str] = set()
    for h in ordered:
        newly = [
            i.name
            for i in h.items
            if not i.provided and i.name in ever_provided and i.name not in lost
        ]
        for i in h.items:
            if i.provided:
                ever_provided.add(i.name)
                lost.discard(i.name)
        if newly:
            lost.update(newly)
            found.append(
                new_finding(
                    FindingKind.LOST_DOWNSTREAM,
                    h,
                    h.sent_at,
                    newly,
                    names,
                    template="lost_downstream",
                )
            )
    return found


def bounced(ordered: Sequence[Handoff], names: Names) -> list[Finding]:
    found: list[Finding] = []
    pair_count: Counter[frozenset[int | None]] = Counter()
    for h in ordered:
        if h.state not in (HandoffState.RETURNED, HandoffState.REJECTED):
            continue
        pair = frozenset((h.sender_team_id, h.receiver_team_id))
        pair_count[pair] += 1
        items: tuple[str, ...]
        if h.state is HandoffState.REJECTED:
            key, items = "bounced_rejected", ()
        else:
            items = h.returned_missing
            key = "bounced_returned_items" if items else "bounced_returned"
        found.append(
            new_finding(
                FindingKind.BOUNCED,
                h,
                h.resolved_at or h.sent_at,
                items,
                names,
                template=key,
                reason=h.reason or "",
                count=pair_count[pair],
            )
        )
    return found


def stalled(
    h: Handoff,
    ordered: Sequence[Handoff],
    activity: Sequence[tuple[int | None, datetime]],
    now: datetime,
    stall_days: int,
    names: Names,
) -> Finding | None:
    if h.state is not HandoffState.ACCEPTED or h.resolved_at is None:
        return None
    start = h.resolved_at
    limit = add_business_days(start, stall_days)
    if now < limit:
        return None
    moments = [at for actor, at in activity if actor == h.receiver_id]
    moments += [o.sent_at for o in ordered if o.id != h.id and o.sender_id == h.receiver_id]
    if any(start < at <= limit for at in moments):
        return None
    return new_finding(
        FindingKind.STALLED, h, limit, (), names, template="stalled", days=stall_days
    )


def _value_at(
    changes: Sequence[OwnerChange], field: str, at: datetime, now: int | None
) -> int | None:
    """The task's owner or team (``field``) at ``at``, from its changes (oldest first) and
    its value now."""
    rows = [c for c in changes if c.field == field]
    before = [c for c in rows if c.at <= at]
    if before:
        return before[-1].new
    after = [c for c in rows if c.at > at]
    return after[0].old if after else now


def _team_at(changes: Sequence[OwnerChange], at: datetime, team_now: int | None) -> int | None:
    return _value_at(changes, "team_id", at, team_now)


def silent_handoffs(
    task_id: int,
    ordered: Sequence[Handoff],
    changes: Iterable[OwnerChange],
    names: Names,
    window: timedelta,
    team_now: int | None = None,
    *,
    owner_now: int | None = None,
    teams: PersonTeams | None = None,
) -> list[Finding]:
    """Changes of hands across teams that no accepted handoff explains.

    Each side's team is the one it had at the moment of the change: for an owner change, the
    team the old and the new owner were in then (``teams``, from the audit trail), or the
    task's team then when that person had none; for a team change alone, the task's old and
    new team. A change that stays inside one team is a reassignment, not a handoff (sending a
    handoff inside one team is refused), and one where either side's team is unknown — a
    board without teams, people without one — cannot be told from a reassignment: neither is
    a finding."""
    changes = sorted((c for c in changes if c.task_id == task_id), key=lambda c: c.at)
    accepted = [h for h in ordered if h.state is HandoffState.ACCEPTED and h.resolved_at]
    teams = teams or PersonTeams()

    def explained(c: OwnerChange) -> bool:
        for h in accepted:
            assert h.resolved_at is not None
            if abs(h.resolved_at - c.at) > window:
                continue
            target = h.receiver_id if c.field == "owner_id" else h.receiver_team_id
            if target == c.new:
                return True
        return False

    unexplained = sorted(
        (
            c
            for c in changes
            if c.field in ("owner_id", "team_id")
            and c.old is not None
            and c.new is not None
            and c.old != c.new
            and not explained(c)
        ),
        key=lambda c: (c.at, c.field),
    )
    found: list[Finding] = []
    used: set[int] = set()
    for index, c in enumerate(unexplained):
        if index in used:
            continue
        used.add(index)
        owner = c if c.field == "owner_id" else None
        team = c if c.field == "team_id" else None
        for other_index in range(index + 1, len(unexplained)):
            other = unexplained[other_index]
            if other_index in used or other.at - c.at > window:
                continue
            if other.field == "owner_id" and owner is None:
                owner = other
                used.add(other_index)
            elif other.field == "team_id" and team is None:
                team = other
                used.add(other_index)
        hop = _silent_hop(c.at, owner, team, changes, team_now, owner_now, teams)
        if hop[0] is None or hop[1] is None or hop[0] == hop[1]:
            continue
        found.append(
            new_finding(
                FindingKind.SILENT_HANDOFF,
                None,
                c.at,
                (),
                names,
                task_id=task_id,
                hop=hop,
                template="silent_handoff",
            )
        )
    return found


def _silent_hop(
    at: datetime,
    owner: OwnerChange | None,
    team: OwnerChange | None,
    changes: Sequence[OwnerChange],
    team_now: int | None,
    owner_now: int | None,
    teams: PersonTeams,
) -> tuple[int | None, int | None, int | None, int | None]:
    """(from team, to team, from person, to person) of a change of hands, as they were then."""
    if team is not None:
        task_before, task_after = team.old, team.new
    else:
        task_before = task_after = _team_at(changes, at, team_now)
    if owner is None:  # the task changed teams; its owner stayed
        who = _value_at(changes, "owner_id", at, owner_now)
        return task_before, task_after, who, who
    old_team = teams.team_at(owner.old, at) if owner.old is not None else None
    new_team = teams.team_at(owner.new, at) if owner.new is not None else None
    return (
        old_team if old_team is not None else task_before,
        new_team if new_team is not None else task_after,
        owner.old,
        owner.new,
    )
