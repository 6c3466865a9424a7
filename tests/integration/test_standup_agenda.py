"""Standups held, on a real board: recorded through the one change path, read back, and
where "since the last standup" starts; the agenda built from them."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from renkei.app.session import BoardSession
from renkei.app.standup import FINISHED, HANDOFF_RECEIVED, HANDOFF_SENT, NEW, build_agenda
from renkei.domain import handoff_commands as ho
from renkei.domain.commands import Create, set_task
from renkei.store.board_store import BoardStore, utcnow


def hold(session: BoardSession, at):
    return session.apply(Create("standup", (("held_at", at), ("held_by", session.actor_id))))


def test_the_last_standup_is_the_latest_one_held(demo_session):
    demo_last = demo_session.board.last_standup()
    assert demo_last is not None and demo_last.held_at < utcnow() - timedelta(days=3)
    now = utcnow()
    hold(demo_session, now - timedelta(days=1))
    hold(demo_session, now)
    last = demo_session.board.last_standup()
    assert last.held_at == now and last.held_by == demo_session.actor_id
    reopened = BoardSession(demo_session.store, None).board.last_standup()
    assert reopened == last


def test_since_the_last_standup_lists_what_changed_after_it(demo_session):
    """Finished, new and handoffs sent and received after the standup are listed under
    their teams; what happened before it is not."""
    board = demo_session.board
    held = utcnow()
    hold(demo_session, held)
    done = next(s for s in board.statuses.values() if s.is_done)
    task = next(t for t in board.tasks.values() if t.status_id != done.id and t.team_id is not None)
    demo_session.apply(set_task(task, status_id=done.id))
    status = board.find_status("To do")
    demo_session.apply(
        Create(
            "task",
            (("title", "Brief the new hire"), ("status_id", status.id), ("team_id", task.team_id)),
        )
    )
    recap = next(t for t in board.tasks.values() if t.title == "Publish webinar recap article")
    yuki = board.find_person("Yuki Tanaka")
    demo_session.apply_all(
        ho.send(demo_session.board, recap.id, yuki.id, "lead", actor_id=recap.owner_id, at=utcnow())
    )
    agenda = build_agenda(demo_session, demo_session.board.last_standup().held_at)
    slides = {s.team_id: s for s in agenda.teams}
    kinds = [(c.kind, c.task_id) for c in slides[task.team_id].changes]
    assert (FINISHED, task.id) in kinds
    assert NEW in {k for k, _ in kinds}
    assert (HANDOFF_SENT, recap.id) in [(c.kind, c.task_id) for c in slides[recap.team_id].changes]
    assert (HANDOFF_RECEIVED, recap.id) in [
        (c.kind, c.task_id) for c in slides[yuki.team_id].changes
    ]
    every = [c for s in agenda.teams for c in s.changes]
    assert all(c.at > held for c in every)


def test_a_team_order_is_kept_and_waiting_handoffs_are_the_receivers(demo_session):
    board = demo_session.board
    order = [t.id for t in reversed(board.ordered_teams())]
    agenda = build_agenda(demo_session, None, order)
    assert [s.team_id for s in agenda.teams][: len(order)] == order
    inside = board.find_team("Inside Sales").id
    slide = next(s for s in agenda.teams if s.team_id == inside)
    assert [w.handoff.receiver_team_id for w in slide.waiting] == [inside] * len(slide.waiting)
    assert slide.waiting, "the demo's trade-show leads wait for Inside Sales"


def test_a_0002_board_gains_the_standups_table(board_path, store):
    store.dispose()
    with sqlite3.connect(board_path) as conn:
        conn.execute("DROP TABLE standups")
        conn.execute("DROP INDEX ix_tasks_source_id")  # made by 0004
        conn.execute("ALTER TABLE projects DROP COLUMN due")  # made by 0007
        conn.execute("DROP INDEX ix_activity_change_id")  # made by 0006
        conn.execute("ALTER TABLE activity DROP COLUMN change_id")
        conn.execute("DROP INDEX ix_people_login")  # made by 0005, with the two columns
        conn.execute("ALTER TABLE people DROP COLUMN login")
        conn.execute("ALTER TABLE activity DROP COLUMN login")
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
    conn.close()
    reopened = BoardStore.open(board_path)
    try:
        assert reopened.load().standups == {}
        session = BoardSession(reopened, None)
        hold(session, utcnow())
        assert session.board.last_standup() is not None
    finally:
        reopened.dispose()
