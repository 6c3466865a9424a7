"""Applying commands to a real board file: rows, audit trail, revisions, conflicts, refusals."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import date, datetime

import pytest

from renkei.domain.commands import (
    CommandError,
    ConflictError,
    Create,
    NotFoundError,
    SetFields,
    ValidationError,
    set_task,
)
from renkei.domain.model import Person, Priority, Project, RiskFlag, Status, Team
from renkei.store.writer import POSITION_GAP

AT = datetime(2026, 11, 20, 9, 0)
LATER = datetime(2026, 11, 21, 14, 30)


def _column(store, name):
    return store.load().find_status(name).id


def _create(store, entity, actor=None, at=AT, **values):
    return store.apply(Create(entity, tuple(values.items())), actor, at).rows[0].entity_id


def _task(store, title="Qualify leads", status="To do", **values):
    return _create(store, "task", title=title, status_id=_column(store, status), **values)


def _snapshot(store):
    """Everything a refused command must leave as it was."""
    return store.load(), store.history()


@pytest.fixture
def people(store):
    """A team and two people: the actors of the tests below."""
    team = _create(store, "team", name="Marketing")
    aoki = _create(store, "person", name="Haruka Aoki", team_id=team)
    tanaka = _create(store, "person", name="Yuki Tanaka", team_id=team)
    return {"team": team, "aoki": aoki, "tanaka": tanaka}


# -- creating ------------------------------------------------------------------------------


def test_create_each_kind_of_row(store):
    """Teams, people, projects, columns and tasks are created with version 1."""
    team = _create(store, "team", name="Inside Sales", position=1)
    person = _create(
        store,
        "person",
        name="田中 由紀",
        team_id=team,
        role="IS lead",
        contact="yuki.tanaka@example.com",
    )
    project = _create(store, "project", name="東京展示会出展")
    status = _create(store, "status", name="Review", position=5, wip_limit=3)
    task = _create(
        store,
        "task",
        actor=person,
        title="展示会リードの取り込み",
        status_id=status,
        team_id=team,
        owner_id=person,
        project_id=project,
        priority=Priority.HIGH,
        start=date(2026, 11, 20),
        due=date(2026, 11, 27),
        progress=25,
        estimate_hours=6,
        tags=("展示会", "CRM"),
        description="310 badge scans",
    )
    board = store.load()
    assert board.teams[team] == Team(team, "Inside Sales", 1, version=1)
    assert board.people[person] == Person(
        person, "田中 由紀", team, "IS lead", "yuki.tanaka@example.com", version=1
    )
    assert board.projects[project] == Project(project, "東京展示会出展", version=1)
    assert board.statuses[status] == Status(status, "Review", 5, wip_limit=3, version=1)
    t = board.tasks[task]
    assert (t.title, t.status_id, t.team_id, t.owner_id, t.project_id) == (
        "展示会リードの取り込み",
        status,
        team,
        person,
        project,
    )
    assert (t.priority, t.start, t.due, t.progress, t.estimate_hours) == (
        Priority.HIGH,
        date(2026, 11, 20),
        date(2026, 11, 27),
        25,
        6.0,
    )
    assert t.tags == ("展示会", "CRM")
    assert t.description == "310 badge scans"
    assert (t.created_at, t.updated_at, t.version, t.archived) == (AT, AT, 1, False)
    assert board.revision == 5


def test_create_returns_the_new_row_and_writes_a_created_activity(store, people):
    """A creation's Change carries the row; Activity records who created what, and when."""
    change = store.apply(
        Create("task", (("title", "Call Minato Pharma"), ("status_id", _column(store, "To do")))),
        people["aoki"],
        LATER,
    )
    (row_change,) = change.rows
    assert row_change.created is True and row_change.entity == "task"
    assert row_change.row == store.load().tasks[row_change.entity_id]
    (activity,) = store.history("task", row_change.entity_id)
    assert (activity.field, activity.old, activity.new) == ("created", None, "Call Minato Pharma")
    assert (activity.actor_id, activity.at, activity.revision) == (
        people["aoki"],
        LATER,
        change.revision,
    )


def test_new_tasks_go_to_the_bottom_of_their_column(store):
    """Positions leave gaps, so a later move writes one row."""
    first = _task(store, "first")
    second = _task(store, "second")
    other_column = _task(store, "elsewhere", status="Waiting")
    tasks = store.load().tasks
    assert tasks[first].position == POSITION_GAP
    assert tasks[second].position == 2 * POSITION_GAP
    assert tasks[other_column].position == POSITION_GAP


def test_create_requires_title_and_column(store):
    """A task without a title or a column is refused, and nothing is written."""
    before = _snapshot(store)
    with pytest.raises(ValidationError, match="(?i)title is required"):
        store.apply(Create("task", (("status_id", _column(store, "To do")),)), None)
    with pytest.raises(ValidationError, match="(?i)status(_id)? is required"):
        store.apply(Create("task", (("title", "Orphan"),)), None)
    assert _snapshot(store) == before


def test_create_with_due_before_start_is_refused(store):
    """A new task cannot be due before it starts."""
    before = _snapshot(store)
    with pytest.raises(ValidationError, match="before the start"):
        _task(store, start=date(2026, 12, 5), due=date(2026, 12, 1))
    assert _snapshot(store) == before


def test_create_with_unknown_reference_is_refused(store):
    """A person in a team that does not exist is refused before any write."""
    before = _snapshot(store)
    with pytest.raises(NotFoundError, match="team 42 does not exist"):
        _create(store, "person", name="Ghost", team_id=42)
    assert _snapshot(store) == before


def test_unknown_kind_of_record_is_refused(store):
    """Only the five kinds of record can be created."""
    with pytest.raises(ValidationError, match="unknown kind of record"):
        store.apply(Create("board", (("name", "x"),)), None)


def test_duplicate_team_name_is_a_validation_error(store):
    """Team names are unique: a second 'Marketing' is a user-facing refusal, not a crash."""
    _create(store, "team", name="Marketing")
    before = _snapshot(store)
    with pytest.raises(CommandError):
        _create(store, "team", name="Marketing")
    assert _snapshot(store) == before


# -- editing -------------------------------------------------------------------------------


def test_set_fields_writes_one_activity_per_changed_field(store, people):
    """Each changed field gets an Activity row with encoded old and new values and the actor."""
    task_id = _task(store, due=date(2026, 12, 1), progress=10)
    task = store.load().tasks[task_id]
    change = store.apply(
        set_task(
            task,
            due=date(2026, 12, 3),
            priority=Priority.HIGH,
            owner_id=people["tanaka"],
            tags=("展示会",),
            progress=10,
        ),
        people["aoki"],
        LATER,
    )
    changed = [(a.field, a.old, a.new) for a in store.history("task", task_id)[1:]]
    assert changed == [
        ("due", "2026-12-01", "2026-12-03"),
        ("priority", "normal", "high"),
        ("owner_id", None, str(people["tanaka"])),
        ("tags", "[]", '["展示会"]'),
    ]
    for activity in store.history("task", task_id)[1:]:
        assert (activity.actor_id, activity.at, activity.revision) == (
            people["aoki"],
            LATER,
            change.revision,
        )
    assert [f.name for f in change.rows[0].fields] == ["due", "priority", "owner_id", "tags"]


def test_set_fields_bumps_row_version_and_updated_at(store):
    """An edit raises the row's version by one and stamps the task's updated_at."""
    task_id = _task(store)
    task = store.load().tasks[task_id]
    change = store.apply(set_task(task, progress=50), None, LATER)
    stored = store.load().tasks[task_id]
    assert stored.version == task.version + 1
    assert stored.updated_at == LATER
    assert stored.created_at == AT
    assert change.rows[0].row == stored


def test_apply_all_bumps_the_revision_once(store):
    """Several commands in one apply_all make one revision, shared by all their Activity."""
    a, b = _task(store, "a"), _task(store, "b")
    start = store.revision()
    change = store.apply_all(
        [
            SetFields("task", a, (("progress", 10), ("title", "a2"))),
            SetFields("task", b, (("progress", 20),)),
            Create("team", (("name", "Field Sales"),)),
        ],
        None,
    )
    assert change.revision == start + 1 == store.revision() == store.load().revision
    new = [h for h in store.history() if h.revision == change.revision]
    assert len(new) == 4
    assert len(change.rows) == 3


def test_set_fields_on_other_entities(store, people):
    """People, teams and columns are edited the same way, with their own Activity."""
    column = _column(store, "In progress")
    store.apply_all(
        [
            SetFields("status", column, (("wip_limit", 4), ("name", "Doing"))),
            SetFields("person", people["aoki"], (("role", "Marketing lead"),)),
            SetFields("team", people["team"], (("name", "マーケティング"),)),
        ],
        people["aoki"],
    )
    board = store.load()
    assert (board.statuses[column].name, board.statuses[column].wip_limit) == ("Doing", 4)
    assert board.statuses[column].version == 2
    assert board.people[people["aoki"]].role == "Marketing lead"
    assert board.teams[people["team"]].name == "マーケティング"
    assert [(a.field, a.old, a.new) for a in store.history("status", column)] == [
        ("wip_limit", None, "4"),
        ("name", "In progress", "Doing"),
    ]


def test_no_op_set_fields_changes_nothing(store):
    """Setting the values a row already has writes nothing and makes no revision."""
    task_id = _task(store, progress=30)
    task = store.load().tasks[task_id]
    before = _snapshot(store)
    change = store.apply(set_task(task, progress=30, title="  Qualify leads "), None)
    assert change.rows == ()
    assert change.revision == before[0].revision
    assert _snapshot(store) == before


def test_unknown_row_is_not_found(store):
    """Editing a task that does not exist says so."""
    with pytest.raises(NotFoundError, match="task 99 does not exist"):
        store.apply(SetFields("task", 99, (("progress", 5),)), None)


# -- concurrent edits ----------------------------------------------------------------------


def test_same_field_changed_meanwhile_is_a_conflict(store, people):
    """Two edits of the same field from one snapshot: the second raises and writes nothing."""
    task_id = _task(store, progress=10)
    seen = store.load().tasks[task_id]
    store.apply(set_task(seen, progress=40), people["tanaka"])
    before = _snapshot(store)
    with pytest.raises(ConflictError) as raised:
        store.apply(set_task(seen, progress=60), people["aoki"])
    assert raised.value.conflicts == (("progress", 40, 60),)
    assert (raised.value.entity, raised.value.entity_id) == ("task", task_id)
    assert _snapshot(store) == before


def test_conflict_in_a_batch_writes_nothing(store):
    """A conflict on the last command rolls back the earlier ones too."""
    a, b = _task(store, "a"), _task(store, "b")
    seen_b = store.load().tasks[b]
    store.apply(set_task(seen_b, title="b (renamed)"), None)
    before = _snapshot(store)
    with pytest.raises(ConflictError):
        store.apply_all(
            [SetFields("task", a, (("progress", 90),)), set_task(seen_b, title="b, by me")], None
        )
    assert _snapshot(store) == before


def test_same_new_value_on_both_sides_is_not_a_conflict(store):
    """If the other person already made the same change, there is nothing to ask about."""
    task_id = _task(store, progress=10)
    seen = store.load().tasks[task_id]
    store.apply(set_task(seen, progress=50), None)
    change = store.apply(set_task(seen, progress=50), None)
    assert change.rows == ()


def test_disjoint_fields_merge(store, people):
    """Two edits from the same snapshot touching different fields both apply."""
    task_id = _task(store, progress=10)
    seen = store.load().tasks[task_id]
    store.apply(set_task(seen, progress=70), people["tanaka"])
    store.apply(set_task(seen, due=date(2026, 12, 9), owner_id=people["aoki"]), people["aoki"])
    stored = store.load().tasks[task_id]
    assert (stored.progress, stored.due, stored.owner_id) == (70, date(2026, 12, 9), people["aoki"])
    assert stored.version == seen.version + 2


def test_edit_without_base_overwrites(store):
    """A command without a base (imports, scripts) sets the value whatever is stored."""
    task_id = _task(store, progress=10)
    store.apply(SetFields("task", task_id, (("progress", 40),)), None)
    store.apply(SetFields("task", task_id, (("progress", 60),)), None)
    assert store.load().tasks[task_id].progress == 60


# -- refusals leave the board unchanged ---------------------------------------------------


def test_due_before_start_is_refused(store):
    """Moving the due date before the start is refused; nothing changes."""
    task_id = _task(store, start=date(2026, 12, 1), due=date(2026, 12, 5))
    before = _snapshot(store)
    with pytest.raises(ValidationError, match="before the start"):
        store.apply(SetFields("task", task_id, (("due", date(2026, 11, 30)),)), None)
    assert _snapshot(store) == before


def test_unknown_status_is_refused(store):
    """Moving a card to a column that does not exist is refused; nothing changes."""
    task_id = _task(store)
    before = _snapshot(store)
    with pytest.raises(NotFoundError, match="status 99 does not exist"):
        store.apply(SetFields("task", task_id, (("status_id", 99),)), None)
    assert _snapshot(store) == before


def test_unknown_predecessor_is_refused(store):
    """A dependency on a task that does not exist is refused."""
    task_id = _task(store)
    before = _snapshot(store)
    with pytest.raises(NotFoundError, match="task 99 does not exist"):
        store.apply(SetFields("task", task_id, (("depends_on", (99,)),)), None)
    assert _snapshot(store) == before


def test_self_dependency_is_refused(store):
    """A task cannot wait for itself."""
    task_id = _task(store)
    before = _snapshot(store)
    with pytest.raises(ValidationError, match="depend on itself"):
        store.apply(SetFields("task", task_id, (("depends_on", (task_id,)),)), None)
    assert _snapshot(store) == before


def test_dependency_cycle_is_refused(store):
    """a → b → c, then c → a would close a loop: refused, nothing changes."""
    a, b, c = _task(store, "a"), _task(store, "b"), _task(store, "c")
    store.apply_all(
        [
            SetFields("task", b, (("depends_on", (a,)),)),
            SetFields("task", c, (("depends_on", (b,)),)),
        ],
        None,
    )
    before = _snapshot(store)
    with pytest.raises(ValidationError, match="loop"):
        store.apply(SetFields("task", a, (("depends_on", (c,)),)), None)
    assert _snapshot(store) == before


def test_apply_all_is_all_or_nothing(store):
    """When a later command fails, the earlier creations and edits are rolled back."""
    task_id = _task(store, start=date(2026, 12, 1))
    before = _snapshot(store)
    with pytest.raises(ValidationError):
        store.apply_all(
            [
                Create("team", (("name", "Customer Success"),)),
                SetFields("task", task_id, (("progress", 80),)),
                Create("task", (("title", "new"), ("status_id", _column(store, "To do")))),
                SetFields("task", task_id, (("due", date(2026, 11, 1)),)),
            ],
            None,
        )
    assert _snapshot(store) == before
    conn = sqlite3.connect(store.location)
    try:
        assert conn.execute("SELECT count(*) FROM teams").fetchone() == (0,)
    finally:
        conn.close()


def test_flag_by_unknown_person_is_refused(store):
    """A flag naming a person who is not on the board is a CommandError, not a crash."""
    task_id = _task(store)
    before = _snapshot(store)
    with pytest.raises(CommandError):
        store.apply(
            SetFields("task", task_id, (("flag", RiskFlag("Client silent", 999, AT)),)), None
        )
    assert _snapshot(store) == before


# -- round trips ---------------------------------------------------------------------------


def test_depends_on_round_trip(store):
    """Predecessors come back as they were set, and can be cleared."""
    a, b, c = _task(store, "a"), _task(store, "b"), _task(store, "c")
    change = store.apply(SetFields("task", c, (("depends_on", (a, b)),)), None)
    assert set(store.load().tasks[c].depends_on) == {a, b}
    assert change.rows[0].row.depends_on == store.load().tasks[c].depends_on
    (activity,) = [h for h in store.history("task", c) if h.field == "depends_on"]
    assert (activity.old, json.loads(activity.new)) == ("[]", [a, b])
    store.apply(SetFields("task", c, (("depends_on", ()),)), None)
    assert store.load().tasks[c].depends_on == ()


def test_dependencies_given_out_of_order_stay_editable(store):
    """Predecessors listed in any order read back the same way every time, so an edit based
    on the loaded task (or on the Change) is not mistaken for a conflict."""
    a, b, c, d = (_task(store, name) for name in "abcd")
    change = store.apply(SetFields("task", a, (("depends_on", (d, b)),)), None)
    loaded = store.load().tasks[a]
    assert change.rows[0].row.depends_on == loaded.depends_on
    store.apply(set_task(loaded, depends_on=(c,)), None)
    assert store.load().tasks[a].depends_on == (c,)


def test_flag_round_trip(store, people):
    """A flag keeps its reason, author and time; clearing it removes it."""
    task_id = _task(store)
    flag = RiskFlag(
        "約90件のリードに同意記録がない",
        people["tanaka"],
        datetime(2026, 11, 26, 7, 20, 15, 123456),
    )
    store.apply(SetFields("task", task_id, (("flag", flag),)), people["tanaka"])
    assert store.load().tasks[task_id].flag == flag
    (activity,) = [h for h in store.history("task", task_id) if h.field == "flag"]
    assert activity.old is None
    assert json.loads(activity.new)["reason"] == "約90件のリードに同意記録がない"
    store.apply(SetFields("task", task_id, (("flag", None),)), people["tanaka"])
    assert store.load().tasks[task_id].flag is None


def test_japanese_tags_round_trip(store, board_path):
    """Japanese tags come back intact and are stored readable in the file."""
    task_id = _task(store, tags="展示会, 同意 ,CRM")
    assert store.load().tasks[task_id].tags == ("展示会", "同意", "CRM")
    conn = sqlite3.connect(board_path)
    try:
        raw = conn.execute("SELECT tags FROM tasks WHERE id = ?", (task_id,)).fetchone()[0]
    finally:
        conn.close()
    assert json.loads(raw) == ["展示会", "同意", "CRM"]
    assert "展示会" in raw


def test_every_field_round_trips_through_load(store, people):
    """A task read back equals the task the Change reported, field for field."""
    project = _create(store, "project", name="Onboarding revamp")
    task_id = _task(store)
    task = store.load().tasks[task_id]
    change = store.apply(
        set_task(
            task,
            title="Kick-off with Komorebi Foods",
            description="Agenda:\n- goals\n",
            team_id=people["team"],
            owner_id=people["aoki"],
            project_id=project,
            priority=Priority.URGENT,
            start=date(2026, 12, 1),
            due=date(2026, 12, 2),
            progress=5,
            estimate_hours=1.5,
            tags=("CS",),
            archived=True,
            position=10.5,
            flag=RiskFlag("Waiting on contract", people["aoki"], AT),
        ),
        people["aoki"],
        LATER,
    )
    loaded = store.load().tasks[task_id]
    assert change.rows[0].row == loaded
    expected = dataclasses.replace(
        task,
        title="Kick-off with Komorebi Foods",
        description="Agenda:\n- goals\n",
        team_id=people["team"],
        owner_id=people["aoki"],
        project_id=project,
        priority=Priority.URGENT,
        start=date(2026, 12, 1),
        due=date(2026, 12, 2),
        progress=5,
        estimate_hours=1.5,
        tags=("CS",),
        archived=True,
        position=10.5,
        flag=RiskFlag("Waiting on contract", people["aoki"], AT),
        updated_at=LATER,
        version=task.version + 1,
    )
    assert loaded == expected


# -- history -------------------------------------------------------------------------------


def test_history_is_oldest_first_and_limit_keeps_the_latest(store):
    """history(entity, id) lists one record's changes in order; limit keeps the last ones."""
    a, b = _task(store, "a"), _task(store, "b")
    for progress in (10, 20, 30):
        store.apply(SetFields("task", a, (("progress", progress),)), None)
        store.apply(SetFields("task", b, (("progress", progress + 1),)), None)
    history = store.history("task", a)
    assert [(h.field, h.new) for h in history] == [
        ("created", "a"),
        ("progress", "10"),
        ("progress", "20"),
        ("progress", "30"),
    ]
    assert [h.revision for h in history] == sorted(h.revision for h in history)
    assert [h.new for h in store.history("task", a, limit=2)] == ["20", "30"]
    assert {h.entity_id for h in store.history("task")} == {a, b}
    assert len(store.history()) == 8
    assert store.history("team") == []
