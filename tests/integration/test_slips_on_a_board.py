"""A moved deadline is remembered: on a real board file, moving a late task's due date leaves
it "slipped" (not healthy), a re-baseline commits to the new date, and `tasks --json` says
what moved, when and by whom."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from renkei.app.session import BoardSession
from renkei.cli import output
from renkei.domain.commands import set_task
from renkei.domain.risk import RiskKind, describe
from renkei.store.board_store import BoardStore


def _late_open_task(session):
    ctx = session.risk_context()
    for task in sorted(session.board.tasks.values(), key=lambda t: t.id):
        if (
            not task.archived
            and task.status_id not in ctx.done_ids
            and task.status_id != ctx.backlog_id
            and task.due is not None
            and task.due < session.today()
            and not session.slips(task.id).moves  # its first move is the test's
        ):
            return task
    raise AssertionError("the demo has no late open task")


def test_moving_a_late_tasks_deadline_leaves_it_slipped(demo_session):
    session = demo_session
    task = _late_open_task(session)
    first_due = task.due
    assert RiskKind.OVERDUE in [r.kind for r in session.risk(task.id)]

    later = session.today() + timedelta(days=4)
    session.apply(set_task(task, due=later))

    reasons = session.risk(task.id)
    kinds = [r.kind for r in reasons]
    assert RiskKind.OVERDUE not in kinds
    assert RiskKind.SLIPPED in kinds
    slipped = next(r for r in reasons if r.kind is RiskKind.SLIPPED)
    days = (later - first_due).days
    unit = "day" if days == 1 else "days"
    assert describe(slipped) == f"Due date moved 1 time, {days} {unit} later than first planned."

    record = output.task_json(session, session.board.tasks[task.id])
    assert record["baseline_due"] == first_due.isoformat()
    assert [(s["from"], s["to"], s["by"]) for s in record["slips"]] == [
        (first_due.isoformat(), later.isoformat(), "Haruka Aoki")
    ]
    assert record["updated_by"] == "Haruka Aoki"
    assert "slipped" in [r["kind"] for r in record["risks"]]


def test_a_rebaseline_commits_to_the_new_date(demo_session):
    session = demo_session
    task = _late_open_task(session)
    later = session.today() + timedelta(days=4)
    session.apply(set_task(task, due=later))
    change = session.rebaseline([task.id])
    assert [rc.entity_id for rc in change.rows] == [task.id]

    assert RiskKind.SLIPPED not in [r.kind for r in session.risk(task.id)]
    assert session.slips(task.id).baseline == later
    assert session.slips(task.id).moves == ()

    # Read again from the file, as another window would: the same.
    session.reload()
    assert session.slips(task.id).baseline == later
    assert RiskKind.SLIPPED not in [r.kind for r in session.risk(task.id)]


def test_no_task_on_the_demo_wears_a_wip_reason(demo_session):
    """The column over its limit says so in its header; its cards carry no WIP reason."""
    session = demo_session
    kinds = {r.kind.value for t in session.board.tasks for r in session.risk(t)}
    assert "wip" not in kinds


def test_a_rebaseline_made_elsewhere_reaches_another_window(demo_session):
    """A colleague's re-baseline changes no row, only the history: the other session's pull
    still hears of it, and the task is no longer slipped there."""
    here = demo_session
    there = BoardSession(BoardStore.open(Path(here.store.location)), None, today=here.today)
    try:
        task = _late_open_task(here)
        later = here.today() + timedelta(days=4)
        here.apply(set_task(task, due=later))
        there.pull()
        assert RiskKind.SLIPPED in [r.kind for r in there.risk(task.id)]

        here.rebaseline([task.id])
        assert there.pull()
        assert there.slips(task.id).baseline == later
        assert RiskKind.SLIPPED not in [r.kind for r in there.risk(task.id)]
    finally:
        there.store.dispose()
