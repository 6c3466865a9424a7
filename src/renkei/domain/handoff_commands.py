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
from datetime import datetime
from typing import Any

from renkei.domain import handoff as rules
from renkei.domain.commands import Command, Create, SetFields, ValidationError, set_task
from renkei.domain.handoff import Handoff
from renkei.domain.handoff_loss import OwnerChange
from renkei.domain.model import Activity, Board

# The handoff fields a Create carries: all of them but the row's id and version.
_FIELDS = tuple(f.name for f in dataclasses.fields(Handoff) if f.name not in ("id", "version"))
_OWNER_FIELDS = ("owner_id", "team_id")


def _handoff(board: Board, handoff_id: int) -> Handoff:
    found = board.handoffs.get(handoff_id)
    if found is None:
        raise ValidationError(f"there is no handoff {handoff_id}")
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
    """Hand the task from its owner (or, unowned, the actor) and its team to a person and
    that person's team. A task waits for one handoff at a time."""
    task = board.tasks.get(task_id)
    if task is None:
        raise ValidationError(f"there is no task {task_id}")
    receiver = board.people.get(to_person_id)
    if receiver is None:
        raise ValidationError(f"there is no person {to_person_id}")
    found = board.template(template)
    if found is None:
        names = ", ".join(sorted(t.name for t in board.handoff_templates.values()))
        raise ValidationError(f"there is no handoff template {template!r} (templates: {names})")
    sender_id = task.owner_id if task.owner_id is not None else actor_id
    if sender_id is None:
        raise ValidationError("the task has no owner: say who is handing it over")
    waiting = board.open_handoff(task_id)
    if waiting is not None:
        raise ValidationError(
            f"this task is already waiting for handoff {waiting.id} to be accepted or returned"
        )
    new = rules.send(
        id=0,
        task_id=task_id,
        template=found,
        sender_id=sender_id,
        sender_team_id=task.team_id,
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
        raise ValidationError(f"there is no task {old.task_id}")
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
