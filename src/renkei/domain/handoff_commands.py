"""Handoff commands and the inputs of the handoff-loss analysis, Qt-free.

Each builder takes the Board the user is looking at, applies the domain's rule
(``renkei.domain.handoff``) and returns the commands for ONE ``apply_all``: a handoff is
written like every other row (Create / SetFields with base values, Activity per field), and
accepting moves the task's owner and team in the same change. A rule broken raises
``ValidationError`` before anything is written; someone else's change to the same fields
meanwhile makes the store raise ``ConflictError``.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from renkei.domain import handoff as rules
from renkei.domain.commands import Command, Create, SetFields, ValidationError, set_task
from renkei.domain.handoff import Handoff
from renkei.domain.handoff_loss import OwnerChange
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import Activity, Board

# The handoff fields a Create carries: all of them but the row's id and version.
_FIELDS = tuple(f.name for f in dataclasses.fields(Handoff) if f.name not in ("id", "version"))
_OWNER_FIELDS = ("owner_id", "team_id")


def _handoff(board: Board, handoff_id: int) -> Handoff:
    found = board.handoffs.get(handoff_id)
    if found is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "there is no handoff %1"), handoff_id)
    return found


def _changes(old: Handoff, new: Handoff) -> SetFields:
    """The fields a transition changed, based on the values the user saw."""
    names = [name for name in _FIELDS if getattr(old, name) != getattr(new, name)]
    return SetFields(
        "handoff",
        old.id,
        tuple((name, getattr(new, name)) for name in names),
        tuple((name, getattr(old, name)) for name in names),
    )


class WithinOneTeam(ValidationError):
    """A hand-over that stays inside one team: ``receiver`` names whom to make the owner."""

    def __init__(self, text: str, *values: object, receiver: str):
        super().__init__(text, *values)
        self.receiver = receiver


@dataclass(frozen=True, slots=True)
class SendRefusal:
    """Why the actor may not hand the task off, as data: the CLI words it in English, the
    window in the user's language. ``kind`` is ``no_actor``, ``done`` or ``not_allowed``
    (then ``owner_id`` and ``team_id`` say who may)."""

    kind: str
    task_id: int
    owner_id: int | None = None
    team_id: int | None = None
    status_id: int | None = None


def send_refusal(board: Board, task_id: int, actor_id: int | None) -> SendRefusal | None:
    """Whether ``actor_id`` may hand this task off: the task's owner or someone in its team,
    and only while the task is not done. A task with neither an owner nor a team has nobody
    to defer to, so anyone on the board may."""
    task = board.tasks.get(task_id)
    if task is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "there is no task %1"), task_id)
    if actor_id is None:
        return SendRefusal("no_actor", task_id)
    status = board.statuses.get(task.status_id)
    if status is not None and status.is_done:
        return SendRefusal("done", task_id, status_id=status.id)
    if task.owner_id is None and task.team_id is None:
        return None
    actor = board.people.get(actor_id)
    in_team = actor is not None and task.team_id is not None and actor.team_id == task.team_id
    if actor_id == task.owner_id or in_team:
        return None
    return SendRefusal("not_allowed", task_id, task.owner_id, task.team_id)


def refusal_error(board: Board, refusal: SendRefusal) -> ValidationError:
    """The refusal as a sentence naming who may (English by ``str``)."""
    if refusal.kind == "no_actor":
        return ValidationError(
            QT_TRANSLATE_NOOP(
                "Refusal", "say who is handing the task over: a handoff is sent by a person"
            )
        )
    if refusal.kind == "done":
        status = board.statuses.get(refusal.status_id or 0)
        if status is None:
            return ValidationError(
                QT_TRANSLATE_NOOP(
                    "Refusal", "task %1 is done: a finished task cannot be handed off"
                ),
                refusal.task_id,
            )
        return ValidationError(
            QT_TRANSLATE_NOOP(
                "Refusal", "task %1 is done (%2): a finished task cannot be handed off"
            ),
            refusal.task_id,
            status.name,
        )
    owner = board.people.get(refusal.owner_id or 0)
    team = board.teams.get(refusal.team_id or 0)
    if owner is not None and team is not None:
        return ValidationError(
            QT_TRANSLATE_NOOP(
                "Refusal", "Only %1 (the owner) or someone in %2 can hand this task off"
            ),
            owner.name,
            team.name,
        )
    if owner is not None:
        return ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "Only %1 (the owner) can hand this task off"), owner.name
        )
    if team is not None:
        return ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "Only someone in %1 can hand this task off"), team.name
        )
    return ValidationError(QT_TRANSLATE_NOOP("Refusal", "You cannot hand this task off"))


def refusal_text(board: Board, refusal: SendRefusal) -> str:
    """The refusal in English, naming who may."""
    return str(refusal_error(board, refusal))


def same_team(board: Board, task_id: int, sender_id: int, receiver_id: int) -> int | None:
    """The team a hand-over would stay inside (the receiver's, when it is the sender's or the
    task's own team): passing work within one team is a reassignment, not a handoff. None
    when it crosses teams (or the receiver has no team to compare)."""
    task = board.tasks.get(task_id)
    sender = board.people.get(sender_id)
    receiver = board.people.get(receiver_id)
    if task is None or receiver is None or receiver.team_id is None:
        return None
    sender_team = sender.team_id if sender is not None else None
    if receiver.team_id in (sender_team, task.team_id):
        return receiver.team_id
    return None


def send(
    board: Board,
    task_id: int,
    to_person_id: int,
    template: str,
    provided: Mapping[str, str] | None = None,
    missing: Iterable[str] = (),
    note: str = "",
    *,
    actor_id: int | None,
    at: datetime,
) -> list[Command]:
    """The actor hands the task from their team to a person and that person's team.

    Only the task's owner or someone in its team may send it (``send_refusal``), never a done
    task, never within one team (``same_team``). The handoff's sender is the actor and its
    sender team the actor's team at this moment. A task waits for one handoff at a time."""
    task = board.tasks.get(task_id)
    if task is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "there is no task %1"), task_id)
    receiver = board.people.get(to_person_id)
    if receiver is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "there is no person %1"), to_person_id)
    refusal = send_refusal(board, task_id, actor_id)
    if refusal is not None:
        raise refusal_error(board, refusal)
    assert actor_id is not None  # send_refusal said "no_actor" otherwise
    found = board.template(template)
    if found is None:
        names = ", ".join(sorted(t.name for t in board.handoff_templates.values()))
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "there is no handoff template %1 (templates: %2)"),
            repr(template),
            names,
        )
    inside = same_team(board, task_id, actor_id, receiver.id)
    if inside is not None and receiver.id != actor_id:
        team = board.teams.get(inside)
        raise WithinOneTeam(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 is in %2 too: passing a task within one team is a reassignment, not a "
                "handoff; change the task's owner instead",
            ),
            receiver.name,
            team.name if team else str(inside),
            receiver=receiver.name,
        )
    waiting = board.open_handoff(task_id)
    if waiting is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "this task is already waiting for handoff %1 to be accepted or returned",
            ),
            waiting.id,
        )
    sender = board.people.get(actor_id)
    new = rules.send(
        id=0,
        task_id=task_id,
        template=found,
        sender_id=actor_id,
        sender_team_id=sender.team_id if sender is not None else None,
        receiver_id=receiver.id,
        receiver_team_id=receiver.team_id,
        at=at,
        provided=provided,
        missing=missing,
        note=note,
    )
    return [Create("handoff", tuple((name, getattr(new, name)) for name in _FIELDS))]


def acknowledge(board: Board, handoff_id: int, *, actor_id: int, at: datetime) -> list[Command]:
    old = _handoff(board, handoff_id)
    return [_changes(old, rules.acknowledge(old, actor_id, at))]


def accept(board: Board, handoff_id: int, *, actor_id: int, at: datetime) -> list[Command]:
    """The receiver takes the task over: the handoff and the task's owner (and team, when the
    receiver has one) change together."""
    old = _handoff(board, handoff_id)
    commands: list[Command] = [_changes(old, rules.accept(old, actor_id, at))]
    task = board.tasks.get(old.task_id)
    if task is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "there is no task %1"), old.task_id)
    moves: dict[str, Any] = {}
    if task.owner_id != old.receiver_id:
        moves["owner_id"] = old.receiver_id
    if old.receiver_team_id is not None and task.team_id != old.receiver_team_id:
        moves["team_id"] = old.receiver_team_id
    if moves:
        commands.append(set_task(task, **moves))
    return commands


def return_(
    board: Board,
    handoff_id: int,
    reason: str,
    missing: Iterable[str],
    *,
    actor_id: int,
    at: datetime,
) -> list[Command]:
    old = _handoff(board, handoff_id)
    return [_changes(old, rules.return_(old, actor_id, at, reason, missing))]


def reject(
    board: Board, handoff_id: int, reason: str, *, actor_id: int, at: datetime
) -> list[Command]:
    old = _handoff(board, handoff_id)
    return [_changes(old, rules.reject(old, actor_id, at, reason))]


def ask(
    board: Board, handoff_id: int, item: str, text: str, *, actor_id: int, at: datetime
) -> list[Command]:
    old = _handoff(board, handoff_id)
    return [_changes(old, rules.ask(old, actor_id, at, item, text))]


def answer(
    board: Board, handoff_id: int, question_id: int, text: str, *, actor_id: int, at: datetime
) -> list[Command]:
    old = _handoff(board, handoff_id)
    return [_changes(old, rules.answer(old, question_id, actor_id, at, text))]


# -- inputs of the handoff-loss analysis ---------------------------------------------------


def _id(text: str | None) -> int | None:
    return int(text) if text not in (None, "") else None


def owner_changes_from_activity(rows: Iterable[Activity]) -> list[OwnerChange]:
    """Every task owner/team change in the audit trail (Activity keeps ids as text)."""
    return [
        OwnerChange(r.entity_id, r.at, r.actor_id, r.field, _id(r.old), _id(r.new))
        for r in rows
        if r.entity == "task" and r.field in _OWNER_FIELDS
    ]


def activity_by_task(rows: Iterable[Activity]) -> dict[int, list[tuple[int | None, datetime]]]:
    """Who worked on each task when: its Activity rows except ownership moves (taking a task
    over is not working on it — the accept itself must not count against ``stalled``)."""
    found: dict[int, list[tuple[int | None, datetime]]] = defaultdict(list)
    for r in rows:
        if r.entity == "task" and r.field not in _OWNER_FIELDS:
            found[r.entity_id].append((r.actor_id, r.at))
    return dict(found)
