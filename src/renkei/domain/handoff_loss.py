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
  unowned task or clearing the owner is not a handoff) that no accepted handoff explains: an
  accepted handoff of the task within ``window`` of the change, whose receiver (or receiver
  team) is the new owner (team). An owner change and a team change of the same task within
  ``window`` of each other are one finding.
* ``stalled`` — an accepted handoff with no activity by the receiver on the task within
  ``stall_days`` business days after accepting (activity strictly after the accept; a later
  handoff sent by the receiver counts as activity).
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from renkei.domain.handoff import (
    Handoff,
    HandoffState,
    HandoffTemplate,
    acknowledged_within_sla,
    add_business_days,
    business_time_between,
    item_label,
    lateness,
    reason_label,
    sla_deadline,
    template_for,
)
from renkei.domain.i18n import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, Translate, untranslated


class FindingKind(enum.StrEnum):
    DROPPED = "dropped"
    INCOMPLETE_AT_SEND = "incomplete_at_send"
    LOST_IN_TRANSIT = "lost_in_transit"
    LOST_DOWNSTREAM = "lost_downstream"
    BOUNCED = "bounced"
    SILENT_HANDOFF = "silent_handoff"
    STALLED = "stalled"


KINDS = tuple(k.value for k in FindingKind)
LOST_KINDS = (
    FindingKind.LOST_IN_TRANSIT,
    FindingKind.LOST_DOWNSTREAM,
    FindingKind.INCOMPLETE_AT_SEND,
)

# Template keys: "dropped" has two sentences (still open / acknowledged late).
TEMPLATES: Mapping[str, str] = {
    "dropped_open": QT_TRANSLATE_N_NOOP(
        "HandoffLoss",
        "{hop}: not acknowledged, {late} overdue (SLA: %n business day(s))",
    ),
    "dropped_late": QT_TRANSLATE_N_NOOP(
        "HandoffLoss", "{hop}: acknowledged {late} late (SLA: %n business day(s))"
    ),
    "incomplete_at_send": QT_TRANSLATE_NOOP("HandoffLoss", "{hop}: sent without {items}"),
    "lost_in_transit": QT_TRANSLATE_NOOP(
        "HandoffLoss",
        "{hop}: {items} marked provided by the sender, yet asked about or returned as "
        "missing by the receiver",
    ),
    "lost_downstream": QT_TRANSLATE_NOOP(
        "HandoffLoss", "{hop}: {items} provided at an earlier hop, missing from here on"
    ),
    "bounced_returned": QT_TRANSLATE_NOOP(
        "HandoffLoss", "{hop}: returned ({reason}), bounce {count} between these teams"
    ),
    "bounced_returned_items": QT_TRANSLATE_NOOP(
        "HandoffLoss",
        "{hop}: returned ({reason}) for {items}, bounce {count} between these teams",
    ),
    "bounced_rejected": QT_TRANSLATE_NOOP(
        "HandoffLoss", "{hop}: rejected ({reason}), bounce {count} between these teams"
    ),
    "silent_handoff": QT_TRANSLATE_NOOP(
        "HandoffLoss", "{hop}: changed hands with no handoff record"
    ),
    "stalled": QT_TRANSLATE_N_NOOP(
        "HandoffLoss",
        "{hop}: accepted, then no activity by the receiver for %n business day(s)",
    ),
}

HOP = QT_TRANSLATE_NOOP("HandoffLoss", "{from_team} → {to_team} ({from_person} → {to_person})")
NOBODY = QT_TRANSLATE_NOOP("HandoffLoss", "—")
SPAN_DAYS = QT_TRANSLATE_N_NOOP("HandoffLoss", "%n day(s)")
SPAN_HOURS = QT_TRANSLATE_N_NOOP("HandoffLoss", "%n hour(s)")
SPAN_MINUTES = QT_TRANSLATE_N_NOOP("HandoffLoss", "%n minute(s)")
# The count behind each template's "%n" (the others have none).
COUNTED = {"dropped_open": "sla", "dropped_late": "sla", "stalled": "days"}


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    handoff_id: int | None
    task_id: int
    from_team_id: int | None
    to_team_id: int | None
    from_person_id: int | None
    to_person_id: int | None
    at: datetime
    items: tuple[str, ...]
    detail: str
    # What ``describe`` needs to rebuild ``detail`` in another language: the template key
    # and its values (timedeltas and item/reason codes are formatted at display time).
    params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class OwnerChange:
    """One owner or team change of a task, as the caller reads it from Activity rows."""

    task_id: int
    at: datetime
    actor_id: int | None
    field: str  # "owner_id" or "team_id"
    old: int | None
    new: int | None


@dataclass(frozen=True, slots=True)
class Names:
    """Display names for the hop in ``detail``; ids without a name show as "#id"."""

    teams: Mapping[int, str] = field(default_factory=dict)
    people: Mapping[int, str] = field(default_factory=dict)


# task_id → [(actor_id, at), ...]
ActivityByTask = Mapping[int, Sequence[tuple[int | None, datetime]]]


def format_span(span: timedelta, translate: Translate = untranslated) -> str:
    """'2 days', '5 hours', '1 minute': the largest whole unit, rounded down."""
    seconds = int(span.total_seconds())
    if seconds >= 86400:
        return translate("HandoffLoss", SPAN_DAYS, seconds // 86400)
    if seconds >= 3600:
        return translate("HandoffLoss", SPAN_HOURS, seconds // 3600)
    return translate("HandoffLoss", SPAN_MINUTES, max(1, seconds // 60))


def _hop_text(f: Finding, names: Names, translate: Translate) -> str:
    nobody = translate("HandoffLoss", NOBODY)

    def name(mapping: Mapping[int, str], ident: int | None) -> str:
        if ident is None:
            return nobody
        return mapping.get(ident, f"#{ident}")

    return translate("HandoffLoss", HOP).format(
        from_team=name(names.teams, f.from_team_id),
        to_team=name(names.teams, f.to_team_id),
        from_person=name(names.people, f.from_person_id),
        to_person=name(names.people, f.to_person_id),
    )


def describe(f: Finding, names: Names | None = None, translate: Translate = untranslated) -> str:
    """The finding as one sentence; ``translate`` is Qt's translate in the UI."""
    params = dict(f.params)
    key = params.pop("template")
    values: dict[str, Any] = {"hop": _hop_text(f, names or Names(), translate)}
    values["items"] = ", ".join(item_label(i, translate) for i in f.items)
    for k, v in params.items():
        if isinstance(v, timedelta):
            values[k] = format_span(v, translate)
        elif k == "reason":
            values[k] = reason_label(str(v), translate)
        else:
            values[k] = v
    if key in COUNTED:
        count = int(values.pop(COUNTED[key]))
        return translate("HandoffLoss", TEMPLATES[key], count).format(**values)
    return translate("HandoffLoss", TEMPLATES[key]).format(**values)


def _finding(
    kind: FindingKind,
    h: Handoff | None,
    at: datetime,
    items: Iterable[str],
    names: Names,
    *,
    task_id: int | None = None,
    hop: tuple[int | None, int | None, int | None, int | None] | None = None,
    **params: Any,
) -> Finding:
    if h is not None:
        hop = (h.sender_team_id, h.receiver_team_id, h.sender_id, h.receiver_id)
        task_id = h.task_id
    assert hop is not None and task_id is not None
    draft = Finding(
        kind=kind.value,
        handoff_id=h.id if h is not None else None,
        task_id=task_id,
        from_team_id=hop[0],
        to_team_id=hop[1],
        from_person_id=hop[2],
        to_person_id=hop[3],
        at=at,
        items=tuple(items),
        detail="",
        params=tuple(params.items()),
    )
    return Finding(**{**_fields(draft), "detail": describe(draft, names)})


def _fields(f: Finding) -> dict[str, Any]:
    return {name: getattr(f, name) for name in Finding.__slots__}


def _in_send_order(handoffs: Iterable[Handoff]) -> list[Handoff]:
    """The handoffs that count, oldest first: a withdrawn one (its send undone) never
    happened as far as the analysis is concerned."""
    kept = (h for h in handoffs if h.state is not HandoffState.WITHDRAWN)
    return sorted(kept, key=lambda h: (h.sent_at, h.id))


# -- the rules, one per kind -----------------------------------------------------------------


def dropped(h: Handoff, template: HandoffTemplate, now: datetime, names: Names) -> Finding | None:
    late = lateness(h, template, now)
    if late is None:
        return None
    key = "dropped_late" if h.acknowledged_at is not None else "dropped_open"
    return _finding(
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
    return _finding(
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
    return _finding(
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
                _finding(
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
            _finding(
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
    return _finding(FindingKind.STALLED, h, limit, (), names, template="stalled", days=stall_days)


def _team_at(changes: Sequence[OwnerChange], at: datetime, team_now: int | None) -> int | None:
    """The task's team at ``at``, from its team changes (oldest first) and its team now."""
    teams = [c for c in changes if c.field == "team_id"]
    before = [c for c in teams if c.at <= at]
    if before:
        return before[-1].new
    after = [c for c in teams if c.at > at]
    return after[0].old if after else team_now


def silent_handoffs(
    task_id: int,
    ordered: Sequence[Handoff],
    changes: Iterable[OwnerChange],
    names: Names,
    window: timedelta,
    team_now: int | None = None,
) -> list[Finding]:
    """Changes of hands no accepted handoff explains. An owner change within one team names
    that team on both sides (the team it had then; ``team_now`` when it never changed)."""
    changes = sorted((c for c in changes if c.task_id == task_id), key=lambda c: c.at)
    accepted = [h for h in ordered if h.state is HandoffState.ACCEPTED and h.resolved_at]

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
            if c.task_id == task_id
            and c.field in ("owner_id", "team_id")
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
        same_team = _team_at(changes, c.at, team_now) if team is None else None
        hop = (
            team.old if team else same_team,
            team.new if team else same_team,
            owner.old if owner else None,
            owner.new if owner else None,
        )
        found.append(
            _finding(
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
) -> list[Finding]:
    """Every finding of one task, in time order. ``handoffs`` and ``owner_changes`` may hold
    other tasks' rows too; only this task's are used."""
    names = names or Names()
    ordered = _in_send_order(h for h in handoffs if h.task_id == task_id)
    activity = activity_by_task.get(task_id, ())
    found: list[Finding] = []
    for h in ordered:
        template = template_for(h, templates)
        for single in (
            dropped(h, template, now, names),
            incomplete_at_send(h, names),
            lost_in_transit(h, names),
            stalled(h, ordered, activity, now, stall_days, names),
        ):
            if single is not None:
                found.append(single)
    found.extend(lost_downstream(ordered, names))
    found.extend(bounced(ordered, names))
    found.extend(silent_handoffs(task_id, ordered, owner_changes, names, window, team_now))
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
) -> list[Finding]:
    """Every finding of every task that has handoffs or owner/team changes, by task id.
    ``teams_now`` (task → team) names the team of an owner change within one team."""
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
            )
        )
    return found


# -- team-to-team matrix -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One sender team × receiver team pair.

    ``acknowledged_in_sla``: share (0..1) of the pair's handoffs whose SLA is decided —
    acknowledged, or still unacknowledged past the deadline — that were acknowledged in time;
    None when none is decided yet. ``median_to_acknowledge`` is business time from sending to
    acknowledging over acknowledged handoffs. ``returned_or_rejected``: share of all the
    pair's handoffs. ``lost_items``: the three items most often named by lost_in_transit,
    lost_downstream and incomplete_at_send findings on these handoffs, with counts; an item
    counts once per handoff however many findings name it (ties: alphabetical)."""

    from_team_id: int | None
    to_team_id: int | None
    count: int
    acknowledged_in_sla: float | None
    median_to_acknowledge: timedelta | None
    returned_or_rejected: float
    lost_items: tuple[tuple[str, int], ...]
    handoff_ids: tuple[int, ...]


def team_matrix(
    handoffs: Iterable[Handoff],
    findings: Iterable[Finding],
    templates: Mapping[str, HandoffTemplate],
    now: datetime,
) -> dict[tuple[int | None, int | None], MatrixCell]:
    groups: dict[tuple[int | None, int | None], list[Handoff]] = defaultdict(list)
    for h in _in_send_order(handoffs):
        groups[(h.sender_team_id, h.receiver_team_id)].append(h)
    lost_by_handoff: dict[int, set[str]] = defaultdict(set)
    for f in findings:
        if f.kind in LOST_KINDS and f.handoff_id is not None:
            lost_by_handoff[f.handoff_id].update(f.items)
    matrix = {}
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
        )
    return matrix


def _median(spans: Sequence[timedelta]) -> timedelta:
    """The middle span (the mean of the two middle ones for an even count), as
    ``statistics.median`` would give it for numbers."""
    ordered = sorted(spans)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
