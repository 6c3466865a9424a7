"""Handoffs stored on a real board: written through the one command path, read back, analysed."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime, timedelta

import pytest

from renkei.app.handoff_analysis import findings
from renkei.domain import handoff_commands as ho
from renkei.domain.commands import ConflictError, Create, ValidationError, set_task
from renkei.domain.handoff import DEFAULT_TEMPLATES, HandoffState
from renkei.store import migrate
from renkei.store.board_store import BoardStore

SENT = datetime(2026, 11, 24, 9, 0)  # a Tuesday
LEAD = {"company": "Kansai Foods", "contact": "m.ito@example.jp", "need": "CRM", "budget": "5M"}


def _create(store, entity, at=SENT - timedelta(days=1), **values):
    return store.apply(Create(entity, tuple(values.items())), None, at).rows[0].entity_id


@pytest.fixture
def cast(store):
    """Marketing (Aoki) → Sales (Sato), and a task owned by Aoki in Marketing."""
    marketing = _create(store, "team", name="Marketing")
    sales = _create(store, "team", name="Sales")
    aoki = _create(store, "person", name="Haruka Aoki", team_id=marketing)
    sato = _create(store, "person", name="Ken Sato", team_id=sales)
    mori = _create(store, "person", name="Aya Mori", team_id=sales)
    status = store.load().find_status("To do").id
    task = _create(
        store, "task", title="Kansai Foods lead", status_id=status, owner_id=aoki, team_id=marketing
    )
    return {
        "marketing": marketing,
        "sales": sales,
        "aoki": aoki,
        "sato": sato,
        "mori": mori,
        "task": task,
    }


def _run(store, build, actor, at, *args, **kwargs):
    """Build the commands on the current board and apply them as one change."""
    commands = build(store.load(), *args, actor_id=actor, at=at, **kwargs)
    return store.apply_all(commands, actor, at)


def _send(store, cast, at=SENT, provided=LEAD, missing=("timeline",)):
    change = _run(
        store, ho.send, cast["aoki"], at, cast["task"], cast["sato"], "lead", provided, missing
    )
    return change.rows[0].entity_id


def test_templates_are_seeded_on_a_new_board(store):
    """A new board holds the lead, deal and request templates, keyed by id, found by name."""
    board = store.load()
    assert sorted(t.name for t in board.handoff_templates.values()) == ["deal", "lead", "request"]
    for name, default in DEFAULT_TEMPLATES.items():
        stored = board.template(name)
        assert stored.items == default.items
        assert stored.sla_business_days == default.sla_business_days
        assert (stored.from_team, stored.to_team, stored.label) == (
            default.from_team,
            default.to_team,
            default.label,
        )
        assert board.handoff_templates[stored.id] is stored


def test_send_ack_accept_moves_owner_and_team_in_one_change(store, cast):
    """Accepting changes the handoff and the task's owner and team in one revision."""
    handoff_id = _send(store, cast)
    sent = store.load().handoffs[handoff_id]
    assert sent.state is HandoffState.SENT
    assert (sent.sender_id, sent.sender_team_id) == (cast["aoki"], cast["marketing"])
    assert (sent.receiver_id, sent.receiver_team_id) == (cast["sato"], cast["sales"])
    assert sent.missing_items == ("timeline", "decision_maker", "source", "consent")
    assert sent.value("budget") == "5M"

    _run(store, ho.acknowledge, cast["sato"], SENT + timedelta(hours=2), handoff_id)
    before = store.revision()
    change = _run(store, ho.accept, cast["sato"], SENT + timedelta(hours=3), handoff_id)
    assert change.revision == before + 1
    assert {(rc.entity, rc.entity_id) for rc in change.rows} == {
        ("handoff", handoff_id),
        ("task", cast["task"]),
    }
    board = store.load()
    assert board.tasks[cast["task"]].owner_id == cast["sato"]
    assert board.tasks[cast["task"]].team_id == cast["sales"]
    assert board.handoffs[handoff_id].state is HandoffState.ACCEPTED
    trail = [a for a in store.history() if a.revision == change.revision]
    fields = {(a.entity, a.field, a.new) for a in trail}
    assert ("handoff", "state", "accepted") in fields
    assert ("handoff", "resolved_at", (SENT + timedelta(hours=3)).isoformat()) in fields
    assert ("task", "owner_id", str(cast["sato"])) in fields
    assert ("task", "team_id", str(cast["sales"])) in fields


def test_return_with_reason_and_missing_items(store, cast):
    """A return stores its reason and the items the receiver lacks, and audits them."""
    handoff_id = _send(store, cast)
    at = SENT + timedelta(hours=1)
    _run(store, ho.return_, cast["sato"], at, handoff_id, "missing_info", ["budget", "timeline"])
    returned = store.load().handoffs[handoff_id]
    assert returned.state is HandoffState.RETURNED
    assert returned.reason == "missing_info"
    assert returned.returned_missing == ("budget", "timeline")
    assert returned.acknowledged_at == at  # reacting acknowledges
    audit = {a.field: a.new for a in store.history("handoff", handoff_id)}
    assert audit["returned_missing"] == '["budget", "timeline"]'
    assert store.load().tasks[cast["task"]].owner_id == cast["aoki"]


def test_reject_needs_a_valid_reason_and_writes_nothing_otherwise(store, cast):
    """A reject without a known reason raises ValidationError before anything is written."""
    handoff_id = _send(store, cast)
    revision = store.revision()
    with pytest.raises(ValidationError):
        _run(store, ho.reject, cast["sato"], SENT + timedelta(hours=1), handoff_id, "meh")
    # Past the builder, the store's own check refuses a return reason on a rejection.
    (command,) = ho.reject(
        store.load(), handoff_id, "no_budget", actor_id=cast["sato"], at=SENT + timedelta(hours=1)
    )
    values = tuple((n, "missing_info" if n == "reason" else v) for n, v in command.values)
    with pytest.raises(ValidationError):
        store.apply(dataclasses.replace(command, values=values), cast["sato"])
    assert store.revision() == revision
    assert store.load().handoffs[handoff_id].state is HandoffState.SENT
    _run(store, ho.reject, cast["sato"], SENT + timedelta(hours=1), handoff_id, "no_budget")
    assert store.load().handoffs[handoff_id].reason == "no_budget"


def test_ask_and_answer_are_stored(store, cast):
    """A question and its answer live in the handoff row and survive a reload."""
    handoff_id = _send(store, cast)
    asked = SENT + timedelta(hours=1)
    _run(store, ho.ask, cast["sato"], asked, handoff_id, "budget", "Is 5M with tax?")
    question = store.load().handoffs[handoff_id].questions[0]
    assert (question.id, question.item, question.asked_by, question.asked_at) == (
        1,
        "budget",
        cast["sato"],
        asked,
    )
    answered = SENT + timedelta(hours=2)
    _run(store, ho.answer, cast["aoki"], answered, handoff_id, question.id, "Without tax")
    question = store.load().handoffs[handoff_id].questions[0]
    assert (question.answer, question.answered_by, question.answered_at) == (
        "Without tax",
        cast["aoki"],
        answered,
    )


def test_reopened_board_has_equal_handoffs(store, cast, board_path):
    """Every state of a handoff reads back equal after closing and reopening the board."""
    first = _send(store, cast)
    _run(store, ho.ask, cast["sato"], SENT + timedelta(hours=1), first, "budget", "Tax?")
    _run(store, ho.return_, cast["sato"], SENT + timedelta(hours=2), first, "not_ready", ["need"])
    second = _send(store, cast, at=SENT + timedelta(days=1))
    _run(store, ho.accept, cast["sato"], SENT + timedelta(days=1, hours=1), second)
    expected = store.load()
    store.dispose()
    again = BoardStore.open(board_path)
    try:
        board = again.load()
        assert board.handoffs == expected.handoffs
        assert board.handoff_templates == expected.handoff_templates
        assert [h.id for h in board.handoffs_of(cast["task"])] == [first, second]
    finally:
        again.dispose()


def test_changes_since_carries_handoff_rows(store, cast):
    """The change feed reads handoff rows like any other entity."""
    revision = store.revision()
    handoff_id = _send(store, cast)
    _, rows = store.changes_since(revision)
    (change,) = [rc for rc in rows if rc.entity == "handoff"]
    assert change.created and change.row == store.load().handoffs[handoff_id]


def test_concurrent_acknowledge_conflicts(board_path, store, cast):
    """Two people acknowledging from the same snapshot: the second gets ConflictError."""
    handoff_id = _send(store, cast)
    other = BoardStore.open(board_path)
    try:
        seen_here, seen_there = store.load(), other.load()
        first = ho.acknowledge(
            seen_here, handoff_id, actor_id=cast["sato"], at=SENT + timedelta(hours=1)
        )
        second = ho.acknowledge(
            seen_there, handoff_id, actor_id=cast["sato"], at=SENT + timedelta(hours=2)
        )
        store.apply_all(first, cast["sato"])
        with pytest.raises(ConflictError):
            other.apply_all(second, cast["sato"])
    finally:
        other.dispose()
    assert store.load().handoffs[handoff_id].acknowledged_at == SENT + timedelta(hours=1)


def test_findings_silent_handoff_versus_accepted_handoff(store, cast):
    """A plain owner change to another team is a silent handoff; the owner change of an
    accept is not, nor is a reassignment inside one team."""
    handoff_id = _send(store, cast)
    accepted_at = SENT + timedelta(hours=1)
    _run(store, ho.accept, cast["sato"], accepted_at, handoff_id)
    # Sato passes the task to Mori (Sales too): a reassignment. Then Mori passes it back to
    # Aoki in Marketing by just changing the owner: no handoff record.
    task = store.load().tasks[cast["task"]]
    store.apply(set_task(task, owner_id=cast["mori"]), cast["sato"], SENT + timedelta(hours=5))
    task = store.load().tasks[cast["task"]]
    silent_at = SENT + timedelta(days=1)
    store.apply(set_task(task, owner_id=cast["aoki"]), cast["mori"], silent_at)

    found = findings(store, now=SENT + timedelta(days=2))
    silent = [f for f in found if f.kind == "silent_handoff"]
    assert len(silent) == 1
    assert (silent[0].from_person_id, silent[0].to_person_id, silent[0].at) == (
        cast["mori"],
        cast["aoki"],
        silent_at,
    )
    assert (silent[0].from_team_id, silent[0].to_team_id) == (cast["sales"], cast["marketing"])
    incomplete = [f for f in found if f.kind == "incomplete_at_send"]
    assert incomplete and incomplete[0].handoff_id == handoff_id
    assert "timeline" in incomplete[0].items


def test_activity_adapters_read_the_audit_trail(store, cast):
    """Owner/team changes become OwnerChange values; ownership moves are not 'work'."""
    handoff_id = _send(store, cast)
    _run(store, ho.accept, cast["sato"], SENT + timedelta(hours=1), handoff_id)
    trail = store.history()
    changes = ho.owner_changes_from_activity(trail)
    assert {(c.field, c.old, c.new) for c in changes} == {
        ("owner_id", cast["aoki"], cast["sato"]),
        ("team_id", cast["marketing"], cast["sales"]),
    }
    work = ho.activity_by_task(trail)
    assert all(at < SENT for _, at in work[cast["task"]])


def test_a_0001_board_migrates_and_keeps_its_data(board_path, cast, store):
    """A board at revision 0001 gains the later tables and the templates; a backup is made."""
    store.dispose()
    with sqlite3.connect(board_path) as conn:
        conn.execute("DROP TABLE standups")
        conn.execute("DROP TABLE handoffs")
        conn.execute("DROP TABLE handoff_templates")
        conn.execute("DROP INDEX ix_tasks_source_id")
        conn.execute("ALTER TABLE projects DROP COLUMN due")  # made by 0007
        conn.execute("DROP INDEX ix_activity_change_id")  # made by 0006
        conn.execute("ALTER TABLE activity DROP COLUMN change_id")
        conn.execute("DROP INDEX ix_people_login")  # made by 0005, with the two columns
        conn.execute("ALTER TABLE people DROP COLUMN login")
        conn.execute("ALTER TABLE activity DROP COLUMN login")
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.close()
    reopened = BoardStore.open(board_path)
    try:
        board = reopened.load()
        assert board.tasks[cast["task"]].title == "Kansai Foods lead"
        assert sorted(t.name for t in board.handoff_templates.values()) == [
            "deal",
            "lead",
            "request",
        ]
        assert board.handoffs == {}
        assert list(board_path.parent.glob(f"{board_path.name}.before-0001-*.bak"))
        with sqlite3.connect(board_path) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                migrate.head_revision(),
            )
        conn.close()
    finally:
        reopened.dispose()


def test_migrated_schema_matches_the_models(store):
    """Alembic finds no difference between the migrated database and schema.py."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from renkei.store.schema import metadata

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


@pytest.mark.postgres
def test_handoff_round_trip_on_postgresql(pg_url):
    """Send, acknowledge and accept on a server board; the board reads back equal."""
    store = BoardStore.open(pg_url)
    try:
        marketing = _create(store, "team", name="Marketing")
        sales = _create(store, "team", name="Sales")
        aoki = _create(store, "person", name="Haruka Aoki", team_id=marketing)
        sato = _create(store, "person", name="Ken Sato", team_id=sales)
        status = store.load().find_status("To do").id
        task = _create(store, "task", title="Lead", status_id=status, owner_id=aoki)
        cast = {"aoki": aoki, "sato": sato, "task": task}
        handoff_id = _send(store, cast)
        _run(store, ho.ask, sato, SENT + timedelta(hours=1), handoff_id, "budget", "Tax?")
        _run(store, ho.acknowledge, sato, SENT + timedelta(hours=2), handoff_id)
        _run(store, ho.accept, sato, SENT + timedelta(hours=3), handoff_id)
        board = store.load()
        assert board.handoffs[handoff_id].state is HandoffState.ACCEPTED
        assert board.handoffs[handoff_id].questions[0].asked_at == SENT + timedelta(hours=1)
        assert (board.tasks[task].owner_id, board.tasks[task].team_id) == (sato, sales)
        assert len(board.handoff_templates) == 3
    finally:
        store.dispose()
    again = BoardStore.open(pg_url)
    try:
        assert again.load().handoffs == board.handoffs
    finally:
        again.dispose()


def test_undoing_a_send_withdraws_it_and_redo_sends_it_again(store, cast):
    """Undo of a send leaves the row (the trail is append-only) as WITHDRAWN: the task no
    longer waits for it, it can be handed off anew, and the analysis ignores it; redo
    restores it. Once the receiver has accepted, undoing the send is refused."""
    from renkei.app.session import BoardSession

    session = BoardSession(store, cast["aoki"], now=lambda: SENT + timedelta(days=5))
    commands = ho.send(
        session.board, cast["task"], cast["sato"], "lead", {}, (), actor_id=cast["aoki"], at=SENT
    )
    handoff_id = session.apply_all(commands, "Hand off").rows[0].entity_id
    assert session.undo_label() == "Hand off"
    session.undo()
    board = session.board
    assert board.handoffs[handoff_id].state is HandoffState.WITHDRAWN
    assert board.open_handoff(cast["task"]) is None
    assert [f for f in findings(session, SENT + timedelta(days=5)) if f.handoff_id] == []
    session.redo()
    assert session.board.open_handoff(cast["task"]).id == handoff_id
    kinds = {f.kind for f in findings(session, SENT + timedelta(days=5))}
    assert {"dropped", "incomplete_at_send"} <= kinds

    _run(store, ho.accept, cast["sato"], SENT + timedelta(hours=2), handoff_id)
    session.pull()
    with pytest.raises(ValidationError):  # the accept conflicts; overriding is refused too
        try:
            session.undo()  # undoes the redo, i.e. withdraws again
        except ConflictError:
            session.undo_overriding()
    assert session.board.handoffs[handoff_id].state is HandoffState.ACCEPTED
