"""Handoffs: a task passing from one person and team to another, with an information packet.

A handoff carries every item of its template, each marked provided (with its value) or
missing. The receiver acknowledges it within the template's SLA (business days: weekends do
not count), then accepts, returns or rejects it; the receiver may ask about an item and the
sender answers. Every rule here is a pure function: it returns the new ``Handoff`` (version
bumped) or raises ``ValidationError`` with a message for the user.

Decisions worth knowing:

* Business time skips Saturdays and Sundays entirely. A handoff sent on a weekend starts its
  clock at Monday 00:00, so one sent Saturday with a one-day SLA is due Tuesday 00:00; one sent
  Friday 17:00 is due Monday 17:00. Public holidays are not modelled.
* Accepting, returning or rejecting a handoff that was never acknowledged acknowledges it at
  the same moment (``acknowledged_at`` is set), so "time to acknowledge" is always defined
  once the receiver has reacted.
* A returned handoff stays RETURNED; fixing it means sending a NEW handoff (``resend``), so
  the task's chain shows both. A rejected handoff cannot be re-sent.
* Undoing a send withdraws the handoff (state WITHDRAWN; the row stays, as the audit trail
  is append-only). A withdrawn handoff is left out of every analysis; redo sends it again.
* Return reasons: ``missing_info`` (the packet lacks something), ``wrong_team`` (it should go
  elsewhere), ``not_ready`` (too early for the receiver), plus every reject reason — a
  receiver may send a lead back for ``bad_data`` instead of killing it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Any

from renkei.domain.commands import ValidationError
from renkei.domain.field_text import state_word
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Marked, Translate, untranslated


@dataclass(frozen=True, slots=True)
class HandoffTemplate:
    """The named items a handoff of this kind carries, and how fast it must be acknowledged.

    ``from_team``/``to_team`` are descriptive team names (``None``: any team); the board's
    actual teams are ids on each handoff."""

    name: str
    items: tuple[str, ...]
    sla_business_days: int = 1
    from_team: str | None = None
    to_team: str | None = None
    label: str = ""


ITEM_LABELS: Mapping[str, str] = {
    "company": QT_TRANSLATE_NOOP("Handoff", "Company"),
    "contact": QT_TRANSLATE_NOOP("Handoff", "Contact"),
    "need": QT_TRANSLATE_NOOP("Handoff", "Need"),
    "budget": QT_TRANSLATE_NOOP("Handoff", "Budget"),
    "timeline": QT_TRANSLATE_NOOP("Handoff", "Timeline"),
    "decision_maker": QT_TRANSLATE_NOOP("Handoff", "Decision maker"),
    "source": QT_TRANSLATE_NOOP("Handoff", "Source"),
    "consent": QT_TRANSLATE_NOOP("Handoff", "Consent"),
    "contract_scope": QT_TRANSLATE_NOOP("Handoff", "Contract scope"),
    "success_criteria": QT_TRANSLATE_NOOP("Handoff", "Success criteria"),
    "key_users": QT_TRANSLATE_NOOP("Handoff", "Key users"),
    "go_live_date": QT_TRANSLATE_NOOP("Handoff", "Go-live date"),
    "risks": QT_TRANSLATE_NOOP("Handoff", "Risks"),
    "requester": QT_TRANSLATE_NOOP("Handoff", "Requester"),
    "goal": QT_TRANSLATE_NOOP("Handoff", "Goal"),
    "audience": QT_TRANSLATE_NOOP("Handoff", "Audience"),
    "deadline": QT_TRANSLATE_NOOP("Handoff", "Deadline"),
    "assets": QT_TRANSLATE_NOOP("Handoff", "Assets"),
}


def item_label(name: str, translate: Translate = untranslated) -> str:
    """The item's display label; a board's own item name shows as written."""
    label = ITEM_LABELS.get(name)
    return translate("Handoff", label) if label else name


# ``deal`` repeats ``contact``, ``budget``, ``decision_maker`` and ``consent`` from ``lead``:
# the items that travel the whole chain are the ones whose loss downstream is worth finding.
DEFAULT_TEMPLATES: Mapping[str, HandoffTemplate] = {
    "lead": HandoffTemplate(
        "lead",
        (
            "company",
            "contact",
            "need",
            "budget",
            "timeline",
            "decision_maker",
            "source",
            "consent",
        ),
        1,
        "Marketing",
        "Sales",
        QT_TRANSLATE_NOOP("Handoff", "Lead"),
    ),
    "deal": HandoffTemplate(
        "deal",
        (
            "company",
            "contact",
            "contract_scope",
            "decision_maker",
            "success_criteria",
            "key_users",
            "go_live_date",
            "budget",
            "consent",
            "risks",
        ),
        1,
        "Sales",
        "Customer Success",
        QT_TRANSLATE_NOOP("Handoff", "Deal"),
    ),
    "request": HandoffTemplate(
        "request",
        ("requester", "goal", "audience", "deadline", "budget", "assets"),
        1,
        None,
        "Marketing",
        QT_TRANSLATE_NOOP("Handoff", "Request"),
    ),
}


@dataclass(frozen=True, slots=True)
class HandoffItem:
    name: str
    provided: bool
    value: str = ""


class HandoffState(enum.Enum):
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def is_open(self) -> bool:
        """Still waiting for the receiver's decision."""
        return self in (HandoffState.SENT, HandoffState.ACKNOWLEDGED)


STATE_LABELS: Mapping[HandoffState, str] = {
    HandoffState.SENT: QT_TRANSLATE_NOOP("Handoff", "Sent"),
    HandoffState.ACKNOWLEDGED: QT_TRANSLATE_NOOP("Handoff", "Acknowledged"),
    HandoffState.ACCEPTED: QT_TRANSLATE_NOOP("Handoff", "Accepted"),
    HandoffState.RETURNED: QT_TRANSLATE_NOOP("Handoff", "Returned"),
    HandoffState.REJECTED: QT_TRANSLATE_NOOP("Handoff", "Rejected"),
    HandoffState.WITHDRAWN: QT_TRANSLATE_NOOP("Handoff", "Withdrawn"),
}

REJECT_REASONS = ("no_need", "no_budget", "bad_data", "unreachable", "duplicate", "no_fit")
RETURN_REASONS = ("missing_info", "wrong_team", "not_ready", *REJECT_REASONS)

REASON_LABELS: Mapping[str, str] = {
    "no_need": QT_TRANSLATE_NOOP("Handoff", "No need"),
    "no_budget": QT_TRANSLATE_NOOP("Handoff", "No budget"),
    "bad_data": QT_TRANSLATE_NOOP("Handoff", "Bad data"),
    "unreachable": QT_TRANSLATE_NOOP("Handoff", "Unreachable"),
    "duplicate": QT_TRANSLATE_NOOP("Handoff", "Duplicate"),
    "no_fit": QT_TRANSLATE_NOOP("Handoff", "No fit"),
    "missing_info": QT_TRANSLATE_NOOP("Handoff", "Missing information"),
    "wrong_team": QT_TRANSLATE_NOOP("Handoff", "Wrong team"),
    "not_ready": QT_TRANSLATE_NOOP("Handoff", "Not ready"),
}


def reason_label(code: str, translate: Translate = untranslated) -> str:
    label = REASON_LABELS.get(code)
    return translate("Handoff", label) if label else code


@dataclass(frozen=True, slots=True)
class Question:
    """The receiver asking about one item; the sender's answer once given."""

    id: int
    item: str
    asked_by: int
    asked_at: datetime
    text: str
    answer: str | None = None
    answered_by: int | None = None
    answered_at: datetime | None = None


# How an imported handoff's note ends: the source recorded who passed the card to whom, and
# no information packet (``Handoff.packet_known`` is False).
NO_PACKET_NOTE = "no information packet was recorded there."


@dataclass(frozen=True, slots=True)
class Handoff:
    id: int
    task_id: int
    template: str
    sender_id: int
    sender_team_id: int | None
    receiver_id: int
    receiver_team_id: int | None
    note: str
    items: tuple[HandoffItem, ...]
    state: HandoffState
    sent_at: datetime
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    reason: str | None = None
    returned_missing: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    version: int = 1

    @property
    def missing_items(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.items if not i.provided)

    @property
    def provided_items(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.items if i.provided)

    @property
    def item_names(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.items)

    @property
    def packet_known(self) -> bool:
        """False for a handoff recorded without its information packet (one an import made
        from a card changing hands): its items say nothing about what was sent or lost."""
        return bool(self.items) and not self.note.endswith(NO_PACKET_NOTE)

    def value(self, item: str) -> str | None:
        """The value sent for ``item``; None when it was missing or not in the packet."""
        for i in self.items:
            if i.name == item:
                return i.value if i.provided else None
        return None


# -- business time -------------------------------------------------------------------------


def _is_weekend(moment: datetime) -> bool:
    return moment.weekday() >= 5


def _next_business_start(moment: datetime) -> datetime:
    """``moment`` itself on a weekday; the following Monday 00:00 on a weekend."""
    if not _is_weekend(moment):
        return moment
    days = 7 - moment.weekday()
    return datetime.combine(moment.date() + timedelta(days=days), time(), moment.tzinfo)


def add_business_days(start: datetime, days: int) -> datetime:
    """``start`` moved forward by ``days`` weekdays, keeping the time of day; weekend time
    does not count (a weekend start counts from Monday 00:00). ``days`` must be >= 0."""
    if days < 0:
        raise ValueError("business days must not be negative")
    moment = _next_business_start(start)
    remaining = days
    while remaining:
        moment += timedelta(days=1)
        if not _is_weekend(moment):
            remaining -= 1
    return moment


def business_time_between(start: datetime, end: datetime) -> timedelta:
    """Time from ``start`` to ``end`` not counting Saturdays and Sundays (zero if end <= start)."""
    if end <= start:
        return timedelta(0)
    total = timedelta(0)
    moment = start
    while moment < end:
        midnight = datetime.combine(moment.date() + timedelta(days=1), time(), moment.tzinfo)
        stop = min(midnight, end)
        if not _is_weekend(moment):
            total += stop - moment
        moment = stop
    return total


def template_for(handoff: Handoff, templates: Mapping[str, HandoffTemplate]) -> HandoffTemplate:
    """The handoff's template; an unknown name (deleted from the board) gets a one-day SLA
    over the handoff's own items, so old records still analyse."""
    found = templates.get(handoff.template)
    if found is not None:
        return found
    return HandoffTemplate(handoff.template, handoff.item_names)


def sla_deadline(handoff: Handoff, template: HandoffTemplate) -> datetime:
    """When the handoff must be acknowledged by."""
    return add_business_days(handoff.sent_at, template.sla_business_days)


def lateness(handoff: Handoff, template: HandoffTemplate, now: datetime) -> timedelta | None:
    """How far past the SLA the acknowledgement came (or, still unacknowledged, how far past
    it ``now`` is), in business time; None when on time or not yet due."""
    deadline = sla_deadline(handoff, template)
    if handoff.acknowledged_at is not None:
        reference = handoff.acknowledged_at
    elif handoff.state.is_open:
        reference = now
    else:
        return None
    if reference <= deadline:
        return None
    return business_time_between(deadline, reference)


def acknowledged_within_sla(handoff: Handoff, template: HandoffTemplate) -> bool:
    return handoff.acknowledged_at is not None and handoff.acknowledged_at <= sla_deadline(
        handoff, template
    )


# -- sending -------------------------------------------------------------------------------


def build_items(
    template: HandoffTemplate,
    provided: Mapping[str, str],
    extra_missing: Iterable[str] = (),
) -> tuple[HandoffItem, ...]:
    """Every template item in template order: provided (with its value) when ``provided``
    names it with a non-blank value, missing otherwise. Unknown item names are an error."""
    known = set(template.items)
    unknown = sorted((set(provided) | set(extra_missing)) - known)
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "template %1 has no item(s) %2 (items: %3)"),
            repr(template.name),
            ", ".join(unknown),
            ", ".join(template.items),
        )
    clash = sorted(set(provided) & set(extra_missing))
    if clash:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "item(s) both provided and missing: %1"), ", ".join(clash)
        )
    items = []
    for name in template.items:
        value = (provided.get(name) or "").strip()
        items.append(HandoffItem(name, bool(value), value))
    return tuple(items)


def send(
    *,
    id: int,
    task_id: int,
    template: HandoffTemplate,
    sender_id: int,
    sender_team_id: int | None,
    receiver_id: int,
    receiver_team_id: int | None,
    at: datetime,
    provided: Mapping[str, str] | None = None,
    missing: Iterable[str] = (),
    note: str = "",
) -> Handoff:
    """A new handoff in state SENT."""
    if sender_id == receiver_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "a handoff goes to someone else, not to its sender")
        )
    return Handoff(
        id=id,
        task_id=task_id,
        template=template.name,
        sender_id=sender_id,
        sender_team_id=sender_team_id,
        receiver_id=receiver_id,
        receiver_team_id=receiver_team_id,
        note=note.strip(),
        items=build_items(template, provided or {}, missing),
        state=HandoffState.SENT,
        sent_at=at,
    )


def resend(
    handoff: Handoff,
    *,
    id: int,
    template: HandoffTemplate,
    by: int,
    at: datetime,
    provided: Mapping[str, str] | None = None,
    note: str | None = None,
) -> Handoff:
    """A NEW handoff replacing a returned one: same task, people and teams; the packet starts
    from the returned one's values, updated with ``provided``. Only the original sender may
    re-send."""
    if handoff.state is not HandoffState.RETURNED:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "only a returned handoff can be re-sent (this one is %1)"),
            _st(handoff),
        )
    if by != handoff.sender_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "only the sender can re-send a returned handoff")
        )
    values = {i.name: i.value for i in handoff.items if i.provided and i.name in template.items}
    values.update(provided or {})
    return send(
        id=id,
        task_id=handoff.task_id,
        template=template,
        sender_id=handoff.sender_id,
        sender_team_id=handoff.sender_team_id,
        receiver_id=handoff.receiver_id,
        receiver_team_id=handoff.receiver_team_id,
        at=at,
        provided=values,
        note=handoff.note if note is None else note,
    )


# -- transitions ---------------------------------------------------------------------------


def _st(handoff: Handoff) -> Marked:
    return state_word(handoff.state.value)


def _require_receiver(handoff: Handoff, by: int, refusal: str) -> None:
    if by != handoff.receiver_id:
        raise ValidationError(refusal)


def _require_open(handoff: Handoff, refusal: str) -> None:
    if not handoff.state.is_open:
        raise ValidationError(refusal, _st(handoff))


def _require_order(handoff: Handoff, at: datetime) -> None:
    if at < handoff.sent_at:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "a handoff cannot be answered before it was sent")
        )


def acknowledge(handoff: Handoff, by: int, at: datetime) -> Handoff:
    """The receiver has seen it: only the receiver, only from SENT."""
    _require_receiver(
        handoff, by, QT_TRANSLATE_NOOP("Refusal", "only the receiver can acknowledge this handoff")
    )
    if handoff.state is not HandoffState.SENT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "cannot acknowledge a handoff that is %1"), _st(handoff)
        )
    _require_order(handoff, at)
    return replace(
        handoff,
        state=HandoffState.ACKNOWLEDGED,
        acknowledged_at=at,
        version=handoff.version + 1,
    )


def _resolve(handoff: Handoff, state: HandoffState, at: datetime, **changes: Any) -> Handoff:
    return replace(
        handoff,
        state=state,
        acknowledged_at=handoff.acknowledged_at or at,
        resolved_at=at,
        version=handoff.version + 1,
        **changes,
    )


def accept(handoff: Handoff, by: int, at: datetime) -> Handoff:
    """The receiver takes the task over (acknowledging it now if not yet). The store moves
    ownership to the receiver in the same change."""
    _require_receiver(
        handoff, by, QT_TRANSLATE_NOOP("Refusal", "only the receiver can accept this handoff")
    )
    _require_open(handoff, QT_TRANSLATE_NOOP("Refusal", "cannot accept a handoff that is %1"))
    _require_order(handoff, at)
    return _resolve(handoff, HandoffState.ACCEPTED, at)


def return_(
    handoff: Handoff, by: int, at: datetime, reason: str, missing: Iterable[str]
) -> Handoff:
    """Send it back: a reason from RETURN_REASONS and at least one item of the packet that
    the receiver needs and does not have."""
    _require_receiver(
        handoff, by, QT_TRANSLATE_NOOP("Refusal", "only the receiver can return this handoff")
    )
    _require_open(handoff, QT_TRANSLATE_NOOP("Refusal", "cannot return a handoff that is %1"))
    _require_order(handoff, at)
    if not reason or reason not in RETURN_REASONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "return reason %1 is not one of %2"),
            repr(reason),
            ", ".join(RETURN_REASONS),
        )
    wanted = tuple(dict.fromkeys(m.strip() for m in missing if m.strip()))
    if not wanted:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "name at least one missing item when returning a handoff")
        )
    unknown = [m for m in wanted if m not in handoff.item_names]
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "not an item of this handoff: %1 (items: %2)"),
            ", ".join(unknown),
            ", ".join(handoff.item_names),
        )
    return _resolve(handoff, HandoffState.RETURNED, at, reason=reason, returned_missing=wanted)


def reject(handoff: Handoff, by: int, at: datetime, reason: str) -> Handoff:
    """Refuse it for good; the reason must be one of REJECT_REASONS."""
    _require_receiver(
        handoff, by, QT_TRANSLATE_NOOP("Refusal", "only the receiver can reject this handoff")
    )
    _require_open(handoff, QT_TRANSLATE_NOOP("Refusal", "cannot reject a handoff that is %1"))
    _require_order(handoff, at)
    if reason not in REJECT_REASONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "reject reason %1 is not one of %2"),
            repr(reason),
            ", ".join(REJECT_REASONS),
        )
    return _resolve(handoff, HandoffState.REJECTED, at, reason=reason)


def ask(handoff: Handoff, by: int, at: datetime, item: str, text: str) -> Handoff:
    """The receiver asks the sender about one item of the packet. Allowed while the handoff
    is open or after accepting it (the receiver still works with the packet)."""
    _require_receiver(
        handoff, by, QT_TRANSLATE_NOOP("Refusal", "only the receiver can ask about this handoff")
    )
    if handoff.state in (HandoffState.RETURNED, HandoffState.REJECTED):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "cannot ask about a handoff that is %1"), _st(handoff)
        )
    _require_order(handoff, at)
    if item not in handoff.item_names:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "not an item of this handoff: %1 (items: %2)"),
            repr(item),
            ", ".join(handoff.item_names),
        )
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "a question needs some text"))
    next_id = max((q.id for q in handoff.questions), default=0) + 1
    question = Question(next_id, item, by, at, text.strip())
    return replace(handoff, questions=(*handoff.questions, question), version=handoff.version + 1)


def answer(handoff: Handoff, question_id: int, by: int, at: datetime, text: str) -> Handoff:
    """The sender answers a question once."""
    if by != handoff.sender_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "only the sender can answer questions about this handoff")
        )
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "an answer needs some text"))
    questions = list(handoff.questions)
    for index, q in enumerate(questions):
        if q.id == question_id:
            if q.answer is not None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Refusal", "question %1 is already answered"), question_id
                )
            if at < q.asked_at:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Refusal", "a question cannot be answered before it was asked"
                    )
                )
            questions[index] = replace(q, answer=text.strip(), answered_by=by, answered_at=at)
            return replace(handoff, questions=tuple(questions), version=handoff.version + 1)
    raise ValidationError(
        QT_TRANSLATE_NOOP("Refusal", "this handoff has no question %1"), question_id
    )
