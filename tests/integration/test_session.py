"""The board session: edits reach the snapshot and the listeners, and can be undone."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from renkei.app.session import BoardSession
from renkei.domain.commands import ConflictError, Create, SetFields, set_task
from renkei.domain.risk import RiskKind
from renkei.store.board_store import BoardStore

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 0)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@pytest.fixture
def ids(store):
    """A small board: one team, two people, one task in progress that is behind schedule."""
    board = store.load()
    doing, done = board.find_status("In progress").id, board.find_status("Done").id
    team = store.apply(Create("team", (("name", "Marketing"),)), None, NOW).rows[0].entity_id
    aoki, tanaka = (
        store.apply(Create("person", (("name", name), ("team_id", team))), None, NOW)
        .rows[0]
        .entity_id
        for name in ("Haruka Aoki", "Yuki Tanaka")
    )
    task = (
        store.apply(
            Create(
                "task",
                (
                    ("title", "Import trade-show leads"),
                    ("status_id", doing),
                    ("owner_id", aoki),
                    ("start", day(-8)),
                    ("due", day(1)),
                    ("progress", 25),
                ),
            ),
            aoki,
            NOW,
        )
        .rows[0]
        .entity_id
    )
    return {
        "doing": doing,
        "done": done,
        "team": team,
        "aoki": aoki,
        "tanaka": tanaka,
        "task": task,
    }


@pytest.fixture
def session(store, ids):
    return BoardSession(store, ids["aoki"], today=lambda: TODAY, now=lambda: NOW)


@pytest.fixture
def other_store(board_path, store):
    """A second client on the same board file, as a colleague's Renkei would be."""
    other = BoardStore.open(board_path)
    yield other
    other.dispose()


def _task(session, ids):
    return session.board.tasks[ids["task"]]


# -- applying ------------------------------------------------------------------------------


def test_apply_updates_snapshot_and_notifies_listeners(session, ids):
    """An edit reaches the store, the session's snapshot, and every listener, with its Change."""
    heard = []
    session.subscribe(heard.append)
    change = session.apply(set_task(_task(session, ids), progress=60), "Set progress")
    assert heard == [change]
    assert change.rows[0].fields[0].new == 60
    assert _task(session, ids).progress == 60
    assert session.board.revision == change.revision == session.store.revision()
    assert session.store.load().tasks[ids["task"]] == _task(session, ids)


def test_unsubscribed_listener_hears_nothing(session, ids):
    """A listener that unsubscribed is not called again."""
    heard = []
    session.subscribe(heard.append)
    session.unsubscribe(heard.append)
    session.apply(set_task(_task(session, ids), progress=60))
    assert heard == []


def test_no_op_edit_is_not_an_undo_step(session, ids):
    """An edit that changes nothing notifies nobody and cannot be undone."""
    heard = []
    session.subscribe(heard.append)
    change = session.apply(set_task(_task(session, ids), progress=25))
    assert change.rows == ()
    assert heard == []
    assert session.can_undo is False


def test_created_rows_join_the_snapshot(session, ids):
    """A created task appears in the session's board without a reload."""
    change = session.apply(Create("task", (("title", "Follow up"), ("status_id", ids["doing"]))))
    new_id = change.rows[0].entity_id
    assert session.board.tasks[new_id].title == "Follow up"
    assert session.board.tasks == session.store.load().tasks


# -- undo and redo -------------------------------------------------------------------------


def test_undo_restores_previous_values_and_records_it(session, ids):
    """Undo puts the old values back through the store, so the audit trail shows it too."""
    task = _task(session, ids)
    session.apply(set_task(task, progress=60, due=day(4)), "Edit task")
    heard = []
    session.subscribe(heard.append)
    change = session.undo()
    restored = _task(session, ids)
    assert (restored.progress, restored.due) == (25, day(1))
    assert session.store.load().tasks[ids["task"]] == restored
    assert heard == [change]
    trail = [(a.field, a.old, a.new, a.actor_id) for a in session.history(ids["task"])[-4:]]
    assert trail == [
        ("progress", "25", "60", ids["aoki"]),
        ("due", "2026-11-29", "2026-12-02", ids["aoki"]),
        ("progress", "60", "25", ids["aoki"]),
        ("due", "2026-12-02", "2026-11-29", ids["aoki"]),
    ]
    assert session.can_undo is False and session.can_redo is True
    assert session.redo_label() == "Edit task"


def test_redo_reapplies(session, ids):
    """Redo applies the edit again, and it can be undone once more."""
    session.apply(set_task(_task(session, ids), progress=60), "Set progress")
    session.undo()
    session.redo()
    assert _task(session, ids).progress == 60
    assert session.store.load().tasks[ids["task"]].progress == 60
    assert session.can_undo is True and session.can_redo is False
    assert session.undo_label() == "Set progress"
    session.undo()
    assert _task(session, ids).progress == 25


def test_new_edit_clears_redo(session, ids):
    """After an undo, a fresh edit makes the undone step unreachable."""
    session.apply(set_task(_task(session, ids), progress=60), "first")
    session.undo()
    session.apply(set_task(_task(session, ids), title="Import leads"), "second")
    assert session.can_redo is False
    assert session.undo_label() == "second"


def test_undo_and_redo_with_empty_stacks(session):
    """Nothing to undo or redo returns None and changes nothing."""
    revision = session.board.revision
    assert session.undo() is None
    assert session.redo() is None
    assert session.board.revision == revision
    assert session.undo_label() == "" and session.redo_label() == ""


def test_undo_after_creation_archives_the_task(session, ids):
    """Undoing 'new task' archives it (the trail stays append-only); redo brings it back."""
    change = session.apply(
        Create("task", (("title", "Call Aozora Bank"), ("status_id", ids["doing"]))), "New task"
    )
    new_id = change.rows[0].entity_id
    session.undo()
    assert session.board.tasks[new_id].archived is True
    assert session.store.load().tasks[new_id].archived is True
    session.redo()
    assert session.board.tasks[new_id].archived is False


def test_undo_of_a_batch_editing_one_field_twice(session, ids):
    """A batch that changes the same field twice is undone back to the value before it."""
    session.apply_all(
        [
            SetFields("task", ids["task"], (("progress", 40),)),
            SetFields("task", ids["task"], (("progress", 70),)),
        ],
        "Two steps",
    )
    session.undo()
    assert _task(session, ids).progress == 25
    assert session.store.load().tasks[ids["task"]].progress == 25


def test_undo_of_dependency_edit(session, ids):
    """Undoing 'add predecessors' (listed in any order) removes them again."""
    created = session.apply_all(
        [Create("task", (("title", f"prep {n}"), ("status_id", ids["doing"]))) for n in (1, 2)]
    )
    p1, p2 = (rc.entity_id for rc in created.rows)
    session.apply(SetFields("task", ids["task"], (("depends_on", (p2, p1)),)), "Add dependencies")
    session.undo()
    assert session.store.load().tasks[ids["task"]].depends_on == ()
    assert _task(session, ids).depends_on == ()


# -- someone else edits meanwhile ---------------------------------------------------------


def test_undo_refused_when_someone_changed_the_same_field(session, ids, other_store):
    """If a colleague changed the field since, undo raises ConflictError and stays available."""
    session.apply(set_task(_task(session, ids), progress=60), "Set progress")
    theirs = other_store.load().tasks[ids["task"]]
    other_store.apply(set_task(theirs, progress=80), ids["tanaka"])
    with pytest.raises(ConflictError) as raised:
        session.undo()
    assert raised.value.conflicts == (("progress", 80, 25),)
    assert session.can_undo is True
    assert session.undo_label() == "Set progress"
    assert session.can_redo is False
    assert other_store.load().tasks[ids["task"]].progress == 80


def test_undo_keeps_a_colleagues_edit_to_another_field(session, ids, other_store):
    """Undo only reverts my fields; a colleague's change to another field survives."""
    session.apply(set_task(_task(session, ids), progress=60), "Set progress")
    theirs = other_store.load().tasks[ids["task"]]
    other_store.apply(set_task(theirs, owner_id=ids["tanaka"]), ids["tanaka"])
    session.undo()
    stored = session.store.load().tasks[ids["task"]]
    assert (stored.progress, stored.owner_id) == (25, ids["tanaka"])


def test_reload_reads_colleagues_changes(session, ids, other_store):
    """reload() reads the whole board again and tells listeners with None."""
    other_store.apply(
        set_task(other_store.load().tasks[ids["task"]], title="Import 310 leads"), ids["tanaka"]
    )
    heard = []
    session.subscribe(heard.append)
    assert _task(session, ids).title == "Import trade-show leads"
    session.reload()
    assert _task(session, ids).title == "Import 310 leads"
    assert session.board == other_store.load()
    assert heard == [None]


# -- rules on the snapshot -----------------------------------------------------------------


def test_risk_is_recomputed_after_a_change(session, ids):
    """Setting progress to match the time used takes the task off 'behind schedule'."""
    assert [r.kind for r in session.risk(ids["task"])] == [RiskKind.BEHIND]
    session.apply(set_task(_task(session, ids), progress=95))
    assert session.risk(ids["task"]) == ()


def test_risk_uses_the_sessions_clock(store, ids):
    """The session's today decides what is overdue."""
    late = BoardSession(store, None, today=lambda: day(3), now=lambda: NOW + timedelta(days=3))
    assert [r.kind for r in late.risk(ids["task"])] == [RiskKind.OVERDUE]


def test_risk_refreshes_after_reload(session, ids, other_store):
    """A colleague's change read by reload() updates the reasons."""
    assert session.risk(ids["task"])
    other_store.apply(SetFields("task", ids["task"], (("status_id", ids["done"]),)), None)
    session.reload()
    assert session.risk(ids["task"]) == ()


def test_blocked_follows_predecessor_status(session, ids):
    """A task is blocked until its predecessor is moved to Done."""
    pred = (
        session.apply(Create("task", (("title", "Consent log"), ("status_id", ids["doing"]))))
        .rows[0]
        .entity_id
    )
    session.apply(SetFields("task", ids["task"], (("depends_on", (pred,)),)))
    assert session.blocked(ids["task"]) is True
    session.apply(SetFields("task", pred, (("status_id", ids["done"]),)))
    assert session.blocked(ids["task"]) is False


def test_history_of_a_task(session, ids):
    """The session lists a task's audit trail, creation first."""
    session.apply(set_task(_task(session, ids), progress=30))
    assert [(a.field, a.new) for a in session.history(ids["task"])] == [
        ("created", "Import trade-show leads"),
        ("progress", "30"),
    ]
