"""Rules across a row's fields, checked on the row as it would be after a change (the store
applies them through ``renkei.domain.fields.check_row``)."""

from __future__ import annotations

from typing import Any

from renkei.domain.commands import ValidationError
from renkei.domain.handoff import REJECT_REASONS, Handoff, HandoffState, HandoffTemplate
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import Task


def check_task_row(task: Task) -> None:
    """Rules across fields, checked on the row as it would be after the change."""
    if task.start is not None and task.due is not None and task.due < task.start:
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "the due date is before the start date"))
    if task.id in task.depends_on:
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "a task cannot depend on itself"))


def check_handoff_row(h: Handoff) -> None:
    """The domain's rules that span fields, on the handoff as it would be stored."""
    if h.sender_id == h.receiver_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "a handoff goes to someone else, not to its sender")
        )
    names = set(h.item_names)
    if h.state is HandoffState.REJECTED and h.reason not in REJECT_REASONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "reject reason %1 is not one of %2"),
            repr(h.reason),
            ", ".join(REJECT_REASONS),
        )
    if h.state is HandoffState.RETURNED:
        if h.reason is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "a returned handoff needs a reason"))
        if not h.returned_missing:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Refusal", "name at least one missing item when returning a handoff"
                )
            )
    unknown = sorted({*h.returned_missing, *(q.item for q in h.questions)} - names)
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "not an item of this handoff: %1"), ", ".join(unknown)
        )
    resolved = h.state in (HandoffState.ACCEPTED, HandoffState.RETURNED, HandoffState.REJECTED)
    if h.state is HandoffState.WITHDRAWN and h.resolved_at is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the receiver has already accepted, returned or rejected this handoff; "
                "it can no longer be withdrawn",
            )
        )
    if resolved and h.acknowledged_at is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Refusal", "an accepted, returned or rejected handoff has been acknowledged"
            )
        )
    if h.state is HandoffState.ACKNOWLEDGED and h.acknowledged_at is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "an acknowledged handoff says when it was acknowledged")
        )
    if resolved != (h.resolved_at is not None):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Refusal", "only an accepted, returned or rejected handoff is resolved"
            )
        )
    for moment in (h.acknowledged_at, h.resolved_at):
        if moment is not None and moment < h.sent_at:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Refusal", "a handoff cannot be answered before it was sent")
            )


def check_template_row(t: HandoffTemplate) -> None:
    if not t.items:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "a handoff template names at least one item")
        )


def check_row(entity: str, row: Any) -> None:
    """Rules across fields for any entity (nothing to check for most)."""
    if entity == "task":
        check_task_row(row)
    elif entity == "handoff":
        check_handoff_row(row)
    elif entity == "handoff_template":
        check_template_row(row)
