"""Commands: every change to a board is one of these, applied by the store in one transaction.

A command names the values it was based on (``base``), so the store can merge edits to
different fields and detect two people changing the same field instead of overwriting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence

if TYPE_CHECKING:  # model imports the handoff rules, which import this module
    from renkei.domain.model import Task

FieldValues = tuple[tuple[str, Any], ...]


@dataclass(frozen=True, slots=True)
class NewRow:
    """A row created earlier in the same batch, by its ``Create.key``: an import creates a
    person and that person's tasks in one transaction, before either has an id."""

    key: str


@dataclass(frozen=True, slots=True)
class Create:
    """Add a row; ``entity`` is one of task, person, team, project, status.

    ``key`` names the new row for later commands of the same batch (``NewRow(key)`` in a
    value or as a ``SetFields.entity_id``). ``at`` and ``by`` backdate its creation and name
    who made it (an import keeps the original date and author); ``None`` means the batch's."""

    entity: str
    values: FieldValues
    key: str | None = None
    at: datetime | None = None
    by: int | NewRow | None = None


@dataclass(frozen=True, slots=True)
class SetFields:
    """Change fields of one row. ``base`` holds each field's value as the editor saw it;
    a field whose stored value differs from its base is a conflict, not an overwrite."""

    entity: str
    entity_id: int | NewRow
    values: FieldValues
    base: FieldValues | None = None

    def values_dict(self) -> dict[str, Any]:
        return dict(self.values)


@dataclass(frozen=True, slots=True)
class Record:
    """History that happened elsewhere (an import): one Activity row with its own time and
    author, changing no row. ``old``/``new`` are the values as the audit trail keeps them."""

    entity: str
    entity_id: int | NewRow
    field: str
    old: str | NewRow | None
    new: str | NewRow | None
    at: datetime
    by: int | NewRow | None = None


Command = Create | SetFields | Record


def set_task(task: Task, **changes: Any) -> SetFields:
    """Edit a task from the snapshot the user was looking at."""
    base = tuple((name, getattr(task, name)) for name in changes)
    return SetFields("task", task.id, tuple(changes.items()), base)


@dataclass(frozen=True, slots=True)
class FieldChange:
    name: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class RowChange:
    """What one command did to one row, with the row as it is now."""

    entity: str
    entity_id: int
    created: bool
    fields: tuple[FieldChange, ...]
    row: Any
    revision: int | None = None  # the revision of the row's latest change in this batch
    actor_id: int | None = None  # who made it


@dataclass(frozen=True, slots=True)
class Change:
    """The result of applying a command: the board revision it produced and what changed.

    ``already_saved``: the change's id was found on the board, so an earlier try of this very
    change (a retry after a lost connection, a script run twice) had saved it; nothing was
    applied again. ``revision`` is then the revision that saved it and ``rows`` is empty:
    the rows may have changed since, so whoever shows them reads the board again."""

    revision: int
    actor_id: int | None
    rows: tuple[RowChange, ...]
    already_saved: bool = False

    def inverse(self) -> tuple[SetFields, ...]:
        """Commands that undo this change, based on the values it produced. Creation is
        undone by archiving a task or withdrawing a handoff: the audit trail stays
        append-only."""
        undo: list[SetFields] = []
        for rc in reversed(self.rows):  # later edits first: a field edited twice unwinds in order
            if rc.created:
                hide = _UNDO_CREATION.get(rc.entity)
                if hide is not None:
                    name, hidden, shown = hide()
                    undo.append(
                        SetFields(rc.entity, rc.entity_id, ((name, hidden),), ((name, shown),))
                    )
                continue
            values = tuple((f.name, f.old) for f in rc.fields)
            base = tuple((f.name, f.new) for f in rc.fields)
            undo.append(SetFields(rc.entity, rc.entity_id, values, base))
        return tuple(undo)


def _withdraw_handoff() -> tuple[str, Any, Any]:
    from renkei.domain.handoff import HandoffState  # handoff rules import this module

    return "state", HandoffState.WITHDRAWN, HandoffState.SENT


# How creating a row is undone: the field, its "gone" value and its value as created. Other
# rows (teams, people) cannot be undone once created.
_UNDO_CREATION = {
    "task": lambda: ("archived", True, False),
    "handoff": _withdraw_handoff,
}


class CommandError(Sentence):
    """A command that cannot be applied; the message is for the user (a marked sentence:
    ``renkei.domain.i18n.Sentence``)."""


class ValidationError(CommandError):
    pass


# "task 5 was changed meanwhile (progress, due)": one sentence for each kind of row.
_CHANGED_MEANWHILE = {
    "task": QT_TRANSLATE_NOOP("Refusal", "task %1 was changed meanwhile (%2)"),
    "handoff": QT_TRANSLATE_NOOP("Refusal", "handoff %1 was changed meanwhile (%2)"),
    "person": QT_TRANSLATE_NOOP("Refusal", "person %1 was changed meanwhile (%2)"),
    "team": QT_TRANSLATE_NOOP("Refusal", "team %1 was changed meanwhile (%2)"),
    "project": QT_TRANSLATE_NOOP("Refusal", "project %1 was changed meanwhile (%2)"),
    "status": QT_TRANSLATE_NOOP("Refusal", "status %1 was changed meanwhile (%2)"),
}


class ConflictError(CommandError):
    """Someone else changed the same field since this edit was based on it."""

    def __init__(self, entity: str, entity_id: int, conflicts: tuple[tuple[str, Any, Any], ...]):
        self.entity = entity
        self.entity_id = entity_id
        self.conflicts = conflicts  # (field, value now stored, value this edit wanted)
        names = ", ".join(c[0] for c in conflicts)
        text = _CHANGED_MEANWHILE.get(entity)
        if text is None:
            super().__init__(
                QT_TRANSLATE_NOOP("Refusal", "%1 %2 was changed meanwhile (%3)"),
                entity,
                entity_id,
                names,
            )
        else:
            super().__init__(text, entity_id, names)


class NotFoundError(CommandError):
    pass
