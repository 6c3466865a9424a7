"""Commands and the changes they produce: what an edit says, and how it is undone."""

from __future__ import annotations

from datetime import date

import pytest

from renkei.domain.commands import (
    Change,
    CommandError,
    ConflictError,
    Create,
    FieldChange,
    RowChange,
    SetFields,
    ValidationError,
    set_task,
)
from renkei.domain.model import Priority, Task, Team


def _task(**values) -> Task:
    fields = {"title": "Qualify leads", "status_id": 2, "progress": 20, "version": 3}
    fields.update(values)
    return Task(id=5, **fields)


def test_set_task_records_the_values_it_was_based_on():
    """set_task names the new values and, as base, the values the user was looking at."""
    task = _task(due=date(2026, 12, 1), priority=Priority.HIGH)
    command = set_task(task, progress=60, due=date(2026, 12, 4))
    assert command == SetFields(
        "task",
        5,
        (("progress", 60), ("due", date(2026, 12, 4))),
        (("progress", 20), ("due", date(2026, 12, 1))),
    )
    assert command.values_dict() == {"progress": 60, "due": date(2026, 12, 4)}


def test_set_task_base_covers_only_the_edited_fields():
    """Fields the user did not touch are not in the base, so others may change them."""
    command = set_task(_task(), title="Qualify trade-show leads")
    assert dict(command.base) == {"title": "Qualify leads"}


def test_inverse_of_an_update_swaps_old_and_new():
    """Undoing an update sets the old values, based on the values the update produced."""
    change = Change(
        revision=8,
        actor_id=1,
        rows=(
            RowChange(
                "task",
                5,
                False,
                (FieldChange("progress", 20, 60), FieldChange("owner_id", None, 3)),
                row=None,
            ),
        ),
    )
    assert change.inverse() == (
        SetFields(
            "task", 5, (("progress", 20), ("owner_id", None)), (("progress", 60), ("owner_id", 3))
        ),
    )


def test_inverse_of_task_creation_archives_it():
    """A created task is undone by archiving it: the audit trail stays append-only."""
    change = Change(9, 1, (RowChange("task", 12, True, (), row=None),))
    assert change.inverse() == (
        SetFields("task", 12, (("archived", True),), (("archived", False),)),
    )


def test_inverse_of_other_creations_is_nothing():
    """Teams, people and columns are not archived by undo; there is nothing to apply."""
    change = Change(9, 1, (RowChange("team", 2, True, (), row=Team(2, "Marketing")),))
    assert change.inverse() == ()


def test_inverse_covers_every_row_of_a_change():
    """A change touching several rows is undone row by row."""
    change = Change(
        10,
        None,
        (
            RowChange("task", 1, False, (FieldChange("status_id", 2, 3),), None),
            RowChange("status", 3, False, (FieldChange("wip_limit", None, 5),), None),
        ),
    )
    undo = change.inverse()
    assert {(c.entity, c.entity_id) for c in undo} == {("task", 1), ("status", 3)}
    assert all(isinstance(c, SetFields) for c in undo)


def test_inverse_undoes_later_rows_first():
    """When one change edits the same field twice, undo must start from the last edit.

    Applied in order, the undo commands must each find their base stored: the first undo
    command has to revert the second edit (60 → 40) before the first (40 → 20)."""
    change = Change(
        11,
        None,
        (
            RowChange("task", 5, False, (FieldChange("progress", 20, 40),), None),
            RowChange("task", 5, False, (FieldChange("progress", 40, 60),), None),
        ),
    )
    undo = change.inverse()
    assert [(dict(c.base)["progress"], c.values_dict()["progress"]) for c in undo] == [
        (60, 40),
        (40, 20),
    ]


def test_create_holds_its_values():
    """A Create names its entity and keeps values in the order given."""
    command = Create("task", (("title", "Call"), ("status_id", 2)))
    assert command.entity == "task"
    assert dict(command.values) == {"title": "Call", "status_id": 2}


def test_conflict_error_names_the_fields():
    """A conflict says which record and which fields, and keeps both values."""
    error = ConflictError("task", 5, (("progress", 40, 60), ("due", None, date(2026, 12, 1))))
    assert str(error) == "task 5 was changed meanwhile (progress, due)"
    assert error.entity == "task" and error.entity_id == 5
    assert error.conflicts[0] == ("progress", 40, 60)
    assert isinstance(error, CommandError)


def test_validation_error_is_a_command_error():
    """Callers catch CommandError for every refusal meant for the user."""
    with pytest.raises(CommandError):
        raise ValidationError("title is required")
