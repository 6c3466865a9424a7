"""Standups held, on a real board: recorded through the one change path, read back, and
where "since the last standup" starts; the agenda built from them."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from renkei.app.session import BoardSession
from renkei.app.standup import (
    FINISHED,
    HANDOFF_RECEIVED,
    HANDOFF_SENT,
    MOVED,
    NEW,
    build_agenda,
)
from renkei.domain import handoff_commands as ho
from renkei.domain.commands import Create, set_task
from renkei.domain.model import RiskFlag
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


# -- what a team's slide shows: most important first, each task once ---------------------------


def add_task(session: BoardSession, title: str, team_id: int, **fields):
    board = session.board
    values = {"title": title, "status_id": board.find_status("In progress").id, "team_id": team_id}
    values.update(fields)
    change = session.apply(Create("task", tuple(values.items())))
    return session.board.tasks[change.rows[0].entity_id]


def test_a_section_lists_the_most_serious_risk_first_then_the_soonest_due(demo_session):
    """Three tasks due this week: the flagged one first although it is due last, then the
    two others by due date."""
    board = demo_session.board
    today = demo_session.today()
    team = board.find_team("Marketing").id
    owner = board.find_person("Haruka Aoki").id
    later = add_task(demo_session, "Later", team, owner_id=owner, due=today + timedelta(days=5))
    flagged = add_task(demo_session, "Flagged", team, owner_id=owner, due=today + timedelta(days=6))
    demo_session.apply(set_task(flagged, flag=RiskFlag("Client went quiet", owner, utcnow())))
    sooner = add_task(demo_session, "Sooner", team, owner_id=owner, due=today + timedelta(days=3))
    slide = next(s for s in build_agenda(demo_session, None).teams if s.team_id == team)
    mine = [i for i in slide.due_this_week if i in (later.id, flagged.id, sooner.id)]
    assert mine == [flagged.id, sooner.id, later.id]
    shown = slide.shown()
    # The flagged task is at risk and due this week: it shows once, under At risk.
    assert flagged.id in dict(shown.at_risk) and flagged.id not in shown.due_this_week
    assert [i for i in shown.due_this_week if i in (later.id, sooner.id)] == [sooner.id, later.id]


def test_no_task_shows_twice_on_a_slide(demo_session):
    """An overdue task moved since the standup shows under Overdue only (its move told on its
    line), not again under At risk nor Since last standup; across every team's slide, no
    task is listed in two sections."""
    board = demo_session.board
    held = utcnow() - timedelta(hours=1)
    hold(demo_session, held)
    today = demo_session.today()
    team = board.find_team("Inside Sales").id
    late = next(
        t
        for t in board.tasks.values()
        if t.team_id == team and t.due and t.due < today and not t.archived
    )
    waiting = board.find_status("Waiting").id
    moved_to = waiting if late.status_id != waiting else board.find_status("To do").id
    demo_session.apply(set_task(late, status_id=moved_to))
    agenda = build_agenda(demo_session, held)
    slide = next(s for s in agenda.teams if s.team_id == team)
    assert late.id in slide.overdue and late.id in dict(slide.at_risk)  # the facts: both
    assert any(c.task_id == late.id for c in slide.changes)
    shown = slide.shown()
    assert late.id in shown.overdue
    assert late.id not in dict(shown.at_risk)
    assert all(c.task_id != late.id for c in shown.changes)
    assert [c.kind for c in shown.folded[late.id]] == [MOVED]
    for team_slide in agenda.teams:
        s = team_slide.shown()
        listed = [
            *(c.task_id for c in s.changes),
            *s.overdue,
            *s.due_today,
            *(w.handoff.task_id for w in s.waiting),
            *s.blocked,
            *(i for i, _ in s.at_risk),
            *s.due_this_week,
        ]
        assert len(listed) == len(set(listed)), team_slide.team_id


def test_a_task_finished_and_archived_since_the_standup_still_counts(demo_session):
    """Finished since the last standup is what was finished, archived since or not."""
    board = demo_session.board
    held = utcnow() - timedelta(hours=1)
    hold(demo_session, held)
    done = next(s for s in board.statuses.values() if s.is_done)
    task = next(t for t in board.tasks.values() if t.status_id != done.id and not t.archived)
    demo_session.apply(set_task(task, status_id=done.id))
    demo_session.apply(set_task(demo_session.board.tasks[task.id], archived=True))
    slide = next(s for s in build_agenda(demo_session, held).teams if s.team_id == task.team_id)
    assert [(c.kind, c.task_id) for c in slide.changes if c.kind == FINISHED] == [
        (FINISHED, task.id)
    ]
