"""What the handoff-loss analysis finds: the kinds, the finding itself, and its sentence.

``describe`` rebuilds a finding's sentence in any language from its ``params``; the rules
that make findings are in domain/handoff_rules.py (see domain/handoff_loss.py)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from renkei.domain.handoff import (
    Handoff,
    HandoffState,
    item_label,
    reason_label,
)
from renkei.domain.i18n import (
    PLURAL,
    QT_TRANSLATE_NOOP,
    Translate,
    TranslationContext,
    arg,
    join_list,
    untranslated,
)


class HandoffLoss(TranslationContext):
    """The findings' sentences (translation context "HandoffLoss")."""


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
    "dropped_open": HandoffLoss.tr(
        "%1: not acknowledged, %2 overdue (SLA: %n business day(s))", "", PLURAL
    ),
    "dropped_late": HandoffLoss.tr(
        "%1: acknowledged %2 late (SLA: %n business day(s))", "", PLURAL
    ),
    "incomplete_at_send": QT_TRANSLATE_NOOP("HandoffLoss", "%1: sent without %2"),
    "lost_in_transit": QT_TRANSLATE_NOOP(
        "HandoffLoss",
        "%1: %2 marked provided by the sender, yet asked about or returned as "
        "missing by the receiver",
    ),
    "lost_downstream": QT_TRANSLATE_NOOP(
        "HandoffLoss", "%1: %2 provided at an earlier hop, missing from here on"
    ),
    "bounced_returned": QT_TRANSLATE_NOOP(
        "HandoffLoss", "%1: returned (%2), bounce %3 between these teams"
    ),
    "bounced_returned_items": QT_TRANSLATE_NOOP(
        "HandoffLoss",
        "%1: returned (%2) for %3, bounce %4 between these teams",
    ),
    "bounced_rejected": QT_TRANSLATE_NOOP(
        "HandoffLoss", "%1: rejected (%2), bounce %3 between these teams"
    ),
    "silent_handoff": QT_TRANSLATE_NOOP("HandoffLoss", "%1: changed hands with no handoff record"),
    "stalled": HandoffLoss.tr(
        "%1: accepted, then no activity by the receiver for %n business day(s)", "", PLURAL
    ),
}

HOP = QT_TRANSLATE_NOOP("HandoffLoss", "%1 → %2 (%3 → %4)")
NOBODY = QT_TRANSLATE_NOOP("HandoffLoss", "—")
SPAN_DAYS = HandoffLoss.tr("%n day(s)", "", PLURAL)
SPAN_HOURS = HandoffLoss.tr("%n hour(s)", "", PLURAL)
SPAN_MINUTES = HandoffLoss.tr("%n minute(s)", "", PLURAL)
# The values that fill each template's %1, %2, … in turn.
PLACES: Mapping[str, tuple[str, ...]] = {
    "dropped_open": ("hop", "late"),
    "dropped_late": ("hop", "late"),
    "incomplete_at_send": ("hop", "items"),
    "lost_in_transit": ("hop", "items"),
    "lost_downstream": ("hop", "items"),
    "bounced_returned": ("hop", "reason", "count"),
    "bounced_returned_items": ("hop", "reason", "items", "count"),
    "bounced_rejected": ("hop", "reason", "count"),
    "silent_handoff": ("hop",),
    "stalled": ("hop",),
}
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
class PersonTeams:
    """Which team each person was in when, from the audit trail: ``changes`` holds each
    person's team changes (moment, old team, new team), oldest first; ``now`` their team now.
    A person never moved was always in their team now."""

    changes: Mapping[int, Sequence[tuple[datetime, int | None, int | None]]] = field(
        default_factory=dict
    )
    now: Mapping[int, int | None] = field(default_factory=dict)

    def team_at(self, person_id: int, at: datetime) -> int | None:
        rows = self.changes.get(person_id, ())
        before = [row for row in rows if row[0] <= at]
        if before:
            return before[-1][2]
        if rows:
            return rows[0][1]
        return self.now.get(person_id)


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

    return arg(
        translate("HandoffLoss", HOP),
        name(names.teams, f.from_team_id),
        name(names.teams, f.to_team_id),
        name(names.people, f.from_person_id),
        name(names.people, f.to_person_id),
    )


def describe(f: Finding, names: Names | None = None, translate: Translate = untranslated) -> str:
    """The finding as one sentence; ``translate`` is Qt's translate in the UI."""
    params = dict(f.params)
    key = params.pop("template")
    values: dict[str, Any] = {"hop": _hop_text(f, names or Names(), translate)}
    values["items"] = join_list((item_label(i, translate) for i in f.items), translate)
    for k, v in params.items():
        if isinstance(v, timedelta):
            values[k] = format_span(v, translate)
        elif k == "reason":
            values[k] = reason_label(str(v), translate)
        else:
            values[k] = v
    filled = [values[name] for name in PLACES[key]]
    if key in COUNTED:
        count = int(values.pop(COUNTED[key]))
        return arg(translate("HandoffLoss", TEMPLATES[key], count), *filled)
    return arg(translate("HandoffLoss", TEMPLATES[key]), *filled)


def new_finding(
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
    return Finding(**{**finding_fields(draft), "detail": describe(draft, names)})


def finding_fields(f: Finding) -> dict[str, Any]:
    return {name: getattr(f, name) for name in Finding.__slots__}


def in_send_order(handoffs: Iterable[Handoff]) -> list[Handoff]:
    """The handoffs that count, oldest first: a withdrawn one (its send undone) never
    happened as far as the analysis is concerned."""
    kept = (h for h in handoffs if h.state is not HandoffState.WITHDRAWN)
    return sorted(kept, key=lambda h: (h.sent_at, h.id))
