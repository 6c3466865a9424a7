"""The store's support for imports: rows made earlier in the same batch referred to by key,
imported history with its own time and author, and many new tasks in one INSERT."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from renkei.domain.commands import Create, NewRow, NotFoundError, Record, SetFields
from renkei.domain.model import Priority


def test_new_rows_are_referred_to_by_key_and_history_keeps_its_time(store):
    status = store.load().find_status("To do").id
    when = datetime(2022, 11, 19, 19, 22)
    change = store.apply_all(
        [
            Create("person", (("name", "Trello Sample User"),), key="p"),
            Create(
                "task",
                (("title", "Card"), ("status_id", status), ("owner_id", NewRow("p"))),
                key="t",
                at=when,
                by=NewRow("p"),
            ),
            SetFields("task", NewRow("t"), (("progress", 10),)),
            Record(
                "task", NewRow("t"), "comment", None, "Hello", datetime(2022, 11, 20), NewRow("p")
            ),
            Record("task", NewRow("t"), "owner_id", None, NewRow("p"), datetime(2022, 11, 21)),
        ],
        None,
    )
    board = store.load()
    person = board.find_person("Trello Sample User")
    (task,) = board.tasks.values()
    assert task.owner_id == person.id and task.progress == 10
    assert task.created_at == when
    history = store.history("task", task.id)
    assert [(a.field, a.at, a.actor_id, a.new) for a in history if a.field != "progress"] == [
        ("created", when, person.id, "Card"),
        ("comment", datetime(2022, 11, 20), person.id, "Hello"),
        ("owner_id", datetime(2022, 11, 21), None, str(person.id)),
    ]
    assert all(a.revision == change.revision for a in history)


def test_an_unknown_key_is_refused_and_nothing_is_written(store):
    status = store.load().find_status("To do").id
    before = store.revision()
    with pytest.raises(NotFoundError, match="'nobody'"):
        store.apply_all(
            [
                Create("task", (("title", "A"), ("status_id", status))),
                Create(
                    "task", (("title", "B"), ("status_id", status), ("owner_id", NewRow("nobody")))
                ),
            ],
            None,
        )
    assert store.revision() == before and store.load().tasks == {}


def test_many_new_tasks_read_back_as_the_change_said(store):
    """The multi-row INSERT gives the same rows, positions and Activity as one by one."""
    board = store.load()
    todo, done = board.find_status("To do").id, board.find_status("Done").id
    single = store.apply(Create("task", (("title", "First"), ("status_id", todo))), None)
    commands = [
        Create(
            "task",
            (
                ("title", f"Task {n}"),
                ("status_id", todo if n % 2 else done),
                ("priority", Priority.HIGH),
                ("tags", ("a", "b")),
                ("due", date(2026, 12, n + 1)),
                ("source_id", f"csv:{n}"),
            ),
        )
        for n in range(5)
    ]
    change = store.apply_all(commands, None)
    loaded = store.load().tasks
    assert len(change.rows) == 5
    for row in change.rows:
        assert row.created and loaded[row.entity_id] == row.row
    positions = sorted(t.position for t in loaded.values() if t.status_id == todo)
    assert len(set(positions)) == len(positions) and positions[0] == single.rows[0].row.position
    created = [a for a in store.history() if a.field == "created"]
    assert [a.new for a in created] == ["First"] + [f"Task {n}" for n in range(5)]
