"""The lead's risk thresholds reach every rule through the session, and a change of them
re-judges the whole board at once."""

from __future__ import annotations

from renkei.app.session import BoardSession
from renkei.app.standup import build_agenda
from renkei.domain.risk import RiskKind, RiskThresholds


def stale_ids(session: BoardSession) -> set[int]:
    return {
        task_id
        for task_id in session.board.tasks
        if any(r.kind is RiskKind.STALE for r in session.risk(task_id))
    }


def test_default_thresholds_are_the_boards(demo_session):
    """A session without thresholds judges with the board's 7 and 3 days."""
    ctx = demo_session.risk_context()
    assert (ctx.stale_days, ctx.due_soon_days) == (7, 3)
    assert stale_ids(demo_session)  # the demo has work nobody touched for a week


def test_changing_thresholds_rejudges_and_publishes_a_full_refresh(demo_session):
    """set_thresholds forgets every verdict and tells listeners 'everything' (None)."""
    heard = []
    demo_session.subscribe(heard.append)
    usual = stale_ids(demo_session)
    demo_session.set_thresholds(RiskThresholds(stale_days=90, due_soon_days=3))
    assert heard == [None]
    assert stale_ids(demo_session) == set()
    demo_session.set_thresholds(RiskThresholds(stale_days=1, due_soon_days=3))
    assert stale_ids(demo_session) > usual
    demo_session.set_thresholds(RiskThresholds(stale_days=1, due_soon_days=3))
    assert heard == [None, None]  # the same values again: nothing to redo


def test_standup_at_risk_follows_the_thresholds(demo_store):
    """The standup's "at risk" lists use the session's thresholds, as the board does."""
    board = demo_store.load()
    actor = board.find_person("Haruka Aoki").id
    lenient = BoardSession(demo_store, actor, thresholds=RiskThresholds(90, 0))
    strict = BoardSession(demo_store, actor, thresholds=RiskThresholds(1, 14))

    def at_risk(session):
        return {i for slide in build_agenda(session, None).teams for i, _ in slide.at_risk}

    assert at_risk(lenient) < at_risk(strict)
